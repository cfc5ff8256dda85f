import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it, describe } from 'node:test';
import { Type } from 'typebox';
import * as appModule from '../src/app.js';
import { buildApp } from '../src/app.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { assertError, describeEachDialect, testConfig } from './helpers/app.js';
import { renderOpenApi } from './helpers/openapi.js';

describeEachDialect('Operations', (ctx) => {
  it('answers /health and /ready with 200', async () => {
    const health = await ctx.request('GET', '/health');
    assert.equal(health.status, 200);
    assert.deepEqual(health.body, { status: 'ok' });
    const ready = await ctx.request('GET', '/ready');
    assert.equal(ready.status, 200);
    assert.deepEqual(ready.body, { status: 'ready' });
  });

  it('answers an unknown route with a JSON 404', async () => {
    const response = await ctx.request('GET', '/v2/nothing?x=1');
    assertError(response, 404, 'route_not_found', /GET \/v2\/nothing/);
  });

  it('gives every response a request id, keeping a sane one the caller sent', async () => {
    const generated = await ctx.request('GET', '/health');
    assert.match(String(generated.headers['x-request-id']), /^[0-9a-f-]{36}$/);
    const kept = await ctx.request('GET', '/health', { headers: { 'x-request-id': 'trace-42.abc' } });
    assert.equal(kept.headers['x-request-id'], 'trace-42.abc');
    const replaced = await ctx.request('GET', '/health', { headers: { 'x-request-id': 'bad id\nwith newline' } });
    assert.notEqual(replaced.headers['x-request-id'], 'bad id\nwith newline');
  });

  it('names a 500 by its request id without leaking internals', async () => {
    const tenant = await ctx.newTenant();
    const original = ctx.app.services.conversations.getConversation;
    ctx.app.services.conversations.getConversation = async () => {
      throw new Error('secret connection string postgres://user:pw@db');
    };
    try {
      const response = await ctx.request('GET', '/v1/conversations/1', {
        key: tenant.key,
        headers: { 'x-request-id': 'req-500' },
      });
      assertError(response, 500, 'internal_error', /req-500/);
      assert.ok(!JSON.stringify(response.body).includes('secret'));
    } finally {
      ctx.app.services.conversations.getConversation = original;
    }
  });
});

describe('Readiness without a database', () => {
  it('answers /ready with 503 when the database does not answer', async () => {
    const database = openDatabase({ dialect: 'postgres', url: 'postgres://nobody@127.0.0.1:1/none' });
    const app = await buildApp({ config: testConfig, database });
    try {
      const response = await app.inject({ method: 'GET', url: '/ready' });
      assert.equal(response.statusCode, 503);
      assert.deepEqual(response.json(), { status: 'unavailable' });
      assert.equal((await app.inject({ method: 'GET', url: '/health' })).statusCode, 200);
    } finally {
      await app.close();
      await database.close();
    }
  });
});

describe('OpenAPI document', () => {
  it('is served at /openapi.json as OpenAPI 3.1 with every API route, and browsable at /docs', async () => {
    const database = openDatabase({ dialect: 'sqlite', path: ':memory:' });
    await migrateToLatest(database.db);
    const app = await buildApp({ config: testConfig, database });
    try {
      const document = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
      assert.equal(document.openapi, '3.1.0');
      for (const path of [
        '/v1/conversations',
        '/v1/conversations/import',
        '/v1/conversations/{id}',
        '/v1/conversations/{id}/messages',
        '/v1/conversations/{id}/anonymize',
        '/v1/api-keys',
        '/v1/me',
        '/health',
        '/ready',
      ]) {
        assert.ok(document.paths[path], `${path} is documented`);
      }
      for (const [path, operations] of Object.entries<Record<string, { responses?: object }>>(document.paths)) {
        for (const [method, operation] of Object.entries(operations)) {
          assert.ok(
            operation.responses && Object.keys(operation.responses).length > 0,
            `${method} ${path} declares responses`,
          );
        }
      }
      assert.ok(document.components.schemas.ErrorBody, 'the error body is a named component');
      const docs = await app.inject({ method: 'GET', url: '/docs/' });
      assert.equal(docs.statusCode, 200);
      assert.match(docs.body, /<html/i);
    } finally {
      await app.close();
      await database.close();
    }
  });

  it('is committed up to date in docs/openapi.json (npm run openapi rewrites it)', async () => {
    const committed = readFileSync(new URL('../docs/openapi.json', import.meta.url), 'utf8');
    assert.equal(committed, await renderOpenApi(appModule), 'docs/openapi.json is stale: run npm run openapi');
  });
});

describe('Response schema check in tests', () => {
  it('flags a response that does not match its declared schema', async () => {
    const database = openDatabase({ dialect: 'sqlite', path: ':memory:' });
    const app = await buildApp({ config: testConfig, database, validateResponses: true });
    app.get('/mismatch', { schema: { response: { 200: Type.Object({ count: Type.Integer() }) } } }, async () => ({
      count: 'many',
    }));
    app.get('/undeclared', { schema: { response: { 200: Type.Object({}) } } }, async (_request, reply) =>
      reply.status(202 as never).send({ ok: true } as never),
    );
    try {
      await app.inject({ method: 'GET', url: '/mismatch' });
      await app.inject({ method: 'GET', url: '/undeclared' });
      const flagged = app.schemaMismatches.join('\n');
      assert.match(flagged, /GET \/mismatch -> 200: .*count/);
      assert.match(flagged, /GET \/undeclared -> 202: no response schema/);
    } finally {
      await app.close();
      await database.close();
    }
  });
});

describeEachDialect('Bodies', (ctx) => {
  it('reads an empty JSON body as no body, as many clients send on POSTs that take none', async () => {
    const tenant = await ctx.newTenant();
    const json = { 'content-type': 'application/json' };
    const conversation = (await ctx.request('POST', '/v1/conversations', { key: tenant.key, body: {} })).body.data;
    const invite = await ctx.request('POST', `/v1/conversations/${conversation.id}/rating-invites`, {
      key: tenant.key,
      payload: '',
      headers: json,
    });
    assert.equal(invite.status, 201);
    // A route that needs a body still says so.
    const empty = await ctx.request('POST', '/v1/conversations', { key: tenant.key, payload: '', headers: json });
    assertError(empty, 400, 'validation_failed', /body must be an object/);
    // And JSON that is not JSON is still refused, prototype tricks included.
    assertError(
      await ctx.request('POST', '/v1/conversations', { key: tenant.key, payload: '{', headers: json }),
      400,
      'invalid_json',
    );
    const poisoned = await ctx.request('POST', '/v1/conversations', {
      key: tenant.key,
      payload: '{"__proto__": {"admin": true}}',
      headers: json,
    });
    assert.equal(poisoned.status, 400);
  });
});
