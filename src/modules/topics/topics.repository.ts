import { sql, type Kysely } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Tables } from '../../db/tables.js';
import type { TopicPolarity } from './topics.table.js';

/** What a topic member points at: an AI answer with its feedback, or an AI conversation's rating. */
export interface MemberSource {
  conversationId: number;
  messageId: number | null;
  ratingId: number | null;
  polarity: TopicPolarity;
  at: string;
}

export interface InputRow extends MemberSource {
  text: string;
  language: string | null;
}

/** Rows fetched per `in (...)` list, below every engine's limit on bound parameters. */
const BATCH = 1000;
/** Characters of a conversation's contact messages a rating's text takes. */
const CONVERSATION_TEXT = 2000;

const iso = (value: string | Date) => new Date(value).toISOString();

function batches<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

/** The topic job's reads (its inputs) and writes (its results), and the topics' reads for the API. */
export class TopicsRepository {
  constructor(private readonly db: Db) {}

  /** Organizations with AI feedback or AI ratings newer than their last computation, or never computed. */
  async organizationsWithNewInputs(): Promise<Array<{ orgId: number; computedAt: string | null }>> {
    const latestFeedback = this.db
      .selectFrom('message_feedback_current as f')
      .innerJoin('messages as m', 'm.id', 'f.message_id')
      .select(['f.org_id as org_id', sql<string>`max(f.created_at)`.as('at')])
      .where('m.role', '=', 'ai')
      .groupBy('f.org_id');
    const latestRating = this.db
      .selectFrom('ratings as r')
      .innerJoin('conversations as c', 'c.id', 'r.conversation_id')
      .select(['r.org_id as org_id', sql<string>`max(r.submitted_at)`.as('at')])
      .where('c.agent_type', '=', 'ai')
      .where('r.submitted_at', 'is not', null)
      .groupBy('r.org_id');
    const rows = await this.db
      .selectFrom('organizations as o')
      .leftJoin('topic_runs as run', 'run.org_id', 'o.id')
      .leftJoin(latestFeedback.as('lf'), 'lf.org_id', 'o.id')
      .leftJoin(latestRating.as('lr'), 'lr.org_id', 'o.id')
      .select(['o.id as org_id', 'run.computed_at', 'run.inputs_up_to', 'lf.at as feedback_at', 'lr.at as rating_at'])
      .where((eb) => eb.or([eb('lf.at', 'is not', null), eb('lr.at', 'is not', null)]))
      .execute();
    return rows
      .filter((row) => {
        if (!row.inputs_up_to) return true;
        const seen = iso(row.inputs_up_to);
        return [row.feedback_at, row.rating_at].some((at) => at && iso(at) > seen);
      })
      .map((row) => ({ orgId: Number(row.org_id), computedAt: row.computed_at ? iso(row.computed_at) : null }));
  }

  /**
   * The AI answers with current feedback given since `since`, newest first (at most `limit`): each with the contact's
   * message before it and the current comments, disliked when some author's current feedback is a dislike.
   */
  async answers(db: Kysely<Tables>, orgId: number, since: string, limit: number): Promise<InputRow[]> {
    const dislikes = sql<number>`sum(case when f.rating = 'dislike' then 1 else 0 end)`;
    const rows = await db
      .selectFrom('message_feedback_current as f')
      .innerJoin('messages as m', 'm.id', 'f.message_id')
      .innerJoin('conversations as c', 'c.id', 'm.conversation_id')
      .select(['m.id', 'm.conversation_id', 'm.text', 'm.created_at', 'c.language'])
      .select([dislikes.as('dislikes'), sql<string>`max(f.created_at)`.as('at')])
      .where('f.org_id', '=', orgId)
      .where('m.role', '=', 'ai')
      .where('f.rating', 'is not', null)
      .where('f.created_at', '>=', since)
      .where('m.text', 'is not', null)
      .groupBy(['m.id', 'm.conversation_id', 'm.text', 'm.created_at', 'c.language'])
      .orderBy(sql`max(f.created_at)`, 'desc')
      .orderBy('m.id', 'desc')
      .limit(limit)
      .execute();
    const before = new Map<number, string>();
    const comments = new Map<number, string[]>();
    for (const batch of batches(rows)) {
      const ids = batch.map((row) => Number(row.id));
      const questions = await db
        .selectFrom('messages as a')
        .select((eb) => [
          'a.id',
          eb
            .selectFrom('messages as u')
            .select('u.text')
            .whereRef('u.conversation_id', '=', 'a.conversation_id')
            .where('u.role', '=', 'user')
            .where((inner) =>
              inner(inner.refTuple('u.created_at', 'u.id'), '<', inner.refTuple('a.created_at', 'a.id')),
            )
            .orderBy('u.created_at', 'desc')
            .orderBy('u.id', 'desc')
            .limit(1)
            .as('question'),
        ])
        .where('a.id', 'in', ids)
        .execute();
      for (const row of questions) if (row.question) before.set(Number(row.id), row.question);
      const said = await db
        .selectFrom('message_feedback_current')
        .select(['message_id', 'comment'])
        .where('message_id', 'in', ids)
        .where('comment', 'is not', null)
        .where('comment', '!=', '')
        .execute();
      for (const row of said) {
        const id = Number(row.message_id);
        comments.set(id, [...(comments.get(id) ?? []), row.comment!]);
      }
    }
    return rows.map((row) => {
      const id = Number(row.id);
      return {
        conversationId: Number(row.conversation_id),
        messageId: id,
        ratingId: null,
        polarity: Number(row.dislikes) > 0 ? 'disliked' : 'liked',
        at: iso(row.at),
        text: [before.get(id), row.text, ...(comments.get(id) ?? [])].filter(Boolean).join('\n'),
        language: row.language,
      };
    });
  }

