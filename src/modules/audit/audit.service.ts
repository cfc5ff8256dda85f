import type { Database, Db } from '../../db/database.js';
import { fromJson, nowIso, toJson } from '../../db/values.js';
import { decodeCursor, splitPage } from '../../http/pagination.js';
import { resolveFilters } from '../analytics/index.js';
import { AuditRepository } from './audit.repository.js';
import type { AuditEntryView, AuditLogQuery } from './audit.schemas.js';

/** Who did something: a user (with the key they used, if any); both null for the command line or Plaudit itself. */
export interface AuditActor {
  userId: string | null;
  keyId: number | null;
}

/** The command line and Plaudit's own work: nobody signed in. */
export const SYSTEM_ACTOR: AuditActor = { userId: null, keyId: null };

export interface AuditEntry {
  orgId: number;
  actorUserId: string | null;
  actorKeyId: number | null;
  action: string;
  subjectType: string;
  subjectId: string;
  details?: Record<string, unknown>;
}

/** Records what was done, by whom, to what. Written in the caller's transaction, so it lands with the change. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await new AuditRepository(db).insert(db, {
    org_id: entry.orgId,
    actor_user_id: entry.actorUserId,
    actor_key_id: entry.actorKeyId,
    action: entry.action,
    subject_type: entry.subjectType,
    subject_id: entry.subjectId,
    details: toJson(entry.details ?? {}),
    created_at: nowIso(),
  });
}

/**
 * The fields of `after` that differ from `before`, each with its old and new value: what an audit entry of a change
 * keeps, so the log says what changed and not merely that something did. Undefined when nothing changed.
 */
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  after: T,
  fields: ReadonlyArray<keyof T & string>,
): { before: Partial<T>; after: Partial<T> } | undefined {
  const was: Partial<T> = {};
  const now: Partial<T> = {};
  for (const field of fields) {
    if (JSON.stringify(before[field]) === JSON.stringify(after[field])) continue;
    was[field] = before[field];
    now[field] = after[field];
  }
  return Object.keys(now).length === 0 ? undefined : { before: was, after: now };
}

/** Reads the audit log. It is append-only: nothing in Plaudit updates or deletes an entry. */
export class AuditService {
  private readonly repository: AuditRepository;

  constructor(database: Database) {
    this.repository = new AuditRepository(database.db);
  }

  /** A page of the organization's log, newest first, with the names of who did it and what it was done to. */
  async list(orgId: number, query: AuditLogQuery): Promise<{ data: AuditEntryView[]; next_cursor: string | null }> {
    const limit = query.limit ?? 50;
    const range =
      query.from || query.to || query.tz
        ? resolveFilters({ from: query.from, to: query.to, tz: query.tz }, await this.repository.timezoneOf(orgId))
        : undefined;
    const rows = await this.repository.list(orgId, {
      action: query.action,
      actorUserId: query.actor_user_id?.toLowerCase(),
      subjectType: query.subject_type,
      fromUtc: range?.fromUtc,
      toUtc: range?.toUtc,
      after: query.cursor ? decodeCursor(query.cursor) : undefined,
      limit: limit + 1,
    });
    const { page, next_cursor } = splitPage(rows, limit);
    const subjectUsers = new Map(
      (
        await this.repository.usersNamed(
          orgId,
          page.filter((row) => row.subject_type === 'user').map((row) => row.subject_id),
        )
      ).map((user) => [user.id, user]),
    );
    return {
      data: page.map((row) => {
        const details = fromJson<Record<string, unknown>>(row.details, {});
        const user =
          row.actor_user_id && row.actor_email
            ? { id: row.actor_user_id, name: row.actor_name, email: row.actor_email }
            : null;
        const key =
          row.actor_key_id !== null && row.key_prefix
            ? { id: Number(row.actor_key_id), name: row.key_name, prefix: row.key_prefix }
            : null;
        const subjectUser = row.subject_type === 'user' ? subjectUsers.get(row.subject_id) : undefined;
        return {
          id: Number(row.id),
          action: row.action,
          actor: {
            type: row.actor_key_id !== null ? 'api_key' : row.actor_user_id !== null ? 'user' : 'system',
            user,
            api_key: key,
          },
          actor_user_id: row.actor_user_id,
          actor_api_key_id: row.actor_key_id === null ? null : Number(row.actor_key_id),
          subject_type: row.subject_type,
          subject_id: row.subject_id,
          subject_name: subjectUser ? (subjectUser.name ?? subjectUser.email) : subjectNameOf(details),
          details,
          created_at: row.created_at,
        };
      }),
      next_cursor,
    };
  }

  /** Everyone who appears as an actor in the organization's log. */
  async actors(orgId: number) {
    return this.repository.actors(orgId);
  }
}

/** The name an entry's details give its subject, as written when it happened (so a deleted subject keeps it). */
function subjectNameOf(details: Record<string, unknown>): string | null {
  for (const field of ['name', 'prefix', 'url', 'email', 'title']) {
    const value = details[field];
    if (typeof value === 'string' && value !== '') return value;
  }
  return null;
}
