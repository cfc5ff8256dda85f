import type { Database, Db } from '../../db/database.js';
import { nowIso } from '../../db/values.js';
import { AppError } from '../../errors.js';
import { changedFields, recordAudit, SYSTEM_ACTOR, type AuditActor } from '../audit/index.js';
import {
  urlProblem,
  type ClaimedDelivery,
  type OutboxHold,
  type OutboxRequest,
  type WebhooksService,
} from '../webhooks/index.js';
import { checkConnection, type ConnectionCheck } from './connection-check.js';
import { LangfuseRepository } from './langfuse.repository.js';
import {
  feedbackScore,
  feedbackScoreId,
  maskKey,
  ratingAnswerScore,
  type LangfuseRemoval,
  type LangfuseScore,
} from './scores.js';
import { SecretBox } from './secrets.js';

/** How long a process trusts what it knows of an organization's connection: a change on another node waits this. */
const CACHE_TTL_MS = 5000;

export interface LangfuseOptions {
  /** `PLAUDIT_SECRET_KEY`; without it no connection can be saved, and saved ones cannot be used. */
  secretKey?: string | undefined;
  /** As for webhooks: let the base URL be a private, loopback or link-local address. */
  allowPrivateNetworks: boolean;
}

export interface LangfuseConnectionInput {
  base_url: string;
  /** Required to connect; on a change, left out to keep the saved one. */
  public_key?: string;
  /** Required to connect; on a change, left out to keep the saved one. */
  secret_key?: string;
}

/** How the connection's scores are getting on, from the outbox and its attempt log. */
export interface LangfuseDeliveryStatus {
  state: 'waiting' | 'delivering' | 'failing';
  pending: number;
  delivered: number;
  failed: number;
  last_attempt_at: string | null;
  last_delivered_at: string | null;
  recent_errors: Array<{ attempted_at: string; status_code: number | null; error: string }>;
}

export interface LangfuseConnection {
  base_url: string;
  public_key_masked: string;
  secret_key_set: boolean;
  /** False when the saved secret cannot be opened: PLAUDIT_SECRET_KEY is unset or not the one it was saved with. */
  secret_key_readable: boolean;
  created_at: string;
  updated_at: string;
  delivery: LangfuseDeliveryStatus;
}

/** One answered question of a rating, as the ratings module reports it. */
export interface AnsweredQuestion {
  code: string;
  kind: string;
  value: number | null;
}

/** A feedback record just written, as the feedback module reports it. */
export interface FeedbackWritten {
  messageId: number;
  messageUid: string;
  userId: string;
  rating: 'like' | 'dislike' | null;
  comment: string | null;
  at: string;
}

const context = (orgId: number) => `langfuse:${orgId}`;

/** The base URL as stored: http(s), without query, fragment or trailing slash. */
function normalizedBaseUrl(value: string): string | undefined {
  try {
    const url = new URL(value.trim());
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash) return undefined;
    if (url.username || url.password) return undefined;
    return url.toString().replace(/\/+$/, '');
  } catch {
    return undefined;
  }
}

/**
 * The Langfuse bridge: an organization's optional connection, and its scores. Message feedback and rating answers of
 * conversations whose messages carry a `trace_id` become scores (scores.ts), written to the webhooks' outbox in the
 * transaction of the change, and sent by its worker with Basic auth.
 */
export class LangfuseService {
  private readonly repository: LangfuseRepository;
  private readonly box: SecretBox | undefined;
  /**
   * Per organization: its connection's id or null, until `expires` (ms); forgotten when a connection is made or
   * removed, by this process or another (db/invalidation.ts).
   */
  private readonly cache = new Map<number, { expires: number; connectionId: number | null }>();
  /** Bumped when entries are forgotten: a read in flight meanwhile is not kept. */
  private forgotten = 0;

  constructor(
    private readonly database: Database,
    private readonly webhooks: WebhooksService,
    private readonly options: LangfuseOptions,
  ) {
    this.repository = new LangfuseRepository(database.db);
    this.box = options.secretKey ? new SecretBox(options.secretKey) : undefined;
    webhooks.registerTarget('langfuse', { prepare: (delivery) => this.prepare(delivery) });
    database.invalidation.subscribe('langfuse', (orgId) => {
      if (orgId === undefined) this.cache.clear();
      else this.cache.delete(orgId);
      this.forgotten += 1;
    });
  }

