import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { describeEachDialect, type ApiResponse, type Tenant } from './helpers/app.js';
import { signIn, tenantWithPassword, uniqueEmail, withCookie, PASSWORD, type Browser } from './helpers/sessions.js';

interface Operation {
  method: string;
  path: string;
  summary: string;
}

/** Every operation the OpenAPI document marks as admin-only: a new admin route is covered the day it is added. */
function adminOperations(document: any): Operation[] {
  return Object.entries(document.paths as Record<string, Record<string, any>>).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([, operation]) => operation['x-plaudit-role'] === 'admin')
      .map(([method, operation]) => ({ method: method.toUpperCase(), path, summary: String(operation.summary) })),
  );
}

/** The message and code of an error in any surface's shape. */
function errorOf(response: ApiResponse): { message?: string; code?: string } {
  const body = response.body ?? {};
  return {
    message: body.error?.message ?? body.errors?.root?.[0]?.message ?? body.message,
    code: body.error?.code ?? body.errors?.root?.[0]?.code,
  };
}

describeEachDialect('Roles: what an agent may and may not do', (ctx) => {
  let admin: Tenant & { email: string };
  let agentKey: string;
  let agentBrowser: Browser;
  let operations: Operation[];
  let conversationId: number;

  before(async () => {
    admin = await tenantWithPassword(ctx, 'Roles Org');
    const email = uniqueEmail('agent');
    const agent = await ctx.app.services.accounts.createUser({
      orgId: admin.orgId,
      email,
      role: 'agent',
      name: 'Aiko Agent',
      password: PASSWORD,
    });
    agentKey = agent.apiKey.api_key;
    agentBrowser = await signIn(ctx, email);
    operations = adminOperations(ctx.app.swagger());
    conversationId = (
      await ctx.request('POST', '/v1/conversations', {
        key: admin.key,
        body: { channel: 'chat', messages: [{ role: 'agent', text: 'Hello there' }] },
      })
    ).body.data.id;
  });

  const urlOf = (operation: Operation) => operation.path.replace(/\{[^}]+\}/g, '1');
  const bodyOf = (operation: Operation) => (operation.method === 'GET' ? undefined : {});

  /** What an admin sees of the organization's set-up: compared before and after the agent's attempts. */
  async function setUp() {
    const get = async (url: string) => (await ctx.request('GET', url, { key: admin.key })).body;
    return {
      settings: await get('/v1/rating-settings'),
      keys: (await get('/v1/api-keys')).data.map((key: { id: number; revoked_at: string | null }) => [
        key.id,
        key.revoked_at,
      ]),
      webhooks: await get('/v1/webhooks'),
    };
  }

  it('marks the routes that change how the organization is set up', () => {
    const names = operations.map((operation) => `${operation.method} ${operation.path}`);
    for (const expected of [
      'PATCH /v1/rating-settings',
      'GET /v1/api-keys',
      'POST /v1/api-keys',
      'DELETE /v1/api-keys/{id}',
      'POST /v1/webhooks',
      'GET /v1/webhooks',
      'GET /v1/webhooks/{id}/deliveries',
      'PATCH /third-party/v1/settings/general',
    ]) {
      assert.ok(names.includes(expected), `${expected} is admin-only`);
    }
    for (const agentsMay of [
      'GET /v1/rating-settings',
      'POST /v1/rating-settings/preview',
      'GET /v1/inbox',
      'POST /v1/conversations',
    ]) {
      assert.ok(!names.includes(agentsMay), `${agentsMay} is open to agents`);
    }
  });

  it("refuses every admin route to an agent's key with 403 forbidden_role, and changes nothing", async () => {
    const before = await setUp();
    assert.ok(operations.length >= 12, `found ${operations.length} admin operations`);
    for (const operation of operations) {
      const where = `${operation.method} ${operation.path}`;
      const response = await ctx.request(operation.method, urlOf(operation), {
        key: agentKey,
        body: bodyOf(operation),
      });
      assert.equal(response.status, 403, where);
      const error = errorOf(response);
      assert.ok([undefined, 'forbidden_role'].includes(error.code), `${where}: ${error.code}`);
      assert.match(error.message ?? '', /^Only an admin may .+; this key belongs to an agent\.$/, where);
    }
    assert.deepEqual(await setUp(), before);
  });

  it("refuses every native admin route to an agent's session with a sentence naming the role", async () => {
    const before = await setUp();
    // Vendor surfaces take keys only (a session is no credential there).
    const native = operations.filter((operation) => /^\/v1\/(?!api\/)/.test(operation.path));
    assert.ok(native.length >= 10);
    for (const operation of native) {
      const where = `${operation.method} ${operation.path}`;
      const response = await ctx.request(operation.method, urlOf(operation), {
        headers: withCookie(agentBrowser, { 'x-csrf-token': agentBrowser.csrf }),
        body: bodyOf(operation),
      });
      assert.equal(response.status, 403, where);
      assert.equal(response.body.error.code, 'forbidden_role', where);
      assert.match(response.body.error.message, /^Only an admin may .+; you are signed in as an agent\.$/, where);
    }
    const settings = await ctx.request('PATCH', '/v1/rating-settings', {
      headers: withCookie(agentBrowser, { 'x-csrf-token': agentBrowser.csrf }),
      body: { invite_expiry_hours: 5 },
    });
    assert.equal(
      settings.body.error.message,
      'Only an admin may change the rating settings; you are signed in as an agent.',
    );
    assert.deepEqual(await setUp(), before);
  });

  it('lets an admin through the same routes', async () => {
    const response = await ctx.request('PATCH', '/v1/rating-settings', {
      key: admin.key,
      body: { invite_expiry_hours: 48 },
    });
    assert.equal(response.status, 200);
    assert.equal(response.body.data.invite_expiry_hours, 48);
    assert.equal((await ctx.request('GET', '/v1/api-keys', { key: admin.key })).status, 200);
  });

  it('lets an agent read, rate and leave feedback, natively and on the vendor surfaces', async () => {
    const key = agentKey;
    assert.equal((await ctx.request('GET', '/v1/inbox', { key })).status, 200);
    assert.equal((await ctx.request('GET', `/v1/conversations/${conversationId}`, { key })).status, 200);
    assert.equal((await ctx.request('GET', '/v1/rating-settings', { key })).status, 200);
    assert.equal((await ctx.request('GET', '/v1/analytics/summary', { key })).status, 200);
    const preview = await ctx.request('POST', '/v1/rating-settings/preview', { key, body: {} });
    assert.equal(preview.status, 200, JSON.stringify(preview.body));
    const messages = (await ctx.request('GET', `/v1/conversations/${conversationId}/messages`, { key })).body.data;
    const message = messages[0];
    const feedback = await ctx.request('POST', `/v1/messages/${message.uid}/feedback`, {
      key,
      body: { rating: 'like' },
    });
    assert.ok([200, 201].includes(feedback.status), JSON.stringify(feedback.body));
    const invite = await ctx.request('POST', `/third-party/v1/conversations/${conversationId}/invite-rating`, { key });
    assert.ok([200, 201].includes(invite.status), JSON.stringify(invite.body));
    assert.equal((await ctx.request('GET', '/third-party/v1/settings/general', { key })).status, 200);
    assert.equal((await ctx.request('GET', '/v1/api/conversation_ratings/configuration', { key })).status < 500, true);
  });
});
