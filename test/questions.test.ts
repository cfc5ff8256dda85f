import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { assertError, describeEachDialect, type TestContext, type Tenant } from './helpers/app.js';
import { withoutWrites } from './helpers/refusals.js';
import { uniqueEmail } from './helpers/sessions.js';

const ease = {
  code: 'EASE_OF_HELP',
  kind: 'ces',
  labels: { en: 'How easy was it to get help?', de: 'Wie einfach war es, Hilfe zu bekommen?' },
  help: { en: '1 is very hard, 7 very easy.' },
  follow_up: {
    reasons: [
      { id: 'TOO_SLOW', labels: { en: 'It took too long' } },
      { id: 'NOT_SOLVED', labels: { en: 'My problem was not solved' } },
    ],
    comment_prompt: { en: 'What could we do better?' },
  },
};

const topic = {
  code: 'TOPIC',
  kind: 'choice',
  labels: { en: 'What was it about?' },
  options: [
    { id: 'PRICE', labels: { en: 'Price' } },
    { id: 'DELIVERY', labels: { en: 'Delivery' } },
    { id: 'RETURNS', labels: { en: 'Returns' } },
  ],
  multiple: true,
  required: false,
};

const create = (ctx: TestContext, key: string, body: Record<string, unknown>) =>
  ctx.request('POST', '/v1/questions', { key, body });

