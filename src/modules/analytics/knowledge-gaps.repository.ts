import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { currentFeedback } from './analytics.repository.js';
import { conversationHasLabels } from '../conversations/index.js';
import type { ResolvedFilters } from './filters.js';
import { bandOf } from './rollups.js';

/** The message roles that are an agent's answer, by agent type. */
const ANSWER_ROLES = { ai: 'ai', human: 'agent' } as const;
const COMMENTS_PER_MESSAGE = 5;

export interface GapAnswer {
  code: string;
  kind: 'stars' | 'csat' | 'nps' | 'ces' | 'thumbs';
  value: number;
  low: boolean;
  comment: string | null;
  answered_at: string;
}

const iso = (value: string | Date) => new Date(value).toISOString();

/**
 * SQL for the knowledge gaps: the agents' answers people disliked, and the ratings with a low answer. Both read the
 * records (bounded by the range and a limit) with the same filters as every other figure: the agent, agent type and
 * channel, and the range in `tz`.
 */
export class KnowledgeGapsRepository {
  constructor(private readonly db: Db) {}

  /** Agents' messages with the most current dislikes given in the range, with the comments given in it. */
  async dislikedAnswers(orgId: number, filters: ResolvedFilters, limit: number) {
    const roles = filters.agentType ? [ANSWER_ROLES[filters.agentType]] : Object.values(ANSWER_ROLES);
    let query = currentFeedback(this.db, orgId, filters).where('m.role', 'in', roles);
    if (filters.agentId) {
      // Feedback counts for the message's author, else the conversation's agent (as in the rollups).
      const agentId = filters.agentId;
      query = query.where((eb) =>
        eb.or([
          eb('m.author_id', '=', agentId),
          eb.and([eb('m.author_id', 'is', null), eb('c.agent_id', '=', agentId)]),
        ]),
      );
    }
    const dislikes = sql<number>`sum(case when cur.rating = 'dislike' then 1 else 0 end)`;
    const rows = await query
      .select([
        'm.id as message_id',
        'm.uid as message_uid',
        'm.text',
        'm.role',
        'm.author_id',
        'c.id as conversation_id',
        'c.uid as conversation_uid',
        'c.agent_id',
      ])
      .select([
        dislikes.as('dislikes'),
        sql<number>`sum(case when cur.rating = 'like' then 1 else 0 end)`.as('likes'),
        sql<string>`max(f.created_at)`.as('last_feedback_at'),
      ])
      .groupBy(['m.id', 'm.uid', 'm.text', 'm.role', 'm.author_id', 'c.id', 'c.uid', 'c.agent_id'])
      .having(dislikes, '>', 0)
      .orderBy(dislikes, 'desc')
      .orderBy(sql`max(f.created_at)`, 'desc')
      .orderBy('m.id', 'desc')
      .limit(limit)
      .execute();
    const comments = await this.commentsInRange(
      rows.map((row) => Number(row.message_id)),
      filters,
    );
    return rows.map((row) => ({
      message_uid: row.message_uid,
      conversation_id: Number(row.conversation_id),
      conversation_uid: row.conversation_uid,
      text: row.text,
      agent_id: row.author_id ?? row.agent_id,
      agent_type: row.role === 'ai' ? ('ai' as const) : ('human' as const),
      likes: Number(row.likes),
      dislikes: Number(row.dislikes),
      comments: (comments.get(Number(row.message_id)) ?? []).slice(0, COMMENTS_PER_MESSAGE),
      last_feedback_at: iso(row.last_feedback_at),
    }));
  }

  /** The current comments on some messages given in the range, newest first, per message. */
  private async commentsInRange(messageIds: number[], filters: ResolvedFilters): Promise<Map<number, string[]>> {
    const byMessage = new Map<number, string[]>();
    if (messageIds.length === 0) return byMessage;
    let query = this.db
      .selectFrom('message_feedback_current')
      .select(['message_id', 'comment'])
      .where('message_id', 'in', messageIds)
      .where('comment', 'is not', null)
      .where('comment', '!=', '');
    if (filters.fromUtc) query = query.where('created_at', '>=', filters.fromUtc);
    if (filters.toUtc) query = query.where('created_at', '<', filters.toUtc);
    for (const row of await query.orderBy('created_at', 'desc').execute()) {
      const id = Number(row.message_id);
      byMessage.set(id, [...(byMessage.get(id) ?? []), row.comment!]);
    }
    return byMessage;
  }

