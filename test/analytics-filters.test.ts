import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { assertError, describeEachDialect, type TestContext, type Tenant } from './helpers/app.js';

/**
 * Every analytics endpoint against every filter it takes. The data below is built so that each filter changes every
 * endpoint's answer; the expected answers are worked out by hand from the comments. Another organization rates and
 * dislikes on the same days, with the same agents and channels, and must change none of them.
 *
 * Four conversations: c1 H1 (human, chat), c2 H2 (human, email), c3 A1 (AI, chat), c4 A2 (AI, email).
 * Ratings (answers, when; UTC days, New York days where they differ):
 *   r1 c1 CSAT 5, NPS 9           offered 5 May 09:00, answered 5 May 10:00
 *   r2 c3 CSAT 1, HELPFUL 0       offered 6 May 09:00, answered 6 May 10:00, comment "Wrong answer"
 *   r3 c2 CSAT 2, NPS 8           offered 7 May 09:00, answered 7 May 10:00
 *   r4 c4 NPS 10, HELPFUL 1       offered 10 May 20:00, answered 11 May 02:00 (10 May in New York)
 *   r5 c1 CSAT 4                  offered 4 May 01:00, answered 4 May 02:00 (3 May in New York)
 *   r6 c3 CSAT                    offered 8 May 10:00, cancelled
 *   r7 c2 CSAT 1                  offered and answered 12 May (after the range)
 *   r8 c4 EXPERIENCE 0            offered 9 May 09:00, answered 9 May 10:00, comment "Slow"
 * Message feedback (author, message, when):
 *   f1 U1 dislikes A1's answer m_ai1   6 May 12:00, "Made up a policy"
 *   f2 U2 likes m_ai1                  6 May 13:00
 *   f3 U3 dislikes m_ai1               8 May 12:00
 *   f4 U4 dislikes m_ai1               12 May 12:00 (after the range)
 *   f5 U1 dislikes A2's answer m_ai2   9 May 12:00
 *   f6 U1 dislikes H1's answer m_h1    4 May 02:00 (3 May in New York), "Rude"
 *   f7 U1 likes H2's answer m_h2       7 May 12:00
 *   f8 U2 likes m_h2                   11 May 02:00 (10 May in New York)
 * The range is 4-10 May 2026 (Monday to Sunday) unless a case narrows it.
 */

const A1 = 'a1000000-0000-4000-8000-000000000001';
const A2 = 'a2000000-0000-4000-8000-000000000002';
const H1 = 'b1000000-0000-4000-8000-000000000001';
const H2 = 'b2000000-0000-4000-8000-000000000002';
const AGENTS: Record<string, string> = { [A1]: 'A1', [A2]: 'A2', [H1]: 'H1', [H2]: 'H2' };
const RANGE = 'from=2026-05-04&to=2026-05-10';

interface World {
  tenant: Tenant;
  other: Tenant;
  /** Message uid -> label (m_ai1 …), rating uid -> label (r1 …). */
  labels: Map<string, string>;
}

async function conversation(ctx: TestContext, tenant: Tenant, body: Record<string, unknown>) {
  const created = await ctx.request('POST', '/v1/conversations', { key: tenant.key, body });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body.data as { id: number; uid: string; messages: Array<{ uid: string; role: string }> };
}

async function survey(
  ctx: TestContext,
  tenant: Tenant,
  conversationId: number,
  codes: string[],
  offeredAt: string,
  answers?: { values: Record<string, number>; at: string; comment?: string },
) {
  const offered = await ctx.request('POST', `/v1/conversations/${conversationId}/ratings`, {
    key: tenant.key,
    body: { question_codes: codes, offered_at: offeredAt, expires_in_hours: 720 },
  });
  assert.equal(offered.status, 201, JSON.stringify(offered.body));
  const rating = offered.body.data as { id: number; uid: string };
  if (answers) {
    const answered = await ctx.request('POST', `/v1/ratings/${rating.id}/answers`, {
      key: tenant.key,
      body: {
        answers: Object.entries(answers.values).map(([code, value]) => ({ code, value })),
        submitted_at: answers.at,
        ...(answers.comment ? { comment: answers.comment } : {}),
      },
    });
    assert.equal(answered.status, 200, JSON.stringify(answered.body));
  }
  return rating;
}

