import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { localDay } from './time.js';

/**
 * What each rating and each piece of message feedback contributes to the daily rollups, and the upserts that keep the
 * rollups equal to the records. A change is applied as a delta — the contribution of the record after the change
 * minus its contribution before — in the same transaction as the change itself, so the rollups never drift and a
 * rollback takes the delta with it. The same contribution functions rebuild the rollups from scratch and compute
 * figures exactly for a time zone the rollups are not kept in.
 */

export type QuestionKind = 'stars' | 'nps' | 'thumbs';

export interface QuestionSnapshot {
  code: string;
  kind: string;
  status: string;
  value: number | null;
  offered_at: string;
  answered_at: string | null;
}

/** A rating as the rollups see it. */
export interface RatingSnapshot {
  /** The rating's conversation, whose labels it counts under (version rollups). */
  conversation_id?: number;
  agent_id: string | null;
  agent_type: string | null;
  channel: string | null;
  opened_at: string | null;
  expiry_recorded: boolean;
  questions: QuestionSnapshot[];
}

export const RATING_COUNTERS = [
  'offered',
  'opened',
  'answered',
  'expired',
  'cancelled',
  'responses',
  'value_sum',
  'high',
  'mid',
  'low',
] as const;
export type RatingCounter = (typeof RATING_COUNTERS)[number];
export type RatingCounters = Record<RatingCounter, number>;

export interface RatingDayKey {
  day: string;
  agent_id: string;
  agent_type: string;
  channel: string;
  question_code: string;
}

export interface MessageDayKey {
  day: string;
  agent_id: string;
  agent_type: string;
  channel: string;
}

export interface MessageCounters {
  likes: number;
  dislikes: number;
}

/** The band of an answer: stars and CSAT 4-5/3/1-2, NPS 9-10/7-8/0-6, CES 6-7/4-5/1-3, thumbs up (1)/-/down (0). */
export function bandOf(kind: string, value: number): 'high' | 'mid' | 'low' {
  switch (kind) {
    case 'stars':
    case 'csat':
      return value >= 4 ? 'high' : value === 3 ? 'mid' : 'low';
    case 'ces':
      return value >= 6 ? 'high' : value >= 4 ? 'mid' : 'low';
    case 'nps':
      return value >= 9 ? 'high' : value >= 7 ? 'mid' : 'low';
    default:
      return value >= 1 ? 'high' : 'low';
  }
}

export function emptyRatingCounters(): RatingCounters {
  return {
    offered: 0,
    opened: 0,
    answered: 0,
    expired: 0,
    cancelled: 0,
    responses: 0,
    value_sum: 0,
    high: 0,
    mid: 0,
    low: 0,
  };
}

export const SEPARATOR = '\u0000';

export function ratingKey(key: RatingDayKey): string {
  return [key.day, key.agent_id, key.agent_type, key.channel, key.question_code].join(SEPARATOR);
}

function parseRatingKey(text: string): RatingDayKey {
  const [day, agent_id, agent_type, channel, question_code] = text.split(SEPARATOR) as [
    string,
    string,
    string,
    string,
    string,
  ];
  return { day, agent_id, agent_type, channel, question_code };
}

/** Counters per rollup row, accumulated in memory. */
export class RatingTally {
  readonly rows = new Map<string, RatingCounters>();

