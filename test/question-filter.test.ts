import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, it } from 'node:test';
import { assertError, describeEachDialect, type TestContext, type Tenant } from './helpers/app.js';

/**
 * `question_code` naming an organization's own question, on every endpoint that takes the analytics filters. Each
 * figure is worked out by hand from the answers below (the organization's time zone is UTC):
 *
 *   A  Anna, 2 March 10:00  CSAT 1  HELP_CSAT 5  RECOMMEND 10  EFFORT 6
 *   B  Anna, 3 March 10:00  CSAT 1  HELP_CSAT 4  RECOMMEND 9   EFFORT 3
 *   C  Nova, 4 March 10:00  CSAT 1  HELP_CSAT 2  RECOMMEND 3   EFFORT 7
 *   D  Nova, 6 March 10:00  OLD_CSAT 1 (a csat question archived since)
 *
 * HELP_CSAT (csat): 5, 4, 2 -> average 11 / 3 = 3.67, CSAT 2 of 3 = 66.67%.
 * RECOMMEND (nps): 10, 9, 3 -> 2 promoters, 1 detractor: NPS (2 - 1) / 3 = 33.33.
 * EFFORT (ces): 6, 3, 7 -> CES average 16 / 3 = 5.33; 3 is low (1-3).
 * The other organization has a HELP_CSAT of its own answered 1 on the same days, and a question OTHER_ONLY.
 */

const ANNA = randomUUID();
const NOVA = randomUUID();
const RANGE = 'from=2026-03-01&to=2026-03-10';
const CODES = ['CSAT', 'HELP_CSAT', 'RECOMMEND', 'EFFORT'];

async function define(ctx: TestContext, tenant: Tenant, questions: Array<Record<string, unknown>>) {
  for (const body of questions) {
    const created = await ctx.request('POST', '/v1/questions', { key: tenant.key, body });
    assert.equal(created.status, 201, JSON.stringify(created.body));
  }
}

