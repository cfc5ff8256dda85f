import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, it } from 'node:test';
import { assertError, describeEachDialect, type TestContext, type Tenant } from './helpers/app.js';

/**
 * The figures of an organization's own questions, each worked out by hand from the answers below; another
 * organization answering the same codes on the same days changes none of them.
 *
 * In range (1-10 March), TOPIC (choice, several), HELP_CSAT (csat with reasons), EFFORT (ces):
 *   A  Anna, chat, tag vip, 2 March 23:30 UTC  TOPIC [BILLING, DELIVERY]  HELP_CSAT 2 [TOO_SLOW, WRONG]  EFFORT 2
 *   B  Anna, email,         3 March 10:00      TOPIC [BILLING]            HELP_CSAT 1 [TOO_SLOW]         EFFORT 5
 *   C  Nova, chat,          4 March 10:00      TOPIC [RETURNS]            HELP_CSAT 5                    EFFORT 7
 *   D  Nova, chat,          5 March 10:00      (TOPIC not answered)       HELP_CSAT 2 [RUDE]             EFFORT 6
 * Out of range: E  Anna, chat, 20 March  TOPIC [RETURNS]  HELP_CSAT 1 [WRONG]  EFFORT 1
 */

const ANNA = randomUUID();
const NOVA = randomUUID();
const RANGE = 'from=2026-03-01&to=2026-03-10';

interface Item {
  id: string;
  label: string;
  count: number;
  share: number | null;
}

const items = (list: Item[]) => list.map((item) => [item.id, item.label, item.count, item.share]);

async function define(ctx: TestContext, tenant: Tenant) {
  const questions = [
    {
      code: 'TOPIC',
      kind: 'choice',
      labels: { en: 'What was your chat about?', de: 'Worum ging es?' },
      multiple: true,
      options: [
        { id: 'BILLING', labels: { en: 'Billing', de: 'Rechnung' } },
        { id: 'DELIVERY', labels: { en: 'Delivery' } },
        { id: 'RETURNS', labels: { en: 'Returns', de: 'Rücksendung' } },
      ],
    },
    {
      code: 'HELP_CSAT',
      kind: 'csat',
      labels: { en: 'How satisfied are you with the help?' },
      follow_up: {
        reasons: [
          { id: 'TOO_SLOW', labels: { en: 'It took too long', de: 'Es dauerte zu lange' } },
          { id: 'WRONG', labels: { en: 'The answer was wrong' } },
          { id: 'RUDE', labels: { en: 'Unfriendly' } },
        ],
        comment_prompt: { en: 'What could we do better?' },
      },
    },
    { code: 'EFFORT', kind: 'ces', labels: { en: 'How easy was it to get help?' } },
  ];
  for (const body of questions) {
    const created = await ctx.request('POST', '/v1/questions', { key: tenant.key, body });
    assert.equal(created.status, 201, JSON.stringify(created.body));
  }
}

type Answer = { code: string; value?: number; choices?: string[]; reasons?: string[] };

async function rated(
  ctx: TestContext,
  tenant: Tenant,
  conversation: Record<string, unknown>,
  at: string,
  answers: Answer[],
) {
  const created = await ctx.request('POST', '/v1/conversations', { key: tenant.key, body: conversation });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const offered = await ctx.request('POST', `/v1/conversations/${created.body.data.id}/ratings`, {
    key: tenant.key,
    body: { question_codes: ['TOPIC', 'HELP_CSAT', 'EFFORT'], offered_at: at, expires_in_hours: 720 },
  });
  assert.equal(offered.status, 201, JSON.stringify(offered.body));
  const answered = await ctx.request('POST', `/v1/ratings/${offered.body.data.id}/answers`, {
    key: tenant.key,
    body: { answers, submitted_at: at },
  });
  assert.equal(answered.status, 200, JSON.stringify(answered.body));
  return offered.body.data as { id: number; uid: string };
}

const anna = (channel: string, tags?: string[]) => ({
  agent_id: ANNA,
  agent_type: 'human',
  channel,
  ...(tags ? { tags } : {}),
});
const nova = { agent_id: NOVA, agent_type: 'ai', channel: 'chat' };

