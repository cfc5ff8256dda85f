import type { Database, Db } from '../../db/database.js';
import { nowIso } from '../../db/values.js';
import { AppError } from '../../errors.js';
import { decodeCursor, encodeCursor } from '../../http/pagination.js';
import type { WebhooksService } from '../webhooks/index.js';
import { ReviewsRepository } from './reviews.repository.js';
import type { ReviewChange, ReviewItem, ReviewListQuery } from './reviews.schemas.js';
import type { ReviewKind, ReviewStatus } from './reviews.table.js';

/** Where an item may go from each status; staying is always allowed. */
const NEXT: Record<ReviewStatus, ReviewStatus[]> = {
  open: ['in_review', 'resolved', 'wont_fix'],
  in_review: ['open', 'resolved', 'wont_fix'],
  resolved: ['open'],
  wont_fix: ['open'],
};
const CLOSED: ReviewStatus[] = ['resolved', 'wont_fix'];
export const MAX_BULK = 100;

type Row = Awaited<ReturnType<ReviewsRepository['list']>>[number];

/**
 * The review queue of bad AI answers: every disliked AI answer and every low-rated AI conversation enters it (in the
 * transaction that records the dislike or the answer), people work through it, and a closed item comes back when its
 * answer gets a new dislike or its rating a new low answer. Every change is a `review.updated` webhook event.
 */
export class ReviewsService {
  private readonly repository: ReviewsRepository;

  constructor(
    private readonly database: Database,
    private readonly webhooks: WebhooksService,
  ) {
    this.repository = new ReviewsRepository(database.db, database.dialect);
  }

  /** A new dislike of an AI answer: the answer enters the queue, or comes back to it. Inside the feedback's transaction. */
  async recordDislike(trx: Db, orgId: number, conversationId: number, messageId: number, at: string): Promise<void> {
    await this.record(trx, orgId, 'answer', { messageId }, conversationId, at);
  }

  /** A new low answer to a rating of an AI conversation. Inside the rating change's transaction. */
  async recordLowRating(trx: Db, orgId: number, ratingId: number, at: string): Promise<void> {
    const conversationId = await this.repository.ratingConversation(trx, ratingId);
    if (conversationId !== undefined) await this.record(trx, orgId, 'rating', { ratingId }, conversationId, at);
  }

  private async record(
    trx: Db,
    orgId: number,
    kind: ReviewKind,
    subject: { messageId: number } | { ratingId: number },
    conversationId: number,
    at: string,
  ): Promise<void> {
    const now = nowIso();
    const existing = await this.repository.findBySubject(trx, subject);
    if (!existing) {
      const id = await this.repository.insert(trx, {
        org_id: orgId,
        kind,
        conversation_id: conversationId,
        message_id: 'messageId' in subject ? subject.messageId : null,
        rating_id: 'ratingId' in subject ? subject.ratingId : null,
        status: 'open',
        assignee_id: null,
        notes: null,
        resolution: null,
        created_at: now,
        updated_at: now,
        last_event_at: at,
        resolved_at: null,
      });
      await this.publish(trx, orgId, id, null, 'open', 'entered');
      return;
    }
    const id = Number(existing.id);
    if (!CLOSED.includes(existing.status)) {
      await this.repository.update(trx, orgId, id, { last_event_at: at, updated_at: now });
      return;
    }
    await this.repository.update(trx, orgId, id, {
      status: 'open',
      resolved_at: null,
      last_event_at: at,
      updated_at: now,
      reopened: Number(existing.reopened) + 1,
    });
    await this.publish(trx, orgId, id, existing.status, 'open', 'reopened');
  }

  private async publish(
    trx: Db,
    orgId: number,
    id: number,
    previous: ReviewStatus | null,
    status: ReviewStatus,
    reason: 'entered' | 'reopened' | 'changed',
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    await this.webhooks.enqueue(trx, orgId, 'review.updated', {
      review_id: id,
      reason,
      previous_status: previous,
      status,
      ...extra,
    });
  }

  /** The queue, newest dislike or low answer first. */
  async list(orgId: number, userId: string, query: ReviewListQuery) {
    const limit = query.limit ?? 50;
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    const assignee = query.assignee === 'me' ? userId : query.assignee === 'none' ? null : query.assignee;
    const rows = await this.repository.list(
      orgId,
      {
        status: query.status === 'unresolved' ? ['open', 'in_review'] : query.status ? [query.status] : undefined,
        kind: query.kind,
        assignee: assignee?.toLowerCase() ?? assignee,
      },
      limit + 1,
      after,
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      data: await this.views(page),
      counts: await this.repository.counts(orgId),
      next_cursor: rows.length > limit && last ? encodeCursor({ createdAt: last.last_event_at, id: last.id }) : null,
    };
  }

  async get(orgId: number, id: number): Promise<ReviewItem> {
    const [row] = await this.repository.list(orgId, {}, 1, undefined, [id]);
    if (!row) throw notFound([id]);
    return (await this.views([row]))[0]!;
  }

