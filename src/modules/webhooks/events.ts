/** Every event a webhook can subscribe to. */
export const WEBHOOK_EVENT_TYPES = [
  'rating.offered',
  'rating.submitted',
  'rating.cancelled',
  'rating.expired',
  'rating.reminder_due',
  'feedback.created',
  'conversation.anonymized',
  'review.updated',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The test event `POST /v1/webhooks/{id}/ping` sends to one webhook; nobody subscribes to it. */
export const PING_EVENT = 'ping' as const;

/** What a delivery carries: a subscribed event, or a ping. */
export type DeliveryEventType = WebhookEventType | typeof PING_EVENT;

/**
 * Optional filters. `rating` narrows `rating.submitted` events by the answer, per question kind: a kind with a bound
 * passes only answers at or below it (`max_stars` 1-5 bounds stars, the built-in CSAT among them, and an
 * organization's own csat questions, the same five-point scale; NPS `max_nps` 0-10; CES `max_ces` 1-7, 1 the hardest;
 * thumbs `thumbs` up or down); a kind without a bound passes every answer, as do choice and text answers, which have
 * no value to bound. Other event types are not filtered.
 */
export interface WebhookFilters {
  rating?: { max_stars?: number; max_nps?: number; max_ces?: number; thumbs?: 'up' | 'down' };
}

/** Whether an event passes a webhook's filters. */
export function passesFilters(filters: WebhookFilters, type: string, data: unknown): boolean {
  const rating = filters.rating;
  if (type !== 'rating.submitted' || !rating) return true;
  const { kind, value } = data as { kind?: string; value?: number };
  if (typeof value !== 'number') return true;
  if (kind === 'stars' || kind === 'csat') return rating.max_stars === undefined || value <= rating.max_stars;
  if (kind === 'nps') return rating.max_nps === undefined || value <= rating.max_nps;
  if (kind === 'ces') return rating.max_ces === undefined || value <= rating.max_ces;
  if (kind === 'thumbs') return rating.thumbs === undefined || value === (rating.thumbs === 'up' ? 1 : 0);
  return true;
}
