import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { it } from 'node:test';
import { assertError, describeEachDialect, type TestContext } from './helpers/app.js';
import {
  PASSWORD,
  setCookieOf,
  signIn,
  tenantWithPassword,
  uniqueEmail,
  withCookie,
  type Browser,
} from './helpers/sessions.js';

const HOUR = 3_600_000;

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

async function sessionRow(ctx: TestContext, token: string) {
  return ctx.database.db
    .selectFrom('sessions')
    .selectAll()
    .where('token_hash', '=', tokenHash(token))
    .executeTakeFirst();
}

describeEachDialect('Dashboard sessions', (ctx) => {
  it('signs in with email and password: the user, the organization and a CSRF token; an HttpOnly Lax cookie', async () => {
    const tenant = await tenantWithPassword(ctx, 'Acme Support');
    const response = await ctx.request('POST', '/auth/sign-in', {
      body: { email: `  ${tenant.email.toUpperCase()} `, password: PASSWORD },
    });
    assert.equal(response.status, 200);
    assert.deepEqual(response.body.data.user, { id: tenant.userId, email: tenant.email, name: null, role: 'admin' });
    assert.deepEqual(response.body.data.organization, { id: tenant.orgId, name: 'Acme Support', timezone: 'UTC' });
    assert.match(response.body.data.csrf_token, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(response.headers['cache-control'], 'no-store');

    const cookie = setCookieOf(response)!;
    assert.match(
      cookie,
      /^plaudit_session=[A-Za-z0-9_-]{43}; Max-Age=60(4800|479\d); Path=\/; HttpOnly; SameSite=Lax$/,
    );
    assert.doesNotMatch(cookie, /Secure/, 'no Secure flag over plain HTTP');

    // Only the token's SHA-256 is stored.
    const token = /^plaudit_session=([^;]+)/.exec(cookie)![1]!;
    const row = await sessionRow(ctx, token);
    assert.ok(row);
    assert.equal(row.user_id, tenant.userId);
    assert.equal(Number(row.org_id), tenant.orgId);
    const everything = JSON.stringify(await ctx.database.db.selectFrom('sessions').selectAll().execute());
    assert.ok(!everything.includes(token), 'the token itself is stored nowhere');
    assert.ok(Date.parse(row.expires_at) - Date.now() > 7 * 24 * HOUR - 60_000);
  });

  it('answers a wrong password, an unknown email and a user without a password with the same 401', async () => {
    const tenant = await tenantWithPassword(ctx);
    const noPassword = await ctx.app.services.accounts.createUser({ orgId: tenant.orgId, email: uniqueEmail('agent') });
    const attempts = [
      { email: tenant.email, password: 'wrong password' },
      { email: uniqueEmail('nobody'), password: PASSWORD },
      { email: noPassword.user.email, password: PASSWORD },
      { email: 'not an email', password: PASSWORD },
    ];
    const messages = new Set<string>();
    for (const body of attempts) {
      const response = await ctx.request('POST', '/auth/sign-in', { body });
      assertError(response, 401, 'invalid_credentials');
      assert.equal(setCookieOf(response), undefined, 'no cookie');
      messages.add(response.body.error.message);
    }
    assert.deepEqual([...messages], ['The email or password is wrong.']);
  });

  it('takes JSON only, so that a cross-site form cannot sign a browser in', async () => {
    const tenant = await tenantWithPassword(ctx);
    const form = await ctx.request('POST', '/auth/sign-in', {
      payload: `email=${encodeURIComponent(tenant.email)}&password=${encodeURIComponent(PASSWORD)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assertError(form, 415, 'unsupported_media_type');
    const text = await ctx.request('POST', '/auth/sign-in', {
      payload: JSON.stringify({ email: tenant.email, password: PASSWORD }),
      headers: { 'content-type': 'text/plain' },
    });
    assertError(text, 415, 'unsupported_media_type');
    const extra = await ctx.request('POST', '/auth/sign-in', {
      body: { email: tenant.email, password: PASSWORD, remember: true },
    });
    assertError(extra, 400, 'validation_failed');
  });

  it('answers GET /auth/session with the same data while signed in, and 401 not_signed_in otherwise', async () => {
    const tenant = await tenantWithPassword(ctx);
    const signedIn = await ctx.request('POST', '/auth/sign-in', { body: { email: tenant.email, password: PASSWORD } });
    const cookie = setCookieOf(signedIn)!.split(';')[0]!;
    const session = await ctx.request('GET', '/auth/session', { headers: { cookie } });
    assert.equal(session.status, 200);
    assert.deepEqual(session.body, signedIn.body);

    assertError(await ctx.request('GET', '/auth/session'), 401, 'not_signed_in');
    assertError(
      await ctx.request('GET', '/auth/session', { headers: { cookie: 'plaudit_session=nonsense' } }),
      401,
      'not_signed_in',
    );
    const forged = `plaudit_session=${randomBytes(32).toString('base64url')}`;
    assertError(await ctx.request('GET', '/auth/session', { headers: { cookie: forged } }), 401, 'not_signed_in');
  });

  it('authenticates the native API with the cookie: /v1/me and the lists see the organization', async () => {
    const tenant = await tenantWithPassword(ctx);
    const created = await ctx.request('POST', '/v1/conversations', {
      key: tenant.key,
      body: { channel: 'email', contact_name: 'Ada' },
    });
    const browser = await signIn(ctx, tenant.email);

    const me = await ctx.request('GET', '/v1/me', { headers: withCookie(browser) });
    assert.equal(me.status, 200);
    assert.equal(me.body.data.user.id, tenant.userId);
    assert.equal(me.body.data.organization.id, tenant.orgId);
    assert.equal(me.body.data.api_key, null, 'no key behind a session');

    const list = await ctx.request('GET', '/v1/conversations', { headers: withCookie(browser) });
    assert.equal(list.status, 200);
    assert.deepEqual(
      list.body.data.map((conversation: { id: number }) => conversation.id),
      [created.body.data.id],
    );
    const one = await ctx.request('GET', `/v1/conversations/${created.body.data.id}`, { headers: withCookie(browser) });
    assert.equal(one.body.data.contact_name, 'Ada');
    // Among other cookies of the same site.
    const among = await ctx.request('GET', '/v1/me', { headers: { cookie: `theme=dark; ${browser.cookie}; lang=de` } });
    assert.equal(among.status, 200);
  });

  it('refuses a write without the CSRF header or with a wrong one (403, nothing changes), and takes it with', async () => {
    const tenant = await tenantWithPassword(ctx);
    const browser = await signIn(ctx, tenant.email);
    const count = async () =>
      (await ctx.request('GET', '/v1/conversations', { key: tenant.key })).body.data.length as number;

    const without = await ctx.request('POST', '/v1/conversations', { headers: withCookie(browser), body: {} });
    assertError(without, 403, 'csrf_token_invalid');
    const wrong = await ctx.request('POST', '/v1/conversations', {
      headers: withCookie(browser, { 'x-csrf-token': randomBytes(32).toString('base64url') }),
      body: {},
    });
    assertError(wrong, 403, 'csrf_token_invalid');
    const short = await ctx.request('POST', '/v1/conversations', {
      headers: withCookie(browser, { 'x-csrf-token': 'x' }),
      body: {},
    });
    assertError(short, 403, 'csrf_token_invalid');
    assert.equal(await count(), 0, 'the refused writes created nothing');

    const created = await ctx.request('POST', '/v1/conversations', {
      headers: withCookie(browser, { 'x-csrf-token': browser.csrf }),
      body: { channel: 'chat' },
    });
    assert.equal(created.status, 201);
    const patched = await ctx.request('PATCH', `/v1/conversations/${created.body.data.id}`, {
      headers: withCookie(browser, { 'x-csrf-token': browser.csrf }),
      body: { status: 'closed' },
    });
    assert.equal(patched.status, 200);
    assert.equal(await count(), 1);

    // The CSRF check runs before the body is read, like the key check.
    const early = await ctx.request('POST', '/v1/conversations', {
      headers: withCookie(browser, { 'content-type': 'application/json' }),
      payload: '{not json',
    });
    assertError(early, 403, 'csrf_token_invalid');
  });

  it('lets an API key take precedence over the cookie, and keeps 401 missing_api_key for neither', async () => {
    const tenant = await tenantWithPassword(ctx);
    const browser = await signIn(ctx, tenant.email);
    const reader = await ctx.newKey(tenant, ['read_all']);
    // With a read-only key beside the cookie, the key decides: a write is a scope error, not a CSRF one.
    const write = await ctx.request('POST', '/v1/conversations', {
      key: reader.key,
      headers: withCookie(browser, { 'x-csrf-token': browser.csrf }),
      body: {},
    });
    assertError(write, 403, 'insufficient_scope');
    const unknownKey = await ctx.request('GET', '/v1/me', { key: 'plaudit_unknown', headers: withCookie(browser) });
    assertError(unknownKey, 401, 'invalid_api_key');
    const neither = await ctx.request('GET', '/v1/me');
    assertError(neither, 401, 'missing_api_key');
    // An ended or unknown session on the API: the dashboard learns it must sign in again.
    const stale = await ctx.request('GET', '/v1/me', {
      headers: { cookie: `plaudit_session=${randomBytes(32).toString('base64url')}` },
    });
    assertError(stale, 401, 'not_signed_in');
  });

  it('is for the native API only: vendor-compatible surfaces take keys alone', async () => {
    const tenant = await tenantWithPassword(ctx);
    const browser = await signIn(ctx, tenant.email);
    const vendor = await ctx.request('GET', '/v1/api/conversation_ratings/configuration', {
      headers: withCookie(browser),
    });
    assert.equal(vendor.status, 401);
    assert.equal(vendor.body.errors.root[0].code, 'missing_api_key');
  });

  it('signs out with the CSRF header: the row is gone, the cookie cleared, the session dead everywhere', async () => {
    const tenant = await tenantWithPassword(ctx);
    const browser = await signIn(ctx, tenant.email);

    assertError(
      await ctx.request('POST', '/auth/sign-out', { headers: withCookie(browser) }),
      403,
      'csrf_token_invalid',
    );
    assert.equal((await ctx.request('GET', '/v1/me', { headers: withCookie(browser) })).status, 200, 'still in');

    const out = await ctx.request('POST', '/auth/sign-out', {
      headers: withCookie(browser, { 'x-csrf-token': browser.csrf }),
    });
    assert.equal(out.status, 204);
    assert.match(
      setCookieOf(out)!,
      /^plaudit_session=; Max-Age=0; Path=\/; Expires=Thu, 01 Jan 1970 [^;]+; HttpOnly; SameSite=Lax$/,
    );
    assert.equal(await sessionRow(ctx, browser.token), undefined, 'the row is deleted');
    assertError(await ctx.request('GET', '/auth/session', { headers: withCookie(browser) }), 401, 'not_signed_in');
    assertError(await ctx.request('GET', '/v1/me', { headers: withCookie(browser) }), 401, 'not_signed_in');
    const again = await ctx.request('POST', '/auth/sign-out', {
      headers: withCookie(browser, { 'x-csrf-token': browser.csrf }),
    });
    assertError(again, 401, 'not_signed_in');
    assert.match(setCookieOf(again)!, /^plaudit_session=; Max-Age=0/, 'the stale cookie is cleared');
  });

  it('ends a browser’s previous session when it signs in again; other browsers keep theirs', async () => {
    const tenant = await tenantWithPassword(ctx);
    const first = await signIn(ctx, tenant.email);
    const elsewhere = await signIn(ctx, tenant.email);
    const response = await ctx.request('POST', '/auth/sign-in', {
      headers: withCookie(first),
      body: { email: tenant.email, password: PASSWORD },
    });
    assert.equal(response.status, 200);
    assert.equal(await sessionRow(ctx, first.token), undefined);
    assert.ok(await sessionRow(ctx, elsewhere.token));
  });

  it('ends a session after 12 idle hours or 7 days, and refreshes last_seen_at at most once a minute', async () => {
    const tenant = await tenantWithPassword(ctx);
    const hash = (browser: Browser) => tokenHash(browser.token);
    const set = (browser: Browser, values: { last_seen_at?: string; expires_at?: string }) =>
      ctx.database.db.updateTable('sessions').set(values).where('token_hash', '=', hash(browser)).execute();
    const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

    const recent = await signIn(ctx, tenant.email);
    await set(recent, { last_seen_at: ago(30_000) });
    const seen = (await sessionRow(ctx, recent.token))!.last_seen_at;
    assert.equal((await ctx.request('GET', '/v1/me', { headers: withCookie(recent) })).status, 200);
    assert.equal((await sessionRow(ctx, recent.token))!.last_seen_at, seen, 'not written again within the minute');
    await set(recent, { last_seen_at: ago(5 * 60_000) });
    assert.equal((await ctx.request('GET', '/auth/session', { headers: withCookie(recent) })).status, 200);
    const refreshed = (await sessionRow(ctx, recent.token))!.last_seen_at;
    assert.ok(Date.now() - Date.parse(refreshed) < 60_000, 'refreshed after a few minutes');

    const idle = await signIn(ctx, tenant.email);
    await set(idle, { last_seen_at: ago(12 * HOUR + 1000) });
    assertError(await ctx.request('GET', '/v1/me', { headers: withCookie(idle) }), 401, 'not_signed_in');
    assert.equal(await sessionRow(ctx, idle.token), undefined, 'an ended session is removed');

    const old = await signIn(ctx, tenant.email);
    await set(old, { expires_at: ago(1000) });
    assertError(await ctx.request('GET', '/auth/session', { headers: withCookie(old) }), 401, 'not_signed_in');
    assertError(
      await ctx.request('POST', '/v1/conversations', {
        headers: withCookie(old, { 'x-csrf-token': old.csrf }),
        body: {},
      }),
      401,
      'not_signed_in',
    );
  });

  it("shows, counts and changes nothing of another organization's", async () => {
    const mine = await tenantWithPassword(ctx, 'Mine');
    const theirs = await tenantWithPassword(ctx, 'Theirs');
    const theirConversation = await ctx.request('POST', '/v1/conversations', {
      key: theirs.key,
      body: { contact_name: 'Secret Person', external_id: 'theirs-1' },
    });
    const id = theirConversation.body.data.id;
    const browser = await signIn(ctx, mine.email);
    const headers = withCookie(browser, { 'x-csrf-token': browser.csrf });

    assert.deepEqual((await ctx.request('GET', '/v1/conversations', { headers })).body.data, []);
    assert.deepEqual((await ctx.request('GET', '/v1/inbox', { headers })).body.data, []);
    const search = await ctx.request('GET', '/v1/inbox?q=secret', { headers });
    assert.deepEqual(search.body.data, []);
    assertError(await ctx.request('GET', `/v1/conversations/${id}`, { headers }), 404, 'conversation_not_found');
    assertError(
      await ctx.request('PATCH', `/v1/conversations/${id}`, { headers, body: { status: 'closed' } }),
      404,
      'conversation_not_found',
    );
    const still = await ctx.request('GET', `/v1/conversations/${id}`, { key: theirs.key });
    assert.equal(still.body.data.status, 'open');
  });
});

// The rate limit and the proxy need an app of their own: the shared one allows far more sign-ins than a person makes.
describeEachDialect(
  'Dashboard sign-in behind a proxy, with a low rate limit',
  (ctx) => {
    const signInFrom = (address: string, body: object, extra: Record<string, string> = {}) =>
      ctx.app.inject({
        method: 'POST',
        url: '/auth/sign-in',
        headers: { 'x-forwarded-for': address, 'content-type': 'application/json', ...extra },
        payload: JSON.stringify(body),
      });

    it('marks the cookie Secure when the request came over HTTPS', async () => {
      const email = uniqueEmail('proxied');
      await ctx.app.services.accounts.createOrganization({ name: 'Proxied', adminEmail: email, password: PASSWORD });
      const secure = await signInFrom('192.0.2.1', { email, password: PASSWORD }, { 'x-forwarded-proto': 'https' });
      assert.equal(secure.statusCode, 200);
      assert.match(setCookieOf(secure)!, /; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
      const plain = await signInFrom('192.0.2.2', { email, password: PASSWORD });
      assert.equal(plain.statusCode, 200);
      assert.doesNotMatch(setCookieOf(plain)!, /Secure/);
    });

    it('answers 429 rate_limited once an address made too many attempts; other addresses are counted apart', async () => {
      const email = uniqueEmail('limited');
      await ctx.app.services.accounts.createOrganization({ name: 'Limited', adminEmail: email, password: PASSWORD });
      for (let i = 0; i < 3; i += 1) {
        const wrong = await signInFrom('203.0.113.9', { email, password: `guess ${i}` });
        assert.equal(wrong.statusCode, 401);
      }
      const limited = await signInFrom('203.0.113.9', { email, password: PASSWORD });
      assert.equal(limited.statusCode, 429);
      const body = limited.json();
      assert.equal(body.error.code, 'rate_limited');
      assert.match(body.error.message, /Too many sign-in attempts/);
      assert.ok(Number(limited.headers['retry-after']) > 0);
      assert.equal(limited.headers['set-cookie'], undefined);

      const other = await signInFrom('198.51.100.7', { email, password: PASSWORD });
      assert.equal(other.statusCode, 200, 'another address signs in');
      // The limit guards sign-in only: the session of that other address works on.
      const cookie = setCookieOf(other)!.split(';')[0]!;
      const session = await ctx.app.inject({
        url: '/auth/session',
        headers: { cookie, 'x-forwarded-for': '203.0.113.9' },
      });
      assert.equal(session.statusCode, 200);
    });
  },
  { config: { signInRateLimit: 3, trustProxy: true } },
);
