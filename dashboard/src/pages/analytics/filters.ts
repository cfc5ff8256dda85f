import type { Interval, Metric } from '../../api/types';
import { addDays, today } from '../../lib/format';
import type { FigureKind } from '../../lib/filter-questions';

/** The analytics page's state, all of it in the URL: the range, the interval and the filters. */

export const PRESETS = [
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '12 months' },
] as const;

export const FILTERS = ['agent_type', 'agent_id', 'channel', 'question_code'] as const;
export type FilterName = (typeof FILTERS)[number];
export type PageFilters = Record<FilterName, string | null>;

export interface Range {
  from: string;
  to: string;
  preset: string | null;
}

export function rangeOf(params: URLSearchParams): Range {
  const to = params.get('to') ?? today();
  const from = params.get('from');
  if (from) {
    const preset = PRESETS.find((p) => addDays(to, -(Number(p.value) - 1)) === from && to === today());
    return { from, to, preset: preset?.value ?? null };
  }
  return { from: addDays(to, -29), to, preset: '30' };
}

export function filtersOf(params: URLSearchParams): PageFilters {
  return Object.fromEntries(FILTERS.map((name) => [name, params.get(name)])) as PageFilters;
}

export function daysIn(range: { from: string; to: string }): number {
  return (Date.parse(range.to) - Date.parse(range.from)) / 86_400_000 + 1;
}

export function defaultInterval(range: Range): Interval {
  const days = daysIn(range);
  // Days of a month hold a handful of answers each: weeks show the trend instead of the noise.
  if (days > 180) return 'month';
  if (days > 14) return 'week';
  return 'day';
}

/** What a figure counts, and so which conversations stand behind it. */
export type Figure = Metric | 'response_rate';

const kindOf: Partial<Record<Figure, string>> = { csat: 'stars', nps: 'nps', ces: 'ces', thumbs: 'thumbs' };

/**
 * The inbox address that lists the conversations behind a figure over some days, under the page's filters: answers
 * given on those days (of the figure's kind, or the page's question when it counts in that figure), or message
 * feedback given on them.
 */
export function inboxLink(
  figure: Figure,
  days: { from: string; to: string },
  filters: PageFilters,
  /** The figure the page's question counts in (`FilterQuestion.kind`). */
  questionKind: FigureKind = null,
): string {
  const params = new URLSearchParams();
  if (figure === 'message_likes') {
    params.set('feedback_from', days.from);
    params.set('feedback_to', days.to);
  } else {
    params.set('answered_from', days.from);
    params.set('answered_to', days.to);
    const question = filters.question_code;
    if (question && (figure === 'response_rate' || questionKind === kindOf[figure])) {
      params.set('answered_question', question);
    } else if (kindOf[figure]) {
      params.set('answered_kind', kindOf[figure]!);
    }
  }
  for (const name of ['agent_type', 'agent_id', 'channel'] as const) {
    if (filters[name]) params.set(name, filters[name]!);
  }
  return `/inbox?${params.toString()}`;
}
