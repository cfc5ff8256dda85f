import { randomUUID } from 'node:crypto';
import type { Database, Db } from '../../db/database.js';
import { groupCommit } from '../../db/group-commit.js';
import { nowIso, toStoredTimestamp } from '../../db/values.js';
import { AppError } from '../../errors.js';
import { decodeCursor, splitPage } from '../../http/pagination.js';
import { agentNames } from '../agents/index.js';
import { messageAgent, type AnalyticsService } from '../analytics/index.js';
import type { ConversationsService, Message } from '../conversations/index.js';
import { SearchIndex } from '../search/index.js';
import type { ReviewsService } from '../reviews/index.js';
import type { WebhooksService } from '../webhooks/index.js';
import { FeedbackRepository } from './feedback.repository.js';
import type { FeedbackRating } from './feedback.table.js';
import { nextFeedback, type FeedbackSubmission } from './matrix.js';

export const MAX_FEEDBACK_COMMENT_LENGTH = 2000;

/** One record of the log. */
export interface FeedbackRecord {
  uid: string;
  message_uid: string;
  user_id: string;
  rating: FeedbackRating | null;
  comment: string | null;
  created_at: string;
}

/** A message named by a client, resolved: the organization it belongs to and its internal ids. */
export interface FeedbackTarget {
  orgId: number;
  conversationId: number;
  messageId: number;
  messageUid: string;
  /** Anonymized conversations take no new feedback: a comment would bring personal data back. */
  anonymized: boolean;
  /** Whom feedback on the message counts for in analytics: its author, else the conversation's agent. */
  agentId: string | null;
  agentType: string | null;
  channel: string | null;
  /** The message is an AI agent's answer: a dislike of it enters the review queue. */
  aiAnswer: boolean;
}

export interface MessageFeedbackSummary {
  my_feedback: { uid: string; rating: FeedbackRating | null; comment: string | null; created_at: string } | null;
  likes: number;
  dislikes: number;
  comments: number;
}

export interface FeedbackListQuery {
  rating?: 'like' | 'dislike' | 'none';
  has_comment?: boolean;
  agent_type?: 'human' | 'ai';
  created_from?: string;
  created_to?: string;
  limit?: number;
  cursor?: string;
}

/** A feedback record just appended, told to listeners in its transaction (the Langfuse bridge). */
export interface FeedbackWritten {
  messageId: number;
  messageUid: string;
  userId: string;
  rating: FeedbackRating | null;
  comment: string | null;
  at: string;
}

type FeedbackListener = (trx: Db, orgId: number, written: FeedbackWritten) => Promise<void>;

interface PendingFeedback {
  target: FeedbackTarget;
  userId: string;
  submission: FeedbackSubmission;
  at: string;
  /** Filled in by the write: the record stored, or null for a no-op. */
  result?: FeedbackRecord | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function analyticsDimensions(message: {
  role: string;
  author_id: string | null;
  agent_id: string | null;
  agent_type: string | null;
  channel: string | null;
}) {
  const { agent_id, agent_type } = messageAgent(message);
  return { agentId: agent_id, agentType: agent_type, channel: message.channel, aiAnswer: message.role === 'ai' };
}

function messageNotFound(uid: string): AppError {
  return new AppError('message_not_found', `No message ${uid} in this organization.`);
}

/**
 * Like/dislike and comments on single messages: an append-only log per message and author. A submission is applied
 * to the author's latest record (the behaviour matrix in matrix.ts) and stored as a new record, in one transaction
 * with that read, so concurrent submissions never lose the half they carry forward.
 */
export class FeedbackService {
  private readonly repository: FeedbackRepository;
  private readonly append: (pending: PendingFeedback) => Promise<void>;
  private readonly listeners: FeedbackListener[] = [];

  constructor(
    private readonly database: Database,
    private readonly conversations: ConversationsService,
    private readonly analytics: AnalyticsService,
    private readonly webhooks: WebhooksService,
    private readonly reviews?: ReviewsService,
  ) {
    this.repository = new FeedbackRepository(database.db, database.dialect, new SearchIndex(database));
    this.append = groupCommit(database, (trx, pending: PendingFeedback) => this.applySubmission(trx, pending), {
      transactional: true,
    });
    conversations.onAnonymize((db, _orgId, conversationId) => this.repository.blankComments(db, conversationId));
  }

