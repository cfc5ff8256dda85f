import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import { WEBHOOK_EVENT_TYPES } from '../src/modules/webhooks/index.js';
import { assertError, describeEachDialect, type TestContext, type Tenant } from './helpers/app.js';

/**
 * What a rating's status says, on every surface: only required questions make a survey partly answered, and a cancel
 * withdraws only the questions still waiting — a survey with nothing left to withdraw answers 409. The figures are
 * worked out by hand from what each test creates.
 */

const today = () => new Date().toISOString().slice(0, 10);

interface Question {
  code: string;
  status: string;
  value: number | null;
  required: boolean;
}

async function conversation(ctx: TestContext, tenant: Tenant) {
  const created = await ctx.request('POST', '/v1/conversations', {
    key: tenant.key,
    body: { channel: 'widget_chat', agent_id: randomUUID(), agent_type: 'ai' },
  });
  assert.equal(created.status, 201);
  return created.body.data as { id: number; uid: string };
}

async function invite(ctx: TestContext, tenant: Tenant, conversationId: number) {
  const response = await ctx.request('POST', `/v1/conversations/${conversationId}/rating-invites`, {
    key: tenant.key,
  });
  assert.equal(response.status, 201);
  return response.body.data.rating as { id: number; uid: string; code: string; questions: Question[] };
}

async function offer(ctx: TestContext, tenant: Tenant, conversationId: number, body: object) {
  const response = await ctx.request('POST', `/v1/conversations/${conversationId}/ratings`, { key: tenant.key, body });
  assert.equal(response.status, 201, JSON.stringify(response.body));
  return response.body.data as { id: number; uid: string; questions: Question[]; updated_at: string };
}

async function answer(ctx: TestContext, tenant: Tenant, ratingId: number, answers: Record<string, number>) {
  const response = await ctx.request('POST', `/v1/ratings/${ratingId}/answers`, {
    key: tenant.key,
    body: { answers: Object.entries(answers).map(([code, value]) => ({ code, value })) },
  });
  assert.equal(response.status, 200, JSON.stringify(response.body));
  return response.body.data;
}

const cancel = (ctx: TestContext, tenant: Tenant, ratingId: number | string) =>
  ctx.request('POST', `/v1/ratings/${ratingId}/cancel`, { key: tenant.key });

const questionsOf = (rating: { questions: Question[] }) =>
  rating.questions.map((question) => [question.code, question.status, question.value]);

async function funnel(ctx: TestContext, tenant: Tenant) {
  const response = await ctx.request('GET', `/v1/analytics/funnel?from=${today()}&to=${today()}`, { key: tenant.key });
  assert.equal(response.status, 200);
  const { offered, answered, cancelled, expired } = response.body.data;
  return { offered, answered, cancelled, expired };
}

/** A webhook subscribed to every event (its deliveries stay queued: nothing sends them here). */
async function webhook(ctx: TestContext, tenant: Tenant) {
  const response = await ctx.request('POST', '/v1/webhooks', {
    key: tenant.key,
    body: { url: 'http://127.0.0.1:9/hook', event_types: [...WEBHOOK_EVENT_TYPES] },
  });
  assert.equal(response.status, 201, JSON.stringify(response.body));
  const id = response.body.data.id as number;
  return async () => {
    const deliveries = await ctx.request('GET', `/v1/webhooks/${id}/deliveries?limit=100`, { key: tenant.key });
    assert.equal(deliveries.status, 200);
    return (deliveries.body.data as Array<{ event_type: string; payload: { data: Record<string, unknown> } }>)
      .map((delivery) => delivery.payload)
      .reverse();
  };
}

function parseCsv(text: string): Array<Record<string, string>> {
  const [header, ...rows] = text.trim().split('\r\n');
  const names = header!.split(',');
  return rows.map((row) => Object.fromEntries(row.split(',').map((cell, i) => [names[i], cell])));
}

