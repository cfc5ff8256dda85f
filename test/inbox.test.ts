import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { assertError, describeEachDialect, type TestContext } from './helpers/app.js';
import { signIn, tenantWithPassword, uniqueEmail, withCookie, type Browser } from './helpers/sessions.js';

const HUMAN = '6f1d2c3a-0000-4000-8000-000000000001';
const BOT = '6f1d2c3a-0000-4000-8000-000000000002';
const LONG = `Here is everything you asked for: ${'x'.repeat(1000)}`;

interface Seeded {
  id: number;
  uid: string;
  messages: Array<{ uid: string }>;
}

/** One organization's inbox of six conversations with known ratings and feedback, and a neighbour's. */
async function seed(ctx: TestContext) {
  const tenant = await tenantWithPassword(ctx, 'Inbox Org');
  const colleague = await ctx.app.services.accounts.createUser({ orgId: tenant.orgId, email: uniqueEmail('agent') });
  const as = (key: string) => ({ key });

  async function conversation(body: Record<string, unknown>): Promise<Seeded> {
    const response = await ctx.request('POST', '/v1/conversations', { ...as(tenant.key), body });
    assert.equal(response.status, 201, JSON.stringify(response.body));
    return response.body.data;
  }
  async function survey(
    id: number,
    codes: string[],
    answers?: Array<{ code: string; value: number }>,
    comment?: string,
  ) {
    const offered = await ctx.request('POST', `/v1/conversations/${id}/ratings`, {
      ...as(tenant.key),
      body: { question_codes: codes },
    });
    assert.equal(offered.status, 201, JSON.stringify(offered.body));
    if (!answers) return offered.body.data;
    const answered = await ctx.request('POST', `/v1/ratings/${offered.body.data.id}/answers`, {
      ...as(tenant.key),
      body: { answers, ...(comment ? { comment } : {}) },
    });
    assert.equal(answered.status, 200, JSON.stringify(answered.body));
    return answered.body.data;
  }
  async function feedback(key: string, messageUid: string, body: Record<string, unknown>) {
    const response = await ctx.request('POST', `/v1/messages/${messageUid}/feedback`, { ...as(key), body });
    assert.ok(response.status === 201 || response.status === 200, JSON.stringify(response.body));
  }

  const ada = await conversation({
    contact_name: 'Ada Lovelace',
    contact_email: 'ada@example.com',
    external_id: 'ORD-100',
    channel: 'email',
    agent_id: HUMAN,
    agent_type: 'human',
    created_at: '2026-03-01T10:00:00.000Z',
    messages: [
      { role: 'user', text: 'My order is late', created_at: '2026-03-01T10:00:00.000Z' },
      { role: 'agent', text: 'Sorry about that, it ships today', created_at: '2026-03-01T10:01:00.000Z' },
    ],
  });
  const adaRating = await survey(
    ada.id,
    ['STARS', 'HELPFUL_THUMBS'],
    [
      { code: 'STARS', value: 5 },
      { code: 'HELPFUL_THUMBS', value: 1 },
    ],
  );
  await feedback(tenant.key, ada.messages[1]!.uid, { rating: 'like' });

  const bob = await conversation({
    contact_name: 'Bob Builder',
    contact_email: 'bob@example.org',
    external_id: 'ORD-200',
    channel: 'chat',
    status: 'closed',
    agent_id: BOT,
    agent_type: 'ai',
    // 23:30 UTC on the 2nd is 00:30 on the 3rd in Berlin.
    created_at: '2026-03-02T23:30:00.000Z',
    messages: [
      { role: 'user', text: 'Hello', created_at: '2026-03-02T23:30:00.000Z' },
      { role: 'ai', text: 'Hi! How can I help?', created_at: '2026-03-02T23:30:05.000Z' },
      { role: 'user', text: 'Never mind', created_at: '2026-03-02T23:31:00.000Z' },
    ],
  });
  const bobRating = await survey(bob.id, ['STARS'], [{ code: 'STARS', value: 2 }], 'Too slow');
  await feedback(tenant.key, bob.messages[1]!.uid, { rating: 'dislike', comment: 'Wrong answer' });
  await feedback(colleague.apiKey.api_key, bob.messages[1]!.uid, { rating: 'dislike' });
  // A like withdrawn counts for nothing: only the current feedback is counted.
  await feedback(colleague.apiKey.api_key, bob.messages[0]!.uid, { rating: 'like' });
  await feedback(colleague.apiKey.api_key, bob.messages[0]!.uid, { rating: null });

  const cleo = await conversation({
    contact_name: 'Cleo',
    channel: 'email',
    agent_id: HUMAN,
    agent_type: 'human',
    created_at: '2026-03-03T12:00:00.000Z',
    messages: [{ role: 'user', text: 'Thanks', created_at: '2026-03-03T12:00:00.000Z' }],
  });
  await survey(cleo.id, ['NPS'], [{ code: 'NPS', value: 3 }]);
  const cleoLatest = await survey(cleo.id, ['NPS', 'EXPERIENCE_THUMBS']);

  const dora = await conversation({
    contact_name: 'Dora 100% _x',
    contact_email: 'dora@example.com',
    channel: 'whatsapp',
    created_at: '2026-03-04T08:00:00.000Z',
  });

  const eve = await conversation({
    contact_name: 'Eve',
    contact_email: 'eve@example.com',
    channel: 'chat',
    created_at: '2026-03-05T09:00:00.000Z',
    messages: [{ role: 'user', text: 'I am Eve, call me on 555', created_at: '2026-03-05T09:00:00.000Z' }],
  });
  const eveRating = await survey(eve.id, ['EXPERIENCE_THUMBS'], [{ code: 'EXPERIENCE_THUMBS', value: 0 }], 'meh');
  const anonymized = await ctx.request('POST', `/v1/conversations/${eve.id}/anonymize`, as(tenant.key));
  assert.equal(anonymized.status, 200);

  const finn = await conversation({
    contact_name: 'Finn',
    channel: 'email',
    created_at: '2026-03-06T09:00:00.000Z',
    messages: [{ role: 'agent', text: LONG, created_at: '2026-03-06T09:00:00.000Z' }],
  });
  await feedback(colleague.apiKey.api_key, finn.messages[0]!.uid, { rating: 'like', comment: 'Great' });

  const neighbour = await tenantWithPassword(ctx, 'Neighbour');
  const theirs = await ctx.request('POST', '/v1/conversations', {
    key: neighbour.key,
    body: { contact_name: 'Ada Lovelace', external_id: 'ORD-100', created_at: '2026-03-04T00:00:00.000Z' },
  });
  assert.equal(theirs.status, 201);

  return {
    tenant,
    neighbour,
    theirs: theirs.body.data as Seeded,
    conversations: { ada, bob, cleo, dora, eve, finn },
    ratings: { ada: adaRating, bob: bobRating, cleo: cleoLatest, eve: eveRating },
  };
}

