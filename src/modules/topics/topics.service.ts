import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Tables } from '../../db/tables.js';
import { AppError } from '../../errors.js';
import { decodeCursor, splitPage } from '../../http/pagination.js';
import {
  localDay,
  periodStart,
  periodsBetween,
  type AnalyticsFilterInput,
  type AnalyticsService,
  type Interval,
} from '../analytics/index.js';
import type { ComputedTopic, TopicInput } from './compute.js';
import { TopicReads } from './topics.reads.js';
import { TopicsRepository, type InputRow } from './topics.repository.js';
import type { TopicPolarity } from './topics.table.js';
import { computeInWorker } from './worker.js';

export interface TopicsOptions {
  /** The least time between two computations of one organization (`TOPICS_INTERVAL_MS`, 5 minutes). */
  intervalMs?: number;
  /** Days of feedback and ratings a computation reads (90). */
  windowDays?: number;
  /** Most answers, and most ratings, a computation reads: the newest (100,000 each). */
  maxInputs?: number;
  /** The computation itself; a worker thread by default. */
  compute?: (inputs: TopicInput[]) => Promise<ComputedTopic[]>;
  /** Told how each organization's computation went and how long it took (the metrics). */
  onRun?: (run: { ok: boolean; durationMs: number }) => void;
}

/** Two keys of PostgreSQL's advisory locks: this class, and the organization. */
const LOCK_CLASS = 0x746f7063; // "topc"
const EXAMPLES = 3;

export interface TopicListInput extends AnalyticsFilterInput {
  interval?: Interval;
}

/**
 * Knowledge gaps as topics: a background job clusters each organization's disliked AI answers and low-rated AI
 * conversations (see compute.ts) at most every few minutes, when something new came in, and the API reads the result.
 * On PostgreSQL an advisory lock per organization makes one node compute it while the others skip it.
 */
export class TopicsService {
  private readonly repository: TopicsRepository;
  private readonly reads: TopicReads;
  private readonly intervalMs: number;
  private readonly windowDays: number;
  private readonly maxInputs: number;
  private readonly compute: (inputs: TopicInput[]) => Promise<ComputedTopic[]>;
  private readonly onRun: TopicsOptions['onRun'];

  constructor(
    private readonly database: Database,
    private readonly analytics: AnalyticsService,
    options: TopicsOptions = {},
  ) {
    this.repository = new TopicsRepository(database.db);
    this.reads = new TopicReads(database.db);
    this.intervalMs = options.intervalMs ?? 5 * 60_000;
    this.windowDays = options.windowDays ?? 90;
    this.maxInputs = options.maxInputs ?? 100_000;
    this.compute = options.compute ?? computeInWorker;
    this.onRun = options.onRun;
  }

  /** Computes every organization with new inputs whose last computation is older than the interval. */
  async computeDue(now = new Date()): Promise<number> {
    let computed = 0;
    for (const { orgId, computedAt } of await this.repository.organizationsWithNewInputs()) {
      if (computedAt && now.getTime() - Date.parse(computedAt) < this.intervalMs) continue;
      if (await this.computeOrganization(orgId, now)) computed += 1;
    }
    return computed;
  }

  /** Computes one organization's topics now; false when another node holds its lock. */
  async computeOrganization(orgId: number, now = new Date()): Promise<boolean> {
    if (this.database.dialect !== 'postgres') {
      await this.computeWith(this.database.db, orgId, now);
      return true;
    }
    // A session lock on a connection of its own: held while the worker computes, without a transaction open.
    return this.database.db.connection().execute(async (connection) => {
      const { rows } = await sql<{ locked: boolean }>`
        select pg_try_advisory_lock(${LOCK_CLASS}::int, ${orgId}::int) as locked`.execute(connection);
      if (!rows[0]?.locked) return false;
      try {
        await this.computeWith(connection, orgId, now);
        return true;
      } finally {
        await sql`select pg_advisory_unlock(${LOCK_CLASS}::int, ${orgId}::int)`.execute(connection);
      }
    });
  }

  /** One computation, timed and told to `onRun` whether it succeeds or throws. */
  private async computeWith(db: Kysely<Tables>, orgId: number, now: Date): Promise<void> {
    const started = performance.now();
    try {
      await this.computeAndStore(db, orgId, now, started);
    } catch (error) {
      this.onRun?.({ ok: false, durationMs: performance.now() - started });
      throw error;
    }
    this.onRun?.({ ok: true, durationMs: performance.now() - started });
  }

