import type { Insertable } from 'kysely';
import type { Database, Db } from '../../db/database.js';
import { fromJson, nowIso } from '../../db/values.js';
import { passesFilters, type WebhookEventType, type WebhookFilters } from './events.js';
import { newMessageId } from './signing.js';
import type { OutboxTarget } from './targets.js';
import type { WebhooksRepository } from './webhooks.repository.js';
import type { DeliveryTarget, WebhookDeliveriesTable } from './webhooks.table.js';
import { WebhookWorker, type WorkerOptions } from './worker.js';

/** One delivery to a target other than a webhook (see `enqueueToTarget`). */
export interface TargetDelivery {
  target: Exclude<DeliveryTarget, 'webhook'>;
  connectionId: number;
  /** What the delivery is about at the target (a score's id): a pending older delivery of it is set aside. */
  targetKey: string;
  /** The exact body sent. */
  payload: string;
  at?: string;
}

/**
 * How long a process trusts its cached list of an organization's webhooks when it hears nothing: changes made on
 * other nodes are announced (db/invalidation.ts), and wait this only while this process does not listen.
 */
const CACHE_TTL_MS = 5000;

interface CachedHook {
  id: number;
  eventTypes: string[];
  filters: WebhookFilters;
}

/** A delivery row as it enters the outbox: pending, due at once. */
export function newDelivery(
  at: string,
  row: Omit<Insertable<WebhookDeliveriesTable>, 'status' | 'next_attempt_at' | 'created_at'>,
): Insertable<WebhookDeliveriesTable> {
  return {
    ...row,
    status: 'pending',
    next_attempt_at: at,
    locked_until: null,
    last_status_code: null,
    last_error: null,
    created_at: at,
    completed_at: null,
  };
}

/**
 * The outbox of deliveries. Other modules call `enqueue` inside the transaction of the change they announce, so an
 * event exists exactly when its change committed; the worker (worker.ts) delivers it afterwards. Each process keeps
 * its organizations' enabled webhooks in memory, forgotten when a change is announced (db/invalidation.ts).
 */
export class WebhookOutbox {
  /** Per organization: its enabled webhooks, until `expires` (ms). Kept empty lists make the common case free. */
  private readonly cache = new Map<number, { expires: number; hooks: CachedHook[] }>();
  /** Bumped when entries are forgotten: a read in flight meanwhile is not kept. */
  private forgotten = 0;
  private readonly targets = new Map<DeliveryTarget, OutboxTarget>();

  constructor(
    database: Database,
    private readonly repository: WebhooksRepository,
    private readonly options: { allowPrivateNetworks: boolean; onAttempt?: WorkerOptions['onAttempt'] },
  ) {
    database.invalidation.subscribe('webhooks', (orgId) => {
      if (orgId === undefined) this.cache.clear();
      else this.cache.delete(orgId);
      this.forgotten += 1;
    });
  }

  /** A worker that delivers this database's outbox; `start` it, and `stop` it before closing the database. */
  createWorker(options: Omit<WorkerOptions, 'allowPrivateNetworks' | 'targets'> = {}): WebhookWorker {
    return new WebhookWorker(this.repository, {
      allowPrivateNetworks: this.options.allowPrivateNetworks,
      targets: this.targets,
      ...(this.options.onAttempt ? { onAttempt: this.options.onAttempt } : {}),
      ...options,
    });
  }

  /** Deliveries waiting in the outbox of every organization, due or to be retried (one count on a partial index). */
  pendingDeliveries(): Promise<number> {
    return this.repository.countPending();
  }

  /** Lets the outbox deliver to another kind of target; its module registers it once, at start. */
  registerTarget(kind: Exclude<DeliveryTarget, 'webhook'>, target: OutboxTarget): void {
    this.targets.set(kind, target);
  }

  /**
   * Writes one delivery to a target other than a webhook, in the caller's transaction, retried and logged like every
   * delivery. A pending delivery about the same thing is set aside first, so that an older value sent late never
   * overwrites a newer one.
   */
  async enqueueToTarget(trx: Db, orgId: number, delivery: TargetDelivery): Promise<void> {
    const at = delivery.at ?? nowIso();
    await this.repository.supersedePending(trx, delivery.connectionId, delivery.targetKey, at);
    await this.repository.insertDeliveries(trx, [
      newDelivery(at, {
        uid: newMessageId(),
        org_id: orgId,
        target: delivery.target,
        webhook_id: null,
        connection_id: delivery.connectionId,
        target_key: delivery.targetKey,
        event_type: 'score',
        payload: delivery.payload,
      }),
    ]);
  }

  /** Whether any enabled webhook of the organization subscribes to the event type; costs a map lookup when cached. */
  async subscribed(trx: Db, orgId: number, type: WebhookEventType): Promise<boolean> {
    return (await this.hooksOf(trx, orgId)).some((hook) => hook.eventTypes.includes(type));
  }

  /**
   * Writes the event to the outbox, one delivery per enabled webhook that subscribes to it and whose filters it
   * passes, in the caller's transaction: a rollback takes it with it.
   */
  async enqueue(trx: Db, orgId: number, type: WebhookEventType, data: unknown, at: string = nowIso()): Promise<void> {
    // The common case, an organization without webhooks, costs one map lookup and no query.
    const cached = this.cache.get(orgId);
    if (cached && cached.hooks.length === 0 && cached.expires > Date.now()) return;
    const hooks = (await this.hooksOf(trx, orgId)).filter(
      (hook) => hook.eventTypes.includes(type) && passesFilters(hook.filters, type, data),
    );
    if (hooks.length === 0) return;
    const payload = JSON.stringify({ type, timestamp: at, data });
    await this.repository.insertDeliveries(
      trx,
      hooks.map((hook) =>
        newDelivery(at, { uid: newMessageId(), org_id: orgId, webhook_id: hook.id, event_type: type, payload }),
      ),
    );
  }

  private async hooksOf(trx: Db, orgId: number): Promise<CachedHook[]> {
    const cached = this.cache.get(orgId);
    if (cached && cached.expires > Date.now()) return cached.hooks;
    const forgotten = this.forgotten;
    const hooks = (await this.repository.enabledWebhooks(trx, orgId)).map((row) => ({
      id: Number(row.id),
      eventTypes: fromJson<string[]>(row.event_types, []),
      filters: fromJson<WebhookFilters>(row.filters, {}),
    }));
    if (forgotten === this.forgotten) this.cache.set(orgId, { expires: Date.now() + CACHE_TTL_MS, hooks });
    return hooks;
  }
}