  /** A message of the organization by UUID; another organization's message does not exist for the caller. */
  async messageTarget(orgId: number, messageUid: string): Promise<FeedbackTarget> {
    const message = UUID.test(messageUid) ? await this.repository.findMessage(messageUid.toLowerCase()) : undefined;
    if (!message || Number(message.org_id) !== orgId) throw messageNotFound(messageUid);
    return {
      orgId,
      conversationId: Number(message.conversation_id),
      messageId: Number(message.message_id),
      messageUid: message.message_uid,
      anonymized: message.anonymized_at !== null,
      ...analyticsDimensions(message),
    };
  }

  /**
   * A conversation named by UUID, as Exante names it: 404 when it does not exist, 403 when it belongs to another
   * organization (Exante's documented rule).
   */
  async conversationTarget(orgId: number, conversationUid: string): Promise<{ id: number; uid: string }> {
    const conversation = UUID.test(conversationUid)
      ? await this.repository.findConversation(conversationUid.toLowerCase())
      : undefined;
    if (!conversation) throw new AppError('conversation_not_found', `No conversation ${conversationUid}.`);
    if (Number(conversation.org_id) !== orgId) {
      throw new AppError('forbidden', 'You are not authorized for the organization this conversation belongs to.');
    }
    return { id: Number(conversation.id), uid: conversation.uid };
  }

  /**
   * A message named by conversation and message UUIDs, as Exante names it: 404 when the conversation does not exist
   * or the message is not in it; 403 when the conversation belongs to another organization (Exante's documented rule).
   */
  async conversationMessageTarget(orgId: number, conversationUid: string, messageUid: string): Promise<FeedbackTarget> {
    const conversation = await this.conversationTarget(orgId, conversationUid);
    const message = UUID.test(messageUid) ? await this.repository.findMessage(messageUid.toLowerCase()) : undefined;
    if (!message || Number(message.conversation_id) !== conversation.id) {
      throw new AppError('message_not_found', `No message ${messageUid} in conversation ${conversationUid}.`);
    }
    return {
      orgId,
      conversationId: conversation.id,
      messageId: Number(message.message_id),
      messageUid: message.message_uid,
      anonymized: message.anonymized_at !== null,
      ...analyticsDimensions(message),
    };
  }

  /**
   * Records a submission by an author; null when it is a no-op (nothing is stored). `at` backdates the record (the
   * demo's history); the API always records the present.
   */
  async recordMessageFeedback(
    target: FeedbackTarget,
    userId: string,
    submission: FeedbackSubmission,
    at: string = nowIso(),
  ): Promise<FeedbackRecord | null> {
    // Characters as people (and the schema validator) count them: code points, not UTF-16 units.
    if (typeof submission.comment === 'string' && [...submission.comment].length > MAX_FEEDBACK_COMMENT_LENGTH) {
      throw new AppError('validation_failed', `The comment is longer than ${MAX_FEEDBACK_COMMENT_LENGTH} characters.`);
    }
    if (nextFeedback(undefined, submission) === null) return null;
    if (target.anonymized) {
      throw new AppError('conversation_anonymized', 'The conversation was anonymized; it takes no new feedback.');
    }
    const pending: PendingFeedback = { target, userId, submission, at };
    await this.append(pending);
    return pending.result ?? null;
  }

  /** The whole log of a message, every author, oldest first. */
  /** Registers what else a feedback record makes (a Langfuse score): told in the writing transaction. */
  onFeedback(listener: FeedbackListener): void {
    this.listeners.push(listener);
  }

  async history(target: FeedbackTarget) {
    return this.repository.history(target.messageId);
  }

  /**
   * Per message of a conversation: the reader's current feedback and the totals over every author's current
   * feedback (likes, dislikes, comments).
   */
  async summaries(conversationId: number, userId: string): Promise<Map<number, MessageFeedbackSummary>> {
    const summaries = new Map<number, MessageFeedbackSummary>();
    for (const row of await this.repository.currentByConversation(conversationId)) {
      const messageId = Number(row.message_id);
      let summary = summaries.get(messageId);
      if (!summary) {
        summary = { my_feedback: null, likes: 0, dislikes: 0, comments: 0 };
        summaries.set(messageId, summary);
      }
      if (row.rating === 'like') summary.likes += 1;
      if (row.rating === 'dislike') summary.dislikes += 1;
      if (row.comment) summary.comments += 1;
      if (row.user_id === userId) {
        summary.my_feedback = { uid: row.uid, rating: row.rating, comment: row.comment, created_at: row.created_at };
      }
    }
    return summaries;
  }

