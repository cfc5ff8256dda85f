import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { assertError, describeEachDialect, type Tenant } from './helpers/app.js';

/**
 * Versions on AI answers: stored and returned on every write path, filtered on lists, exports and analytics, with
 * figures worked out by hand below. Range 1-7 June 2026, UTC.
 *
 *   c1 (A1, chat, tags: checkout)  m1 user; m2 ai gpt-a v12 tags: beta (trace t-1, span s-1); m3 ai gpt-a v13
 *   c2 (A1, email)                 m4 ai gpt-b v13
 *   c3 (A2, chat)                  m5 ai (no version); after its rating, m6 ai v13 arrives
 * Feedback on 2 June: m2 U1 like, U2 dislike; m3 U1 like, U2 like, U3 dislike; m4 U1 dislike; m5 U1 like.
 * Ratings answered 3 June: c1 CSAT 5, c2 CSAT 2, c3 CSAT 4 (before m6).
 *
 *   prompt_version=v13  likes m3 2 + m4 0 = 2, dislikes 1 + 1 = 2; CSAT c1 5, c2 2, c3 4 → 2 of 3 satisfied, 66.67
 *   prompt_version=v12  likes 1, dislikes 1; CSAT c1 → 100
 *   tag=checkout        every message of c1: m2 + m3 = 3 likes, 2 dislikes; CSAT c1
 *   tag=beta            m2 only: 1 like, 1 dislike; CSAT c1 (its conversation carries the tag through m2)
 *   model=gpt-a         m2 + m3 = 3 likes, 2 dislikes; CSAT c1
 *   v13 and chat        m3: 2 likes, 1 dislike; CSAT c1 5, c3 4 → 100 (counted exactly: the rollups keep no channel)
 *   gpt-a and v13       m3: 2 likes, 1 dislike; CSAT c1 (two labels: counted exactly)
 */

const A1 = 'a1000000-0000-4000-8000-00000000000a';
const A2 = 'a2000000-0000-4000-8000-00000000000b';
const RANGE = 'from=2026-06-01&to=2026-06-07';

interface Summary {
  csat: { score: number | null; responses: number };
  messages: { likes: number; dislikes: number; like_rate: number | null };
}