  /**
   * The ratings with a low answer (stars and CSAT 1-2, NPS 0-6, CES 1-3, thumbs down) given in the range, the latest first: each once,
   * with every answered question. `question_code` narrows which answers count as the low one.
   */
  async lowRatings(orgId: number, filters: ResolvedFilters, limit: number) {
    let query = this.db
      .selectFrom('rating_questions as q')
      .innerJoin('ratings as r', 'r.id', 'q.rating_id')
      .innerJoin('conversations as c', 'c.id', 'r.conversation_id')
      .where('q.org_id', '=', orgId)
      .where('q.status', '=', 'Rated')
      .where((eb) =>
        eb.or([
          eb.and([eb('q.kind', 'in', ['stars', 'csat']), eb('q.value', '<=', 2)]),
          eb.and([eb('q.kind', '=', 'nps'), eb('q.value', '<=', 6)]),
          eb.and([eb('q.kind', '=', 'ces'), eb('q.value', '<=', 3)]),
          eb.and([eb('q.kind', '=', 'thumbs'), eb('q.value', '=', 0)]),
        ]),
      );
    if (filters.fromUtc) query = query.where('q.answered_at', '>=', filters.fromUtc);
    if (filters.toUtc) query = query.where('q.answered_at', '<', filters.toUtc);
    if (filters.agentId) query = query.where('r.agent_id', '=', filters.agentId);
    if (filters.agentType) query = query.where('r.agent_type', '=', filters.agentType);
    if (filters.channel) query = query.where('c.channel', '=', filters.channel);
    if (filters.questionCode) query = query.where('q.code', '=', filters.questionCode);
    for (const condition of conversationHasLabels(sql.ref('c.id'), filters)) query = query.where(condition);
    const latestLow = sql<string>`max(q.answered_at)`;
    const ratings = await query
      .select([
        'r.id',
        'r.uid',
        'r.agent_id',
        'r.agent_type',
        'r.comment',
        'c.id as conversation_id',
        'c.uid as conversation_uid',
      ])
      .select(latestLow.as('latest_low_at'))
      .groupBy(['r.id', 'r.uid', 'r.agent_id', 'r.agent_type', 'r.comment', 'c.id', 'c.uid'])
      .orderBy(latestLow, 'desc')
      .orderBy('r.id', 'desc')
      .limit(limit)
      .execute();
    const answers = await this.answersOf(
      orgId,
      ratings.map((rating) => Number(rating.id)),
    );
    return ratings.map((rating) => {
      const questions = answers.get(Number(rating.id)) ?? [];
      const latest = iso(rating.latest_low_at);
      // The low answer the rating is listed for: the latest in the range, of the question asked for.
      const headline =
        questions.find(
          (answer) =>
            answer.low &&
            answer.answered_at === latest &&
            (!filters.questionCode || answer.code === filters.questionCode),
        ) ?? questions.find((answer) => answer.low)!;
      return {
        conversation_id: Number(rating.conversation_id),
        conversation_uid: rating.conversation_uid,
        rating_uid: rating.uid,
        agent_id: rating.agent_id,
        agent_type: rating.agent_type as 'human' | 'ai' | null,
        question_code: headline.code,
        value: headline.value,
        comment: rating.comment ?? headline.comment,
        answered_at: headline.answered_at,
        questions,
      };
    });
  }

  /** Every answered question of some ratings, in each rating's order. */
  private async answersOf(orgId: number, ratingIds: number[]): Promise<Map<number, GapAnswer[]>> {
    const byRating = new Map<number, GapAnswer[]>();
    if (ratingIds.length === 0) return byRating;
    const rows = await this.db
      .selectFrom('rating_questions')
      .select(['rating_id', 'code', 'kind', 'value', 'comment', 'answered_at'])
      .where('org_id', '=', orgId)
      .where('rating_id', 'in', ratingIds)
      .where('status', '=', 'Rated')
      .where('value', 'is not', null)
      .orderBy('rating_id')
      .orderBy('position')
      .execute();
    for (const row of rows) {
      const id = Number(row.rating_id);
      const value = Number(row.value);
      const answer: GapAnswer = {
        code: row.code,
        kind: row.kind as GapAnswer['kind'],
        value,
        low: bandOf(row.kind, value) === 'low',
        comment: row.comment,
        answered_at: iso(row.answered_at!),
      };
      byRating.set(id, [...(byRating.get(id) ?? []), answer]);
    }
    return byRating;
  }
}
