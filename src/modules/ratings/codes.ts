import { randomBytes } from 'node:crypto';

/** A rating page code: 144 random bits, base64url, 24 characters. Unguessable; the only key of the public page. */
export function newRatingCode(): string {
  return randomBytes(18).toString('base64url');
}

/** True for a string that could be a code this service made: the public page rejects anything else without a query. */
export function looksLikeRatingCode(text: string): boolean {
  return /^[A-Za-z0-9_-]{22,64}$/.test(text);
}
