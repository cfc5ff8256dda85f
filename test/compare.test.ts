import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { assertError, describeEachDialect, type Tenant } from './helpers/app.js';

/**
 * Comparing versions: `GET /v1/analytics/compare` and `GET /v1/analytics/versions`, against figures worked out by
 * hand. Range 1-7 June 2026, UTC; every feedback on 2 June, every rating answered on 3 June.
 *
 *   c13chat  (A1, chat,  tag beta)    50 AI answers v13 by gpt-a: 40 liked, 10 disliked; CSAT 5
 *   c13email (A2, email)              20 AI answers v13:          16 liked,  4 disliked; CSAT 4
 *   c12chat  (A1, chat,  tag stable)  60 AI answers v12:          30 liked, 30 disliked; CSAT 2
 *   c12email (A2, email)              20 AI answers v12:          18 liked,  2 disliked; CSAT 3
 *   t1-t3    (A1, chat)               one AI answer by gpt-a each; HELPFUL_THUMBS up, up, down
 *   t4-t5    (A1, chat)               one AI answer by gpt-b each; HELPFUL_THUMBS down, down
 *
 * z = 1.959964, z² = 3.841459; Wilson of x/n: (2x + z² ∓ z·√(z² + 4x(n − x)/n)) / (2(n + z²)); Newcombe's interval of
 * d = pa − pb: d − √((pa − la)² + (ub − pb)²) to d + √((ua − pa)² + (pb − lb)²).
 *
 * message_likes v13 vs v12: 56/70 vs 48/80, Newcombe 1998's own example: +20.00 (+5.24 to +33.39).
 * csat v13 vs v12: 4-5 answers 2/2 vs 0/2. Wilson 2/2 = (2/5.841459, 1) = (0.342380, 1); 0/2 = (0, 0.657620).
 *   d = 1; low = 1 − √(0.657620² + 0.657620²) = 1 − 0.930016 = 0.069984; high = 1 + 0 = 1: +100.00 (+7.00 to +100.00).
 * thumbs gpt-a vs gpt-b: 2/3 vs 0/2. Wilson 2/3: z·√(3.841459 + 2.666667) = 5.000069, so (2.841390, 12.841528) /
 *   13.682918 = (0.207660, 0.938508). d = 0.666667; low = 0.666667 − √(0.459007² + 0.657620²) = 0.666667 − 0.801967
 *   = −0.135300; high = 0.666667 + √(0.271841² + 0) = 0.938508: +66.67 (−13.53 to +93.85), no clear difference.
 * channel=chat, v13 vs v12: 40/50 vs 30/60. Wilson 40/50 = (72.107597, 95.575321) / 107.682918 = (0.669629, 0.887562);
 *   30/60 = (48.181182, 79.501736) / 127.682918 = (0.377347, 0.622653). d = 0.3; low = 0.3 − √(0.130371² + 0.122653²)
 *   = 0.3 − 0.179000 = 0.121000; high = 0.3 + √(0.087562² + 0.122653²) = 0.450702: +30.00 (+12.10 to +45.07).
 *   The same counts for tag beta vs tag stable (every answer of c13chat vs of c12chat), from the rollups.
 * agent_id=A2: 16/20 vs 18/20, d = −10 points.
 */

const A1 = 'a1000000-0000-4000-8000-00000000000a';
const A2 = 'a2000000-0000-4000-8000-00000000000b';
const RANGE = 'from=2026-06-01&to=2026-06-07';
const AT = '2026-06-01T08:00:00Z';

interface Side {
  value: string;
  successes: number;
  total: number;
  rate: number | null;
  low_sample: boolean;
}
interface Comparison {
  a: Side;
  b: Side;
  difference: number | null;
  ci_low: number | null;
  ci_high: number | null;
  excludes_zero: boolean;
  low_sample: boolean;
  verdict: string;
  sentence: string;
}

