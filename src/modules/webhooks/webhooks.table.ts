import type { Generated } from 'kysely';
import type { DeliveryEventType } from './events.js';

export type DeliveryStatus = 'pending' | 'succeeded' | 'failed';

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

/** The outbox: one row per event per matching webhook. */
export interface WebhookDeliveriesTable {
  id: Generated<number>;
  /** The Standard Webhooks `webhook-id`, the same on every attempt. */
  uid: string;
  org_id: number;
  webhook_id: number;
  event_type: DeliveryEventType;
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