  /** The organization's connection with its delivery status, or null. The secret is never part of it. */
  async getConnection(orgId: number): Promise<LangfuseConnection | null> {
    const row = await this.repository.findConnection(orgId);
    if (!row) return null;
    const status = await this.repository.deliveryStatus(Number(row.id));
    const count = (status: string) => Number(statusCounts.find((entry) => entry.status === status)?.count ?? 0);
    const statusCounts = status.counts;
    const lastFailed = status.last !== undefined && status.last.error !== null;
    return {
      base_url: row.base_url,
      public_key_masked: maskKey(row.public_key),
      secret_key_set: true,
      secret_key_readable: this.box?.open(row.secret_sealed, context(orgId)) !== undefined,
      created_at: row.created_at,
      updated_at: row.updated_at,
      delivery: {
        state: status.last === undefined ? 'waiting' : lastFailed ? 'failing' : 'delivering',
        pending: count('pending'),
        delivered: count('succeeded'),
        failed: count('failed'),
        last_attempt_at: status.last?.attempted_at ?? null,
        last_delivered_at: status.lastSuccess?.attempted_at ?? null,
        recent_errors: status.errors.map((attempt) => ({
          attempted_at: attempt.attempted_at,
          status_code: attempt.status_code === null ? null : Number(attempt.status_code),
          error: attempt.error ?? '',
        })),
      },
    };
  }

  /** Connects the organization, or changes its connection; audited without the secret. */
  async saveConnection(
    orgId: number,
    input: LangfuseConnectionInput,
    actor: AuditActor = SYSTEM_ACTOR,
  ): Promise<LangfuseConnection> {
    const box = this.box;
    if (!box) {
      throw new AppError(
        'secret_key_unset',
        'Set PLAUDIT_SECRET_KEY on the server before saving a Langfuse connection: its secret key is stored sealed with it.',
      );
    }
    const baseUrl = normalizedBaseUrl(input.base_url);
    if (!baseUrl) {
      throw new AppError(
        'langfuse_url_refused',
        'The Langfuse base URL must be an http:// or https:// URL without credentials, query or fragment.',
      );
    }
    const problem = urlProblem(baseUrl, this.options.allowPrivateNetworks);
    if (problem) throw new AppError('langfuse_url_refused', problem);
    const now = nowIso();
    await this.database.db.transaction().execute(async (trx) => {
      const existing = await this.repository.findConnection(orgId, trx);
      if (!existing && (!input.secret_key || !input.public_key)) {
        throw new AppError('validation_failed', 'A new Langfuse connection needs its public_key and secret_key.');
      }
      const publicKey = input.public_key ?? existing!.public_key;
      const sealed = input.secret_key ? box.seal(input.secret_key, context(orgId)) : undefined;
      const after = { base_url: baseUrl, public_key: maskKey(publicKey) };
      if (!existing) {
        await this.repository.insertConnection(trx, {
          org_id: orgId,
          base_url: baseUrl,
          public_key: publicKey,
          secret_sealed: sealed!,
          created_at: now,
          updated_at: now,
        });
        await this.database.invalidation.publish(trx, 'langfuse', orgId);
        await this.audit(trx, orgId, actor, 'langfuse_connection.created', after);
        return;
      }
      await this.repository.updateConnection(trx, Number(existing.id), {
        base_url: baseUrl,
        public_key: publicKey,
        ...(sealed ? { secret_sealed: sealed } : {}),
        updated_at: now,
      });
      const before = { base_url: existing.base_url, public_key: maskKey(existing.public_key) };
      const changes = changedFields(before, after, ['base_url', 'public_key']);
      if (changes || sealed) {
        await this.audit(trx, orgId, actor, 'langfuse_connection.updated', {
          ...(changes ?? {}),
          ...(sealed ? { secret_key_changed: true } : {}),
        });
      }
    });
    this.database.invalidation.forget('langfuse', orgId);
    return (await this.getConnection(orgId))!;
  }

  /** Checks the saved connection against Langfuse: whether it takes the keys, and the project they belong to. */
  async testConnection(orgId: number): Promise<ConnectionCheck> {
    const row = await this.repository.findConnection(orgId);
    if (!row) throw new AppError('langfuse_connection_not_found', 'This organization has no Langfuse connection.');
    return checkConnection(
      {
        baseUrl: row.base_url,
        publicKey: row.public_key,
        secret: this.box?.open(row.secret_sealed, context(orgId)),
      },
      this.options.allowPrivateNetworks,
    );
  }

  /** Disconnects the organization: the connection goes, with the scores not sent yet and the delivery log. */
  async deleteConnection(orgId: number, actor: AuditActor = SYSTEM_ACTOR): Promise<void> {
    await this.database.db.transaction().execute(async (trx) => {
      const existing = await this.repository.findConnection(orgId, trx);
      if (!existing) {
        throw new AppError('langfuse_connection_not_found', 'This organization has no Langfuse connection.');
      }
      await this.repository.deleteConnection(trx, Number(existing.id));
      await this.database.invalidation.publish(trx, 'langfuse', orgId);
      await this.audit(trx, orgId, actor, 'langfuse_connection.deleted', { base_url: existing.base_url });
    });
    this.database.invalidation.forget('langfuse', orgId);
  }