  /** Changes one item: its status (by the allowed moves), assignee, notes or resolution. */
  async update(orgId: number, userId: string, id: number, change: ReviewChange): Promise<ReviewItem> {
    await this.change(orgId, userId, [id], change);
    return this.get(orgId, id);
  }

  /** The same change to many items, all or none. */
  async bulk(orgId: number, userId: string, ids: number[], change: ReviewChange): Promise<ReviewItem[]> {
    const unique = [...new Set(ids)];
    await this.change(orgId, userId, unique, change);
    const rows = await this.repository.list(orgId, {}, unique.length, undefined, unique);
    return this.views(rows);
  }

  private async change(orgId: number, userId: string, ids: number[], change: ReviewChange): Promise<void> {
    if (Object.keys(change).length === 0) {
      throw new AppError('validation_failed', 'Send at least one of status, assignee_id, notes or resolution.');
    }
    const assignee = change.assignee_id === undefined ? undefined : (change.assignee_id?.toLowerCase() ?? null);
    if (assignee && !(await this.repository.userInOrganization(orgId, assignee))) {
      throw new AppError('validation_failed', `assignee_id: no user ${change.assignee_id} in this organization.`);
    }
    const now = nowIso();
    await this.database.db.transaction().execute(async (trx) => {
      const items = await this.repository.lockItems(trx, orgId, ids);
      if (items.length !== ids.length) {
        const found = new Set(items.map((item) => Number(item.id)));
        throw notFound(ids.filter((id) => !found.has(id)));
      }
      for (const item of items) {
        const previous = item.status;
        // Assigning an open item starts its review, unless the change says where it goes.
        const status = change.status ?? (assignee && previous === 'open' ? 'in_review' : previous);
        if (status !== previous && !NEXT[previous].includes(status)) {
          throw new AppError(
            'invalid_review_transition',
            `Review ${item.id} is ${previous}; it can go to ${NEXT[previous].join(' or ')}, not ${status}.`,
          );
        }
        await this.repository.update(trx, orgId, Number(item.id), {
          status,
          ...(assignee !== undefined ? { assignee_id: assignee } : {}),
          ...(change.notes !== undefined ? { notes: change.notes } : {}),
          ...(change.resolution !== undefined ? { resolution: change.resolution } : {}),
          ...(status !== previous ? { resolved_at: CLOSED.includes(status) ? now : null } : {}),
          updated_at: now,
        });
        await this.publish(trx, orgId, Number(item.id), previous, status, 'changed', {
          assignee_id: assignee !== undefined ? assignee : item.assignee_id,
          resolution: change.resolution !== undefined ? change.resolution : item.resolution,
          changed_by: userId,
        });
      }
    });
  }

  /** Rows as the API answers them: with the answer's feedback or the rating's answers. */
  private async views(rows: Row[]): Promise<ReviewItem[]> {
    const messageUids = rows.flatMap((row) => (row.message_uid ? [row.message_uid] : []));
    const ratingUids = rows.flatMap((row) => (row.rating_uid ? [row.rating_uid] : []));
    const [feedback, answers] = await Promise.all([
      this.repository.feedbackOf(messageUids),
      this.repository.answersOf(ratingUids),
    ]);
    return rows.map((row) => {
      const own = feedback.filter((record) => record.uid === row.message_uid);
      return {
        id: row.id,
        kind: row.kind,
        status: row.status,
        assignee: row.assignee_id
          ? { id: row.assignee_id, name: row.assignee_name ?? null, email: row.assignee_email ?? null }
          : null,
        notes: row.notes,
        resolution: row.resolution,
        reopened: row.reopened,
        conversation: {
          id: row.conversation_id,
          uid: row.conversation_uid,
          contact_name: row.anonymized_at ? null : row.contact_name,
          channel: row.channel,
          agent_id: row.agent_id,
          agent_name: row.agent_name,
        },
        message: row.message_uid
          ? {
              uid: row.message_uid,
              text: row.message_text,
              dislikes: own.filter((record) => record.rating === 'dislike').length,
              likes: own.filter((record) => record.rating === 'like').length,
              comments: own.flatMap((record) => (record.comment ? [record.comment] : [])),
            }
          : null,
        rating: row.rating_uid
          ? {
              uid: row.rating_uid,
              comment: row.rating_comment,
              answers: answers
                .filter((answer) => answer.uid === row.rating_uid)
                .map(({ code, kind, value }) => ({ code, kind, value: Number(value) })),
            }
          : null,
        created_at: row.created_at,
        updated_at: row.updated_at,
        last_event_at: row.last_event_at,
        resolved_at: row.resolved_at,
      };
    });
  }
}

function notFound(ids: number[]): AppError {
  return new AppError('review_not_found', `No review ${ids.join(', ')} in this organization.`);
}
