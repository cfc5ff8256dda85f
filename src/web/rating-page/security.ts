import { randomFillSync, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The CSRF cookie: HttpOnly, SameSite=Strict, scoped to one rating page. Its twin travels in a hidden field. */
export const CSRF_COOKIE = 'plaudit_csrf';
export const CSRF_FIELD = 'csrf_token';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
// An origin that can go into a CSP source list as it is: no spaces, semicolons or commas can hide in it.
const SAFE_ORIGIN = /^https?:\/\/(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

// Random bytes drawn from the system's CSPRNG a page at a time instead of one call per value: every byte is handed out
// once, so each nonce and token is as unpredictable as before, at a fraction of the calls.
const pool = Buffer.alloc(4096);
let used = pool.length;

/** `length` fresh random bytes, encoded. */
function randomText(length: number, encoding: 'base64' | 'base64url'): string {
  if (used + length > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const text = pool.toString(encoding, used, used + length);
  used += length;
  return text;
}

/** A fresh random value for a CSP nonce. */
export function newNonce(): string {
  return randomText(18, 'base64');
}

/**
 * The policy of one page: nothing but its own nonce-bearing stylesheet (and script, on the page a link's answer opens),
 * images over HTTPS (the logo), and forms posted to itself. A review link's origin joins `form-action` because Chrome applies `form-action` to the redirect that
 * answers the form's POST.
 */
export function contentSecurityPolicy(
  nonce: string,
  formTargets: string[] = [],
  options: { script?: boolean } = {},
): string {
  return [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'`,
    // Only the page an email's answer link opens runs a script: its own, which posts the answer to this origin.
    ...(options.script ? [`script-src 'nonce-${nonce}'`, "connect-src 'self'"] : []),
    'img-src https: data:',
    ["form-action 'self'", ...formTargets].join(' '),
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The origin of an http(s) URL in a form a CSP source list accepts, or undefined. */
export function cspOrigin(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    return SAFE_ORIGIN.test(parsed.origin) ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

/** Headers every answer of the rating page carries: nothing cached, indexed, sniffed or leaked in a Referer. */
export function setPageHeaders(reply: FastifyReply): void {
  reply.header('cache-control', 'no-store');
  reply.header('referrer-policy', 'no-referrer');
  reply.header('x-robots-tag', 'noindex, nofollow');
  reply.header('x-content-type-options', 'nosniff');
  reply.header('cross-origin-opener-policy', 'same-origin');
  // An answer that did not set its own policy (a redirect, an error) still gets the strictest one.
  if (!reply.hasHeader('content-security-policy')) {
    reply.header('content-security-policy', "default-src 'none'; base-uri 'none'; frame-ancestors 'none'");
  }
}

/** The path the CSRF cookie of a rating page is scoped to. */
export function pagePath(code: string): string {
  return `/r/${code}`;
}

/**
 * The CSRF token of this rater on this page: the one in the cookie when it is well formed, so that a page opened in
 * two tabs keeps working; else a new one, set as the cookie.
 */
export function csrfToken(request: FastifyRequest, reply: FastifyReply, code: string): string {
  const existing = request.cookies[CSRF_COOKIE];
  if (existing && TOKEN.test(existing)) return existing;
  const token = randomText(32, 'base64url');
  reply.setCookie(CSRF_COOKIE, token, {
    path: pagePath(code),
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
  });
  return token;
}

/** True when the form carries the same token as the cookie (double-submit). */
export function csrfMatches(request: FastifyRequest, fromForm: unknown): boolean {
  const cookie = request.cookies[CSRF_COOKIE];
  if (typeof fromForm !== 'string' || !cookie || !TOKEN.test(cookie) || !TOKEN.test(fromForm)) return false;
  return timingSafeEqual(Buffer.from(cookie), Buffer.from(fromForm));
}
