import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { localDay } from '../src/modules/analytics/index.js';
import { describeEachDialect, type TestContext, type Tenant } from './helpers/app.js';

/**
 * Trends that do not mislead: a period still under way (or cut by the range) says it is partial, each point carries
 * its own number of responses and flags fewer than 30, and the summary and funnel carry the period of the same length
 * before the range to compare with. Figures are worked out by hand; another organization rates on the same days.
 */

const DAY = 86_400_000;

async function rate(ctx: TestContext, tenant: Tenant, answers: Record<string, number>, at: string) {
  const conversation = await ctx.request('POST', '/v1/conversations', {
    key: tenant.key,
    body: { agent_type: 'human', channel: 'chat' },
  });
  assert.equal(conversation.status, 201);
  const offered = await ctx.request('POST', `/v1/conversations/${conversation.body.data.id}/ratings`, {
    key: tenant.key,
    body: { question_codes: Object.keys(answers), offered_at: at, expires_in_hours: 720 },
  });
  assert.equal(offered.status, 201, JSON.stringify(offered.body));
  const answered = await ctx.request('POST', `/v1/ratings/${offered.body.data.id}/answers`, {
    key: tenant.key,
    body: { answers: Object.entries(answers).map(([code, value]) => ({ code, value })), submitted_at: at },
  });
  assert.equal(answered.status, 200, JSON.stringify(answered.body));
}

