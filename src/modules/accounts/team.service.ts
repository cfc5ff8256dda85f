import { randomUUID } from 'node:crypto';
import type { Database, Db } from '../../db/database.js';
import { isUniqueViolation } from '../../db/errors.js';
import { integerId, nowIso } from '../../db/values.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../audit/index.js';
import type { Principal } from './accounts.service.js';
import type { Role } from './accounts.table.js';
import type { Mailer } from './mailer.js';
import { checkNewPassword } from './password-policy.js';
import { hashPassword } from './passwords.js';
import { agentAlreadyLinked, linkMemberToAgent } from './member-agent.js';
import { hashSessionToken, looksLikeSessionToken, newSessionToken } from './sessions.js';
import type { NewSession, SessionsService } from './sessions.service.js';
import { TeamRepository } from './team.repository.js';
import { announceKeyChange, forgettingKeys } from './api-key-cache.js';

/** How long an invitation's link works. */
export const INVITATION_LIFETIME_MS = 7 * 24 * 3_600_000;

export interface TeamMember {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  status: 'active' | 'deactivated';
  created_at: string;
  last_sign_in_at: string | null;
  deactivated_at: string | null;
  /** The agent this member is in conversations, and its name as everyone sees it. */
  agent_id: string | null;
  agent_name: string | null;
}

/** What an admin may change of a member; an omitted field stays as it is. */
export interface MemberChanges {
  role?: Role;
  /** An agent of the directory; null unlinks. */
  agent_id?: string | null;
}

export interface InvitationView {
  id: number;
  email: string;
  role: Role;
  invited_by: { id: string; name: string | null; email: string } | null;
  status: 'pending' | 'accepted' | 'revoked' | 'expired';
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
}

/** An invitation just made: its link is in this answer only. */
export interface IssuedInvitation extends InvitationView {
  link: string;
  /** Whether the link also went out by email (only with SMTP_URL set, and only if the server took it). */
  email_sent: boolean;
}

/** What the person holding an invitation's link may see before accepting it. */
export interface InvitationPreview {
  email: string;
  role: Role;
  organization: { name: string };
  invited_by: { name: string | null; email: string } | null;
  expires_at: string;
}

type UserRow = {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  created_at: string;
  last_sign_in_at: string | null;
  deactivated_at: string | null;
  agent_id: string | null;
  agent_name: string | null;
};

type InvitationRow = {
  id: number;
  email: string;
  role: Role;
  invited_by: string | null;
  invited_by_name: string | null;
  invited_by_email: string | null;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function toMember(row: UserRow): TeamMember {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    status: row.deactivated_at ? 'deactivated' : 'active',
    created_at: row.created_at,
    last_sign_in_at: row.last_sign_in_at,
    deactivated_at: row.deactivated_at,
    agent_id: row.agent_id,
    agent_name: row.agent_id ? row.agent_name : null,
  };
}

function statusOf(row: InvitationRow, now: number): InvitationView['status'] {
  if (row.accepted_at) return 'accepted';
  if (row.revoked_at) return 'revoked';
  return now >= Date.parse(row.expires_at) ? 'expired' : 'pending';
}

function toInvitation(row: InvitationRow, now = Date.now()): InvitationView {
  return {
    id: Number(row.id),
    email: row.email,
    role: row.role,
    invited_by: row.invited_by ? { id: row.invited_by, name: row.invited_by_name, email: row.invited_by_email! } : null,
    status: statusOf(row, now),
    created_at: row.created_at,
    expires_at: row.expires_at,
    accepted_at: row.accepted_at,
    revoked_at: row.revoked_at,
  };
}

function userNotFound(id: string): AppError {
  return new AppError('user_not_found', `No user ${id} in this organization.`);
}

/** Refuses an invitation that can no longer be accepted, with a sentence saying why. */
function requirePending(row: InvitationRow | undefined): asserts row is InvitationRow {
  if (!row)
    throw new AppError('invitation_not_found', 'This invitation link is not valid; check that it was copied whole.');
  const status = statusOf(row, Date.now());
  if (status === 'accepted')
    throw new AppError('invitation_accepted', 'This invitation was already accepted: sign in instead.');
  if (status === 'revoked')
    throw new AppError('invitation_revoked', 'An admin revoked this invitation; ask them for a new one.');
  if (status === 'expired') {
    throw new AppError(
      'invitation_expired',
      'This invitation has expired (links work for 7 days); ask an admin for a new one.',
    );
  }
}

/**
 * The team of an organization: its members and their roles, deactivation, and invitations. Every change is written
 * with its audit entry in one transaction, and the organization stays with at least one active admin.
 */
export class TeamService {
  private readonly repository: TeamRepository;

  constructor(
    private readonly database: Database,
    private readonly sessions: SessionsService,
    private readonly options: { publicUrl: string; mailer?: Mailer; onMailError?: (error: unknown) => void },
  ) {
    this.repository = new TeamRepository(database.db, database.dialect);
  }