/** Feedback given at a past moment, through the same service (and rollup deltas) the API uses. */
async function feedback(
  ctx: TestContext,
  tenant: Tenant,
  userId: string,
  messageUid: string,
  rating: 'like' | 'dislike',
  at: string,
  comment?: string,
) {
  const { feedback: service } = ctx.app.services;
  const target = await service.messageTarget(tenant.orgId, messageUid);
  await service.recordMessageFeedback(target, userId, { rating, ...(comment ? { comment } : {}) }, at);
}

async function users(ctx: TestContext, tenant: Tenant, count: number): Promise<string[]> {
  const ids = [tenant.userId];
  for (let n = 1; n < count; n += 1) {
    const { user } = await ctx.app.services.accounts.createUser({
      orgId: tenant.orgId,
      email: `rater-${n}-${Math.random().toString(36).slice(2)}@test.invalid`,
    });
    ids.push(user.id);
  }
  return ids;
}

async function buildWorld(ctx: TestContext): Promise<World> {
  const tenant = await ctx.newTenant('Filters');
  const other = await ctx.newTenant('Same days, other organization');
  const labels = new Map<string, string>();
  const agentMessage = (role: 'agent' | 'ai', agent: string, text: string) => ({
    role,
    text,
    ...(role === 'agent' ? { author_id: agent } : {}),
  });
  const chat = async (owner: Tenant, agent: string, type: 'human' | 'ai', channel: string, label: string) => {
    const created = await conversation(ctx, owner, {
      agent_id: agent,
      agent_type: type,
      channel,
      created_at: '2026-05-01T08:00:00Z',
      messages: [
        { role: 'user', text: 'A question', created_at: '2026-05-01T08:00:00Z' },
        { ...agentMessage(type === 'ai' ? 'ai' : 'agent', agent, 'An answer'), created_at: '2026-05-01T08:01:00Z' },
      ],
    });
    const answer = created.messages[1]!.uid;
    if (owner === tenant) labels.set(answer, label);
    return { id: created.id, answer };
  };
  const c1 = await chat(tenant, H1, 'human', 'chat', 'm_h1');
  const c2 = await chat(tenant, H2, 'human', 'email', 'm_h2');
  const c3 = await chat(tenant, A1, 'ai', 'chat', 'm_ai1');
  const c4 = await chat(tenant, A2, 'ai', 'email', 'm_ai2');

  const rate = async (label: string, ...args: Parameters<typeof survey> extends [any, any, ...infer R] ? R : never) =>
    labels.set((await survey(ctx, tenant, ...args)).uid, label);
  await rate('r1', c1.id, ['CSAT', 'NPS'], '2026-05-05T09:00:00Z', {
    values: { CSAT: 5, NPS: 9 },
    at: '2026-05-05T10:00:00Z',
  });
  await rate('r2', c3.id, ['CSAT', 'HELPFUL_THUMBS'], '2026-05-06T09:00:00Z', {
    values: { CSAT: 1, HELPFUL_THUMBS: 0 },
    at: '2026-05-06T10:00:00Z',
    comment: 'Wrong answer',
  });
  await rate('r3', c2.id, ['CSAT', 'NPS'], '2026-05-07T09:00:00Z', {
    values: { CSAT: 2, NPS: 8 },
    at: '2026-05-07T10:00:00Z',
  });
  await rate('r4', c4.id, ['NPS', 'HELPFUL_THUMBS'], '2026-05-10T20:00:00Z', {
    values: { NPS: 10, HELPFUL_THUMBS: 1 },
    at: '2026-05-11T02:00:00Z',
  });
  await rate('r5', c1.id, ['CSAT'], '2026-05-04T01:00:00Z', { values: { CSAT: 4 }, at: '2026-05-04T02:00:00Z' });
  const r6 = await survey(ctx, tenant, c3.id, ['CSAT'], '2026-05-08T10:00:00Z');
  assert.equal((await ctx.request('POST', `/v1/ratings/${r6.id}/cancel`, { key: tenant.key })).status, 200);
  await rate('r7', c2.id, ['CSAT'], '2026-05-12T09:00:00Z', { values: { CSAT: 1 }, at: '2026-05-12T10:00:00Z' });
  await rate('r8', c4.id, ['EXPERIENCE_THUMBS'], '2026-05-09T09:00:00Z', {
    values: { EXPERIENCE_THUMBS: 0 },
    at: '2026-05-09T10:00:00Z',
    comment: 'Slow',
  });

  const [u1, u2, u3, u4] = await users(ctx, tenant, 4);
  await feedback(ctx, tenant, u1!, c3.answer, 'dislike', '2026-05-06T12:00:00.000Z', 'Made up a policy');
  await feedback(ctx, tenant, u2!, c3.answer, 'like', '2026-05-06T13:00:00.000Z');
  await feedback(ctx, tenant, u3!, c3.answer, 'dislike', '2026-05-08T12:00:00.000Z');
  await feedback(ctx, tenant, u4!, c3.answer, 'dislike', '2026-05-12T12:00:00.000Z');
  await feedback(ctx, tenant, u1!, c4.answer, 'dislike', '2026-05-09T12:00:00.000Z');
  await feedback(ctx, tenant, u1!, c1.answer, 'dislike', '2026-05-04T02:00:00.000Z', 'Rude');
  await feedback(ctx, tenant, u1!, c2.answer, 'like', '2026-05-07T12:00:00.000Z');
  await feedback(ctx, tenant, u2!, c2.answer, 'like', '2026-05-11T02:00:00.000Z');

  // The other organization: the same agents and channels, every answer low and every answer disliked, every day.
  const [theirUser] = await users(ctx, other, 1);
  const theirs = [
    await chat(other, H1, 'human', 'chat', ''),
    await chat(other, H2, 'human', 'email', ''),
    await chat(other, A1, 'ai', 'chat', ''),
    await chat(other, A2, 'ai', 'email', ''),
  ];
  for (const [index, day] of ['04', '05', '06', '07', '08', '09', '10'].entries()) {
    const target = theirs[index % theirs.length]!;
    await survey(
      ctx,
      other,
      target.id,
      ['CSAT', 'NPS', 'HELPFUL_THUMBS', 'EXPERIENCE_THUMBS'],
      `2026-05-${day}T09:00:00Z`,
      {
        values: { CSAT: 1, NPS: 0, HELPFUL_THUMBS: 0, EXPERIENCE_THUMBS: 0 },
        at: `2026-05-${day}T10:00:00Z`,
        comment: 'Theirs',
      },
    );
  }
  for (const target of theirs) {
    await feedback(ctx, other, theirUser!, target.answer, 'dislike', '2026-05-06T12:00:00.000Z', 'Theirs');
  }
  return { tenant, other, labels };
}

