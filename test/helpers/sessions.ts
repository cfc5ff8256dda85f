import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { ApiResponse, TestContext, Tenant } from './app.js';

export const PASSWORD = 'correct horse battery staple';

/** What a signed-in browser holds: the cookie it sends back, and the CSRF token the dashboard keeps in memory. */
export interface Browser {
  /** `plaudit_session=<token>`, as a Cookie header. */
  cookie: string;
  token: string;
  csrf: string;
}

/** The first Set-Cookie of an answer. */
export function setCookieOf(response: ApiResponse | LightMyRequestResponse): string | undefined {
  const header = response.headers['set-cookie'];
  return Array.isArray(header) ? header[0] : header;
}

export function uniqueEmail(label: string): string {
  return `${label}-${randomBytes(5).toString('hex')}@test.invalid`;
}

/** A tenant whose admin has a password, as `plaudit org create --password` makes one. */
export async function tenantWithPassword(
  ctx: TestContext,
  name = 'Signed-in Org',
): Promise<Tenant & { email: string }> {
  const email = uniqueEmail('admin');
  const created = await ctx.app.services.accounts.createOrganization({ name, adminEmail: email, password: PASSWORD });
  return { orgId: created.organization.id, userId: created.user.id, key: created.apiKey.api_key, email };
}

/** Signs in through `POST /auth/sign-in`, as the dashboard does. */
export async function signIn(ctx: TestContext, email: string, password = PASSWORD): Promise<Browser> {
  const response = await ctx.request('POST', '/auth/sign-in', { body: { email, password } });
  assert.equal(response.status, 200, JSON.stringify(response.body));
  const token = /^plaudit_session=([^;]+);/.exec(setCookieOf(response) ?? '')?.[1];
  assert.ok(token, 'the answer sets the session cookie');
  return { cookie: `plaudit_session=${token}`, token, csrf: response.body.data.csrf_token };
}

/** Request headers carrying the browser's cookie (and whatever else is given). */
export function withCookie(browser: Browser, extra: Record<string, string> = {}): Record<string, string> {
  return { cookie: browser.cookie, ...extra };
}
