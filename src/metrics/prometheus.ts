import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Database } from '../db/database.js';
import type { Metrics, SweptCounts, WebhookAttemptOutcome } from './index.js';

const PREFIX = 'plaudit_';
/** Seconds: a prepared insert takes well under a millisecond, an export a few seconds. */
const REQUEST_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const BATCH_BUCKETS = [1, 2, 4, 8, 16, 32, 64, 128, 256];
const TOPIC_BUCKETS = [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

/**
 * Plaudit's Prometheus metrics, in a registry of this app's own (several apps in one process never mix figures).
 * Recording costs a counter or a histogram bucket in memory; the few figures that need the database (the webhook
 * outbox) are read when Prometheus scrapes, never per request.
 */
export class PrometheusMetrics implements Metrics {
  readonly registry = new Registry();
  private readonly requestDuration = new Histogram({
    name: `${PREFIX}http_request_duration_seconds`,
    help: 'HTTP requests by method, route pattern and status code, with their latency in seconds.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: REQUEST_BUCKETS,
    registers: [this.registry],
  });
  /** One histogram child per method, route and status: a request costs one map lookup, not hashing its labels. */
  private readonly requestSeries = new Map<string, Histogram.Internal<'method' | 'route' | 'status_code'>>();
  private readonly webhookAttempts = new Counter({
    name: `${PREFIX}webhook_attempts_total`,
    help: 'Webhook delivery attempts by outcome: delivered, retried (to be tried again), failed (not retryable), dead (out of retries).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  private readonly groupCommitBatch = new Histogram({
    name: `${PREFIX}db_group_commit_batch_size`,
    help: 'Writes committed together by group commit, per batch (PostgreSQL: message appends of one turn).',
    buckets: BATCH_BUCKETS,
    registers: [this.registry],
  });
  private readonly expirySweeps = new Counter({
    name: `${PREFIX}expiry_sweeps_total`,
    help: 'Rounds of the expiry sweep by outcome (ok, failed).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  private readonly expiredRatings = new Counter({
    name: `${PREFIX}expiry_swept_ratings_total`,
    help: 'Ratings whose expiry the sweep counted into the analytics.',
    registers: [this.registry],
  });
  private readonly expiryDeleted = new Counter({
    name: `${PREFIX}expiry_deleted_total`,
    help: 'Ended widget tokens and dashboard sessions the sweep deleted, by kind.',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });
  private readonly topicRuns = new Counter({
    name: `${PREFIX}topic_runs_total`,
    help: "Topic computations of one organization's feedback, by outcome (ok, failed).",
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  private readonly topicDuration = new Histogram({
    name: `${PREFIX}topic_run_duration_seconds`,
    help: "How long one organization's topic computation took, in seconds.",
    buckets: TOPIC_BUCKETS,
    registers: [this.registry],
  });
  private readonly stopWatching: Array<() => void> = [];

  constructor() {
    // The process's own figures (CPU, memory, event-loop lag, GC), prefixed like the rest.
    collectDefaultMetrics({ register: this.registry, prefix: PREFIX });
    // Every outcome is listed from the start, so that a rate over them exists before the first event.
    for (const outcome of ['delivered', 'retried', 'failed', 'dead']) this.webhookAttempts.inc({ outcome }, 0);
    for (const outcome of ['ok', 'failed']) {
      this.expirySweeps.inc({ outcome }, 0);
      this.topicRuns.inc({ outcome }, 0);
    }
    for (const kind of ['widget_token', 'session']) this.expiryDeleted.inc({ kind }, 0);
  }

  observeRequest(method: string, route: string, statusCode: number, seconds: number): void {
    const key = `${method} ${statusCode} ${route}`;
    let series = this.requestSeries.get(key);
    if (!series) {
      series = this.requestDuration.labels(method, route, String(statusCode));
      this.requestSeries.set(key, series);
    }
    series.observe(seconds);
  }

  recordWebhookAttempt(outcome: WebhookAttemptOutcome): void {
    this.webhookAttempts.inc({ outcome });
  }

  recordExpirySweep(swept: SweptCounts, ok: boolean): void {
    this.expirySweeps.inc({ outcome: ok ? 'ok' : 'failed' });
    this.expiredRatings.inc(swept.expiredRatings);
    this.expiryDeleted.inc({ kind: 'widget_token' }, swept.deletedWidgetTokens);
    this.expiryDeleted.inc({ kind: 'session' }, swept.deletedSessions);
  }

  recordTopicRun(run: { ok: boolean; durationMs: number }): void {
    this.topicRuns.inc({ outcome: run.ok ? 'ok' : 'failed' });
    this.topicDuration.observe(run.durationMs / 1000);
  }

  watch(database: Database, pendingDeliveries: () => Promise<number>): void {
    this.stopWatching.push(database.groupCommits.onBatch((size) => this.groupCommitBatch.observe(size)));
    if (database.dialect === 'sqlite') {
      new Gauge({
        name: `${PREFIX}db_group_commit_queued_writes`,
        help: 'SQLite writes queued for group commit or committing in a batch now (one connection, no pool).',
        registers: [this.registry],
        collect() {
          this.set(database.groupCommits.queued);
        },
      });
    } else {
      const pool = (name: string, help: string, read: (use: NonNullable<ReturnType<Database['poolUse']>>) => number) =>
        new Gauge({
          name: `${PREFIX}db_pool_${name}`,
          help,
          registers: [this.registry],
          collect() {
            const use = database.poolUse();
            if (use) this.set(read(use));
          },
        });
      pool('connections', 'PostgreSQL connections open, idle or busy.', (use) => use.total);
      pool('idle_connections', 'PostgreSQL connections open and idle.', (use) => use.idle);
      pool('waiting_queries', 'Queries waiting for a PostgreSQL connection.', (use) => use.waiting);
      pool('max_connections', 'The most PostgreSQL connections the pool opens (DATABASE_POOL_SIZE).', (use) => use.max);
    }
    new Gauge({
      name: `${PREFIX}webhook_deliveries_pending`,
      help: 'Webhook deliveries waiting in the outbox (due now or to be retried), read when scraped.',
      registers: [this.registry],
      async collect() {
        // NaN says "unknown" when the database does not answer; the rest of the scrape still answers.
        this.set(await pendingDeliveries().catch(() => Number.NaN));
      },
    });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  scrape(): Promise<string> {
    return this.registry.metrics();
  }

  close(): void {
    for (const stop of this.stopWatching.splice(0)) stop();
  }
}
