import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, it } from 'node:test';
import { describeEachDialect, type ApiResponse, type RequestOptions, type Tenant } from './helpers/app.js';
import { fill, operationsOf, seedOrganization, uidVariant, type Ids, type Operation } from './helpers/operations.js';
import { signIn, tenantWithPassword, withCookie, type Browser } from './helpers/sessions.js';

/**
 * The cross-tenant matrix, driven by the OpenAPI document so that a new route is covered the day it is added: every
 * operation with an id in its path, called with another organization's key (and, on the native API, its dashboard
 * session) on this organization's ids, answers exactly as for an id that does not exist — and changes nothing. Every
 * list, count and export read by the other organization holds none of this organization's rows.
 */

/** Ids that no organization has: what "does not exist" answers. */
const MISSING: Ids = {
  conversationId: '987654321',
  conversationUid: randomUUID(),
  messageUid: randomUUID(),
  ratingId: '987654322',
  ratingUid: randomUUID(),
  apiKeyId: '987654323',
  webhookId: '987654324',
  deliveryId: '987654325',
  topicId: '987654326',
  reviewId: '987654327',
  agentId: randomUUID(),
  userId: randomUUID(),
  invitationId: '987654328',
  questionCode: 'NO_SUCH_QUESTION',
};

/** A body each write accepts, so that the request gets past validation to the lookup of the id. */
const BODIES: Record<string, unknown> = {
  'PATCH /v1/conversations/{id}': { status: 'closed' },
  'POST /v1/ratings/{id}/replies': { reply_id: 'STARS:5' },
  'POST /v1/conversations/{id}/messages': { role: 'user', text: 'Cross-tenant message' },
  'POST /v1/conversations/{id}/ratings': { question_codes: ['CSAT'] },
  'POST /v1/conversations/{id}/widget-tokens': {},
  'POST /v1/ratings/{id}/answers': { answers: [{ code: 'CSAT', value: 1 }] },
  'POST /v1/messages/{uid}/feedback': { rating: 'dislike', comment: 'cross-tenant' },
  'PATCH /v1/webhooks/{id}': { enabled: false },
  'PATCH /v1/reviews/{id}': { status: 'resolved' },
  'PUT /v1/agents/{agent_id}': { type: 'human', name: 'Cross-tenant agent' },
  'PATCH /v1/users/{id}': { role: 'admin' },
  'POST /beta/conversations/{conversationId}/ratings/offer': {
    ratingType: 'Csat',
    agentId: '0f5ab6a3-5d0e-4c41-9a42-5a8a2a3c0001',
  },
  'POST /beta/conversations/{conversationId}/ratings/{ratingId}/submit': {
    ratingResult: { value: 1, _type: 'Csat' },
  },
  'POST /api/agents/chat/{conversationUid}/messages/{messageUid}/feedback': { rating: 'dislike' },
};

/**
 * Where a vendor's document says how another organization's record answers, that is the answer: Exante's feedback
 * API answers 403 "not authorized for this conversation's organization" (and still changes nothing).
 */
const DOCUMENTED_FOREIGN: Record<string, { status: number; message: RegExp }> = {
  'POST /api/agents/chat/{conversationUid}/messages/{messageUid}/feedback': { status: 403, message: /not authorized/ },
  'GET /api/agents/chat/{conversationUid}/messages': { status: 403, message: /not authorized/ },
};

/**
 * Upserts by a UUID the client chooses: an id no agent has is created, not refused. Another organization's PUT on our
 * agent's UUID creates or changes an agent of its own directory, exactly as on a UUID nobody has, and leaves ours as
 * it was (checked with the owner's state).
 */
const UPSERTS = new Set(['PUT /v1/agents/{agent_id}']);

/** The query a read needs to answer at all (a list's, or a record's); the others are read bare. */
const QUERIES: Record<string, string> = {
  '/v1/analytics/compare': '?dimension=prompt_version&a=v2&b=v1',
  '/v1/analytics/versions': '?dimension=prompt_version',
  '/v1/ratings/{id}/deliverables': '?channel=email',
};

/**
 * An answer with the ids of its request (question codes too) replaced by a placeholder, for comparing answers about
 * different ids.
 */