async function buildWorld(ctx: TestContext) {
  const tenant = await ctx.newTenant('Questions analytics');
  const other = await ctx.newTenant('Someone else');
  await define(ctx, tenant);
  await define(ctx, other);
  for (const [uid, body] of [
    [ANNA, { type: 'human', name: 'Anna Berg' }],
    [NOVA, { type: 'ai', name: 'Nova' }],
  ] as const) {
    assert.equal((await ctx.request('PUT', `/v1/agents/${uid}`, { key: tenant.key, body })).status, 201);
  }
  await rated(ctx, tenant, anna('chat', ['vip']), '2026-03-02T23:30:00Z', [
    { code: 'TOPIC', choices: ['BILLING', 'DELIVERY'] },
    { code: 'HELP_CSAT', value: 2, reasons: ['TOO_SLOW', 'WRONG'] },
    { code: 'EFFORT', value: 2 },
  ]);
  await rated(ctx, tenant, anna('email'), '2026-03-03T10:00:00Z', [
    { code: 'TOPIC', choices: ['BILLING'] },
    { code: 'HELP_CSAT', value: 1, reasons: ['TOO_SLOW'] },
    { code: 'EFFORT', value: 5 },
  ]);
  await rated(ctx, tenant, nova, '2026-03-04T10:00:00Z', [
    { code: 'TOPIC', choices: ['RETURNS'] },
    { code: 'HELP_CSAT', value: 5 },
    { code: 'EFFORT', value: 7 },
  ]);
  await rated(ctx, tenant, nova, '2026-03-05T10:00:00Z', [
    { code: 'HELP_CSAT', value: 2, reasons: ['RUDE'] },
    { code: 'EFFORT', value: 6 },
  ]);
  await rated(ctx, tenant, anna('chat'), '2026-03-20T10:00:00Z', [
    { code: 'TOPIC', choices: ['RETURNS'] },
    { code: 'HELP_CSAT', value: 1, reasons: ['WRONG'] },
    { code: 'EFFORT', value: 1 },
  ]);
  // The other organization answers the same codes, with the same agent id, on the same days.
  for (const day of ['02', '04']) {
    await rated(ctx, other, anna('chat'), `2026-03-${day}T12:00:00Z`, [
      { code: 'TOPIC', choices: ['DELIVERY'] },
      { code: 'HELP_CSAT', value: 1, reasons: ['RUDE'] },
      { code: 'EFFORT', value: 1 },
    ]);
  }
  return { tenant, other };
}

