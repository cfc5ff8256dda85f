import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { filterLabels, type VersionDimension, type VersionFilter } from '../conversations/index.js';
import { AnalyticsGroups } from './analytics-groups.js';
import { AnalyticsRepository } from './analytics.repository.js';
import type { AnalyticsService } from './analytics.service.js';
import { comparisonFigures, type CompareMetric, type Proportion } from './compare.js';
import { CompareRepository, type ValueMessageRow, type ValueRatingRow } from './compare.repository.js';
import type { AnalyticsFilterInput, ResolvedFilters } from './filters.js';
import { allThumbsFigures, type KindOfCode } from './figures.js';
import { MessageTally, RatingTally } from './rollups.js';

export interface CompareInput extends AnalyticsFilterInput {
  dimension: VersionDimension;
  a: string;
  b: string;
  metric?: CompareMetric;
}

export interface VersionsInput extends AnalyticsFilterInput {
  dimension: VersionDimension;
  limit?: number;
}

/** The filter that names each dimension, in the query and once resolved. */
const FILTER_OF = {
  model: { query: 'model', resolved: 'model' },
  prompt_version: { query: 'prompt_version', resolved: 'promptVersion' },
  tag: { query: 'tag', resolved: 'tag' },
} as const satisfies Record<VersionDimension, { query: keyof AnalyticsFilterInput; resolved: keyof VersionFilter }>;

/** The question kind each metric counts; message likes answer no question. */
const KIND_OF: Record<CompareMetric, 'stars' | 'thumbs' | null> = {
  csat: 'stars',
  thumbs: 'thumbs',
  message_likes: null,
};

const METRIC_NAMES: Record<CompareMetric, string> = {
  csat: "csat counts the stars questions: CSAT, STARS and the organization's own stars and CSAT questions",
  thumbs: "thumbs counts the thumbs questions: HELPFUL_THUMBS, EXPERIENCE_THUMBS and the organization's own",
  message_likes: 'message_likes counts likes of messages, which answer no question: leave question_code out',
};

function refuseFilteredDimension(dimension: VersionDimension, input: AnalyticsFilterInput, what: string): void {
  const name = FILTER_OF[dimension].query;
  if (input[name] !== undefined) {
    throw new AppError(
      'dimension_also_filtered',
      `${what} ${dimension} values, so ${name} cannot also be a filter; filter by the other dimensions only.`,
    );
  }
}

const uniqueIds = (batch: Array<{ conversation_id?: number }>) => [
  ...new Set(batch.map((snapshot) => snapshot.conversation_id!)),
];

/**
 * Two versions side by side — two prompt versions, two models or two tags — on one metric, under the usual analytics
 * filters: each side is counted as the summary counts a version filter (a message's feedback under its message's
 * labels and its conversation's tags, a rating under every label of its conversation), and the two shares are
 * compared with Newcombe's interval (`compare.ts`). Also lists the values of a dimension with their answers, for
 * picking the sides.
 */
export class CompareService {
  private readonly rows: AnalyticsGroups;
  private readonly records: AnalyticsRepository;
  private readonly repository: CompareRepository;

  constructor(
    private readonly database: Database,
    private readonly analytics: AnalyticsService,
  ) {
    this.records = new AnalyticsRepository(database.db);
    this.rows = new AnalyticsGroups(this.records, (orgId) => analytics.timezoneOf(orgId));
    this.repository = new CompareRepository(database.db);
  }

  /** Side `a` against side `b` of a dimension: both shares with their counts, and the difference with its interval. */
  async compare(orgId: number, input: CompareInput, options: { exact?: boolean } = {}) {
    const { dimension, a, b, metric = 'message_likes', ...rest } = input;
    refuseFilteredDimension(dimension, rest, 'A comparison sets');
    if (a === b) {
      throw new AppError('invalid_comparison', `a and b are both "${a}"; compare two different ${dimension} values.`);
    }
    const filters = await this.analytics.resolve(orgId, rest);
    const kinds = await this.analytics.kindsOf(orgId);
    const question = filters.questionCode;
    if (question !== undefined && kinds(question) !== KIND_OF[metric]) {
      throw new AppError(
        'invalid_comparison',
        `question_code=${question} does not count toward ${METRIC_NAMES[metric]}.`,
      );
    }
    const [sideA, sideB] = await Promise.all(
      [a, b].map((value) =>
        this.proportion(orgId, { ...filters, [FILTER_OF[dimension].resolved]: value }, metric, kinds, options.exact),
      ),
    );
    return {
      dimension,
      metric,
      from: filters.fromDay!,
      to: filters.toDay!,
      tz: filters.tz,
      ...comparisonFigures(metric, { value: a, ...sideA! }, { value: b, ...sideB! }),
    };
  }

