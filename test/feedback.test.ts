import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import { assertError, describeEachDialect, type TestContext, type Tenant } from './helpers/app.js';

interface Setup {
  conversation: { id: number; uid: string };
  messages: Array<{ uid: string; role: string }>;
}

async function conversationWithMessages(ctx: TestContext, tenant: Tenant, agentType = 'ai'): Promise<Setup> {
  const created = await ctx.request('POST', '/v1/conversations', {
    key: tenant.key,
    body: {
      agent_type: agentType,
      messages: [
        { role: 'user', text: 'What is your return window for sale items?' },
        { role: 'ai', text: 'Sale items can be returned within 60 days.' },
        { role: 'ai', text: 'Anything else I can help with?' },
      ],
    },
  });
  assert.equal(created.status, 201);
  return { conversation: created.body.data, messages: created.body.data.messages };
}

async function secondUser(ctx: TestContext, tenant: Tenant): Promise<string> {
  const { apiKey } = await ctx.app.services.accounts.createUser({
    orgId: tenant.orgId,
    email: `second-${randomUUID()}@test.invalid`,
  });
  return apiKey.api_key;
}

describeEachDialect('POST /v1/messages/{uid}/feedback', (ctx) => {
  const send = (key: string, uid: string, body: unknown) =>
    ctx.request('POST', `/v1/messages/${uid}/feedback`, { key, body });
  const history = async (key: string, uid: string) =>
    (await ctx.request('GET', `/v1/messages/${uid}/feedback/history`, { key })).body.data as Array<{
      rating: string | null;
      comment: string | null;
      user_id: string;
    }>;

  it('follows the behaviour matrix row by row, appending a record each time', async () => {
    const tenant = await ctx.newTenant();
    const { messages } = await conversationWithMessages(ctx, tenant);
    const uid = messages[1]!.uid;
    const steps: Array<[unknown, number, [string | null, string | null] | null]> = [
      [{ rating: 'dislike', comment: 'The window is 14 days' }, 200, ['dislike', 'The window is 14 days']],
      [{ rating: 'like' }, 200, ['like', 'The window is 14 days']],
      [{ comment: 'Fixed now' }, 200, ['like', 'Fixed now']],
      [{ rating: 'dislike', comment: null }, 200, ['dislike', null]],
      [{ rating: null, comment: 'Only a remark' }, 200, [null, 'Only a remark']],
      [{ rating: null, comment: null }, 204, null],
      [{}, 204, null],
    ];
    let records = 0;
    for (const [body, status, expected] of steps) {
      const response = await send(tenant.key, uid, body);
      assert.equal(response.status, status, JSON.stringify(body));
      if (expected) {
        records += 1;
        assert.deepEqual([response.body.data.rating, response.body.data.comment], expected, JSON.stringify(body));
        assert.equal(response.body.data.message_uid, uid);
        assert.equal(response.body.data.user_id, tenant.userId);
        assert.match(response.body.data.uid, /^[0-9a-f-]{36}$/);
      } else {
        assert.equal(response.raw.body, '', 'a no-op answers no body');
      }
      assert.equal(
        (await history(tenant.key, uid)).length,
        records,
        'one record per accepted submission, none for a no-op',
      );
    }
    const log = await history(tenant.key, uid);
    assert.deepEqual(
      log.map((record) => [record.rating, record.comment]),
      steps.filter(([, , expected]) => expected).map(([, , expected]) => expected),
      'the history keeps every record, oldest first',
    );
  });

  it('keeps each user their own current feedback, and counts every user in the totals', async () => {
    const tenant = await ctx.newTenant();
    const other = await secondUser(ctx, tenant);
    const { conversation, messages } = await conversationWithMessages(ctx, tenant);
    const uid = messages[1]!.uid;
    await send(tenant.key, uid, { rating: 'dislike', comment: 'Wrong window' });
    await send(other, uid, { rating: 'like' });
    await send(other, messages[2]!.uid, { comment: 'Polite' });

    const mine = (await ctx.request('GET', `/v1/conversations/${conversation.id}/messages`, { key: tenant.key })).body
      .data;
    assert.deepEqual(
      mine.map((m: { uid: string }) => m.uid),
      messages.map((m) => m.uid),
      'every message, in conversation order',
    );
    assert.equal(mine[1].my_feedback.rating, 'dislike');
    assert.equal(mine[1].my_feedback.comment, 'Wrong window');
    assert.deepEqual([mine[1].likes, mine[1].dislikes, mine[1].comments], [1, 1, 1]);
    assert.equal(mine[2].my_feedback, null);
    assert.deepEqual([mine[2].likes, mine[2].dislikes, mine[2].comments], [0, 0, 1]);
    assert.equal(mine[0].my_feedback, null);
    assert.deepEqual([mine[0].likes, mine[0].dislikes, mine[0].comments], [0, 0, 0]);

    const theirs = (await ctx.request('GET', `/v1/conversations/${conversation.uid}/messages`, { key: other })).body
      .data;
    assert.equal(theirs[1].my_feedback.rating, 'like');
    assert.equal(theirs[1].my_feedback.comment, null, "one user's comment is not carried into another's");
    assert.equal(theirs[2].my_feedback.comment, 'Polite');

    const log = await history(tenant.key, uid);
    assert.equal(log.length, 2);
    assert.deepEqual(new Set(log.map((record) => record.user_id)).size, 2);
  });

  const badBodies: Array<[string, unknown]> = [
    ['a rating in the wrong case', { rating: 'Like' }],
    ['a rating that is a number', { rating: 1 }],
    ['a rating that is a boolean', { rating: true }],
    ['an unknown rating', { rating: 'love' }],
    ['a comment that is a number', { comment: 5 }],
    ['a comment that is an object', { comment: { text: 'x' } }],
    ['a body that is an array', [{ rating: 'like' }]],
    ['a body that is a string', 'like'],
    ['a comment over 2000 characters', { rating: 'like', comment: 'x'.repeat(2001) }],
    ['an unknown field', { rating: 'like', score: 5 }],
  ];
  for (const [what, body] of badBodies) {
    it(`refuses ${what} with 400 and stores nothing`, async () => {
      const tenant = await ctx.newTenant();
      const { messages } = await conversationWithMessages(ctx, tenant);
      assertError(await send(tenant.key, messages[1]!.uid, body), 400, 'validation_failed');
      assert.equal((await history(tenant.key, messages[1]!.uid)).length, 0);
    });
  }

  it('refuses malformed JSON, unknown messages and path values that are no UUID', async () => {
    const tenant = await ctx.newTenant();
    const { messages } = await conversationWithMessages(ctx, tenant);
    const malformed = await ctx.request('POST', `/v1/messages/${messages[1]!.uid}/feedback`, {
      key: tenant.key,
      payload: '{"rating": like}',
      headers: { 'content-type': 'application/json' },
    });
    assertError(malformed, 400, 'invalid_json');
    assertError(await send(tenant.key, randomUUID(), { rating: 'like' }), 404, 'message_not_found');
    assertError(await send(tenant.key, 'message-1', { rating: 'like' }), 400, 'validation_failed');
    assert.equal((await history(tenant.key, messages[1]!.uid)).length, 0);
  });

  it("treats another organization's message as unknown: 404, nothing stored, nothing shown", async () => {
    const owner = await ctx.newTenant();
    const stranger = await ctx.newTenant();
    const { conversation, messages } = await conversationWithMessages(ctx, owner);
    const uid = messages[1]!.uid;
    await send(owner.key, uid, { rating: 'like', comment: 'Mine' });
    assertError(await send(stranger.key, uid, { rating: 'dislike' }), 404, 'message_not_found');
    assertError(
      await ctx.request('GET', `/v1/messages/${uid}/feedback/history`, { key: stranger.key }),
      404,
      'message_not_found',
    );
    assertError(
      await ctx.request('GET', `/v1/conversations/${conversation.id}/messages`, { key: stranger.key }),
      404,
      'conversation_not_found',
    );
    assert.equal((await ctx.request('GET', '/v1/feedback', { key: stranger.key })).body.data.length, 0);
    const log = await history(owner.key, uid);
    assert.deepEqual(
      log.map((record) => record.rating),
      ['like'],
    );
  });

  it('needs write_all to send feedback and read_all to read it', async () => {
    const tenant = await ctx.newTenant();
    const reader = await ctx.newKey(tenant, ['read_all']);
    const { messages } = await conversationWithMessages(ctx, tenant);
    const refused = await send(reader.key, messages[1]!.uid, { rating: 'like' });
    assertError(refused, 403, 'insufficient_scope', /Required: write_all/);
    assert.equal(
      (await ctx.request('GET', `/v1/messages/${messages[1]!.uid}/feedback/history`, { key: reader.key })).status,
      200,
    );
    assert.equal((await history(tenant.key, messages[1]!.uid)).length, 0);
  });

  it('never loses the carried half under 40 interleaved partial updates on one message', async () => {
    const tenant = await ctx.newTenant();
    const { messages } = await conversationWithMessages(ctx, tenant);
    const uid = messages[1]!.uid;
    await send(tenant.key, uid, { rating: 'like', comment: 'c-start' });
    // Half send only a rating, half only a comment, all at once: each must carry the other half of the latest record.
    const submissions = Array.from({ length: 40 }, (_, i) =>
      i % 2 === 0 ? { rating: i % 4 === 0 ? 'dislike' : 'like' } : { comment: `c-${i}` },
    );
    const answers = await Promise.all(submissions.map((body) => send(tenant.key, uid, body)));
    assert.ok(answers.every((answer) => answer.status === 200));
    const log = await history(tenant.key, uid);
    assert.equal(log.length, 41);
    for (let i = 1; i < log.length; i += 1) {
      const [previous, current] = [log[i - 1]!, log[i]!];
      const ratingOnly = current.comment === previous.comment;
      const commentOnly = current.rating === previous.rating && /^c-\d+$/.test(current.comment ?? '');
      assert.ok(
        ratingOnly || commentOnly,
        `record ${i} lost the half it should carry: ${JSON.stringify([previous, current])}`,
      );
    }
    const comments = new Set(log.map((record) => record.comment));
    for (let i = 1; i < 40; i += 2) assert.ok(comments.has(`c-${i}`), `comment c-${i} was stored`);
  });
});