  async listMembers(orgId: number): Promise<TeamMember[]> {
    return (await this.repository.listUsers(orgId)).map(toMember);
  }

  /**
   * Changes a member's role, the agent they are linked to, or both: all or nothing, with an audit entry for each
   * change. The last active admin cannot become an agent (409 `last_admin`); a deactivated member's role no longer
   * changes, but their link to an agent may (who an agent was stays true after they left).
   */
  async updateMember(principal: Principal, userId: string, changes: MemberChanges): Promise<TeamMember> {
    try {
      // A new role changes what the user's keys may do.
      return await forgettingKeys(this.database, () =>
        this.database.db.transaction().execute(async (trx) => {
          await this.repository.lockOrganization(trx, principal.orgId);
          const user = await this.repository.findUser(trx, principal.orgId, userId);
          if (!user) throw userNotFound(userId);
          if (changes.role !== undefined) await this.changeRole(trx, principal, user, changes.role);
          if (changes.agent_id !== undefined) {
            const change = await linkMemberToAgent(trx, this.repository, principal.orgId, user, changes.agent_id);
            if (change) await this.audit(trx, principal, 'user.agent_changed', 'user', userId, change);
          }
          return toMember((await this.repository.findUser(trx, principal.orgId, userId))!);
        }),
      );
    } catch (error) {
      // Two admins linking the same agent at once: the unique index keeps one user per agent.
      if (isUniqueViolation(error)) throw agentAlreadyLinked(null);
      throw error;
    }
  }

  private async changeRole(db: Db, principal: Principal, user: UserRow, role: Role): Promise<void> {
    if (user.deactivated_at) {
      throw new AppError(
        'user_deactivated',
        `${user.name ?? user.email} was deactivated; their role no longer changes.`,
      );
    }
    if (user.role === role) return;
    if (user.role === 'admin') await this.requireAnotherAdmin(db, principal.orgId, 'made an agent');
    await this.repository.setRole(db, principal.orgId, user.id, role);
    await announceKeyChange(this.database, db, principal.orgId);
    await this.audit(db, principal, 'user.role_changed', 'user', user.id, { from: user.role, to: role });
  }

  /**
   * Deactivates a member: in one transaction their sessions end and their API keys are revoked, so their next
   * request is refused. Deactivating twice changes nothing. The last active admin cannot be deactivated.
   */
  async deactivate(principal: Principal, userId: string): Promise<TeamMember> {
    return forgettingKeys(this.database, () =>
      this.database.db.transaction().execute(async (trx) => {
        await this.repository.lockOrganization(trx, principal.orgId);
        const user = await this.repository.findUser(trx, principal.orgId, userId);
        if (!user) throw userNotFound(userId);
        if (user.deactivated_at) return toMember(user);
        if (user.role === 'admin') await this.requireAnotherAdmin(trx, principal.orgId, 'deactivated');
        const at = nowIso();
        await this.repository.deactivate(trx, principal.orgId, userId, at);
        const revokedKeys = await this.repository.revokeKeysOf(trx, userId, at);
        await announceKeyChange(this.database, trx, principal.orgId);
        const endedSessions = await this.repository.deleteSessionsOf(trx, userId);
        await this.audit(trx, principal, 'user.deactivated', 'user', userId, {
          revoked_keys: revokedKeys,
          ended_sessions: endedSessions,
        });
        return toMember({ ...user, deactivated_at: at });
      }),
    );
  }

  /**
   * Invites someone by email to join as `role`. The link (PUBLIC_URL + `/accept-invite?token=…`) is answered this
   * once; with a mailer it also goes out by email, after the invitation is committed.
   */
  async invite(principal: Principal, input: { email: string; role: Role }): Promise<IssuedInvitation> {
    const email = input.email.trim().toLowerCase();
    if (!EMAIL.test(email) || email.length > 254) {
      throw new AppError('validation_failed', `"${input.email}" is not a valid email address.`);
    }
    const token = newSessionToken();
    const now = Date.now();
    const row = await this.database.db.transaction().execute(async (trx) => {
      await this.repository.lockOrganization(trx, principal.orgId);
      if (await this.repository.userByEmail(trx, email)) {
        throw new AppError('email_taken', `${email} already has a Plaudit account.`);
      }
      if (await this.repository.findPendingFor(trx, principal.orgId, email, new Date(now).toISOString())) {
        throw new AppError(
          'invitation_pending',
          `An invitation to ${email} is already waiting; revoke it to send a new one.`,
        );
      }
      const { id } = await this.repository.insertInvitation(trx, {
        org_id: principal.orgId,
        email,
        role: input.role,
        token_hash: hashSessionToken(token),
        invited_by: principal.userId,
        created_at: new Date(now).toISOString(),
        expires_at: new Date(now + INVITATION_LIFETIME_MS).toISOString(),
      });
      await this.audit(trx, principal, 'invitation.created', 'invitation', String(id), { email, role: input.role });
      return (await this.repository.findInvitation(trx, principal.orgId, Number(id)))!;
    });
    const link = `${this.options.publicUrl}/accept-invite?token=${token}`;
    const emailSent = await this.sendInvitation(row, link);
    return { ...toInvitation(row), link, email_sent: emailSent };
  }

