import type { Insertable, Updateable } from 'kysely';
import type { Db, Dialect } from '../../db/database.js';
import { booleanParam } from '../../db/values.js';
import type { CreatedCursor } from '../../http/pagination.js';
import type { DeliveryTarget, WebhookDeliveriesTable, WebhookAttemptsTable, WebhooksTable } from './webhooks.table.js';

/** Which rows a claim takes. */
export interface ClaimOptions {
  now: string;
  lockedUntil: string;
  limit: number;
}

/** A claimed delivery with what sending it needs. */
export interface ClaimedDelivery {
  id: number;
  uid: string;
  org_id: number;
  target: DeliveryTarget;
  payload: string;
  attempts: number;
  /** The webhook's URL and secret, for a webhook's delivery. */
  url: string | null;
  secret: string | null;
  connection_id: number | null;
}

/** The SQL of webhooks, their outbox and its attempt log. */
export class WebhooksRepository {
  constructor(
    private readonly db: Db,
    private readonly dialect: Dialect,
  ) {}

  async insertWebhook(db: Db, row: Insertable<WebhooksTable>): Promise<number> {
    const inserted = await db.insertInto('webhooks').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(inserted.id);
  }

  findWebhook(orgId: number, ref: { id: number } | { uid: string }, db: Db = this.db) {
    let query = db.selectFrom('webhooks').selectAll().where('org_id', '=', orgId);
    query = 'id' in ref ? query.where('id', '=', ref.id) : query.where('uid', '=', ref.uid);
    return query.executeTakeFirst();
  }

  listWebhooks(orgId: number, limit: number, after?: CreatedCursor) {
    let query = this.db.selectFrom('webhooks').selectAll().where('org_id', '=', orgId);
    if (after) {
      query = query.where((eb) =>
        eb.or([
          eb('created_at', '<', after.createdAt),
          eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)]),
        ]),
      );
    }
    return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  }

  /** The organization's enabled webhooks, read inside the writing transaction. */
  enabledWebhooks(db: Db, orgId: number) {
    return db
      .selectFrom('webhooks')
      .select(['id', 'event_types', 'filters'])
      .where('org_id', '=', orgId)
      .where('enabled', '=', booleanParam(true))
      .execute();
  }

  async updateWebhook(db: Db, id: number, changes: Updateable<WebhooksTable>): Promise<void> {
    await db.updateTable('webhooks').set(changes).where('id', '=', id).execute();
  }

  async deleteWebhook(db: Db, id: number): Promise<void> {
    await db.deleteFrom('webhooks').where('id', '=', id).execute();
  }

  async insertDeliveries(db: Db, rows: Array<Insertable<WebhookDeliveriesTable>>): Promise<void> {
    if (rows.length > 0) await db.insertInto('webhook_deliveries').values(rows).execute();
  }

  /** Sets aside the pending deliveries about the same thing at the same connection: a newer value replaces them. */
  async supersedePending(db: Db, connectionId: number, targetKey: string, at: string): Promise<void> {
    await db
      .updateTable('webhook_deliveries')
      .set({ status: 'failed', last_error: 'Superseded by a newer value.', completed_at: at, locked_until: null })
      .where('connection_id', '=', connectionId)
      .where('target_key', '=', targetKey)
      .where('status', '=', 'pending')
      .execute();
  }

  /**
   * Takes up to `limit` due deliveries for this worker until `lockedUntil`. On PostgreSQL the rows are locked with
   * `FOR UPDATE SKIP LOCKED`, so workers of several nodes claim disjoint sets; SQLite runs one writer at a time.
   */
  async claimDue(options: ClaimOptions): Promise<ClaimedDelivery[]> {
    return this.db.transaction().execute(async (trx) => {
      let due = trx
        .selectFrom('webhook_deliveries')
        .select('id')
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', options.now)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', options.now)]))
        .orderBy('next_attempt_at')
        .limit(options.limit);
      if (this.dialect === 'postgres') due = due.forUpdate().skipLocked();
      const ids = (await due.execute()).map((row) => Number(row.id));
      if (ids.length === 0) return [];
      await trx
        .updateTable('webhook_deliveries')
        .set({ locked_until: options.lockedUntil })
        .where('id', 'in', ids)
        .execute();
      const rows = await trx
        .selectFrom('webhook_deliveries as d')
        .leftJoin('webhooks as w', 'w.id', 'd.webhook_id')
        .select([
          'd.id',
          'd.uid',
          'd.org_id',
          'd.target',
          'd.payload',
          'd.attempts',
          'd.connection_id',
          'w.url',
          'w.secret',
        ])
        .where('d.id', 'in', ids)
        .execute();
      return rows.map((row) => ({
        ...row,
        id: Number(row.id),
        org_id: Number(row.org_id),
        attempts: Number(row.attempts),
        connection_id: row.connection_id === null ? null : Number(row.connection_id),
      }));
    });
  }

  /** Logs an attempt and moves the delivery on, in one transaction. */
  async recordAttempt(
    attempt: Insertable<WebhookAttemptsTable>,
    changes: Updateable<WebhookDeliveriesTable>,
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('webhook_attempts').values(attempt).execute();
      await trx.updateTable('webhook_deliveries').set(changes).where('id', '=', Number(attempt.delivery_id)).execute();
    });
  }

  /** Pending deliveries of every organization; the partial index of the due query holds exactly these. */
  async countPending(): Promise<number> {
    const row = await this.db
      .selectFrom('webhook_deliveries')
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  findDelivery(webhookId: number, ref: { id: number } | { uid: string }) {
    let query = this.db.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', webhookId);
    query = 'id' in ref ? query.where('id', '=', ref.id) : query.where('uid', '=', ref.uid);
    return query.executeTakeFirst();
  }

  async updateDelivery(id: number, changes: Updateable<WebhookDeliveriesTable>): Promise<void> {
    await this.db.updateTable('webhook_deliveries').set(changes).where('id', '=', id).execute();
  }

  listDeliveries(webhookId: number, limit: number, status?: string, after?: CreatedCursor) {
    let query = this.db.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', webhookId);
    if (status) query = query.where('status', '=', status as WebhookDeliveriesTable['status']);
    if (after) {
      query = query.where((eb) =>
        eb.or([
          eb('created_at', '<', after.createdAt),
          eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)]),
        ]),
      );
    }
    return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  }

  attemptsOf(deliveryIds: number[]) {
    if (deliveryIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('webhook_attempts')
      .selectAll()
      .where('delivery_id', 'in', deliveryIds)
      .orderBy('id')
      .execute();
  }
}
