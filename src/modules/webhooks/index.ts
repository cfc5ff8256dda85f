export {
  WebhooksService,
  type TargetDelivery,
  type Webhook,
  type WebhookInput,
  type WebhooksOptions,
} from './webhooks.service.js';
export type { OutboxHold, OutboxRequest, OutboxTarget } from './targets.js';
export type { ClaimedDelivery } from './webhooks.repository.js';
export { WebhookWorker, RETRY_DELAYS_MS, type WorkerOptions, type AttemptOutcome } from './worker.js';
export { WEBHOOK_EVENT_TYPES, type WebhookEventType, type WebhookFilters } from './events.js';
export type { DeliveryTarget, WebhookAttemptsTable, WebhookDeliveriesTable, WebhooksTable } from './webhooks.table.js';
export { webhooksRoutes } from './webhooks.routes.js';
export { urlProblem } from './addresses.js';
export { WebhookTransport, type PostOutcome } from './transport.js';
