import { AppError } from '../errors.js';

/**
 * Conversions between what the drivers return and what the application uses. Kysely passes driver values through
 * untouched: SQLite has no boolean or JSON type, and stores timestamps as ISO 8601 text.
 */

let lastMs = Number.NaN;
let lastIso = '';

/**
 * The current time as stored in every timestamp column. A request asks for it a dozen times and more (every status and
 * expiry check); the text is made once per millisecond.
 */
export function nowIso(): string {
  const ms = Date.now();
  if (ms !== lastMs) {
    lastMs = ms;
    lastIso = new Date(ms).toISOString();
  }
  return lastIso;
}

/** A record named in a path: digits are its integer id, anything else its UUID. */
export type RecordRef = { id: number } | { uid: string };

/**
 * The integer id written in `digits`, or undefined when no row can have it: every id the application handles is an
 * exact JavaScript number, so a larger one (which `Number` would round onto another id) names nothing. Nor does it
 * reach the database, where a number beyond bigint would be an error rather than a miss.
 */
export function integerId(digits: string): number | undefined {
  if (!/^\d+$/.test(digits)) return undefined;
  const id = Number(digits);
  return Number.isSafeInteger(id) ? id : undefined;
}

/**
 * Reads a path segment as a record reference (UUIDs are stored lower-case); undefined for an integer id no row can
 * have, which the caller answers as not found without asking the database.
 */
export function recordRef(idOrUid: string): RecordRef | undefined {
  if (!/^\d+$/.test(idOrUid)) return { uid: idOrUid.toLowerCase() };
  const id = integerId(idOrUid);
  return id === undefined ? undefined : { id };
}

/**
 * Whether a date-time names an instant both engines store and compare alike: one JavaScript can represent (no leap
 * second), from 1970 up to the end of 9999 (PostgreSQL has no year 0; the ISO form of years past 9999 sorts wrongly as
 * text). The one rule for timestamps, in bodies, queries and cursors.
 */
export function isAcceptedTimestamp(value: string): boolean {
  const time = Date.parse(value);
  return !Number.isNaN(time) && time >= 0 && time < Date.UTC(10_000, 0, 1);
}

/**
 * A date-time sent by a client, in the stored form; undefined stays undefined. One that `isAcceptedTimestamp` refuses
 * is a 400 naming `field`, rather than stored oddly.
 */
export function acceptedTimestamp(value: string | undefined, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (!isAcceptedTimestamp(value)) {
    throw new AppError('validation_failed', `${field} must be a date-time between 1970 and 9999.`);
  }
  return toStoredTimestamp(value);
}

/** Normalises an accepted date-time string to the stored form (UTC, milliseconds, `Z`). */
export function toStoredTimestamp(value: string): string {
  return new Date(value).toISOString();
}

/** SQLite returns 0/1 for booleans, PostgreSQL true/false. */
export function toBoolean(value: unknown): boolean {
  return value === true || value === 1 || value === '1';
}

/** A boolean as both engines take it: better-sqlite3 binds no JS booleans, and PostgreSQL reads 1/0 as true/false. */
export function booleanParam(value: boolean): number {
  return value ? 1 : 0;
}

/** SQLite returns JSON columns as text, PostgreSQL (jsonb) as parsed values. */
export function fromJson<T>(value: unknown, fallback: T): T {
  if (value === null || value === undefined) return fallback;
  if (typeof value === 'string') return JSON.parse(value) as T;
  return value as T;
}

/** Both engines accept JSON text for a JSON column. */
export function toJson(value: unknown): string {
  return JSON.stringify(value);
}
