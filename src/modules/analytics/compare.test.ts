import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { comparisonFigures, newcombeDifference, signedPoints, wilsonInterval } from './compare.js';

const close = (actual: number, expected: number, digits = 4) =>
  assert.equal(actual.toFixed(digits), expected.toFixed(digits), `${actual} ≈ ${expected}`);

describe('comparing two versions', () => {
  it('matches Newcombe 1998, Table II: 56/70 vs 48/80 by the hybrid score method is 0.2000 (0.0524 to 0.3339)', () => {
    const result = newcombeDifference({ successes: 56, total: 70 }, { successes: 48, total: 80 })!;
    close(result.difference, 0.2);
    close(result.low, 0.0524);
    close(result.high, 0.3339);
    // Each side's Wilson interval, which the method is built from.
    const a = wilsonInterval({ successes: 56, total: 70 })!;
    const b = wilsonInterval({ successes: 48, total: 80 })!;
    close(a.low, 0.6918);
    close(a.high, 0.877);
    close(b.low, 0.4905);
    close(b.high, 0.7004);
    // Swapping the sides negates the difference and mirrors the interval.
    const swapped = newcombeDifference({ successes: 48, total: 80 }, { successes: 56, total: 70 })!;
    close(swapped.difference, -0.2);
    close(swapped.low, -0.3339);
    close(swapped.high, -0.0524);
  });

  it('handles shares of 0 and 1, worked out by hand', () => {
    // z = 1.959964, z² = 3.841459. The Wilson interval of x/n is (2x + z² ∓ z·√(z² + 4x(n − x)/n)) / (2(n + z²)).
    // 10/10: √(z² + 0) = z, so low = (20 + z² − z²) / (2 · 13.841459) = 10 / 13.841459 = 0.722467, high = 1.
    // 0/10:  low = 0, high = 2z² / (2 · 13.841459) = 3.841459 / 13.841459 = 0.277533.
    // d = 1 − 0 = 1; low = 1 − √((1 − 0.722467)² + (0.277533 − 0)²) = 1 − 0.277533 · √2 = 1 − 0.392491 = 0.607509;
    // high = 1 + √((1 − 1)² + (0 − 0)²) = 1.
    const all = newcombeDifference({ successes: 10, total: 10 }, { successes: 0, total: 10 })!;
    close(all.difference, 1);
    close(all.low, 0.6075);
    close(all.high, 1);
    // 0/10 vs 0/20: d = 0; 0/20 has high = 3.841459 / 23.841459 = 0.161125, so low = 0 − √(0² + 0.161125²) =
    // −0.161125 and high = 0 + √(0.277533² + 0²) = 0.277533: the interval holds zero.
    const none = newcombeDifference({ successes: 0, total: 10 }, { successes: 0, total: 20 })!;
    close(none.difference, 0);
    close(none.low, -0.1611);
    close(none.high, 0.2775);
    assert.equal(newcombeDifference({ successes: 0, total: 0 }, { successes: 3, total: 4 }), null);
    assert.equal(wilsonInterval({ successes: 0, total: 0 }), null);
  });

  it('says the comparison in a sentence, in percentage points', () => {
    const liked = comparisonFigures(
      'message_likes',
      { value: 'v13', successes: 56, total: 70 },
      {
        value: 'v12',
        successes: 48,
        total: 80,
      },
    );
    assert.equal(liked.sentence, 'v13 is liked more: +20.0 points (95% CI +5.2 to +33.4), 70 vs 80 answers');
    assert.deepEqual(
      [liked.difference, liked.ci_low, liked.ci_high, liked.excludes_zero, liked.verdict, liked.low_sample],
      [20, 5.24, 33.39, true, 'a_higher', false],
    );
    assert.deepEqual(liked.a, {
      value: 'v13',
      successes: 56,
      total: 70,
      rate: 80,
      ci_low: 69.18,
      ci_high: 87.7,
      low_sample: false,
    });
    const lower = comparisonFigures(
      'csat',
      { value: 'v12', successes: 48, total: 80 },
      {
        value: 'v13',
        successes: 56,
        total: 70,
      },
    );
    assert.equal(
      lower.sentence,
      'v12 is rated lower: \u221220.0 points (95% CI \u221233.4 to \u22125.2), 80 vs 70 answers',
    );
    assert.equal(lower.verdict, 'b_higher');
    const thumbs = comparisonFigures(
      'thumbs',
      { value: 'gpt-a', successes: 10, total: 10 },
      {
        value: 'gpt-b',
        successes: 0,
        total: 10,
      },
    );
    assert.equal(
      thumbs.sentence,
      'gpt-a gets more thumbs up: +100.0 points (95% CI +60.8 to +100.0), 10 vs 10 answers',
    );
    assert.equal(thumbs.low_sample, true, 'ten answers a side is under 30');
    const even = comparisonFigures(
      'message_likes',
      { value: 'v2', successes: 0, total: 10 },
      {
        value: 'v1',
        successes: 0,
        total: 20,
      },
    );
    assert.equal(
      even.sentence,
      'No clear difference between v2 and v1: 0.0 points (95% CI \u221216.1 to +27.8), 10 vs 20 answers',
    );
    assert.equal(even.excludes_zero, false);
  });

  it('says when a side has nothing to compare', () => {
    const one = comparisonFigures(
      'csat',
      { value: 'v13', successes: 0, total: 0 },
      {
        value: 'v12',
        successes: 1200,
        total: 1389,
      },
    );
    assert.equal(one.sentence, 'v13 has no answers to compare with v12: 0 vs 1,389 answers');
    assert.deepEqual([one.verdict, one.difference, one.a.rate, one.b.rate], ['no_data', null, null, 86.39]);
    const neither = comparisonFigures(
      'csat',
      { value: 'a', successes: 0, total: 0 },
      {
        value: 'b',
        successes: 0,
        total: 0,
      },
    );
    assert.equal(neither.sentence, 'Neither a nor b has answers to compare: 0 vs 0 answers');
    assert.equal(signedPoints(-0.04), '0.0');
    assert.equal(signedPoints(0.06), '+0.1');
  });
});