  /**
   * The answered ratings of AI conversations submitted since `since`, newest first (at most `limit`): low when some
   * answer is low (stars or CSAT 2 or less, NPS 6 or less, a thumbs down), each with its comment and the contact's
   * messages.
   */
  async ratings(db: Kysely<Tables>, orgId: number, since: string, limit: number): Promise<InputRow[]> {
    const rows = await db
      .selectFrom('ratings as r')
      .innerJoin('conversations as c', 'c.id', 'r.conversation_id')
      .select(['r.id', 'r.conversation_id', 'r.comment', 'r.submitted_at', 'c.language'])
      .select((eb) =>
        eb
          .exists(
            eb
              .selectFrom('rating_questions as q')
              .select(sql`1`.as('one'))
              .whereRef('q.rating_id', '=', 'r.id')
              .where('q.status', '=', 'Rated')
              .where((low) =>
                low.or([
                  low.and([low('q.kind', '=', 'stars'), low('q.value', '<=', 2)]),
                  low.and([low('q.kind', '=', 'nps'), low('q.value', '<=', 6)]),
                  low.and([low('q.kind', '=', 'thumbs'), low('q.value', '=', 0)]),
                ]),
              ),
          )
          .as('low'),
      )
      .where('r.org_id', '=', orgId)
      .where('c.agent_type', '=', 'ai')
      .where('r.status', 'in', ['rated', 'partially_rated'])
      .where('r.submitted_at', '>=', since)
      .orderBy('r.submitted_at', 'desc')
      .orderBy('r.id', 'desc')
      .limit(limit)
      .execute();
    const said = new Map<number, string>();
    for (const batch of batches([...new Set(rows.map((row) => Number(row.conversation_id)))])) {
      const messages = await db
        .selectFrom('messages')
        .select(['conversation_id', 'text'])
        .where('conversation_id', 'in', batch)
        .where('role', '=', 'user')
        .where('text', 'is not', null)
        .orderBy('conversation_id')
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      for (const message of messages) {
        const id = Number(message.conversation_id);
        const text = said.get(id);
        if (text === undefined) said.set(id, message.text!);
        else if (text.length < CONVERSATION_TEXT) said.set(id, `${text}\n${message.text}`.slice(0, CONVERSATION_TEXT));
      }
    }
    return rows.map((row) => ({
      conversationId: Number(row.conversation_id),
      messageId: null,
      ratingId: Number(row.id),
      polarity: row.low === true || Number(row.low) === 1 ? 'low' : 'high',
      at: iso(row.submitted_at!),
      text: [row.comment, said.get(Number(row.conversation_id))].filter(Boolean).join('\n'),
      language: row.language,
    }));
  }

  /** Replaces the organization's topics with a computation's, and records the run. */
  async replace(
    db: Kysely<Tables>,
    orgId: number,
    run: { computedAt: string; inputsUpTo: string | null; documents: number; durationMs: number },
    topics: Array<{ label: string; terms: string[]; members: Array<MemberSource & { similarity: number }> }>,
  ): Promise<void> {
    await db.deleteFrom('topic_members').where('org_id', '=', orgId).execute();
    await db.deleteFrom('topics').where('org_id', '=', orgId).execute();
    for (const [position, topic] of topics.entries()) {
      const { id } = await db
        .insertInto('topics')
        .values({ org_id: orgId, position, label: topic.label, terms: topic.terms.join(' ') })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const batch of batches(topic.members)) {
        await db
          .insertInto('topic_members')
          .values(
            batch.map((member) => ({
              org_id: orgId,
              topic_id: Number(id),
              conversation_id: member.conversationId,
              message_id: member.messageId,
              rating_id: member.ratingId,
              polarity: member.polarity,
              at: member.at,
              similarity: member.similarity,
            })),
          )
          .execute();
      }
    }
    const values = {
      computed_at: run.computedAt,
      inputs_up_to: run.inputsUpTo,
      documents: run.documents,
      duration_ms: run.durationMs,
    };
    await db
      .insertInto('topic_runs')
      .values({ org_id: orgId, ...values })
      .onConflict((conflict) => conflict.column('org_id').doUpdateSet(values))
      .execute();
  }

  async lastRun(orgId: number) {
    return this.db.selectFrom('topic_runs').selectAll().where('org_id', '=', orgId).executeTakeFirst();
  }
}