describeEachDialect('GET /v1/feedback', (ctx) => {
  it('lists recent feedback newest first, filtered, with its message, and pages with a cursor', async () => {
    const tenant = await ctx.newTenant();
    const ai = await conversationWithMessages(ctx, tenant, 'ai');
    const human = await conversationWithMessages(ctx, tenant, 'human');
    const post = (uid: string, body: object) =>
      ctx.request('POST', `/v1/messages/${uid}/feedback`, { key: tenant.key, body });
    await post(ai.messages[1]!.uid, { rating: 'dislike', comment: 'Wrong: 14 days' });
    await post(ai.messages[2]!.uid, { rating: 'like' });
    await post(human.messages[1]!.uid, { rating: 'dislike' });
    await post(human.messages[2]!.uid, { comment: 'Nice tone' });

    const list = async (query: string) => {
      const response = await ctx.request('GET', `/v1/feedback?${query}`, { key: tenant.key });
      assert.equal(response.status, 200);
      return response.body.data as Array<{ comment: string | null; rating: string | null; message: { text: string } }>;
    };
    assert.deepEqual(
      (await list('')).map((f) => f.comment ?? f.rating),
      ['Nice tone', 'dislike', 'like', 'Wrong: 14 days'],
    );
    const disliked = await list('rating=dislike&agent_type=ai');
    assert.equal(disliked.length, 1);
    assert.equal(disliked[0]!.message.text, 'Sale items can be returned within 60 days.');
    assert.equal((await list('rating=none')).length, 1);
    assert.equal((await list('has_comment=true')).length, 2);
    assert.equal((await list('created_from=2000-01-01T00:00:00Z&created_to=2000-02-01T00:00:00Z')).length, 0);

    const first = await ctx.request('GET', '/v1/feedback?limit=3', { key: tenant.key });
    const second = await ctx.request('GET', `/v1/feedback?limit=3&cursor=${first.body.next_cursor}`, {
      key: tenant.key,
    });
    assert.equal(first.body.data.length, 3);
    assert.equal(second.body.data.length, 1);
    assert.equal(second.body.next_cursor, null);
  });

  it('rejects bad filters with 400', async () => {
    const tenant = await ctx.newTenant();
    for (const query of [
      'rating=love',
      'agent_type=bot',
      'has_comment=perhaps',
      'created_from=today',
      'cursor=x',
      'limit=0',
    ]) {
      assert.equal((await ctx.request('GET', `/v1/feedback?${query}`, { key: tenant.key })).status, 400, query);
    }
  });
});

