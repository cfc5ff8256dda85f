import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, it } from 'node:test';
import { buildApp, type App } from '../src/app.js';
import { openDatabase } from '../src/db/database.js';
import { WebhooksService, type WebhookWorker } from '../src/modules/webhooks/index.js';
import { signWebhook } from '../src/modules/webhooks/signing.js';
import { createTestDatabase } from './helpers/databases.js';
import { assertError, describeEachDialect, testConfig, type Tenant } from './helpers/app.js';

interface Received {
  path: string;
  id: string;
  timestamp: number;
  signature: string;
  body: string;
  event: { type: string; timestamp: string; data: Record<string, any> };
}

/** A real HTTP receiver on 127.0.0.1; each path answers what `answers` says (200 by default). */
async function startReceiver() {
  const received: Received[] = [];
  const answers = new Map<string, number[]>();
  const server: Server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      received.push({
        path,
        id: String(request.headers['webhook-id']),
        timestamp: Number(request.headers['webhook-timestamp']),
        signature: String(request.headers['webhook-signature']),
        body,
        event: JSON.parse(body),
      });
      const status = answers.get(path)?.shift() ?? 200;
      if (status >= 300 && status < 400) response.setHeader('location', '/elsewhere');
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    received,
    answers,
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Runs the worker until nothing is due. */
async function drain(worker: WebhookWorker): Promise<void> {
  for (let round = 0; round < 20; round += 1) if ((await worker.runOnce()) === 0) return;
}

describeEachDialect('Webhooks', (ctx) => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let worker: WebhookWorker;
  let path = 0;

  before(async () => {
    receiver = await startReceiver();
    worker = ctx.app.services.webhooks.createWorker({ retryDelaysMs: [0, 0, 0] });
  });
  after(() => receiver.close());

  const createHook = async (tenant: Tenant, body: Record<string, unknown> = {}) => {
    path += 1;
    const response = await ctx.request('POST', '/v1/webhooks', {
      key: tenant.key,
      body: {
        url: receiver.url(`/hook-${path}`),
        event_types: [
          'rating.offered',
          'rating.submitted',
          'rating.expired',
          'feedback.created',
          'conversation.anonymized',
        ],
        ...body,
      },
    });
    assert.equal(response.status, 201, JSON.stringify(response.body));
    return { ...(response.body.data as { id: number; secret: string; url: string }), path: `/hook-${path}` };
  };
  const at = (hookPath: string) => receiver.received.filter((event) => event.path === hookPath);
  const conversation = async (tenant: Tenant) =>
    (
      await ctx.request('POST', '/v1/conversations', {
        key: tenant.key,
        body: { agent_type: 'ai', messages: [{ role: 'ai', text: 'Hello' }] },
      })
    ).body.data;

  it('creates a webhook with a Standard Webhooks secret and hides it afterwards', async () => {
    const tenant = await ctx.newTenant();
    const hook = await createHook(tenant);
    assert.match(hook.secret, /^whsec_[A-Za-z0-9+/]+=*$/);
    const listed = await ctx.request('GET', '/v1/webhooks', { key: tenant.key });
    assert.equal(listed.body.data.length, 1);
    assert.equal(listed.body.data[0].secret, undefined);
    const patched = await ctx.request('PATCH', `/v1/webhooks/${hook.id}`, {
      key: tenant.key,
      body: { enabled: false },
    });
    assert.equal(patched.body.data.enabled, false);
    assert.equal((await ctx.request('DELETE', `/v1/webhooks/${hook.id}`, { key: tenant.key })).status, 204);
    assertError(await ctx.request('GET', `/v1/webhooks/${hook.id}`, { key: tenant.key }), 404, 'webhook_not_found');
  });

  it('delivers signed events for offers, answers, feedback, anonymization and expiry', async () => {
    const tenant = await ctx.newTenant();
    const hook = await createHook(tenant);
    const conv = await conversation(tenant);
    const offered = await ctx.request('POST', `/v1/conversations/${conv.id}/ratings`, {
      key: tenant.key,
      body: { question_codes: ['STARS', 'NPS'] },
    });
    assert.equal(offered.status, 201);
    const rating = offered.body.data;
    await ctx.request('POST', `/v1/ratings/${rating.id}/answers`, {
      key: tenant.key,
      body: {
        answers: [
          { code: 'STARS', value: 2 },
          { code: 'NPS', value: 9 },
        ],
        comment: 'Slow',
      },
    });
    await ctx.request('POST', `/v1/messages/${conv.messages[0].uid}/feedback`, {
      key: tenant.key,
      body: { rating: 'dislike' },
    });
    await ctx.app.services.ratings.offerSurvey(tenant.orgId, String(conv.id), {
      codes: ['CSAT'],
      expiresAt: new Date(Date.now() - 1000).toISOString(),
    });
    await ctx.app.services.ratings.sweepExpired();
    await ctx.request('POST', `/v1/conversations/${conv.id}/anonymize`, { key: tenant.key });
    await drain(worker);

    const events = at(hook.path);
    for (const event of events) {
      assert.equal(event.signature, signWebhook(hook.secret, event.id, event.timestamp, event.body));
      assert.ok(Math.abs(event.timestamp - Date.now() / 1000) < 60);
    }
    const byType = (type: string) => events.filter((event) => event.event.type === type).map((event) => event.event);
    assert.equal(byType('rating.offered').length, 2);
    assert.deepEqual(
      byType('rating.offered')
        .find((event) => event.data.rating_uid === rating.uid)!
        .data.questions.map((question: { code: string }) => question.code),
      ['STARS', 'NPS'],
    );
    const submitted = byType('rating.submitted');
    assert.deepEqual(
      submitted
        .map((event) => [event.data.question_code, event.data.kind, event.data.value, event.data.comment])
        .sort(),
      [
        ['NPS', 'nps', 9, 'Slow'],
        ['STARS', 'stars', 2, 'Slow'],
      ],
    );
    assert.equal(submitted[0]!.data.rating_uid, rating.uid);
    assert.equal(submitted[0]!.data.conversation_uid, conv.uid);
    assert.ok(submitted[0]!.data.answered_at);
    const [feedback] = byType('feedback.created');
    assert.equal(feedback!.data.message_uid, conv.messages[0].uid);
    assert.equal(feedback!.data.rating, 'dislike');
    const [expired] = byType('rating.expired');
    assert.deepEqual(expired!.data.unanswered, ['CSAT']);
    const [anonymized] = byType('conversation.anonymized');
    assert.equal(anonymized!.data.conversation_uid, conv.uid);
    assert.equal(events.length, 7);
    assert.equal(new Set(events.map((event) => event.id)).size, 7);
  });

  it('retries a 500 with the same webhook-id and logs both attempts', async () => {
    const tenant = await ctx.newTenant();
    const hook = await createHook(tenant, { event_types: ['feedback.created'] });
    receiver.answers.set(hook.path, [500, 200]);
    const conv = await conversation(tenant);
    await ctx.request('POST', `/v1/messages/${conv.messages[0].uid}/feedback`, {
      key: tenant.key,
      body: { rating: 'like' },
    });
    await drain(worker);
    const events = at(hook.path);
    assert.equal(events.length, 2);
    assert.equal(events[0]!.id, events[1]!.id);
    const deliveries = await ctx.request('GET', `/v1/webhooks/${hook.id}/deliveries`, { key: tenant.key });
    const [delivery] = deliveries.body.data;
    assert.equal(delivery.status, 'succeeded');
    assert.equal(delivery.webhook_id, events[0]!.id);
    assert.deepEqual(
      delivery.attempts.map((attempt: { status_code: number }) => attempt.status_code),
      [500, 200],
    );
    for (const attempt of delivery.attempts) assert.ok(Number.isInteger(attempt.duration_ms));
    assert.match(delivery.attempts[0].error, /500/);

    // A manual retry sends it once more, same id.
    const retried = await ctx.request('POST', `/v1/webhooks/${hook.id}/deliveries/${delivery.id}/retry`, {
      key: tenant.key,
    });
    assert.equal(retried.status, 202);
    await drain(worker);
    assert.equal(at(hook.path).length, 3);
    assert.equal(at(hook.path)[2]!.id, events[0]!.id);
  });

  it('does not retry a 400 and does not follow a redirect', async () => {
    const tenant = await ctx.newTenant();
    const hook = await createHook(tenant, { event_types: ['feedback.created'] });
    receiver.answers.set(hook.path, [400, 302]);
    const conv = await conversation(tenant);
    await ctx.request('POST', `/v1/messages/${conv.messages[0].uid}/feedback`, {
      key: tenant.key,
      body: { rating: 'like' },
    });
    await ctx.request('POST', `/v1/messages/${conv.messages[0].uid}/feedback`, {
      key: tenant.key,
      body: { rating: 'dislike' },
    });
    await drain(worker);
    assert.equal(at(hook.path).length, 2, 'one attempt each');
    assert.equal(receiver.received.filter((event) => event.path === '/elsewhere').length, 0);
    const deliveries = (await ctx.request('GET', `/v1/webhooks/${hook.id}/deliveries`, { key: tenant.key })).body.data;
    assert.deepEqual(
      deliveries
        .map((delivery: { status: string; last_status_code: number }) => [delivery.status, delivery.last_status_code])
        .sort(),
      [
        ['failed', 302],
        ['failed', 400],
      ],
    );
  });

  it('filters rating.submitted by score per kind', async () => {
    const tenant = await ctx.newTenant();
    const hook = await createHook(tenant, { event_types: ['rating.submitted'], filters: { rating: { max_stars: 2 } } });
    const conv = await conversation(tenant);
    for (const value of [1, 4]) {
      const rating = (
        await ctx.request('POST', `/v1/conversations/${conv.id}/ratings`, {
          key: tenant.key,
          body: { question_codes: ['STARS'] },
        })
      ).body.data;
      await ctx.request('POST', `/v1/ratings/${rating.id}/answers`, {
        key: tenant.key,
        body: { answers: [{ code: 'STARS', value }] },
      });
    }
    await drain(worker);
    assert.deepEqual(
      at(hook.path).map((event) => event.event.data.value),
      [1],
    );
  });

  it('signs with the new secret after a rotation', async () => {
    const tenant = await ctx.newTenant();
    const hook = await createHook(tenant, { event_types: ['feedback.created'] });
    const rotated = await ctx.request('POST', `/v1/webhooks/${hook.id}/rotate-secret`, { key: tenant.key });
    assert.equal(rotated.status, 200);
    assert.notEqual(rotated.body.data.secret, hook.secret);
    const conv = await conversation(tenant);
    await ctx.request('POST', `/v1/messages/${conv.messages[0].uid}/feedback`, {
      key: tenant.key,
      body: { rating: 'like' },
    });
    await drain(worker);
    const [event] = at(hook.path);
    assert.equal(event!.signature, signWebhook(rotated.body.data.secret, event!.id, event!.timestamp, event!.body));
    assert.notEqual(event!.signature, signWebhook(hook.secret, event!.id, event!.timestamp, event!.body));
  });

  it("hides one organization's webhooks and deliveries from another", async () => {
    const owner = await ctx.newTenant();
    const other = await ctx.newTenant();
    const hook = await createHook(owner, { event_types: ['feedback.created'] });
    const conv = await conversation(owner);
    await ctx.request('POST', `/v1/messages/${conv.messages[0].uid}/feedback`, {
      key: owner.key,
      body: { rating: 'like' },
    });
    const delivery = (await ctx.request('GET', `/v1/webhooks/${hook.id}/deliveries`, { key: owner.key })).body.data[0];
    for (const [method, url, body] of [
      ['GET', `/v1/webhooks/${hook.id}`],
      ['PATCH', `/v1/webhooks/${hook.id}`, { enabled: false }],
      ['DELETE', `/v1/webhooks/${hook.id}`],
      ['POST', `/v1/webhooks/${hook.id}/rotate-secret`],
      ['GET', `/v1/webhooks/${hook.id}/deliveries`],
      ['POST', `/v1/webhooks/${hook.id}/deliveries/${delivery.id}/retry`],
    ] as const) {
      assertError(await ctx.request(method, url, { key: other.key, body }), 404, 'webhook_not_found', undefined);
    }
    assert.deepEqual((await ctx.request('GET', '/v1/webhooks', { key: other.key })).body.data, []);
    await drain(worker);
  });

  it('enqueues nothing when the change is rolled back', async () => {
    const tenant = await ctx.newTenant();
    const hook = await createHook(tenant);
    const conv = await conversation(tenant);
    const rating = (
      await ctx.request('POST', `/v1/conversations/${conv.id}/ratings`, {
        key: tenant.key,
        body: { question_codes: ['STARS'] },
      })
    ).body.data;
    const refused = await ctx.request('POST', `/v1/ratings/${rating.id}/answers`, {
      key: tenant.key,
      body: { answers: [{ code: 'STARS', value: 9 }] },
    });
    assertError(refused, 400, 'invalid_rating_value');
    await assert.rejects(
      ctx.database.db.transaction().execute(async (trx) => {
        await ctx.app.services.webhooks.enqueue(trx, tenant.orgId, 'feedback.created', { n: 1 });
        throw new Error('roll back');
      }),
      /roll back/,
    );
    const deliveries = (await ctx.request('GET', `/v1/webhooks/${hook.id}/deliveries`, { key: tenant.key })).body.data;
    assert.deepEqual(
      deliveries.map((delivery: { event_type: string }) => delivery.event_type),
      ['rating.offered'],
    );
    await drain(worker);
  });

  it('refuses private addresses at creation and at delivery unless allowed', async () => {
    const tenant = await ctx.newTenant();
    const strict = new WebhooksService(ctx.database, { allowPrivateNetworks: false });
    for (const url of [
      'http://127.0.0.1/hook',
      'http://[::ffff:10.0.0.1]/x',
      'http://169.254.169.254/',
      'ftp://example.com/',
    ]) {
      await assert.rejects(strict.createWebhook(tenant.orgId, { url, event_types: ['feedback.created'] }), {
        code: 'webhook_url_refused',
      });
    }
    assertError(
      await ctx.request('POST', '/v1/webhooks', {
        key: tenant.key,
        body: { url: 'file:///etc/passwd', event_types: ['feedback.created'] },
      }),
      400,
      'webhook_url_refused',
    );
    // Stored while allowed, delivered by a strict worker: refused after resolution, not retried, never sent.
    const hook = await createHook(tenant, { event_types: ['feedback.created'] });
    const conv = await conversation(tenant);
    await ctx.request('POST', `/v1/messages/${conv.messages[0].uid}/feedback`, {
      key: tenant.key,
      body: { rating: 'like' },
    });
    await drain(strict.createWorker());
    assert.equal(at(hook.path).length, 0);
    const [delivery] = (await ctx.request('GET', `/v1/webhooks/${hook.id}/deliveries`, { key: tenant.key })).body.data;
    assert.equal(delivery.status, 'failed');
    assert.match(delivery.last_error, /private/);
  });

  // Several nodes share one database only on PostgreSQL (SQLite is one process by design).
  const onPostgres = ctx.dialect === 'postgres' ? it : () => undefined;
  onPostgres('delivers each event exactly once with two nodes on one database', async () => {
    const created = await createTestDatabase('postgres');
    const second = openDatabase({ dialect: 'postgres', url: created.url, poolSize: 5 });
    const apps: App[] = [
      await buildApp({ config: testConfig, database: created.database }),
      await buildApp({ config: testConfig, database: second }),
    ];
    const workers = apps.map((app) => app.services.webhooks.createWorker({ pollIntervalMs: 20, batchSize: 5 }));
    try {
      const { organization, apiKey } = await apps[0]!.services.accounts.createOrganization({
        name: 'Two nodes',
        adminEmail: `two-nodes-${Date.now()}@test.invalid`,
      });
      const key = apiKey.api_key;
      const inject = async (app: App, method: string, url: string, body?: unknown) => {
        const response = await app.inject({
          method: method as 'POST',
          url,
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          payload: body === undefined ? undefined : JSON.stringify(body),
        });
        return JSON.parse(response.body || 'null');
      };
      path += 1;
      const hookPath = `/hook-${path}`;
      await inject(apps[0]!, 'POST', '/v1/webhooks', {
        url: receiver.url(hookPath),
        event_types: ['feedback.created'],
      });
      const conv = (await inject(apps[0]!, 'POST', '/v1/conversations', { messages: [{ role: 'ai', text: 'Hi' }] }))
        .data;
      const events = 60;
      for (let n = 0; n < events; n += 1) {
        await inject(apps[0]!, 'POST', `/v1/messages/${conv.messages[0].uid}/feedback`, {
          rating: n % 2 === 0 ? 'like' : 'dislike',
        });
      }
      assert.ok(organization.id > 0);
      for (const worker of workers) worker.start();
      const deadline = Date.now() + 15_000;
      while (at(hookPath).length < events && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 300));
      const ids = at(hookPath).map((event) => event.id);
      assert.equal(ids.length, events);
      assert.equal(new Set(ids).size, events);
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
      await Promise.all(apps.map((app) => app.close()));
      await second.close();
      await created.drop();
    }
  });
});
