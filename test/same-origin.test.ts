import assert from 'node:assert/strict';
import { it } from 'node:test';
import { assertError, describeEachDialect, type TestContext } from './helpers/app.js';
import { PASSWORD, setCookieOf, signIn, tenantWithPassword, withCookie, type Browser } from './helpers/sessions.js';

/** The host a browser reached the server at, in these tests (the configured PUBLIC_URL is https://plaudit.test). */
const HOST = 'plaudit.internal:3000';

async function conversationCount(ctx: TestContext, orgId: number): Promise<number> {
  const rows = await ctx.database.db.selectFrom('conversations').select('id').where('org_id', '=', orgId).execute();
  return rows.length;
}

async function sessionCount(ctx: TestContext, userId: string): Promise<number> {
  const rows = await ctx.database.db
    .selectFrom('sessions')
    .select('token_hash')
    .where('user_id', '=', userId)
    .execute();
  return rows.length;
}

/** A change the dashboard makes with its session: creating a conversation. */
function createConversation(ctx: TestContext, browser: Browser, headers: Record<string, string>) {
  return ctx.request('POST', '/v1/conversations', {
    headers: withCookie(browser, { host: HOST, 'x-csrf-token': browser.csrf, ...headers }),
    body: { channel: 'email' },
  });
}

describeEachDialect('Cookie-authenticated changes from another site', (ctx) => {
  it('refuses a session change whose Origin is another site with 403 cross_origin_request, and writes nothing', async () => {
    const tenant = await tenantWithPassword(ctx);
    const browser = await signIn(ctx, tenant.email);
    for (const origin of [
      'https://evil.example',
      'null',
      // The right host on the wrong scheme or port is another origin too.
      `https://${HOST}`,
      'http://plaudit.internal:3001',
      'http://plaudit.test',
    ]) {
      const response = await createConversation(ctx, browser, { origin });
      assertError(response, 403, 'cross_origin_request', /another site/);
    }
    const crossSite = await createConversation(ctx, browser, { 'sec-fetch-site': 'cross-site' });
    assertError(crossSite, 403, 'cross_origin_request');
    assert.equal(await conversationCount(ctx, tenant.orgId), 0);
  });

  it("takes a change from PUBLIC_URL's origin or the request's own, and one that names neither as before", async () => {
    const tenant = await tenantWithPassword(ctx);
    const browser = await signIn(ctx, tenant.email);
    const accepted: Array<Record<string, string>> = [
      { origin: 'https://plaudit.test' },
      { origin: `http://${HOST}` },
      { origin: `http://${HOST.toUpperCase()}` },
      { origin: `http://${HOST}`, 'sec-fetch-site': 'same-origin' },
      { 'sec-fetch-site': 'same-origin' },
      {},
    ];
    for (const headers of accepted) {
      const response = await createConversation(ctx, browser, headers);
      assert.equal(response.status, 201, `${JSON.stringify(headers)}: ${JSON.stringify(response.body)}`);
    }
    assert.equal(await conversationCount(ctx, tenant.orgId), 6);
    // Without either header, the CSRF token is still needed.
    const withoutToken = await ctx.request('POST', '/v1/conversations', {
      headers: withCookie(browser, { host: HOST }),
      body: {},
    });
    assertError(withoutToken, 403, 'csrf_token_invalid');
    assert.equal(await conversationCount(ctx, tenant.orgId), 6);
  });

  it('lets another site read nothing it could not before, and leaves API keys alone', async () => {
    const tenant = await tenantWithPassword(ctx);
    const browser = await signIn(ctx, tenant.email);
    // Reads are not changes (and CORS keeps their answers from the other site).
    const read = await ctx.request('GET', '/v1/me', {
      headers: withCookie(browser, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }),
    });
    assert.equal(read.status, 200);
    // A key is no ambient credential: a browser integration calling with one from its own site is served.
    const keyed = await ctx.request('POST', '/v1/conversations', {
      key: tenant.key,
      headers: { origin: 'https://integration.example', 'sec-fetch-site': 'cross-site' },
      body: {},
    });
    assert.equal(keyed.status, 201);
  });

  it('refuses a cross-site sign-out: the session lives on', async () => {
    const tenant = await tenantWithPassword(ctx);
    const browser = await signIn(ctx, tenant.email);
    const response = await ctx.request('POST', '/auth/sign-out', {
      headers: withCookie(browser, { 'x-csrf-token': browser.csrf, origin: 'https://evil.example' }),
    });
    assertError(response, 403, 'cross_origin_request');
    assert.equal(setCookieOf(response), undefined);
    const session = await ctx.request('GET', '/auth/session', { headers: withCookie(browser) });
    assert.equal(session.status, 200);
    assert.equal(await sessionCount(ctx, tenant.userId), 1);
  });

  it('refuses a cross-site sign-in, so that no site signs a browser in to an account of its choosing', async () => {
    const tenant = await tenantWithPassword(ctx);
    const crossSite: Array<Record<string, string>> = [
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of crossSite) {
      const response = await ctx.request('POST', '/auth/sign-in', {
        headers: { host: HOST, ...headers },
        body: { email: tenant.email, password: PASSWORD },
      });
      assertError(response, 403, 'cross_origin_request');
      assert.equal(setCookieOf(response), undefined);
    }
    assert.equal(await sessionCount(ctx, tenant.userId), 0);
    const own = await ctx.request('POST', '/auth/sign-in', {
      headers: { host: HOST, origin: `http://${HOST}`, 'sec-fetch-site': 'same-origin' },
      body: { email: tenant.email, password: PASSWORD },
    });
    assert.equal(own.status, 200);
    assert.equal(await sessionCount(ctx, tenant.userId), 1);
  });

  it("changes nothing of another organization's from another site either", async () => {
    const tenant = await tenantWithPassword(ctx, 'Victim');
    const other = await tenantWithPassword(ctx, 'Other');
    const browser = await signIn(ctx, other.email);
    const response = await createConversation(ctx, browser, { origin: 'https://evil.example' });
    assertError(response, 403, 'cross_origin_request');
    assert.equal(await conversationCount(ctx, tenant.orgId), 0);
    assert.equal(await conversationCount(ctx, other.orgId), 0);
  });
});

// Behind a proxy, the request's own origin is the one the proxy forwards.
describeEachDialect(
  'Cookie-authenticated changes behind a proxy',
  (ctx) => {
    it('compares the Origin with the forwarded scheme and host', async () => {
      const tenant = await tenantWithPassword(ctx);
      const browser = await signIn(ctx, tenant.email);
      const forwarded = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'feedback.example.com' };
      const own = await createConversation(ctx, browser, { ...forwarded, origin: 'https://feedback.example.com' });
      assert.equal(own.status, 201, JSON.stringify(own.body));
      const plain = await createConversation(ctx, browser, { ...forwarded, origin: 'http://feedback.example.com' });
      assertError(plain, 403, 'cross_origin_request');
      assert.equal(await conversationCount(ctx, tenant.orgId), 1);
    });
  },
  { config: { trustProxy: true } },
);
