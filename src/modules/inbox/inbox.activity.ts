import { sql, type Expression, type SqlBool } from 'kysely';
import { Type } from 'typebox';
import type { Db } from '../../db/database.js';
import { AnalyticsFilterQuery, QuestionFilterCode, resolveFilters } from '../analytics/index.js';

/**
 * The inbox's activity filters: conversations in which something happened on some days — a rating answer was given,
 * or a message was liked or disliked. They are what a point of an analytics trend counts (answers on the day they
 * were given, message feedback on the day it was given), so a click on a point can open exactly its conversations.
 */

const Day = (description: string) => Type.Optional({ ...AnalyticsFilterQuery.from, description });

/** Query parameters, spread into the inbox's query schema. */
export const ActivityQuery = {
  answered_from: Day('Only conversations with a rating answer given on this day or later, in `tz`.'),
  answered_to: Day('Only conversations with a rating answer given on this day or earlier, in `tz`.'),
  answered_kind: Type.Optional(
    Type.Union([Type.Literal('stars'), Type.Literal('nps'), Type.Literal('ces'), Type.Literal('thumbs')], {
      description:
        'Only conversations with an answer of this kind (in the `answered_from`-`answered_to` days), as analytics ' +
        'counts kinds: `stars` is every question CSAT counts (stars and CSAT questions), `ces` the effort questions.',
    }),
  ),
  answered_question: Type.Optional({
    ...QuestionFilterCode,
    description:
      'Only conversations with an answer to this question (in the `answered_from`-`answered_to` days): a built-in ' +
      "code or one of the organization's own questions, archived ones included; any other is `unknown_question_code`.",
  }),
  feedback_from: Day('Only conversations with a like or dislike on one of their messages given on this day or later.'),
  feedback_to: Day('Only conversations with a like or dislike on one of their messages given on this day or earlier.'),
};

export interface ActivityInput {
  answered_from?: string;
  answered_to?: string;
  answered_kind?: 'stars' | 'nps' | 'ces' | 'thumbs';
  answered_question?: string;
  feedback_from?: string;
  feedback_to?: string;
}

/** The activity filters resolved to UTC bounds; a part is absent when none of its parameters was given. */
export interface ActivityFilters {
  answered?: { fromUtc?: string; toUtc?: string; kind?: string; code?: string };
  feedback?: { fromUtc?: string; toUtc?: string };
}

/** True when the request names any activity filter. */
export function hasActivity(input: ActivityInput): boolean {
  return (Object.keys(ActivityQuery) as Array<keyof ActivityInput>).some((name) => input[name] !== undefined);
}

/** Checks the activity parameters and turns their days (in `tz`) into UTC bounds. */
export function resolveActivity(input: ActivityInput, tz: string): ActivityFilters {
  const filters: ActivityFilters = {};
  const { answered_from, answered_to, answered_kind, answered_question, feedback_from, feedback_to } = input;
  if (answered_from || answered_to || answered_kind || answered_question) {
    const days = resolveFilters({ from: answered_from, to: answered_to, tz }, tz, {
      names: { from: 'answered_from', to: 'answered_to' },
    });
    filters.answered = { fromUtc: days.fromUtc, toUtc: days.toUtc, kind: answered_kind, code: answered_question };
  }
  if (feedback_from || feedback_to) {
    const days = resolveFilters({ from: feedback_from, to: feedback_to, tz }, tz, {
      names: { from: 'feedback_from', to: 'feedback_to' },
    });
    filters.feedback = { fromUtc: days.fromUtc, toUtc: days.toUtc };
  }
  return filters;
}

/** The activity filters as conditions on the conversation `c`: EXISTS probes on the per-conversation indexes. */
export function activityConditions(db: Db, filters: ActivityFilters): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  const conversation = sql.ref<number>('c.id');
  const { answered, feedback } = filters;
  if (answered) {
    let answers = db
      .selectFrom('ratings as r')
      .innerJoin('rating_questions as q', 'q.rating_id', 'r.id')
      .select(sql`1`.as('one'))
      .where('r.conversation_id', '=', conversation)
      .where('q.status', '=', 'Rated');
    if (answered.fromUtc) answers = answers.where('q.answered_at', '>=', answered.fromUtc);
    if (answered.toUtc) answers = answers.where('q.answered_at', '<', answered.toUtc);
    // CSAT counts the stars and the CSAT questions alike, and so does the inbox behind it.
    if (answered.kind)
      answers = answers.where('q.kind', 'in', answered.kind === 'stars' ? ['stars', 'csat'] : [answered.kind]);
    if (answered.code) answers = answers.where('q.code', '=', answered.code);
    conditions.push(sql<SqlBool>`exists ${answers}`);
  }
  if (feedback) {
    // Current feedback, as analytics counts it: a like or dislike later taken back counts no more.
    let given = db
      .selectFrom('message_feedback_current as mf')
      .select(sql`1`.as('one'))
      .where('mf.conversation_id', '=', conversation)
      .where('mf.rating', 'is not', null);
    if (feedback.fromUtc) given = given.where('mf.created_at', '>=', feedback.fromUtc);
    if (feedback.toUtc) given = given.where('mf.created_at', '<', feedback.toUtc);
    conditions.push(sql<SqlBool>`exists ${given}`);
  }
  return conditions;
}
