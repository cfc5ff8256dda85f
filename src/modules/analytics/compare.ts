import { LOW_SAMPLE } from './figures.js';

/**
 * The arithmetic of comparing two versions: each side's share with its 95% Wilson score interval, and the difference
 * of the two shares with its 95% interval by Newcombe's hybrid score method (method 10 of Newcombe 1998, "Interval
 * estimation for the difference between independent proportions"), built from the two Wilson intervals. Pure and
 * unrounded; only `comparisonFigures` rounds, for the answer.
 */

const Z95 = 1.959963984540054;

/** A side's answers: how many of them count as a success (a like, a 4-5, a thumbs up) out of all. */
export interface Proportion {
  successes: number;
  total: number;
}

export interface Interval {
  low: number;
  high: number;
}

/** The 95% Wilson score interval of a proportion, as shares 0-1; null without answers. */
export function wilsonInterval({ successes, total: n }: Proportion): Interval | null {
  if (n === 0) return null;
  const p = successes / n;
  const z2 = Z95 * Z95;
  const centre = 2 * n * p + z2;
  const margin = Z95 * Math.sqrt(z2 + 4 * n * p * (1 - p));
  const denominator = 2 * (n + z2);
  return { low: Math.max(0, (centre - margin) / denominator), high: Math.min(1, (centre + margin) / denominator) };
}

/**
 * The difference of two shares, a − b, with its 95% hybrid score interval: with (l, u) each side's Wilson interval,
 * low = d − √((pa − la)² + (ub − pb)²) and high = d + √((ua − pa)² + (pb − lb)²). Null when a side has no answers.
 */
export function newcombeDifference(a: Proportion, b: Proportion): ({ difference: number } & Interval) | null {
  const wa = wilsonInterval(a);
  const wb = wilsonInterval(b);
  if (!wa || !wb) return null;
  const pa = a.successes / a.total;
  const pb = b.successes / b.total;
  const difference = pa - pb;
  return {
    difference,
    low: difference - Math.sqrt((pa - wa.low) ** 2 + (wb.high - pb) ** 2),
    high: difference + Math.sqrt((wa.high - pa) ** 2 + (pb - wb.low) ** 2),
  };
}

export type CompareMetric = 'message_likes' | 'csat' | 'thumbs';

export type Verdict = 'a_higher' | 'b_higher' | 'no_clear_difference' | 'no_data';

/** How a sentence says that `a` is above or below `b` on a metric. */
const WORDS: Record<CompareMetric, { higher: string; lower: string }> = {
  message_likes: { higher: 'is liked more', lower: 'is liked less' },
  csat: { higher: 'is rated higher', lower: 'is rated lower' },
  thumbs: { higher: 'gets more thumbs up', lower: 'gets fewer thumbs up' },
};

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
const count = new Intl.NumberFormat('en-US');

/** Points with one decimal and their sign: "+6.2", "−1.1" (a minus sign), "0.0". */
export function signedPoints(points: number): string {
  const text = Math.abs(points).toFixed(1);
  if (text === '0.0') return text;
  return `${points > 0 ? '+' : '\u2212'}${text}`;
}

export interface SideFigures {
  value: string;
  successes: number;
  total: number;
  /** The share of successes in percent, two decimals; null without answers. */
  rate: number | null;
  ci_low: number | null;
  ci_high: number | null;
  low_sample: boolean;
}

export interface ComparisonFigures {
  a: SideFigures;
  b: SideFigures;
  /** a − b in percentage points, two decimals. */
  difference: number | null;
  ci_low: number | null;
  ci_high: number | null;
  excludes_zero: boolean;
  low_sample: boolean;
  verdict: Verdict;
  sentence: string;
}

function side(value: string, proportion: Proportion): SideFigures {
  const interval = wilsonInterval(proportion);
  return {
    value,
    successes: proportion.successes,
    total: proportion.total,
    rate: proportion.total > 0 ? round((proportion.successes / proportion.total) * 100, 2) : null,
    ci_low: interval ? round(interval.low * 100, 2) : null,
    ci_high: interval ? round(interval.high * 100, 2) : null,
    low_sample: proportion.total < LOW_SAMPLE,
  };
}

/** The comparison of two sides on a metric, rounded for the answer, with the sentence that says it. */
export function comparisonFigures(
  metric: CompareMetric,
  a: { value: string } & Proportion,
  b: { value: string } & Proportion,
): ComparisonFigures {
  const result = newcombeDifference(a, b);
  const answers = `${count.format(a.total)} vs ${count.format(b.total)} ${b.total === 1 ? 'answer' : 'answers'}`;
  const figures = {
    a: side(a.value, a),
    b: side(b.value, b),
    low_sample: a.total < LOW_SAMPLE || b.total < LOW_SAMPLE,
  };
  if (!result) {
    const sentence =
      a.total === 0 && b.total === 0
        ? `Neither ${a.value} nor ${b.value} has answers to compare: ${answers}`
        : `${a.total === 0 ? a.value : b.value} has no answers to compare with ${a.total === 0 ? b.value : a.value}: ${answers}`;
    return {
      ...figures,
      difference: null,
      ci_low: null,
      ci_high: null,
      excludes_zero: false,
      verdict: 'no_data',
      sentence,
    };
  }
  const points = result.difference * 100;
  const low = result.low * 100;
  const high = result.high * 100;
  const excludesZero = low > 0 || high < 0;
  const verdict: Verdict = !excludesZero ? 'no_clear_difference' : low > 0 ? 'a_higher' : 'b_higher';
  const figuresText = `${signedPoints(points)} points (95% CI ${signedPoints(low)} to ${signedPoints(high)}), ${answers}`;
  const sentence =
    verdict === 'no_clear_difference'
      ? `No clear difference between ${a.value} and ${b.value}: ${figuresText}`
      : `${a.value} ${verdict === 'a_higher' ? WORDS[metric].higher : WORDS[metric].lower}: ${figuresText}`;
  return {
    ...figures,
    difference: round(points, 2),
    ci_low: round(low, 2),
    ci_high: round(high, 2),
    excludes_zero: excludesZero,
    verdict,
    sentence,
  };
}
