import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { labelKey, type VersionLabel } from '../conversations/index.js';
import {
  atEveryLevel,
  chunks,
  LEVEL,
  MessageTally,
  RatingTally,
  ratingKey,
  SEPARATOR,
  type FeedbackSnapshot,
  type MessageDayKey,
  type RatingSnapshot,
} from './rollups.js';

/**
 * The rollups per version label: what each rating and each piece of message feedback contributes, counted once under
 * every label of its conversation (a rating) or of its message (feedback: the message's own labels and its
 * conversation's tags). Kept over every agent and per agent; a version filter with a channel is answered exactly
 * from the records instead. Changed by deltas in the writing transaction, as the other rollups are.
 */

/** The levels the version rollups are kept at. */
const LEVELS = new Set<number>([LEVEL.total, LEVEL.agent]);

const messageId = (key: MessageDayKey) => [key.day, key.agent_id, key.agent_type, key.channel].join(SEPARATOR);

export class VersionTally {
  private readonly ratings = new Map<string, { label: VersionLabel; tally: RatingTally }>();
  private readonly messages = new Map<string, { label: VersionLabel; tally: MessageTally }>();

  private tallyOf<T>(map: Map<string, { label: VersionLabel; tally: T }>, label: VersionLabel, make: () => T): T {
    const key = labelKey(label);
    let entry = map.get(key);
    if (!entry) {
      entry = { label, tally: make() };
      map.set(key, entry);
    }
    return entry.tally;
  }

  addRating(labels: VersionLabel[], rating: RatingSnapshot, tz: string, sign: 1 | -1 = 1): void {
    for (const label of labels) this.tallyOf(this.ratings, label, () => new RatingTally()).addRating(rating, tz, sign);
  }

  addFeedback(labels: VersionLabel[], feedback: FeedbackSnapshot, tz: string, sign: 1 | -1 = 1): void {
    for (const label of labels) {
      this.tallyOf(this.messages, label, () => new MessageTally()).addFeedback(feedback, tz, sign);
    }
  }

  /** Adds the tally to the organization's version rollups: one multi-row upsert per table (per 500 rows). */
  async apply(db: Db, orgId: number): Promise<void> {
    const ratingRows = [...this.ratings.values()].flatMap(({ label, tally }) =>
      atEveryLevel(tally.entries(), ratingKey)
        .filter((row) => LEVELS.has(row.level))
        .map((row) => ({ label, ...row })),
    );
    for (const rows of chunks(ratingRows)) {
      const values = rows.map(
        ({ label, level, key, counters: c }) =>
          sql`(${orgId}, ${label.dimension}, ${label.value}, ${level}, ${key.day}, ${key.agent_id}, ${key.agent_type},
            ${key.question_code}, ${c.offered}, ${c.opened}, ${c.answered}, ${c.expired}, ${c.cancelled},
            ${c.responses}, ${c.value_sum}, ${c.high}, ${c.mid}, ${c.low})`,
      );
      await sql`
        insert into analytics_rating_version_days
          (org_id, dimension, value, level, day, agent_id, agent_type, question_code,
           offered, opened, answered, expired, cancelled, responses, value_sum, high, mid, low)
        values ${sql.join(values)}
        on conflict (org_id, dimension, value, level, agent_id, agent_type, day, question_code) do update set
          offered = analytics_rating_version_days.offered + excluded.offered,
          opened = analytics_rating_version_days.opened + excluded.opened,
          answered = analytics_rating_version_days.answered + excluded.answered,
          expired = analytics_rating_version_days.expired + excluded.expired,
          cancelled = analytics_rating_version_days.cancelled + excluded.cancelled,
          responses = analytics_rating_version_days.responses + excluded.responses,
          value_sum = analytics_rating_version_days.value_sum + excluded.value_sum,
          high = analytics_rating_version_days.high + excluded.high,
          mid = analytics_rating_version_days.mid + excluded.mid,
          low = analytics_rating_version_days.low + excluded.low
      `.execute(db);
    }
    const messageRows = [...this.messages.values()].flatMap(({ label, tally }) =>
      atEveryLevel(tally.entries(), messageId)
        .filter((row) => LEVELS.has(row.level))
        .map((row) => ({ label, ...row })),
    );
    for (const rows of chunks(messageRows)) {
      const values = rows.map(
        ({ label, level, key, counters }) =>
          sql`(${orgId}, ${label.dimension}, ${label.value}, ${level}, ${key.day}, ${key.agent_id}, ${key.agent_type},
            ${counters.likes}, ${counters.dislikes})`,
      );
      await sql`
        insert into analytics_message_version_days
          (org_id, dimension, value, level, day, agent_id, agent_type, likes, dislikes)
        values ${sql.join(values)}
        on conflict (org_id, dimension, value, level, agent_id, agent_type, day) do update set
          likes = analytics_message_version_days.likes + excluded.likes,
          dislikes = analytics_message_version_days.dislikes + excluded.dislikes
      `.execute(db);
    }
  }
}
