import type { Database } from '../db/database.js';

/** What one webhook attempt came to: sent, to be tried again, refused for good, or out of retries. */
export type WebhookAttemptOutcome = 'delivered' | 'retried' | 'failed' | 'dead';

/** What one round of the expiry sweep counted and deleted. */
export interface SweptCounts {
  expiredRatings: number;
  deletedWidgetTokens: number;
  deletedSessions: number;
}

/**
 * Where the application records its metrics. Prometheus's (prometheus.ts, loaded only when `/metrics` is served) keeps
 * them; `noMetrics` drops them, so that an install that does not scrape pays neither prom-client's start nor a thing
 * per request.
 */
export interface Metrics {
  /** Records one answered request; `route` is the route's pattern (bounded), never the URL. */
  observeRequest(method: string, route: string, statusCode: number, seconds: number): void;
  /** Records what one webhook attempt came to. */
  recordWebhookAttempt(outcome: WebhookAttemptOutcome): void;
  /** Records one round of the expiry sweep and what it counted and deleted (a failed round's parts that ran too). */
  recordExpirySweep(swept: SweptCounts, ok: boolean): void;
  /** Records one organization's topic computation. */
  recordTopicRun(run: { ok: boolean; durationMs: number }): void;
  /**
   * Watches the database: SQLite's group-commit batches and queue, PostgreSQL's pool, and the webhook outbox's
   * pending deliveries (`pendingDeliveries`, one indexed count when scraped).
   */
  watch(database: Database, pendingDeliveries: () => Promise<number>): void;
  /** The media type of `scrape`'s text. */
  readonly contentType: string;
  /** The metrics in the Prometheus text format. */
  scrape(): Promise<string>;
  /** Stops watching the database (the app closes; the database may live on). */
  close(): void;
}

/** Metrics that are not kept: `/metrics` is not served (neither METRICS_TOKEN nor METRICS_PORT). */
export const noMetrics: Metrics = {
  observeRequest() {},
  recordWebhookAttempt() {},
  recordExpirySweep() {},
  recordTopicRun() {},
  watch() {},
  contentType: 'text/plain; version=0.0.4; charset=utf-8',
  scrape: async () => '',
  close() {},
};

/** Prometheus metrics in a registry of their own, with the process's figures; prom-client is loaded here, once. */
export async function prometheusMetrics(): Promise<Metrics> {
  const { PrometheusMetrics } = await import('./prometheus.js');
  return new PrometheusMetrics();
}