describeEachDialect('Required and optional questions', (ctx) => {
  it('invites ask the stars required and the configured questions optional; skipping those still rates', async () => {
    const tenant = await ctx.newTenant();
    const c = await conversation(ctx, tenant);
    const rating = await invite(ctx, tenant, c.id);
    assert.deepEqual(
      rating.questions.map((question) => [question.code, question.required]),
      [
        ['STARS', true],
        ['HELPFUL_THUMBS', false],
        ['EXPERIENCE_THUMBS', false],
      ],
    );
    const answered = await answer(ctx, tenant, rating.id, { STARS: 4 });
    assert.equal(answered.status, 'rated', 'only optional questions are left: answered, not partly');
    assert.deepEqual(
      (await ctx.request('GET', '/v1/ratings?status=partially_rated', { key: tenant.key })).body.data,
      [],
    );
    assert.deepEqual(
      (await ctx.request('GET', '/v1/ratings?status=rated', { key: tenant.key })).body.data.map(
        (found: { id: number }) => found.id,
      ),
      [rating.id],
    );
  });

  it('an invite answered on its optional questions only waits for its stars: partly answered', async () => {
    const tenant = await ctx.newTenant();
    const c = await conversation(ctx, tenant);
    const rating = await invite(ctx, tenant, c.id);
    const answered = await answer(ctx, tenant, rating.id, { HELPFUL_THUMBS: 1 });
    assert.equal(answered.status, 'partially_rated');
    const done = await answer(ctx, tenant, rating.id, { STARS: 5 });
    assert.equal(done.status, 'rated');
  });

  it('native offers ask every question required unless named in optional_codes', async () => {
    const tenant = await ctx.newTenant();
    const c = await conversation(ctx, tenant);
    const all = await offer(ctx, tenant, c.id, { question_codes: ['CSAT', 'NPS'] });
    assert.deepEqual(
      all.questions.map((question) => question.required),
      [true, true],
    );
    assert.equal((await answer(ctx, tenant, all.id, { CSAT: 5 })).status, 'partially_rated');

    const some = await offer(ctx, tenant, c.id, { question_codes: ['CSAT', 'NPS'], optional_codes: ['NPS'] });
    assert.deepEqual(
      some.questions.map((question) => [question.code, question.required]),
      [
        ['CSAT', true],
        ['NPS', false],
      ],
    );
    assert.equal((await answer(ctx, tenant, some.id, { NPS: 9 })).status, 'partially_rated');
    assert.equal((await answer(ctx, tenant, some.id, { CSAT: 4 })).status, 'rated');

    const none = await offer(ctx, tenant, c.id, { question_codes: ['CSAT', 'NPS'], optional_codes: ['CSAT', 'NPS'] });
    assert.equal(
      (await answer(ctx, tenant, none.id, { NPS: 3 })).status,
      'rated',
      'with nothing required, any answer completes it',
    );
  });

  it('refuses optional_codes that the survey does not ask, and creates nothing', async () => {
    const tenant = await ctx.newTenant();
    const c = await conversation(ctx, tenant);
    const before = await funnel(ctx, tenant);
    for (const optional_codes of [['NPS'], ['CSAT', 'CSAT'], ['SMILEYS']]) {
      assertError(
        await ctx.request('POST', `/v1/conversations/${c.id}/ratings`, {
          key: tenant.key,
          body: { question_codes: ['CSAT'], optional_codes },
        }),
        400,
        'validation_failed',
      );
    }
    assert.equal(
      (await ctx.request('GET', `/v1/conversations/${c.id}/ratings`, { key: tenant.key })).body.data.length,
      0,
    );
    assert.deepEqual(await funnel(ctx, tenant), before);
  });

  it('Dixa offers ask the offered kind required; the popup asks its questions optional', async () => {
    const tenant = await ctx.newTenant();
    const c = await conversation(ctx, tenant);
    const offered = await ctx.request('POST', `/beta/conversations/${c.id}/ratings/offer`, {
      key: tenant.key,
      bare: true,
      body: { ratingType: 'Nps' },
    });
    assert.equal(offered.status, 201);
    const [survey] = (await ctx.request('GET', `/v1/conversations/${c.id}/ratings`, { key: tenant.key })).body.data;
    assert.deepEqual(
      survey.questions.map((question: Question) => [question.code, question.required]),
      [['NPS', true]],
    );

    const popupConversation = await conversation(ctx, tenant);
    const token = (
      await ctx.request('POST', `/v1/conversations/${popupConversation.id}/widget-tokens`, { key: tenant.key })
    ).body.data.token;
    const popup = await ctx.request('POST', '/widget/v1/rating', {
      key: token,
      body: { answers: [{ code: 'HELPFUL_THUMBS', value: 1 }] },
    });
    assert.equal(popup.status, 200, JSON.stringify(popup.body));
    assert.equal(popup.body.data.status, 'rated', 'any popup answer completes it');
    const [stored] = (
      await ctx.request('GET', `/v1/conversations/${popupConversation.id}/ratings`, { key: tenant.key })
    ).body.data;
    assert.deepEqual(
      stored.questions.map((question: Question) => [question.code, question.status, question.required]),
      [
        ['HELPFUL_THUMBS', 'Rated', false],
        ['EXPERIENCE_THUMBS', 'Offered', false],
      ],
    );
  });

  it('a Dixa offer of a kind an answered invite still asks makes that question required until Dixa submits', async () => {
    const tenant = await ctx.newTenant();
    const c = await conversation(ctx, tenant);
    const rating = await invite(ctx, tenant, c.id);
    assert.equal((await answer(ctx, tenant, rating.id, { STARS: 5 })).status, 'rated');
    const offered = await ctx.request('POST', `/beta/conversations/${c.id}/ratings/offer`, {
      key: tenant.key,
      bare: true,
      body: { ratingType: 'ThumbsUpOrDown' },
    });
    assert.equal(offered.status, 201);
    assert.equal(offered.body.data.id, rating.uid, 'the offer joins the invite that still asks it');
    const joined = (await ctx.request('GET', `/v1/ratings/${rating.id}`, { key: tenant.key })).body.data;
    assert.deepEqual(
      joined.questions.map((question: Question) => [question.code, question.status, question.required]),
      [
        ['STARS', 'Rated', true],
        // The survey's first thumbs question still waiting is the one Dixa offered (and will submit).
        ['HELPFUL_THUMBS', 'Offered', true],
        ['EXPERIENCE_THUMBS', 'Offered', false],
      ],
    );
    assert.equal(joined.status, 'partially_rated', 'Dixa waits for its result');
    const submitted = await ctx.request('POST', `/beta/conversations/${c.id}/ratings/${rating.uid}/submit`, {
      key: tenant.key,
      bare: true,
      body: { ratingResult: { value: 1, _type: 'ThumbsUpOrDown' } },
    });
    assert.equal(submitted.status, 201);
    assert.equal((await ctx.request('GET', `/v1/ratings/${rating.id}`, { key: tenant.key })).body.data.status, 'rated');
  });

  it('the rating page requires what the survey requires, and marks only the rest optional', async () => {
    const tenant = await ctx.newTenant();
    const c = await conversation(ctx, tenant);
    const rating = await offer(ctx, tenant, c.id, { question_codes: ['NPS', 'CSAT'], optional_codes: ['CSAT'] });
    const { code } = (await ctx.request('GET', `/v1/ratings/${rating.id}`, { key: tenant.key })).body.data;
    const page = await ctx.request('GET', `/r/${code}`);
    assert.equal(page.status, 200);
    const html = page.body as string;
    const legend = (field: string) =>
      new RegExp(`<fieldset class="question">(?:(?!</fieldset>).)*name="${field}"`, 's');
    const npsFieldset = legend('NPS').exec(html)![0];
    const csatFieldset = legend('stars').exec(html)![0];
    assert.doesNotMatch(npsFieldset, /\(optional\)/, 'the required NPS question is not marked optional');
    assert.match(npsFieldset, / required/);
    assert.match(csatFieldset, /\(optional\)/, 'the optional stars question is marked optional');
    assert.doesNotMatch(csatFieldset, / required/);

    const cookie = String(page.headers['set-cookie']).split(';')[0]!;
    const token = /name="csrf_token" value="([^"]+)"/.exec(html)![1]!;
    const post = (fields: Record<string, string>) =>
      ctx.request('POST', `/r/${code}`, {
        payload: new URLSearchParams({ csrf_token: token, ...fields }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      });
    const missing = await post({ stars: '5' });
    assert.equal(missing.status, 400, 'the required NPS is missing');
    assert.match(missing.body, /Please answer this question\./);
    assert.equal(
      (await ctx.request('GET', `/v1/ratings/${rating.id}`, { key: tenant.key })).body.data.status,
      'offered',
    );
    assert.equal((await post({ NPS: '8' })).status, 200);
    assert.equal((await ctx.request('GET', `/v1/ratings/${rating.id}`, { key: tenant.key })).body.data.status, 'rated');
  });
});

