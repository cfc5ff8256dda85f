import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { assertError, describeEachDialect, type TestContext, type Tenant } from './helpers/app.js';

/**
 * The inbox's activity filters: the conversations an analytics point counts — rating answers given on some days, of a
 * kind or a question, and message likes or dislikes given on some days. Another organization's conversations, rated
 * and liked on the same days, never show.
 *
 *   k1 CSAT 5 answered 5 May 10:00
 *   k2 NPS 3 answered 6 May 23:30 UTC (7 May in Berlin)
 *   k3 HELPFUL_THUMBS 0 answered 8 May; its answer disliked on 6 May
 *   k4 its answer liked on 5 May
 *   k5 its answer liked on 6 May, the like taken back the same day
 *   k6 CSAT 1 offered 6 May, answered 9 May
 */

interface World {
  tenant: Tenant;
  other: Tenant;
  ids: Record<string, number>;
  theirs: number;
}

async function conversation(ctx: TestContext, tenant: Tenant, name: string, day: string) {
  const created = await ctx.request('POST', '/v1/conversations', {
    key: tenant.key,
    body: {
      contact_name: name,
      channel: 'chat',
      created_at: `2026-04-${day}T09:00:00Z`,
      messages: [
        { role: 'user', text: 'Hello', created_at: `2026-04-${day}T09:00:00Z` },
        { role: 'ai', text: 'Hi, how can I help?', created_at: `2026-04-${day}T09:01:00Z` },
      ],
    },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body.data as { id: number; messages: Array<{ uid: string }> };
}

async function answer(ctx: TestContext, tenant: Tenant, id: number, code: string, value: number, at: string) {
  const offered = await ctx.request('POST', `/v1/conversations/${id}/ratings`, {
    key: tenant.key,
    body: { question_codes: [code], offered_at: '2026-05-01T00:00:00Z', expires_in_hours: 720 },
  });
  assert.equal(offered.status, 201, JSON.stringify(offered.body));
  const answered = await ctx.request('POST', `/v1/ratings/${offered.body.data.id}/answers`, {
    key: tenant.key,
    body: { answers: [{ code, value }], submitted_at: at },
  });
  assert.equal(answered.status, 200, JSON.stringify(answered.body));
}

async function feedback(
  ctx: TestContext,
  tenant: Tenant,
  messageUid: string,
  rating: 'like' | 'dislike' | null,
  at: string,
) {
  const { feedback: service } = ctx.app.services;
  const target = await service.messageTarget(tenant.orgId, messageUid);
  await service.recordMessageFeedback(target, tenant.userId, { rating }, at);
}

async function buildWorld(ctx: TestContext): Promise<World> {
  const tenant = await ctx.newTenant('Activity');
  const other = await ctx.newTenant('Activity elsewhere');
  const ids: Record<string, number> = {};
  const made: Record<string, { id: number; messages: Array<{ uid: string }> }> = {};
  for (const [index, name] of ['k1', 'k2', 'k3', 'k4', 'k5', 'k6'].entries()) {
    made[name] = await conversation(ctx, tenant, name, `0${index + 1}`);
    ids[name] = made[name].id;
  }
  await answer(ctx, tenant, ids.k1!, 'CSAT', 5, '2026-05-05T10:00:00Z');
  await answer(ctx, tenant, ids.k2!, 'NPS', 3, '2026-05-06T23:30:00Z');
  await answer(ctx, tenant, ids.k3!, 'HELPFUL_THUMBS', 0, '2026-05-08T10:00:00Z');
  await feedback(ctx, tenant, made.k3!.messages[1]!.uid, 'dislike', '2026-05-06T12:00:00.000Z');
  await feedback(ctx, tenant, made.k4!.messages[1]!.uid, 'like', '2026-05-05T12:00:00.000Z');
  await feedback(ctx, tenant, made.k5!.messages[1]!.uid, 'like', '2026-05-06T12:00:00.000Z');
  await feedback(ctx, tenant, made.k5!.messages[1]!.uid, null, '2026-05-06T13:00:00.000Z');
  await answer(ctx, tenant, ids.k6!, 'CSAT', 1, '2026-05-09T10:00:00Z');

  const theirs = await conversation(ctx, other, 'theirs', '10');
  await answer(ctx, other, theirs.id, 'CSAT', 5, '2026-05-05T10:00:00Z');
  await feedback(ctx, other, theirs.messages[1]!.uid, 'dislike', '2026-05-06T12:00:00.000Z');
  return { tenant, other, ids, theirs: theirs.id };
}

describeEachDialect('GET /v1/inbox: answers and feedback given on some days', (ctx) => {
  let world: World;
  /** The conversations the inbox lists for a query, by name, newest first. */
  const names = async (query: string, key = world.tenant.key) => {
    const response = await ctx.request('GET', `/v1/inbox?${query}`, { key });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    const byId = new Map(Object.entries(world.ids).map(([name, id]) => [id, name]));
    return response.body.data.map((item: { id: number }) => byId.get(item.id) ?? `other ${item.id}`);
  };

  before(async () => {
    world = await buildWorld(ctx);
  });

  it('lists the conversations answered on those days, of a kind or a question', async () => {
    assert.deepEqual(await names('answered_from=2026-05-05&answered_to=2026-05-06'), ['k2', 'k1']);
    assert.deepEqual(await names('answered_from=2026-05-05&answered_to=2026-05-06&answered_kind=stars'), ['k1']);
    assert.deepEqual(await names('answered_from=2026-05-05&answered_to=2026-05-09&answered_question=CSAT'), [
      'k6',
      'k1',
    ]);
    assert.deepEqual(await names('answered_kind=thumbs'), ['k3']);
    assert.deepEqual(await names('answered_from=2026-05-09'), ['k6']);
    // Offered on 6 May does not count: k6 was answered on the 9th.
    assert.deepEqual(await names('answered_from=2026-05-06&answered_to=2026-05-06'), ['k2']);
  });

  it('counts the days in the time zone asked for', async () => {
    assert.deepEqual(await names('answered_from=2026-05-07&answered_to=2026-05-07'), []);
    assert.deepEqual(await names('answered_from=2026-05-07&answered_to=2026-05-07&tz=Europe/Berlin'), ['k2']);
  });

  it('lists the conversations whose messages were liked or disliked on those days, as they stand', async () => {
    assert.deepEqual(await names('feedback_from=2026-05-06&feedback_to=2026-05-06'), ['k3']);
    assert.deepEqual(await names('feedback_from=2026-05-05'), ['k4', 'k3']);
    assert.deepEqual(await names('feedback_to=2026-05-05'), ['k4']);
  });

  it('combines with the other filters', async () => {
    assert.deepEqual(await names('answered_from=2026-05-05&answered_to=2026-05-09&low_rating=true'), [
      'k6',
      'k3',
      'k2',
    ]);
    assert.deepEqual(await names('answered_from=2026-05-05&feedback_from=2026-05-05'), ['k3']);
    assert.deepEqual(await names('answered_from=2026-05-05&channel=email'), []);
  });

  it("shows nothing of another organization's conversations on the same days", async () => {
    assert.deepEqual(await names('answered_from=2026-05-05&answered_to=2026-05-06', world.other.key), [
      `other ${world.theirs}`,
    ]);
    assert.deepEqual(await names('feedback_from=2026-05-06&feedback_to=2026-05-06', world.other.key), [
      `other ${world.theirs}`,
    ]);
  });

  it('refuses days that are not days, reversed ranges and unknown kinds', async () => {
    const get = (query: string) => ctx.request('GET', `/v1/inbox?${query}`, { key: world.tenant.key });
    assertError(
      await get('answered_from=2026-05-09&answered_to=2026-05-05'),
      400,
      'invalid_date_range',
      /answered_from \(2026-05-09\) is after answered_to/,
    );
    assertError(await get('feedback_from=2026-02-30'), 400, 'invalid_date_range', /feedback_from/);
    assertError(await get('answered_to=0000-01-01'), 400, 'invalid_date_range', /answered_to/);
    assertError(await get('answered_kind=stars&tz=Mars/Olympus'), 400, 'invalid_timezone');
    assertError(await get('answered_kind=emoji'), 400, 'validation_failed');
    assertError(await get('answered_question=wow'), 400, 'validation_failed');
    // A well-formed code the organization has no question of.
    assertError(await get('answered_question=WOW'), 400, 'unknown_question_code');
  });
});
