import { createHash, createHmac, randomBytes } from 'node:crypto';

/** Every widget token starts so: an API-key check refuses it by its look, and logs and scanners can tell it apart. */
export const WIDGET_TOKEN_PREFIX = 'pwt_';

const HOUR = 3_600_000;
const TOKEN = /^pwt_[A-Za-z0-9_-]{43}$/;

/** A new widget token: the prefix and 256 random bits, base64url. */
export function newWidgetToken(): string {
  return WIDGET_TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/** True for a string that could be a widget token; anything else is refused without a query. */
export function looksLikeWidgetToken(text: string): boolean {
  return TOKEN.test(text);
}

/** SHA-256, hex: what `widget_tokens` stores. */
export function hashWidgetToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The widget token a signed-in browser gets on `/widget-demo`: an HMAC of the hour and the demo conversation, keyed
 * with the browser's session token (which it does not reveal). Every view within the hour, on whichever node, derives
 * the same token, so reloading the page stores no new row and no token is kept in the clear to be handed out again.
 * It is valid until the end of the next hour: at least an hour after any view.
 */
export function demoWidgetToken(
  sessionToken: string,
  conversationId: number,
  now: number,
): { token: string; expiresAt: string } {
  const hour = Math.floor(now / HOUR);
  const digest = createHmac('sha256', sessionToken)
    .update(`plaudit widget demo:${conversationId}:${hour}`)
    .digest('base64url');
  return { token: WIDGET_TOKEN_PREFIX + digest, expiresAt: new Date((hour + 2) * HOUR).toISOString() };
}
