import type { Database, Db } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { agentNames } from '../agents/index.js';
import {
  labelsMissing,
  VersionLabelsRepository,
  type VersionChange,
  type VersionLabel,
} from '../conversations/index.js';
import { AnalyticsGroups, codeKindWith, countsMessageFeedback, type Metric } from './analytics-groups.js';
import { AnalyticsRepository } from './analytics.repository.js';
import { agentFigures, byAgent, seriesOf } from './breakdowns.js';
import { cesFigures, csatFigures, funnelFigures, messageFigures, npsFigures, thumbsFigures } from './figures.js';
import { previousPeriod, resolveFilters, type AnalyticsFilterInput, type ResolvedFilters } from './filters.js';
import { KnowledgeGapsRepository } from './knowledge-gaps.repository.js';
import { checkQuestionFilter } from './question-filter.js';
import {
  applyMessageTally,
  applyRatingTally,
  MessageTally,
  RatingTally,
  type FeedbackSnapshot,
  type RatingSnapshot,
} from './rollups.js';
import { coveredPeriods, localDay, type Interval } from './time.js';
import { VersionTally } from './version-rollups.js';

export type { Metric } from './analytics-groups.js';

/** With no `from`, figures cover the 30 days up to `to` (today by default). */
const DEFAULT_DAYS = 30;
const MAX_DAYS = 3660;
const MAX_POINTS = 1000;

const uniqueIds = (batch: Array<{ conversation_id?: number }>) => [
  ...new Set(batch.map((snapshot) => snapshot.conversation_id!)),
];

/**
 * Analytics over ratings and message feedback. Every change to a rating or to a message's feedback is counted into
 * per-day rollups inside the change's own transaction (`recordRatingChange`, `recordFeedbackChange`), so figures read
 * a few hundred rollup rows whatever the data size. Rollups are kept in the organization's reporting time zone; a
 * request in another zone is answered exactly from the records instead, more slowly.
 */
export class AnalyticsService {
  private readonly repository: AnalyticsRepository;
  private readonly gaps: KnowledgeGapsRepository;
  private readonly timezones = new Map<number, string>();
  private readonly labels: VersionLabelsRepository;
  private readonly rows: AnalyticsGroups;

  constructor(private readonly database: Database) {
    this.repository = new AnalyticsRepository(database.db);
    this.gaps = new KnowledgeGapsRepository(database.db);
    this.labels = new VersionLabelsRepository(() => database.db);
    this.rows = new AnalyticsGroups(this.repository, (orgId) => this.timezoneOf(orgId));
  }

  /**
   * The organization's reporting time zone. It is set when the organization is created and never changes, so it is
   * cached for the life of the process. Pass the transaction when inside one.
   */
  async timezoneOf(orgId: number, db: Db = this.database.db): Promise<string> {
    let tz = this.timezones.get(orgId);
    if (tz === undefined) {
      tz = (await this.repository.organizationTimezone(db, orgId)) ?? 'UTC';
      this.timezones.set(orgId, tz);
    }
    return tz;
  }

  /** Counts a rating's change (null before: created) into the rollups, inside the change's transaction. */
  async recordRatingChange(
    trx: Db,
    orgId: number,
    before: RatingSnapshot | null,
    after: RatingSnapshot | null,
  ): Promise<void> {
    const tz = await this.timezoneOf(orgId, trx);
    const tally = new RatingTally();
    if (before) tally.addRating(before, tz, -1);
    if (after) tally.addRating(after, tz, 1);
    // As for feedback below: a change that moves no count (an answer given again, a comment) moves none per label.
    if (tally.entries().length === 0) return;
    await applyRatingTally(trx, orgId, tally);
    const conversationId = (after ?? before)?.conversation_id;
    const labels = conversationId === undefined ? [] : await this.labels.labelsOf(trx, conversationId);
    if (labels.length === 0) return;
    const versions = new VersionTally();
    if (before) versions.addRating(labels, before, tz, -1);
    if (after) versions.addRating(labels, after, tz, 1);
    await versions.apply(trx, orgId);
  }

  /** Counts a change of one author's current feedback on a message into the rollups, inside its transaction. */
  async recordFeedbackChange(
    trx: Db,
    orgId: number,
    before: FeedbackSnapshot | null,
    after: FeedbackSnapshot | null,
  ): Promise<void> {
    const tz = await this.timezoneOf(orgId, trx);
    const tally = new MessageTally();
    if (before) tally.addFeedback(before, tz, -1);
    if (after) tally.addFeedback(after, tz, 1);
    // A change that moves no count (the same rating again, a comment): every label's tally, made of the same two
    // snapshots, moves none either, so neither the rollups nor the labels are read.
    if (tally.entries().length === 0) return;
    await applyMessageTally(trx, orgId, tally);
    const { conversation_id: conversationId, message_id: messageId } = after ?? before ?? {};
    if (conversationId === undefined || messageId === undefined) return;
    const labels = await this.labels.labelsOfMessage(trx, conversationId, messageId);
    if (labels.length === 0) return;
    const versions = new VersionTally();
    if (before) versions.addFeedback(labels, before, tz, -1);
    if (after) versions.addFeedback(labels, after, tz, 1);
    await versions.apply(trx, orgId);
  }

