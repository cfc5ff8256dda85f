import { filterLabels } from '../conversations/index.js';
import type { AnalyticsRepository } from './analytics.repository.js';
import { type Grouping, type MessageGroupRow, type RatingGroupRow } from './analytics.repository.js';
import { isQuestionCode, kindOf } from '../rating-config/index.js';
import type { KindOfCode } from './figures.js';
import type { ResolvedFilters } from './filters.js';
import { MessageTally, RatingTally, RATING_COUNTERS } from './rollups.js';

export type Metric = 'csat' | 'nps' | 'ces' | 'thumbs' | 'message_likes';

/** What a read needs: every kind of row (undefined), one metric's, or the ratings' alone. */
export type GroupsOnly = Metric | 'ratings';

/** The kind of a built-in question code: stars, NPS or thumbs; undefined for any other code. */
export const codeKind: KindOfCode = (code) => (isQuestionCode(code) ? kindOf(code) : undefined);

/**
 * The kind each code counts as in the figures, the organization's own questions by the kind stored with them: stars
 * and CSAT questions count in CSAT, NPS in NPS, CES in CES, thumbs in thumbs; choice and text in none of these.
 */
export function codeKindWith(own: ReadonlyMap<string, string>): KindOfCode {
  if (own.size === 0) return codeKind;
  return (code) => {
    if (isQuestionCode(code)) return kindOf(code);
    const kind = own.get(code);
    if (kind === 'stars' || kind === 'csat') return 'stars';
    if (kind === 'nps' || kind === 'ces' || kind === 'thumbs') return kind;
    return undefined;
  };
}

/**
 * Whether message feedback counts under the filters. A like or dislike answers no rating question, so a question
 * filter leaves none of it — the same way it leaves no NPS answers under `question_code=CSAT`.
 */
export function countsMessageFeedback(filters: ResolvedFilters): boolean {
  return filters.questionCode === undefined;
}

/**
 * The summed rating and message rows behind every figure: read from the rollups when they hold the filters, else
 * counted from the records through the same contribution functions. Shared by the analytics endpoints and the
 * version comparison.
 */
export class AnalyticsGroups {
  constructor(
    private readonly repository: AnalyticsRepository,
    private readonly timezoneOf: (orgId: number) => Promise<string>,
  ) {}

  /**
   * Summed rating and message rows for the filters: from the rollups in the organization's zone, else (or when
   * `exact`) by counting the records themselves.
   */
  async read(
    orgId: number,
    filters: ResolvedFilters,
    grouping: Grouping,
    exact = false,
    only?: GroupsOnly,
  ): Promise<[RatingGroupRow[], MessageGroupRow[]]> {
    const wantRatings = only !== 'message_likes';
    const wantMessages = (only === undefined || only === 'message_likes') && countsMessageFeedback(filters);
    // The version rollups keep one label and no channel; two labels, or a label and a channel, are counted exactly.
    const labels = filterLabels(filters);
    const fromRollups = labels.length === 0 || (labels.length === 1 && !filters.channel);
    if (!exact && fromRollups && filters.tz === (await this.timezoneOf(orgId))) {
      const [label] = labels;
      return Promise.all([
        wantRatings ? this.repository.ratingGroups(orgId, filters, grouping, label) : [],
        wantMessages ? this.repository.messageGroups(orgId, filters, grouping, label) : [],
      ]);
    }
    return [
      wantRatings ? await this.exactRatingGroups(orgId, filters, grouping) : [],
      wantMessages ? await this.exactMessageGroups(orgId, filters, grouping) : [],
    ];
  }

  private async exactRatingGroups(orgId: number, filters: ResolvedFilters, grouping: Grouping) {
    const tally = new RatingTally();
    for await (const batch of this.repository.questionSnapshots(orgId, filters)) {
      for (const snapshot of batch) tally.addRating(snapshot, filters.tz);
    }
    const groups = new Map<string, RatingGroupRow>();
    for (const { key, counters } of tally.entries()) {
      if (key.day < filters.fromDay! || key.day > filters.toDay!) continue;
      const row: RatingGroupRow = {
        question_code: key.question_code,
        ...(grouping.day ? { day: key.day } : {}),
        ...(grouping.agent ? { agent_id: key.agent_id, agent_type: key.agent_type } : {}),
        ...counters,
      };
      const id = [row.question_code, row.day, row.agent_id, row.agent_type].join('|');
      const existing = groups.get(id);
      if (!existing) groups.set(id, row);
      else for (const name of RATING_COUNTERS) existing[name] += counters[name];
    }
    return [...groups.values()];
  }

  private async exactMessageGroups(orgId: number, filters: ResolvedFilters, grouping: Grouping) {
    const tally = new MessageTally();
    for await (const batch of this.repository.feedbackSnapshots(orgId, filters)) {
      for (const snapshot of batch) {
        if (filters.agentId && snapshot.agent_id !== filters.agentId) continue;
        if (filters.agentType && snapshot.agent_type !== filters.agentType) continue;
        tally.addFeedback(snapshot, filters.tz);
      }
    }
    const groups = new Map<string, MessageGroupRow>();
    for (const { key, counters } of tally.entries()) {
      if (key.day < filters.fromDay! || key.day > filters.toDay!) continue;
      const row: MessageGroupRow = {
        ...(grouping.day ? { day: key.day } : {}),
        ...(grouping.agent ? { agent_id: key.agent_id, agent_type: key.agent_type } : {}),
        ...counters,
      };
      const id = [row.day, row.agent_id, row.agent_type].join('|');
      const existing = groups.get(id);
      if (!existing) groups.set(id, row);
      else {
        existing.likes += counters.likes;
        existing.dislikes += counters.dislikes;
      }
    }
    return [...groups.values()];
  }
}
