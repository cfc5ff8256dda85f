import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { passesFilters } from './events.js';

describe('webhook filters', () => {
  const filters = { rating: { max_stars: 2, max_nps: 6, max_ces: 3, thumbs: 'down' as const } };
  const submitted = (kind: string, value: number) => passesFilters(filters, 'rating.submitted', { kind, value });

  it('pass answers at or below the bound of their kind', () => {
    assert.deepEqual(
      [1, 2, 3, 5].map((value) => submitted('stars', value)),
      [true, true, false, false],
    );
    assert.deepEqual(
      [0, 6, 7, 10].map((value) => submitted('nps', value)),
      [true, true, false, false],
    );
    assert.deepEqual(
      [1, 3, 4, 7].map((value) => submitted('ces', value)),
      [true, true, false, false],
    );
    assert.deepEqual(
      [0, 1].map((value) => submitted('thumbs', value)),
      [true, false],
    );
  });

  it('bound an organization’s own csat questions by max_stars, their five points read as the stars’', () => {
    assert.deepEqual(
      [1, 2, 3, 5].map((value) => submitted('csat', value)),
      [true, true, false, false],
    );
    assert.equal(passesFilters({ rating: { max_nps: 6 } }, 'rating.submitted', { kind: 'csat', value: 5 }), true);
  });

  it('pass every ces answer without max_ces, and every choice and text answer', () => {
    assert.deepEqual(
      [1, 3, 7].map((value) =>
        passesFilters({ rating: { max_stars: 2, max_nps: 6 } }, 'rating.submitted', { kind: 'ces', value }),
      ),
      [true, true, true],
    );
    assert.equal(submitted('choice', null as unknown as number), true);
    assert.equal(passesFilters(filters, 'rating.submitted', { kind: 'text', value: null, text: 'Slow' }), true);
  });

  it('pass kinds without a bound, other events, and everything without filters', () => {
    assert.equal(passesFilters({ rating: { max_stars: 2 } }, 'rating.submitted', { kind: 'nps', value: 10 }), true);
    assert.equal(passesFilters(filters, 'rating.offered', { kind: 'stars', value: 5 }), true);
    assert.equal(passesFilters({}, 'rating.submitted', { kind: 'stars', value: 5 }), true);
  });
});