  async listPendingInvitations(orgId: number): Promise<InvitationView[]> {
    return (await this.repository.listPending(orgId, nowIso())).map((row) => toInvitation(row));
  }

  /** Revokes an invitation: its link stops working. Revoking twice changes nothing; an accepted one stays accepted. */
  async revokeInvitation(principal: Principal, digits: string): Promise<InvitationView> {
    const id = integerId(digits);
    const notFound = new AppError('invitation_not_found', `No invitation ${digits} in this organization.`);
    if (id === undefined) throw notFound;
    return this.database.db.transaction().execute(async (trx) => {
      const row = await this.repository.findInvitation(trx, principal.orgId, id);
      if (!row) throw notFound;
      if (row.accepted_at) {
        throw new AppError(
          'invitation_accepted',
          `${row.email} already accepted this invitation; deactivate them instead.`,
        );
      }
      if (row.revoked_at) return toInvitation(row);
      await this.repository.revokeInvitation(trx, principal.orgId, id, nowIso());
      await this.audit(trx, principal, 'invitation.revoked', 'invitation', String(id), { email: row.email });
      return toInvitation((await this.repository.findInvitation(trx, principal.orgId, id))!);
    });
  }

  /** Who invited the holder of `token`, to which organization, as which role; refused once it no longer works. */
  async previewInvitation(token: string): Promise<InvitationPreview> {
    const row = looksLikeSessionToken(token)
      ? await this.repository.findInvitationByToken(this.database.db, hashSessionToken(token))
      : undefined;
    requirePending(row);
    return {
      email: row.email,
      role: row.role,
      organization: { name: row.org_name },
      invited_by: row.invited_by ? { name: row.invited_by_name, email: row.invited_by_email! } : null,
      expires_at: row.expires_at,
    };
  }

  /**
   * Accepts an invitation: creates the user with their name and password and begins their session, in one
   * transaction that also marks the invitation accepted, so a link works once.
   */
  async acceptInvitation(token: string, input: { name: string; password: string }): Promise<NewSession> {
    const name = input.name.trim();
    if (!name) throw new AppError('validation_failed', 'Tell us your name: your colleagues see it.');
    if (!looksLikeSessionToken(token)) requirePending(undefined);
    checkNewPassword(input.password);
    const passwordHash = await hashPassword(input.password);
    const tokenHash = hashSessionToken(token);
    try {
      return await this.database.db.transaction().execute(async (trx) => {
        await this.repository.lockInvitation(trx, tokenHash);
        const row = await this.repository.findInvitationByToken(trx, tokenHash);
        requirePending(row);
        if (await this.repository.userByEmail(trx, row.email)) {
          throw new AppError('email_taken', `${row.email} already has a Plaudit account: sign in instead.`);
        }
        const user = { id: randomUUID(), org_id: Number(row.org_id), email: row.email, name, role: row.role };
        await trx
          .insertInto('users')
          .values({ ...user, password_hash: passwordHash, created_at: nowIso() })
          .execute();
        await this.repository.markAccepted(trx, Number(row.id), nowIso());
        return this.sessions.beginSession(trx, user, 'invitation.accepted', {
          invitation_id: Number(row.id),
          role: row.role,
        });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('email_taken', 'That email already has a Plaudit account.');
      throw error;
    }
  }

  private async requireAnotherAdmin(db: Db, orgId: number, what: string): Promise<void> {
    if ((await this.repository.countActiveAdmins(db, orgId)) <= 1) {
      throw new AppError(
        'last_admin',
        `The organization's last active admin cannot be ${what}; make someone else an admin first.`,
      );
    }
  }

  private async sendInvitation(row: InvitationRow & { org_name: string }, link: string): Promise<boolean> {
    const mailer = this.options.mailer;
    if (!mailer) return false;
    const inviter = row.invited_by_name ?? row.invited_by_email ?? 'An admin';
    try {
      await mailer.send({
        to: row.email,
        subject: `${inviter} invited you to ${row.org_name} on Plaudit`,
        text:
          `${inviter} invited you to join ${row.org_name} on Plaudit as ${row.role === 'admin' ? 'an admin' : 'an agent'}.\n\n` +
          `Choose your name and password here:\n${link}\n\n` +
          `The link works once, until ${new Date(row.expires_at).toUTCString()}. If you did not expect it, ignore this email.\n`,
      });
      return true;
    } catch (error) {
      this.options.onMailError?.(error);
      return false;
    }
  }

  private audit(
    db: Db,
    principal: Principal,
    action: string,
    subjectType: string,
    subjectId: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    return recordAudit(db, {
      orgId: principal.orgId,
      actorUserId: principal.userId,
      actorKeyId: principal.keyId,
      action,
      subjectType,
      subjectId,
      details,
    });
  }
}
