import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { coveredPeriods, localDay, periodEnd, periodsBetween, periodStart, startOfDay } from './time.js';
import { wilson } from './figures.js';

describe('analytics time', () => {
  it('finds the local day of an instant', () => {
    assert.equal(localDay('2026-03-04T00:30:00.000Z', 'UTC'), '2026-03-04');
    assert.equal(localDay('2026-03-04T00:30:00.000Z', 'America/New_York'), '2026-03-03');
    assert.equal(localDay('2026-03-04T20:00:00.000Z', 'Asia/Kolkata'), '2026-03-05');
  });

  it('finds when a local day begins, across daylight-saving changes and half-hour zones', () => {
    assert.equal(new Date(startOfDay('2026-03-08', 'America/New_York')).toISOString(), '2026-03-08T05:00:00.000Z');
    assert.equal(new Date(startOfDay('2026-03-09', 'America/New_York')).toISOString(), '2026-03-09T04:00:00.000Z');
    assert.equal(new Date(startOfDay('2026-10-25', 'Europe/Berlin')).toISOString(), '2026-10-24T22:00:00.000Z');
    assert.equal(new Date(startOfDay('2026-10-26', 'Europe/Berlin')).toISOString(), '2026-10-25T23:00:00.000Z');
    assert.equal(new Date(startOfDay('2026-01-01', 'Asia/Kolkata')).toISOString(), '2025-12-31T18:30:00.000Z');
    // Santiago skips midnight when summer time begins: the day starts at 01:00.
    assert.equal(new Date(startOfDay('2026-09-06', 'America/Santiago')).toISOString(), '2026-09-06T04:00:00.000Z');
  });

  it('cuts periods on days, Monday weeks and months', () => {
    assert.equal(periodStart('2026-03-01', 'week'), '2026-02-23');
    assert.equal(periodStart('2026-03-02', 'week'), '2026-03-02');
    assert.equal(periodStart('2026-03-31', 'month'), '2026-03-01');
    assert.deepEqual(periodsBetween('2026-01-30', '2026-03-02', 'month'), ['2026-01-01', '2026-02-01', '2026-03-01']);
    assert.deepEqual(periodsBetween('2026-03-01', '2026-03-03', 'day'), ['2026-03-01', '2026-03-02', '2026-03-03']);
  });

  it('ends periods on their last day, February and leap years included', () => {
    assert.equal(periodEnd('2026-03-02', 'week'), '2026-03-08');
    assert.equal(periodEnd('2026-02-01', 'month'), '2026-02-28');
    assert.equal(periodEnd('2028-02-01', 'month'), '2028-02-29');
    assert.equal(periodEnd('2026-12-01', 'month'), '2026-12-31');
    assert.equal(periodEnd('2026-12-01', 'day'), '2026-12-01');
  });

  it('marks a period partial while it runs and where the range cuts it', () => {
    // December after one day: the month is under way, November is whole.
    assert.deepEqual(coveredPeriods('2026-11-01', '2026-12-01', 'month', '2026-12-01'), [
      { period: '2026-11-01', from: '2026-11-01', to: '2026-11-30', partial: false },
      { period: '2026-12-01', from: '2026-12-01', to: '2026-12-01', partial: true },
    ]);
    // A range from a Wednesday to a Friday in the past: both weeks are cut.
    assert.deepEqual(coveredPeriods('2026-03-04', '2026-03-13', 'week', '2026-06-01'), [
      { period: '2026-03-02', from: '2026-03-04', to: '2026-03-08', partial: true },
      { period: '2026-03-09', from: '2026-03-09', to: '2026-03-13', partial: true },
    ]);
    // Today is not over; yesterday is.
    assert.deepEqual(
      coveredPeriods('2026-03-09', '2026-03-10', 'day', '2026-03-10').map((point) => point.partial),
      [false, true],
    );
    // A period that ends today is not over either, and one ahead of today has not begun.
    assert.equal(coveredPeriods('2026-03-02', '2026-03-08', 'week', '2026-03-08')[0]!.partial, true);
    assert.equal(coveredPeriods('2026-04-01', '2026-04-30', 'month', '2026-03-08')[0]!.partial, true);
    assert.equal(coveredPeriods('2026-03-02', '2026-03-08', 'week', '2026-03-09')[0]!.partial, false);
  });

  it('ends the periods at the last day of 9999 rather than running into year 10000', () => {
    assert.deepEqual(periodsBetween('9999-12-30', '9999-12-31', 'day'), ['9999-12-30', '9999-12-31']);
    assert.deepEqual(periodsBetween('9999-12-20', '9999-12-31', 'week'), ['9999-12-20', '9999-12-27']);
    assert.deepEqual(periodsBetween('9999-11-15', '9999-12-31', 'month'), ['9999-11-01', '9999-12-01']);
  });

  it('computes the Wilson interval', () => {
    assert.equal(wilson(0, 0), null);
    // Known values: 8 of 10 gives 49.02%-94.33%.
    assert.deepEqual(wilson(8, 10), { low: 49.02, high: 94.33 });
    assert.deepEqual(wilson(10, 10), { low: 72.25, high: 100 });
  });
});
