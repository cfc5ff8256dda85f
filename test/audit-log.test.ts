import assert from 'node:assert/strict';
import { it } from 'node:test';
import { assertError, describeEachDialect } from './helpers/app.js';
import { signIn, tenantWithPassword, withCookie } from './helpers/sessions.js';

/** The UTC day `days` from today, as the audit log's `from`/`to` take it (the test organizations count in UTC). */
function utcDay(days = 0): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describeEachDialect('Audit log', (ctx) => {
  it('records who changed settings, keys and webhooks, with before and after, newest first', async () => {
    const tenant = await tenantWithPassword(ctx, 'Audited');
    const keyPrefix = tenant.key.slice(0, 16);
    // A second admin, and an agent, who may not read the log.
    const ada = await ctx.app.services.accounts.createUser({
      orgId: tenant.orgId,
      email: `ada-${tenant.orgId}@test.invalid`,
      name: 'Ada Admin',
      role: 'admin',
    });
    const agent = await ctx.app.services.accounts.createUser({
      orgId: tenant.orgId,
      email: `agent-${tenant.orgId}@test.invalid`,
    });
    const as = { key: tenant.key };

    // 1-2: a key made and revoked; revoking it again changes nothing, so it records nothing.
    const created = await ctx.request('POST', '/v1/api-keys', {
      ...as,
      body: { name: 'Backend', scopes: ['read_all'] },
    });
    assert.equal(created.status, 201);
    assert.equal((await ctx.request('DELETE', `/v1/api-keys/${created.body.data.id}`, as)).status, 200);
    assert.equal((await ctx.request('DELETE', `/v1/api-keys/${created.body.data.id}`, as)).status, 200);
    // 3: a settings change; the same change again, and a refused one, record nothing.
    const patch = { invite_expiry_hours: 24, brand_name: 'Acme' };
    assert.equal((await ctx.request('PATCH', '/v1/rating-settings', { ...as, body: patch })).status, 200);
    assert.equal((await ctx.request('PATCH', '/v1/rating-settings', { ...as, body: patch })).status, 200);
    assertError(
      await ctx.request('PATCH', '/v1/rating-settings', { ...as, body: { conv_rating_active: false } }),
      400,
      'rating_settings_mismatch',
    );
    // 4-7: a webhook's life; a refused URL records nothing.
    assertError(
      await ctx.request('POST', '/v1/webhooks', {
        ...as,
        body: { url: 'ftp://hooks.example.com/x', event_types: ['rating.submitted'] },
      }),
      400,
      'webhook_url_refused',
    );
    const hook = await ctx.request('POST', '/v1/webhooks', {
      ...as,
      body: { url: 'https://hooks.example.com/audit', event_types: ['rating.submitted'] },
    });
    assert.equal(hook.status, 201);
    const hookId = hook.body.data.id;
    await ctx.request('PATCH', `/v1/webhooks/${hookId}`, { ...as, body: { enabled: false } });
    await ctx.request('POST', `/v1/webhooks/${hookId}/rotate-secret`, as);
    assert.equal((await ctx.request('DELETE', `/v1/webhooks/${hookId}`, as)).status, 204);
    // 8: the second admin, with her own key, changes the questions.
    await ctx.request('PATCH', '/v1/rating-settings', {
      key: ada.apiKey.api_key,
      body: { conv_rating_question_codes: ['CSAT'] },
    });
    // 9: the admin, in the dashboard, changes the language.
    const browser = await signIn(ctx, tenant.email);
    const bySession = await ctx.request('PATCH', '/v1/rating-settings', {
      headers: withCookie(browser, { 'x-csrf-token': browser.csrf }),
      body: { language: 'de' },
    });
    assert.equal(bySession.status, 200);

    const log = await ctx.request('GET', '/v1/audit-log', as);
    assert.equal(log.status, 200, JSON.stringify(log.body));
    assert.deepEqual(
      log.body.data.map((entry: { action: string }) => entry.action),
      [
        'settings.updated',
        // 9's sign-in.
        'user.signed_in',
        'settings.updated',
        'webhook.deleted',
        'webhook.secret_rotated',
        'webhook.updated',
        'webhook.created',
        'settings.updated',
        'api_key.revoked',
        'api_key.created',
      ],
    );
    assert.equal(log.body.next_cursor, null);
    const [language, , questions, deleted, rotated, updated, hookCreated, settings, revoked, keyCreated] =
      log.body.data;

    assert.deepEqual(language.actor.type, 'user');
    assert.equal(language.actor.user.email, tenant.email);
    assert.equal(language.actor.api_key, null);
    assert.deepEqual(language.details, { before: { language: null }, after: { language: 'de' } });

    assert.equal(questions.actor.type, 'api_key');
    assert.deepEqual(questions.actor.user, { id: ada.user.id, name: 'Ada Admin', email: ada.user.email });
    assert.deepEqual(questions.details, {
      before: { conv_rating_question_codes: ['HELPFUL_THUMBS', 'EXPERIENCE_THUMBS'] },
      after: { conv_rating_question_codes: ['CSAT'] },
    });

    assert.deepEqual(settings.details, {
      before: { invite_expiry_hours: 48, brand_name: null },
      after: { invite_expiry_hours: 24, brand_name: 'Acme' },
    });
    assert.equal(settings.subject_type, 'rating_settings');
    assert.equal(settings.actor.api_key.prefix, keyPrefix);

    assert.deepEqual(updated.details, {
      url: 'https://hooks.example.com/audit',
      before: { enabled: true },
      after: { enabled: false },
    });
    for (const entry of [deleted, rotated, updated, hookCreated]) {
      assert.equal(entry.subject_type, 'webhook');
      assert.equal(entry.subject_id, String(hookId));
      // The webhook is gone, and still has its name in the log.
      assert.equal(entry.subject_name, 'https://hooks.example.com/audit');
    }
    assert.deepEqual(hookCreated.details.event_types, ['rating.submitted']);
    assert.equal(rotated.details.secret, undefined, 'no secret in the log');

    for (const entry of [revoked, keyCreated]) {
      assert.equal(entry.subject_id, String(created.body.data.id));
      assert.equal(entry.subject_name, 'Backend');
      assert.equal(entry.details.owner.email, tenant.email);
    }
    assert.deepEqual(keyCreated.details.scopes, ['read_all']);
    assert.equal(JSON.stringify(log.body).includes(created.body.data.api_key), false, 'no key in the log');

    // Filters: a family, an exact action, a subject type, an actor, and days.
    const actions = async (query: string) =>
      (await ctx.request('GET', `/v1/audit-log?${query}`, as)).body.data.map((e: { action: string }) => e.action);
    assert.deepEqual(await actions('action=webhook'), [
      'webhook.deleted',
      'webhook.secret_rotated',
      'webhook.updated',
      'webhook.created',
    ]);
    assert.deepEqual(await actions('action=api_key.revoked'), ['api_key.revoked']);
    assert.deepEqual(await actions('action=api'), [], 'a family is a whole first word, not a prefix');
    assert.deepEqual(await actions('subject_type=rating_settings'), [
      'settings.updated',
      'settings.updated',
      'settings.updated',
    ]);
    assert.deepEqual(await actions(`actor_user_id=${ada.user.id}`), ['settings.updated']);
    assert.equal((await actions(`actor_user_id=${tenant.userId}`)).length, 9);
    assert.equal((await actions(`from=${utcDay()}&to=${utcDay()}`)).length, 10);
    assert.deepEqual(await actions(`to=${utcDay(-1)}`), []);
    assert.deepEqual(await actions(`from=${utcDay(1)}`), []);
    assertError(
      await ctx.request('GET', `/v1/audit-log?from=${utcDay()}&to=${utcDay(-1)}`, as),
      400,
      'invalid_date_range',
    );
    assertError(await ctx.request('GET', '/v1/audit-log?action=DROP%20TABLE', as), 400, 'validation_failed');

    // Cursor: pages of 4 hold the same entries in the same order.
    const pages: number[] = [];
    let cursor: string | null = null;
    let count = 0;
    do {
      const page: { body: { data: Array<{ id: number }>; next_cursor: string | null } } = await ctx.request(
        'GET',
        `/v1/audit-log?limit=4${cursor ? `&cursor=${cursor}` : ''}`,
        as,
      );
      pages.push(page.body.data.length);
      count += 1;
      cursor = page.body.next_cursor;
      assert.ok(count < 5);
    } while (cursor);
    assert.deepEqual(pages, [4, 4, 2]);
    assertError(await ctx.request('GET', '/v1/audit-log?cursor=nope', as), 400, 'invalid_cursor');

    // The actors' filter choices: the two people who did something.
    const actors = await ctx.request('GET', '/v1/audit-log/actors', as);
    assert.deepEqual(
      actors.body.data.map((user: { email: string }) => user.email).sort(),
      [ada.user.email, tenant.email].sort(),
    );

    // Admins only.
    assertError(await ctx.request('GET', '/v1/audit-log', { key: agent.apiKey.api_key }), 403, 'forbidden_role');
    assertError(await ctx.request('GET', '/v1/audit-log/actors', { key: agent.apiKey.api_key }), 403, 'forbidden_role');
  });

  it('is append-only: nothing changes or removes an entry', async () => {
    const tenant = await ctx.newTenant();
    await ctx.request('PATCH', '/v1/rating-settings', { key: tenant.key, body: { invite_expiry_hours: 12 } });
    const before = (await ctx.request('GET', '/v1/audit-log', { key: tenant.key })).body.data;
    assert.equal(before.length, 1);
    for (const [method, url] of [
      ['DELETE', '/v1/audit-log'],
      ['PATCH', '/v1/audit-log'],
      ['POST', '/v1/audit-log'],
      ['PUT', '/v1/audit-log'],
      ['DELETE', `/v1/audit-log/${before[0].id}`],
      ['PATCH', `/v1/audit-log/${before[0].id}`],
    ] as const) {
      const response = await ctx.request(method, url, { key: tenant.key, body: {} });
      assert.ok([404, 405].includes(response.status), `${method} ${url}: ${response.status}`);
    }
    const paths = Object.entries((ctx.app.swagger() as { paths: Record<string, object> }).paths)
      .filter(([path]) => path.startsWith('/v1/audit-log'))
      .map(([path, operations]) => `${Object.keys(operations).join(',')} ${path}`);
    assert.deepEqual(paths.sort(), ['get /v1/audit-log', 'get /v1/audit-log/actors']);
    assert.deepEqual((await ctx.request('GET', '/v1/audit-log', { key: tenant.key })).body.data, before);
  });

  it('records a settings change made through a vendor-compatible surface like any other', async () => {
    const tenant = await ctx.newTenant();
    const response = await ctx.request('PATCH', '/v1/api/conversation_ratings/configuration', {
      key: tenant.key,
      body: { conv_rating_question_codes: ['NPS'] },
    });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    const [entry, ...rest] = (await ctx.request('GET', '/v1/audit-log', { key: tenant.key })).body.data;
    assert.equal(rest.length, 0);
    assert.equal(entry.action, 'settings.updated');
    assert.equal(entry.actor.user.id, tenant.userId);
    assert.deepEqual(entry.details, {
      before: { conv_rating_question_codes: ['HELPFUL_THUMBS', 'EXPERIENCE_THUMBS'] },
      after: { conv_rating_question_codes: ['NPS'] },
    });
  });

  it("shows an organization its own entries only, and a command line's change as the system's", async () => {
    const owner = await ctx.newTenant('Owner');
    const other = await ctx.newTenant('Other');
    await ctx.request('POST', '/v1/api-keys', { key: owner.key, body: { name: 'Owner key', scopes: ['read_all'] } });
    await ctx.app.services.accounts.createApiKey({ orgId: other.orgId, scopes: ['read_all'], name: 'From the CLI' });
    const mine = (await ctx.request('GET', '/v1/audit-log', { key: other.key })).body.data;
    assert.equal(mine.length, 1);
    assert.equal(mine[0].subject_name, 'From the CLI');
    assert.deepEqual(mine[0].actor, { type: 'system', user: null, api_key: null });
    const theirs = (await ctx.request('GET', `/v1/audit-log?actor_user_id=${owner.userId}`, { key: other.key })).body;
    assert.deepEqual(theirs.data, []);
  });
});
