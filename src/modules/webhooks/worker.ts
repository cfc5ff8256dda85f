import type { WebhooksRepository, ClaimedDelivery } from './webhooks.repository.js';
import { urlProblem, type Resolve } from './addresses.js';
import { webhookHeaders } from './signing.js';
import { WebhookTransport } from './transport.js';
import type { OutboxHold, OutboxRequest, OutboxTarget } from './targets.js';
import type { DeliveryTarget } from './webhooks.table.js';

/** Delays before the 2nd, 3rd, … attempt: 5 s growing to a day, about 47 hours in all, then the delivery fails. */
export const RETRY_DELAYS_MS = [
  5_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000,
];

const TIMEOUT_MS = 10_000;
/** A claimed delivery is this worker's for this long; well beyond the request timeout. */
const LEASE_MS = 60_000;
const MAX_ERROR_LENGTH = 500;

export interface WorkerOptions {
  allowPrivateNetworks: boolean;
  /** The clock; tests move it. */
  now?: () => Date;
  retryDelaysMs?: number[];
  timeoutMs?: number;
  /** How often to look for due deliveries. */
  pollIntervalMs?: number;
  batchSize?: number;
  onError?: (error: unknown) => void;
  /** DNS for the receivers' names; the system resolver by default. */
  resolve?: Resolve;
  /** Told what each attempt came to, once it is recorded. */
  onAttempt?: (outcome: AttemptOutcome) => void;
  /** The senders of the targets other than webhooks, by kind. */
  targets?: ReadonlyMap<DeliveryTarget, OutboxTarget>;
}

/** Sent; to be tried again; refused for good (not retryable); out of retries. */
export type AttemptOutcome = 'delivered' | 'retried' | 'failed' | 'dead';

/** What one attempt came to. */
interface Outcome {
  statusCode: number | null;
  error: string | null;
  /** Worth trying again later: 5xx, 429, timeouts, connection errors. */
  retryable: boolean;
  ok: boolean;
}

/**
 * Delivers the outbox: claims due deliveries (each by one worker at a time, on every node of a cluster), POSTs
 * them signed per Standard Webhooks outside any transaction, and records each attempt.
 */
export class WebhookWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = true;
  private readonly now: () => Date;
  private readonly delays: number[];
  private readonly transport: WebhookTransport;

  constructor(
    private readonly repository: WebhooksRepository,
    private readonly options: WorkerOptions,
  ) {
    this.now = options.now ?? (() => new Date());
    this.delays = options.retryDelaysMs ?? RETRY_DELAYS_MS;
    this.transport = new WebhookTransport({
      allowPrivateNetworks: options.allowPrivateNetworks,
      ...(options.resolve ? { resolve: options.resolve } : {}),
    });
  }

  /** Polls until `stop`. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const tick = () => {
      if (this.stopped) return;
      this.running = this.runOnce()
        .catch((error: unknown) => this.options.onError?.(error))
        .finally(() => {
          this.running = undefined;
          if (!this.stopped) this.timer = setTimeout(tick, this.options.pollIntervalMs ?? 1000).unref();
        });
    };
    tick();
  }

  /** Stops polling, waits for the deliveries in flight and closes the kept-alive connections. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    this.transport.close();
  }

  /** Claims and sends what is due now; returns how many deliveries it attempted. */
  async runOnce(): Promise<number> {
    const now = this.now();
    const claimed = await this.repository.claimDue({
      now: now.toISOString(),
      lockedUntil: new Date(now.getTime() + LEASE_MS).toISOString(),
      limit: this.options.batchSize ?? 20,
    });
    await Promise.all(claimed.map((delivery) => this.deliver(delivery)));
    return claimed.length;
  }

  private async deliver(delivery: ClaimedDelivery): Promise<void> {
    const started = this.now();
    const clock = performance.now();
    const outcome = await this.send(delivery, Math.floor(started.getTime() / 1000));
    const duration = Math.round(performance.now() - clock);
    const attempts = delivery.attempts + 1;
    const done = this.now();
    const delay = this.delays[attempts - 1];
    const retry = !outcome.ok && outcome.retryable && delay !== undefined;
    await this.repository.recordAttempt(
      {
        delivery_id: delivery.id,
        attempted_at: started.toISOString(),
        status_code: outcome.statusCode,
        duration_ms: duration,
        error: outcome.error,
      },
      {
        attempts,
        status: outcome.ok ? 'succeeded' : retry ? 'pending' : 'failed',
        next_attempt_at: new Date(done.getTime() + (retry ? delay : 0)).toISOString(),
        locked_until: null,
        last_status_code: outcome.statusCode,
        last_error: outcome.error,
        completed_at: outcome.ok || !retry ? done.toISOString() : null,
      },
    );
    this.options.onAttempt?.(outcome.ok ? 'delivered' : retry ? 'retried' : outcome.retryable ? 'dead' : 'failed');
  }

  /** Where the attempt goes: the webhook's URL, signed; or what the delivery's target says. */
  private async requestOf(delivery: ClaimedDelivery, timestamp: number): Promise<OutboxRequest | OutboxHold> {
    if (delivery.target === 'webhook') {
      if (delivery.url === null || delivery.secret === null) return { error: 'The webhook is gone.', retryable: false };
      return {
        url: delivery.url,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Plaudit-Webhooks/1',
          ...webhookHeaders(delivery.secret, delivery.uid, timestamp, delivery.payload),
        },
      };
    }
    const target = this.options.targets?.get(delivery.target);
    if (!target) return { error: `Nothing here sends to ${delivery.target}.`, retryable: true };
    return target.prepare(delivery);
  }

  private async send(delivery: ClaimedDelivery, timestamp: number): Promise<Outcome> {
    const request = await this.requestOf(delivery, timestamp);
    if ('error' in request) return { statusCode: null, error: request.error, retryable: request.retryable, ok: false };
    // An address written in the URL is checked here; a name, by the connection's own lookup (see WebhookTransport).
    const refused = urlProblem(request.url, this.options.allowPrivateNetworks);
    if (refused) return { statusCode: null, error: refused, retryable: false, ok: false };
    const timeoutMs = this.options.timeoutMs ?? TIMEOUT_MS;
    const method = request.method ?? 'POST';
    const body = method === 'DELETE' ? undefined : delivery.payload;
    const outcome = await this.transport.send(method, request.url, request.headers, body, timeoutMs);
    switch (outcome.kind) {
      case 'answered': {
        const status = outcome.status;
        const gone = method === 'DELETE' && (status === 404 || status === 410);
        if ((status >= 200 && status < 300) || gone) {
          return { statusCode: status, error: null, retryable: false, ok: true };
        }
        const error =
          status >= 300 && status < 400 ? `Redirect (${status}) not followed.` : `The endpoint answered ${status}.`;
        return { statusCode: status, error, retryable: status >= 500 || status === 429, ok: false };
      }
      case 'refused':
        return { statusCode: null, error: outcome.error.slice(0, MAX_ERROR_LENGTH), retryable: false, ok: false };
      case 'timed_out':
        return { statusCode: null, error: `No answer within ${timeoutMs / 1000} s.`, retryable: true, ok: false };
      case 'failed':
        return { statusCode: null, error: outcome.error.slice(0, MAX_ERROR_LENGTH), retryable: true, ok: false };
    }
  }
}