describeEachDialect('analytics trends and comparisons', (ctx) => {
  let tenant: Tenant;
  let other: Tenant;
  const get = async (path: string, key = tenant.key) => {
    const response = await ctx.request('GET', path, { key });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    return response.body.data;
  };

  before(async () => {
    tenant = await ctx.newTenant('Trends');
    other = await ctx.newTenant('Someone else');
    // The week 8-14 May 2026, and the week before it (1-7 May); 30 April is before both.
    await rate(ctx, tenant, { CSAT: 1 }, '2026-04-30T12:00:00Z');
    await rate(ctx, tenant, { CSAT: 1 }, '2026-05-01T00:30:00Z');
    await rate(ctx, tenant, { CSAT: 4, NPS: 10 }, '2026-05-03T12:00:00Z');
    await rate(ctx, tenant, { CSAT: 5 }, '2026-05-07T23:30:00Z');
    await rate(ctx, tenant, { CSAT: 5 }, '2026-05-10T12:00:00Z');
    await rate(ctx, tenant, { CSAT: 2, NPS: 6 }, '2026-05-12T12:00:00Z');
    for (const day of ['01', '03', '07', '10', '12']) {
      await rate(ctx, other, { CSAT: 3, NPS: 0 }, `2026-05-${day}T12:00:00Z`);
    }
  });

  it('compares the summary with the period of the same length just before it', async () => {
    const summary = await get('/v1/analytics/summary?from=2026-05-08&to=2026-05-14');
    // This week: CSAT 5 and 2, NPS 6. The week before: CSAT 1, 4 and 5, NPS 10.
    assert.deepEqual([summary.csat.responses, summary.csat.score, summary.nps.score], [2, 50, -100]);
    assert.deepEqual([summary.previous.from, summary.previous.to], ['2026-05-01', '2026-05-07']);
    assert.deepEqual(
      [summary.previous.csat.responses, summary.previous.csat.score, summary.previous.csat.average],
      [3, 66.67, 3.33],
    );
    assert.deepEqual([summary.previous.nps.responses, summary.previous.nps.score], [1, 100]);
    assert.equal(summary.previous.messages.likes, 0);

    // A three-day range compares with the three days before it, in the time zone asked for: in New York the answer
    // given at 23:30 UTC on 7 May was given on the 7th, and the one at 00:30 UTC on 1 May on 30 April.
    const short = await get('/v1/analytics/summary?from=2026-05-10&to=2026-05-12&tz=America/New_York');
    assert.deepEqual([short.previous.from, short.previous.to], ['2026-05-07', '2026-05-09']);
    assert.deepEqual([short.previous.csat.responses, short.previous.csat.score], [1, 100]);
    const weekBefore = await get('/v1/analytics/summary?from=2026-05-01&to=2026-05-07&tz=America/New_York');
    assert.deepEqual([weekBefore.csat.responses, weekBefore.previous.csat.responses], [2, 2]);

    const theirs = await get('/v1/analytics/summary?from=2026-05-08&to=2026-05-14', other.key);
    assert.deepEqual([theirs.previous.csat.responses, theirs.previous.csat.score], [3, 0]);
  });

  it('compares the funnel with the period before it', async () => {
    const funnel = await get('/v1/analytics/funnel?from=2026-05-08&to=2026-05-14');
    assert.deepEqual([funnel.offered, funnel.answered], [3, 3]);
    assert.deepEqual(
      [funnel.previous.from, funnel.previous.to, funnel.previous.offered, funnel.previous.answered],
      ['2026-05-01', '2026-05-07', 4, 4],
    );
  });

  it('gives each point its own responses, marks the periods the range cuts, and flags small samples', async () => {
    // Wednesday 6 to Tuesday 12 May, by week: both weeks are cut by the range.
    const weeks = await get('/v1/analytics/timeseries?from=2026-05-06&to=2026-05-12&interval=week&metric=csat');
    assert.deepEqual(weeks, [
      {
        period: '2026-05-04',
        from: '2026-05-06',
        to: '2026-05-10',
        value: 100,
        responses: 2,
        partial: true,
        low_sample: true,
      },
      {
        period: '2026-05-11',
        from: '2026-05-11',
        to: '2026-05-12',
        value: 0,
        responses: 1,
        partial: true,
        low_sample: true,
      },
    ]);
    // Whole weeks in the past are complete.
    const whole = await get('/v1/analytics/timeseries?from=2026-05-04&to=2026-05-17&interval=week&metric=csat');
    assert.deepEqual(
      whole.map((point: { partial: boolean; responses: number }) => [point.partial, point.responses]),
      [
        [false, 2],
        [false, 1],
      ],
    );
  });

  it('marks the period still under way as partial, with only its own responses', async () => {
    const tenant = await ctx.newTenant('This month');
    const now = Date.now();
    const today = localDay(new Date(now).toISOString(), 'UTC');
    const firstOfMonth = `${today.slice(0, 7)}-01`;
    // The 10th of last month: 30 answers, a sample worth reading.
    const lastMonth = new Date(Date.parse(`${firstOfMonth}T00:00:00Z`) - DAY);
    const lastMonthStart = `${lastMonth.toISOString().slice(0, 7)}-01`;
    const tenth = `${lastMonthStart.slice(0, 8)}10T12:00:00Z`;
    for (let n = 0; n < 30; n += 1) await rate(ctx, tenant, { CSAT: n < 27 ? 5 : 1 }, tenth);
    // Now: one answer, the only one of this month so far.
    await rate(ctx, tenant, { CSAT: 5 }, new Date(now).toISOString());

    const months = await get(`/v1/analytics/timeseries?from=${lastMonthStart}&to=${today}&interval=month`, tenant.key);
    assert.deepEqual(months, [
      {
        period: lastMonthStart,
        from: lastMonthStart,
        to: lastMonth.toISOString().slice(0, 10),
        value: 90,
        responses: 30,
        partial: false,
        low_sample: false,
      },
      {
        period: firstOfMonth,
        from: firstOfMonth,
        to: today,
        value: 100,
        responses: 1,
        partial: true,
        low_sample: true,
      },
    ]);
    const days = await get(`/v1/analytics/timeseries?from=${today}&to=${today}&interval=day`, tenant.key);
    assert.deepEqual(
      days.map((point: { partial: boolean; responses: number }) => [point.partial, point.responses]),
      [[true, 1]],
    );
  });
});