// Each endpoint's answer, written the way the expectations below are worked out.
const score = (value: number | null) => (value === null ? '–' : String(value));

function summaryText(data: any): string {
  const thumbs = Object.entries(data.thumbs as Record<string, { up: number; down: number }>)
    .map(([code, figures]) => `${code} ${figures.up}/${figures.down}`)
    .join(', ');
  return (
    `csat ${data.csat.responses}@${score(data.csat.score)} of ${data.csat.offered} | ` +
    `nps ${data.nps.responses}@${score(data.nps.score)} | thumbs ${thumbs || 'none'} | ` +
    `messages ${data.messages.likes}/${data.messages.dislikes}`
  );
}

function seriesText(points: Array<{ period: string; value: number | null; responses: number }>): string {
  const answered = points.filter((point) => point.responses > 0);
  return answered.map((point) => `${point.period.slice(5)} ${score(point.value)} (${point.responses})`).join(', ');
}

function agentsText(agents: any[]): string {
  return agents
    .map(
      (agent) =>
        `${AGENTS[agent.agent_id] ?? agent.agent_id}: csat ${agent.csat.responses}@${score(agent.csat.score)}, ` +
        `nps ${agent.nps.responses}@${score(agent.nps.score)}, thumbs ${agent.thumbs.up}/${agent.thumbs.down}, ` +
        `messages ${agent.messages.likes}/${agent.messages.dislikes}`,
    )
    .join(' | ');
}

function funnelText(funnel: any): string {
  return `offered ${funnel.offered}, opened ${funnel.opened}, answered ${funnel.answered}, cancelled ${funnel.cancelled}`;
}

