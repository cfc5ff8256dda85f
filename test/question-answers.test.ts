import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { assertError, describeEachDialect, type TestContext, type Tenant } from './helpers/app.js';
import { withoutWrites } from './helpers/refusals.js';

const QUICKCHAT = '/v1/api/conversation_ratings/configuration';

const questions: Array<Record<string, unknown>> = [
  {
    code: 'EASE',
    kind: 'ces',
    labels: { en: 'How easy was it?', de: 'Wie einfach war es?' },
    follow_up: {
      reasons: [
        { id: 'TOO_SLOW', labels: { en: 'Too slow' } },
        { id: 'PASSED_AROUND', labels: { en: 'Passed around' } },
      ],
      comment_prompt: { en: 'What went wrong?' },
    },
  },
  {
    code: 'TOPIC',
    kind: 'choice',
    labels: { en: 'What was it about?' },
    options: [
      { id: 'PRICE', labels: { en: 'Price', de: 'Preis' } },
      { id: 'DELIVERY', labels: { en: 'Delivery' } },
    ],
  },
  {
    code: 'AREAS',
    kind: 'choice',
    multiple: true,
    labels: { en: 'Which areas?' },
    options: [
      { id: 'APP', labels: { en: 'App' } },
      { id: 'WEB', labels: { en: 'Web' } },
      { id: 'PHONE', labels: { en: 'Phone' } },
    ],
  },
  { code: 'WISH', kind: 'text', labels: { en: 'Anything else?' }, required: false },
  {
    code: 'SATISFACTION',
    kind: 'csat',
    labels: { en: 'How satisfied are you?' },
    follow_up: { reasons: [{ id: 'RUDE', labels: { en: 'Rude' } }] },
  },
];

