import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Database, Db } from '../../db/database.js';
import { booleanParam, fromJson, integerId, nowIso, recordRef, toBoolean, toJson } from '../../db/values.js';
import { AppError } from '../../errors.js';
import { changedFields, recordAudit, SYSTEM_ACTOR, type AuditActor } from '../audit/index.js';
import { decodeCursor, splitPage } from '../../http/pagination.js';
import { urlProblem } from './addresses.js';
import { PING_EVENT, type DeliveryEventType, type WebhookEventType, type WebhookFilters } from './events.js';
import { newMessageId, newWebhookSecret } from './signing.js';
import { WebhooksRepository } from './webhooks.repository.js';
import type { WorkerOptions } from './worker.js';
import { newDelivery, WebhookOutbox } from './outbox.js';
import type { DeliveryStatus, WebhookAttemptsTable, WebhookDeliveriesTable } from './webhooks.table.js';

export type { TargetDelivery } from './outbox.js';

export interface WebhooksOptions {
  /** Let webhooks point at private, loopback and link-local addresses (self-hosted installs, tests). */
  allowPrivateNetworks: boolean;
  /** Told what each attempt of every worker of this service came to (the metrics). */
  onAttempt?: WorkerOptions['onAttempt'];
}

export interface Webhook {
  id: number;
  uid: string;
  url: string;
  event_types: WebhookEventType[];
  filters: WebhookFilters;
  enabled: boolean;
  created_at: string;
  updated_at: string;
}

export interface WebhookInput {
  url: string;
  event_types: WebhookEventType[];
  filters?: WebhookFilters;
  enabled?: boolean;
}

function notFound(idOrUid: string): AppError {
  return new AppError('webhook_not_found', `No webhook ${idOrUid} in this organization.`);
}

