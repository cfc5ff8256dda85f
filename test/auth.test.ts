import assert from 'node:assert/strict';
import { it } from 'node:test';
import { assertError, describeEachDialect } from './helpers/app.js';

describeEachDialect('API keys on every API route', (ctx) => {
  it('accepts "Authorization: Bearer <key>" and the bare "Authorization: <key>"', async () => {
    const tenant = await ctx.newTenant();
    const bearer = await ctx.request('GET', '/v1/me', { key: tenant.key });
    assert.equal(bearer.status, 200);
    assert.equal(bearer.body.data.organization.id, tenant.orgId);
    const bare = await ctx.request('GET', '/v1/me', { key: tenant.key, bare: true });
    assert.equal(bare.status, 200);
    assert.equal(bare.body.data.user.id, tenant.userId);
    const lowercase = await ctx.request('GET', '/v1/me', { headers: { authorization: `bearer ${tenant.key}` } });
    assert.equal(lowercase.status, 200);
  });

  it('answers 401 with a code for a missing, unknown or revoked key', async () => {
    const missing = await ctx.request('GET', '/v1/conversations');
    assertError(missing, 401, 'missing_api_key');
    assert.equal(missing.headers['www-authenticate'], 'Bearer');

    const unknown = await ctx.request('GET', '/v1/conversations', { key: 'plaudit_not-a-real-key' });
    assertError(unknown, 401, 'invalid_api_key');

    const tenant = await ctx.newTenant();
    const extra = await ctx.newKey(tenant, ['read_all']);
    assert.equal((await ctx.request('GET', '/v1/conversations', { key: extra.key })).status, 200);
    const revoked = await ctx.request('DELETE', `/v1/api-keys/${extra.id}`, { key: tenant.key });
    assert.equal(revoked.status, 200);
    assert.ok(revoked.body.data.revoked_at);
    assertError(await ctx.request('GET', '/v1/conversations', { key: extra.key }), 401, 'invalid_api_key', /revoked/);
  });

  it('checks the key before reading the body', async () => {
    const response = await ctx.request('POST', '/v1/conversations', {
      payload: '{not json',
      headers: { 'content-type': 'application/json' },
    });
    assertError(response, 401, 'missing_api_key');
  });

  it('lets read_all read and refuses it every write with the scope named', async () => {
    const tenant = await ctx.newTenant();
    const reader = await ctx.newKey(tenant, ['read_all']);
    assert.equal((await ctx.request('GET', '/v1/conversations', { key: reader.key })).status, 200);
    const write = await ctx.request('POST', '/v1/conversations', { key: reader.key, body: {} });
    assertError(write, 403, 'insufficient_scope');
    assert.equal(write.body.error.message, 'Insufficient token scope. Required: write_all');
    const count = await ctx.request('GET', '/v1/conversations', { key: tenant.key });
    assert.equal(count.body.data.length, 0, 'the refused write created nothing');
  });

  it('lets write_all read as well as write', async () => {
    const tenant = await ctx.newTenant();
    const writer = await ctx.newKey(tenant, ['write_all']);
    const created = await ctx.request('POST', '/v1/conversations', { key: writer.key, body: { channel: 'email' } });
    assert.equal(created.status, 201);
    const read = await ctx.request('GET', `/v1/conversations/${created.body.data.id}`, { key: writer.key });
    assert.equal(read.status, 200);
  });

  it('records when a key was last used', async () => {
    const tenant = await ctx.newTenant();
    const before = await ctx.request('GET', '/v1/api-keys', { key: tenant.key });
    const after = await ctx.request('GET', '/v1/api-keys', { key: tenant.key });
    assert.equal(before.status, 200);
    const [key] = after.body.data;
    assert.ok(key.last_used_at, 'last_used_at is set once the key is used');
    assert.ok(Date.now() - Date.parse(key.last_used_at) < 60_000);
  });
});

describeEachDialect('API key management', (ctx) => {
  it('lists keys without their secret and issues a new one, shown once', async () => {
    const tenant = await ctx.newTenant();
    const created = await ctx.request('POST', '/v1/api-keys', {
      key: tenant.key,
      body: { scopes: ['read_all'], name: 'reporting' },
    });
    assert.equal(created.status, 201);
    assert.match(created.body.data.api_key, /^plaudit_[A-Za-z0-9_-]{43}$/);
    assert.deepEqual(created.body.data.scopes, ['read_all']);
    assert.ok(created.body.data.api_key.startsWith(created.body.data.prefix));

    const listed = await ctx.request('GET', '/v1/api-keys', { key: tenant.key });
    assert.equal(listed.body.data.length, 2);
    assert.ok(listed.body.data.every((key: Record<string, unknown>) => !('api_key' in key)));
    assert.ok(!JSON.stringify(listed.body).includes(created.body.data.api_key));

    const works = await ctx.request('GET', '/v1/me', { key: created.body.data.api_key });
    assert.deepEqual(works.body.data.api_key.scopes, ['read_all']);
  });

  it('rejects bad key requests with a clear 400', async () => {
    const tenant = await ctx.newTenant();
    assertError(
      await ctx.request('POST', '/v1/api-keys', { key: tenant.key, body: { scopes: [] } }),
      400,
      'validation_failed',
      /scopes/,
    );
    assertError(
      await ctx.request('POST', '/v1/api-keys', { key: tenant.key, body: { scopes: ['admin_all'] } }),
      400,
      'validation_failed',
      /scopes\[0\]/,
    );
    assertError(await ctx.request('DELETE', '/v1/api-keys/abc', { key: tenant.key }), 400, 'validation_failed');
  });

  it('keeps agents out of key management', async () => {
    const tenant = await ctx.newTenant();
    const agent = await ctx.app.services.accounts.createUser({
      orgId: tenant.orgId,
      email: `agent-${Date.now()}-${Math.random()}@test.invalid`,
    });
    const response = await ctx.request('GET', '/v1/api-keys', { key: agent.apiKey.api_key });
    assertError(
      response,
      403,
      'forbidden_role',
      /^Only an admin may list the organization's API keys; this key belongs to an agent\.$/,
    );
    assertError(
      await ctx.request('POST', '/v1/api-keys', { key: agent.apiKey.api_key, body: { scopes: ['read_all'] } }),
      403,
      'forbidden_role',
    );
  });

  it("never shows, issues for or revokes another organization's keys", async () => {
    const mine = await ctx.newTenant();
    const theirs = await ctx.newTenant();
    const theirKey = await ctx.newKey(theirs, ['read_all']);

    const listed = await ctx.request('GET', '/v1/api-keys', { key: mine.key });
    assert.ok(listed.body.data.every((key: { id: number }) => key.id !== theirKey.id));

    assertError(
      await ctx.request('DELETE', `/v1/api-keys/${theirKey.id}`, { key: mine.key }),
      404,
      'api_key_not_found',
    );
    assert.equal((await ctx.request('GET', '/v1/me', { key: theirKey.key })).status, 200, 'their key still works');

    const foreignUser = await ctx.request('POST', '/v1/api-keys', {
      key: mine.key,
      body: { scopes: ['read_all'], user_id: theirs.userId },
    });
    assertError(foreignUser, 404, 'user_not_found');
  });
});