async function conversation(ctx: TestContext, tenant: Tenant, body: Record<string, unknown> = {}): Promise<number> {
  const created = await ctx.request('POST', '/v1/conversations', {
    key: tenant.key,
    body: { agent_id: '0f5ab6a3-5d0e-4c41-9a42-5a8a2a3c0042', agent_type: 'human', ...body },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body.data.id;
}

describeEachDialect('Answers to the organization’s own questions', (ctx) => {
  let tenant: Tenant;
  let other: Tenant;

  const offer = async (codes: string[], key = tenant.key) => {
    const id = await conversation(ctx, tenant);
    return ctx.request('POST', `/v1/conversations/${id}/ratings`, { key, body: { question_codes: codes } });
  };
  const answer = (ratingId: number, answers: unknown[], comment?: string) =>
    ctx.request('POST', `/v1/ratings/${ratingId}/answers`, {
      key: tenant.key,
      body: { answers, ...(comment ? { comment } : {}) },
    });

  before(async () => {
    tenant = await ctx.newTenant('Answers Org');
    other = await ctx.newTenant('Other Answers Org');
    for (const question of questions) {
      const created = await ctx.request('POST', '/v1/questions', { key: tenant.key, body: question });
      assert.equal(created.status, 201, JSON.stringify(created.body));
    }
  });

  it('offers custom codes through the native API with their version, and reads the answers of each kind', async () => {
    const offered = await offer(['EASE', 'TOPIC', 'AREAS', 'WISH', 'CSAT']);
    assert.equal(offered.status, 201, JSON.stringify(offered.body));
    const rating = offered.body.data;
    assert.deepEqual(
      rating.questions.map((q: any) => [q.code, q.kind, q.version, q.choices, q.reasons, q.text]),
      [
        ['EASE', 'ces', 1, null, null, null],
        ['TOPIC', 'choice', 1, null, null, null],
        ['AREAS', 'choice', 1, null, null, null],
        ['WISH', 'text', 1, null, null, null],
        ['CSAT', 'stars', null, null, null, null],
      ],
    );
    const answered = await answer(rating.id, [
      { code: 'EASE', value: 2, reasons: ['TOO_SLOW', 'PASSED_AROUND'], comment: 'Three transfers' },
      { code: 'TOPIC', choices: ['DELIVERY'] },
      { code: 'AREAS', choices: ['APP', 'PHONE'] },
      { code: 'WISH', text: '  Faster answers, please  ' },
      { code: 'CSAT', value: 4 },
    ]);
    assert.equal(answered.status, 200, JSON.stringify(answered.body));
    const read = (await ctx.request('GET', `/v1/ratings/${rating.id}`, { key: tenant.key })).body.data;
    assert.equal(read.status, 'rated');
    assert.deepEqual(
      read.questions.map((q: any) => [q.code, q.status, q.value, q.choices, q.reasons, q.text, q.comment]),
      [
        ['EASE', 'Rated', 2, null, ['TOO_SLOW', 'PASSED_AROUND'], null, 'Three transfers'],
        ['TOPIC', 'Rated', null, ['DELIVERY'], null, null, null],
        ['AREAS', 'Rated', null, ['APP', 'PHONE'], null, null, null],
        ['WISH', 'Rated', null, null, null, 'Faster answers, please', null],
        ['CSAT', 'Rated', 4, null, null, null, null],
      ],
    );
  });

  it('refuses bad answers with 400 and writes no row, rollup or webhook delivery', async () => {
    await ctx.request('POST', '/v1/webhooks', {
      key: tenant.key,
      body: { url: 'https://hooks.example.com/answers', event_types: ['rating.submitted'] },
    });
    const rating = (await offer(['EASE', 'TOPIC', 'AREAS', 'WISH', 'SATISFACTION', 'NPS'])).body.data;
    const refusals: Array<[unknown, string]> = [
      [{ code: 'EASE', value: 8 }, 'invalid_rating_value'],
      [{ code: 'EASE', value: 0 }, 'invalid_rating_value'],
      [{ code: 'EASE' }, 'invalid_rating_value'],
      [{ code: 'EASE', value: 6, reasons: ['TOO_SLOW'] }, 'invalid_rating_value'],
      [{ code: 'EASE', value: 1, reasons: ['NO_SUCH_REASON'] }, 'invalid_rating_value'],
      [{ code: 'EASE', value: 1, reasons: ['TOO_SLOW', 'TOO_SLOW'] }, 'invalid_rating_value'],
      [{ code: 'EASE', value: 1, choices: ['PRICE'] }, 'invalid_rating_value'],
      [{ code: 'TOPIC', choices: ['PRICE', 'DELIVERY'] }, 'invalid_rating_value'],
      [{ code: 'TOPIC', choices: ['GIFTS'] }, 'invalid_rating_value'],
      [{ code: 'TOPIC', choices: [] }, 'invalid_rating_value'],
      [{ code: 'TOPIC', value: 1 }, 'invalid_rating_value'],
      [{ code: 'AREAS', choices: ['APP', 'APP'] }, 'invalid_rating_value'],
      [{ code: 'WISH', text: '   ' }, 'invalid_rating_value'],
      [{ code: 'WISH', value: 3 }, 'invalid_rating_value'],
      [{ code: 'WISH', text: 'x'.repeat(2001) }, 'validation_failed'],
      [{ code: 'SATISFACTION', value: 6 }, 'invalid_rating_value'],
      [{ code: 'SATISFACTION', value: 3, reasons: ['RUDE'] }, 'invalid_rating_value'],
      [{ code: 'NPS', value: 2, reasons: ['RUDE'] }, 'invalid_rating_value'],
      [{ code: 'NPS', value: 11 }, 'invalid_rating_value'],
      [{ code: 'TOPIC', choices: ['PRICE'], comment: 'x'.repeat(2001) }, 'validation_failed'],
    ];
    for (const [bad, code] of refusals) {
      // A good answer beside the bad one: all or nothing.
      const response = await withoutWrites(ctx.database, () =>
        answer(rating.id, [{ code: 'WISH', text: 'Fine' }, bad]),
      );
      assertError(response, 400, code);
    }
    const refusedMessage = await answer(rating.id, [{ code: 'EASE', value: 9 }]);
    assert.match(refusedMessage.body.error.message, /EASE takes a whole number from 1 to 7; got 9/);
    const nps = await answer(rating.id, [{ code: 'NPS', value: 11 }]);
    assert.equal(nps.body.error.message, 'NPS takes a whole number from 0 to 10; got 11.', 'built-ins read as before');
    // Low CSAT with its reason is taken.
    const low = await answer(rating.id, [{ code: 'SATISFACTION', value: 2, reasons: ['RUDE'] }]);
    assert.equal(low.status, 200, JSON.stringify(low.body));
  });

  it('keeps the version a question was asked in: an edit changes new surveys only', async () => {
    const asked = (await offer(['EASE'])).body.data;
    const edited = await ctx.request('PATCH', '/v1/questions/EASE', {
      key: tenant.key,
      body: { follow_up: { reasons: [{ id: 'UNCLEAR', labels: { en: 'Unclear' } }] } },
    });
    assert.equal(edited.body.data.version, 2);
    // The survey asked in version 1 takes version 1's reasons, not version 2's.
    assertError(
      await withoutWrites(ctx.database, () => answer(asked.id, [{ code: 'EASE', value: 1, reasons: ['UNCLEAR'] }])),
      400,
      'invalid_rating_value',
    );
    assert.equal((await answer(asked.id, [{ code: 'EASE', value: 1, reasons: ['TOO_SLOW'] }])).status, 200);
    const fresh = (await offer(['EASE'])).body.data;
    assert.equal(fresh.questions[0].version, 2);
    assert.equal((await answer(fresh.id, [{ code: 'EASE', value: 3, reasons: ['UNCLEAR'] }])).status, 200);
    const versions = await ctx.request('GET', '/v1/questions/EASE/versions', { key: tenant.key });
    assert.deepEqual(
      versions.body.data.map((version: any) => version.follow_up.reasons.map((reason: any) => reason.id)),
      [['TOO_SLOW', 'PASSED_AROUND'], ['UNCLEAR']],
    );
  });

  it('refuses codes another organization defined, and archived ones, with unknown_question_code', async () => {
    const theirs = await conversation(ctx, other);
    assertError(
      await withoutWrites(ctx.database, () =>
        ctx.request('POST', `/v1/conversations/${theirs}/ratings`, {
          key: other.key,
          body: { question_codes: ['EASE'] },
        }),
      ),
      400,
      'unknown_question_code',
    );
    assertError(
      await withoutWrites(ctx.database, () =>
        ctx.request('PATCH', '/v1/rating-settings', { key: other.key, body: { conv_rating_question_codes: ['EASE'] } }),
      ),
      400,
      'unknown_question_code',
    );
    await ctx.request('POST', '/v1/questions', {
      key: tenant.key,
      body: { code: 'OLD_ONE', kind: 'thumbs', labels: { en: 'Old?' } },
    });
    const before = (await offer(['OLD_ONE'])).body.data;
    assert.equal((await ctx.request('DELETE', '/v1/questions/OLD_ONE', { key: tenant.key })).status, 200);
    assertError(await offer(['OLD_ONE']), 400, 'unknown_question_code');
    // Answers of the archived question stay readable, and the survey offered before still takes its answer.
    assert.equal((await answer(before.id, [{ code: 'OLD_ONE', value: 0 }])).status, 200);
    const read = (await ctx.request('GET', `/v1/ratings/${before.id}`, { key: tenant.key })).body.data;
    assert.deepEqual([read.questions[0].code, read.questions[0].value], ['OLD_ONE', 0]);
  });

  it('takes custom codes in the settings and through Quickchat, and refuses archiving a question they ask', async () => {
    const shop = await ctx.newTenant('Quickchat Shop');
    await ctx.request('POST', '/v1/questions', { key: shop.key, body: questions[1] });
    const patched = await ctx.request('PATCH', QUICKCHAT, {
      key: shop.key,
      body: { conv_rating_question_codes: ['HELPFUL_THUMBS', 'TOPIC'] },
    });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    assert.deepEqual(patched.body.conv_rating_question_codes, ['HELPFUL_THUMBS', 'TOPIC']);
    assert.deepEqual((await ctx.request('GET', QUICKCHAT, { key: shop.key })).body.conv_rating_question_codes, [
      'HELPFUL_THUMBS',
      'TOPIC',
    ]);
    const unknown = await ctx.request('PATCH', QUICKCHAT, {
      key: shop.key,
      body: { conv_rating_question_codes: ['SMILEYS'] },
    });
    assert.equal(unknown.status, 400);
    assert.equal(
      unknown.body.errors.root[0].message,
      'Unknown question code "SMILEYS". Known codes: HELPFUL_THUMBS, EXPERIENCE_THUMBS, CSAT, STARS, NPS, TOPIC.',
    );
    // Another setting changes while the custom code stays.
    const native = await ctx.request('PATCH', '/v1/rating-settings', { key: shop.key, body: { brand_name: 'Shop' } });
    assert.equal(native.status, 200, JSON.stringify(native.body));
    assertError(
      await withoutWrites(ctx.database, () => ctx.request('DELETE', '/v1/questions/TOPIC', { key: shop.key })),
      409,
      'question_in_use',
    );

    // An invite asks the configured custom question after its stars, at its version.
    const id = await conversation(ctx, shop);
    const invite = await ctx.request('POST', `/v1/conversations/${id}/rating-invites`, { key: shop.key });
    assert.equal(invite.status, 201);
    assert.deepEqual(
      invite.body.data.rating.questions.map((q: any) => [q.code, q.kind, q.version, q.required]),
      [
        ['STARS', 'stars', null, true],
        ['HELPFUL_THUMBS', 'thumbs', null, false],
        ['TOPIC', 'choice', 1, false],
      ],
    );
  });

  it('asks custom questions in the popup, in the page language with the fallback, and records them', async () => {
    const shop = await ctx.newTenant('Popup Shop');
    for (const question of [questions[0], questions[1]]) {
      await ctx.request('POST', '/v1/questions', { key: shop.key, body: question });
    }
    await ctx.request('PATCH', '/v1/rating-settings', {
      key: shop.key,
      body: { conv_rating_question_codes: ['EASE', 'TOPIC', 'HELPFUL_THUMBS'] },
    });
    const id = await conversation(ctx, shop, { language: 'de' });
    const token = (await ctx.request('POST', `/v1/conversations/${id}/widget-tokens`, { key: shop.key })).body.data
      .token;
    const session = (await ctx.request('GET', '/widget/v1/session', { key: token })).body.data;
    const [ease, topic, helpful] = session.questions;
    assert.equal(ease.label, 'Wie einfach war es?');
    assert.deepEqual(ease.scale, { min: 1, max: 7 });
    assert.deepEqual(ease.follow_up, {
      low_at_most: 3,
      reasons: [
        { id: 'TOO_SLOW', label: 'Too slow' },
        { id: 'PASSED_AROUND', label: 'Passed around' },
      ],
      comment_prompt: 'What went wrong?',
    });
    assert.equal(topic.label, 'What was it about?', 'no German label: English');
    assert.deepEqual(topic.options, [
      { id: 'PRICE', label: 'Preis' },
      { id: 'DELIVERY', label: 'Delivery' },
    ]);
    assert.deepEqual(helpful, {
      code: 'HELPFUL_THUMBS',
      kind: 'thumbs',
      label: 'War das hilfreich?',
      choices: ['Ja', 'Nein'],
    });

    const refused = await withoutWrites(ctx.database, () =>
      ctx.request('POST', '/widget/v1/rating', {
        key: token,
        body: { answers: [{ code: 'EASE', value: 2, reasons: ['RUDE'] }] },
      }),
    );
    assertError(refused, 400, 'invalid_rating_value');
    const answered = await ctx.request('POST', '/widget/v1/rating', {
      key: token,
      body: {
        answers: [
          { code: 'EASE', value: 2, reasons: ['TOO_SLOW'], comment: 'Slow' },
          { code: 'TOPIC', choices: ['PRICE'] },
        ],
      },
    });
    assert.equal(answered.status, 200, JSON.stringify(answered.body));
    const rating = (await ctx.request('GET', `/v1/ratings/${answered.body.data.uid}`, { key: shop.key })).body.data;
    assert.deepEqual(
      rating.questions.map((q: any) => [q.code, q.value, q.choices, q.reasons, q.comment]),
      [
        ['EASE', 2, null, ['TOO_SLOW'], 'Slow'],
        ['TOPIC', null, ['PRICE'], null, null],
        ['HELPFUL_THUMBS', null, null, null, null],
      ],
    );
  });

  it('counts custom stars, CSAT, NPS and thumbs in the figures by their stored kind', async () => {
    const shop = await ctx.newTenant('Figures Shop');
    const own = [
      { code: 'MY_STARS', kind: 'stars', labels: { en: 'Stars?' } },
      { code: 'MY_CSAT', kind: 'csat', labels: { en: 'Satisfied?' } },
      { code: 'MY_NPS', kind: 'nps', labels: { en: 'Recommend?' } },
      { code: 'MY_THUMBS', kind: 'thumbs', labels: { en: 'Good?' } },
      { code: 'MY_EASE', kind: 'ces', labels: { en: 'Easy?' } },
    ];
    for (const question of own) await ctx.request('POST', '/v1/questions', { key: shop.key, body: question });
    const codes = own.map((question) => question.code);
    const survey = async (values: number[]) => {
      const id = await conversation(ctx, shop);
      const rating = (
        await ctx.request('POST', `/v1/conversations/${id}/ratings`, { key: shop.key, body: { question_codes: codes } })
      ).body.data;
      const answered = await ctx.request('POST', `/v1/ratings/${rating.id}/answers`, {
        key: shop.key,
        body: { answers: codes.map((code, index) => ({ code, value: values[index] })) },
      });
      assert.equal(answered.status, 200, JSON.stringify(answered.body));
    };
    // Stars 5 and 2, CSAT 4 and 1: 2 of 4 answers are 4-5, so CSAT 50 with average (5+2+4+1)/4 = 3.
    // NPS 10 and 3: one promoter, one detractor, NPS 0. Thumbs 1 and 0: 1 up, 1 down. CES counts in none.
    await survey([5, 4, 10, 1, 7]);
    await survey([2, 1, 3, 0, 1]);
    const summary = (await ctx.request('GET', '/v1/analytics/summary', { key: shop.key })).body.data;
    assert.equal(summary.csat.responses, 4);
    assert.equal(summary.csat.score, 50);
    assert.equal(summary.csat.average, 3);
    assert.equal(summary.nps.responses, 2);
    assert.equal(summary.nps.score, 0);
    assert.deepEqual([summary.nps.promoters, summary.nps.detractors], [1, 1]);
    assert.deepEqual([summary.thumbs.MY_THUMBS.up, summary.thumbs.MY_THUMBS.down], [1, 1]);
    const exact = (await ctx.request('GET', '/v1/analytics/summary?exact=true', { key: shop.key })).body;
    if (exact.data) assert.equal(exact.data.csat.score, 50);
  });
});