  /** The counters of one rollup row by its key, made empty the first time. */
  #counters(id: string): RatingCounters {
    let counters = this.rows.get(id);
    if (!counters) {
      counters = emptyRatingCounters();
      this.rows.set(id, counters);
    }
    return counters;
  }

  /**
   * Adds (sign 1) or subtracts (sign -1) what a rating contributes. Each question adds to at most two rows (the day it
   * was offered, the day it was answered), whose keys are made once each: every change of a rating counts itself
   * twice over (before and after), and rebuilds and exact figures count every rating.
   */
  addRating(rating: RatingSnapshot, tz: string, sign: 1 | -1 = 1): void {
    const dims = [rating.agent_id ?? '', rating.agent_type ?? '', rating.channel ?? ''].join(SEPARATOR);
    for (const question of rating.questions) {
      // Choice and text questions are answered without a value: they count as answered, with no value or band.
      const valued = question.value !== null;
      const rated =
        question.status === 'Rated' &&
        question.answered_at !== null &&
        (valued || question.kind === 'choice' || question.kind === 'text');
      const offered = this.#counters([localDay(question.offered_at, tz), dims, question.code].join(SEPARATOR));
      offered.offered += sign;
      if (rated || (rating.opened_at !== null && question.status !== 'Cancelled')) offered.opened += sign;
      if (rated) offered.answered += sign;
      if (question.status === 'Cancelled') offered.cancelled += sign;
      if (rating.expiry_recorded && question.status === 'Offered') offered.expired += sign;
      if (rated) {
        const answered = this.#counters([localDay(question.answered_at!, tz), dims, question.code].join(SEPARATOR));
        answered.responses += sign;
        if (valued) {
          answered.value_sum += sign * question.value!;
          answered[bandOf(question.kind, question.value!)] += sign;
        }
      }
    }
  }

  /** The rows with a non-zero counter, in key order (so that concurrent writers lock rows in one order). */
  entries(): Array<{ key: RatingDayKey; counters: RatingCounters }> {
    return [...this.rows.entries()]
      .filter(([, counters]) => RATING_COUNTERS.some((name) => counters[name] !== 0))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([id, counters]) => ({ key: parseRatingKey(id), counters }));
  }
}

/** The current feedback of one author on one message, as the rollups see it. */
export interface FeedbackSnapshot {
  /** The message and its conversation, whose labels the feedback counts under (version rollups). */
  conversation_id?: number;
  message_id?: number;
  rating: string | null;
  created_at: string;
  agent_id: string | null;
  agent_type: string | null;
  channel: string | null;
}

export class MessageTally {
  readonly rows = new Map<string, MessageCounters>();

  addFeedback(feedback: FeedbackSnapshot, tz: string, sign: 1 | -1 = 1): void {
    if (feedback.rating !== 'like' && feedback.rating !== 'dislike') return;
    const id = [
      localDay(feedback.created_at, tz),
      feedback.agent_id ?? '',
      feedback.agent_type ?? '',
      feedback.channel ?? '',
    ].join(SEPARATOR);
    let counters = this.rows.get(id);
    if (!counters) {
      counters = { likes: 0, dislikes: 0 };
      this.rows.set(id, counters);
    }
    counters[feedback.rating === 'like' ? 'likes' : 'dislikes'] += sign;
  }

  entries(): Array<{ key: MessageDayKey; counters: MessageCounters }> {
    return [...this.rows.entries()]
      .filter(([, counters]) => counters.likes !== 0 || counters.dislikes !== 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([id, counters]) => {
        const [day, agent_id, agent_type, channel] = id.split(SEPARATOR) as [string, string, string, string];
        return { key: { day, agent_id, agent_type, channel }, counters };
      });
  }
}

/** The dimension value of a rollup row that sums over that dimension. */
export const ALL = '*';

/** The levels each day is kept at; a query reads the one its filters need. */
export const LEVEL = { total: 0, channel: 1, agent: 2, detail: 3 } as const;

