import { sql, type Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { CreatedCursor } from '../../http/pagination.js';
import type { AuditLogTable } from './audit.table.js';

/** Which entries a page of the log holds. */
export interface AuditLogQuery {
  /** An exact action (`webhook.created`), or a family without a dot (`webhook`: every `webhook.…`). */
  action?: string;
  actorUserId?: string;
  subjectType?: string;
  fromUtc?: string;
  /** Exclusive. */
  toUtc?: string;
  after?: CreatedCursor;
  limit: number;
}

/** SQL of the audit log: insert and read only. There is no update or delete, on purpose. */
export class AuditRepository {
  constructor(private readonly db: Db) {}

  async insert(db: Db, row: Insertable<AuditLogTable>): Promise<void> {
    await db.insertInto('audit_log').values(row).execute();
  }

  async timezoneOf(orgId: number): Promise<string> {
    const row = await this.db.selectFrom('organizations').select('timezone').where('id', '=', orgId).executeTakeFirst();
    return row?.timezone ?? 'UTC';
  }

  /** A page of the organization's log, newest first, with the acting user and key joined in the same organization. */
  list(orgId: number, query: AuditLogQuery) {
    let select = this.db
      .selectFrom('audit_log as a')
      .leftJoin('users as u', (join) => join.onRef('u.id', '=', 'a.actor_user_id').on('u.org_id', '=', orgId))
      .leftJoin('api_keys as k', (join) => join.onRef('k.id', '=', 'a.actor_key_id').on('k.org_id', '=', orgId))
      .select([
        'a.id',
        'a.action',
        'a.actor_user_id',
        'a.actor_key_id',
        'a.subject_type',
        'a.subject_id',
        'a.details',
        'a.created_at',
        'u.name as actor_name',
        'u.email as actor_email',
        'k.name as key_name',
        'k.key_prefix as key_prefix',
      ])
      .where('a.org_id', '=', orgId);
    if (query.action) {
      select = query.action.includes('.')
        ? select.where('a.action', '=', query.action)
        : // A prefix compared as text, the same on both engines (LIKE's case rules and wildcards differ).
          select.where(sql<string>`substr(a.action, 1, ${sql.lit(query.action.length + 1)})`, '=', `${query.action}.`);
    }
    if (query.actorUserId) select = select.where('a.actor_user_id', '=', query.actorUserId);
    if (query.subjectType) select = select.where('a.subject_type', '=', query.subjectType);
    if (query.fromUtc) select = select.where('a.created_at', '>=', query.fromUtc);
    if (query.toUtc) select = select.where('a.created_at', '<', query.toUtc);
    const after = query.after;
    if (after) {
      select = select.where((eb) =>
        eb.or([
          eb('a.created_at', '<', after.createdAt),
          eb.and([eb('a.created_at', '=', after.createdAt), eb('a.id', '<', after.id)]),
        ]),
      );
    }
    return select.orderBy('a.created_at', 'desc').orderBy('a.id', 'desc').limit(query.limit).execute();
  }

  /** Names of the users an entry is about, in this organization only. */
  usersNamed(orgId: number, ids: string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('users')
      .select(['id', 'name', 'email'])
      .where('org_id', '=', orgId)
      .where('id', 'in', ids)
      .execute();
  }

  /** The distinct actors of the organization's log, for the filter's choices. */
  actors(orgId: number) {
    return this.db
      .selectFrom('audit_log as a')
      .innerJoin('users as u', (join) => join.onRef('u.id', '=', 'a.actor_user_id').on('u.org_id', '=', orgId))
      .select(['u.id', 'u.name', 'u.email'])
      .where('a.org_id', '=', orgId)
      .distinct()
      .orderBy('u.email')
      .execute();
  }
}