describeEachDialect('Cancelling a rating', (ctx) => {
  it('refuses to cancel a rating with nothing left to withdraw: 409, and changes nothing anywhere', async () => {
    const tenant = await ctx.newTenant();
    const deliveries = await webhook(ctx, tenant);
    const c = await conversation(ctx, tenant);
    const rating = await offer(ctx, tenant, c.id, { question_codes: ['CSAT', 'NPS'] });
    const answered = await answer(ctx, tenant, rating.id, { CSAT: 5, NPS: 9 });
    const figures = await funnel(ctx, tenant);
    const events = (await deliveries()).length;
    assert.deepEqual(figures, { offered: 2, answered: 2, cancelled: 0, expired: 0 });

    assertError(await cancel(ctx, tenant, rating.uid), 409, 'rating_already_answered', /nothing left to withdraw/);
    const after = (await ctx.request('GET', `/v1/ratings/${rating.id}`, { key: tenant.key })).body.data;
    assert.equal(after.status, 'rated');
    assert.equal(after.cancelled_at, null);
    assert.equal(after.updated_at, answered.updated_at);
    assert.deepEqual(questionsOf(after), [
      ['CSAT', 'Rated', 5],
      ['NPS', 'Rated', 9],
    ]);
    assert.deepEqual(await funnel(ctx, tenant), figures);
    assert.equal((await deliveries()).length, events, 'no webhook event');

    // Another organization learns nothing: the rating does not exist for it.
    const stranger = await ctx.newTenant();
    assertError(await cancel(ctx, stranger, rating.id), 404, 'rating_not_found');
  });

  it('withdraws what an answered invite still asks: rated, with its optional questions cancelled', async () => {
    const tenant = await ctx.newTenant();
    const deliveries = await webhook(ctx, tenant);
    const c = await conversation(ctx, tenant);
    const rating = await invite(ctx, tenant, c.id);
    await answer(ctx, tenant, rating.id, { STARS: 4 });

    const cancelled = await cancel(ctx, tenant, rating.id);
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
    const data = cancelled.body.data;
    assert.equal(data.status, 'rated', 'the answer stands; the rest was withdrawn');
    assert.ok(data.cancelled_at);
    assert.deepEqual(questionsOf(data), [
      ['STARS', 'Rated', 4],
      ['HELPFUL_THUMBS', 'Cancelled', null],
      ['EXPERIENCE_THUMBS', 'Cancelled', null],
    ]);

    // The funnel counts one cancellation per question withdrawn: 3 offered, 1 answered, 2 cancelled.
    assert.deepEqual(await funnel(ctx, tenant), { offered: 3, answered: 1, cancelled: 2, expired: 0 });

    // Dixa lists a status per question.
    const dixa = await ctx.request('GET', `/beta/conversations/${c.id}/ratings`, { key: tenant.key, bare: true });
    assert.equal(dixa.status, 200);
    assert.deepEqual(
      dixa.body.data.map((element: { ratingStatus: string; ratingScore?: number }) => [
        element.ratingStatus,
        element.ratingScore ?? null,
      ]),
      [
        ['Rated', 4],
        ['Cancelled', null],
        ['Cancelled', null],
      ],
    );

    // Healvi's list of rated ratings still has it, with its stars.
    const healvi = await ctx.request('GET', '/third-party/v1/ratings?only_rated=1', { key: tenant.key });
    assert.deepEqual(
      healvi.body.data.map((found: { id: number; stars: number | null }) => [found.id, found.stars]),
      [[rating.id, 4]],
    );
    assert.equal(healvi.body.meta.total, 1);

    // The native lists file it under rated, the inbox as rated.
    const ids = async (query: string) =>
      (await ctx.request('GET', `/v1/ratings?${query}`, { key: tenant.key })).body.data.map(
        (found: { id: number }) => found.id,
      );
    assert.deepEqual(await ids('status=rated'), [rating.id]);
    assert.deepEqual(await ids('status=cancelled'), []);
    const inbox = await ctx.request('GET', '/v1/inbox?rated=true', { key: tenant.key });
    assert.deepEqual(
      inbox.body.data.map((item: { id: number; rating: { status: string } }) => [item.id, item.rating.status]),
      [[c.id, 'rated']],
    );

    // The export has a row per question, with its status, whether it was required, and when the rest was withdrawn.
    const csv = await ctx.request('GET', '/v1/exports/ratings.csv', { key: tenant.key });
    assert.equal(csv.status, 200);
    const rows = parseCsv(csv.raw.body);
    assert.deepEqual(
      rows.map((row) => [row.question_code, row.status, row.value, row.required, row.rating_status]),
      [
        ['STARS', 'Rated', '4', 'true', 'rated'],
        ['HELPFUL_THUMBS', 'Cancelled', '', 'false', 'rated'],
        ['EXPERIENCE_THUMBS', 'Cancelled', '', 'false', 'rated'],
      ],
    );
    assert.ok(rows.every((row) => row.rating_cancelled_at === data.cancelled_at));
    // Read raw: the test helper would parse the whole body as one JSON document.
    const lines = await ctx.app.inject({
      method: 'GET',
      url: '/v1/exports/ratings.jsonl',
      headers: { authorization: `Bearer ${tenant.key}` },
    });
    assert.deepEqual(
      lines.body
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line))
        .map((row) => [row.question_code, row.required, row.rating_cancelled_at]),
      [
        ['STARS', true, data.cancelled_at],
        ['HELPFUL_THUMBS', false, data.cancelled_at],
        ['EXPERIENCE_THUMBS', false, data.cancelled_at],
      ],
      'JSON Lines carry `required` as a boolean',
    );

    // One webhook event says what was withdrawn and what stands.
    const withdrawn = (await deliveries()).filter((event) => (event as { type?: string }).type === 'rating.cancelled');
    assert.equal(withdrawn.length, 1);
    assert.deepEqual(withdrawn[0]!.data.withdrawn, ['HELPFUL_THUMBS', 'EXPERIENCE_THUMBS']);
    assert.deepEqual(withdrawn[0]!.data.answered, ['STARS']);
    assert.equal(withdrawn[0]!.data.rating_uid, rating.uid);
    assert.equal(withdrawn[0]!.data.status, 'rated');
    assert.equal(withdrawn[0]!.data.cancelled_at, data.cancelled_at);

    // The survey is closed: no answer changes after a cancel.
    assertError(
      await ctx.request('POST', `/v1/ratings/${rating.id}/answers`, {
        key: tenant.key,
        body: { answers: [{ code: 'STARS', value: 1 }] },
      }),
      409,
      'rating_cancelled',
    );
  });

  it('withdraws the unanswered required question of a partly answered survey', async () => {
    const tenant = await ctx.newTenant();
    const c = await conversation(ctx, tenant);
    const rating = await offer(ctx, tenant, c.id, { question_codes: ['CSAT', 'NPS'] });
    await answer(ctx, tenant, rating.id, { CSAT: 2 });
    const cancelled = (await cancel(ctx, tenant, rating.id)).body.data;
    assert.equal(cancelled.status, 'rated');
    assert.deepEqual(questionsOf(cancelled), [
      ['CSAT', 'Rated', 2],
      ['NPS', 'Cancelled', null],
    ]);
    assert.deepEqual(await funnel(ctx, tenant), { offered: 2, answered: 1, cancelled: 1, expired: 0 });
    assertError(
      await ctx.request('POST', `/v1/ratings/${rating.id}/answers`, {
        key: tenant.key,
        body: { answers: [{ code: 'NPS', value: 8 }] },
      }),
      409,
      'rating_cancelled',
    );
  });

  it('cancels an unanswered survey whole, and a second cancel answers the same without counting again', async () => {
    const tenant = await ctx.newTenant();
    const deliveries = await webhook(ctx, tenant);
    const c = await conversation(ctx, tenant);
    const rating = await offer(ctx, tenant, c.id, { question_codes: ['CSAT', 'NPS'] });
    const first = await cancel(ctx, tenant, rating.id);
    assert.equal(first.status, 200);
    assert.equal(first.body.data.status, 'cancelled');
    assert.deepEqual(questionsOf(first.body.data), [
      ['CSAT', 'Cancelled', null],
      ['NPS', 'Cancelled', null],
    ]);
    const events = await deliveries();
    const again = await cancel(ctx, tenant, rating.uid);
    assert.equal(again.status, 200, 'cancelling twice is answered as the first time');
    assert.deepEqual(again.body.data, first.body.data);
    assert.deepEqual(await funnel(ctx, tenant), { offered: 2, answered: 0, cancelled: 2, expired: 0 });
    assert.equal((await deliveries()).length, events.length);
    const cancelledEvents = events.filter((event) => (event as { type?: string }).type === 'rating.cancelled');
    assert.deepEqual(cancelledEvents[0]!.data.withdrawn, ['CSAT', 'NPS']);
    assert.deepEqual(cancelledEvents[0]!.data.answered, []);
    assert.equal(cancelledEvents[0]!.data.status, 'cancelled');

    const dixa = await ctx.request('GET', `/beta/conversations/${c.id}/ratings`, { key: tenant.key, bare: true });
    assert.deepEqual(
      dixa.body.data.map((element: { ratingStatus: string }) => element.ratingStatus),
      ['Cancelled', 'Cancelled'],
    );
    const healvi = await ctx.request('GET', '/third-party/v1/ratings?only_rated=1', { key: tenant.key });
    assert.equal(healvi.body.meta.total, 0);
  });

  it('an expired survey is not cancelled: what it still asked expired', async () => {
    const tenant = await ctx.newTenant();
    const c = await conversation(ctx, tenant);
    const rating = await invite(ctx, tenant, c.id);
    await answer(ctx, tenant, rating.id, { STARS: 5 });
    await ctx.database.db
      .updateTable('ratings')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', rating.id)
      .execute();
    assertError(await cancel(ctx, tenant, rating.id), 410, 'rating_expired');
    const after = (await ctx.request('GET', `/v1/ratings/${rating.id}`, { key: tenant.key })).body.data;
    assert.equal(after.status, 'rated');
    assert.equal(after.cancelled_at, null);
  });
});