function gapsText(data: any, labels: Map<string, string>): string {
  const messages = data.messages.map((message: any) => `${labels.get(message.message_uid)} ${message.dislikes}`);
  const ratings = data.conversations.map(
    (rating: any) =>
      `${labels.get(rating.rating_uid)} ` +
      rating.questions
        .map((question: any) => `${question.code} ${question.value}${question.low ? '!' : ''}`)
        .join(', '),
  );
  return `${messages.join(', ') || 'no messages'} | ${ratings.join('; ') || 'no ratings'}`;
}

interface Case {
  filter: string;
  summary: string;
  csat: string;
  likes: string;
  agents: string;
  funnel: string;
  gaps: string;
}

const CASES: Case[] = [
  {
    filter: RANGE,
    summary: 'csat 4@50 of 5 | nps 2@50 | thumbs EXPERIENCE_THUMBS 0/1, HELPFUL_THUMBS 0/1 | messages 2/4',
    csat: '05-04 100 (1), 05-05 100 (1), 05-06 0 (1), 05-07 0 (1)',
    likes: '05-04 0 (1), 05-06 50 (2), 05-07 100 (1), 05-08 0 (1), 05-09 0 (1)',
    agents:
      'A1: csat 1@0, nps 0@–, thumbs 0/1, messages 1/2 | A2: csat 0@–, nps 0@–, thumbs 0/1, messages 0/1 | ' +
      'H1: csat 2@100, nps 1@100, thumbs 0/0, messages 0/1 | H2: csat 1@0, nps 1@0, thumbs 0/0, messages 1/0',
    funnel: 'offered 11, opened 10, answered 10, cancelled 1',
    gaps: 'm_ai1 2, m_ai2 1, m_h1 1 | r8 EXPERIENCE_THUMBS 0!; r3 CSAT 2!, NPS 8; r2 CSAT 1!, HELPFUL_THUMBS 0!',
  },
  {
    filter: 'from=2026-05-06&to=2026-05-07',
    summary: 'csat 2@0 of 2 | nps 1@0 | thumbs HELPFUL_THUMBS 0/1 | messages 2/1',
    csat: '05-06 0 (1), 05-07 0 (1)',
    likes: '05-06 50 (2), 05-07 100 (1)',
    agents: 'A1: csat 1@0, nps 0@–, thumbs 0/1, messages 1/1 | H2: csat 1@0, nps 1@0, thumbs 0/0, messages 1/0',
    funnel: 'offered 4, opened 4, answered 4, cancelled 0',
    gaps: 'm_ai1 1 | r3 CSAT 2!, NPS 8; r2 CSAT 1!, HELPFUL_THUMBS 0!',
  },
  {
    filter: `${RANGE}&tz=America/New_York`,
    summary: 'csat 3@33.33 of 4 | nps 3@66.67 | thumbs EXPERIENCE_THUMBS 0/1, HELPFUL_THUMBS 1/1 | messages 3/3',
    csat: '05-05 100 (1), 05-06 0 (1), 05-07 0 (1)',
    likes: '05-06 50 (2), 05-07 100 (1), 05-08 0 (1), 05-09 0 (1), 05-10 100 (1)',
    agents:
      'A2: csat 0@–, nps 1@100, thumbs 1/1, messages 0/1 | A1: csat 1@0, nps 0@–, thumbs 0/1, messages 1/2 | ' +
      'H1: csat 1@100, nps 1@100, thumbs 0/0, messages 0/0 | H2: csat 1@0, nps 1@0, thumbs 0/0, messages 2/0',
    funnel: 'offered 10, opened 9, answered 9, cancelled 1',
    gaps: 'm_ai1 2, m_ai2 1 | r8 EXPERIENCE_THUMBS 0!; r3 CSAT 2!, NPS 8; r2 CSAT 1!, HELPFUL_THUMBS 0!',
  },
  {
    filter: `${RANGE}&agent_id=${H1}`,
    summary: 'csat 2@100 of 2 | nps 1@100 | thumbs none | messages 0/1',
    csat: '05-04 100 (1), 05-05 100 (1)',
    likes: '05-04 0 (1)',
    agents: 'H1: csat 2@100, nps 1@100, thumbs 0/0, messages 0/1',
    funnel: 'offered 3, opened 3, answered 3, cancelled 0',
    gaps: 'm_h1 1 | no ratings',
  },
  {
    filter: `${RANGE}&agent_type=human`,
    summary: 'csat 3@66.67 of 3 | nps 2@50 | thumbs none | messages 1/1',
    csat: '05-04 100 (1), 05-05 100 (1), 05-07 0 (1)',
    likes: '05-04 0 (1), 05-07 100 (1)',
    agents: 'H1: csat 2@100, nps 1@100, thumbs 0/0, messages 0/1 | H2: csat 1@0, nps 1@0, thumbs 0/0, messages 1/0',
    funnel: 'offered 5, opened 5, answered 5, cancelled 0',
    gaps: 'm_h1 1 | r3 CSAT 2!, NPS 8',
  },
  {
    filter: `${RANGE}&agent_type=ai`,
    summary: 'csat 1@0 of 2 | nps 0@– | thumbs EXPERIENCE_THUMBS 0/1, HELPFUL_THUMBS 0/1 | messages 1/3',
    csat: '05-06 0 (1)',
    likes: '05-06 50 (2), 05-08 0 (1), 05-09 0 (1)',
    agents: 'A1: csat 1@0, nps 0@–, thumbs 0/1, messages 1/2 | A2: csat 0@–, nps 0@–, thumbs 0/1, messages 0/1',
    funnel: 'offered 6, opened 5, answered 5, cancelled 1',
    gaps: 'm_ai1 2, m_ai2 1 | r8 EXPERIENCE_THUMBS 0!; r2 CSAT 1!, HELPFUL_THUMBS 0!',
  },
  {
    filter: `${RANGE}&channel=email`,
    summary: 'csat 1@0 of 1 | nps 1@0 | thumbs EXPERIENCE_THUMBS 0/1, HELPFUL_THUMBS 0/0 | messages 1/1',
    csat: '05-07 0 (1)',
    likes: '05-07 100 (1), 05-09 0 (1)',
    agents: 'A2: csat 0@–, nps 0@–, thumbs 0/1, messages 0/1 | H2: csat 1@0, nps 1@0, thumbs 0/0, messages 1/0',
    funnel: 'offered 5, opened 5, answered 5, cancelled 0',
    gaps: 'm_ai2 1 | r8 EXPERIENCE_THUMBS 0!; r3 CSAT 2!, NPS 8',
  },
  {
    filter: `${RANGE}&question_code=CSAT`,
    summary: 'csat 4@50 of 5 | nps 0@– | thumbs none | messages 0/0',
    csat: '05-04 100 (1), 05-05 100 (1), 05-06 0 (1), 05-07 0 (1)',
    likes: '',
    agents:
      'A1: csat 1@0, nps 0@–, thumbs 0/0, messages 0/0 | H1: csat 2@100, nps 0@–, thumbs 0/0, messages 0/0 | ' +
      'H2: csat 1@0, nps 0@–, thumbs 0/0, messages 0/0',
    funnel: 'offered 5, opened 4, answered 4, cancelled 1',
    gaps: 'no messages | r3 CSAT 2!, NPS 8; r2 CSAT 1!, HELPFUL_THUMBS 0!',
  },
  {
    filter: `${RANGE}&question_code=HELPFUL_THUMBS`,
    summary: 'csat 0@– of 0 | nps 0@– | thumbs HELPFUL_THUMBS 0/1 | messages 0/0',
    csat: '',
    likes: '',
    agents: 'A1: csat 0@–, nps 0@–, thumbs 0/1, messages 0/0 | A2: csat 0@–, nps 0@–, thumbs 0/0, messages 0/0',
    funnel: 'offered 2, opened 2, answered 2, cancelled 0',
    gaps: 'no messages | r2 CSAT 1!, HELPFUL_THUMBS 0!',
  },
  {
    filter: `${RANGE}&agent_type=human&channel=email`,
    summary: 'csat 1@0 of 1 | nps 1@0 | thumbs none | messages 1/0',
    csat: '05-07 0 (1)',
    likes: '05-07 100 (1)',
    agents: 'H2: csat 1@0, nps 1@0, thumbs 0/0, messages 1/0',
    funnel: 'offered 2, opened 2, answered 2, cancelled 0',
    gaps: 'no messages | r3 CSAT 2!, NPS 8',
  },
];