describeEachDialect('GET /v1/analytics/questions', (ctx) => {
  let world: Awaited<ReturnType<typeof buildWorld>>;
  const get = async (query: string, key = world.tenant.key) => {
    const answer = await ctx.request('GET', `/v1/analytics/questions?${query}`, { key });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    return answer.body as { from: string; to: string; language: string; data: any[] };
  };
  const byCode = (body: { data: any[] }, code: string) => body.data.find((question) => question.code === code);

  before(async () => {
    world = await buildWorld(ctx);
  });

  it('counts each option of a choice and its share of the answers', async () => {
    const body = await get(RANGE);
    assert.deepEqual(
      body.data.map((question) => question.code),
      ['TOPIC', 'HELP_CSAT', 'EFFORT'],
      'in their order',
    );
    const topic = byCode(body, 'TOPIC');
    // A, B and C answered; BILLING twice (A, B) = 2/3, DELIVERY (A) and RETURNS (C) 1/3 each.
    assert.equal(topic.responses, 3);
    assert.equal(topic.label, 'What was your chat about?');
    assert.deepEqual(items(topic.options), [
      ['BILLING', 'Billing', 2, 66.67],
      ['DELIVERY', 'Delivery', 1, 33.33],
      ['RETURNS', 'Returns', 1, 33.33],
    ]);
    assert.deepEqual([topic.average, topic.low, topic.values, topic.reasons], [null, null, [], null]);
    assert.deepEqual(topic.versions, [1]);
  });

  it('breaks the reasons down, in all and per agent by name, with the scale and its average', async () => {
    const csat = byCode(await get(RANGE), 'HELP_CSAT');
    // 2, 1, 5, 2: mean 10 / 4 = 2.5; low (1-2) three times.
    assert.equal(csat.responses, 4);
    assert.equal(csat.average, 2.5);
    assert.equal(csat.low, 3);
    assert.deepEqual(
      csat.values.map((entry: { value: number; count: number; share: number }) => [
        entry.value,
        entry.count,
        entry.share,
      ]),
      [
        [1, 1, 25],
        [2, 2, 50],
        [3, 0, 0],
        [4, 0, 0],
        [5, 1, 25],
      ],
    );
    // Reasons chosen: TOO_SLOW (A, B), WRONG (A), RUDE (D) = 4 in 3 answers.
    assert.equal(csat.reasons.chosen, 4);
    assert.equal(csat.reasons.answers, 3);
    assert.deepEqual(items(csat.reasons.reasons), [
      ['TOO_SLOW', 'It took too long', 2, 50],
      ['WRONG', 'The answer was wrong', 1, 25],
      ['RUDE', 'Unfriendly', 1, 25],
    ]);
    // Anna: TOO_SLOW twice, WRONG once = 3; Nova: RUDE once.
    assert.deepEqual(
      csat.reasons.agents.map((agent: any) => [agent.agent_name, agent.agent_type, agent.chosen, items(agent.reasons)]),
      [
        [
          'Anna Berg',
          'human',
          3,
          [
            ['TOO_SLOW', 'It took too long', 2, 66.67],
            ['WRONG', 'The answer was wrong', 1, 33.33],
            ['RUDE', 'Unfriendly', 0, 0],
          ],
        ],
        [
          'Nova',
          'ai',
          1,
          [
            ['TOO_SLOW', 'It took too long', 0, 0],
            ['WRONG', 'The answer was wrong', 0, 0],
            ['RUDE', 'Unfriendly', 1, 100],
          ],
        ],
      ],
    );
  });

  it('averages the effort score (CES)', async () => {
    const effort = byCode(await get(RANGE), 'EFFORT');
    // 2, 5, 7, 6: mean 20 / 4 = 5; low (1-3) once.
    assert.deepEqual([effort.kind, effort.responses, effort.average, effort.low], ['ces', 4, 5, 1]);
    assert.equal(effort.values.length, 7);
    assert.equal(effort.reasons, null);
  });

  it('honours the filters of the summary: agent, agent type, channel, tag, question, time zone', async () => {
    // Nova: C and D.
    const novas = await get(`${RANGE}&agent_id=${NOVA}`);
    assert.deepEqual(items(byCode(novas, 'TOPIC').options), [
      ['BILLING', 'Billing', 0, 0],
      ['DELIVERY', 'Delivery', 0, 0],
      ['RETURNS', 'Returns', 1, 100],
    ]);
    assert.equal(byCode(novas, 'HELP_CSAT').average, 3.5);
    assert.deepEqual(items(byCode(novas, 'HELP_CSAT').reasons.reasons).at(-1), ['RUDE', 'Unfriendly', 1, 100]);
    assert.equal(byCode(novas, 'EFFORT').average, 6.5);
    assert.deepEqual(
      (await get(`${RANGE}&agent_type=ai`)).data.map((question) => question.responses),
      novas.data.map((question) => question.responses),
    );
    // Email: B alone.
    const email = await get(`${RANGE}&channel=email`);
    assert.deepEqual(
      email.data.map((question) => [question.code, question.responses, question.average]),
      [
        ['TOPIC', 1, null],
        ['HELP_CSAT', 1, 1],
        ['EFFORT', 1, 5],
      ],
    );
    // Tag vip: A alone.
    assert.equal(byCode(await get(`${RANGE}&tag=vip`), 'EFFORT').average, 2);
    // One question.
    assert.deepEqual(
      (await get(`${RANGE}&question_code=EFFORT`)).data.map((question) => question.code),
      ['EFFORT'],
    );
    // 3 March in Berlin holds A (00:30 there) and B; in UTC only B.
    const berlin = await get('from=2026-03-03&to=2026-03-03&tz=Europe/Berlin');
    assert.deepEqual(items(byCode(berlin, 'TOPIC').options).slice(0, 2), [
      ['BILLING', 'Billing', 2, 100],
      ['DELIVERY', 'Delivery', 1, 50],
    ]);
    assert.equal(byCode(await get('from=2026-03-03&to=2026-03-03&tz=UTC'), 'TOPIC').responses, 1);
    // The whole month holds E too.
    assert.equal(byCode(await get('from=2026-03-01&to=2026-03-31'), 'EFFORT').responses, 5);
  });

  it('labels in the language asked for, each falling back to English', async () => {
    const german = await get(`${RANGE}&language=de`);
    assert.equal(german.language, 'de');
    const topic = byCode(german, 'TOPIC');
    assert.equal(topic.label, 'Worum ging es?');
    assert.deepEqual(
      topic.options.map((option: Item) => option.label),
      ['Rechnung', 'Delivery', 'Rücksendung'],
    );
    assert.equal(byCode(german, 'HELP_CSAT').reasons.reasons[0].label, 'Es dauerte zu lange');
    assert.equal(byCode(german, 'HELP_CSAT').label, 'How satisfied are you with the help?');
  });

  it('shows another organization only its own answers, and refuses bad filters', async () => {
    const theirs = await get(RANGE, world.other.key);
    // Their two answers each: DELIVERY twice, HELP_CSAT 1 with RUDE twice, EFFORT 1 twice.
    assert.deepEqual(items(byCode(theirs, 'TOPIC').options)[1], ['DELIVERY', 'Delivery', 2, 100]);
    assert.deepEqual(
      theirs.data.map((question) => [question.code, question.responses, question.average]),
      [
        ['TOPIC', 2, null],
        ['HELP_CSAT', 2, 1],
        ['EFFORT', 2, 1],
      ],
    );
    assert.deepEqual(byCode(theirs, 'HELP_CSAT').reasons.agents[0].agent_name, null, "our agent's name is ours");
    const stranger = await ctx.newTenant('Nobody');
    assert.deepEqual((await get(RANGE, stranger.key)).data, []);

    for (const [query, code] of [
      ['language=xx', 'validation_failed'],
      ['question_code=not-a-code', 'validation_failed'],
      ['from=2026-03-10&to=2026-03-01', 'invalid_date_range'],
      ['tz=Mars/Olympus', 'invalid_timezone'],
      ['metric=csat', 'validation_failed'],
    ]) {
      assertError(await ctx.request('GET', `/v1/analytics/questions?${query}`, { key: world.tenant.key }), 400, code!);
    }
  });

  it('keeps earlier answers readable after an edit: each option labelled from the version it was chosen in', async () => {
    const { tenant } = world;
    // Version 2 renames BILLING, drops RETURNS and adds PRICE.
    const edited = await ctx.request('PATCH', '/v1/questions/TOPIC', {
      key: tenant.key,
      body: {
        options: [
          { id: 'BILLING', labels: { en: 'Invoices' } },
          { id: 'DELIVERY', labels: { en: 'Delivery' } },
          { id: 'PRICE', labels: { en: 'Price' } },
        ],
      },
    });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    await rated(ctx, tenant, nova, '2026-03-06T10:00:00Z', [{ code: 'TOPIC', choices: ['PRICE', 'BILLING'] }]);
    const topic = byCode(await get(RANGE), 'TOPIC');
    // Four answers now: BILLING in A, B (v1) and the new one (v2) = 3/4; the others 1/4 each. RETURNS, gone from
    // version 2, keeps its label from version 1; BILLING reads as version 2 names it, the newest it was chosen in.
    assert.equal(topic.responses, 4);
    assert.deepEqual(topic.versions, [1, 2]);
    assert.deepEqual(items(topic.options), [
      ['BILLING', 'Invoices', 3, 75],
      ['DELIVERY', 'Delivery', 1, 25],
      ['PRICE', 'Price', 1, 25],
      ['RETURNS', 'Returns', 1, 25],
    ]);

    // Archived, a question keeps its figures in ranges it was answered in, and leaves the others.
    assert.equal((await ctx.request('DELETE', '/v1/questions/EFFORT', { key: tenant.key })).status, 200);
    const effort = byCode(await get(RANGE), 'EFFORT');
    assert.deepEqual([effort.archived, effort.average], [true, 5]);
    assert.equal(byCode(await get('from=2026-04-01&to=2026-04-30'), 'EFFORT'), undefined);
    assert.equal(byCode(await get('from=2026-04-01&to=2026-04-30'), 'TOPIC').responses, 0);
  });
});