  /** The messages of a conversation, each with the reader's feedback and the totals. */
  async messagesWithFeedback(orgId: number, conversationIdOrUid: string, userId: string) {
    const conversation = await this.conversations.findConversation(orgId, conversationIdOrUid);
    const [messages, summaries] = await Promise.all([
      this.conversations.listMessagesWithIds(conversation),
      this.summaries(conversation.id, userId),
    ]);
    const empty: MessageFeedbackSummary = { my_feedback: null, likes: 0, dislikes: 0, comments: 0 };
    // One object of one shape per message, written out: two spreads per message cost more than the query did.
    return messages.map(({ id, message }: { id: number; message: Message }) => {
      const summary = summaries.get(id) ?? empty;
      return {
        uid: message.uid,
        conversation_id: message.conversation_id,
        role: message.role,
        text: message.text,
        author_id: message.author_id,
        model: message.model,
        prompt_version: message.prompt_version,
        trace_id: message.trace_id,
        span_id: message.span_id,
        tags: message.tags,
        created_at: message.created_at,
        my_feedback: summary.my_feedback,
        likes: summary.likes,
        dislikes: summary.dislikes,
        comments: summary.comments,
      };
    });
  }

  /** Recent feedback across the organization, newest first. */
  async listFeedback(orgId: number, query: FeedbackListQuery) {
    const limit = query.limit ?? 50;
    const rows = await this.repository.list(
      orgId,
      {
        rating: query.rating,
        hasComment: query.has_comment,
        agentType: query.agent_type,
        createdFrom: query.created_from && toStoredTimestamp(query.created_from),
        createdTo: query.created_to && toStoredTimestamp(query.created_to),
      },
      limit + 1,
      query.cursor ? decodeCursor(query.cursor) : undefined,
    );
    const { page, next_cursor } = splitPage(rows, limit);
    return {
      data: page.map((row) => ({
        uid: row.uid,
        message_uid: row.message_uid,
        conversation_id: Number(row.conversation_id),
        conversation_uid: row.conversation_uid,
        user_id: row.user_id,
        author_name: row.author_name,
        rating: row.rating,
        comment: row.comment,
        created_at: row.created_at,
        message: { role: row.message_role, text: row.message_text },
        agent_id: row.agent_id,
        agent_type: row.agent_type,
        agent_name: row.agent_name,
        channel: row.channel,
      })),
      next_cursor,
    };
  }

  private async applySubmission(trx: Db, pending: PendingFeedback): Promise<void> {
    const { target, userId, submission, at } = pending;
    await this.repository.lockMessage(trx, target.messageId);
    const current = await this.repository.currentOf(trx, target.messageId, userId);
    const next = nextFeedback(current, submission);
    if (!next) {
      pending.result = null;
      return;
    }
    const record = { uid: randomUUID(), rating: next.rating, comment: next.comment, created_at: at };
    await this.repository.append(
      trx,
      {
        ...record,
        org_id: target.orgId,
        conversation_id: target.conversationId,
        message_id: target.messageId,
        user_id: userId,
      },
      current?.comment ?? null,
    );
    const dimensions = { agent_id: target.agentId, agent_type: target.agentType, channel: target.channel };
    const records = { conversation_id: target.conversationId, message_id: target.messageId, ...dimensions };
    await this.analytics.recordFeedbackChange(
      trx,
      target.orgId,
      current ? { rating: current.rating, created_at: current.created_at, ...records } : null,
      { rating: next.rating, created_at: at, ...records },
    );
    if (this.reviews && next.rating === 'dislike' && current?.rating !== 'dislike' && target.aiAnswer) {
      // A new dislike of an AI answer puts it in the review queue, or back in it.
      await this.reviews.recordDislike(trx, target.orgId, target.conversationId, target.messageId, at);
    }
    pending.result = { ...record, message_uid: target.messageUid, user_id: userId };
    for (const listener of this.listeners) {
      await listener(trx, target.orgId, {
        messageId: target.messageId,
        messageUid: target.messageUid,
        userId,
        rating: next.rating,
        comment: next.comment,
        at,
      });
    }
    // The name costs a query, paid only when a webhook wants the event.
    if (!(await this.webhooks.subscribed(trx, target.orgId, 'feedback.created'))) return;
    const names = await agentNames(trx, target.orgId, [target.agentId]);
    await this.webhooks.enqueue(trx, target.orgId, 'feedback.created', {
      ...pending.result,
      conversation_id: target.conversationId,
      ...dimensions,
      agent_name: (target.agentId && names.get(target.agentId)) ?? null,
    });
  }
}