describeEachDialect('Versions on AI answers', (ctx) => {
  let tenant: Tenant;
  let other: Tenant;
  const ids: Record<string, { id: number; uid: string }> = {};
  const messages: Record<string, string> = {};

  const summary = async (query: string, key = tenant.key) => {
    const response = await ctx.request('GET', `/v1/analytics/summary?${RANGE}&${query}`, { key });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    const { csat, messages: m } = response.body.data as Summary;
    return { likes: m.likes, dislikes: m.dislikes, csat: csat.responses, score: csat.score };
  };

  const exact = async (query: string) => {
    const input = Object.fromEntries(new URLSearchParams(`${RANGE}&${query}`));
    const data = await ctx.app.services.analytics.summary(tenant.orgId, input, { exact: true });
    return {
      likes: data.messages.likes,
      dislikes: data.messages.dislikes,
      csat: data.csat.responses,
      score: data.csat.score,
    };
  };

  /** An export's body, read as a client reads it. */
  const download = async (path: string) => {
    const raw = await ctx.app.inject({ method: 'GET', url: path, headers: { authorization: `Bearer ${tenant.key}` } });
    assert.equal(raw.statusCode, 200, raw.body);
    return raw.body;
  };
  const jsonLines = async (path: string) =>
    (await download(path))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, any>);

  const listed = async (path: string) => {
    const response = await ctx.request('GET', path, { key: tenant.key });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    const byId = new Map(Object.entries(ids).map(([name, { id }]) => [id, name]));
    return (response.body.data as Array<{ id: number }>).map((row) => byId.get(row.id) ?? `other ${row.id}`).sort();
  };

  async function users(count: number): Promise<string[]> {
    const made = [tenant.userId];
    for (let n = 1; n < count; n += 1) {
      const { user } = await ctx.app.services.accounts.createUser({
        orgId: tenant.orgId,
        email: `versions-${n}-${Math.random().toString(36).slice(2)}@test.invalid`,
      });
      made.push(user.id);
    }
    return made;
  }

  const feedback = async (userId: string, message: string, rating: 'like' | 'dislike', owner = tenant) => {
    const { feedback: service } = ctx.app.services;
    const target = await service.messageTarget(owner.orgId, messages[message]!);
    await service.recordMessageFeedback(target, userId, { rating }, '2026-06-02T12:00:00Z');
  };

  const rate = async (conversation: string, value: number, owner = tenant) => {
    const offered = await ctx.request('POST', `/v1/conversations/${ids[conversation]!.id}/ratings`, {
      key: owner.key,
      body: { question_codes: ['CSAT'], offered_at: '2026-06-03T09:00:00Z', expires_in_hours: 720 },
    });
    assert.equal(offered.status, 201, JSON.stringify(offered.body));
    const answered = await ctx.request('POST', `/v1/ratings/${offered.body.data.id}/answers`, {
      key: owner.key,
      body: { answers: [{ code: 'CSAT', value }], submitted_at: '2026-06-03T10:00:00Z' },
    });
    assert.equal(answered.status, 200, JSON.stringify(answered.body));
  };

  before(async () => {
    tenant = await ctx.newTenant('Versions');
    other = await ctx.newTenant('Versions elsewhere');
    const create = async (name: string, body: Record<string, unknown>, owner = tenant) => {
      const created = await ctx.request('POST', '/v1/conversations', { key: owner.key, body });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      ids[name] = { id: created.body.data.id, uid: created.body.data.uid };
      return created.body.data as { messages: Array<{ uid: string }> };
    };
    const at = '2026-06-01T08:00:00Z';
    const c1 = await create('c1', {
      agent_id: A1,
      agent_type: 'ai',
      channel: 'chat',
      tags: ['checkout'],
      created_at: at,
      messages: [
        { role: 'user', text: 'How do I pay?', created_at: at },
        {
          role: 'ai',
          text: 'By card.',
          model: 'gpt-a',
          prompt_version: 'v12',
          trace_id: 't-1',
          span_id: 's-1',
          tags: ['beta', 'beta'],
          created_at: at,
        },
        { role: 'ai', text: 'Or by invoice.', model: 'gpt-a', prompt_version: 'v13', created_at: at },
      ],
    });
    for (const [n, message] of c1.messages.entries()) messages[`m${n + 1}`] = message.uid;
    const c2 = await create('c2', {
      agent_id: A1,
      agent_type: 'ai',
      channel: 'email',
      created_at: at,
      messages: [{ role: 'ai', text: 'Your refund is on its way.', model: 'gpt-b', prompt_version: 'v13' }],
    });
    messages.m4 = c2.messages[0]!.uid;
    const c3 = await create('c3', {
      agent_id: A2,
      agent_type: 'ai',
      channel: 'chat',
      created_at: at,
      messages: [{ role: 'ai', text: 'Hello!' }],
    });
    messages.m5 = c3.messages[0]!.uid;

    const [u1, u2, u3] = await users(3);
    await feedback(u1!, 'm2', 'like');
    await feedback(u2!, 'm2', 'dislike');
    await feedback(u1!, 'm3', 'like');
    await feedback(u2!, 'm3', 'like');
    await feedback(u3!, 'm3', 'dislike');
    await feedback(u1!, 'm4', 'dislike');
    await feedback(u1!, 'm5', 'like');
    await rate('c1', 5);
    await rate('c2', 2);
    await rate('c3', 4);
    // A new version answers in c3 after its rating: the rating now counts for v13 too.
    const added = await ctx.request('POST', `/v1/conversations/${ids.c3!.id}/messages`, {
      key: tenant.key,
      body: { role: 'ai', text: 'Anything else?', prompt_version: 'v13', created_at: '2026-06-03T11:00:00Z' },
    });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    messages.m6 = added.body.data.uid;

    // Another organization, the same labels: none of it may count here.
    const elsewhere = await create(
      'x1',
      {
        agent_id: A1,
        agent_type: 'ai',
        tags: ['checkout'],
        messages: [{ role: 'ai', text: 'Hi', prompt_version: 'v13' }],
      },
      other,
    );
    messages.x1 = elsewhere.messages[0]!.uid;
    await feedback(other.userId, 'x1', 'dislike', other);
    await rate('x1', 1, other);
    delete ids.x1;
  });

  it('stores and returns the versions of a message and the tags of a conversation', async () => {
    const conversation = await ctx.request('GET', `/v1/conversations/${ids.c1!.id}`, { key: tenant.key });
    assert.deepEqual(conversation.body.data.tags, ['checkout']);
    const listed = await ctx.request('GET', `/v1/conversations/${ids.c1!.id}/messages`, { key: tenant.key });
    assert.equal(listed.status, 200);
    const [, m2, m3] = listed.body.data as Array<Record<string, unknown>>;
    assert.deepEqual(
      [m2!.model, m2!.prompt_version, m2!.trace_id, m2!.span_id, m2!.tags],
      ['gpt-a', 'v12', 't-1', 's-1', ['beta']],
      'a tag given twice is kept once',
    );
    assert.deepEqual([m3!.model, m3!.prompt_version, m3!.trace_id, m3!.tags], ['gpt-a', 'v13', null, []]);

    const added = await ctx.request('POST', `/v1/conversations/${ids.c2!.id}/messages`, {
      key: tenant.key,
      body: { role: 'user', text: 'Thanks', tags: ['closing'] },
    });
    assert.equal(added.status, 201);
    assert.deepEqual([added.body.data.model, added.body.data.tags], [null, ['closing']]);
  });

  it('refuses bad versions with 400 and writes nothing', async () => {
    const path = `/v1/conversations/${ids.c3!.id}/messages`;
    const count = async () =>
      (await ctx.request('GET', `/v1/conversations/${ids.c3!.id}`, { key: tenant.key })).body.data.message_count;
    const before = await count();
    const tooMany = Array.from({ length: 21 }, (_, n) => `t${n}`);
    for (const body of [
      { role: 'ai', text: 'x', tags: tooMany },
      { role: 'ai', text: 'x', tags: [' padded'] },
      { role: 'ai', text: 'x', tags: [''] },
      { role: 'ai', text: 'x', model: 'm'.repeat(201) },
      { role: 'ai', text: 'x', prompt_version: '' },
    ]) {
      assertError(await ctx.request('POST', path, { key: tenant.key, body }), 400, 'validation_failed');
    }
    assertError(
      await ctx.request('PATCH', `/v1/conversations/${ids.c3!.id}`, { key: tenant.key, body: { tags: tooMany } }),
      400,
      'validation_failed',
    );
    assert.equal(await count(), before);
    assert.deepEqual(await summary('tag=t0'), { likes: 0, dislikes: 0, csat: 0, score: null });
  });

  it('counts the figures of each version as worked out by hand, from the rollups and exactly alike', async () => {
    const cases: Array<[string, { likes: number; dislikes: number; csat: number; score: number | null }]> = [
      ['prompt_version=v13', { likes: 2, dislikes: 2, csat: 3, score: 66.67 }],
      ['prompt_version=v12', { likes: 1, dislikes: 1, csat: 1, score: 100 }],
      ['tag=checkout', { likes: 3, dislikes: 2, csat: 1, score: 100 }],
      ['tag=beta', { likes: 1, dislikes: 1, csat: 1, score: 100 }],
      ['model=gpt-a', { likes: 3, dislikes: 2, csat: 1, score: 100 }],
      ['model=gpt-b', { likes: 0, dislikes: 1, csat: 1, score: 0 }],
      ['prompt_version=v13&channel=chat', { likes: 2, dislikes: 1, csat: 2, score: 100 }],
      ['model=gpt-a&prompt_version=v13', { likes: 2, dislikes: 1, csat: 1, score: 100 }],
      ['prompt_version=v99', { likes: 0, dislikes: 0, csat: 0, score: null }],
    ];
    for (const [query, expected] of cases) {
      assert.deepEqual(await summary(query), expected, query);
      assert.deepEqual(await exact(query), expected, `${query}, counted exactly`);
    }
  });

  it('gives the agents, the time series and the knowledge gaps of a version', async () => {
    const agents = await ctx.request('GET', `/v1/analytics/agents?${RANGE}&prompt_version=v13`, { key: tenant.key });
    const rows = (agents.body.data as Array<Record<string, any>>).map((agent) => [
      agent.agent_id,
      agent.csat.responses,
      agent.messages.likes,
      agent.messages.dislikes,
    ]);
    assert.deepEqual(rows.sort(), [
      [A1, 2, 2, 2],
      [A2, 1, 0, 0],
    ]);
    const series = await ctx.request(
      'GET',
      `/v1/analytics/timeseries?${RANGE}&interval=day&metric=message_likes&prompt_version=v13`,
      { key: tenant.key },
    );
    const points = (series.body.data as Array<{ period: string; value: number | null; responses: number }>).filter(
      (point) => point.responses > 0,
    );
    assert.deepEqual(
      points.map(({ period, value, responses }) => [period, value, responses]),
      [['2026-06-02', 50, 4]],
    );
    const gaps = await ctx.request('GET', `/v1/analytics/knowledge-gaps?${RANGE}&prompt_version=v12`, {
      key: tenant.key,
    });
    assert.deepEqual(
      (gaps.body.data.messages as Array<{ message_uid: string }>).map((message) => message.message_uid),
      [messages.m2],
    );
    assert.deepEqual(
      (gaps.body.data.conversations as Array<{ conversation_id: number }>).map((rating) => rating.conversation_id),
      [],
      'c1 was rated 5: no low rating of v12',
    );
  });

  it('filters the conversations, the inbox and the exports by version', async () => {
    assert.deepEqual(await listed('/v1/conversations?prompt_version=v13'), ['c1', 'c2', 'c3']);
    assert.deepEqual(await listed('/v1/conversations?model=gpt-b'), ['c2']);
    assert.deepEqual(await listed('/v1/conversations?tag=checkout'), ['c1']);
    assert.deepEqual(await listed('/v1/inbox?prompt_version=v12'), ['c1']);
    assert.deepEqual(await listed('/v1/inbox?tag=beta'), ['c1']);

    const rows = await jsonLines('/v1/exports/feedback.jsonl?prompt_version=v13');
    assert.deepEqual(
      rows.map((row) => [
        row.message_uid === messages.m3 ? 'm3' : row.message_uid === messages.m4 ? 'm4' : '?',
        row.rating,
      ]),
      [
        ['m3', 'like'],
        ['m3', 'like'],
        ['m3', 'dislike'],
        ['m4', 'dislike'],
      ],
    );
    assert.deepEqual([rows[0]!.model, rows[0]!.prompt_version, rows[3]!.model], ['gpt-a', 'v13', 'gpt-b']);
    const lines = (await download('/v1/exports/feedback.csv?tag=beta')).trim().split('\r\n');
    assert.equal(lines.length, 3, 'the header and the two records on m2');
    assert.match(lines[1]!, /,gpt-a,v12,t-1,s-1,"\[""beta""\]"$/);
    const exportedConversations = await jsonLines('/v1/exports/conversations.jsonl?tag=checkout');
    assert.deepEqual(
      exportedConversations.map((row) => [row.conversation_id, row.tags]),
      [[ids.c1!.id, ['checkout']]],
    );
  });

  it("moves a conversation's figures when its tags change, and a rebuild counts the same", async () => {
    const patch = async (name: string, tags: string[]) => {
      const response = await ctx.request('PATCH', `/v1/conversations/${ids[name]!.id}`, {
        key: tenant.key,
        body: { tags },
      });
      assert.equal(response.status, 200, JSON.stringify(response.body));
      assert.deepEqual(response.body.data.tags, tags);
    };
    await patch('c1', ['returns']);
    await patch('c2', ['beta']);
    const expected: Array<[string, { likes: number; dislikes: number; csat: number; score: number | null }]> = [
      ['tag=checkout', { likes: 0, dislikes: 0, csat: 0, score: null }],
      ['tag=returns', { likes: 3, dislikes: 2, csat: 1, score: 100 }],
      // m2 carries beta itself; c2's messages carry it now through their conversation: m4's dislike.
      ['tag=beta', { likes: 1, dislikes: 2, csat: 2, score: 50 }],
      ['prompt_version=v13', { likes: 2, dislikes: 2, csat: 3, score: 66.67 }],
    ];
    for (const [query, figures] of expected) {
      assert.deepEqual(await summary(query), figures, query);
      assert.deepEqual(await exact(query), figures, `${query}, counted exactly`);
    }
    await ctx.app.services.analytics.rebuild(tenant.orgId);
    for (const [query, figures] of expected)
      assert.deepEqual(await summary(query), figures, `${query} after a rebuild`);
    assert.deepEqual(await listed('/v1/conversations?tag=checkout'), []);
    assert.deepEqual(await listed('/v1/conversations?tag=beta'), ['c1', 'c2']);
  });

  it('imports conversations with their versions', async () => {
    const imported = await ctx.request('POST', '/v1/conversations/import', {
      key: tenant.key,
      body: {
        conversations: [
          {
            external_id: 'import-1',
            tags: ['imported'],
            created_at: '2026-06-01T08:00:00Z',
            messages: [{ role: 'ai', text: 'Imported answer', model: 'gpt-c', prompt_version: 'v14', tags: ['x'] }],
          },
        ],
      },
    });
    assert.equal(imported.status, 200, JSON.stringify(imported.body));
    ids.i1 = imported.body.data.conversations[0];
    assert.deepEqual(await listed('/v1/conversations?prompt_version=v14'), ['i1']);
    assert.deepEqual(await listed('/v1/conversations?tag=imported'), ['i1']);
    assert.deepEqual(await listed('/v1/conversations?tag=x'), ['i1']);
    const conversation = await ctx.request('GET', `/v1/conversations/${ids.i1!.id}/messages`, { key: tenant.key });
    assert.deepEqual([conversation.body.data[0].model, conversation.body.data[0].tags], ['gpt-c', ['x']]);
  });

  it("shows another organization's key none of it", async () => {
    assert.deepEqual(await summary('prompt_version=v13', other.key), { likes: 0, dislikes: 1, csat: 1, score: 0 });
    const list = await ctx.request('GET', '/v1/conversations?prompt_version=v12', { key: other.key });
    assert.deepEqual(list.body.data, []);
    const inbox = await ctx.request('GET', '/v1/inbox?tag=beta', { key: other.key });
    assert.deepEqual(inbox.body.data, []);
  });
});
