/**
 * Calendar days in IANA time zones, with Intl only: which local day an instant falls on, and the instant a local day
 * begins. Formatters are cached per zone; building one costs far more than using it.
 */

const DAY_MS = 86_400_000;
const dayFormatters = new Map<string, Intl.DateTimeFormat>();
const partsFormatters = new Map<string, Intl.DateTimeFormat>();

/** True when `tz` names a time zone this runtime knows. */
export function isTimeZone(tz: string): boolean {
  if (tz.length === 0 || tz.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function dayFormatter(tz: string): Intl.DateTimeFormat {
  let formatter = dayFormatters.get(tz);
  if (!formatter) {
    // en-CA writes dates as YYYY-MM-DD.
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormatters.set(tz, formatter);
  }
  return formatter;
}

/** The local day (`YYYY-MM-DD`) of an ISO instant in a time zone. */
export function localDay(iso: string, tz: string): string {
  if (tz === 'UTC' && iso.length >= 10 && iso.endsWith('Z')) return iso.slice(0, 10);
  return dayFormatter(tz).format(new Date(iso));
}

/** Milliseconds the zone's wall clock is ahead of UTC at an instant. */
function offsetAt(epochMs: number, tz: string): number {
  let formatter = partsFormatters.get(tz);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormatters.set(tz, formatter);
  }
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(epochMs))) parts[part.type] = Number(part.value);
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall - Math.floor(epochMs / 1000) * 1000;
}

/** The instant (epoch ms) a local day begins in a time zone. */
export function startOfDay(day: string, tz: string): number {
  const wallMidnight = Date.parse(`${day}T00:00:00Z`);
  if (tz === 'UTC') return wallMidnight;
  let guess = wallMidnight - offsetAt(wallMidnight, tz);
  const corrected = wallMidnight - offsetAt(guess, tz);
  if (corrected !== guess) guess = corrected;
  // A zone that skips midnight (a DST change at 00:00) begins the day at the first instant that is that day.
  while (localDay(new Date(guess).toISOString(), tz) < day) guess += 3_600_000;
  return guess;
}

/** `day` plus `n` days, as `YYYY-MM-DD`. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export type Interval = 'day' | 'week' | 'month';

/** The first day of the period a day belongs to: itself, the Monday of its ISO week, or the first of its month. */
export function periodStart(day: string, interval: Interval): string {
  if (interval === 'day') return day;
  if (interval === 'month') return `${day.slice(0, 7)}-01`;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 Sunday … 6 Saturday
  return addDays(day, -((weekday + 6) % 7));
}

/** The last day the calendar here writes: a period running past it ends there. */
const LAST_DAY = '9999-12-31';

/** The last day of the period that begins on `period`. */
export function periodEnd(period: string, interval: Interval): string {
  if (interval === 'day') return period;
  if (interval === 'week') return period > addDays(LAST_DAY, -6) ? LAST_DAY : addDays(period, 6);
  const [year, month] = period.split('-').map(Number) as [number, number];
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** A period as a range counts it: the days it covers, and whether that is less than the whole, finished period. */
export interface CoveredPeriod {
  period: string;
  from: string;
  to: string;
  partial: boolean;
}

/**
 * The periods of the range `from`-`to`, each cut to the range. A period is partial when the range cuts it or when it
 * has not ended by `today` (it holds today, or lies ahead): its figures are not yet those of a whole period.
 */
export function coveredPeriods(from: string, to: string, interval: Interval, today: string): CoveredPeriod[] {
  return periodsBetween(from, to, interval).map((period) => {
    const end = periodEnd(period, interval);
    const first = period < from ? from : period;
    const last = end > to ? to : end;
    return { period, from: first, to: last, partial: first !== period || last !== end || end >= today };
  });
}

/** The periods from the one holding `from` to the one holding `to`, in order. */
export function periodsBetween(from: string, to: string, interval: Interval): string[] {
  // Stepped on epoch milliseconds, not on text: a step past year 9999 must end the walk, not wrap around.
  const end = Date.parse(`${to}T00:00:00Z`);
  const periods: string[] = [];
  let period = Date.parse(`${periodStart(from, interval)}T00:00:00Z`);
  while (period <= end) {
    periods.push(new Date(period).toISOString().slice(0, 10));
    const date = new Date(period);
    if (interval === 'day') period += DAY_MS;
    else if (interval === 'week') period += 7 * DAY_MS;
    else period = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
  }
  return periods;
}
