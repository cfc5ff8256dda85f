import type { Generated } from 'kysely';
import type { DeliveryEventType } from './events.js';

export type DeliveryStatus = 'pending' | 'succeeded' | 'failed';

/** Where a delivery goes: a registered webhook, or an organization's Langfuse connection. */
export type DeliveryTarget = 'webhook' | 'langfuse';

export interface WebhooksTable {
  id: Generated<number>;
  uid: string;
  org_id: number;
  url: string;
  /** JSON array of event types. */
  event_types: unknown;
  /** JSON object, see `WebhookFilters`. */
  filters: unknown;
  enabled: boolean | number;
  /** `whsec_` + base64 of the key bytes. */
  secret: string;
  created_at: string;
  updated_at: string;
}

/** The outbox: one row per event per matching webhook, or per score for a Langfuse connection. */
export interface WebhookDeliveriesTable {
  id: Generated<number>;
  /** The Standard Webhooks `webhook-id`, the same on every attempt. */
  uid: string;
  org_id: number;
  target: Generated<DeliveryTarget>;
  /** Set for a webhook's delivery. */
  webhook_id: number | null;
  /** Set for a Langfuse connection's delivery. */
  connection_id: number | null;
  /** What the delivery is about at its target (a score's id): a newer one sets aside a pending older one. */
  target_key: string | null;
  event_type: DeliveryEventType | 'score';
  /** The exact JSON body sent. */
  payload: string;
  status: DeliveryStatus;
  attempts: Generated<number>;
  next_attempt_at: string;
  /** A worker holds the delivery until then. */
  locked_until: string | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: string;
  completed_at: string | null;
}

export interface WebhookAttemptsTable {
  id: Generated<number>;
  delivery_id: number;
  attempted_at: string;
  status_code: number | null;
  duration_ms: number;
  error: string | null;
}
