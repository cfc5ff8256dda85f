import type { Generated } from 'kysely';

export interface AuditLogTable {
  id: Generated<number>;
  org_id: number;
  actor_user_id: string | null;
  actor_key_id: number | null;
  action: string;
  subject_type: string;
  subject_id: string;
  /** JSON object. */
  details: unknown;
  created_at: string;
}
