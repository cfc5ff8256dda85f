import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { describeEachDialect, type ApiResponse, type Tenant } from './helpers/app.js';

interface Operation {
  method: string;
  path: string;
}

/** Every operation of the OpenAPI document that needs a key: new routes are covered without touching this file. */
/** The message of an error in any surface's shape: native, Quickchat, Healvi/Dixa, Exante. */
function errorMessage(response: ApiResponse): string | undefined {
  const body = response.body ?? {};
  return body.error?.message ?? body.errors?.root?.[0]?.message ?? body.message;
}

/** The code of an error, where the surface's shape carries one (native and Quickchat). */
function errorCode(response: ApiResponse): string | undefined {
  return response.body?.error?.code ?? response.body?.errors?.root?.[0]?.code;
}

function securedOperations(document: { paths: Record<string, Record<string, { security?: unknown[] }>> }): Operation[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([, operation]) => !(Array.isArray(operation.security) && operation.security.length === 0))
      .map(([method]) => ({ method: method.toUpperCase(), path })),
  );
}

describeEachDialect('Every API route guards its keys and scopes', (ctx) => {
  let tenant: Tenant;
  let operations: Operation[];
  let conversationId: number;

  before(async () => {
    tenant = await ctx.newTenant();
    operations = securedOperations(ctx.app.swagger() as never);
    conversationId = (await ctx.request('POST', '/v1/conversations', { key: tenant.key, body: { channel: 'email' } }))
      .body.data.id;
  });

  const urlOf = (operation: Operation) => operation.path.replace(/\{[^}]+\}/g, String(conversationId));

  it('covers the API', () => {
    assert.ok(operations.length >= 10, `found ${operations.length} secured operations`);
    assert.ok(operations.some((operation) => operation.path === '/v1/conversations/{id}/messages'));
  });

  it('answers 401 without a key, with an unknown key and with a revoked key', async () => {
    const revoked = await ctx.newKey(tenant, ['read_all', 'write_all']);
    await ctx.app.services.accounts.revokeApiKey(String(revoked.id));
    for (const operation of operations) {
      const url = urlOf(operation);
      const where = `${operation.method} ${operation.path}`;
      const missing = await ctx.request(operation.method, url, { body: operation.method === 'GET' ? undefined : {} });
      assert.equal(missing.status, 401, `${where} without a key`);
      assert.match(errorMessage(missing) ?? '', /API key/, `${where}: a sentence about the key`);
      assert.ok([undefined, 'missing_api_key'].includes(errorCode(missing)), where);
      const unknown = await ctx.request(operation.method, url, { key: 'plaudit_unknown', body: {} });
      assert.equal(unknown.status, 401, `${where} with an unknown key`);
      const gone = await ctx.request(operation.method, url, { key: revoked.key, bare: true, body: {} });
      assert.equal(gone.status, 401, `${where} with a revoked key`);
      assert.match(errorMessage(gone) ?? '', /revoked/, where);
      assert.ok([undefined, 'invalid_api_key'].includes(errorCode(gone)), where);
    }
  });

  it('refuses every write to a read_all key with 403 naming write_all, and changes nothing', async () => {
    const reader = await ctx.newKey(tenant, ['read_all']);
    const keyStates = async () =>
      (await ctx.request('GET', '/v1/api-keys', { key: tenant.key })).body.data.map(
        (key: { id: number; revoked_at: string | null }) => [key.id, key.revoked_at],
      );
    const keysBefore = await keyStates();
    const before = await ctx.request('GET', `/v1/conversations/${conversationId}`, { key: tenant.key });
    const writes = operations.filter((operation) => operation.method !== 'GET');
    assert.ok(writes.length >= 6);
    for (const operation of writes) {
      const response = await ctx.request(operation.method, urlOf(operation), {
        key: reader.key,
        body: {
          status: 'closed',
          role: 'user',
          text: 'x',
          scopes: ['write_all'],
          conversations: [{ external_id: 'x' }],
        },
      });
      assert.equal(response.status, 403, `${operation.method} ${operation.path}`);
      assert.ok([undefined, 'insufficient_scope'].includes(errorCode(response)));
      assert.equal(errorMessage(response), 'Insufficient token scope. Required: write_all');
    }
    const after = await ctx.request('GET', `/v1/conversations/${conversationId}`, { key: tenant.key });
    assert.deepEqual(after.body, before.body);
    assert.deepEqual(await keyStates(), keysBefore, 'no key was made or revoked');
    assert.equal((await ctx.request('GET', '/v1/conversations', { key: tenant.key })).body.data.length, 1);
  });
});
