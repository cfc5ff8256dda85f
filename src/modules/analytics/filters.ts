import { Type, type Static } from 'typebox';
import { AppError } from '../../errors.js';
import { VersionQuery, type VersionFilter } from '../conversations/index.js';
import { QuestionFilterCode } from './question-filter.js';
import { addDays, daysBetween, isTimeZone, localDay, startOfDay } from './time.js';

const Day = Type.String({
  pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
  description: 'A calendar day, `YYYY-MM-DD`, in the time zone `tz`.',
  examples: ['2026-11-01'],
});

/**
 * The filters every analytics and export endpoint takes. `question_code` is only checked for its shape here: whether
 * the organization knows it is `checkQuestionFilter`'s to say, which every endpoint calls (`AnalyticsService.resolve`).
 */
export const AnalyticsFilterQuery = {
  from: Type.Optional({ ...Day, description: 'First day, inclusive, in `tz`.' }),
  to: Type.Optional({ ...Day, description: 'Last day, inclusive, in `tz`.' }),
  tz: Type.Optional(
    Type.String({
      maxLength: 64,
      description: "IANA time zone the days are counted in; the organization's reporting time zone by default.",
      examples: ['Europe/Berlin'],
    }),
  ),
  agent_id: Type.Optional(Type.String({ format: 'uuid', description: 'Only this agent (human or AI).' })),
  agent_type: Type.Optional(Type.Union([Type.Literal('human'), Type.Literal('ai')])),
  channel: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  question_code: Type.Optional(QuestionFilterCode),
  model: Type.Optional({
    ...VersionQuery.model,
    description: 'Only answers written by this model, and ratings of conversations it answered in.',
  }),
  prompt_version: Type.Optional({
    ...VersionQuery.prompt_version,
    description: 'Only answers of this prompt version, and ratings of conversations it answered in.',
  }),
  tag: Type.Optional({
    ...VersionQuery.tag,
    description:
      "Only answers carrying this tag (their own or their conversation's), and ratings of conversations that carry it.",
  }),
};

export const AnalyticsFilterSchema = Type.Object(AnalyticsFilterQuery);
export type AnalyticsFilterInput = Static<typeof AnalyticsFilterSchema>;

/** Filters resolved against a time zone: local days and the UTC instants that bound them. */
export interface ResolvedFilters extends VersionFilter {
  tz: string;
  /** First local day, inclusive; undefined for "since the beginning" (exports only). */
  fromDay?: string;
  /** Last local day, inclusive; undefined for "until now" (exports only). */
  toDay?: string;
  /** The instant `fromDay` begins, ISO. */
  fromUtc?: string;
  /** The instant after `toDay` ends, ISO (exclusive). */
  toUtc?: string;
  agentId?: string;
  agentType?: 'human' | 'ai';
  channel?: string;
  questionCode?: string;
}

export interface ResolveOptions {
  /** With no `from`, start this many days before `to` (inclusive); without it the range is open. */
  defaultDays?: number;
  /** The longest range accepted, in days. */
  maxDays?: number;
  /** Today, for tests; defaults to now. */
  now?: Date;
  /** What the request calls `from` and `to`, for the sentences of a refusal. */
  names?: { from: string; to: string };
}

/** The days a filter may name: those whose instants both engines store (see `isAcceptedTimestamp`). */
const FIRST_DAY = '1970-01-01';
const DAY_MS = 86_400_000;
const LAST_DAY = '9999-12-31';

function checkDay(value: string, name: string): void {
  const parsed = Date.parse(`${value}T00:00:00Z`);
  if (
    Number.isNaN(parsed) ||
    new Date(parsed).toISOString().slice(0, 10) !== value ||
    value < FIRST_DAY ||
    value > LAST_DAY
  ) {
    throw new AppError(
      'invalid_date_range',
      `${name} must be a calendar day between ${FIRST_DAY} and ${LAST_DAY}, written YYYY-MM-DD; got "${value}".`,
    );
  }
}

/**
 * The instant after `day` ends in `tz`, ISO; undefined when that is in year 10000, which has no four-digit form to
 * compare with and which nothing stored reaches. (The last day of 9999 has no clock change in any zone.)
 */
function endOfDay(day: string, tz: string): string | undefined {
  const end = day === LAST_DAY ? startOfDay(day, tz) + DAY_MS : startOfDay(addDays(day, 1), tz);
  return end < Date.UTC(10_000, 0, 1) ? new Date(end).toISOString() : undefined;
}

/** Checks the filters and turns local days into UTC bounds. */
export function resolveFilters(
  input: AnalyticsFilterInput,
  organizationTz: string,
  options: ResolveOptions = {},
): ResolvedFilters {
  const tz = input.tz ?? organizationTz;
  if (!isTimeZone(tz)) {
    throw new AppError('invalid_timezone', `"${tz}" is not a time zone; use an IANA name such as Europe/Berlin.`);
  }
  const names = options.names ?? { from: 'from', to: 'to' };
  if (input.from) checkDay(input.from, names.from);
  if (input.to) checkDay(input.to, names.to);
  const today = localDay((options.now ?? new Date()).toISOString(), tz);
  let { from: fromDay, to: toDay } = input;
  if (options.defaultDays !== undefined) {
    toDay ??= fromDay && fromDay > today ? fromDay : today;
    fromDay ??= addDays(toDay, -(options.defaultDays - 1));
  }
  if (fromDay && toDay && fromDay > toDay) {
    throw new AppError('invalid_date_range', `${names.from} (${fromDay}) is after ${names.to} (${toDay}).`);
  }
  if (options.maxDays !== undefined && fromDay && toDay && daysBetween(fromDay, toDay) + 1 > options.maxDays) {
    throw new AppError('invalid_date_range', `The range is longer than ${options.maxDays} days; narrow from and to.`);
  }
  return {
    tz,
    fromDay,
    toDay,
    fromUtc: fromDay ? new Date(startOfDay(fromDay, tz)).toISOString() : undefined,
    toUtc: toDay ? endOfDay(toDay, tz) : undefined,
    agentId: input.agent_id?.toLowerCase(),
    agentType: input.agent_type,
    channel: input.channel,
    questionCode: input.question_code,
    model: input.model,
    promptVersion: input.prompt_version,
    tag: input.tag,
  };
}

/**
 * The period of the same length just before the filters' range, with the same other filters: what a figure is
 * compared with.
 */
export function previousPeriod(filters: ResolvedFilters): ResolvedFilters & { fromDay: string; toDay: string } {
  if (!filters.fromDay || !filters.toDay) throw new Error('previousPeriod needs a closed range');
  const days = daysBetween(filters.fromDay, filters.toDay) + 1;
  const fromDay = addDays(filters.fromDay, -days);
  const toDay = addDays(filters.fromDay, -1);
  return {
    ...filters,
    fromDay,
    toDay,
    fromUtc: new Date(startOfDay(fromDay, filters.tz)).toISOString(),
    toUtc: new Date(startOfDay(filters.fromDay, filters.tz)).toISOString(),
  };
}