describeEachDialect('Anonymization and feedback', (ctx) => {
  it('blanks feedback comments, in the log and in the current feedback, and keeps the ratings', async () => {
    const tenant = await ctx.newTenant();
    const { conversation, messages } = await conversationWithMessages(ctx, tenant);
    await ctx.request('POST', `/v1/messages/${messages[1]!.uid}/feedback`, {
      key: tenant.key,
      body: { rating: 'dislike', comment: 'Call me on +47 99 88 77 66' },
    });
    await ctx.request('POST', `/v1/conversations/${conversation.id}/anonymize`, { key: tenant.key });
    const log = (await ctx.request('GET', `/v1/messages/${messages[1]!.uid}/feedback/history`, { key: tenant.key }))
      .body.data;
    assert.deepEqual(
      log.map((record: { rating: string; comment: string | null }) => [record.rating, record.comment]),
      [['dislike', null]],
    );
    const read = await ctx.request('GET', `/v1/conversations/${conversation.id}/messages`, { key: tenant.key });
    const message = read.body.data.find((item: { uid: string }) => item.uid === messages[1]!.uid);
    assert.deepEqual([message.my_feedback.rating, message.my_feedback.comment, message.comments], ['dislike', null, 0]);
  });
});

describeEachDialect('Feedback on an anonymized conversation', (ctx) => {
  it('is refused with 409: a new comment would bring personal data back', async () => {
    const tenant = await ctx.newTenant();
    const { conversation, messages } = await conversationWithMessages(ctx, tenant);
    await ctx.request('POST', `/v1/conversations/${conversation.id}/anonymize`, { key: tenant.key });
    const refused = await ctx.request('POST', `/v1/messages/${messages[1]!.uid}/feedback`, {
      key: tenant.key,
      body: { rating: 'dislike', comment: 'My card number is 4111…' },
    });
    assertError(refused, 409, 'conversation_anonymized');
    const log = (await ctx.request('GET', `/v1/messages/${messages[1]!.uid}/feedback/history`, { key: tenant.key }))
      .body.data;
    assert.equal(log.length, 0);
  });
});
