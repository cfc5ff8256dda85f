import type { Db } from '../../db/database.js';
import type { VersionDimension } from '../conversations/index.js';
import { rollupRows } from './analytics.repository.js';
import type { ResolvedFilters } from './filters.js';

export interface ValueRatingRow {
  value: string;
  question_code: string;
  responses: number;
  high: number;
}

export interface ValueMessageRow {
  value: string;
  likes: number;
  dislikes: number;
}

/** SQL for the labels of one dimension and what was answered under each, from the version rollups. */
export class CompareRepository {
  constructor(private readonly db: Db) {}

  /** Rating answers under each value of the dimension, per question code. */
  async ratingsByValue(orgId: number, dimension: VersionDimension, filters: ResolvedFilters) {
    let query = rollupRows(
      this.db
        .selectFrom('analytics_rating_version_days')
        .where('org_id', '=', orgId)
        .where('dimension', '=', dimension),
      filters,
      {},
    );
    if (filters.questionCode) query = query.where('question_code', '=', filters.questionCode);
    const rows = await query
      .select(['value', 'question_code'])
      .select((eb) => [eb.fn.sum<number>('responses').as('responses'), eb.fn.sum<number>('high').as('high')])
      .groupBy(['value', 'question_code'])
      .execute();
    return rows.map((row): ValueRatingRow => ({
      value: row.value,
      question_code: row.question_code,
      responses: Number(row.responses ?? 0),
      high: Number(row.high ?? 0),
    }));
  }

  /** Likes and dislikes of messages under each value of the dimension. */
  async messagesByValue(orgId: number, dimension: VersionDimension, filters: ResolvedFilters) {
    const rows = await rollupRows(
      this.db
        .selectFrom('analytics_message_version_days')
        .where('org_id', '=', orgId)
        .where('dimension', '=', dimension),
      filters,
      {},
    )
      .select('value')
      .select((eb) => [eb.fn.sum<number>('likes').as('likes'), eb.fn.sum<number>('dislikes').as('dislikes')])
      .groupBy('value')
      .execute();
    return rows.map((row): ValueMessageRow => ({
      value: row.value,
      likes: Number(row.likes ?? 0),
      dislikes: Number(row.dislikes ?? 0),
    }));
  }
}