  /**
   * Moves a conversation's records between version labels when its labels change (a message with a new version, or
   * new tags of its own), inside the change's transaction: its ratings count under every label of the conversation,
   * each message's feedback under the message's labels and the conversation's tags.
   */
  async recordVersionChange(trx: Db, orgId: number, change: VersionChange): Promise<void> {
    const tz = await this.timezoneOf(orgId, trx);
    const versions = new VersionTally();
    const removed = labelsMissing(change.before.labels, change.after.labels);
    const added = labelsMissing(change.after.labels, change.before.labels);
    const scope = { conversationId: change.conversationId };
    if (removed.length > 0 || added.length > 0) {
      for await (const batch of this.repository.questionSnapshots(orgId, scope, trx)) {
        for (const snapshot of batch) {
          versions.addRating(removed, snapshot, tz, -1);
          versions.addRating(added, snapshot, tz, 1);
        }
      }
    }
    const tagsOf = (tags: string[]) => tags.map((value): VersionLabel => ({ dimension: 'tag', value }));
    const tagsRemoved = labelsMissing(tagsOf(change.before.tags), tagsOf(change.after.tags));
    const tagsAdded = labelsMissing(tagsOf(change.after.tags), tagsOf(change.before.tags));
    if (tagsRemoved.length > 0 || tagsAdded.length > 0) {
      const rows = await this.labels.rows(trx, change.conversationId);
      const own = (messageId: number) =>
        rows.filter((row) => row.message_id === messageId && row.dimension === 'tag').map((row) => row.value);
      for await (const batch of this.repository.feedbackSnapshots(orgId, scope, trx)) {
        for (const snapshot of batch) {
          // A tag the message carries itself stays whatever its conversation's tags do.
          const carried = new Set(own(snapshot.message_id!));
          versions.addFeedback(
            tagsRemoved.filter((tag) => !carried.has(tag.value)),
            snapshot,
            tz,
            -1,
          );
          versions.addFeedback(
            tagsAdded.filter((tag) => !carried.has(tag.value)),
            snapshot,
            tz,
            1,
          );
        }
      }
    }
    await versions.apply(trx, orgId);
  }

  /** Recomputes an organization's rollups from its records, in one transaction. */
  async rebuild(orgId: number): Promise<void> {
    const tz = await this.timezoneOf(orgId);
    const ratings = new RatingTally();
    const versions = new VersionTally();
    for await (const batch of this.repository.questionSnapshots(orgId)) {
      const labels = await this.repository.labelsOf(this.database.db, uniqueIds(batch));
      for (const snapshot of batch) {
        ratings.addRating(snapshot, tz);
        versions.addRating(labels.ofConversation(snapshot.conversation_id!), snapshot, tz);
      }
    }
    const messages = new MessageTally();
    for await (const batch of this.repository.feedbackSnapshots(orgId)) {
      const labels = await this.repository.labelsOf(this.database.db, uniqueIds(batch));
      for (const snapshot of batch) {
        messages.addFeedback(snapshot, tz);
        versions.addFeedback(labels.ofMessage(snapshot.conversation_id!, snapshot.message_id!), snapshot, tz);
      }
    }
    await this.database.db.transaction().execute(async (trx) => {
      await this.repository.clearRollups(trx, orgId);
      await applyRatingTally(trx, orgId, ratings);
      await applyMessageTally(trx, orgId, messages);
      await versions.apply(trx, orgId);
    });
  }

  /** Rebuilds every organization's rollups (after the migration that adds them). */
  async rebuildAll(): Promise<void> {
    for (const orgId of await this.repository.organizationIds()) await this.rebuild(orgId);
  }

  /**
   * Checks the filters and resolves them; a `question_code` the organization does not know is refused
   * (`unknown_question_code`) before anything is read.
   */
  async resolve(orgId: number, input: AnalyticsFilterInput, maxDays = MAX_DAYS): Promise<ResolvedFilters> {
    const filters = resolveFilters(input, await this.timezoneOf(orgId), { defaultDays: DEFAULT_DAYS, maxDays });
    await checkQuestionFilter(this.database.db, orgId, filters.questionCode);
    return filters;
  }

  /** CSAT, NPS, CES, thumbs and message likes over the range, and over the period of the same length before it. */
  async summary(orgId: number, input: AnalyticsFilterInput, options: { exact?: boolean } = {}) {
    const filters = await this.resolve(orgId, input);
    const previous = previousPeriod(filters);
    const [current, before] = await Promise.all([
      this.summaryFigures(orgId, filters, options.exact),
      this.summaryFigures(orgId, previous, options.exact),
    ]);
    return {
      from: filters.fromDay!,
      to: filters.toDay!,
      tz: filters.tz,
      ...current,
      previous: { from: previous.fromDay, to: previous.toDay, ...before },
    };
  }