function toWebhook(row: {
  id: number | string;
  uid: string;
  url: string;
  event_types: unknown;
  filters: unknown;
  enabled: boolean | number;
  created_at: string;
  updated_at: string;
}): Webhook {
  return {
    id: Number(row.id),
    uid: row.uid,
    url: row.url,
    event_types: fromJson<WebhookEventType[]>(row.event_types, []),
    filters: fromJson<WebhookFilters>(row.filters, {}),
    enabled: toBoolean(row.enabled),
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

/** A delivery as the API shows it, with its attempts (status code, duration, error). */
function toDelivery(row: Selectable<WebhookDeliveriesTable>, attempts: Array<Selectable<WebhookAttemptsTable>>) {
  return {
    id: Number(row.id),
    webhook_id: String(row.uid),
    event_type: row.event_type as DeliveryEventType,
    status: row.status,
    attempt_count: Number(row.attempts),
    next_attempt_at: row.status === 'pending' ? row.next_attempt_at : null,
    last_status_code: row.last_status_code === null ? null : Number(row.last_status_code),
    last_error: row.last_error,
    created_at: row.created_at,
    completed_at: row.completed_at,
    payload: JSON.parse(row.payload) as { type: DeliveryEventType; timestamp: string; data: Record<string, unknown> },
    attempts: attempts.map((attempt) => ({
      attempted_at: attempt.attempted_at,
      status_code: attempt.status_code === null ? null : Number(attempt.status_code),
      duration_ms: Number(attempt.duration_ms),
      error: attempt.error,
    })),
  };
}

/** A new outbox row, due at `at`: every delivery — an event, a ping, a score — starts out the same. */
/**
 * Webhooks: the endpoints an organization registers, their deliveries, and the outbox (outbox.ts) that other modules
 * write events to inside the transaction of the change they announce.
 */
export class WebhooksService {
  private readonly repository: WebhooksRepository;
  private readonly outbox: WebhookOutbox;

  constructor(
    private readonly database: Database,
    readonly options: WebhooksOptions,
  ) {
    this.repository = new WebhooksRepository(database.db, database.dialect);
    this.outbox = new WebhookOutbox(database, this.repository, options);
  }

  /** A worker that delivers this database's outbox; `start` it, and `stop` it before closing the database. */
  createWorker(...args: Parameters<WebhookOutbox['createWorker']>) {
    return this.outbox.createWorker(...args);
  }

  /** Deliveries waiting in the outbox of every organization, due or to be retried. */
  pendingDeliveries() {
    return this.outbox.pendingDeliveries();
  }

  /** Lets the outbox deliver to another kind of target; its module registers it once, at start. */
  registerTarget(...args: Parameters<WebhookOutbox['registerTarget']>) {
    this.outbox.registerTarget(...args);
  }

  enqueueToTarget(...args: Parameters<WebhookOutbox['enqueueToTarget']>) {
    return this.outbox.enqueueToTarget(...args);
  }

  subscribed(...args: Parameters<WebhookOutbox['subscribed']>) {
    return this.outbox.subscribed(...args);
  }

  enqueue(...args: Parameters<WebhookOutbox['enqueue']>) {
    return this.outbox.enqueue(...args);
  }

  private checkUrl(url: string): void {
    const problem = urlProblem(url, this.options.allowPrivateNetworks);
    if (problem) throw new AppError('webhook_url_refused', problem);
  }

  async createWebhook(
    orgId: number,
    input: WebhookInput,
    actor: AuditActor = SYSTEM_ACTOR,
  ): Promise<Webhook & { secret: string }> {
    this.checkUrl(input.url);
    const now = nowIso();
    const secret = newWebhookSecret();
    const created = await this.database.db.transaction().execute(async (trx) => {
      const id = await this.repository.insertWebhook(trx, {
        uid: randomUUID(),
        org_id: orgId,
        url: input.url,
        event_types: toJson([...new Set(input.event_types)]),
        filters: toJson(input.filters ?? {}),
        enabled: booleanParam(input.enabled ?? true),
        secret,
        created_at: now,
        updated_at: now,
      });
      const webhook = toWebhook((await this.repository.findWebhook(orgId, { id }, trx))!);
      await this.audit(trx, orgId, actor, 'webhook.created', webhook, {
        url: webhook.url,
        event_types: webhook.event_types,
        filters: webhook.filters,
        enabled: webhook.enabled,
      });
      await this.database.invalidation.publish(trx, 'webhooks', orgId);
      return webhook;
    });
    this.database.invalidation.forget('webhooks', orgId);
    return { ...created, secret };
  }

  private async audit(
    trx: Db,
    orgId: number,
    actor: AuditActor,
    action: string,
    webhook: Webhook,
    details: Record<string, unknown>,
  ): Promise<void> {
    await recordAudit(trx, {
      orgId,
      actorUserId: actor.userId,
      actorKeyId: actor.keyId,
      action,
      subjectType: 'webhook',
      subjectId: String(webhook.id),
      details: { url: webhook.url, ...details },
    });
  }

  async getWebhook(orgId: number, idOrUid: string): Promise<Webhook> {
    return toWebhook(await this.findRow(orgId, idOrUid));
  }

  private async findRow(orgId: number, idOrUid: string, db?: Db) {
    const ref = recordRef(idOrUid);
    const row = ref && (await this.repository.findWebhook(orgId, ref, db));
    if (!row) throw notFound(idOrUid);
    return row;
  }

  /** Newest first with a keyset cursor. Secrets are not listed: they are shown on creation and rotation only. */
  async listWebhooks(orgId: number, query: { limit?: number; cursor?: string }) {
    const limit = query.limit ?? 50;
    const rows = await this.repository.listWebhooks(
      orgId,
      limit + 1,
      query.cursor ? decodeCursor(query.cursor) : undefined,
    );
    const { page, next_cursor } = splitPage(rows, limit);
    return { data: page.map(toWebhook), next_cursor };
  }

  /** Changes the given fields; the audit entry keeps the changed ones' before and after. */
  async updateWebhook(
    orgId: number,
    idOrUid: string,
    input: Partial<WebhookInput>,
    actor: AuditActor = SYSTEM_ACTOR,
  ): Promise<Webhook> {
    if (input.url !== undefined) this.checkUrl(input.url);
    const updated = await this.database.db.transaction().execute(async (trx) => {
      const row = await this.findRow(orgId, idOrUid, trx);
      const before = toWebhook(row);
      await this.repository.updateWebhook(trx, Number(row.id), {
        ...(input.url !== undefined ? { url: input.url } : {}),
        ...(input.event_types !== undefined ? { event_types: toJson([...new Set(input.event_types)]) } : {}),
        ...(input.filters !== undefined ? { filters: toJson(input.filters) } : {}),
        ...(input.enabled !== undefined ? { enabled: booleanParam(input.enabled) } : {}),
        updated_at: nowIso(),
      });
      const after = toWebhook((await this.repository.findWebhook(orgId, { id: Number(row.id) }, trx))!);
      const changes = changedFields({ ...before }, { ...after }, ['url', 'event_types', 'filters', 'enabled']);
      if (changes) await this.audit(trx, orgId, actor, 'webhook.updated', after, changes);
      await this.database.invalidation.publish(trx, 'webhooks', orgId);
      return after;
    });
    this.database.invalidation.forget('webhooks', orgId);
    return updated;
  }

  /** Deletes the webhook with its deliveries and their log. */
  async deleteWebhook(orgId: number, idOrUid: string, actor: AuditActor = SYSTEM_ACTOR): Promise<void> {
    await this.database.db.transaction().execute(async (trx) => {
      const row = await this.findRow(orgId, idOrUid, trx);
      await this.repository.deleteWebhook(trx, Number(row.id));
      await this.audit(trx, orgId, actor, 'webhook.deleted', toWebhook(row), {});
      await this.database.invalidation.publish(trx, 'webhooks', orgId);
    });
    this.database.invalidation.forget('webhooks', orgId);
  }

  /** A new secret; deliveries from now on are signed with it (pending ones included). */
  async rotateSecret(
    orgId: number,
    idOrUid: string,
    actor: AuditActor = SYSTEM_ACTOR,
  ): Promise<Webhook & { secret: string }> {
    const secret = newWebhookSecret();
    return this.database.db.transaction().execute(async (trx) => {
      const row = await this.findRow(orgId, idOrUid, trx);
      await this.repository.updateWebhook(trx, Number(row.id), { secret, updated_at: nowIso() });
      const webhook = toWebhook((await this.repository.findWebhook(orgId, { id: Number(row.id) }, trx))!);
      await this.audit(trx, orgId, actor, 'webhook.secret_rotated', webhook, {});
      return { ...webhook, secret };
    });
  }

  /**
   * Queues a `ping` to this one webhook, whatever it subscribes to and enabled or not, through the same outbox and
   * worker as every event, so it is signed, logged and retried like them: a test that the receiver gets events.
   */
  async ping(orgId: number, idOrUid: string) {
    const hook = await this.findRow(orgId, idOrUid);
    const at = nowIso();
    const uid = newMessageId();
    const payload = JSON.stringify({
      type: PING_EVENT,
      timestamp: at,
      data: { webhook_uid: hook.uid, message: 'A test event from Plaudit: this endpoint receives signed events.' },
    });
    await this.repository.insertDeliveries(this.database.db, [
      newDelivery(at, { uid, org_id: orgId, webhook_id: Number(hook.id), event_type: PING_EVENT, payload }),
    ]);
    const delivery = (await this.repository.findDelivery(Number(hook.id), { uid }))!;
    return toDelivery(delivery, []);
  }

  /** The webhook's deliveries, newest first, each with its attempts. */
  async listDeliveries(
    orgId: number,
    idOrUid: string,
    query: { status?: DeliveryStatus; limit?: number; cursor?: string },
  ) {
    const hook = await this.findRow(orgId, idOrUid);
    const limit = query.limit ?? 50;
    const rows = await this.repository.listDeliveries(
      Number(hook.id),
      limit + 1,
      query.status,
      query.cursor ? decodeCursor(query.cursor) : undefined,
    );
    const { page, next_cursor } = splitPage(rows, limit);
    const attempts = await this.repository.attemptsOf(page.map((row) => Number(row.id)));
    return {
      data: page.map((row) =>
        toDelivery(
          row,
          attempts.filter((attempt) => Number(attempt.delivery_id) === Number(row.id)),
        ),
      ),
      next_cursor,
    };
  }

  /**
   * Sends a delivery again as soon as a worker is free, with the same `webhook-id`; a failed or succeeded one starts
   * a fresh schedule of retries.
   */
  async retryDelivery(orgId: number, idOrUid: string, deliveryId: string): Promise<void> {
    const hook = await this.findRow(orgId, idOrUid);
    // The delivery's integer id, or its `webhook-id` (msg_…, mixed case) as it is.
    const id = /^\d+$/.test(deliveryId) ? integerId(deliveryId) : undefined;
    const ref = id !== undefined ? { id } : /^\d+$/.test(deliveryId) ? undefined : { uid: deliveryId };
    const delivery = ref && (await this.repository.findDelivery(Number(hook.id), ref));
    if (!delivery) {
      throw new AppError('webhook_delivery_not_found', `No delivery ${deliveryId} of webhook ${idOrUid}.`);
    }
    await this.repository.updateDelivery(Number(delivery.id), {
      status: 'pending',
      next_attempt_at: nowIso(),
      completed_at: null,
      ...(delivery.status === 'pending' ? {} : { attempts: 0, locked_until: null }),
    });
  }
}
