import { Type, type Static } from 'typebox';
import { DateTime, Nullable, PageQuery, Uuid } from '../../http/schemas.js';

// Written here, not imported from analytics: accounts and analytics import the audit module, and a schema is a value
// needed when the module loads.
const Day = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', examples: ['2026-11-01'] });

const Person = Type.Object({ id: Uuid, name: Nullable(Type.String()), email: Type.String() });

export const AuditLogQuery = Type.Object(
  {
    action: Type.Optional(
      Type.String({
        pattern: '^[a-z_]{1,40}(\\.[a-z_]{1,40}){0,3}$',
        description: 'An action (`webhook.created`), or a family without a dot (`webhook`: every `webhook.…` action).',
      }),
    ),
    actor_user_id: Type.Optional({ ...Uuid, description: 'Entries of what this user did.' }),
    subject_type: Type.Optional(
      Type.String({ pattern: '^[a-z_]{1,40}$', description: 'What the entries are about: `api_key`, `webhook`…' }),
    ),
    from: Type.Optional({ ...Day, description: 'First day, inclusive, in `tz` (`YYYY-MM-DD`).' }),
    to: Type.Optional({ ...Day, description: 'Last day, inclusive, in `tz` (`YYYY-MM-DD`).' }),
    tz: Type.Optional(
      Type.String({
        maxLength: 64,
        description: "IANA time zone the days are counted in; the organization's reporting time zone by default.",
      }),
    ),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type AuditLogQuery = Static<typeof AuditLogQuery>;

export const AuditEntryView = Type.Object({
  id: Type.Integer(),
  action: Type.String({ description: 'What was done, `<subject>.<verb>`: `settings.updated`, `api_key.revoked`…' }),
  actor: Type.Object(
    {
      type: Type.Union([Type.Literal('user'), Type.Literal('api_key'), Type.Literal('system')], {
        description:
          '`user`: in the dashboard; `api_key`: through the API with a key (its user is `user`); `system`: the ' +
          'command line or Plaudit itself.',
      }),
      user: Nullable(Person),
      api_key: Nullable(Type.Object({ id: Type.Integer(), name: Nullable(Type.String()), prefix: Type.String() })),
    },
    {
      description:
        'Who did it. A user or key removed since is null with its id kept in `actor_user_id`/`actor_api_key_id`.',
    },
  ),
  actor_user_id: Nullable(Uuid),
  actor_api_key_id: Nullable(Type.Integer()),
  subject_type: Type.String(),
  subject_id: Type.String(),
  subject_name: Nullable(
    Type.String({ description: 'A name people know the subject by (a key’s name, a webhook’s URL, a user’s name).' }),
  ),
  details: Type.Record(Type.String(), Type.Unknown(), {
    description: 'What changed. A change of settings or of a webhook holds `before` and `after` of the changed fields.',
  }),
  created_at: DateTime,
});
export type AuditEntryView = Static<typeof AuditEntryView>;

export const AuditActors = Type.Array(Person, { description: 'Everyone who appears as an actor in the log.' });
