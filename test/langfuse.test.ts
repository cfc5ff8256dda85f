import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { after, before, it } from 'node:test';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import type { WebhookWorker } from '../src/modules/webhooks/index.js';
import { assertError, describeEachDialect, type TestContext, type Tenant } from './helpers/app.js';
import { drain } from './helpers/receiver.js';
import { withoutWrites } from './helpers/refusals.js';
import { PASSWORD, uniqueEmail } from './helpers/sessions.js';

// Langfuse's own OpenAPI document of POST /api/public/scores: every request the bridge sends is checked against it.
const SPEC = new URL('./fixtures/langfuse-scores.openapi.yaml', import.meta.url);
const SPEC_ID = 'langfuse-scores';
const SECRET_KEY = 'test-plaudit-secret-key-0123456789abcdef';

interface Spec {
  paths: Record<string, Record<string, { requestBody: { content: Record<string, { schema: object }> } }>>;
  components: { schemas: Record<string, Record<string, unknown>> };
}

/**
 * OpenAPI 3.0 writes a nullable reference as `$ref` beside `nullable: true`, which JSON Schema does not know: such a
 * property becomes `anyOf` the reference or null. Nothing else changes.
 */
function asJsonSchema(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asJsonSchema);
  if (!value || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).map(([key, inner]) => [key, asJsonSchema(inner)]);
  const schema = Object.fromEntries(entries) as Record<string, unknown>;
  if (schema.nullable === true && schema.type === undefined && typeof schema.$ref === 'string') {
    const { $ref, nullable: _nullable, ...rest } = schema;
    return { ...rest, anyOf: [{ $ref }, { type: 'null' }] };
  }
  return schema;
}

const spec = JSON.parse(
  JSON.stringify(parse(readFileSync(SPEC, 'utf8'))).replaceAll('"#/components/schemas/', `"${SPEC_ID}#/definitions/`),
) as Spec;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema({ $id: SPEC_ID, definitions: asJsonSchema(spec.components.schemas) });
const createScoreSchema = spec.paths['/api/public/scores']!.post!.requestBody.content['application/json']!.schema;
const validateScore: ValidateFunction = ajv.compile(createScoreSchema);
const declared = Object.keys(spec.components.schemas.CreateScoreRequest!.properties as object);

interface Received {
  path: string;
  authorization: string;
  body: Record<string, any>;
}

