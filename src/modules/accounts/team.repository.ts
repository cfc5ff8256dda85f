import type { Insertable } from 'kysely';
import type { Db, Dialect } from '../../db/database.js';
import { forUpdate } from '../../db/locking.js';
import { agentNameSql } from '../agents/index.js';
import type { InvitationsTable, Role } from './accounts.table.js';

const USER_COLUMNS = [
  'id',
  'org_id',
  'email',
  'name',
  'role',
  'password_hash',
  'created_at',
  'last_sign_in_at',
  'deactivated_at',
  'agent_id',
] as const;

const INVITATION_COLUMNS = [
  'i.id',
  'i.org_id',
  'i.email',
  'i.role',
  'i.invited_by',
  'i.created_at',
  'i.expires_at',
  'i.accepted_at',
  'i.revoked_at',
  'u.name as invited_by_name',
  'u.email as invited_by_email',
  'o.name as org_name',
] as const;

/** SQL for the team: an organization's users and its invitations, always bound to one organization. */
export class TeamRepository {
  constructor(
    private readonly db: Db,
    private readonly dialect: Dialect,
  ) {}

  /**
   * Locks the organization's row until the transaction ends (PostgreSQL; SQLite has one writer at a time), so that
   * two changes to its team that each leave an admin standing cannot together leave none.
   */
  async lockOrganization(db: Db, orgId: number): Promise<void> {
    await forUpdate(db.selectFrom('organizations').select('id').where('id', '=', orgId), this.dialect).execute();
  }

  /** The organization's users, active first, each with the name of the agent they are linked to. */
  listUsers(orgId: number) {
    return this.db
      .selectFrom('users')
      .select(USER_COLUMNS)
      .select(agentNameSql('users.org_id', 'users.agent_id').as('agent_name'))
      .where('org_id', '=', orgId)
      .orderBy('deactivated_at', (ob) => ob.asc().nullsFirst())
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  findUser(db: Db, orgId: number, id: string) {
    return db
      .selectFrom('users')
      .select(USER_COLUMNS)
      .select(agentNameSql('users.org_id', 'users.agent_id').as('agent_name'))
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** The user of the organization linked to an agent, if any. */
  userLinkedTo(db: Db, orgId: number, agentUid: string) {
    return db
      .selectFrom('users')
      .select(['id', 'name', 'email'])
      .where('org_id', '=', orgId)
      .where('agent_id', '=', agentUid)
      .executeTakeFirst();
  }

  async setAgent(db: Db, orgId: number, id: string, agentUid: string | null): Promise<void> {
    await db
      .updateTable('users')
      .set({ agent_id: agentUid })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .execute();
  }

  async countActiveAdmins(db: Db, orgId: number): Promise<number> {
    const row = await db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('org_id', '=', orgId)
      .where('role', '=', 'admin')
      .where('deactivated_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  async setRole(db: Db, orgId: number, id: string, role: Role): Promise<void> {
    await db.updateTable('users').set({ role }).where('org_id', '=', orgId).where('id', '=', id).execute();
  }

  async setPasswordHash(db: Db, id: string, hash: string): Promise<void> {
    await db.updateTable('users').set({ password_hash: hash }).where('id', '=', id).execute();
  }

  /** Marks the user deactivated; answers whether this call did (false when they already were). */
  async deactivate(db: Db, orgId: number, id: string, at: string): Promise<boolean> {
    const result = await db
      .updateTable('users')
      .set({ deactivated_at: at })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .where('deactivated_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Revokes every key of the user still active; answers how many. */
  async revokeKeysOf(db: Db, userId: string, at: string): Promise<number> {
    const result = await db
      .updateTable('api_keys')
      .set({ revoked_at: at })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** Ends every session of the user, but the one `except` (a token hash), if given; answers how many. */
  async deleteSessionsOf(db: Db, userId: string, except?: string): Promise<number> {
    let query = db.deleteFrom('sessions').where('user_id', '=', userId);
    if (except) query = query.where('token_hash', '!=', except);
    const result = await query.executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  userByEmail(db: Db, email: string) {
    return db.selectFrom('users').select(['id', 'org_id']).where('email', '=', email).executeTakeFirst();
  }

  async insertInvitation(db: Db, row: Insertable<InvitationsTable>) {
    return db.insertInto('invitations').values(row).returning('id').executeTakeFirstOrThrow();
  }

  private invitations(db: Db) {
    return db
      .selectFrom('invitations as i')
      .leftJoin('users as u', 'u.id', 'i.invited_by')
      .innerJoin('organizations as o', 'o.id', 'i.org_id')
      .select(INVITATION_COLUMNS);
  }

  /** The organization's invitations still waiting for an answer (neither accepted nor revoked, not expired). */
  listPending(orgId: number, now: string) {
    return this.invitations(this.db)
      .where('i.org_id', '=', orgId)
      .where('i.accepted_at', 'is', null)
      .where('i.revoked_at', 'is', null)
      .where('i.expires_at', '>', now)
      .orderBy('i.created_at', 'desc')
      .orderBy('i.id', 'desc')
      .execute();
  }

  /** A pending invitation to this email in this organization, if one waits. */
  findPendingFor(db: Db, orgId: number, email: string, now: string) {
    return db
      .selectFrom('invitations')
      .select('id')
      .where('org_id', '=', orgId)
      .where('email', '=', email)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
  }

  findInvitation(db: Db, orgId: number, id: number) {
    return this.invitations(db).where('i.org_id', '=', orgId).where('i.id', '=', id).executeTakeFirst();
  }

  findInvitationByToken(db: Db, tokenHash: string) {
    return this.invitations(db).where('i.token_hash', '=', tokenHash).executeTakeFirst();
  }

  /** Locks an invitation by its token until the transaction ends (PostgreSQL), so it is accepted once. */
  async lockInvitation(db: Db, tokenHash: string): Promise<void> {
    await forUpdate(
      db.selectFrom('invitations').select('id').where('token_hash', '=', tokenHash),
      this.dialect,
    ).execute();
  }

  async revokeInvitation(db: Db, orgId: number, id: number, at: string): Promise<void> {
    await db
      .updateTable('invitations')
      .set({ revoked_at: at })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .where('accepted_at', 'is', null)
      .execute();
  }

  async markAccepted(db: Db, id: number, at: string): Promise<void> {
    await db.updateTable('invitations').set({ accepted_at: at }).where('id', '=', id).execute();
  }
}
