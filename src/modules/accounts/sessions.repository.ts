import type { Insertable } from 'kysely';
import type { Db, Dialect } from '../../db/database.js';
import { skipLocked } from '../../db/locking.js';
import { preparedQuery } from '../../db/prepared.js';
import type { SessionsTable } from './accounts.table.js';

/** SQL for dashboard sessions, looked up by the SHA-256 of their token. */
export class SessionsRepository {
  constructor(
    private readonly db: Db,
    private readonly dialect: Dialect,
  ) {}

  async insertSession(row: Insertable<SessionsTable>, db: Db = this.db): Promise<void> {
    await db.insertInto('sessions').values(row).execute();
  }

  /** The session, for authentication: one primary-key lookup on every request the dashboard makes. */
  private readonly sessionForAuth = preparedQuery(
    () => this.db,
    (db, params: { hash: string }) =>
      db
        .selectFrom('sessions as s')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .select([
          's.token_hash',
          's.user_id',
          's.org_id',
          's.csrf_token',
          's.last_seen_at',
          's.expires_at',
          'u.role',
          'u.deactivated_at',
        ])
        .where('s.token_hash', '=', params.hash),
  );

  async findSession(hash: string) {
    return (await this.sessionForAuth({ hash }))[0];
  }

  /** The session with its user and organization, in one query. */
  findSessionWithAccount(hash: string) {
    return this.db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .innerJoin('organizations as o', 'o.id', 's.org_id')
      .select([
        's.token_hash',
        's.csrf_token',
        's.last_seen_at',
        's.expires_at',
        'u.id as user_id',
        'u.email',
        'u.name as user_name',
        'u.role',
        'u.deactivated_at',
        'o.id as org_id',
        'o.name as org_name',
        'o.timezone',
      ])
      .where('s.token_hash', '=', hash)
      .executeTakeFirst();
  }

  async touchSession(hash: string, seenAt: string): Promise<void> {
    await this.db.updateTable('sessions').set({ last_seen_at: seenAt }).where('token_hash', '=', hash).execute();
  }

  async deleteSession(hash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('token_hash', '=', hash).execute();
  }

  /** Removes a user's sessions that ended (absolute expiry before `now`, or idle since `idleBefore`). */
  async deleteEndedSessions(userId: string, now: string, idleBefore: string, db: Db = this.db): Promise<void> {
    await db
      .deleteFrom('sessions')
      .where('user_id', '=', userId)
      .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleBefore)]))
      .execute();
  }

  /** Deletes up to `limit` sessions that ended (absolute expiry by `now`, or idle since `idleBefore`); answers how many. */
  async deleteEnded(now: string, idleBefore: string, limit: number): Promise<number> {
    const result = await this.db
      .deleteFrom('sessions')
      .where('token_hash', 'in', (eb) =>
        skipLocked(
          eb
            .selectFrom('sessions')
            .select('token_hash')
            .where((ended) => ended.or([ended('expires_at', '<=', now), ended('last_seen_at', '<=', idleBefore)]))
            .limit(limit),
          this.dialect,
        ),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
