import type { ClaimedDelivery } from './webhooks.repository.js';

/** Where one attempt of a delivery goes, with its headers. */
export interface OutboxRequest {
  url: string;
  headers: Record<string, string>;
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