async function rated(
  ctx: TestContext,
  tenant: Tenant,
  agent: { agent_id: string; agent_type: string },
  at: string,
  answers: Array<{ code: string; value: number }>,
) {
  const created = await ctx.request('POST', '/v1/conversations', {
    key: tenant.key,
    body: { ...agent, channel: 'chat' },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const offered = await ctx.request('POST', `/v1/conversations/${created.body.data.id}/ratings`, {
    key: tenant.key,
    body: { question_codes: answers.map((answer) => answer.code), offered_at: at, expires_in_hours: 720 },
  });
  assert.equal(offered.status, 201, JSON.stringify(offered.body));
  const answered = await ctx.request('POST', `/v1/ratings/${offered.body.data.id}/answers`, {
    key: tenant.key,
    body: { answers, submitted_at: at },
  });
  assert.equal(answered.status, 200, JSON.stringify(answered.body));
  return created.body.data as { id: number; uid: string };
}

const answersOf = (values: number[]) => CODES.map((code, at) => ({ code, value: values[at]! }));

async function buildWorld(ctx: TestContext) {
  const tenant = await ctx.newTenant('Own questions filtered');
  const other = await ctx.newTenant('Another organization');
  await define(ctx, tenant, [
    { code: 'HELP_CSAT', kind: 'csat', labels: { en: 'How satisfied are you with the help?' } },
    { code: 'RECOMMEND', kind: 'nps', labels: { en: 'Would you recommend us?' } },
    { code: 'EFFORT', kind: 'ces', labels: { en: 'How easy was it?' } },
    { code: 'OLD_CSAT', kind: 'csat', labels: { en: 'An old question' } },
  ]);
  await define(ctx, other, [
    { code: 'HELP_CSAT', kind: 'csat', labels: { en: 'Theirs' } },
    { code: 'OTHER_ONLY', kind: 'csat', labels: { en: 'Only theirs' } },
  ]);
  for (const [uid, body] of [
    [ANNA, { type: 'human', name: 'Anna Berg' }],
    [NOVA, { type: 'ai', name: 'Nova' }],
  ] as const) {
    assert.equal((await ctx.request('PUT', `/v1/agents/${uid}`, { key: tenant.key, body })).status, 201);
  }
  const anna = { agent_id: ANNA, agent_type: 'human' };
  const nova = { agent_id: NOVA, agent_type: 'ai' };
  const a = await rated(ctx, tenant, anna, '2026-03-02T10:00:00Z', answersOf([1, 5, 10, 6]));
  const b = await rated(ctx, tenant, anna, '2026-03-03T10:00:00Z', answersOf([1, 4, 9, 3]));
  const c = await rated(ctx, tenant, nova, '2026-03-04T10:00:00Z', answersOf([1, 2, 3, 7]));
  await rated(ctx, tenant, nova, '2026-03-06T10:00:00Z', [{ code: 'OLD_CSAT', value: 1 }]);
  const archived = await ctx.request('DELETE', '/v1/questions/OLD_CSAT', { key: tenant.key });
  assert.equal(archived.status, 200, JSON.stringify(archived.body));
  for (const day of ['02', '03', '04']) {
    await rated(ctx, other, anna, `2026-03-${day}T10:00:00Z`, [
      { code: 'HELP_CSAT', value: 1 },
      { code: 'OTHER_ONLY', value: 1 },
    ]);
  }
  return { tenant, other, conversations: { a, b, c } };
}

describeEachDialect('question_code names an organization’s own question', (ctx) => {
  let world: Awaited<ReturnType<typeof buildWorld>>;
  const get = async (path: string, key = world.tenant.key) => {
    const answer = await ctx.request('GET', path, { key });
    assert.equal(answer.status, 200, `${path}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  const download = async (path: string, key = world.tenant.key) => {
    const response = await ctx.app.inject({ method: 'GET', url: path, headers: { authorization: `Bearer ${key}` } });
    assert.deepEqual(ctx.app.schemaMismatches.splice(0), [], `GET ${path} matches its declared schema`);
    return { status: response.statusCode, text: response.body };
  };
  const jsonLines = async (path: string) => {
    const file = await download(path);
    assert.equal(file.status, 200, file.text);
    const text = file.text.trim();
    return text === '' ? [] : text.split('\n').map((line) => JSON.parse(line));
  };

  before(async () => {
    world = await buildWorld(ctx);
  });

  it('counts a custom csat question as CSAT: average 3.67, 66.67% — from the rollups and exactly alike', async () => {
    for (const tz of ['', '&tz=Europe/Berlin']) {
      const { data } = await get(`/v1/analytics/summary?${RANGE}&question_code=HELP_CSAT${tz}`);
      assert.equal(data.csat.responses, 3, tz);
      assert.equal(data.csat.average, 3.67, tz);
      assert.equal(data.csat.score, 66.67, tz);
      assert.equal(data.nps.responses, 0, 'no NPS answer is an answer to HELP_CSAT');
      assert.equal(data.nps.score, null);
      assert.equal(data.ces.responses, 0);
      assert.equal(data.messages.likes + data.messages.dislikes, 0, 'message feedback answers no question');
    }
    // Without the filter CSAT counts CSAT (1, 1, 1), HELP_CSAT and OLD_CSAT (1) together: 2 of 7 high, mean 15 / 7.
    const { data } = await get(`/v1/analytics/summary?${RANGE}`);
    assert.deepEqual([data.csat.responses, data.csat.score, data.csat.average], [7, 28.57, 2.14]);
  });

  it('counts a custom nps question as NPS and a custom ces question as CES', async () => {
    const nps = (await get(`/v1/analytics/summary?${RANGE}&question_code=RECOMMEND`)).data;
    assert.deepEqual([nps.nps.responses, nps.nps.promoters, nps.nps.passives, nps.nps.detractors], [3, 2, 0, 1]);
    assert.equal(nps.nps.score, 33.33);
    assert.equal(nps.csat.responses, 0);
    const ces = (await get(`/v1/analytics/summary?${RANGE}&question_code=EFFORT`)).data;
    assert.deepEqual([ces.ces.responses, ces.ces.average], [3, 5.33]);
    assert.deepEqual([ces.csat.responses, ces.nps.responses], [0, 0]);
  });

  it('draws the trends, the funnel and the agents of the custom question only', async () => {
    const points = (await get(`/v1/analytics/timeseries?${RANGE}&interval=day&metric=csat&question_code=HELP_CSAT`))
      .data as Array<{ period: string; value: number | null; responses: number }>;
    const answered = points.filter((point) => point.responses > 0);
    assert.deepEqual(
      answered.map((point) => [point.period, point.value, point.responses]),
      [
        ['2026-03-02', 100, 1],
        ['2026-03-03', 100, 1],
        ['2026-03-04', 0, 1],
      ],
    );
    const nps = (await get(`/v1/analytics/timeseries?${RANGE}&interval=month&metric=nps&question_code=RECOMMEND`))
      .data as Array<{ value: number | null; responses: number }>;
    assert.deepEqual(
      nps.map((point) => [point.value, point.responses]),
      [[33.33, 3]],
    );

    const ces = (await get(`/v1/analytics/timeseries?${RANGE}&interval=month&metric=ces&question_code=EFFORT`))
      .data as Array<{ value: number | null; responses: number }>;
    assert.deepEqual(
      ces.map((point) => [point.value, point.responses]),
      [[5.33, 3]],
    );

    const funnel = (await get(`/v1/analytics/funnel?${RANGE}&question_code=HELP_CSAT`)).data;
    assert.deepEqual([funnel.offered, funnel.answered], [3, 3]);

    const agents = (await get(`/v1/analytics/agents?${RANGE}&question_code=HELP_CSAT`)).data as any[];
    const byName = Object.fromEntries(agents.map((agent) => [agent.agent_name, agent]));
    // Anna: 5 and 4 -> 100%, mean 4.5; Nova: 2 -> 0%, mean 2.
    assert.deepEqual(
      [byName['Anna Berg'].csat.responses, byName['Anna Berg'].csat.score, byName['Anna Berg'].csat.average],
      [2, 100, 4.5],
    );
    assert.deepEqual([byName.Nova.csat.responses, byName.Nova.csat.score, byName.Nova.csat.average], [1, 0, 2]);
    assert.equal(byName.Nova.nps.responses, 0);
    const effort = (await get(`/v1/analytics/agents?${RANGE}&question_code=EFFORT`)).data as any[];
    // Anna: 6 and 3 -> 4.5; Nova: 7.
    assert.deepEqual(effort.map((agent) => [agent.agent_name, agent.ces.average]).sort(), [
      ['Anna Berg', 4.5],
      ['Nova', 7],
    ]);
  });

  it('lists the low ratings of the custom question among the knowledge gaps, CES answers with their kind', async () => {
    const csat = (await get(`/v1/analytics/knowledge-gaps?${RANGE}&question_code=HELP_CSAT`)).data;
    assert.deepEqual(
      csat.conversations.map((rating: any) => [rating.conversation_id, rating.question_code, rating.value]),
      [[world.conversations.c.id, 'HELP_CSAT', 2]],
    );
    const effort = (await get(`/v1/analytics/knowledge-gaps?${RANGE}&question_code=EFFORT`)).data;
    assert.deepEqual(
      effort.conversations.map((rating: any) => [rating.conversation_id, rating.question_code, rating.value]),
      [[world.conversations.b.id, 'EFFORT', 3]],
    );
    const kinds = effort.conversations[0].questions.map((answer: any) => [answer.code, answer.kind, answer.low]);
    assert.deepEqual(kinds, [
      ['CSAT', 'stars', true],
      ['HELP_CSAT', 'csat', false],
      ['RECOMMEND', 'nps', false],
      ['EFFORT', 'ces', true],
    ]);
  });

  it('exports exactly the custom question’s rows, of this organization only', async () => {
    const rows = await jsonLines(`/v1/exports/ratings.jsonl?question_code=HELP_CSAT`);
    assert.deepEqual(
      rows.map((row) => [row.conversation_id, row.question_code, row.kind, row.value]),
      [
        [world.conversations.a.id, 'HELP_CSAT', 'csat', 5],
        [world.conversations.b.id, 'HELP_CSAT', 'csat', 4],
        [world.conversations.c.id, 'HELP_CSAT', 'csat', 2],
      ],
    );
    const csv = await download(`/v1/exports/ratings.csv?${RANGE}&question_code=RECOMMEND`);
    assert.equal(csv.status, 200, csv.text);
    const lines = csv.text.trim().split('\r\n');
    assert.equal(lines.length, 4, 'the header and three rows');
    assert.ok(lines.slice(1).every((line) => line.includes(',RECOMMEND,nps,')));
    const conversations = await jsonLines(`/v1/exports/conversations.jsonl?question_code=EFFORT`);
    assert.deepEqual(
      conversations.map((row) => row.id ?? row.conversation_id).sort(),
      [world.conversations.a.id, world.conversations.b.id, world.conversations.c.id].sort(),
    );
  });

  it('keeps counting an archived question’s answers', async () => {
    const { data } = await get(`/v1/analytics/summary?${RANGE}&question_code=OLD_CSAT`);
    assert.deepEqual([data.csat.responses, data.csat.score], [1, 0]);
    const rows = await jsonLines(`/v1/exports/ratings.jsonl?question_code=OLD_CSAT`);
    assert.deepEqual(
      rows.map((row) => [row.question_code, row.value]),
      [['OLD_CSAT', 1]],
    );
  });

  it('opens the inbox on the conversations answering the custom question', async () => {
    const { data } = await get(`/v1/inbox?answered_from=2026-03-01&answered_to=2026-03-03&answered_question=HELP_CSAT`);
    assert.deepEqual(
      data.map((item: any) => item.id).sort(),
      [world.conversations.a.id, world.conversations.b.id].sort(),
    );
  });

  it('lists the ratings that asked the custom question', async () => {
    const { data } = await get('/v1/ratings?question_code=RECOMMEND');
    assert.equal(data.length, 3);
    assert.ok(data.every((rating: any) => rating.questions.some((question: any) => question.code === 'RECOMMEND')));
  });

  const unknownPaths = (code: string) => [
    `/v1/analytics/summary?${RANGE}&question_code=${code}`,
    `/v1/analytics/timeseries?${RANGE}&question_code=${code}`,
    `/v1/analytics/agents?${RANGE}&question_code=${code}`,
    `/v1/analytics/funnel?${RANGE}&question_code=${code}`,
    `/v1/analytics/knowledge-gaps?${RANGE}&question_code=${code}`,
    `/v1/analytics/questions?${RANGE}&question_code=${code}`,
    `/v1/analytics/compare?${RANGE}&dimension=tag&a=x&b=y&metric=csat&question_code=${code}`,
    `/v1/analytics/versions?${RANGE}&dimension=tag&question_code=${code}`,
    `/v1/analytics/topics?${RANGE}&question_code=${code}`,
    `/v1/exports/ratings.csv?question_code=${code}`,
    `/v1/exports/conversations.jsonl?scope=conversations&question_code=${code}`,
    `/v1/exports/feedback.csv?question_code=${code}`,
    `/v1/exports/ratings.jsonl?answered_question=${code}`,
    `/v1/inbox?answered_question=${code}`,
    `/v1/ratings?question_code=${code}`,
  ];

  it('refuses a code the organization does not know, on every endpoint, and changes nothing', async () => {
    const before = (await get(`/v1/analytics/summary?${RANGE}&question_code=HELP_CSAT`)).data;
    // More refusals than exports may run at once: a refused export holds no place among them.
    for (const path of unknownPaths('NO_SUCH_QUESTION')) {
      const answer = await ctx.request('GET', path, { key: world.tenant.key });
      assertError(answer, 400, 'unknown_question_code', /NO_SUCH_QUESTION/);
    }
    const exported = await download('/v1/exports/ratings.csv?question_code=HELP_CSAT');
    assert.equal(exported.status, 200, exported.text);
    assert.deepEqual((await get(`/v1/analytics/summary?${RANGE}&question_code=HELP_CSAT`)).data, before);
    const questions = (await get('/v1/questions?include_archived=true')).data as Array<{ code: string }>;
    assert.ok(!questions.some((question) => question.code === 'NO_SUCH_QUESTION'), 'nothing was created');
  });

  it('refuses another organization’s question as unknown, and never counts its answers', async () => {
    for (const path of unknownPaths('OTHER_ONLY')) {
      const answer = await ctx.request('GET', path, { key: world.tenant.key });
      assertError(answer, 400, 'unknown_question_code');
    }
    // The other organization's own HELP_CSAT answers (1, 1, 1) are not this one's.
    const theirs = (await get(`/v1/analytics/summary?${RANGE}&question_code=HELP_CSAT`, world.other.key)).data;
    assert.deepEqual([theirs.csat.responses, theirs.csat.score], [3, 0]);
    const ours = (await get(`/v1/analytics/summary?${RANGE}&question_code=HELP_CSAT`)).data;
    assert.deepEqual([ours.csat.responses, ours.csat.score], [3, 66.67]);
    const own = (await get(`/v1/analytics/summary?${RANGE}&question_code=OTHER_ONLY`, world.other.key)).data;
    assert.equal(own.csat.responses, 3);
  });

  it('refuses a code that is not UPPER_SNAKE before asking the database', async () => {
    const answer = await ctx.request('GET', `/v1/analytics/summary?question_code=help_csat`, { key: world.tenant.key });
    assert.equal(answer.status, 400);
  });
});