/** A tally's rows at every level: as tallied (per agent and channel), per agent, per channel, and in total. */
export function atEveryLevel<K extends { agent_id: string; agent_type: string; channel: string }, C extends object>(
  entries: Array<{ key: K; counters: C }>,
  idOf: (key: K) => string,
): Array<{ level: number; key: K; counters: C }> {
  const rows: Array<{ level: number; key: K; counters: C }> = entries.map((entry) => ({
    level: LEVEL.detail,
    ...entry,
  }));
  const summed = (level: number, keyOf: (key: K) => K) => {
    const sums = new Map<string, { level: number; key: K; counters: C }>();
    for (const { key, counters } of entries) {
      const summedKey = keyOf(key);
      const id = idOf(summedKey);
      const existing = sums.get(id);
      if (!existing) sums.set(id, { level, key: summedKey, counters: { ...counters } });
      else {
        for (const name of Object.keys(counters) as Array<keyof C>) {
          (existing.counters[name] as number) += counters[name] as number;
        }
      }
    }
    rows.push(...[...sums.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row));
  };
  summed(LEVEL.agent, (key) => ({ ...key, channel: ALL }));
  summed(LEVEL.channel, (key) => ({ ...key, agent_id: ALL, agent_type: ALL }));
  summed(LEVEL.total, (key) => ({ ...key, agent_id: ALL, agent_type: ALL, channel: ALL }));
  return rows;
}

/** Rows per upsert statement: well under both engines' bound-parameter limits. */
const UPSERT_CHUNK = 500;

export function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let at = 0; at < items.length; at += UPSERT_CHUNK) out.push(items.slice(at, at + UPSERT_CHUNK));
  return out;
}

/**
 * Adds a tally to the organization's rating rollups: one multi-row upsert (per 500 rows), so that an answer costs one
 * statement however many rows it moves.
 */
export async function applyRatingTally(db: Db, orgId: number, tally: RatingTally): Promise<void> {
  for (const rows of chunks(atEveryLevel(tally.entries(), ratingKey))) {
    const values = rows.map(
      ({ level, key, counters: c }) =>
        sql`(${orgId}, ${level}, ${key.day}, ${key.agent_id}, ${key.agent_type}, ${key.channel}, ${key.question_code},
          ${c.offered}, ${c.opened}, ${c.answered}, ${c.expired}, ${c.cancelled},
          ${c.responses}, ${c.value_sum}, ${c.high}, ${c.mid}, ${c.low})`,
    );
    await sql`
      insert into analytics_rating_days
        (org_id, level, day, agent_id, agent_type, channel, question_code,
         offered, opened, answered, expired, cancelled, responses, value_sum, high, mid, low)
      values ${sql.join(values)}
      on conflict (org_id, level, agent_id, agent_type, channel, day, question_code) do update set
        offered = analytics_rating_days.offered + excluded.offered,
        opened = analytics_rating_days.opened + excluded.opened,
        answered = analytics_rating_days.answered + excluded.answered,
        expired = analytics_rating_days.expired + excluded.expired,
        cancelled = analytics_rating_days.cancelled + excluded.cancelled,
        responses = analytics_rating_days.responses + excluded.responses,
        value_sum = analytics_rating_days.value_sum + excluded.value_sum,
        high = analytics_rating_days.high + excluded.high,
        mid = analytics_rating_days.mid + excluded.mid,
        low = analytics_rating_days.low + excluded.low
    `.execute(db);
  }
}

/** Adds a tally to the organization's message-feedback rollups, as one multi-row upsert. */
export async function applyMessageTally(db: Db, orgId: number, tally: MessageTally): Promise<void> {
  const idOf = (key: MessageDayKey) => [key.day, key.agent_id, key.agent_type, key.channel].join(SEPARATOR);
  for (const rows of chunks(atEveryLevel(tally.entries(), idOf))) {
    const values = rows.map(
      ({ level, key, counters }) =>
        sql`(${orgId}, ${level}, ${key.day}, ${key.agent_id}, ${key.agent_type}, ${key.channel}, ${counters.likes}, ${counters.dislikes})`,
    );
    await sql`
      insert into analytics_message_days (org_id, level, day, agent_id, agent_type, channel, likes, dislikes)
      values ${sql.join(values)}
      on conflict (org_id, level, agent_id, agent_type, channel, day) do update set
        likes = analytics_message_days.likes + excluded.likes,
        dislikes = analytics_message_days.dislikes + excluded.dislikes
    `.execute(db);
  }
}
