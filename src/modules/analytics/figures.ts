import { emptyRatingCounters, RATING_COUNTERS, type RatingCounters } from './rollups.js';

/**
 * The figures of the analytics API, computed from summed rollup counters. Pure: the rollup path and the exact path
 * (a time zone the rollups are not kept in) feed the same counters in.
 */

/** Below this many answers a figure is flagged `low_sample`. */
export const LOW_SAMPLE = 30;
const Z95 = 1.959963984540054;

export type KindOfCode = (code: string) => 'stars' | 'nps' | 'ces' | 'thumbs' | undefined;

export interface CodeCounters extends RatingCounters {
  question_code: string;
}

export interface CsatFigures {
  score: number | null;
  responses: number;
  offered: number;
  response_rate: number | null;
  average: number | null;
  ci_low: number | null;
  ci_high: number | null;
  low_sample: boolean;
}

export interface NpsFigures {
  score: number | null;
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  low_sample: boolean;
}

export interface CesFigures {
  average: number | null;
  responses: number;
  low_sample: boolean;
}

export interface ThumbsFigures {
  up: number;
  down: number;
  up_rate: number | null;
  low_sample: boolean;
}

export interface MessageFigures {
  likes: number;
  dislikes: number;
  like_rate: number | null;
  low_sample: boolean;
}

export interface FunnelFigures {
  offered: number;
  opened: number;
  answered: number;
  expired: number;
  cancelled: number;
  /** opened / offered. */
  open_rate: number | null;
  /** answered / offered. */
  response_rate: number | null;
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** A share as a percentage with two decimals, or null without a denominator. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? round((part / whole) * 100, 2) : null;
}

/** A share between 0 and 1 with four decimals, or null without a denominator. */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? round(part / whole, 4) : null;
}

/** The 95% Wilson score interval of `successes` out of `n`, in percent. */
export function wilson(successes: number, n: number): { low: number; high: number } | null {
  if (n === 0) return null;
  const p = successes / n;
  const z2 = Z95 * Z95;
  const centre = p + z2 / (2 * n);
  const margin = Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denominator = 1 + z2 / n;
  return {
    low: round(Math.max(0, (centre - margin) / denominator) * 100, 2),
    high: round(Math.min(1, (centre + margin) / denominator) * 100, 2),
  };
}

function sumOf(rows: CodeCounters[]): RatingCounters {
  const total = emptyRatingCounters();
  for (const row of rows) for (const name of RATING_COUNTERS) total[name] += row[name];
  return total;
}

/** CSAT over every stars question (CSAT and STARS): the share of 4-5 answers. */
export function csatFigures(rows: CodeCounters[], kindOf: KindOfCode): CsatFigures {
  const total = sumOf(rows.filter((row) => kindOf(row.question_code) === 'stars'));
  const interval = wilson(total.high, total.responses);
  return {
    score: percent(total.high, total.responses),
    responses: total.responses,
    offered: total.offered,
    response_rate: rate(total.answered, total.offered),
    average: total.responses > 0 ? round(total.value_sum / total.responses, 2) : null,
    ci_low: interval?.low ?? null,
    ci_high: interval?.high ?? null,
    low_sample: total.responses < LOW_SAMPLE,
  };
}

/** NPS: % promoters (9-10) minus % detractors (0-6). */
export function npsFigures(rows: CodeCounters[], kindOf: KindOfCode): NpsFigures {
  const total = sumOf(rows.filter((row) => kindOf(row.question_code) === 'nps'));
  return {
    score: total.responses > 0 ? round(((total.high - total.low) / total.responses) * 100, 2) : null,
    responses: total.responses,
    promoters: total.high,
    passives: total.mid,
    detractors: total.low,
    low_sample: total.responses < LOW_SAMPLE,
  };
}

/** CES over every effort question (the organization's own `ces` questions, 1-7): the mean answer. */
export function cesFigures(rows: CodeCounters[], kindOf: KindOfCode): CesFigures {
  const total = sumOf(rows.filter((row) => kindOf(row.question_code) === 'ces'));
  return {
    average: total.responses > 0 ? round(total.value_sum / total.responses, 2) : null,
    responses: total.responses,
    low_sample: total.responses < LOW_SAMPLE,
  };
}

function thumbsOf(total: RatingCounters): ThumbsFigures {
  return {
    up: total.high,
    down: total.low,
    up_rate: rate(total.high, total.responses),
    low_sample: total.responses < LOW_SAMPLE,
  };
}

/** Thumbs per question code. */
export function thumbsFigures(rows: CodeCounters[], kindOf: KindOfCode): Record<string, ThumbsFigures> {
  const byCode = new Map<string, CodeCounters[]>();
  for (const row of rows) {
    if (kindOf(row.question_code) !== 'thumbs') continue;
    const rows = byCode.get(row.question_code);
    if (rows) rows.push(row);
    else byCode.set(row.question_code, [row]);
  }
  return Object.fromEntries(
    [...byCode].sort(([a], [b]) => a.localeCompare(b)).map(([code, of]) => [code, thumbsOf(sumOf(of))]),
  );
}

/** Thumbs over every thumbs question together. */
export function allThumbsFigures(rows: CodeCounters[], kindOf: KindOfCode): ThumbsFigures {
  return thumbsOf(sumOf(rows.filter((row) => kindOf(row.question_code) === 'thumbs')));
}

export function messageFigures(likes: number, dislikes: number): MessageFigures {
  return { likes, dislikes, like_rate: rate(likes, likes + dislikes), low_sample: likes + dislikes < LOW_SAMPLE };
}

export function funnelFigures(rows: CodeCounters[]): FunnelFigures {
  const total = sumOf(rows);
  return {
    offered: total.offered,
    opened: total.opened,
    answered: total.answered,
    expired: total.expired,
    cancelled: total.cancelled,
    open_rate: rate(total.opened, total.offered),
    response_rate: rate(total.answered, total.offered),
  };
}
