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

/**
 * The periods from the one holding `from` to the one holding `to`, in order. Counted in epoch milliseconds rather than
 * day strings: the period after the last of 9999 is written `+010000-…`, which would sort before every day.
 */
export function periodsBetween(from: string, to: string, interval: Interval): string[] {
  const periods: string[] = [];
  const last = Date.parse(`${to}T00:00:00Z`);
  for (let start = Date.parse(`${periodStart(from, interval)}T00:00:00Z`); start <= last;) {
    periods.push(new Date(start).toISOString().slice(0, 10));
    if (interval === 'day') start += DAY_MS;
    else if (interval === 'week') start += 7 * DAY_MS;
    else {
      const date = new Date(start);
      start = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
    }
  }
  return periods;
}