describeEachDialect('Questions of the organization’s own', (ctx) => {
  let tenant: Tenant;
  let other: Tenant;
  let agentKey: string;

  before(async () => {
    tenant = await ctx.newTenant('Questions Org');
    other = await ctx.newTenant('Other Questions Org');
    const agent = await ctx.app.services.accounts.createUser({
      orgId: tenant.orgId,
      email: uniqueEmail('agent'),
      role: 'agent',
      name: 'Quinn Agent',
    });
    agentKey = agent.apiKey.api_key;
  });

  it('creates questions after the built-in codes, and reads them back with their defaults', async () => {
    const created = await create(ctx, tenant.key, ease);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.deepEqual(
      { ...created.body.data, created_at: undefined, updated_at: undefined },
      {
        code: 'EASE_OF_HELP',
        kind: 'ces',
        built_in: false,
        version: 1,
        position: 1,
        labels: ease.labels,
        help: ease.help,
        required: true,
        options: [],
        multiple: false,
        follow_up: ease.follow_up,
        archived_at: null,
        created_at: undefined,
        updated_at: undefined,
      },
    );
    assert.equal((await create(ctx, tenant.key, topic)).body.data.position, 2);

    const list = await ctx.request('GET', '/v1/questions', { key: tenant.key });
    assert.equal(list.status, 200);
    assert.deepEqual(
      list.body.data.map((question: { code: string; built_in: boolean }) => [question.code, question.built_in]),
      [
        ['HELPFUL_THUMBS', true],
        ['EXPERIENCE_THUMBS', true],
        ['CSAT', true],
        ['STARS', true],
        ['NPS', true],
        ['EASE_OF_HELP', false],
        ['TOPIC', false],
      ],
    );
    const csat = list.body.data[2];
    assert.equal(csat.kind, 'stars', 'the built-in CSAT keeps its kind');
    assert.equal(csat.labels.de, 'Wie bewerten Sie Ihr Gespräch mit {brand}?');
    assert.equal(csat.version, null);

    const one = await ctx.request('GET', '/v1/questions/TOPIC', { key: tenant.key });
    assert.equal(one.status, 200);
    assert.deepEqual(
      one.body.data.options.map((option: { id: string }) => option.id),
      ['PRICE', 'DELIVERY', 'RETURNS'],
    );
    assert.equal(one.body.data.multiple, true);
    assert.equal((await ctx.request('GET', '/v1/questions/NPS', { key: tenant.key })).body.data.kind, 'nps');

    const log = await ctx.request('GET', '/v1/audit-log?action=question.created', { key: tenant.key });
    assert.deepEqual(
      log.body.data.map((entry: { subject_id: string }) => entry.subject_id),
      ['TOPIC', 'EASE_OF_HELP'],
    );
  });

  it('writes a new version on each change, keeps the earlier ones, and never changes the kind', async () => {
    const changed = await ctx.request('PATCH', '/v1/questions/EASE_OF_HELP', {
      key: tenant.key,
      body: { labels: { en: 'How easy was it?' }, help: null },
    });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.equal(changed.body.data.version, 2);
    assert.deepEqual(changed.body.data.labels, { en: 'How easy was it?' });
    assert.deepEqual(changed.body.data.help, {});
    assert.deepEqual(changed.body.data.follow_up, ease.follow_up, 'fields not sent stay');

    // The same definition again is no new version.
    const same = await ctx.request('PATCH', '/v1/questions/EASE_OF_HELP', {
      key: tenant.key,
      body: { labels: { en: 'How easy was it?' }, kind: 'ces' },
    });
    assert.equal(same.body.data.version, 2);

    const versions = await ctx.request('GET', '/v1/questions/EASE_OF_HELP/versions', { key: tenant.key });
    assert.equal(versions.status, 200);
    assert.deepEqual(
      versions.body.data.map((version: { version: number; labels: object }) => [version.version, version.labels]),
      [
        [1, ease.labels],
        [2, { en: 'How easy was it?' }],
      ],
    );
    assert.deepEqual((await ctx.request('GET', '/v1/questions/CSAT/versions', { key: tenant.key })).body.data, []);

    const kind = await withoutWrites(ctx.database, () =>
      ctx.request('PATCH', '/v1/questions/EASE_OF_HELP', { key: tenant.key, body: { kind: 'nps' } }),
    );
    assertError(kind, 409, 'question_kind_change');

    const log = await ctx.request('GET', '/v1/audit-log?action=question.updated', { key: tenant.key });
    assert.equal(log.body.data.length, 1);
    assert.deepEqual(log.body.data[0].details.before.labels, ease.labels);
    assert.deepEqual(log.body.data[0].details.after, { labels: { en: 'How easy was it?' }, help: {} });
  });

  it('reorders, archives (answers stay readable) and lists archived questions on request', async () => {
    await create(ctx, tenant.key, { code: 'WOULD_RETURN', kind: 'thumbs', labels: { en: 'Would you come back?' } });
    const order = await ctx.request('PUT', '/v1/questions/order', { key: tenant.key, body: { codes: ['TOPIC'] } });
    assert.equal(order.status, 200, JSON.stringify(order.body));
    const own = (body: any) =>
      body.data.filter((question: { built_in: boolean }) => !question.built_in).map((q: { code: string }) => q.code);
    assert.deepEqual(own(order.body), ['TOPIC', 'EASE_OF_HELP', 'WOULD_RETURN']);

    const archived = await ctx.request('DELETE', '/v1/questions/WOULD_RETURN', { key: tenant.key });
    assert.equal(archived.status, 200);
    assert.ok(archived.body.data.archived_at);
    assert.deepEqual(own((await ctx.request('GET', '/v1/questions', { key: tenant.key })).body), [
      'TOPIC',
      'EASE_OF_HELP',
    ]);
    const all = await ctx.request('GET', '/v1/questions?include_archived=true', { key: tenant.key });
    assert.deepEqual(own(all.body), ['TOPIC', 'EASE_OF_HELP', 'WOULD_RETURN']);
    assert.equal((await ctx.request('GET', '/v1/questions/WOULD_RETURN', { key: tenant.key })).status, 200);

    assertError(
      await ctx.request('PATCH', '/v1/questions/WOULD_RETURN', { key: tenant.key, body: { required: false } }),
      409,
      'question_archived',
    );
    // Its code stays taken.
    assertError(
      await create(ctx, tenant.key, { code: 'WOULD_RETURN', kind: 'thumbs', labels: { en: 'Again?' } }),
      409,
      'question_code_taken',
    );
    assertError(
      await ctx.request('PUT', '/v1/questions/order', { key: tenant.key, body: { codes: ['WOULD_RETURN'] } }),
      400,
      'unknown_question_code',
    );
  });

  it('restores an archived question: asked again, last in the order, in its version, once in the audit log', async () => {
    const own = (body: any) =>
      body.data.filter((question: { built_in: boolean }) => !question.built_in).map((q: { code: string }) => q.code);
    const offer = async () => {
      const conversation = await ctx.request('POST', '/v1/conversations', { key: tenant.key, body: {} });
      return ctx.request('POST', `/v1/conversations/${conversation.body.data.id}/ratings`, {
        key: tenant.key,
        body: { question_codes: ['WOULD_RETURN'] },
      });
    };
    assert.notEqual((await offer()).status, 201, 'an archived question is not offered');

    const restored = await ctx.request('POST', '/v1/questions/WOULD_RETURN/restore', { key: tenant.key });
    assert.equal(restored.status, 200, JSON.stringify(restored.body));
    assert.equal(restored.body.data.archived_at, null);
    assert.equal(restored.body.data.version, 1);
    assert.deepEqual(own((await ctx.request('GET', '/v1/questions', { key: tenant.key })).body), [
      'TOPIC',
      'EASE_OF_HELP',
      'WOULD_RETURN',
    ]);
    const offered = await offer();
    assert.equal(offered.status, 201, JSON.stringify(offered.body));
    assert.deepEqual(
      offered.body.data.questions.map((question: { code: string }) => question.code),
      ['WOULD_RETURN'],
    );
    const edited = await ctx.request('PATCH', '/v1/questions/WOULD_RETURN', {
      key: tenant.key,
      body: { labels: { en: 'Would you come back to us?' } },
    });
    assert.equal(edited.status, 200, 'a restored question can change again');

    // Restoring an active question changes nothing, and writes nothing.
    const again = await withoutWrites(ctx.database, () =>
      ctx.request('POST', '/v1/questions/WOULD_RETURN/restore', { key: tenant.key }),
    );
    assert.equal(again.status, 200);
    const log = await ctx.request('GET', '/v1/audit-log?action=question.restored', { key: tenant.key });
    assert.equal(log.body.data.length, 1);
    assert.equal(log.body.data[0].subject_name, 'WOULD_RETURN');
    assert.deepEqual(log.body.data[0].details, { name: 'WOULD_RETURN', version: 1 });
    for (const [code, status, error] of [
      ['CSAT', 409, 'built_in_question'],
      ['NOPE', 404, 'question_not_found'],
    ] as const) {
      assertError(
        await withoutWrites(ctx.database, () =>
          ctx.request('POST', `/v1/questions/${code}/restore`, { key: tenant.key }),
        ),
        status,
        error,
      );
    }
  });

  it('refuses bad codes and definitions with a stable code, writing nothing', async () => {
    const refusals: Array<[Record<string, unknown>, number, string]> = [
      [{ ...ease, code: 'ease_of_help' }, 400, 'invalid_question_code'],
      [{ ...ease, code: 'X' }, 400, 'invalid_question_code'],
      [{ ...ease, code: 'A__B' }, 400, 'invalid_question_code'],
      [{ ...ease, code: 'CSAT' }, 409, 'question_code_taken'],
      [{ ...ease }, 409, 'question_code_taken'],
      [{ ...ease, code: 'NO_LABEL', labels: {} }, 400, 'invalid_question_definition'],
      [{ ...ease, code: 'LONG_LABEL', labels: { en: 'x'.repeat(201) } }, 400, 'invalid_question_definition'],
      [{ ...ease, code: 'KLINGON', labels: { tlh: 'Qapla' } }, 400, 'unsupported_language'],
      [{ ...topic, code: 'ONE_OPTION', options: topic.options.slice(0, 1) }, 400, 'invalid_question_definition'],
      [
        { ...topic, code: 'TWIN_OPTIONS', options: [topic.options[0], topic.options[0]] },
        400,
        'invalid_question_definition',
      ],
      [{ ...ease, code: 'STARS_OPTIONS', kind: 'stars', options: topic.options }, 400, 'invalid_question_definition'],
      [{ ...topic, code: 'CHOICE_FOLLOW_UP', follow_up: ease.follow_up }, 400, 'invalid_question_definition'],
      [{ ...ease, code: 'TEXT_MULTI', kind: 'text', multiple: true }, 400, 'invalid_question_definition'],
      [{ ...ease, code: 'BAD_KIND', kind: 'slider' }, 400, 'validation_failed'],
    ];
    for (const [body, status, code] of refusals) {
      assertError(await withoutWrites(ctx.database, () => create(ctx, tenant.key, body)), status, code);
    }
    const patches: Array<[string, Record<string, unknown>, number, string]> = [
      ['CSAT', { labels: { en: 'Mine' } }, 409, 'built_in_question'],
      ['TOPIC', { options: [] }, 400, 'invalid_question_definition'],
      ['NOPE', { required: false }, 404, 'question_not_found'],
    ];
    for (const [code, body, status, error] of patches) {
      const answer = await withoutWrites(ctx.database, () =>
        ctx.request('PATCH', `/v1/questions/${code}`, { key: tenant.key, body }),
      );
      assertError(answer, status, error);
    }
    assertError(
      await withoutWrites(ctx.database, () => ctx.request('DELETE', '/v1/questions/NPS', { key: tenant.key })),
      409,
      'built_in_question',
    );
    assertError(
      await withoutWrites(ctx.database, () =>
        ctx.request('PUT', '/v1/questions/order', { key: tenant.key, body: { codes: ['CSAT'] } }),
      ),
      409,
      'built_in_question',
    );
  });

  it("lets another organization's key see and change nothing of this organization's questions", async () => {
    const theirs = await ctx.request('GET', '/v1/questions?include_archived=true', { key: other.key });
    assert.equal(theirs.status, 200);
    assert.ok(theirs.body.data.every((question: { built_in: boolean }) => question.built_in));
    const attempts: Array<[string, string, unknown?]> = [
      ['GET', '/v1/questions/TOPIC'],
      ['GET', '/v1/questions/TOPIC/versions'],
      ['PATCH', '/v1/questions/TOPIC', { required: true }],
      ['DELETE', '/v1/questions/TOPIC'],
      ['POST', '/v1/questions/TOPIC/restore'],
    ];
    for (const [method, url, body] of attempts) {
      const answer = await withoutWrites(ctx.database, () => ctx.request(method, url, { key: other.key, body }));
      assertError(answer, 404, 'question_not_found');
    }
    assertError(
      await withoutWrites(ctx.database, () =>
        ctx.request('PUT', '/v1/questions/order', { key: other.key, body: { codes: ['TOPIC'] } }),
      ),
      400,
      'unknown_question_code',
    );
    // The same code is free in another organization.
    assert.equal((await create(ctx, other.key, topic)).status, 201);
    const ours = await ctx.request('GET', '/v1/questions/TOPIC', { key: tenant.key });
    assert.equal(ours.body.data.version, 1);
    assert.equal(ours.body.data.position, 1);
  });

  it('refuses agents every write, and lets them read', async () => {
    assert.equal((await ctx.request('GET', '/v1/questions', { key: agentKey })).status, 200);
    assert.equal((await ctx.request('GET', '/v1/questions/TOPIC/versions', { key: agentKey })).status, 200);
    const writes: Array<[string, string, unknown]> = [
      ['POST', '/v1/questions', { ...topic, code: 'AGENT_MADE' }],
      ['PATCH', '/v1/questions/TOPIC', { required: true }],
      ['DELETE', '/v1/questions/TOPIC', undefined],
      ['PUT', '/v1/questions/order', { codes: ['EASE_OF_HELP'] }],
    ];
    for (const [method, url, body] of writes) {
      const answer = await withoutWrites(ctx.database, () => ctx.request(method, url, { key: agentKey, body }));
      assertError(answer, 403, 'forbidden_role');
    }
    const readOnly = await ctx.newKey(tenant, ['read_all']);
    assertError(
      await withoutWrites(ctx.database, () =>
        ctx.request('PATCH', '/v1/questions/TOPIC', { key: readOnly.key, body: { required: true } }),
      ),
      403,
      'insufficient_scope',
    );
  });
});