  private async computeAndStore(db: Kysely<Tables>, orgId: number, now: Date, started: number): Promise<void> {
    const since = new Date(now.getTime() - this.windowDays * 86_400_000).toISOString();
    const inputs: InputRow[] = [
      ...(await this.repository.answers(db, orgId, since, this.maxInputs)),
      ...(await this.repository.ratings(db, orgId, since, this.maxInputs)),
    ];
    const negative = (polarity: TopicPolarity) => polarity === 'disliked' || polarity === 'low';
    const topics = await this.compute(
      inputs.map((input) => ({ text: input.text, language: input.language, negative: negative(input.polarity) })),
    );
    const inputsUpTo = inputs.reduce<string | null>(
      (latest, input) => (!latest || input.at > latest ? input.at : latest),
      null,
    );
    await db.transaction().execute((trx) =>
      this.repository.replace(
        trx,
        orgId,
        {
          computedAt: now.toISOString(),
          inputsUpTo,
          documents: inputs.filter((input) => negative(input.polarity)).length,
          durationMs: Math.round(performance.now() - started),
        },
        topics.map((topic) => ({
          label: topic.label,
          terms: topic.terms,
          members: topic.members.map(({ index, similarity }) => {
            const { conversationId, messageId, ratingId, polarity, at } = inputs[index]!;
            return { conversationId, messageId, ratingId, polarity, at, similarity };
          }),
        })),
      ),
    );
  }

  /** The topics with their figures in the range and filters, largest first. */
  async list(orgId: number, input: TopicListInput) {
    const filters = await this.analytics.resolve(orgId, input);
    const interval = input.interval ?? 'week';
    const run = await this.repository.lastRun(orgId);
    const periods = periodsBetween(filters.fromDay!, filters.toDay!, interval);
    const computation = run
      ? { computed_at: new Date(run.computed_at).toISOString(), documents: Number(run.documents) }
      : null;
    // Topics are the AI agents' only: with the human agents' filter there are none.
    if (filters.agentType === 'human') return { computation, interval, topics: [] };
    const [topics, counts, times, examples] = await Promise.all([
      this.reads.topics(orgId),
      this.reads.counts(orgId, filters),
      this.reads.negativeTimes(orgId, filters),
      this.reads.examples(orgId, filters, EXAMPLES),
    ]);
    // Each topic's times once, not a walk of every time per topic.
    const timesOf = new Map<number, string[]>();
    for (const { topicId, at } of times) {
      const own = timesOf.get(topicId);
      if (own) own.push(at);
      else timesOf.set(topicId, [at]);
    }
    const list = topics.map((topic) => {
      const id = Number(topic.id);
      const count = (polarity: TopicPolarity) =>
        counts.find((row) => row.topicId === id && row.polarity === polarity)?.count ?? 0;
      const [disliked, liked, low, high] = [count('disliked'), count('liked'), count('low'), count('high')];
      const trend = new Map(periods.map((period) => [period, 0]));
      for (const at of timesOf.get(id) ?? []) {
        const period = periodStart(localDay(at, filters.tz), interval);
        trend.set(period, (trend.get(period) ?? 0) + 1);
      }
      return {
        id,
        label: topic.label,
        terms: topic.terms.split(' ').filter(Boolean),
        size: disliked + low,
        answers: { disliked, liked, dislike_rate: disliked + liked > 0 ? disliked / (disliked + liked) : null },
        ratings: { low, high, low_rate: low + high > 0 ? low / (low + high) : null },
        trend: [...trend].map(([period, negatives]) => ({ period, count: negatives })),
        examples: examples
          .filter((example) => example.topicId === id)
          .map(({ topicId: _topic, ...example }) => example),
      };
    });
    return {
      computation,
      interval,
      topics: list.filter((topic) => topic.size > 0).sort((a, b) => b.size - a.size || a.id - b.id),
    };
  }

  /** A topic's disliked answers and low ratings in the range (with `all`, the liked and high ones too), newest first. */
  async members(
    orgId: number,
    topicId: number,
    input: AnalyticsFilterInput & { all?: boolean; limit?: number; cursor?: string },
  ) {
    const topic = await this.reads.topic(orgId, topicId);
    if (!topic)
      throw new AppError('topic_not_found', `There is no topic ${topicId}; topics change with each computation.`);
    const filters = await this.analytics.resolve(orgId, input);
    const limit = input.limit ?? 25;
    const cursor = input.cursor ? decodeCursor(input.cursor) : undefined;
    const polarity: TopicPolarity[] = input.all ? ['disliked', 'liked', 'low', 'high'] : ['disliked', 'low'];
    const rows =
      filters.agentType === 'human'
        ? []
        : await this.reads.page(
            orgId,
            topicId,
            filters,
            polarity,
            limit + 1,
            cursor && { at: cursor.createdAt, id: cursor.id },
          );
    const { page, next_cursor } = splitPage(
      rows.map((row) => ({ ...row, created_at: row.at })),
      limit,
    );
    return {
      topic: { id: Number(topic.id), label: topic.label, terms: topic.terms.split(' ').filter(Boolean) },
      data: page.map(({ created_at: _created, id: _id, ...row }) => row),
      next_cursor,
    };
  }
}
