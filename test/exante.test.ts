import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import {
  describeEachDialect,
  type ApiResponse,
  type RequestOptions,
  type Tenant,
  type TestContext,
} from './helpers/app.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

interface Chat {
  tenant: Tenant;
  conversationUid: string;
  /** The message uids, in conversation order. */
  messages: string[];
}

/** A conversation of a tenant (a new one unless given) with an AI and a human agent message. */
async function newChat(ctx: TestContext, tenant?: Tenant): Promise<Chat> {
  const owner = tenant ?? (await ctx.newTenant());
  const created = await ctx.request('POST', '/v1/conversations', {
    key: owner.key,
    body: {
      messages: [
        { role: 'user', text: 'Where is my invoice?', created_at: '2026-04-24T11:59:00Z' },
        { role: 'ai', text: 'Your invoice total is 42 EUR.', created_at: '2026-04-24T11:59:10Z' },
        { role: 'agent', text: 'Here is the payment link.', created_at: '2026-04-24T11:59:20Z' },
      ],
    },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const listed = await ctx.request('GET', `/v1/conversations/${created.body.data.id}/messages`, { key: owner.key });
  assert.equal(listed.status, 200);
  return {
    tenant: owner,
    conversationUid: created.body.data.uid,
    messages: listed.body.data.map((message: { uid: string }) => message.uid),
  };
}

const feedbackUrl = (chat: Chat, message = chat.messages[1]!) =>
  `/api/agents/chat/${chat.conversationUid}/messages/${message}/feedback`;
const messagesUrl = (chat: Chat) => `/api/agents/chat/${chat.conversationUid}/messages`;

/** Submits feedback with the chat owner's key unless another is given. */
function submit(ctx: TestContext, chat: Chat, body: unknown, options: RequestOptions & { message?: string } = {}) {
  return ctx.request('POST', feedbackUrl(chat, options.message), { key: chat.tenant.key, body, ...options });
}

/** The native log of a message: every record, every author. */
async function history(ctx: TestContext, chat: Chat, message = chat.messages[1]!) {
  const response = await ctx.request('GET', `/v1/messages/${message}/feedback/history`, { key: chat.tenant.key });
  assert.equal(response.status, 200);
  return response.body.data as Array<{
    uid: string;
    user_id: string;
    author_name: string | null;
    rating: string | null;
    comment: string | null;
  }>;
}

/** The caller's feedback on a message as Exante's GET shows it. */
async function shown(ctx: TestContext, chat: Chat, key = chat.tenant.key, message = chat.messages[1]!) {
  const response = await ctx.request('GET', messagesUrl(chat), { key });
  assert.equal(response.status, 200, JSON.stringify(response.body));
  return response.body.data.find((m: { uid: string }) => m.uid === message).feedback;
}

/** Asserts a 200 in Exante's shape carrying the given state, and that GET shows exactly that record. */
async function assertSaved(
  ctx: TestContext,
  chat: Chat,
  response: ApiResponse,
  state: { rating: string | null; comment: string | null },
) {
  assert.equal(response.status, 200, JSON.stringify(response.body));
  assert.deepEqual(Object.keys(response.body).sort(), ['data', 'status']);
  assert.equal(response.body.status, 'success');
  const { data } = response.body;
  assert.deepEqual(Object.keys(data).sort(), ['comment', 'created_at', 'message_uid', 'rating', 'uid']);
  assert.match(data.uid, UUID);
  assert.equal(data.message_uid, chat.messages[1]);
  assert.match(data.created_at, ISO);
  assert.ok(!Number.isNaN(Date.parse(data.created_at)));
  assert.deepEqual({ rating: data.rating, comment: data.comment }, state);
  assert.deepEqual(await shown(ctx, chat), { uid: data.uid, ...state, created_at: data.created_at });
  const log = await history(ctx, chat);
  const { author_name: author, ...record } = log.at(-1)!;
  assert.deepEqual(record, { uid: data.uid, user_id: chat.tenant.userId, ...state, created_at: data.created_at });
  assert.match(String(author), /@test\.invalid$/, 'the author by name: the admin, who has no name but an email');
}

/** Asserts an error in Exante's shape: `{"status":"error","message"}` and nothing else. */
function assertExanteError(response: ApiResponse, status: number, message?: RegExp | string): void {
  assert.equal(response.status, status, `expected ${status}, got ${response.status}: ${JSON.stringify(response.body)}`);
  assert.match(String(response.headers['content-type']), /^application\/json/);
  assert.deepEqual(Object.keys(response.body).sort(), ['message', 'status']);
  assert.equal(response.body.status, 'error');
  assert.equal(typeof response.body.message, 'string');
  assert.ok(response.body.message.length > 0);
  if (typeof message === 'string') assert.equal(response.body.message, message);
  else if (message) assert.match(response.body.message, message);
}

function assertNoContent(response: ApiResponse): void {
  assert.equal(response.status, 204, JSON.stringify(response.body));
  assert.equal(response.raw.body, '');
  assert.equal(response.raw.payload.length, 0);
}

describeEachDialect('Exante message feedback', (ctx) => {
  // Each row of Exante's behaviour matrix, from a state built first.
  it('"like"/"dislike" with the comment omitted saves the rating and carries the existing comment forward', async () => {
    const chat = await newChat(ctx);
    await assertSaved(ctx, chat, await submit(ctx, chat, { rating: 'like', comment: 'x' }), {
      rating: 'like',
      comment: 'x',
    });
    await assertSaved(ctx, chat, await submit(ctx, chat, { rating: 'dislike' }), { rating: 'dislike', comment: 'x' });
    assert.equal((await history(ctx, chat)).length, 2);
  });

  it('"like"/"dislike" with a comment saves both', async () => {
    const chat = await newChat(ctx);
    await assertSaved(
      ctx,
      chat,
      await submit(ctx, chat, { rating: 'dislike', comment: 'The invoice total was incorrect' }),
      {
        rating: 'dislike',
        comment: 'The invoice total was incorrect',
      },
    );
    await assertSaved(ctx, chat, await submit(ctx, chat, { rating: 'like', comment: 'Now correct' }), {
      rating: 'like',
      comment: 'Now correct',
    });
  });

  it('"like"/"dislike" with a null comment saves the rating and clears the comment', async () => {
    const chat = await newChat(ctx);
    await submit(ctx, chat, { rating: 'dislike', comment: 'x' });
    await assertSaved(ctx, chat, await submit(ctx, chat, { rating: 'like', comment: null }), {
      rating: 'like',
      comment: null,
    });
  });

  it('a null rating with a comment clears the rating and saves the comment', async () => {
    const chat = await newChat(ctx);
    await submit(ctx, chat, { rating: 'like', comment: 'x' });
    await assertSaved(ctx, chat, await submit(ctx, chat, { rating: null, comment: 'text' }), {
      rating: null,
      comment: 'text',
    });
  });

  it('the rating omitted with a comment keeps the existing rating and saves the comment', async () => {
    const chat = await newChat(ctx);
    await submit(ctx, chat, { rating: 'like' });
    await assertSaved(ctx, chat, await submit(ctx, chat, { comment: 'x' }), { rating: 'like', comment: 'x' });
    await assertSaved(ctx, chat, await submit(ctx, chat, { comment: 'Could have included the payment link' }), {
      rating: 'like',
      comment: 'Could have included the payment link',
    });
  });

  it('the rating omitted with a comment on a message without feedback saves the comment alone', async () => {
    const chat = await newChat(ctx);
    await assertSaved(ctx, chat, await submit(ctx, chat, { comment: 'x' }), { rating: null, comment: 'x' });
  });

  it('null/null and {} are no-ops: 204 with an empty body, nothing stored, the current feedback unchanged', async () => {
    const chat = await newChat(ctx);
    const fresh = await submit(ctx, chat, { rating: null, comment: null });
    assertNoContent(fresh);
    assertNoContent(await submit(ctx, chat, {}));
    assert.equal((await history(ctx, chat)).length, 0);
    assert.equal(await shown(ctx, chat), null);

    const saved = await submit(ctx, chat, { rating: 'like', comment: 'x' });
    assertNoContent(await submit(ctx, chat, { rating: null, comment: null }));
    assertNoContent(await submit(ctx, chat, {}));
    assertNoContent(await submit(ctx, chat, { unknown: 'ignored' }));
    assert.equal((await history(ctx, chat)).length, 1);
    assert.deepEqual(await shown(ctx, chat), {
      uid: saved.body.data.uid,
      rating: 'like',
      comment: 'x',
      created_at: saved.body.data.created_at,
    });
  });

  it('beyond the matrix: a null rating alone clears it and carries the comment; a null comment alone clears it', async () => {
    const chat = await newChat(ctx);
    await submit(ctx, chat, { rating: 'like', comment: 'x' });
    await assertSaved(ctx, chat, await submit(ctx, chat, { rating: null }), { rating: null, comment: 'x' });
    await submit(ctx, chat, { rating: 'dislike' });
    await assertSaved(ctx, chat, await submit(ctx, chat, { comment: null }), { rating: 'dislike', comment: null });
  });

  it('is append-only: every accepted submission adds one record and earlier records stay as they were', async () => {
    const chat = await newChat(ctx);
    const bodies = [
      { rating: 'like' },
      { comment: 'a' },
      { rating: 'dislike', comment: null },
      { rating: null, comment: 'b' },
    ];
    const uids: string[] = [];
    for (const [index, body] of bodies.entries()) {
      const response = await submit(ctx, chat, body);
      assert.equal(response.status, 200);
      uids.push(response.body.data.uid);
      assert.equal((await history(ctx, chat)).length, index + 1);
    }
    assert.equal(new Set(uids).size, bodies.length);
    assert.deepEqual(
      (await history(ctx, chat)).map(({ uid, rating, comment }) => ({ uid, rating, comment })),
      [
        { uid: uids[0], rating: 'like', comment: null },
        { uid: uids[1], rating: 'like', comment: 'a' },
        { uid: uids[2], rating: 'dislike', comment: null },
        { uid: uids[3], rating: null, comment: 'b' },
      ],
    );
  });

  it('ignores unknown keys in the body', async () => {
    const chat = await newChat(ctx);
    await assertSaved(ctx, chat, await submit(ctx, chat, { rating: 'like', mood: 'great', user_id: randomUUID() }), {
      rating: 'like',
      comment: null,
    });
  });

  it('accepts a comment of exactly 2000 characters', async () => {
    const chat = await newChat(ctx);
    const comment = 'y'.repeat(2000);
    await assertSaved(ctx, chat, await submit(ctx, chat, { comment }), { rating: null, comment });
  });

  const invalidBodies: Array<[string, RequestOptions]> = [
    ['rating "Like" (wrong case)', { body: { rating: 'Like' } }],
    ['rating "LIKE"', { body: { rating: 'LIKE' } }],
    ['rating "love"', { body: { rating: 'love', comment: 'x' } }],
    ['rating ""', { body: { rating: '' } }],
    ['rating 1', { body: { rating: 1 } }],
    ['rating 0', { body: { rating: 0 } }],
    ['rating true', { body: { rating: true } }],
    ['rating false', { body: { rating: false } }],
    ['rating {}', { body: { rating: {} } }],
    ['rating ["like"]', { body: { rating: ['like'] } }],
    ['comment 5', { body: { rating: 'like', comment: 5 } }],
    ['comment true', { body: { comment: true } }],
    ['comment {}', { body: { comment: {} } }],
    ['comment ["x"]', { body: { comment: ['x'] } }],
    ['a comment over 2000 characters', { body: { rating: 'like', comment: 'x'.repeat(2001) } }],
    ['an array body', { body: [{ rating: 'like' }] }],
    ['a string body', { body: 'like' }],
    ['a number body', { body: 1 }],
    ['a null body', { payload: 'null', headers: { 'content-type': 'application/json' } }],
    ['invalid JSON', { payload: '{"rating": "like",', headers: { 'content-type': 'application/json' } }],
  ];

  for (const [name, options] of invalidBodies) {
    it(`answers 400 for ${name} and stores nothing`, async () => {
      const chat = await newChat(ctx);
      assertExanteError(await submit(ctx, chat, undefined, options), 400);
      assert.equal((await history(ctx, chat)).length, 0);
      assert.equal(await shown(ctx, chat), null);
    });
  }

  it('answers 400 for a POST with no body at all (not a JSON object) and stores nothing', async () => {
    const chat = await newChat(ctx);
    assertExanteError(await submit(ctx, chat, undefined), 400);
    assertExanteError(
      await submit(ctx, chat, undefined, { payload: '', headers: { 'content-type': 'application/json' } }),
      400,
    );
    assert.equal((await history(ctx, chat)).length, 0);
  });

  it('counts the 2000-character limit in characters, as the schema does', async () => {
    const chat = await newChat(ctx);
    const comment = '\u{1F600}'.repeat(1001);
    await assertSaved(ctx, chat, await submit(ctx, chat, { comment }), { rating: null, comment });
  });

  it('names the field and what it accepts in a 400', async () => {
    const chat = await newChat(ctx);
    assertExanteError(await submit(ctx, chat, { rating: 'Like' }), 400, /rating/);
    assertExanteError(await submit(ctx, chat, { comment: 5 }), 400, /comment/);
    assertExanteError(await submit(ctx, chat, { comment: 'x'.repeat(2001) }), 400, /2000/);
  });

  it('answers 415 for a body that is not JSON', async () => {
    const chat = await newChat(ctx);
    assertExanteError(
      await submit(ctx, chat, undefined, { payload: 'rating=like', headers: { 'content-type': 'text/plain' } }),
      415,
    );
    assert.equal((await history(ctx, chat)).length, 0);
  });

  it('answers 404 for an unknown conversation, a message of another conversation, and values that are not UUIDs', async () => {
    const chat = await newChat(ctx);
    const other = await newChat(ctx, chat.tenant);
    const message = chat.messages[1]!;
    const cases: Array<[string, RegExp]> = [
      [`/api/agents/chat/${randomUUID()}/messages/${message}/feedback`, /conversation/i],
      [`/api/agents/chat/${chat.conversationUid}/messages/${other.messages[1]}/feedback`, /message/i],
      [`/api/agents/chat/${chat.conversationUid}/messages/${randomUUID()}/feedback`, /message/i],
      [`/api/agents/chat/not-a-uuid/messages/${message}/feedback`, /conversation/i],
      [`/api/agents/chat/${chat.conversationUid}/messages/not-a-uuid/feedback`, /message/i],
      [`/api/agents/chat/42/messages/${message}/feedback`, /conversation/i],
    ];
    for (const [url, message] of cases) {
      assertExanteError(
        await ctx.request('POST', url, { key: chat.tenant.key, body: { rating: 'like' } }),
        404,
        message,
      );
    }
    assert.equal((await history(ctx, chat)).length, 0);
    assert.equal((await history(ctx, other, other.messages[1])).length, 0);

    assertExanteError(
      await ctx.request('GET', `/api/agents/chat/${randomUUID()}/messages`, { key: chat.tenant.key }),
      404,
    );
    assertExanteError(await ctx.request('GET', '/api/agents/chat/not-a-uuid/messages', { key: chat.tenant.key }), 404);
    assertExanteError(await ctx.request('GET', '/api/agents/chat/42/messages', { key: chat.tenant.key }), 404);
  });

  it('accepts upper-case UUIDs in the path', async () => {
    const chat = await newChat(ctx);
    const url = `/api/agents/chat/${chat.conversationUid.toUpperCase()}/messages/${chat.messages[1]!.toUpperCase()}/feedback`;
    await assertSaved(ctx, chat, await ctx.request('POST', url, { key: chat.tenant.key, body: { rating: 'like' } }), {
      rating: 'like',
      comment: null,
    });
  });

  it("answers 403 for another organization's conversation and stores nothing", async () => {
    const chat = await newChat(ctx);
    const stranger = await ctx.newTenant();
    const post = await submit(ctx, chat, { rating: 'dislike', comment: 'not mine' }, { key: stranger.key });
    assertExanteError(post, 403, /not authorized/);
    // The 403 comes before the message is looked at: another organization learns nothing about its messages.
    const unknownMessage = await submit(ctx, chat, { rating: 'like' }, { key: stranger.key, message: randomUUID() });
    assertExanteError(unknownMessage, 403);
    assertExanteError(await ctx.request('GET', messagesUrl(chat), { key: stranger.key }), 403, /not authorized/);
    assert.equal((await history(ctx, chat)).length, 0);
    assert.equal(await shown(ctx, chat), null);
  });

  it("answers 401 without a key or with an unknown one, in Exante's shape", async () => {
    const chat = await newChat(ctx);
    for (const key of [null, 'plaudit_not-a-real-key']) {
      assertExanteError(await submit(ctx, chat, { rating: 'like' }, { key }), 401);
      assertExanteError(await ctx.request('GET', messagesUrl(chat), { key }), 401);
    }
    assert.equal((await history(ctx, chat)).length, 0);
  });

  it('needs write_all to submit and read_all to list', async () => {
    const chat = await newChat(ctx);
    const reader = await ctx.newKey(chat.tenant, ['read_all']);
    const refused = await submit(ctx, chat, { rating: 'like' }, { key: reader.key });
    assertExanteError(refused, 403, 'Insufficient token scope. Required: write_all');
    assert.equal((await history(ctx, chat)).length, 0);
    const listed = await ctx.request('GET', messagesUrl(chat), { key: reader.key });
    assert.equal(listed.status, 200);

    const writer = await ctx.newKey(chat.tenant, ['write_all']);
    assert.equal((await submit(ctx, chat, { rating: 'like' }, { key: writer.key })).status, 200);
  });

  it('lists every message of the conversation in order, with Exante fields and no feedback yet', async () => {
    const chat = await newChat(ctx);
    const response = await ctx.request('GET', messagesUrl(chat), { key: chat.tenant.key });
    assert.equal(response.status, 200);
    assert.deepEqual(Object.keys(response.body).sort(), ['data', 'status']);
    assert.equal(response.body.status, 'success');
    assert.deepEqual(
      response.body.data.map((m: Record<string, unknown>) => ({ ...m, created_at: Date.parse(String(m.created_at)) })),
      [
        {
          uid: chat.messages[0],
          role: 'user',
          text: 'Where is my invoice?',
          created_at: Date.parse('2026-04-24T11:59:00Z'),
          feedback: null,
        },
        {
          uid: chat.messages[1],
          role: 'ai',
          text: 'Your invoice total is 42 EUR.',
          created_at: Date.parse('2026-04-24T11:59:10Z'),
          feedback: null,
        },
        {
          uid: chat.messages[2],
          role: 'agent',
          text: 'Here is the payment link.',
          created_at: Date.parse('2026-04-24T11:59:20Z'),
          feedback: null,
        },
      ],
    );
    for (const message of response.body.data) assert.match(message.created_at, ISO);
  });

  it('lists an empty conversation as an empty list', async () => {
    const tenant = await ctx.newTenant();
    const created = await ctx.request('POST', '/v1/conversations', { key: tenant.key, body: {} });
    const response = await ctx.request('GET', `/api/agents/chat/${created.body.data.uid}/messages`, {
      key: tenant.key,
    });
    assert.equal(response.status, 200);
    assert.deepEqual(response.body, { status: 'success', data: [] });
  });

  it('shows each user of one organization their own latest feedback, per message', async () => {
    const chat = await newChat(ctx);
    const colleague = await ctx.app.services.accounts.createUser({
      orgId: chat.tenant.orgId,
      email: `colleague-${randomUUID()}@test.invalid`,
    });
    const colleagueKey = colleague.apiKey.api_key;

    await submit(ctx, chat, { rating: 'like', comment: 'mine' });
    const theirs = await submit(ctx, chat, { rating: 'dislike' }, { key: colleagueKey });
    assert.equal(theirs.status, 200);
    // Carry-forward is per author: the colleague's dislike does not carry the owner's comment.
    assert.equal(theirs.body.data.comment, null);
    const later = await submit(ctx, chat, { comment: 'mine, edited' });
    assert.deepEqual([later.body.data.rating, later.body.data.comment], ['like', 'mine, edited']);
    const onOther = await submit(ctx, chat, { rating: 'like' }, { key: colleagueKey, message: chat.messages[2] });

    const mine = await ctx.request('GET', messagesUrl(chat), { key: chat.tenant.key });
    const seen = await ctx.request('GET', messagesUrl(chat), { key: colleagueKey });
    assert.deepEqual(
      mine.body.data.map((m: { feedback: unknown }) => m.feedback),
      [
        null,
        { uid: later.body.data.uid, rating: 'like', comment: 'mine, edited', created_at: later.body.data.created_at },
        null,
      ],
    );
    assert.deepEqual(
      seen.body.data.map((m: { feedback: unknown }) => m.feedback),
      [
        null,
        { uid: theirs.body.data.uid, rating: 'dislike', comment: null, created_at: theirs.body.data.created_at },
        { uid: onOther.body.data.uid, rating: 'like', comment: null, created_at: onOther.body.data.created_at },
      ],
    );
    const log = await history(ctx, chat);
    assert.deepEqual(
      log.map((record) => record.user_id),
      [chat.tenant.userId, colleague.user.id, chat.tenant.userId],
    );
  });

  it('keeps every concurrent submission, each carrying forward from the one before', async () => {
    const chat = await newChat(ctx);
    await submit(ctx, chat, { rating: 'like', comment: 'start' });
    const bodies = Array.from({ length: 10 }, (_, i) =>
      i % 2 ? { rating: i % 4 === 1 ? 'dislike' : 'like' } : { comment: `c${i}` },
    );
    const responses = await Promise.all(bodies.map((body) => submit(ctx, chat, body)));
    for (const response of responses) assert.equal(response.status, 200);
    const log = await history(ctx, chat);
    assert.equal(log.length, 11);
    for (const record of log) {
      assert.ok(record.rating !== null, 'no submission cleared the rating');
      assert.ok(record.comment !== null, 'no submission cleared the comment');
    }
  });
});
