import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { assertError, describeEachDialect, type Tenant, type TestContext } from './helpers/app.js';

const AI = '55555555-5555-4555-8555-555555555555';

interface Item {
  id: number;
  kind: 'answer' | 'rating';
  status: string;
  assignee: { id: string; name: string | null } | null;
  resolution: string | null;
  reopened: number;
  message: { uid: string; text: string | null; dislikes: number; comments: string[] } | null;
  rating: { uid: string; comment: string | null; answers: Array<{ code: string; value: number }> } | null;
  resolved_at: string | null;
}

/**
 * The review queue: what enters it (disliked AI answers, low-rated AI conversations — nothing else), how items move,
 * that a closed item comes back with a new dislike, that refusals change nothing, and that every change is a
 * `review.updated` webhook event.
 */
describeEachDialect('Review queue', (ctx: TestContext) => {
  let tenant: Tenant;
  let neighbour: Tenant;
  let webhookId: number;
  const answers: Record<string, string> = {};

  async function api(method: string, url: string, body?: unknown, key = tenant.key) {
    const response = await ctx.request(method, url, { key, body });
    assert.ok(response.status < 300, `${method} ${url}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }
  async function conversation(name: string, type: 'ai' | 'human', answer: string) {
    const { data } = await api('POST', '/v1/conversations', {
      contact_name: name,
      agent_type: type,
      ...(type === 'ai' ? { agent_id: AI } : {}),
      messages: [
        { role: 'user', text: `Question of ${name}` },
        { role: type === 'ai' ? 'ai' : 'agent', text: answer },
      ],
    });
    return data as { id: number; messages: Array<{ uid: string }> };
  }
  async function rate(id: number, stars: number) {
    const offered = await api('POST', `/v1/conversations/${id}/ratings`, { question_codes: ['STARS'] });
    await api('POST', `/v1/ratings/${offered.data.id}/answers`, { answers: [{ code: 'STARS', value: stars }] });
  }
  const queue = async (query = ''): Promise<Item[]> => (await api('GET', `/v1/reviews${query}`)).data;
  const events = async () =>
    (await api('GET', `/v1/webhooks/${webhookId}/deliveries`)).data.filter(
      (delivery: { event_type: string }) => delivery.event_type === 'review.updated',
    ).length;

  before(async () => {
    tenant = await ctx.newTenant('Reviewer');
    neighbour = await ctx.newTenant('Neighbour');
    const hook = await api('POST', '/v1/webhooks', {
      url: 'https://hooks.example.com/reviews',
      event_types: ['review.updated'],
    });
    webhookId = hook.data.id;

    const refund = await conversation('Ada', 'ai', 'Refunds take ten days.');
    answers.refund = refund.messages[1]!.uid;
    await api('POST', `/v1/messages/${answers.refund}/feedback`, { rating: 'dislike', comment: 'Too slow' });
    // A second author's dislike of the same answer: the same item.
    const colleague = await ctx.app.services.accounts.createUser({ orgId: tenant.orgId, email: 'mo@test.invalid' });
    await api('POST', `/v1/messages/${answers.refund}/feedback`, { rating: 'dislike' }, colleague.apiKey.api_key);

    const liked = await conversation('Bo', 'ai', 'Your parcel arrives tomorrow.');
    await api('POST', `/v1/messages/${liked.messages[1]!.uid}/feedback`, { rating: 'like' });
    // A dislike of the contact's own message, and of a human agent's answer: no AI answer, no item.
    await api('POST', `/v1/messages/${liked.messages[0]!.uid}/feedback`, { rating: 'dislike' });
    const human = await conversation('Cy', 'human', 'I will check.');
    await api('POST', `/v1/messages/${human.messages[1]!.uid}/feedback`, { rating: 'dislike' });
    await rate(human.id, 1);

    const low = await conversation('Di', 'ai', 'Please reinstall the app.');
    await rate(low.id, 2);
    const high = await conversation('Ed', 'ai', 'Done, your address is changed.');
    await rate(high.id, 5);
  });

  it('holds the disliked AI answers and the low-rated AI conversations, and nothing else', async () => {
    const items = await queue();
    assert.deepEqual(
      items.map((item) => [item.kind, item.status, item.message?.text ?? item.rating?.answers[0]?.value]),
      [
        ['rating', 'open', 2],
        ['answer', 'open', 'Refunds take ten days.'],
      ],
    );
    const answer = items[1]!;
    assert.equal(answer.message!.dislikes, 2);
    assert.deepEqual(answer.message!.comments, ['Too slow']);
    assert.equal(await events(), 2, 'one review.updated event per item that entered');
  });

  it('moves an item by the allowed steps, names its assignee, and refuses the rest without a change', async () => {
    const [, answer] = await queue();
    const assigned = (await api('PATCH', `/v1/reviews/${answer!.id}`, { assignee_id: tenant.userId })).data as Item;
    assert.equal(assigned.status, 'in_review', 'assigning an open item starts its review');
    assert.equal(assigned.assignee!.id, tenant.userId);
    const resolved = (
      await api('PATCH', `/v1/reviews/${answer!.id}`, { status: 'resolved', resolution: 'prompt_fixed', notes: 'v14' })
    ).data as Item;
    assert.deepEqual([resolved.status, resolved.resolution], ['resolved', 'prompt_fixed']);
    assert.ok(resolved.resolved_at);
    const before = await events();
    assertError(
      await ctx.request('PATCH', `/v1/reviews/${answer!.id}`, { key: tenant.key, body: { status: 'in_review' } }),
      409,
      'invalid_review_transition',
    );
    assertError(
      await ctx.request('PATCH', `/v1/reviews/${answer!.id}`, { key: tenant.key, body: { resolution: 'Not A Tag' } }),
      400,
      'validation_failed',
    );
    assertError(
      await ctx.request('PATCH', `/v1/reviews/${answer!.id}`, {
        key: tenant.key,
        body: { assignee_id: neighbour.userId },
      }),
      400,
      'validation_failed',
    );
    assert.equal((await api('GET', `/v1/reviews/${answer!.id}`)).data.status, 'resolved');
    assert.equal(await events(), before, 'a refusal sends no event');
    assert.deepEqual(
      (await queue('?status=resolved')).map((item) => item.id),
      [answer!.id],
    );
    assert.deepEqual(
      (await queue('?assignee=me')).map((item) => item.id),
      [answer!.id],
    );
    assert.equal((await queue('?assignee=none&kind=rating')).length, 1);
    assert.deepEqual(
      (await queue('?status=unresolved')).map((item) => item.kind),
      ['rating'],
      'open and in review: what is left to do',
    );
  });

  it('reopens a resolved answer when it gets a new dislike', async () => {
    const [, answer] = await queue();
    const before = await events();
    await api('POST', `/v1/messages/${answers.refund}/feedback`, { rating: null });
    assert.equal((await api('GET', `/v1/reviews/${answer!.id}`)).data.status, 'resolved', 'taking a dislike back');
    await api('POST', `/v1/messages/${answers.refund}/feedback`, { rating: 'dislike' });
    const reopened = (await api('GET', `/v1/reviews/${answer!.id}`)).data as Item;
    assert.deepEqual([reopened.status, reopened.reopened, reopened.resolved_at], ['open', 1, null]);
    assert.equal(await events(), before + 1);
  });

  it('assigns and resolves many at once, all or none', async () => {
    const items = await queue();
    const ids = items.map((item) => item.id);
    assertError(
      await ctx.request('POST', '/v1/reviews/bulk', {
        key: tenant.key,
        body: { ids: [...ids, 987654], status: 'wont_fix' },
      }),
      404,
      'review_not_found',
    );
    assert.deepEqual(
      (await queue()).map((item) => item.status),
      ['open', 'open'],
      'nothing changed',
    );
    const done = (await api('POST', '/v1/reviews/bulk', { ids, status: 'wont_fix', resolution: 'not_a_bug' })).data;
    assert.deepEqual(
      done.map((item: Item) => [item.status, item.resolution]),
      [
        ['wont_fix', 'not_a_bug'],
        ['wont_fix', 'not_a_bug'],
      ],
    );
    const page = await api('GET', '/v1/reviews?limit=1');
    assert.equal(page.data.length, 1);
    assert.deepEqual(page.counts, { wont_fix: 2 });
    const next = await api('GET', `/v1/reviews?limit=1&cursor=${page.next_cursor}`);
    assert.deepEqual([next.data.length, next.next_cursor], [1, null]);
    assert.notEqual(next.data[0].id, page.data[0].id);
  });

  it("shows another organization's key none of it, and lets it change nothing", async () => {
    const [item] = await queue();
    const theirs = await api('GET', '/v1/reviews', undefined, neighbour.key);
    assert.deepEqual([theirs.data, theirs.counts], [[], {}]);
    assertError(await ctx.request('GET', `/v1/reviews/${item!.id}`, { key: neighbour.key }), 404, 'review_not_found');
    assertError(
      await ctx.request('PATCH', `/v1/reviews/${item!.id}`, { key: neighbour.key, body: { status: 'open' } }),
      404,
      'review_not_found',
    );
    assertError(
      await ctx.request('POST', '/v1/reviews/bulk', { key: neighbour.key, body: { ids: [item!.id], status: 'open' } }),
      404,
      'review_not_found',
    );
    assert.equal((await api('GET', `/v1/reviews/${item!.id}`)).data.status, 'wont_fix');
  });
});