describeEachDialect('Comparing versions', (ctx) => {
  let tenant: Tenant;
  let other: Tenant;

  const compare = async (query: string, key = tenant.key, range = RANGE) => {
    const response = await ctx.request('GET', `/v1/analytics/compare?${range}&${query}`, { key });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    return response.body.data as Comparison;
  };
  /** The figures a reader checks: each side's counts, the difference, its interval and the verdict. */
  const figures = (data: Comparison) => ({
    a: [data.a.successes, data.a.total],
    b: [data.b.successes, data.b.total],
    points: [data.difference, data.ci_low, data.ci_high],
    verdict: data.verdict,
  });

  /** A conversation of AI answers, each liked or disliked once as given, and a rating. */
  async function conversation(
    owner: Tenant,
    body: Record<string, unknown>,
    answers: Array<{ version: Record<string, string>; rating: 'like' | 'dislike' | null }>,
    question?: { code: string; value: number },
  ) {
    const created = await ctx.request('POST', '/v1/conversations', {
      key: owner.key,
      body: {
        agent_type: 'ai',
        created_at: AT,
        ...body,
        messages: answers.map((answer, n) => ({ role: 'ai', text: `Answer ${n}`, created_at: AT, ...answer.version })),
      },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const { feedback } = ctx.app.services;
    for (const [n, answer] of answers.entries()) {
      if (!answer.rating) continue;
      const target = await feedback.messageTarget(owner.orgId, created.body.data.messages[n].uid);
      await feedback.recordMessageFeedback(target, owner.userId, { rating: answer.rating }, '2026-06-02T12:00:00Z');
    }
    if (question) {
      const id = created.body.data.id;
      const offered = await ctx.request('POST', `/v1/conversations/${id}/ratings`, {
        key: owner.key,
        body: { question_codes: [question.code], offered_at: '2026-06-03T09:00:00Z', expires_in_hours: 720 },
      });
      assert.equal(offered.status, 201, JSON.stringify(offered.body));
      const answered = await ctx.request('POST', `/v1/ratings/${offered.body.data.id}/answers`, {
        key: owner.key,
        body: { answers: [question], submitted_at: '2026-06-03T10:00:00Z' },
      });
      assert.equal(answered.status, 200, JSON.stringify(answered.body));
    }
  }

  /** `likes` liked answers and `dislikes` disliked ones, all of one version. */
  const answers = (version: Record<string, string>, likes: number, dislikes: number) => [
    ...Array.from({ length: likes }, () => ({ version, rating: 'like' as const })),
    ...Array.from({ length: dislikes }, () => ({ version, rating: 'dislike' as const })),
  ];

  before(async () => {
    tenant = await ctx.newTenant('Compare');
    other = await ctx.newTenant('Compare elsewhere');
    const v13 = { prompt_version: 'v13' };
    const v12 = { prompt_version: 'v12' };
    await conversation(
      tenant,
      { agent_id: A1, channel: 'chat', tags: ['beta'] },
      answers({ ...v13, model: 'gpt-a' }, 40, 10),
      { code: 'CSAT', value: 5 },
    );
    await conversation(tenant, { agent_id: A2, channel: 'email' }, answers(v13, 16, 4), { code: 'CSAT', value: 4 });
    await conversation(tenant, { agent_id: A1, channel: 'chat', tags: ['stable'] }, answers(v12, 30, 30), {
      code: 'CSAT',
      value: 2,
    });
    await conversation(tenant, { agent_id: A2, channel: 'email' }, answers(v12, 18, 2), { code: 'CSAT', value: 3 });
    for (const [model, thumb] of [
      ['gpt-a', 1],
      ['gpt-a', 1],
      ['gpt-a', 0],
      ['gpt-b', 0],
      ['gpt-b', 0],
    ] as const) {
      await conversation(tenant, { agent_id: A1, channel: 'chat' }, [{ version: { model }, rating: null }], {
        code: 'HELPFUL_THUMBS',
        value: thumb,
      });
    }
    // Another organization with the same labels: one disliked v13 answer and a low v12 rating, counted only there.
    await conversation(other, { agent_id: A1, channel: 'chat' }, answers(v13, 0, 1));
    await conversation(other, { agent_id: A1, channel: 'chat' }, [{ version: v12, rating: null }], {
      code: 'CSAT',
      value: 1,
    });
  });

  it("compares message likes as Newcombe 1998's example: 56/70 vs 48/80", async () => {
    const data = await compare('dimension=prompt_version&a=v13&b=v12&metric=message_likes');
    assert.deepEqual(figures(data), {
      a: [56, 70],
      b: [48, 80],
      points: [20, 5.24, 33.39],
      verdict: 'a_higher',
    });
    assert.equal(data.sentence, 'v13 is liked more: +20.0 points (95% CI +5.2 to +33.4), 70 vs 80 answers');
    assert.deepEqual([data.a.rate, data.b.rate, data.excludes_zero, data.low_sample], [80, 60, true, false]);
    const swapped = await compare('dimension=prompt_version&a=v12&b=v13');
    assert.equal(
      swapped.sentence,
      'v12 is liked less: \u221220.0 points (95% CI \u221233.4 to \u22125.2), 80 vs 70 answers',
    );
    assert.equal(swapped.verdict, 'b_higher', 'message_likes is the default metric');
  });

  it('compares CSAT and thumbs, with a low-sample warning', async () => {
    const csat = await compare('dimension=prompt_version&a=v13&b=v12&metric=csat');
    assert.deepEqual(figures(csat), { a: [2, 2], b: [0, 2], points: [100, 7, 100], verdict: 'a_higher' });
    assert.equal(csat.sentence, 'v13 is rated higher: +100.0 points (95% CI +7.0 to +100.0), 2 vs 2 answers');
    assert.deepEqual([csat.a.low_sample, csat.b.low_sample, csat.low_sample], [true, true, true]);
    const thumbs = await compare('dimension=model&a=gpt-a&b=gpt-b&metric=thumbs');
    assert.deepEqual(figures(thumbs), {
      a: [2, 3],
      b: [0, 2],
      points: [66.67, -13.53, 93.85],
      verdict: 'no_clear_difference',
    });
    assert.equal(
      thumbs.sentence,
      'No clear difference between gpt-a and gpt-b: +66.7 points (95% CI \u221213.5 to +93.9), 3 vs 2 answers',
    );
    const question = await compare('dimension=prompt_version&a=v13&b=v12&metric=csat&question_code=STARS');
    assert.deepEqual([question.a.total, question.b.total, question.verdict], [0, 0, 'no_data']);
    assert.equal(question.sentence, 'Neither v13 nor v12 has answers to compare: 0 vs 0 answers');
  });

  it('narrows both sides by the filters, counting exactly where the rollups keep no such row', async () => {
    const chat = await compare('dimension=prompt_version&a=v13&b=v12&channel=chat');
    assert.deepEqual(figures(chat), { a: [40, 50], b: [30, 60], points: [30, 12.1, 45.07], verdict: 'a_higher' });
    const tags = await compare('dimension=tag&a=beta&b=stable');
    assert.deepEqual(figures(tags), figures(chat), 'tag beta is c13chat, tag stable c12chat');
    const agent = await compare(`dimension=prompt_version&a=v13&b=v12&agent_id=${A2}`);
    assert.deepEqual([agent.a.successes, agent.a.total, agent.b.successes, agent.b.total], [16, 20, 18, 20]);
    assert.equal(agent.difference, -10);
    assert.equal(agent.verdict, 'no_clear_difference');
    const model = await compare('dimension=prompt_version&a=v13&b=v12&model=gpt-a');
    assert.deepEqual([model.a.total, model.b.total, model.verdict], [50, 0, 'no_data']);
    assert.equal(model.sentence, 'v12 has no answers to compare with v13: 50 vs 0 answers');
    const before = await compare('dimension=prompt_version&a=v13&b=v12', tenant.key, 'from=2026-05-01&to=2026-05-31');
    assert.deepEqual([before.a.total, before.b.total], [0, 0]);
    // The records, counted one by one, give the same figures as the rollups.
    for (const query of [
      'dimension=prompt_version&a=v13&b=v12',
      'dimension=prompt_version&a=v13&b=v12&metric=csat',
      'dimension=model&a=gpt-a&b=gpt-b&metric=thumbs',
      'dimension=tag&a=beta&b=stable',
    ]) {
      const input = Object.fromEntries(new URLSearchParams(`${RANGE}&${query}`)) as never;
      const exact = await ctx.app.services.compare.compare(tenant.orgId, input, { exact: true });
      assert.deepEqual(figures(exact as Comparison), figures(await compare(query)), query);
    }
  });

  it('lists the versions answered in the range with their answers', async () => {
    const list = async (query: string, key = tenant.key) => {
      const response = await ctx.request('GET', `/v1/analytics/versions?${RANGE}&${query}`, { key });
      assert.equal(response.status, 200, JSON.stringify(response.body));
      return response.body.data as Array<{ value: string; answers: Record<string, number> }>;
    };
    assert.deepEqual(await list('dimension=prompt_version'), [
      { value: 'v12', answers: { message_likes: 80, csat: 2, thumbs: 0 } },
      { value: 'v13', answers: { message_likes: 70, csat: 2, thumbs: 0 } },
    ]);
    assert.deepEqual(await list('dimension=model'), [
      { value: 'gpt-a', answers: { message_likes: 50, csat: 1, thumbs: 3 } },
      { value: 'gpt-b', answers: { message_likes: 0, csat: 0, thumbs: 2 } },
    ]);
    const chat = [
      { value: 'v12', answers: { message_likes: 60, csat: 1, thumbs: 0 } },
      { value: 'v13', answers: { message_likes: 50, csat: 1, thumbs: 0 } },
    ];
    assert.deepEqual(await list('dimension=prompt_version&channel=chat'), chat);
    assert.deepEqual(await list('dimension=prompt_version&tag=beta'), [chat[1]]);
    assert.deepEqual(await list('dimension=tag&limit=1'), [
      { value: 'stable', answers: { message_likes: 60, csat: 1, thumbs: 0 } },
    ]);
    assert.deepEqual(await list('dimension=prompt_version&question_code=CSAT'), [
      { value: 'v12', answers: { message_likes: 0, csat: 2, thumbs: 0 } },
      { value: 'v13', answers: { message_likes: 0, csat: 2, thumbs: 0 } },
    ]);
    for (const query of ['dimension=prompt_version', 'dimension=model&agent_id=' + A1, 'dimension=tag']) {
      const input = Object.fromEntries(new URLSearchParams(`${RANGE}&${query}`)) as never;
      const exact = await ctx.app.services.compare.versions(tenant.orgId, input, { exact: true });
      assert.deepEqual(exact, await list(query), `${query}, counted exactly`);
    }
  });

  it('refuses a comparison that makes no sense with 400 and a sentence', async () => {
    const refused = async (query: string, code: string, message?: RegExp) =>
      assertError(await ctx.request('GET', `/v1/analytics/compare?${query}`, { key: tenant.key }), 400, code, message);
    await refused('dimension=prompt_version&a=v13&b=v13', 'invalid_comparison', /a and b are both "v13"/);
    await refused(
      'dimension=prompt_version&a=v13&b=v12&prompt_version=v13',
      'dimension_also_filtered',
      /prompt_version cannot also be a filter/,
    );
    await refused('dimension=tag&a=x&b=y&tag=x', 'dimension_also_filtered');
    await refused('dimension=prompt_version&a=v13&b=v12&question_code=CSAT', 'invalid_comparison', /message_likes/);
    await refused('dimension=prompt_version&a=v13&b=v12&metric=csat&question_code=NPS', 'invalid_comparison');
    await refused('dimension=prompt_version&a=v13&b=v12&metric=thumbs&question_code=STARS', 'invalid_comparison');
    await refused('dimension=prompt_version&a=v13', 'validation_failed');
    await refused('dimension=version&a=v13&b=v12', 'validation_failed');
    await refused('dimension=prompt_version&a=v13&b=v12&metric=nps', 'validation_failed');
    await refused('dimension=prompt_version&a=v13&b=v12&side=a', 'validation_failed');
    await refused('dimension=prompt_version&a=v13&b=v12&from=2026-06-07&to=2026-06-01', 'invalid_date_range');
    assertError(
      await ctx.request('GET', '/v1/analytics/versions?dimension=model&model=gpt-a', { key: tenant.key }),
      400,
      'dimension_also_filtered',
    );
    assertError(await ctx.request('GET', '/v1/analytics/versions', { key: tenant.key }), 400, 'validation_failed');
  });

  it("counts nothing of another organization's, and shows it none of ours", async () => {
    const theirs = await compare('dimension=prompt_version&a=v13&b=v12&metric=message_likes', other.key);
    assert.deepEqual([theirs.a.successes, theirs.a.total, theirs.b.total], [0, 1, 0]);
    const theirCsat = await compare('dimension=prompt_version&a=v13&b=v12&metric=csat', other.key);
    assert.deepEqual([theirCsat.a.total, theirCsat.b.successes, theirCsat.b.total], [0, 0, 1]);
    const models = await ctx.request('GET', `/v1/analytics/versions?${RANGE}&dimension=model`, { key: other.key });
    assert.deepEqual(models.body.data, []);
    const versions = await ctx.request('GET', `/v1/analytics/versions?${RANGE}&dimension=prompt_version`, {
      key: other.key,
    });
    assert.deepEqual(versions.body.data, [
      { value: 'v12', answers: { message_likes: 0, csat: 1, thumbs: 0 } },
      { value: 'v13', answers: { message_likes: 1, csat: 0, thumbs: 0 } },
    ]);
  });
});
