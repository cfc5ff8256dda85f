import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, it } from 'node:test';
import { describeEachDialect, type ApiResponse, type RequestOptions, type Tenant } from './helpers/app.js';
import { signIn, tenantWithPassword, withCookie, type Browser } from './helpers/sessions.js';

/**
 * The cross-tenant matrix, driven by the OpenAPI document so that a new route is covered the day it is added: every
 * operation with an id in its path, called with another organization's key (and, on the native API, its dashboard
 * session) on this organization's ids, answers exactly as for an id that does not exist — and changes nothing. Every
 * list, count and export read by the other organization holds none of this organization's rows.
 */

interface Operation {
  method: string;
  path: string;
  params: string[];
  hasBody: boolean;
  surface: 'native' | 'vendor';
}

/** The ids of one organization's records, by what a path parameter names. */
interface Ids {
  conversationId: string;
  conversationUid: string;
  messageUid: string;
  ratingId: string;
  ratingUid: string;
  apiKeyId: string;
  webhookId: string;
  deliveryId: string;
}

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
};

/**
 * What each path parameter names. A route whose parameter is not listed fails the test below: add it here, with
 * records of that kind in the organization the matrix attacks.
 */
function valueOf(path: string, param: string, ids: Ids): string | undefined {
  if (param === 'delivery_id') return ids.deliveryId;
  if (param === 'conversationId') return ids.conversationId;
  if (param === 'conversationUid') return ids.conversationUid;
  if (param === 'messageUid') return ids.messageUid;
  if (param === 'ratingId') return ids.ratingUid;
  if (param === 'uid' && path.startsWith('/v1/messages/')) return ids.messageUid;
  if (param !== 'id') return undefined;
  if (/^\/(v1|third-party\/v1)\/conversations\//.test(path)) return ids.conversationId;
  if (/^\/(v1|third-party\/v1)\/ratings\//.test(path)) return ids.ratingId;
  if (path.startsWith('/v1/api-keys/')) return ids.apiKeyId;
  if (path.startsWith('/v1/webhooks/')) return ids.webhookId;
  return undefined;
}

/** The UUID form of the same records, for the routes whose `{id}` takes either. */
function uidVariant(path: string, param: string, ids: Ids): string | undefined {
  if (param !== 'id') return undefined;
  if (path.startsWith('/v1/conversations/')) return ids.conversationUid;
  if (path.startsWith('/v1/ratings/')) return ids.ratingUid;
  return undefined;
}

/** A body each write accepts, so that the request gets past validation to the lookup of the id. */
const BODIES: Record<string, unknown> = {
  'PATCH /v1/conversations/{id}': { status: 'closed' },
  'POST /v1/conversations/{id}/messages': { role: 'user', text: 'Cross-tenant message' },
  'POST /v1/conversations/{id}/ratings': { question_codes: ['CSAT'] },
  'POST /v1/conversations/{id}/widget-tokens': {},
  'POST /v1/ratings/{id}/answers': { answers: [{ code: 'CSAT', value: 1 }] },
  'POST /v1/messages/{uid}/feedback': { rating: 'dislike', comment: 'cross-tenant' },
  'PATCH /v1/webhooks/{id}': { enabled: false },
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

function operationsOf(document: any): Operation[] {
  return Object.entries(document.paths as Record<string, Record<string, any>>).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([, operation]) => !(Array.isArray(operation.security) && operation.security.length === 0))
      .map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        params: [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!),
        hasBody: operation.requestBody !== undefined,
        surface: /^\/(beta|third-party|api\/agents)\/|^\/v1\/api\//.test(path)
          ? ('vendor' as const)
          : ('native' as const),
      })),
  );
}

function fill(operation: Operation, ids: Ids, variant: 'id' | 'uid'): string | undefined {
  let url = operation.path;
  for (const param of operation.params) {
    const value =
      (variant === 'uid' ? uidVariant(operation.path, param, ids) : undefined) ?? valueOf(operation.path, param, ids);
    if (value === undefined) return undefined;
    url = url.replace(`{${param}}`, value);
  }
  return url;
}