describeEachDialect('The inbox', (ctx) => {
  let data: Awaited<ReturnType<typeof seed>>;
  let browser: Browser;
  let names: Map<number, string>;

  before(async () => {
    data = await seed(ctx);
    browser = await signIn(ctx, data.tenant.email);
    names = new Map(Object.entries(data.conversations).map(([name, conversation]) => [conversation.id, name]));
  });

  /** The inbox as the signed-in dashboard sees it: names of the conversations, newest first. */
  async function inbox(query = '') {
    const response = await ctx.request('GET', `/v1/inbox${query ? `?${query}` : ''}`, { headers: withCookie(browser) });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    return response.body as { data: Array<Record<string, any>>; next_cursor: string | null };
  }
  async function listed(query = '') {
    return (await inbox(query)).data.map((item) => names.get(item.id) ?? `foreign ${item.id}`);
  }

  it('lists the organization’s conversations newest first, with the API key as with the session', async () => {
    assert.deepEqual(await listed(), ['finn', 'eve', 'dora', 'cleo', 'bob', 'ada']);
    const byKey = await ctx.request('GET', '/v1/inbox', { key: data.tenant.key });
    assert.equal(byKey.status, 200);
    assert.deepEqual(byKey.body, await inbox());
    assertError(await ctx.request('GET', '/v1/inbox'), 401, 'missing_api_key');
  });

  it('summarizes each conversation exactly: messages, latest rating, feedback', async () => {
    const items = new Map((await inbox()).data.map((item) => [names.get(item.id), item]));
    const { ada, bob, cleo, dora, eve, finn } = data.conversations;

    assert.deepEqual(items.get('ada'), {
      id: ada.id,
      uid: ada.uid,
      external_id: 'ORD-100',
      channel: 'email',
      status: 'open',
      contact_name: 'Ada Lovelace',
      contact_email: 'ada@example.com',
      agent_id: HUMAN,
      agent_type: 'human',
      agent_name: null,
      created_at: '2026-03-01T10:00:00.000Z',
      closed_at: null,
      anonymized_at: null,
      message_count: 2,
      last_message: { role: 'agent', text: 'Sorry about that, it ships today' },
      rating: {
        uid: data.ratings.ada.uid,
        status: 'rated',
        source: 'api',
        stars: 5,
        nps: null,
        thumbs: { HELPFUL_THUMBS: 'up' },
        comment: null,
        offered_at: data.ratings.ada.offered_at,
        submitted_at: data.ratings.ada.submitted_at,
      },
      feedback: { likes: 1, dislikes: 0, comments: 0 },
    });

    const bobItem = items.get('bob')!;
    assert.equal(bobItem.status, 'closed');
    assert.ok(bobItem.closed_at);
    assert.equal(bobItem.message_count, 3);
    assert.deepEqual(bobItem.last_message, { role: 'user', text: 'Never mind' });
    assert.deepEqual(
      { ...bobItem.rating, offered_at: undefined, submitted_at: undefined },
      {
        uid: data.ratings.bob.uid,
        status: 'rated',
        source: 'api',
        stars: 2,
        nps: null,
        thumbs: {},
        comment: 'Too slow',
        offered_at: undefined,
        submitted_at: undefined,
      },
    );
    assert.deepEqual(bobItem.feedback, { likes: 0, dislikes: 2, comments: 1 });

    // The latest rating is shown, though an older one was answered.
    const cleoItem = items.get('cleo')!;
    assert.equal(cleoItem.rating.uid, data.ratings.cleo.uid);
    assert.deepEqual(
      [cleoItem.rating.status, cleoItem.rating.stars, cleoItem.rating.nps, cleoItem.rating.thumbs],
      ['offered', null, null, {}],
    );
    assert.equal(cleoItem.rating.submitted_at, null);

    const doraItem = items.get('dora')!;
    assert.deepEqual(
      [doraItem.message_count, doraItem.last_message, doraItem.rating, doraItem.feedback],
      [0, null, null, { likes: 0, dislikes: 0, comments: 0 }],
    );
    assert.equal(doraItem.id, dora.id);

    const eveItem = items.get('eve')!;
    assert.ok(eveItem.anonymized_at);
    assert.deepEqual([eveItem.contact_name, eveItem.contact_email], [null, null]);
    assert.deepEqual(eveItem.last_message, { role: 'user', text: null });
    assert.deepEqual([eveItem.rating.thumbs, eveItem.rating.comment], [{ EXPERIENCE_THUMBS: 'down' }, null]);
    assert.equal(eveItem.id, eve.id);

    const finnItem = items.get('finn')!;
    assert.equal(finnItem.last_message.text, LONG.slice(0, 300), 'the last message is cut to 300 characters');
    assert.deepEqual(finnItem.feedback, { likes: 1, dislikes: 0, comments: 1 });
    assert.equal(finnItem.id, finn.id);
    assert.equal(items.get('bob')!.id, bob.id);
    assert.equal(cleoItem.id, cleo.id);
  });

  it('filters by rated, low_rating and has_comment, either way', async () => {
    assert.deepEqual(await listed('rated=true'), ['eve', 'cleo', 'bob', 'ada']);
    assert.deepEqual(await listed('rated=false'), ['finn', 'dora']);
    assert.deepEqual(await listed('low_rating=true'), ['eve', 'cleo', 'bob']);
    assert.deepEqual(await listed('low_rating=false'), ['finn', 'dora', 'ada']);
    assert.deepEqual(await listed('has_comment=true'), ['finn', 'bob']);
    assert.deepEqual(await listed('has_comment=false'), ['eve', 'dora', 'cleo', 'ada']);
    assert.deepEqual(await listed('low_rating=true&has_comment=true'), ['bob']);
  });

  it('filters by agent, agent type, channel and status', async () => {
    assert.deepEqual(await listed(`agent_id=${HUMAN}`), ['cleo', 'ada']);
    assert.deepEqual(await listed(`agent_id=${HUMAN.toUpperCase()}`), ['cleo', 'ada']);
    assert.deepEqual(await listed('agent_type=ai'), ['bob']);
    assert.deepEqual(await listed('channel=email'), ['finn', 'cleo', 'ada']);
    assert.deepEqual(await listed('status=closed'), ['bob']);
    assert.deepEqual(await listed('status=open&channel=chat'), ['eve']);
  });

  it("filters by days in the organization's time zone, or in tz", async () => {
    assert.deepEqual(await listed('from=2026-03-03&to=2026-03-03'), ['cleo']);
    assert.deepEqual(await listed('from=2026-03-03&to=2026-03-03&tz=Europe/Berlin'), ['cleo', 'bob']);
    assert.deepEqual(await listed('from=2026-03-05'), ['finn', 'eve']);
    assert.deepEqual(await listed('to=2026-03-01'), ['ada']);
    const headers = withCookie(browser);
    assertError(await ctx.request('GET', '/v1/inbox?tz=Mars/Olympus', { headers }), 400, 'invalid_timezone');
    assertError(
      await ctx.request('GET', '/v1/inbox?from=2026-03-05&to=2026-03-01', { headers }),
      400,
      'invalid_date_range',
    );
    assertError(await ctx.request('GET', '/v1/inbox?from=2026-02-30', { headers }), 400, 'invalid_date_range');
  });

  it('searches contact names, emails and external ids by their words, in any case, and exact ids and UUIDs', async () => {
    assert.deepEqual(await listed('q=ada'), ['ada']);
    assert.deepEqual(await listed('q=LOVELACE'), ['ada']);
    assert.deepEqual(await listed('q=EXAMPLE.ORG'), ['bob']);
    assert.deepEqual(await listed('q=ord-'), ['bob', 'ada'], 'and the word "order" of a message');
    assert.deepEqual(await listed('q=example.com'), ['dora', 'ada'], 'anonymized contacts are not found');
    // Punctuation separates words: "100%" is the word 100, in Dora's name and in Ada's ORD-100.
    assert.deepEqual(await listed(`q=${encodeURIComponent('100%')}`), ['dora', 'ada']);
    assert.deepEqual(await listed(`q=${encodeURIComponent('"dora 100 x"')}`), ['dora']);
    assert.deepEqual(await listed('q=nobody'), []);
    const { cleo } = data.conversations;
    assert.deepEqual(await listed(`q=${cleo.uid.toUpperCase()}`), ['cleo']);
    const byId = await listed(`q=${cleo.id}`);
    assert.ok(byId.includes('cleo'), `the conversation with id ${cleo.id} is found`);
  });

  it('pages through every row with the cursor, filtered or not', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await inbox(`limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      assert.ok(page.data.length <= 4);
      seen.push(...page.data.map((item) => names.get(item.id)!));
      cursor = page.next_cursor;
      pages += 1;
    } while (cursor);
    assert.equal(pages, 2);
    assert.deepEqual(seen, ['finn', 'eve', 'dora', 'cleo', 'bob', 'ada']);

    const first = await inbox('rated=true&limit=2');
    assert.deepEqual(
      first.data.map((item) => names.get(item.id)),
      ['eve', 'cleo'],
    );
    const second = await inbox(`rated=true&limit=2&cursor=${first.next_cursor}`);
    assert.deepEqual(
      second.data.map((item) => names.get(item.id)),
      ['bob', 'ada'],
    );
    assert.equal(second.next_cursor, null);

    const headers = withCookie(browser);
    assertError(await ctx.request('GET', '/v1/inbox?cursor=garbage', { headers }), 400, 'invalid_cursor');
    assertError(await ctx.request('GET', '/v1/inbox?limit=101', { headers }), 400, 'validation_failed');
    assertError(await ctx.request('GET', '/v1/inbox?rated=maybe', { headers }), 400, 'validation_failed');
    assertError(await ctx.request('GET', '/v1/inbox?sort=oldest', { headers }), 400, 'validation_failed');
  });

  it("never shows another organization's conversations", async () => {
    const all = await inbox('limit=100');
    assert.ok(all.data.every((item) => item.id !== data.theirs.id));
    assert.deepEqual(await listed('q=ORD-100'), ['ada']);
    assert.deepEqual(await listed(`q=${data.theirs.uid}`), []);
    const theirs = await ctx.request('GET', '/v1/inbox', { key: data.neighbour.key });
    assert.deepEqual(
      theirs.body.data.map((item: { id: number }) => item.id),
      [data.theirs.id],
    );
    const neighbourBrowser = await signIn(ctx, data.neighbour.email);
    const viaSession = await ctx.request('GET', '/v1/inbox?q=ada', { headers: withCookie(neighbourBrowser) });
    assert.deepEqual(
      viaSession.body.data.map((item: { id: number }) => item.id),
      [data.theirs.id],
    );
  });
});
