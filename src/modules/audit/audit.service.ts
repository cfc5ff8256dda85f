import type { Db } from '../../db/database.js';
import { nowIso, toJson } from '../../db/values.js';

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
  await db
    .insertInto('audit_log')
    .values({
      org_id: entry.orgId,
      actor_user_id: entry.actorUserId,
      actor_key_id: entry.actorKeyId,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId,
      details: toJson(entry.details ?? {}),
      created_at: nowIso(),
    })
    .execute();
}
