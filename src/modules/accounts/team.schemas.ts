import { Type } from 'typebox';
import { DateTime, Nullable, Uuid } from '../../http/schemas.js';
import { MAX_PASSWORD_LENGTH } from './password-policy.js';

export const RoleSchema = Type.Union([Type.Literal('admin'), Type.Literal('agent')], {
  description: '`admin` sets the organization up (settings, keys, webhooks, the team); `agent` reads and rates.',
});

export const TeamMember = Type.Object({
  id: Uuid,
  email: Type.String(),
  name: Nullable(Type.String()),
  role: RoleSchema,
  status: Type.Union([Type.Literal('active'), Type.Literal('deactivated')]),
  created_at: DateTime,
  last_sign_in_at: Nullable(DateTime),
  deactivated_at: Nullable(DateTime),
  agent_id: Nullable({
    ...Uuid,
    description: 'The agent (see /v1/agents) this member is in conversations; null for a member who is no agent.',
  }),
  agent_name: Nullable(
    Type.String({
      description:
        "The linked agent's name as everyone sees it: the directory's, else this member's. Null without an agent.",
    }),
  ),
});

export const MemberChanges = Type.Object(
  {
    role: Type.Optional(RoleSchema),
    agent_id: Type.Optional(
      Nullable({
        ...Uuid,
        description:
          'Links the member to this agent of the directory (null unlinks): the agent must be in the directory ' +
          'already (PUT /v1/agents/{agent_id}), and linked to nobody else.',
      }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const Invitation = Type.Object({
  id: Type.Integer(),
  email: Type.String(),
  role: RoleSchema,
  invited_by: Nullable(Type.Object({ id: Uuid, name: Nullable(Type.String()), email: Type.String() })),
  status: Type.Union([
    Type.Literal('pending'),
    Type.Literal('accepted'),
    Type.Literal('revoked'),
    Type.Literal('expired'),
  ]),
  created_at: DateTime,
  expires_at: DateTime,
  accepted_at: Nullable(DateTime),
  revoked_at: Nullable(DateTime),
});

export const IssuedInvitation = Type.Object({
  ...Invitation.properties,
  link: Type.String({ description: 'The link to accept the invitation: shown in this answer only.' }),
  email_sent: Type.Boolean({ description: 'Whether the link also went out by email (SMTP_URL set and accepted).' }),
});

export const InvitationInput = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 254 }),
    role: RoleSchema,
  },
  { additionalProperties: false },
);

export const InvitationPreview = Type.Object({
  email: Type.String(),
  role: RoleSchema,
  organization: Type.Object({ name: Type.String() }),
  invited_by: Nullable(Type.Object({ name: Nullable(Type.String()), email: Type.String() })),
  expires_at: DateTime,
});

export const Name = Type.String({ minLength: 1, maxLength: 100 });
export const Password = Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH });

export const AcceptInput = Type.Object({ name: Name, password: Password }, { additionalProperties: false });

export const Profile = Type.Object({
  id: Uuid,
  email: Type.String(),
  name: Nullable(Type.String()),
  role: RoleSchema,
});
