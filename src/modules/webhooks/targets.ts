import type { ClaimedDelivery } from './webhooks.repository.js';

/** Where one attempt of a delivery goes, with its headers. */
export interface OutboxRequest {
  url: string;
  headers: Record<string, string>;
  /**
   * POST (the default) sends the delivery's payload; DELETE removes what the payload named and sends no body. A DELETE
   * answered 404 or 410 is done: what it removes is already gone.
   */
  method?: 'POST' | 'DELETE';
}

/** Why a delivery cannot go now; `retryable` when a later attempt may succeed (a key set again, a restart). */
export interface OutboxHold {
  error: string;
  retryable: boolean;
}

/**
 * A kind of target other than a webhook that the outbox delivers to (a Langfuse connection). Its module registers it
 * with `WebhooksService.registerTarget`; the worker asks it, for each attempt, where the delivery goes and with which
 * credentials, so that a credential is read when it is used and never copied into the outbox.
 */
export interface OutboxTarget {
  prepare(delivery: ClaimedDelivery): Promise<OutboxRequest | OutboxHold>;
}