  private async proportion(
    orgId: number,
    filters: ResolvedFilters,
    metric: CompareMetric,
    kinds: KindOfCode,
    exact?: boolean,
  ): Promise<Proportion> {
    const [ratings, messages] = await this.rows.read(orgId, filters, {}, exact, metric);
    switch (metric) {
      case 'message_likes': {
        const likes = messages.reduce((sum, row) => sum + row.likes, 0);
        const dislikes = messages.reduce((sum, row) => sum + row.dislikes, 0);
        return { successes: likes, total: likes + dislikes };
      }
      case 'csat': {
        // As the summary's CSAT: the share of 4-5 answers among the answers to every stars question.
        const stars = ratings.filter((row) => kinds(row.question_code) === 'stars');
        return {
          successes: stars.reduce((sum, row) => sum + row.high, 0),
          total: stars.reduce((sum, row) => sum + row.responses, 0),
        };
      }
      case 'thumbs': {
        const { up, down } = allThumbsFigures(ratings, kinds);
        return { successes: up, total: up + down };
      }
    }
  }

  /**
   * The values of a dimension answered in the range under the filters, each with the number of answers every metric
   * would compare: most answers first.
   */
  async versions(orgId: number, input: VersionsInput, options: { exact?: boolean } = {}) {
    const { dimension, limit = 50, ...rest } = input;
    refuseFilteredDimension(dimension, rest, 'The list names');
    const filters = await this.analytics.resolve(orgId, rest);
    const fromRollups =
      !options.exact &&
      filterLabels(filters).length === 0 &&
      !filters.channel &&
      filters.tz === (await this.analytics.timezoneOf(orgId));
    const [ratings, messages] = fromRollups
      ? await Promise.all([
          this.repository.ratingsByValue(orgId, dimension, filters),
          filters.questionCode ? [] : this.repository.messagesByValue(orgId, dimension, filters),
        ])
      : await this.exactByValue(orgId, dimension, filters);
    const kinds = await this.analytics.kindsOf(orgId);
    const answers = new Map<string, { message_likes: number; csat: number; thumbs: number }>();
    const of = (value: string) => {
      let entry = answers.get(value);
      if (!entry) answers.set(value, (entry = { message_likes: 0, csat: 0, thumbs: 0 }));
      return entry;
    };
    for (const row of messages) of(row.value).message_likes += row.likes + row.dislikes;
    for (const row of ratings) {
      const kind = kinds(row.question_code);
      if (kind === 'stars') of(row.value).csat += row.responses;
      else if (kind === 'thumbs') of(row.value).thumbs += row.responses;
    }
    const total = (counts: { message_likes: number; csat: number; thumbs: number }) =>
      counts.message_likes + counts.csat + counts.thumbs;
    return [...answers]
      .filter(([, counts]) => total(counts) > 0)
      .sort(([a, x], [b, y]) => total(y) - total(x) || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, limit)
      .map(([value, counts]) => ({ value, answers: counts }));
  }

  /** The answers under each value of the dimension, counted from the records (a channel, another zone, a label). */
  private async exactByValue(
    orgId: number,
    dimension: VersionDimension,
    filters: ResolvedFilters,
  ): Promise<[ValueRatingRow[], ValueMessageRow[]]> {
    const { db } = this.database;
    const ratingTallies = new Map<string, RatingTally>();
    for await (const batch of this.records.questionSnapshots(orgId, filters)) {
      const labels = await this.records.labelsOf(db, uniqueIds(batch));
      for (const snapshot of batch) {
        for (const label of labels.ofConversation(snapshot.conversation_id!)) {
          if (label.dimension !== dimension) continue;
          let tally = ratingTallies.get(label.value);
          if (!tally) ratingTallies.set(label.value, (tally = new RatingTally()));
          tally.addRating(snapshot, filters.tz);
        }
      }
    }
    const ratings: ValueRatingRow[] = [];
    for (const [value, tally] of ratingTallies) {
      for (const { key, counters } of tally.entries()) {
        if (key.day < filters.fromDay! || key.day > filters.toDay!) continue;
        ratings.push({ value, question_code: key.question_code, responses: counters.responses, high: counters.high });
      }
    }
    if (filters.questionCode) return [ratings, []];
    const messageTallies = new Map<string, MessageTally>();
    for await (const batch of this.records.feedbackSnapshots(orgId, filters)) {
      const labels = await this.records.labelsOf(db, uniqueIds(batch));
      for (const snapshot of batch) {
        if (filters.agentId && snapshot.agent_id !== filters.agentId) continue;
        if (filters.agentType && snapshot.agent_type !== filters.agentType) continue;
        for (const label of labels.ofMessage(snapshot.conversation_id!, snapshot.message_id!)) {
          if (label.dimension !== dimension) continue;
          let tally = messageTallies.get(label.value);
          if (!tally) messageTallies.set(label.value, (tally = new MessageTally()));
          tally.addFeedback(snapshot, filters.tz);
        }
      }
    }
    const messages: ValueMessageRow[] = [];
    for (const [value, tally] of messageTallies) {
      for (const { key, counters } of tally.entries()) {
        if (key.day < filters.fromDay! || key.day > filters.toDay!) continue;
        messages.push({ value, ...counters });
      }
    }
    return [ratings, messages];
  }
}
