import { createHash, randomBytes } from 'node:crypto';

/** A session ends after this long without a request… */
export const SESSION_IDLE_MS = 12 * 3_600_000;
/** …and this long after sign-in, however active. */
export const SESSION_LIFETIME_MS = 7 * 24 * 3_600_000;
// Writing last_seen_at on every request would turn each read into a write; a minute's precision is plenty for a
// twelve-hour idle timeout.
const TOUCH_PRECISION_MS = 60_000;

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** A new session token (the cookie) or CSRF token: 256 random bits, base64url. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** True for a string that could be a token this service made; anything else is refused without a query. */
export function looksLikeSessionToken(text: string): boolean {
  return TOKEN.test(text);
}

/** SHA-256, hex: what the sessions table stores. 256 random bits need no slow hash. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** When a session begun at `now` ends at the latest. */
export function sessionExpiry(now: number): string {
  return new Date(now + SESSION_LIFETIME_MS).toISOString();
}

/** True once the session is past its absolute expiry or has been idle too long. */
export function sessionExpired(session: { last_seen_at: string; expires_at: string }, now: number): boolean {
  return now >= Date.parse(session.expires_at) || now - Date.parse(session.last_seen_at) >= SESSION_IDLE_MS;
}

/** True when last_seen_at is old enough to be worth writing again. */
export function sessionNeedsTouch(session: { last_seen_at: string }, now: number): boolean {
  return now - Date.parse(session.last_seen_at) >= TOUCH_PRECISION_MS;
}