function normalized(response: ApiResponse, url: string): { status: number; body: string } {
  let body = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
  const segments = url.split('/').sort((a, b) => b.length - a.length);
  for (const segment of segments.filter(
    (part) => /^[0-9]+$|^[0-9a-f-]{36}$/i.test(part) || /^[A-Z][A-Z0-9_]+$/.test(part),
  )) {
    body = body.replace(new RegExp(`(?<![0-9A-Za-z-])${segment}(?![0-9A-Za-z-])`, 'g'), '<id>');
  }
  return { status: response.status, body };
}

describeEachDialect('Another organization sees, counts and changes nothing of ours', (ctx) => {
  let owner: Tenant;
  let other: Tenant & { email: string };
  let otherBrowser: Browser;
  let ownerIds: Ids;
  /** Strings that only the owner's records hold: none may appear in anything the other organization reads. */
  let markers: string[];
  let promptVersion: string;
  let operations: Operation[];

  const call = (operation: Operation, url: string, options: RequestOptions) =>
    ctx.request(operation.method, url + (QUERIES[operation.path] ?? ''), {
      ...options,
      body: BODIES[`${operation.method} ${operation.path}`] ?? (operation.spec.requestBody ? {} : undefined),
    });

  /** Everything the owner can read about its records: it must be the same after the attack. */
  async function ownerState() {
    const get = async (url: string) => (await ctx.request('GET', url, { key: owner.key })).body;
    return {
      conversation: await get(`/v1/conversations/${ownerIds.conversationId}`),
      messages: await get(`/v1/conversations/${ownerIds.conversationId}/messages`),
      rating: await get(`/v1/ratings/${ownerIds.ratingId}`),
      feedback: await get(`/v1/messages/${ownerIds.messageUid}/feedback/history`),
      keys: await get('/v1/api-keys'),
      webhook: await get(`/v1/webhooks/${ownerIds.webhookId}`),
      deliveries: await get(`/v1/webhooks/${ownerIds.webhookId}/deliveries`),
      funnel: await get('/v1/analytics/funnel'),
      agent: await get(`/v1/agents/${ownerIds.agentId}`),
      agents: await get('/v1/agents'),
      users: await get('/v1/users'),
      invitations: await get('/v1/invitations'),
    };
  }

  before(async () => {
    owner = await ctx.newTenant('Owner');
    other = await tenantWithPassword(ctx, 'Intruder');
    otherBrowser = await signIn(ctx, other.email);
    operations = operationsOf(ctx.app.swagger()).filter((operation) => !operation.public);
    ({ ids: ownerIds, markers, promptVersion } = await seedOrganization(ctx, owner));
  });

  it('knows what every path parameter of the API names', () => {
    const unknown = operations
      .filter((operation) => operation.params.length > 0 && fill(operation, ownerIds, 'id') === undefined)
      .map((operation) => `${operation.method} ${operation.path}`);
    assert.deepEqual(unknown, [], 'path parameters this matrix does not know: map them in valueOf');
    assert.ok(operations.filter((operation) => operation.params.length > 0).length >= 25);
  });

  it("answers another organization's key and session on our ids exactly as for ids that do not exist", async () => {
    const before = await ownerState();
    const checked: string[] = [];
    // A `{language}` names no record, only which of the caller's own texts: test/rating-texts.test.ts shows that
    // another organization's texts are neither seen nor changed through it.
    const byRecord = operations.filter(
      (candidate) => candidate.params.length > 0 && !candidate.params.includes('language'),
    );
    for (const operation of byRecord) {
      const where = `${operation.method} ${operation.path}`;
      const variants = uidVariant(operation.path, 'id', ownerIds) ? (['id', 'uid'] as const) : (['id'] as const);
      for (const variant of variants) {
        const missingUrl = fill(operation, MISSING, variant)!;
        const foreignUrl = fill(operation, ownerIds, variant)!;
        if (UPSERTS.has(where)) {
          for (const options of [
            { key: other.key },
            { headers: withCookie(otherBrowser, { 'x-csrf-token': otherBrowser.csrf }) },
          ]) {
            for (const url of [missingUrl, foreignUrl]) {
              const answer = await call(operation, url, options);
              assert.ok([200, 201].includes(answer.status), `${where}: ${JSON.stringify(answer.body)}`);
              assert.equal(answer.body.data.name, 'Cross-tenant agent', `${where} writes the caller's own agent`);
            }
          }
          checked.push(`${where} (${variant})`);
          continue;
        }
        const missing = await call(operation, missingUrl, { key: other.key });
        assert.equal(
          missing.status,
          404,
          `${where} on a missing id answers not found: ${JSON.stringify(missing.body)}`,
        );
        const foreign = await call(operation, foreignUrl, { key: other.key });
        const documented = DOCUMENTED_FOREIGN[where];
        if (documented) {
          assert.equal(foreign.status, documented.status, `${where}: ${JSON.stringify(foreign.body)}`);
          assert.match(JSON.stringify(foreign.body), documented.message, where);
        } else {
          assert.deepEqual(
            normalized(foreign, foreignUrl),
            normalized(missing, missingUrl),
            `${where} (${variant}), key`,
          );
        }
        if (operation.surface === 'native') {
          const headers = withCookie(otherBrowser, { 'x-csrf-token': otherBrowser.csrf });
          const missingBySession = await call(operation, missingUrl, { headers });
          const foreignBySession = await call(operation, foreignUrl, { headers });
          assert.equal(missingBySession.status, 404, `${where} with a session on a missing id`);
          assert.deepEqual(
            normalized(foreignBySession, foreignUrl),
            normalized(missingBySession, missingUrl),
            `${where} (${variant}) with a session`,
          );
        }
        checked.push(`${where} (${variant})`);
      }
    }
    assert.ok(checked.length >= 30, `checked ${checked.length}`);
    assert.deepEqual(await ownerState(), before, "the owner's records are as they were");
  });

  it('lists, counts and exports none of our rows to another organization', async () => {
    const reads = operations.filter((operation) => operation.method === 'GET' && operation.params.length === 0);
    assert.ok(reads.some((operation) => operation.path.startsWith('/v1/exports/')));
    for (const operation of reads) {
      for (const options of [{ key: other.key }, { headers: withCookie(otherBrowser) }]) {
        if (operation.surface === 'vendor' && !options.key) continue;
        const response = await ctx.request('GET', operation.path + (QUERIES[operation.path] ?? ''), options);
        assert.ok(response.status < 400, `${operation.path}: ${response.status} ${JSON.stringify(response.body)}`);
        const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
        for (const marker of markers) assert.ok(!text.includes(marker), `${operation.path} shows our ${marker}`);
      }
    }
    // Counts: the other organization has no ratings, no feedback and no conversations, so every figure is zero.
    const summary = (await ctx.request('GET', '/v1/analytics/summary', { key: other.key })).body.data;
    assert.equal(summary.csat.responses, 0);
    assert.equal(summary.nps.responses, 0);
    assert.equal(summary.messages.likes + summary.messages.dislikes, 0);
    // Our prompt version, named by the other organization, counts none of our likes there.
    const versionQuery = `?${new URLSearchParams({ dimension: 'prompt_version', a: promptVersion, b: 'v1' })}`;
    const compared = async (key: string) =>
      (await ctx.request('GET', `/v1/analytics/compare${versionQuery}`, { key })).body.data.a.total;
    assert.equal(await compared(owner.key), 1, 'our own key counts our like');
    assert.equal(await compared(other.key), 0);
    const funnel = (await ctx.request('GET', '/v1/analytics/funnel', { key: other.key })).body.data;
    assert.ok(
      Object.values(funnel).every((value) => typeof value !== 'number' || value === 0),
      JSON.stringify(funnel),
    );
    // The first-day checklist counts none of our keys, conversations or settings; the audit log holds none of our acts.
    const setup = (await ctx.request('GET', '/v1/setup', { key: other.key })).body.data;
    assert.deepEqual(
      setup.steps.map((step: { done: boolean }) => step.done),
      [false, false, false, false],
    );
    const audit = (await ctx.request('GET', '/v1/audit-log', { key: other.key })).body.data;
    assert.ok(
      audit.every((entry: { actor_user_id: string | null }) => entry.actor_user_id !== owner.userId),
      JSON.stringify(audit),
    );
    const inbox = (await ctx.request('GET', '/v1/inbox', { key: other.key })).body;
    assert.deepEqual(inbox.data, []);
    for (const dataset of ['conversations', 'ratings', 'feedback']) {
      const file = await ctx.request('GET', `/v1/exports/${dataset}.jsonl`, { key: other.key });
      assert.equal(file.status, 200);
      assert.equal(String(file.body).trim(), '', `${dataset} export of another organization is empty`);
    }
  });
});
