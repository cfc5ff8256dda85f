import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { Value } from 'typebox/value';
import { RatingSubmittedData } from '../src/modules/webhooks/webhooks.schemas.js';
import { describeEachDialect, type Tenant } from './helpers/app.js';

const questions: Array<Record<string, unknown>> = [
  {
    code: 'TOPIC',
    kind: 'choice',
    labels: { en: 'What was it about?', de: 'Worum ging es?' },
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
      { id: 'APP', labels: { en: 'App', de: 'App' } },
      { id: 'WEB', labels: { en: 'Website', de: 'Webseite' } },
    ],
  },
  { code: 'WISH', kind: 'text', labels: { en: 'Anything else?' }, required: false },
  {
    code: 'SATISFACTION',
    kind: 'csat',
    labels: { en: 'How satisfied are you?' },
    follow_up: {
      reasons: [
        { id: 'RUDE', labels: { en: 'Rude', de: 'Unhöflich' } },
        { id: 'SLOW', labels: { en: 'Slow', de: 'Langsam' } },
      ],
    },
  },
  { code: 'EASE', kind: 'ces', labels: { en: 'How easy was it?' } },
];

describeEachDialect('rating.submitted for the organization’s own questions', (ctx) => {
  let tenant: Tenant;
  let path = 0;

  before(async () => {
    tenant = await ctx.newTenant('Webhook Answers Org');
    for (const question of questions) {
      const created = await ctx.request('POST', '/v1/questions', { key: tenant.key, body: question });
      assert.equal(created.status, 201, JSON.stringify(created.body));
    }
  });

  const hook = async (key: string, filters?: Record<string, unknown>) => {
    path += 1;
    const created = await ctx.request('POST', '/v1/webhooks', {
      key,
      body: {
        url: `https://hooks.example.com/answers-${path}`,
        event_types: ['rating.submitted'],
        ...(filters ? { filters } : {}),
      },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    return created.body.data.id as number;
  };
  const events = async (key: string, id: number) => {
    const listed = await ctx.request('GET', `/v1/webhooks/${id}/deliveries?limit=100`, { key });
    assert.equal(listed.status, 200, JSON.stringify(listed.body));
    return listed.body.data.map((delivery: any) => delivery.payload.data) as Array<Record<string, any>>;
  };
  const survey = async (key: string, codes: string[], language?: string) => {
    const conversation = await ctx.request('POST', '/v1/conversations', {
      key,
      body: { agent_type: 'ai', ...(language ? { language } : {}) },
    });
    const offered = await ctx.request('POST', `/v1/conversations/${conversation.body.data.id}/ratings`, {
      key,
      body: { question_codes: codes },
    });
    assert.equal(offered.status, 201, JSON.stringify(offered.body));
    return offered.body.data.id as number;
  };
  const answer = async (key: string, id: number, answers: unknown[]) => {
    const answered = await ctx.request('POST', `/v1/ratings/${id}/answers`, { key, body: { answers } });
    assert.equal(answered.status, 200, JSON.stringify(answered.body));
  };

  it('carries the choices, reasons and text with their labels in the rating’s language, null where none', async () => {
    const id = await hook(tenant.key);
    const rating = await survey(tenant.key, ['TOPIC', 'AREAS', 'WISH', 'SATISFACTION', 'EASE', 'STARS'], 'de');
    await answer(tenant.key, rating, [
      { code: 'TOPIC', choices: ['DELIVERY'] },
      { code: 'AREAS', choices: ['WEB', 'APP'] },
      { code: 'WISH', text: '  Schneller antworten  ' },
      { code: 'SATISFACTION', value: 2, reasons: ['SLOW', 'RUDE'], comment: 'Zu lange gewartet' },
      { code: 'EASE', value: 6 },
      { code: 'STARS', value: 4 },
    ]);
    const byCode = new Map<string, Record<string, any>>(
      (await events(tenant.key, id)).map((data: Record<string, any>) => [data.question_code, data]),
    );
    const fields = (code: string) => {
      const { kind, value, comment, choices, choice_labels, reasons, reason_labels, text } = byCode.get(code)!;
      return { kind, value, comment, choices, choice_labels, reasons, reason_labels, text };
    };
    const none = { comment: null, choices: null, choice_labels: null, reasons: null, reason_labels: null, text: null };
    // A label without a German text falls back (the organization's default, then English), as the rating page does.
    assert.deepEqual(fields('TOPIC'), {
      ...none,
      kind: 'choice',
      value: null,
      choices: ['DELIVERY'],
      choice_labels: ['Delivery'],
    });
    assert.deepEqual(fields('AREAS'), {
      ...none,
      kind: 'choice',
      value: null,
      choices: ['WEB', 'APP'],
      choice_labels: ['Webseite', 'App'],
    });
    assert.deepEqual(fields('WISH'), { ...none, kind: 'text', value: null, text: 'Schneller antworten' });
    assert.deepEqual(fields('SATISFACTION'), {
      ...none,
      kind: 'csat',
      value: 2,
      comment: 'Zu lange gewartet',
      reasons: ['SLOW', 'RUDE'],
      reason_labels: ['Langsam', 'Unhöflich'],
    });
    assert.deepEqual(fields('EASE'), { ...none, kind: 'ces', value: 6 });
    assert.deepEqual(fields('STARS'), { ...none, kind: 'stars', value: 4 });
    for (const data of byCode.values()) {
      assert.ok(Value.Check(RatingSubmittedData, data), `${data.question_code}: ${JSON.stringify(data)}`);
    }
  });

  it('labels in the organization’s default language when the conversation names none', async () => {
    const org = await ctx.newTenant('Webhook Labels Default Org');
    const patched = await ctx.request('PATCH', '/v1/rating-settings', { key: org.key, body: { language: 'de' } });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    await ctx.request('POST', '/v1/questions', { key: org.key, body: questions[0] });
    const id = await hook(org.key);
    const rating = await survey(org.key, ['TOPIC']);
    await answer(org.key, rating, [{ code: 'TOPIC', choices: ['PRICE'] }]);
    const [data] = await events(org.key, id);
    assert.deepEqual([data!.choices, data!.choice_labels], [['PRICE'], ['Preis']]);
  });

  it('bounds csat answers by max_stars and passes every ces, choice and text answer', async () => {
    const id = await hook(tenant.key, { rating: { max_stars: 2 } });
    for (const [code, answered] of [
      ['SATISFACTION', { value: 2 }],
      ['SATISFACTION', { value: 4 }],
      ['EASE', { value: 7 }],
      ['TOPIC', { choices: ['PRICE'] }],
      ['WISH', { text: 'Fine' }],
    ] as const) {
      await answer(tenant.key, await survey(tenant.key, [code]), [{ code, ...answered }]);
    }
    assert.deepEqual((await events(tenant.key, id)).map((data: any) => [data.question_code, data.value]).sort(), [
      ['EASE', 7],
      ['SATISFACTION', 2],
      ['TOPIC', null],
      ['WISH', null],
    ]);
  });

  it('bounds ces answers by max_ces, 1 the hardest, and leaves the other kinds to their own bounds', async () => {
    const id = await hook(tenant.key, { rating: { max_ces: 3 } });
    for (const [code, answered] of [
      ['EASE', { value: 2 }],
      ['EASE', { value: 3 }],
      ['EASE', { value: 4 }],
      ['EASE', { value: 7 }],
      ['SATISFACTION', { value: 5 }],
    ] as const) {
      await answer(tenant.key, await survey(tenant.key, [code]), [{ code, ...answered }]);
    }
    assert.deepEqual((await events(tenant.key, id)).map((data: any) => [data.question_code, data.value]).sort(), [
      ['EASE', 2],
      ['EASE', 3],
      ['SATISFACTION', 5],
    ]);
    const refused = await ctx.request('POST', '/v1/webhooks', {
      key: tenant.key,
      body: {
        url: 'https://example.com/hooks',
        event_types: ['rating.submitted'],
        filters: { rating: { max_ces: 8 } },
      },
    });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.error.code, 'validation_failed');
  });

  it("sends one organization's answers to its own webhooks only", async () => {
    const other = await ctx.newTenant('Webhook Answers Other Org');
    const theirs = await hook(other.key);
    const mine = await hook(tenant.key);
    await answer(tenant.key, await survey(tenant.key, ['TOPIC']), [{ code: 'TOPIC', choices: ['PRICE'] }]);
    assert.equal((await events(other.key, theirs)).length, 0);
    assert.equal((await events(tenant.key, mine)).length, 1);
  });
});
