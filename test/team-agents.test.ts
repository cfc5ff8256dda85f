import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, it } from 'node:test';
import { assertError, describeEachDialect, type Tenant } from './helpers/app.js';
import { withoutWrites } from './helpers/refusals.js';
import { PASSWORD, signIn, tenantWithPassword, uniqueEmail, withCookie, type Browser } from './helpers/sessions.js';

const NAMED = randomUUID();
const UNNAMED = randomUUID();
const FOREIGN = randomUUID();

const asSession = (browser: Browser) => ({ headers: withCookie(browser, { 'x-csrf-token': browser.csrf }) });

/**
 * Linking team members to the agents they are: Dana (admin) links Maja to the named agent "Maja Lind (Support)" and
 * Cole to an agent only a conversation named. Another organization has an agent of its own.
 */
describeEachDialect('The team: members linked to their agents', (ctx) => {
  let admin: Tenant & { email: string };
  let maja: { id: string; key: string; browser: Browser };
  let cole: { id: string; key: string };
  let other: Tenant & { email: string };
  let otherBrowser: Browser;
  const conversations: Record<'named' | 'unnamed', { id: number; messages: Array<{ uid: string }> }> = {} as any;

  const patchUser = (id: string, body: unknown, key = admin.key) =>
    ctx.request('PATCH', `/v1/users/${id}`, { key, body });
  const get = async (url: string, key = admin.key) => {
    const response = await ctx.request('GET', url, { key });
    assert.equal(response.status, 200, `${url}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const member = async (id: string) => (await get('/v1/users')).data.find((row: { id: string }) => row.id === id);
  /** The log's agent links, newest first: whose, the agent's name before and after, the agent after. */
  const agentChanges = async () =>
    (await get('/v1/audit-log?action=user.agent_changed')).data.map((entry: any) => [
      entry.subject_name,
      entry.details.before.agent_name,
      entry.details.after.agent_name,
      entry.details.after.agent_id,
    ]);

  before(async () => {
    admin = await tenantWithPassword(ctx, 'Northwind');
    await ctx.database.db.updateTable('users').set({ name: 'Dana Admin' }).where('id', '=', admin.userId).execute();
    const person = async (name: string) => {
      const email = uniqueEmail(name.split(' ')[0]!.toLowerCase());
      const created = await ctx.app.services.accounts.createUser({
        orgId: admin.orgId,
        email,
        name,
        role: 'agent',
        password: PASSWORD,
      });
      return { id: created.user.id, key: created.apiKey.api_key, email };
    };
    const majaUser = await person('Maja Lind');
    maja = { ...majaUser, browser: await signIn(ctx, majaUser.email) };
    cole = await person('Cole League');

    const put = await ctx.request('PUT', `/v1/agents/${NAMED}`, {
      key: admin.key,
      body: { type: 'human', name: 'Maja Lind (Support)' },
    });
    assert.equal(put.status, 201);
    const converse = async (agentId: string) => {
      const response = await ctx.request('POST', '/v1/conversations', {
        key: admin.key,
        body: {
          agent_id: agentId,
          agent_type: 'human',
          channel: 'chat',
          messages: [
            { role: 'user', text: 'My order is late.' },
            { role: 'agent', text: 'I am sorry, let me look.' },
          ],
        },
      });
      assert.equal(response.status, 201, JSON.stringify(response.body));
      const rating = await ctx.request('POST', `/v1/conversations/${response.body.data.id}/ratings`, {
        key: admin.key,
        body: { question_codes: ['CSAT'] },
      });
      const answered = await ctx.request('POST', `/v1/ratings/${rating.body.data.id}/answers`, {
        key: admin.key,
        body: { answers: [{ code: 'CSAT', value: 5 }] },
      });
      assert.equal(answered.status, 200, JSON.stringify(answered.body));
      return response.body.data;
    };
    conversations.named = await converse(NAMED);
    conversations.unnamed = await converse(UNNAMED);

    other = await tenantWithPassword(ctx, 'Elsewhere');
    otherBrowser = await signIn(ctx, other.email);
    const foreign = await ctx.request('PUT', `/v1/agents/${FOREIGN}`, {
      key: other.key,
      body: { type: 'human', name: 'Somebody Else' },
    });
    assert.equal(foreign.status, 201);
  });

  it('links a member to an agent of the directory: the member, /v1/me and the agent all say so', async () => {
    const linked = await patchUser(maja.id, { agent_id: NAMED });
    assert.equal(linked.status, 200, JSON.stringify(linked.body));
    assert.deepEqual(
      [linked.body.data.agent_id, linked.body.data.agent_name, linked.body.data.role],
      [NAMED, 'Maja Lind (Support)', 'agent'],
    );
    const listed = await member(maja.id);
    assert.deepEqual([listed.agent_id, listed.agent_name], [NAMED, 'Maja Lind (Support)']);
    assert.equal((await get('/v1/me', maja.key)).data.user.agent_id, NAMED);
    const me = await ctx.request('GET', '/v1/me', asSession(maja.browser));
    assert.equal(me.body.data.user.agent_id, NAMED, 'her dashboard session knows it too');
    assert.equal((await get(`/v1/agents/${NAMED}`)).data.user_id, maja.id);
    assert.equal((await member(cole.id)).agent_id, null);

    const again = await patchUser(maja.id, { agent_id: NAMED.toUpperCase() });
    assert.equal(again.status, 200);
    assert.deepEqual(
      await agentChanges(),
      [['Maja Lind', null, 'Maja Lind (Support)', NAMED]],
      'once, with before and after',
    );
  });

  it('names a linked person alike in the feedback they leave and in the analytics of their conversations', async () => {
    const linked = await patchUser(cole.id, { agent_id: UNNAMED });
    assert.equal(linked.status, 200);
    // The agent has no name of its own: Cole's stands in, on the team list as everywhere.
    assert.equal(linked.body.data.agent_name, 'Cole League');
    for (const [person, key] of [
      ['maja', maja.key],
      ['cole', cole.key],
    ] as const) {
      const response = await ctx.request('POST', `/v1/messages/${conversations.named.messages[1]!.uid}/feedback`, {
        key,
        body: { rating: 'like', comment: `Good answer (${person})` },
      });
      assert.equal(response.status, 200, JSON.stringify(response.body));
    }
    const feedback = (await get('/v1/feedback')).data.map((row: any) => row.author_name).sort();
    assert.deepEqual(feedback, ['Cole League', 'Maja Lind (Support)']);
    const analytics = (await get('/v1/analytics/agents')).data.map((row: any) => [row.agent_id, row.agent_name]);
    assert.deepEqual(
      analytics.sort((a: string[], b: string[]) => a[1]!.localeCompare(b[1]!)),
      [
        [UNNAMED, 'Cole League'],
        [NAMED, 'Maja Lind (Support)'],
      ],
    );
    const exported = await ctx.app.inject({
      method: 'GET',
      url: '/v1/exports/feedback.jsonl',
      headers: { authorization: `Bearer ${admin.key}` },
    });
    const authors = exported.body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line).author_name)
      .sort();
    assert.deepEqual(authors, ['Cole League', 'Maja Lind (Support)']);
  });

  it('unlinks with null: the agent no longer carries the member’s name', async () => {
    const unlinked = await patchUser(cole.id, { agent_id: null });
    assert.equal(unlinked.status, 200);
    assert.deepEqual([unlinked.body.data.agent_id, unlinked.body.data.agent_name], [null, null]);
    const agent = (await get(`/v1/agents/${UNNAMED}`)).data;
    assert.deepEqual([agent.name, agent.user_id], [null, null]);
    assert.equal((await get('/v1/me', cole.key)).data.user.agent_id, null);
    assert.deepEqual((await agentChanges())[0], ['Cole League', null, null, null], 'the newest entry');
  });

  it('refuses an agent missing from the directory, another organization’s, or one linked to someone else', async () => {
    const unknown = randomUUID();
    const missing = await withoutWrites(ctx.database, () => patchUser(cole.id, { agent_id: unknown }));
    assertError(missing, 404, 'agent_not_found', /PUT \/v1\/agents/);
    assertError(
      await withoutWrites(ctx.database, () => patchUser(cole.id, { agent_id: FOREIGN })),
      404,
      'agent_not_found',
    );
    assertError(
      await withoutWrites(ctx.database, () => patchUser(cole.id, { agent_id: NAMED })),
      409,
      'agent_already_linked',
      /Maja Lind is already linked/,
    );
    // All or nothing: the role in the same body is not changed either.
    assertError(
      await withoutWrites(ctx.database, () => patchUser(cole.id, { role: 'admin', agent_id: unknown })),
      404,
      'agent_not_found',
    );
    assert.equal((await member(cole.id)).role, 'agent');
    assertError(await withoutWrites(ctx.database, () => patchUser(cole.id, {})), 400, 'validation_failed');
    assertError(
      await withoutWrites(ctx.database, () => patchUser(cole.id, { agent_id: 'not-a-uuid' })),
      400,
      'validation_failed',
    );
    assert.equal(
      (await get('/v1/agents')).data.some((agent: { agent_id: string }) => agent.agent_id === unknown),
      false,
      'a refused link puts no agent in the directory',
    );
  });

  it("another organization's key and session neither change the team nor see its links", async () => {
    for (const options of [{ key: other.key }, asSession(otherBrowser)]) {
      const foreign = await withoutWrites(ctx.database, () =>
        ctx.request('PATCH', `/v1/users/${maja.id}`, { ...options, body: { agent_id: null } }),
      );
      assertError(foreign, 404, 'user_not_found');
      const theirs = await withoutWrites(ctx.database, () =>
        ctx.request('PATCH', `/v1/users/${other.userId}`, { ...options, body: { agent_id: NAMED } }),
      );
      assertError(theirs, 404, 'agent_not_found');
      const list = await ctx.request('GET', '/v1/users', options);
      assert.deepEqual(
        list.body.data.map((row: any) => [row.id, row.agent_id]),
        [[other.userId, null]],
      );
    }
    assert.equal((await member(maja.id)).agent_id, NAMED);
  });

  it('refuses the agent role with 403 forbidden_role, by key and by session', async () => {
    for (const options of [{ key: maja.key }, asSession(maja.browser)]) {
      for (const [id, body] of [
        [cole.id, { agent_id: UNNAMED }],
        [maja.id, { agent_id: null }],
      ] as const) {
        const refused = await withoutWrites(ctx.database, () =>
          ctx.request('PATCH', `/v1/users/${id}`, { ...options, body }),
        );
        assertError(refused, 403, 'forbidden_role', /admin/);
      }
    }
  });

  it('keeps a deactivated member’s role, but frees their agent for someone else', async () => {
    assert.equal((await patchUser(cole.id, { agent_id: UNNAMED })).status, 200);
    assert.equal((await ctx.request('POST', `/v1/users/${cole.id}/deactivate`, { key: admin.key })).status, 200);
    assertError(await patchUser(cole.id, { role: 'admin' }), 409, 'user_deactivated');
    assertError(await patchUser(admin.userId, { agent_id: UNNAMED }), 409, 'agent_already_linked', /Cole League/);
    const freed = await patchUser(cole.id, { agent_id: null });
    assert.deepEqual([freed.status, freed.body.data.status, freed.body.data.agent_id], [200, 'deactivated', null]);
    const dana = await patchUser(admin.userId, { agent_id: UNNAMED });
    assert.deepEqual([dana.status, dana.body.data.agent_name], [200, 'Dana Admin']);
  });
});