/** An answer with the ids of its request replaced by a placeholder, for comparing answers about different ids. */
function normalized(response: ApiResponse, url: string): { status: number; body: string } {
  let body = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
  const segments = url.split('/').sort((a, b) => b.length - a.length);
  for (const segment of segments.filter((part) => /^[0-9]+$|^[0-9a-f-]{36}$/i.test(part))) {
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
  let operations: Operation[];

  const call = (operation: Operation, url: string, options: RequestOptions) =>
    ctx.request(operation.method, url, {
      ...options,
      body: BODIES[`${operation.method} ${operation.path}`] ?? (operation.hasBody ? {} : undefined),
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
    };
  }

  before(async () => {
    owner = await ctx.newTenant('Owner');
    other = await tenantWithPassword(ctx, 'Intruder');
    otherBrowser = await signIn(ctx, other.email);
    operations = operationsOf(ctx.app.swagger());
    const secret = `owner-secret-${randomUUID()}`;

    const webhook = await ctx.request('POST', '/v1/webhooks', {
      key: owner.key,
      body: { url: `https://hooks.example.com/${secret}`, event_types: ['feedback.created', 'rating.submitted'] },
    });
    assert.equal(webhook.status, 201, JSON.stringify(webhook.body));
    const conversation = await ctx.request('POST', '/v1/conversations', {
      key: owner.key,
      body: {
        external_id: secret,
        channel: 'email',
        agent_type: 'ai',
        agent_id: randomUUID(),
        contact_name: `Contact ${secret}`,
        messages: [
          { role: 'user', text: `Question ${secret}` },
          { role: 'ai', text: `Answer ${secret}` },
        ],
      },
    });
    assert.equal(conversation.status, 201, JSON.stringify(conversation.body));
    const { id, uid, messages, contact_id } = conversation.body.data;
    const messageUid = messages[1].uid;
    const feedback = await ctx.request('POST', `/v1/messages/${messageUid}/feedback`, {
      key: owner.key,
      body: { rating: 'like', comment: `Liked ${secret}` },
    });
    assert.equal(feedback.status, 200);
    const invite = await ctx.request('POST', `/v1/conversations/${id}/rating-invites`, { key: owner.key });
    assert.equal(invite.status, 201);
    const rating = await ctx.request('POST', `/v1/conversations/${id}/ratings`, {
      key: owner.key,
      body: { question_codes: ['CSAT', 'NPS'] },
    });
    assert.equal(rating.status, 201);
    const answered = await ctx.request('POST', `/v1/ratings/${rating.body.data.id}/answers`, {
      key: owner.key,
      body: { answers: [{ code: 'NPS', value: 3 }], comment: `Comment ${secret}` },
    });
    assert.equal(answered.status, 200, JSON.stringify(answered.body));
    const deliveries = await ctx.request('GET', `/v1/webhooks/${webhook.body.data.id}/deliveries`, { key: owner.key });
    assert.ok(deliveries.body.data.length > 0, 'the owner has webhook deliveries to attack');
    const key = await ctx.newKey(owner, ['read_all']);

    ownerIds = {
      conversationId: String(id),
      conversationUid: uid,
      messageUid,
      ratingId: String(rating.body.data.id),
      ratingUid: rating.body.data.uid,
      apiKeyId: String(key.id),
      webhookId: String(webhook.body.data.id),
      deliveryId: String(deliveries.body.data[0].id),
    };
    markers = [
      secret,
      uid,
      messageUid,
      messages[0].uid,
      contact_id,
      rating.body.data.uid,
      rating.body.data.code,
      invite.body.data.rating.uid,
      invite.body.data.rating.code,
      webhook.body.data.secret,
    ];
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
    for (const operation of operations.filter((candidate) => candidate.params.length > 0)) {
      const where = `${operation.method} ${operation.path}`;
      const variants = uidVariant(operation.path, 'id', ownerIds) ? (['id', 'uid'] as const) : (['id'] as const);
      for (const variant of variants) {
        const missingUrl = fill(operation, MISSING, variant)!;
        const foreignUrl = fill(operation, ownerIds, variant)!;
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
        const response = await ctx.request('GET', operation.path, options);
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
    const funnel = (await ctx.request('GET', '/v1/analytics/funnel', { key: other.key })).body.data;
    assert.ok(
      Object.values(funnel).every((value) => typeof value !== 'number' || value === 0),
      JSON.stringify(funnel),
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