  private async audit(
    trx: Db,
    orgId: number,
    actor: AuditActor,
    action: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    await recordAudit(trx, {
      orgId,
      actorUserId: actor.userId,
      actorKeyId: actor.keyId,
      action,
      subjectType: 'langfuse_connection',
      subjectId: String(orgId),
      details,
    });
  }

  /** The organization's connection id, or null; costs a map lookup while cached. */
  private async connectionOf(trx: Db, orgId: number): Promise<number | null> {
    const cached = this.cache.get(orgId);
    if (cached && cached.expires > Date.now()) return cached.connectionId;
    const forgotten = this.forgotten;
    const row = await this.repository.findConnection(orgId, trx);
    const connectionId = row ? Number(row.id) : null;
    if (forgotten === this.forgotten) this.cache.set(orgId, { expires: Date.now() + CACHE_TTL_MS, connectionId });
    return connectionId;
  }

  /** A score to create or update, or the removal of one; a newer one supersedes what is pending for the same id. */
  private async enqueue(
    trx: Db,
    orgId: number,
    connectionId: number,
    score: LangfuseScore | LangfuseRemoval,
    at: string,
  ) {
    await this.webhooks.enqueueToTarget(trx, orgId, {
      target: 'langfuse',
      connectionId,
      targetKey: 'remove' in score ? score.remove : score.id,
      payload: JSON.stringify(score),
      at,
    });
  }

  /** Queues the score of a feedback record, in its transaction, when it is on a traced message of a connected org. */
  async recordFeedback(trx: Db, orgId: number, written: FeedbackWritten): Promise<void> {
    const connectionId = await this.connectionOf(trx, orgId);
    if (connectionId === null) return;
    const message = await this.repository.messageTrace(trx, written.messageId);
    if (!message?.trace_id) return;
    const score = feedbackScore({
      messageUid: written.messageUid,
      userId: written.userId,
      rating: written.rating,
      comment: written.comment,
      traceId: message.trace_id,
      spanId: message.span_id,
    });
    if (score) {
      await this.enqueue(trx, orgId, connectionId, score, written.at);
      return;
    }
    // No like or dislike stands now: the score sent for an earlier one goes, so that Langfuse keeps what Plaudit does.
    const id = feedbackScoreId(written.messageUid, written.userId);
    if (await this.repository.scoreQueued(trx, connectionId, id)) {
      await this.enqueue(trx, orgId, connectionId, { remove: id }, written.at);
    }
  }

  /** Queues a score per answered question, in the answer's transaction, when the conversation carries a trace. */
  async recordRatingAnswers(trx: Db, orgId: number, ratingId: number, answered: AnsweredQuestion[]): Promise<void> {
    if (answered.length === 0) return;
    const connectionId = await this.connectionOf(trx, orgId);
    if (connectionId === null) return;
    const subject = await this.repository.ratingSubject(trx, ratingId);
    if (!subject) return;
    const traceId = await this.repository.conversationTrace(trx, subject.conversation_id);
    if (!traceId) return;
    const at = nowIso();
    for (const question of answered) {
      if (question.value === null) continue;
      const comment = subject.questions.find((stored) => stored.code === question.code)?.comment ?? subject.comment;
      const score = ratingAnswerScore({
        ratingUid: subject.uid,
        conversationUid: subject.conversation_uid,
        questionCode: question.code,
        kind: question.kind,
        value: question.value,
        comment,
        traceId,
      });
      await this.enqueue(trx, orgId, connectionId, score, at);
    }
  }

  /** Where the worker sends a score: the connection's scores endpoint, with Basic auth read at the time of sending. */
  private async prepare(delivery: ClaimedDelivery): Promise<OutboxRequest | OutboxHold> {
    const connection =
      delivery.connection_id === null ? undefined : await this.repository.connectionById(delivery.connection_id);
    if (!connection || Number(connection.org_id) !== delivery.org_id) {
      return { error: 'The Langfuse connection is gone.', retryable: false };
    }
    const secret = this.box?.open(connection.secret_sealed, context(delivery.org_id));
    if (secret === undefined) {
      return {
        error: 'The secret key cannot be read: PLAUDIT_SECRET_KEY is unset or not the one it was saved with.',
        retryable: true,
      };
    }
    const credentials = Buffer.from(`${connection.public_key}:${secret}`).toString('base64');
    const removal = (JSON.parse(delivery.payload) as Partial<LangfuseRemoval>).remove;
    return {
      ...(removal === undefined
        ? { url: `${connection.base_url}/api/public/scores` }
        : {
            url: `${connection.base_url}/api/public/scores/${encodeURIComponent(removal)}`,
            method: 'DELETE' as const,
          }),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Plaudit-Langfuse/1',
        authorization: `Basic ${credentials}`,
      },
    };
  }
}
