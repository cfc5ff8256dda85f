import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, it } from 'node:test';
import { localDay } from '../src/modules/analytics/index.js';
import { seedDemo } from '../src/modules/demo/index.js';
import { assertError, describeEachDialect, type TestContext, type Tenant } from './helpers/app.js';

/**
 * Every figure below is worked out by hand from the ratings and feedback this file creates; another organization's
 * ratings on the same days must change none of them.
 */

const HUMAN = randomUUID();
const AI = randomUUID();
const RANGE = 'from=2026-03-01&to=2026-03-10';

interface World {
  tenant: Tenant;
  other: Tenant;
  conversations: { human: { id: number; uid: string }; ai: { id: number; uid: string }; email: { id: number } };
  aiMessages: Array<{ uid: string }>;
  humanMessage: { uid: string };
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

async function buildWorld(ctx: TestContext): Promise<World> {
  const tenant = await ctx.newTenant('Analytics');
  const other = await ctx.newTenant('Someone else');
  const human = await conversation(ctx, tenant, {
    agent_id: HUMAN,
    agent_type: 'human',
    channel: 'chat',
    messages: [
      { role: 'user', text: 'Where is my parcel?' },
      { role: 'agent', text: 'It left the depot this morning.', author_id: HUMAN },
    ],
  });
  const ai = await conversation(ctx, tenant, {
    agent_id: AI,
    agent_type: 'ai',
    channel: 'chat',
    messages: [
      { role: 'user', text: 'How do I reset my password?' },
      { role: 'ai', text: 'Try restarting your router.' },
      { role: 'ai', text: 'Use the "Forgot password" link on the sign-in page.' },
    ],
  });
  const email = await conversation(ctx, tenant, { agent_id: HUMAN, agent_type: 'human', channel: 'email' });

  // r1: CSAT 5, NPS 10 on 2 March.
  await survey(ctx, tenant, human.id, ['CSAT', 'NPS'], '2026-03-02T10:00:00Z', {
    values: { CSAT: 5, NPS: 10 },
    at: '2026-03-02T12:00:00Z',
  });
  // r2: CSAT 2, thumbs down, answered half an hour into 4 March UTC (still 3 March in New York).
  await survey(ctx, tenant, ai.id, ['CSAT', 'HELPFUL_THUMBS'], '2026-03-03T23:30:00Z', {
    values: { CSAT: 2, HELPFUL_THUMBS: 0 },
    at: '2026-03-04T00:30:00Z',
    comment: 'It did not understand me',
  });
  // r3: CSAT 4, NPS 6 on 5 March.
  await survey(ctx, tenant, email.id, ['CSAT', 'NPS'], '2026-03-05T09:00:00Z', {
    values: { CSAT: 4, NPS: 6 },
    at: '2026-03-05T09:10:00Z',
  });
  // r4: CSAT offered, never answered.
  await survey(ctx, tenant, human.id, ['CSAT'], '2026-03-06T08:00:00Z');
  // r5: NPS 8 and thumbs up, offered on 6 March, answered on 7 March.
  await survey(ctx, tenant, ai.id, ['NPS', 'HELPFUL_THUMBS'], '2026-03-06T20:00:00Z', {
    values: { NPS: 8, HELPFUL_THUMBS: 1 },
    at: '2026-03-07T08:00:00Z',
  });
  // r6: CSAT offered and cancelled.
  const r6 = await survey(ctx, tenant, email.id, ['CSAT'], '2026-03-06T09:00:00Z');
  assert.equal((await ctx.request('POST', `/v1/ratings/${r6.id}/cancel`, { key: tenant.key })).status, 200);

  // Another organization rates very differently on the same days.
  const theirs = await conversation(ctx, other, { agent_id: HUMAN, agent_type: 'human', channel: 'chat' });
  for (const day of ['02', '04', '05']) {
    await survey(ctx, other, theirs.id, ['CSAT', 'NPS', 'HELPFUL_THUMBS'], `2026-03-${day}T10:00:00Z`, {
      values: { CSAT: 1, NPS: 0, HELPFUL_THUMBS: 0 },
      at: `2026-03-${day}T11:00:00Z`,
    });
  }
  return {
    tenant,
    other,
    conversations: { human, ai, email },
    aiMessages: ai.messages.filter((message) => message.role === 'ai'),
    humanMessage: human.messages.find((message) => message.role === 'agent')!,
  };
}

describeEachDialect('GET /v1/analytics/*', (ctx) => {
  let world: World;
  const get = (path: string, key = world.tenant.key) => ctx.request('GET', path, { key });

  before(async () => {
    world = await buildWorld(ctx);
  });

  it('summarises CSAT, NPS and thumbs exactly, counting nothing of another organization', async () => {
    const { status, body } = await get(`/v1/analytics/summary?${RANGE}`);
    assert.equal(status, 200);
    const { csat, nps, thumbs } = body.data;
    // CSAT answers 5, 2, 4: two of three are 4-5. Offered five times (r1-r4, r6), answered three times.
    assert.equal(csat.responses, 3);
    assert.equal(csat.score, 66.67);
    assert.equal(csat.offered, 5);
    assert.equal(csat.response_rate, 0.6);
    assert.equal(csat.average, 3.67);
    // Wilson 95% for 2/3: centre (p + z²/2n) / (1 + z²/n), half-width z·sqrt(p(1-p)/n + z²/4n²) / (1 + z²/n).
    const z = 1.959963984540054;
    const p = 2 / 3;
    const n = 3;
    const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
    const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
    assert.equal(csat.ci_low, Math.round((centre - half) * 10000) / 100);
    assert.equal(csat.ci_high, Math.round((centre + half) * 10000) / 100);
    assert.equal(csat.low_sample, true);
    // NPS answers 10 (promoter), 6 (detractor), 8 (passive).
    assert.deepEqual(nps, { score: 0, responses: 3, promoters: 1, passives: 1, detractors: 1, low_sample: true });
    assert.deepEqual(thumbs, { HELPFUL_THUMBS: { up: 1, down: 1, up_rate: 0.5, low_sample: true } });
    assert.deepEqual(body.data.from, '2026-03-01');
    assert.deepEqual(body.data.tz, 'UTC');

    const theirs = (await get(`/v1/analytics/summary?${RANGE}`, world.other.key)).body.data;
    assert.equal(theirs.csat.responses, 3);
    assert.equal(theirs.csat.score, 0);
    assert.equal(theirs.nps.score, -100);
  });

  it('filters by agent, agent type, channel and question', async () => {
    const byAgent = (await get(`/v1/analytics/summary?${RANGE}&agent_id=${HUMAN}`)).body.data;
    assert.deepEqual([byAgent.csat.responses, byAgent.csat.score, byAgent.nps.score], [2, 100, 0]);
    const ai = (await get(`/v1/analytics/summary?${RANGE}&agent_type=ai`)).body.data;
    assert.deepEqual([ai.csat.responses, ai.csat.score, ai.nps.responses, ai.nps.passives], [1, 0, 1, 1]);
    const email = (await get(`/v1/analytics/summary?${RANGE}&channel=email`)).body.data;
    assert.deepEqual([email.csat.responses, email.csat.offered, email.nps.detractors], [1, 2, 1]);
    const npsOnly = (await get(`/v1/analytics/summary?${RANGE}&question_code=NPS`)).body.data;
    assert.deepEqual([npsOnly.csat.responses, npsOnly.nps.responses, Object.keys(npsOnly.thumbs)], [0, 3, []]);
    assert.equal(npsOnly.csat.score, null);
    const narrow = (await get('/v1/analytics/summary?from=2026-03-05&to=2026-03-05')).body.data;
    assert.deepEqual([narrow.csat.responses, narrow.csat.score, narrow.nps.detractors], [1, 100, 1]);
  });

  it('draws a time series per day and per week, in the time zone asked for', async () => {
    const days = (await get('/v1/analytics/timeseries?from=2026-03-01&to=2026-03-07&interval=day&metric=csat')).body
      .data;
    assert.deepEqual(
      days.map((point: { period: string; value: number | null; responses: number }) => [
        point.period,
        point.value,
        point.responses,
      ]),
      [
        ['2026-03-01', null, 0],
        ['2026-03-02', 100, 1],
        ['2026-03-03', null, 0],
        ['2026-03-04', 0, 1],
        ['2026-03-05', 100, 1],
        ['2026-03-06', null, 0],
        ['2026-03-07', null, 0],
      ],
    );
    // In New York r2's answer (00:30 UTC on 4 March) was given on 3 March.
    const newYork = (
      await get('/v1/analytics/timeseries?from=2026-03-01&to=2026-03-07&interval=day&metric=csat&tz=America/New_York')
    ).body.data;
    assert.deepEqual(
      newYork.slice(1, 5).map((point: { value: number | null }) => point.value),
      [100, 0, null, 100],
    );
    const weeks = (await get(`/v1/analytics/timeseries?${RANGE}&interval=week&metric=nps`)).body.data;
    // 1 March 2026 is a Sunday: its week began on Monday 23 February.
    assert.deepEqual(
      weeks.map((point: { period: string; value: number | null; responses: number }) => [
        point.period,
        point.value,
        point.responses,
      ]),
      [
        ['2026-02-23', null, 0],
        ['2026-03-02', 0, 3],
        ['2026-03-09', null, 0],
      ],
    );
    const months = (await get(`/v1/analytics/timeseries?${RANGE}&interval=month&metric=thumbs`)).body.data;
    // The range ends on 10 March: March is cut short, and says so.
    assert.deepEqual(months, [
      {
        period: '2026-03-01',
        from: '2026-03-01',
        to: '2026-03-10',
        value: 50,
        responses: 2,
        partial: true,
        low_sample: true,
      },
    ]);
  });

  it('answers in another time zone exactly what the rollups answer in their own', async () => {
    for (const path of ['summary', 'agents', 'funnel']) {
      const fromRollups = (await get(`/v1/analytics/${path}?${RANGE}`)).body.data;
      const exact = await (ctx.app.services.analytics as any)[path](
        world.tenant.orgId,
        {
          from: '2026-03-01',
          to: '2026-03-10',
        },
        { exact: true },
      );
      assert.deepEqual(JSON.parse(JSON.stringify(exact)), fromRollups, path);
    }
  });

  it('gives the figures per agent, AI first', async () => {
    const { data } = (await get(`/v1/analytics/agents?${RANGE}`)).body;
    assert.deepEqual(
      data.map((agent: { agent_id: string; agent_type: string }) => [agent.agent_id, agent.agent_type]),
      [
        [AI, 'ai'],
        [HUMAN, 'human'],
      ],
    );
    const [ai, human] = data;
    assert.deepEqual([ai.csat.score, ai.csat.responses, ai.nps.score, ai.thumbs.up, ai.thumbs.down], [0, 1, 0, 1, 1]);
    assert.deepEqual([human.csat.score, human.csat.average, human.nps.score, human.nps.responses], [100, 4.5, 0, 2]);
  });

  it('follows questions from offered to answered, expired or cancelled', async () => {
    const { previous, ...before } = (await get(`/v1/analytics/funnel?${RANGE}`)).body.data;
    // r1 2, r2 2, r3 2, r4 1, r5 2, r6 1 questions; all but r4's and r6's answered; r6's cancelled.
    assert.deepEqual(before, {
      offered: 10,
      opened: 8,
      answered: 8,
      expired: 0,
      cancelled: 1,
      open_rate: 0.8,
      response_rate: 0.8,
    });
    // The ten days before 1 March offered nothing.
    assert.deepEqual(
      [previous.from, previous.to, previous.offered, previous.response_rate],
      ['2026-02-19', '2026-02-28', 0, null],
    );
    // r7: two questions whose rating runs out. Its expiry is moved into the past, as time would.
    const r7 = await survey(ctx, world.tenant, world.conversations.email.id, ['CSAT', 'NPS'], '2026-03-08T09:00:00Z');
    await ctx.database.db
      .updateTable('ratings')
      .set({ expires_at: '2026-03-09T09:00:00.000Z' })
      .where('id', '=', r7.id)
      .execute();
    assert.ok((await ctx.app.services.ratings.sweepExpired()) >= 1);
    assert.equal(await ctx.app.services.ratings.sweepExpired(), 0, 'a rating is counted once');
    const after = (await get(`/v1/analytics/funnel?${RANGE}`)).body.data;
    assert.deepEqual([after.offered, after.expired, after.answered], [12, 2, 8]);
    const late = await ctx.request('POST', `/v1/ratings/${r7.id}/answers`, {
      key: world.tenant.key,
      body: { answers: [{ code: 'CSAT', value: 5 }] },
    });
    assertError(late, 410, 'rating_expired');
    assertError(
      await ctx.request('POST', `/v1/ratings/${r7.id}/cancel`, { key: world.tenant.key }),
      410,
      'rating_expired',
    );
    const theirs = (await get(`/v1/analytics/funnel?${RANGE}`, world.other.key)).body.data;
    assert.deepEqual([theirs.offered, theirs.answered, theirs.expired], [9, 9, 0]);
  });

  it('counts message likes as they stand, and lists the AI answers people disliked', async () => {
    const key = world.tenant.key;
    const [wrong, right] = world.aiMessages;
    const send = (uid: string, body: unknown) => ctx.request('POST', `/v1/messages/${uid}/feedback`, { key, body });
    assert.equal((await send(wrong!.uid, { rating: 'dislike', comment: 'That is about routers' })).status, 200);
    assert.equal((await send(right!.uid, { rating: 'like' })).status, 200);
    assert.equal((await send(world.humanMessage.uid, { rating: 'like' })).status, 200);
    assert.equal((await send(world.humanMessage.uid, { rating: 'dislike' })).status, 200, 'a change moves the count');
    const today = localDay(new Date().toISOString(), 'UTC');
    const todays = `from=${today}&to=${today}`;
    const { messages } = (await get(`/v1/analytics/summary?${todays}`)).body.data;
    assert.deepEqual(messages, { likes: 1, dislikes: 2, like_rate: 0.3333, low_sample: true });
    const aiOnly = (await get(`/v1/analytics/summary?${todays}&agent_type=ai`)).body.data.messages;
    assert.deepEqual([aiOnly.likes, aiOnly.dislikes], [1, 1]);
    const series = (await get(`/v1/analytics/timeseries?${todays}&metric=message_likes`)).body.data;
    assert.deepEqual(series, [
      { period: today, from: today, to: today, value: 33.33, responses: 3, partial: true, low_sample: true },
    ]);
    assert.equal(
      (await get(`/v1/analytics/summary?${todays}`, world.other.key)).body.data.messages.likes,
      0,
      'another organization sees none of it',
    );

    const gaps = (await get(`/v1/analytics/knowledge-gaps?from=2026-03-01&to=${today}&agent_type=ai`)).body.data;
    assert.deepEqual(
      gaps.messages.map((gap: { message_uid: string; dislikes: number; comments: string[] }) => [
        gap.message_uid,
        gap.dislikes,
        gap.comments,
      ]),
      [[wrong!.uid, 1, ['That is about routers']]],
    );
    assert.equal(gaps.messages[0].conversation_id, world.conversations.ai.id);
    assert.equal(gaps.messages[0].agent_type, 'ai');
    // r2's CSAT 2 and thumbs down, on the AI conversation, listed once; r5's NPS 8 is not low.
    assert.deepEqual(
      gaps.conversations.map((gap: { question_code: string; value: number; comment: string; questions: any[] }) => [
        gap.question_code,
        gap.value,
        gap.comment,
        gap.questions.map((question) => [question.code, question.value, question.low]),
      ]),
      [
        [
          'CSAT',
          2,
          'It did not understand me',
          [
            ['CSAT', 2, true],
            ['HELPFUL_THUMBS', 0, true],
          ],
        ],
      ],
    );
    // Human agents' answers and conversations are theirs to see, under the same shape.
    const human = (await get(`/v1/analytics/knowledge-gaps?from=2026-03-01&to=${today}&agent_type=human`)).body.data;
    assert.deepEqual(
      human.messages.map((gap: { message_uid: string; agent_type: string }) => [gap.message_uid, gap.agent_type]),
      [[world.humanMessage.uid, 'human']],
    );
    assert.deepEqual(
      human.conversations.map((gap: { conversation_id: number; question_code: string; value: number }) => [
        gap.conversation_id,
        gap.question_code,
        gap.value,
      ]),
      [[world.conversations.email.id, 'NPS', 6]],
    );
    const both = (await get(`/v1/analytics/knowledge-gaps?from=2026-03-01&to=${today}`)).body.data;
    assert.equal(both.messages.length, 2);
    assert.equal(both.conversations.length, 2);
    const theirs = (await get(`/v1/analytics/knowledge-gaps?from=2026-03-01&to=${today}`, world.other.key)).body.data;
    // The other organization sees its own three low ratings, and nothing of this one.
    assert.deepEqual(theirs.messages, []);
    const ours = new Set(Object.values(world.conversations).map((conversation) => conversation.id));
    assert.equal(theirs.conversations.length, 3);
    assert.ok(theirs.conversations.every((gap: { conversation_id: number }) => !ours.has(gap.conversation_id)));
  });

  it('rebuilds the rollups from the records to the same figures', async () => {
    const paths = [`summary?${RANGE}`, `agents?${RANGE}`, `funnel?${RANGE}`, `timeseries?${RANGE}&metric=nps`];
    const before = await Promise.all(paths.map(async (path) => (await get(`/v1/analytics/${path}`)).body.data));
    await ctx.database.db.deleteFrom('analytics_rating_days').execute();
    await ctx.database.db.deleteFrom('analytics_message_days').execute();
    await ctx.app.services.analytics.rebuild(world.tenant.orgId);
    const after = await Promise.all(paths.map(async (path) => (await get(`/v1/analytics/${path}`)).body.data));
    assert.deepEqual(after, before);
  });

  it('keeps the rollups equal to the records under concurrent answers and feedback', async () => {
    const tenant = await ctx.newTenant('Busy');
    const chat = await conversation(ctx, tenant, {
      agent_id: AI,
      agent_type: 'ai',
      messages: [1, 2, 3].map((n) => ({ role: 'ai', text: `Answer ${n}` })),
    });
    const keys = [tenant.key];
    for (let n = 0; n < 2; n += 1) {
      const { apiKey } = await ctx.app.services.accounts.createUser({
        orgId: tenant.orgId,
        email: `rater-${randomUUID()}@test.invalid`,
      });
      keys.push(apiKey.api_key);
    }
    const ratings = await Promise.all(
      Array.from({ length: 8 }, () =>
        ctx.request('POST', `/v1/conversations/${chat.id}/ratings`, {
          key: tenant.key,
          body: { question_codes: ['CSAT', 'NPS'] },
        }),
      ),
    );
    const choices = ['like', 'dislike', null] as const;
    await Promise.all([
      ...ratings.map((rating, n) =>
        ctx.request('POST', `/v1/ratings/${rating.body.data.id}/answers`, {
          key: tenant.key,
          body: {
            answers: [
              { code: 'CSAT', value: 1 + (n % 5) },
              { code: 'NPS', value: n },
            ],
          },
        }),
      ),
      ...Array.from({ length: 45 }, (_, n) =>
        ctx.request('POST', `/v1/messages/${chat.messages[n % 3]!.uid}/feedback`, {
          key: keys[n % keys.length]!,
          body: { rating: choices[(n * 7) % 3], comment: `note ${n}` },
        }),
      ),
    ]);
    const today = localDay(new Date().toISOString(), 'UTC');
    const query = { from: today, to: today };
    const fromRollups = (
      await ctx.request('GET', `/v1/analytics/summary?from=${today}&to=${today}`, { key: tenant.key })
    ).body.data;
    const exact = await ctx.app.services.analytics.summary(tenant.orgId, query, { exact: true });
    assert.deepEqual(fromRollups, JSON.parse(JSON.stringify(exact)));
    assert.equal(fromRollups.csat.responses, 8);
    const current = await ctx.database.db
      .selectFrom('message_feedback_current')
      .select(['rating'])
      .where('org_id', '=', tenant.orgId)
      .execute();
    assert.equal(fromRollups.messages.likes, current.filter((row) => row.rating === 'like').length);
    assert.equal(fromRollups.messages.dislikes, current.filter((row) => row.rating === 'dislike').length);
  });

  it('seeds the demo organization with a month of ratings and feedback to show', async () => {
    const demo = await seedDemo(ctx.app.services, { name: `Demo ${randomUUID()}` });
    const summary = (await ctx.request('GET', '/v1/analytics/summary', { key: demo.apiKey })).body.data;
    assert.ok(summary.csat.responses >= 30 && summary.nps.responses > 0 && summary.messages.dislikes > 0);
    const funnel = (await ctx.request('GET', '/v1/analytics/funnel', { key: demo.apiKey })).body.data;
    assert.ok(funnel.expired > 0 && funnel.opened > funnel.answered);
    const exact = await ctx.app.services.analytics.summary(demo.organization.id, {}, { exact: true });
    assert.deepEqual(summary, JSON.parse(JSON.stringify(exact)));
  });

  it("keeps the rollups in the organization's own time zone", async () => {
    const { apiKey, organization } = await ctx.app.services.accounts.createOrganization({
      name: 'Berlin GmbH',
      timezone: 'Europe/Berlin',
    });
    const tenant = { orgId: organization.id, userId: '', key: apiKey.api_key };
    const chat = await conversation(ctx, tenant, { agent_id: HUMAN, agent_type: 'human' });
    // 23:30 UTC on 4 March is half past midnight on 5 March in Berlin.
    await survey(ctx, tenant, chat.id, ['CSAT'], '2026-03-04T23:00:00Z', {
      values: { CSAT: 5 },
      at: '2026-03-04T23:30:00Z',
    });
    const series = (
      await ctx.request('GET', '/v1/analytics/timeseries?from=2026-03-04&to=2026-03-05&metric=csat', {
        key: tenant.key,
      })
    ).body.data;
    assert.deepEqual(
      series.map((point: { period: string; value: number | null; responses: number }) => [
        point.period,
        point.value,
        point.responses,
      ]),
      [
        ['2026-03-04', null, 0],
        ['2026-03-05', 100, 1],
      ],
    );
    const rows = await ctx.database.db
      .selectFrom('analytics_rating_days')
      .select(['day', 'responses'])
      .where('org_id', '=', tenant.orgId)
      .where('responses', '>', 0)
      .where('level', '=', 0)
      .execute();
    assert.deepEqual(
      rows.map((row) => [row.day, Number(row.responses)]),
      [['2026-03-05', 1]],
    );
    const utc = (
      await ctx.request('GET', '/v1/analytics/timeseries?from=2026-03-04&to=2026-03-05&metric=csat&tz=UTC', {
        key: tenant.key,
      })
    ).body.data;
    assert.deepEqual(
      utc.map((point: { responses: number }) => point.responses),
      [1, 0],
    );
  });

  it('refuses an unknown time zone, a reversed range, an unknown interval or metric', async () => {
    assertError(await get('/v1/analytics/summary?tz=Mars/Olympus'), 400, 'invalid_timezone');
    assertError(await get('/v1/analytics/summary?from=2026-03-10&to=2026-03-01'), 400, 'invalid_date_range');
    assertError(await get('/v1/analytics/summary?from=2026-02-30'), 400, 'invalid_date_range');
    assertError(await get('/v1/analytics/timeseries?interval=hour'), 400, 'validation_failed');
    assertError(await get('/v1/analytics/timeseries?metric=revenue'), 400, 'validation_failed');
    assertError(
      await get('/v1/analytics/timeseries?from=2020-01-01&to=2026-01-01&interval=day'),
      400,
      'invalid_date_range',
    );
  });
});