  /** How each question code of the organization counts in the figures: built-in codes, then its own by stored kind. */
  async kindsOf(orgId: number) {
    const rows = await this.database.db
      .selectFrom('questions')
      .select(['code', 'kind'])
      .where('org_id', '=', orgId)
      .execute();
    return codeKindWith(new Map(rows.map((row) => [row.code, row.kind])));
  }

  private async summaryFigures(orgId: number, filters: ResolvedFilters, exact?: boolean) {
    const [[ratings, messages], codeKind] = await Promise.all([
      this.rows.read(orgId, filters, {}, exact),
      this.kindsOf(orgId),
    ]);
    const likes = messages.reduce((sum, row) => sum + row.likes, 0);
    const dislikes = messages.reduce((sum, row) => sum + row.dislikes, 0);
    return {
      csat: csatFigures(ratings, codeKind),
      nps: npsFigures(ratings, codeKind),
      ces: cesFigures(ratings, codeKind),
      thumbs: thumbsFigures(ratings, codeKind),
      messages: messageFigures(likes, dislikes),
    };
  }

  /**
   * One metric per day, week or month over the range, each point with its own number of responses and whether it
   * covers its whole period; periods without answers have a null value.
   */
  async timeseries(
    orgId: number,
    input: AnalyticsFilterInput & { interval: Interval; metric: Metric },
    options: { exact?: boolean } = {},
  ) {
    const filters = await this.resolve(orgId, input);
    const today = localDay(new Date().toISOString(), filters.tz);
    const periods = coveredPeriods(filters.fromDay!, filters.toDay!, input.interval, today);
    if (periods.length > MAX_POINTS) {
      throw new AppError(
        'invalid_date_range',
        `That range holds ${periods.length} ${input.interval}s; at most ${MAX_POINTS} points are drawn. Use a longer interval or a shorter range.`,
      );
    }
    const [[ratings, messages], codeKind] = await Promise.all([
      this.rows.read(orgId, filters, { day: true }, options.exact, input.metric),
      this.kindsOf(orgId),
    ]);
    return seriesOf(periods, input.interval, input.metric, ratings, messages, codeKind);
  }

  /** The figures per agent, human and AI apart: AI agents first, then by number of answers. */
  async agents(orgId: number, input: AnalyticsFilterInput, options: { exact?: boolean } = {}) {
    const filters = await this.resolve(orgId, input);
    const [[ratings, messages], codeKind] = await Promise.all([
      this.rows.read(orgId, filters, { agent: true }, options.exact),
      this.kindsOf(orgId),
    ]);
    const agents = byAgent(ratings, messages);
    const names = await agentNames(
      this.database.db,
      orgId,
      agents.map((agent) => agent.agent_id),
    );
    return agentFigures(agents, codeKind, names);
  }

  /**
   * Questions offered in the range, and how many of them were opened, answered, left to expire or cancelled; and the
   * same over the period of the same length before it.
   */
  async funnel(orgId: number, input: AnalyticsFilterInput, options: { exact?: boolean } = {}) {
    const filters = await this.resolve(orgId, input);
    const previous = previousPeriod(filters);
    const [current, before] = await Promise.all(
      [filters, previous].map(async (range) => {
        const [ratings] = await this.rows.read(orgId, range, {}, options.exact, 'ratings');
        return funnelFigures(ratings);
      }),
    );
    return { ...current!, previous: { from: previous.fromDay, to: previous.toDay, ...before! } };
  }

  /**
   * What the agents get wrong: their answers people disliked most, and the conversations rated low (each rating once,
   * with all its answers). The agent filters choose AI or human agents, or both.
   */
  async knowledgeGaps(orgId: number, input: AnalyticsFilterInput & { limit?: number }) {
    const filters = await this.resolve(orgId, input);
    const limit = input.limit ?? 10;
    const [messages, conversations] = await Promise.all([
      countsMessageFeedback(filters) ? this.gaps.dislikedAnswers(orgId, filters, limit) : [],
      this.gaps.lowRatings(orgId, filters, limit),
    ]);
    const names = await agentNames(this.database.db, orgId, [
      ...messages.map((message) => message.agent_id),
      ...conversations.map((rating) => rating.agent_id),
    ]);
    const nameOf = (agentId: string | null) => (agentId && names.get(agentId)) ?? null;
    return {
      messages: messages.map((message) => ({ ...message, agent_name: nameOf(message.agent_id) })),
      conversations: conversations.map((rating) => ({ ...rating, agent_name: nameOf(rating.agent_id) })),
    };
  }
}