describeEachDialect('analytics filters: every endpoint obeys every filter it takes', (ctx) => {
  let world: World;
  const get = async (path: string, key = world.tenant.key) => {
    const response = await ctx.request('GET', path, { key });
    assert.equal(response.status, 200, `${path}: ${JSON.stringify(response.body)}`);
    return response.body.data;
  };

  before(async () => {
    world = await buildWorld(ctx);
  });

  for (const expected of CASES) {
    it(`?${expected.filter.replace(RANGE, 'the range')}`, async () => {
      const query = expected.filter;
      const answers = {
        summary: summaryText(await get(`/v1/analytics/summary?${query}`)),
        csat: seriesText(await get(`/v1/analytics/timeseries?${query}&metric=csat&interval=day`)),
        likes: seriesText(await get(`/v1/analytics/timeseries?${query}&metric=message_likes&interval=day`)),
        agents: agentsText(await get(`/v1/analytics/agents?${query}`)),
        funnel: funnelText(await get(`/v1/analytics/funnel?${query}`)),
        gaps: gapsText(await get(`/v1/analytics/knowledge-gaps?${query}`), world.labels),
      };
      assert.deepEqual(answers, omitFilter(expected));
    });
  }

  it('answers the other organization with its own figures only', async () => {
    const theirs = summaryText(await get(`/v1/analytics/summary?${RANGE}&agent_id=${H1}`, world.other.key));
    // Their H1 conversation was rated on 4 and 8 May, each CSAT 1, NPS 0 and two thumbs down; one dislike.
    assert.equal(
      theirs,
      'csat 2@0 of 2 | nps 2@-100 | thumbs EXPERIENCE_THUMBS 0/2, HELPFUL_THUMBS 0/2 | messages 0/1',
    );
    const gaps = await get(`/v1/analytics/knowledge-gaps?${RANGE}`, world.other.key);
    assert.ok(gaps.conversations.every((rating: any) => !world.labels.has(rating.rating_uid)));
    assert.ok(gaps.messages.every((message: any) => !world.labels.has(message.message_uid)));
  });

  it('refuses a parameter it does not know instead of ignoring it', async () => {
    for (const path of ['summary', 'timeseries', 'agents', 'funnel', 'knowledge-gaps']) {
      for (const unknown of ['agentType=human', 'status=closed', 'low_rating=true']) {
        const response = await ctx.request('GET', `/v1/analytics/${path}?${RANGE}&${unknown}`, {
          key: world.tenant.key,
        });
        assertError(response, 400, 'validation_failed', new RegExp(`unknown field "${unknown.split('=')[0]}"`));
      }
    }
    // Each endpoint's own parameters belong to it alone.
    assertError(
      await ctx.request('GET', `/v1/analytics/summary?interval=week`, { key: world.tenant.key }),
      400,
      'validation_failed',
    );
    assertError(
      await ctx.request('GET', `/v1/analytics/funnel?limit=5`, { key: world.tenant.key }),
      400,
      'validation_failed',
    );
  });

  it('refuses days no record can have, and draws the last ones it takes', async () => {
    for (const path of ['summary', 'timeseries', 'agents', 'funnel', 'knowledge-gaps']) {
      for (const range of ['from=0000-01-01&to=0000-01-05', 'from=1969-12-25&to=1970-01-05']) {
        const response = await ctx.request('GET', `/v1/analytics/${path}?${range}`, { key: world.tenant.key });
        assertError(response, 400, 'invalid_date_range', /between 1970-01-01 and 9999-12-31/);
      }
    }
    // The month and week after the last day lie past year 9999: the series stops at the range, it does not run on.
    for (const [interval, last] of [
      ['day', '9999-12-31'],
      ['week', '9999-12-27'],
      ['month', '9999-12-01'],
    ]) {
      const points = await get(`/v1/analytics/timeseries?from=9999-12-28&to=9999-12-31&interval=${interval}`);
      assert.equal(points.at(-1).period, last, interval);
      // Days ahead of today, and periods cut by the range: none of them is a whole, finished period.
      assert.equal(points.at(-1).to, '9999-12-31', interval);
      assert.ok(points.every((point: { partial: boolean }) => point.partial));
    }
  });
});

function omitFilter(expected: Case): Omit<Case, 'filter'> {
  const { filter: _filter, ...rest } = expected;
  return rest;
}
