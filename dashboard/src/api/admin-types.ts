/** The shapes of the organization's set-up: API keys, webhooks, the audit log and the first-day checklist. */

export type Scope = 'read_all' | 'write_all';

export interface Person {
  id: string;
  name: string | null;
  email: string;
}

export interface ApiKey {
  id: number;
  user_id: string;
  owner: Person;
  name: string | null;
  prefix: string;
  scopes: Scope[];
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export type EventType =
  | 'rating.offered'
  | 'rating.submitted'
  | 'rating.cancelled'
  | 'rating.expired'
  | 'rating.reminder_due'
  | 'feedback.created'
  | 'conversation.anonymized'
  | 'review.updated';

export interface WebhookFilters {
  rating?: { max_stars?: number; max_nps?: number; max_ces?: number; thumbs?: 'up' | 'down' };
}

export interface Webhook {
  id: number;
  uid: string;
  url: string;
  event_types: EventType[];
  filters: WebhookFilters;
  enabled: boolean;
  created_at: string;
  updated_at: string;
}

export interface Delivery {
  id: number;
  webhook_id: string;
  event_type: EventType | 'ping';
  status: 'pending' | 'succeeded' | 'failed';
  attempt_count: number;
  next_attempt_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: string;
  completed_at: string | null;
  attempts: Array<{ attempted_at: string; status_code: number | null; duration_ms: number; error: string | null }>;
}

export interface AuditEntry {
  id: number;
  action: string;
  actor: {
    type: 'user' | 'api_key' | 'system';
    user: Person | null;
    api_key: { id: number; name: string | null; prefix: string } | null;
  };
  actor_user_id: string | null;
  actor_api_key_id: number | null;
  subject_type: string;
  subject_id: string;
  subject_name: string | null;
  details: Record<string, unknown>;
  created_at: string;
}

export type SetupStepId = 'api_key' | 'conversation' | 'ratings' | 'widget';

export interface SetupState {
  organization: { id: number; name: string };
  public_url: string;
  steps: Array<{ id: SetupStepId; done: boolean; done_at: string | null }>;
  complete: boolean;
}

/** A page of a cursor-paginated list. */
export interface Page<T> {
  data: T[];
  next_cursor: string | null;
}

/** The organization's Langfuse connection; its keys are never returned. */
export interface LangfuseConnection {
  base_url: string;
  public_key_masked: string;
  secret_key_set: boolean;
  secret_key_readable: boolean;
  created_at: string;
  updated_at: string;
  delivery: {
    state: 'waiting' | 'delivering' | 'failing';
    pending: number;
    delivered: number;
    failed: number;
    last_attempt_at: string | null;
    last_delivered_at: string | null;
    recent_errors: Array<{ attempted_at: string; status_code: number | null; error: string }>;
  };
}

/** What testing the saved Langfuse keys found. */
export interface LangfuseConnectionCheck {
  ok: boolean;
  status_code: number | null;
  project: { id: string; name: string } | null;
  error: string | null;
  checked_at: string;
}