/** A stand-in for Langfuse: checks each request against the published schema and keeps scores by id (an upsert). */
async function startLangfuse() {
  const received: Received[] = [];
  const invalid: string[] = [];
  const scores = new Map<string, Record<string, any>>();
  const answers: number[] = [];
  const checks: string[] = [];
  const server: Server = createServer((request, response) => {
    let text = '';
    request.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    request.on('end', () => {
      if (request.method === 'GET' && request.url?.endsWith('/api/public/projects')) {
        // The keys' project, for the connection test; only the default test keys are Langfuse's.
        const expected = `Basic ${Buffer.from('pk-lf-1234567890:sk-lf-s3cr3t-value').toString('base64')}`;
        checks.push(request.url);
        const known = request.headers.authorization === expected;
        response.writeHead(known ? 200 : 401, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify(
            known
              ? { data: [{ id: 'proj-support', name: 'Support bot', metadata: {} }] }
              : { message: 'Invalid credentials. Confirm that you have configured the correct host.' },
          ),
        );
        return;
      }
      const removal = /\/api\/public\/scores\/([^/]+)$/.exec(request.url ?? '');
      if (request.method === 'DELETE' && removal) {
        // DELETE /api/public/scores/{scoreId}: no body; 404 for a score Langfuse does not have.
        received.push({ path: request.url!, authorization: String(request.headers.authorization), body: {} });
        if (text !== '') invalid.push('a DELETE with a body');
        const key = [...scores.keys()].find((stored) => stored.endsWith(` ${decodeURIComponent(removal[1]!)}`));
        if (key) scores.delete(key);
        response.writeHead(key ? 200 : 404, { 'content-type': 'application/json' });
        response.end(JSON.stringify(key ? { message: 'Score deleted' } : { message: 'Score not found' }));
        return;
      }
      const body = JSON.parse(text) as Record<string, any>;
      received.push({ path: request.url ?? '/', authorization: String(request.headers.authorization), body });
      if (request.method !== 'POST' || !request.url?.endsWith('/api/public/scores')) invalid.push(`${request.url}`);
      if (request.headers['content-type'] !== 'application/json') invalid.push('content-type');
      if (!validateScore(body)) invalid.push(ajv.errorsText(validateScore.errors));
      const undeclared = Object.keys(body).filter((key) => !declared.includes(key));
      if (undeclared.length > 0) invalid.push(`undeclared ${undeclared.join(', ')}`);
      const status = answers.shift() ?? 200;
      if (status === 200) scores.set(`${request.url} ${body.id}`, body);
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(status === 200 ? { id: body.id } : { message: 'Internal error' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    received,
    invalid,
    scores,
    answers,
    checks,
    baseUrl: (prefix: string) => `http://127.0.0.1:${port}/${prefix}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const connect = (
  ctx: TestContext,
  tenant: Tenant,
  baseUrl: string,
  keys = { pk: 'pk-lf-1234567890', sk: 'sk-lf-s3cr3t-value' },
) =>
  ctx.request('PUT', '/v1/connections/langfuse', {
    key: tenant.key,
    body: { base_url: baseUrl, public_key: keys.pk, secret_key: keys.sk },
  });

/** A conversation whose AI answer carries a trace and a span, and a user message without one. */
const tracedConversation = async (ctx: TestContext, tenant: Tenant, traceId = 'trace-1') =>
  (
    await ctx.request('POST', '/v1/conversations', {
      key: tenant.key,
      body: {
        agent_type: 'ai',
        messages: [
          { role: 'user', text: 'How do I reset my password?' },
          { role: 'ai', text: 'Open Settings, then Security.', trace_id: traceId, span_id: 'span-1' },
        ],
      },
    })
  ).body.data;

const deliveriesOf = async (ctx: TestContext, orgId: number) =>
  ctx.database.db
    .selectFrom('webhook_deliveries')
    .select(['id', 'status', 'target'])
    .where('org_id', '=', orgId)
    .where('target', '=', 'langfuse')
    .execute();

describeEachDialect(
  'Langfuse bridge',
  (ctx) => {
    let langfuse: Awaited<ReturnType<typeof startLangfuse>>;
    let worker: WebhookWorker;
    let prefix = 0;
    const nextBase = () => langfuse.baseUrl(`project-${(prefix += 1)}`);
    const at = (base: string) => langfuse.received.filter((entry) => base.endsWith(entry.path.split('/api/')[0]!));

    before(async () => {
      langfuse = await startLangfuse();
      worker = ctx.app.services.webhooks.createWorker({ retryDelaysMs: [0, 0, 0] });
    });
    after(() => langfuse.close());

    it('saves a connection, never returns the secret, and audits the change without it', async () => {
      const tenant = await ctx.newTenant();
      assert.deepEqual((await ctx.request('GET', '/v1/connections/langfuse', { key: tenant.key })).body, {
        data: null,
      });
      assertError(
        await ctx.request('PUT', '/v1/connections/langfuse', {
          key: tenant.key,
          body: { base_url: 'https://cloud.langfuse.com', public_key: 'pk-lf-1234567890' },
        }),
        400,
        'validation_failed',
      );
      const saved = await connect(ctx, tenant, `${nextBase()}/`);
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      const got = await ctx.request('GET', '/v1/connections/langfuse', { key: tenant.key });
      for (const answer of [saved, got]) {
        assert.ok(!answer.raw.body.includes('sk-lf-s3cr3t-value'));
        assert.ok(!answer.raw.body.includes('pk-lf-1234567890'));
        assert.equal(answer.body.data.secret_key_set, true);
        assert.equal(answer.body.data.secret_key_readable, true);
        assert.equal(answer.body.data.public_key_masked, 'pk-lf-••••7890');
        assert.ok(!answer.body.data.base_url.endsWith('/'));
        assert.equal(answer.body.data.delivery.state, 'waiting');
      }
      const row = await ctx.database.db
        .selectFrom('langfuse_connections')
        .selectAll()
        .where('org_id', '=', tenant.orgId)
        .executeTakeFirstOrThrow();
      assert.ok(!row.secret_sealed.includes('s3cr3t'));
      // A change without secret_key keeps the saved one.
      const changed = await ctx.request('PUT', '/v1/connections/langfuse', {
        key: tenant.key,
        body: { base_url: got.body.data.base_url, public_key: 'pk-lf-abcdefghijkl' },
      });
      assert.equal(changed.status, 200);
      const audit = await ctx.request('GET', '/v1/audit-log?subject_type=langfuse_connection', { key: tenant.key });
      assert.equal(audit.status, 200, JSON.stringify(audit.body));
      const actions = audit.body.data.map((entry: { action: string }) => entry.action);
      assert.deepEqual(actions.sort(), ['langfuse_connection.created', 'langfuse_connection.updated']);
      assert.ok(!audit.raw.body.includes('s3cr3t'));
      assertError(
        await ctx.request('PUT', '/v1/connections/langfuse', {
          key: tenant.key,
          body: { base_url: 'ftp://langfuse.example.com', public_key: 'pk', secret_key: 'sk' },
        }),
        400,
        'langfuse_url_refused',
      );
    });

    it('sends message feedback and rating answers as scores valid against the Langfuse schema', async () => {
      const tenant = await ctx.newTenant();
      const base = nextBase();
      assert.equal((await connect(ctx, tenant, base)).status, 200);
      const conv = await tracedConversation(ctx, tenant);
      const [userMessage, aiMessage] = conv.messages;
      await ctx.request('POST', `/v1/messages/${aiMessage.uid}/feedback`, {
        key: tenant.key,
        body: { rating: 'like', comment: 'Spot on' },
      });
      // The user's message has no trace of its own: its feedback has nothing to score in Langfuse.
      await ctx.request('POST', `/v1/messages/${userMessage.uid}/feedback`, {
        key: tenant.key,
        body: { rating: 'dislike' },
      });
      const offered = await ctx.request('POST', `/v1/conversations/${conv.id}/ratings`, {
        key: tenant.key,
        body: { question_codes: ['STARS', 'NPS', 'HELPFUL_THUMBS'] },
      });
      assert.equal(offered.status, 201, JSON.stringify(offered.body));
      const answered = await ctx.request('POST', `/v1/ratings/${offered.body.data.id}/answers`, {
        key: tenant.key,
        body: {
          answers: [
            { code: 'STARS', value: 4 },
            { code: 'NPS', value: 9 },
            { code: 'HELPFUL_THUMBS', value: 0 },
          ],
          comment: 'Quick',
        },
      });
      assert.ok(answered.status < 300, JSON.stringify(answered.body));
      // A conversation without traces makes no score.
      const plain = (
        await ctx.request('POST', '/v1/conversations', {
          key: tenant.key,
          body: { agent_type: 'ai', messages: [{ role: 'ai', text: 'Hi' }] },
        })
      ).body.data;
      await ctx.request('POST', `/v1/messages/${plain.messages[0].uid}/feedback`, {
        key: tenant.key,
        body: { rating: 'like' },
      });
      await drain(worker);

      assert.deepEqual(langfuse.invalid, []);
      const received = at(base);
      const expected = `Basic ${Buffer.from('pk-lf-1234567890:sk-lf-s3cr3t-value').toString('base64')}`;
      for (const entry of received) assert.equal(entry.authorization, expected);
      const byName = new Map(received.map((entry) => [entry.body.name as string, entry.body]));
      assert.deepEqual([...byName.keys()].sort(), ['helpful_thumbs', 'nps', 'stars', 'user_feedback']);
      const feedback = byName.get('user_feedback')!;
      assert.equal(feedback.traceId, 'trace-1');
      assert.equal(feedback.observationId, 'span-1');
      assert.equal(feedback.value, 1);
      assert.equal(feedback.dataType, 'BOOLEAN');
      assert.equal(feedback.comment, 'Spot on');
      assert.deepEqual(
        ['stars', 'nps', 'helpful_thumbs'].map((name) => {
          const score = byName.get(name)!;
          return [score.traceId, score.observationId, score.value, score.dataType, score.comment];
        }),
        [
          ['trace-1', undefined, 4, 'NUMERIC', 'Quick'],
          ['trace-1', undefined, 9, 'NUMERIC', 'Quick'],
          ['trace-1', undefined, 0, 'BOOLEAN', 'Quick'],
        ],
      );
      assert.equal(received.length, 4);
      assert.equal(new Set(received.map((entry) => entry.body.id)).size, 4);
      const status = (await ctx.request('GET', '/v1/connections/langfuse', { key: tenant.key })).body.data.delivery;
      assert.equal(status.state, 'delivering');
      assert.equal(status.delivered, 4);
      assert.ok(status.last_delivered_at);
      assert.deepEqual(status.recent_errors, []);
    });

    it('retries after a 500 with the same score id, and a changed opinion updates the same score', async () => {
      const tenant = await ctx.newTenant();
      const base = nextBase();
      await connect(ctx, tenant, base);
      const conv = await tracedConversation(ctx, tenant, 'trace-retry');
      langfuse.answers.push(500);
      await ctx.request('POST', `/v1/messages/${conv.messages[1].uid}/feedback`, {
        key: tenant.key,
        body: { rating: 'like' },
      });
      await drain(worker);
      const attempts = at(base);
      assert.equal(attempts.length, 2);
      assert.equal(attempts[0]!.body.id, attempts[1]!.body.id);
      assert.deepEqual(attempts[0]!.body, attempts[1]!.body);
      const stored = [...langfuse.scores.keys()].filter((key) => key.startsWith(new URL(base).pathname));
      assert.equal(stored.length, 1);

      const status = (await ctx.request('GET', '/v1/connections/langfuse', { key: tenant.key })).body.data.delivery;
      assert.equal(status.state, 'delivering');
      assert.equal(status.recent_errors.length, 1);
      assert.equal(status.recent_errors[0].status_code, 500);
      assert.match(status.recent_errors[0].error, /500/);

      await ctx.request('POST', `/v1/messages/${conv.messages[1].uid}/feedback`, {
        key: tenant.key,
        body: { rating: 'dislike' },
      });
      await drain(worker);
      const after = at(base);
      assert.equal(after.length, 3);
      assert.equal(after[2]!.body.id, attempts[0]!.body.id);
      assert.equal(after[2]!.body.value, 0);
      assert.equal([...langfuse.scores.keys()].filter((key) => key.startsWith(new URL(base).pathname)).length, 1);
    });

    it('a withdrawn like removes its score, and a comment alone sends nothing', async () => {
      const tenant = await ctx.newTenant();
      const base = nextBase();
      await connect(ctx, tenant, base);
      const conv = await tracedConversation(ctx, tenant, 'trace-withdrawn');
      const feedback = (body: object) =>
        ctx.request('POST', `/v1/messages/${conv.messages[1].uid}/feedback`, { key: tenant.key, body });
      const storedHere = () => [...langfuse.scores.keys()].filter((key) => key.startsWith(new URL(base).pathname));

      // A comment with no like or dislike has no score, and nothing to remove.
      await feedback({ comment: 'Not sure yet' });
      await drain(worker);
      assert.equal(at(base).length, 0);

      await feedback({ rating: 'like' });
      await drain(worker);
      assert.equal(storedHere().length, 1);
      const id = at(base)[0]!.body.id as string;

      await feedback({ rating: null });
      await drain(worker);
      const sent = at(base);
      assert.equal(sent.length, 2);
      assert.equal(sent[1]!.path, `${new URL(base).pathname}/api/public/scores/${id}`);
      assert.deepEqual(storedHere(), []);
      assert.deepEqual(langfuse.invalid, []);

      // Withdrawn again after Langfuse lost it: its 404 means done, not a failure to retry.
      await feedback({ rating: 'dislike' });
      await feedback({ rating: null });
      await drain(worker);
      assert.equal(at(base).length, 3, 'the dislike, superseded before it was sent, and its removal: one request');
      const status = (await ctx.request('GET', '/v1/connections/langfuse', { key: tenant.key })).body.data.delivery;
      assert.deepEqual(
        (await deliveriesOf(ctx, tenant.orgId)).filter((row) => row.status === 'pending'),
        [],
      );
      assert.equal(
        status.recent_errors.filter((error: { status_code: number }) => error.status_code === 404).length,
        0,
      );
    });

    it('tests the saved keys against Langfuse, and names the project they belong to', async () => {
      const tenant = await ctx.newTenant();
      const other = await ctx.newTenant();
      const base = nextBase();
      assertError(
        await ctx.request('POST', '/v1/connections/langfuse/test', { key: tenant.key }),
        404,
        'langfuse_connection_not_found',
      );
      await connect(ctx, tenant, base);
      const passed = await withoutWrites(ctx.database, () =>
        ctx.request('POST', '/v1/connections/langfuse/test', { key: tenant.key }),
      );
      assert.equal(passed.status, 200);
      assert.deepEqual(
        { ...passed.body.data, checked_at: undefined },
        {
          ok: true,
          status_code: 200,
          project: { id: 'proj-support', name: 'Support bot' },
          error: null,
          checked_at: undefined,
        },
      );
      assert.equal(langfuse.checks.filter((path) => path.startsWith(new URL(base).pathname)).length, 1);

      // Wrong keys: Langfuse's 401 is the answer, in words, not an error of Plaudit's.
      await connect(ctx, tenant, base, { pk: 'pk-lf-wrong-000000', sk: 'sk-lf-wrong' });
      const refused = (await ctx.request('POST', '/v1/connections/langfuse/test', { key: tenant.key })).body.data;
      assert.equal(refused.ok, false);
      assert.equal(refused.status_code, 401);
      assert.equal(refused.project, null);
      assert.match(refused.error, /refused the keys \(HTTP 401\)/);

      // Another organization tests nothing of this one's, and sends nothing to its Langfuse.
      const before = langfuse.checks.length;
      assertError(
        await ctx.request('POST', '/v1/connections/langfuse/test', { key: other.key }),
        404,
        'langfuse_connection_not_found',
      );
      assert.equal(langfuse.checks.length, before);
    });

    it('refused feedback enqueues no score', async () => {
      const tenant = await ctx.newTenant();
      const base = nextBase();
      await connect(ctx, tenant, base);
      const conv = await tracedConversation(ctx, tenant);
      const refused = await withoutWrites(ctx.database, () =>
        ctx.request('POST', `/v1/messages/${conv.messages[1].uid}/feedback`, {
          key: tenant.key,
          body: { rating: 'meh' },
        }),
      );
      assert.equal(refused.status, 400);
      const readOnly = await ctx.newKey(tenant, ['read_all']);
      const forbidden = await withoutWrites(ctx.database, () =>
        ctx.request('POST', `/v1/messages/${conv.messages[1].uid}/feedback`, {
          key: readOnly.key,
          body: { rating: 'like' },
        }),
      );
      assert.equal(forbidden.status, 403);
      assert.deepEqual(await deliveriesOf(ctx, tenant.orgId), []);
      await drain(worker);
      assert.equal(at(base).length, 0);
    });

    it('lets another organization see, change and receive nothing of a connection', async () => {
      const owner = await ctx.newTenant();
      const other = await ctx.newTenant();
      const base = nextBase();
      await connect(ctx, owner, base);
      assert.deepEqual((await ctx.request('GET', '/v1/connections/langfuse', { key: other.key })).body, { data: null });
      assertError(
        await ctx.request('DELETE', '/v1/connections/langfuse', { key: other.key }),
        404,
        'langfuse_connection_not_found',
      );
      // The other organization's own connection is its own: the owner's stays as it was.
      const otherBase = nextBase();
      await connect(ctx, other, otherBase, { pk: 'pk-lf-other-000000', sk: 'sk-lf-other' });
      const owners = (await ctx.request('GET', '/v1/connections/langfuse', { key: owner.key })).body.data;
      assert.equal(owners.base_url, base);
      assert.equal(owners.public_key_masked, 'pk-lf-••••7890');
      const conv = await tracedConversation(ctx, other, 'trace-other');
      await ctx.request('POST', `/v1/messages/${conv.messages[1].uid}/feedback`, {
        key: other.key,
        body: { rating: 'like' },
      });
      await drain(worker);
      assert.equal(at(base).length, 0);
      assert.equal(at(otherBase).length, 1);
      assert.equal(
        at(otherBase)[0]!.authorization,
        `Basic ${Buffer.from('pk-lf-other-000000:sk-lf-other').toString('base64')}`,
      );
      assert.equal(
        (await ctx.request('GET', '/v1/connections/langfuse', { key: owner.key })).body.data.delivery.state,
        'waiting',
      );
    });

    it('refuses agents and read-only keys', async () => {
      const tenant = await ctx.newTenant();
      await connect(ctx, tenant, nextBase());
      const agent = await ctx.app.services.accounts.createUser({
        orgId: tenant.orgId,
        email: uniqueEmail('agent'),
        role: 'agent',
        name: 'Aiko Agent',
        password: PASSWORD,
      });
      const readOnly = await ctx.newKey(tenant, ['read_all']);
      for (const [method, url, body] of [
        ['GET', '/v1/connections/langfuse', undefined],
        [
          'PUT',
          '/v1/connections/langfuse',
          { base_url: 'https://cloud.langfuse.com', public_key: 'pk-lf-x', secret_key: 'sk-lf-x' },
        ],
        ['POST', '/v1/connections/langfuse/test', undefined],
        ['DELETE', '/v1/connections/langfuse', undefined],
      ] as const) {
        assertError(await ctx.request(method, url, { key: agent.apiKey.api_key, body }), 403, 'forbidden_role');
        assertError(await ctx.request(method, url, { key: readOnly.key, body }), 403, 'insufficient_scope');
      }
      const still = (await ctx.request('GET', '/v1/connections/langfuse', { key: tenant.key })).body.data;
      assert.notEqual(still.base_url, 'https://cloud.langfuse.com');
    });

    it('disconnects: the connection, its unsent scores and its log go, and new feedback sends nothing', async () => {
      const tenant = await ctx.newTenant();
      const base = nextBase();
      await connect(ctx, tenant, base);
      const conv = await tracedConversation(ctx, tenant);
      await ctx.request('POST', `/v1/messages/${conv.messages[1].uid}/feedback`, {
        key: tenant.key,
        body: { rating: 'like' },
      });
      assert.equal((await deliveriesOf(ctx, tenant.orgId)).length, 1);
      assert.equal((await ctx.request('DELETE', '/v1/connections/langfuse', { key: tenant.key })).status, 204);
      assert.deepEqual(await deliveriesOf(ctx, tenant.orgId), []);
      await ctx.request('POST', `/v1/messages/${conv.messages[1].uid}/feedback`, {
        key: tenant.key,
        body: { rating: 'dislike' },
      });
      assert.deepEqual(await deliveriesOf(ctx, tenant.orgId), []);
      await drain(worker);
      assert.equal(at(base).length, 0);
    });
  },
  { config: { secretKey: SECRET_KEY } },
);

describeEachDialect('Langfuse bridge without PLAUDIT_SECRET_KEY', (ctx) => {
  it('refuses to save a connection, and stores nothing', async () => {
    const tenant = await ctx.newTenant();
    assertError(
      await withoutWrites(ctx.database, () =>
        ctx.request('PUT', '/v1/connections/langfuse', {
          key: tenant.key,
          body: { base_url: 'https://cloud.langfuse.com', public_key: 'pk-lf-1', secret_key: 'sk-lf-1' },
        }),
      ),
      409,
      'secret_key_unset',
      /PLAUDIT_SECRET_KEY/,
    );
    assert.deepEqual((await ctx.request('GET', '/v1/connections/langfuse', { key: tenant.key })).body, { data: null });
  });
});
