export { WebhooksService, type Webhook, type WebhookInput, type WebhooksOptions } from './webhooks.service.js';
export { WebhookWorker, RETRY_DELAYS_MS, type WorkerOptions, type AttemptOutcome } from './worker.js';
export { WEBHOOK_EVENT_TYPES, type WebhookEventType, type WebhookFilters } from './events.js';
export type { WebhookAttemptsTable, WebhookDeliveriesTable, WebhooksTable } from './webhooks.table.js';
export { webhooksRoutes } from './webhooks.routes.js';
