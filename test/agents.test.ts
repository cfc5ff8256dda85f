import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, it } from 'node:test';
import { assertError, describeEachDialect, type Tenant } from './helpers/app.js';

/** The agents directory: PUT by UUID, GET one, GET the list with its filters and cursor. */
describeEachDialect('The agents directory', (ctx) => {
  let tenant: Tenant;

  const put = (uid: string, body: unknown, key = tenant.key) => ctx.request('PUT', `/v1/agents/${uid}`, { key, body });
  const get = (url: string, key = tenant.key) => ctx.request('GET', url, { key });
  const count = async () =>
    Number(
      (
        await ctx.database.db
          .selectFrom('agents')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('org_id', '=', tenant.orgId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  before(async () => {
    tenant = await ctx.newTenant('Directory');
  });

  it('creates an agent with 201, replaces it with 200, and answers it by its UUID in any case', async () => {
    const uid = randomUUID();
    const created = await put(uid.toUpperCase(), {
      type: 'ai',
      name: 'Nova',
      model: 'gpt-4o-mini',
      description: 'Answers order questions.',
      avatar_url: 'https://cdn.example.com/nova.png',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.deepEqual(
      { ...created.body.data, created_at: undefined, updated_at: undefined },
      {
        agent_id: uid,
        type: 'ai',
        name: 'Nova',
        email: null,
        avatar_url: 'https://cdn.example.com/nova.png',
        model: 'gpt-4o-mini',
        description: 'Answers order questions.',
        user_id: null,
        created_at: undefined,
        updated_at: undefined,
      },
    );

    // A PUT says everything: what it leaves out is cleared.
    const updated = await put(uid, { type: 'ai', name: 'Nova (AI assistant)' });
    assert.equal(updated.status, 200);
    assert.deepEqual(
      [updated.body.data.name, updated.body.data.model, updated.body.data.avatar_url],
      ['Nova (AI assistant)', null, null],
    );
    assert.equal(updated.body.data.created_at, created.body.data.created_at, 'created_at stays');
    const fetched = await get(`/v1/agents/${uid.toUpperCase()}`);
    assert.equal(fetched.status, 200);
    assert.deepEqual(fetched.body.data, updated.body.data);
  });

  it('refuses a model or a description on a human agent, and bad input, writing nothing', async () => {
    const before = await count();
    const uid = randomUUID();
    const model = await put(uid, { type: 'human', name: 'Maja Lind', model: 'gpt-4o' });
    assertError(model, 400, 'validation_failed', /body\.model describes an AI agent/);
    const description = await put(uid, { type: 'human', name: 'Maja Lind', description: 'Support lead' });
    assertError(description, 400, 'validation_failed', /body\.description describes an AI agent/);
    assertError(await put(uid, { type: 'human', name: '   ' }), 400, 'validation_failed', /body\.name is blank/);
    assertError(await put(uid, { type: 'robot', name: 'R2' }), 400, 'validation_failed');
    assertError(await put(uid, { name: 'No type' }), 400, 'validation_failed');
    assertError(await put(uid, { type: 'human', name: 'X', nickname: 'x' }), 400, 'validation_failed');
    assertError(await put(uid, { type: 'human', name: 'X', email: 'not-an-email' }), 400, 'validation_failed');
    assertError(
      await put(uid, { type: 'human', name: 'X', avatar_url: 'javascript:alert(1)' }),
      400,
      'validation_failed',
    );
    assertError(await put('not-a-uuid', { type: 'human', name: 'X' }), 400, 'validation_failed');
    assert.equal(await count(), before, 'a refused PUT wrote nothing');
    assertError(await get(`/v1/agents/${uid}`), 404, 'agent_not_found', new RegExp(uid));
    // A human agent may say null for them.
    assert.equal((await put(uid, { type: 'human', name: 'Maja Lind', model: null })).status, 201);
  });

  it('needs write_all to change the directory; read_all reads it', async () => {
    const reader = await ctx.newKey(tenant, ['read_all']);
    assertError(await put(randomUUID(), { type: 'human', name: 'X' }, reader.key), 403, 'insufficient_scope');
    assert.equal((await get('/v1/agents', reader.key)).status, 200);
  });

  it('lists newest first, by type and by part of the name or email, page by page', async () => {
    const org = await ctx.newTenant('Listing');
    const agents = [
      { uid: randomUUID(), body: { type: 'human', name: 'Maja Lind', email: 'maja@northwind.example' } },
      { uid: randomUUID(), body: { type: 'human', name: 'Jonas Berg', email: 'jonas@northwind.example' } },
      { uid: randomUUID(), body: { type: 'ai', name: 'Nova 100% (AI)', email: null } },
      { uid: randomUUID(), body: { type: 'human', name: 'Omar Farouk', email: 'omar_f@northwind.example' } },
    ];
    for (const agent of agents) assert.equal((await put(agent.uid, agent.body, org.key)).status, 201);
    const names = async (query: string) => {
      const { status, body } = await get(`/v1/agents${query}`, org.key);
      assert.equal(status, 200, JSON.stringify(body));
      return body.data.map((agent: { name: string }) => agent.name);
    };
    assert.deepEqual(await names(''), ['Omar Farouk', 'Nova 100% (AI)', 'Jonas Berg', 'Maja Lind']);
    assert.deepEqual(await names('?type=ai'), ['Nova 100% (AI)']);
    assert.deepEqual(await names('?type=human&q=ja'), ['Maja Lind']);
    assert.deepEqual(await names('?q=LIND'), ['Maja Lind'], 'any case');
    assert.deepEqual(await names('?q=jonas%40'), ['Jonas Berg'], 'the email');
    assert.deepEqual(await names('?q=northwind'), ['Omar Farouk', 'Jonas Berg', 'Maja Lind']);
    // LIKE's wildcards are characters here.
    assert.deepEqual(await names('?q=%25'), ['Nova 100% (AI)']);
    assert.deepEqual(await names('?q=_'), ['Omar Farouk']);
    assert.deepEqual(await names('?q=zzz'), []);

    const first = await get('/v1/agents?limit=3', org.key);
    assert.deepEqual(
      first.body.data.map((agent: { name: string }) => agent.name),
      ['Omar Farouk', 'Nova 100% (AI)', 'Jonas Berg'],
    );
    assert.ok(first.body.next_cursor);
    const second = await get(`/v1/agents?limit=3&cursor=${first.body.next_cursor}`, org.key);
    assert.deepEqual(
      second.body.data.map((agent: { name: string }) => agent.name),
      ['Maja Lind'],
    );
    assert.equal(second.body.next_cursor, null);
    assertError(await get('/v1/agents?cursor=bogus', org.key), 400, 'invalid_cursor');
    assertError(await get('/v1/agents?type=robot', org.key), 400, 'validation_failed');
    // Another organization's directory has none of these.
    assert.deepEqual(
      (await get('/v1/agents')).body.data.filter((agent: { agent_id: string }) =>
        agents.some((mine) => mine.uid === agent.agent_id),
      ),
      [],
    );
  });

  it('takes in, unnamed, every agent a conversation names: created, imported or assigned later', async () => {
    const org = await ctx.newTenant('Named by conversations');
    const [created, imported, importedAgain, assigned, untyped] = [1, 2, 3, 4, 5].map(() => randomUUID()) as [
      string,
      string,
      string,
      string,
      string,
    ];
    const conversation = await ctx.request('POST', '/v1/conversations', {
      key: org.key,
      body: { agent_id: created.toUpperCase(), agent_type: 'ai', messages: [{ role: 'user', text: 'Hello' }] },
    });
    assert.equal(conversation.status, 201);
    assert.equal(conversation.body.data.agent_name, null, 'an unnamed agent has no name yet');
    const agent = await get(`/v1/agents/${created}`, org.key);
    assert.equal(agent.status, 200);
    assert.deepEqual([agent.body.data.agent_id, agent.body.data.type, agent.body.data.name], [created, 'ai', null]);

    const result = await ctx.request('POST', '/v1/conversations/import', {
      key: org.key,
      body: {
        conversations: [
          { external_id: 'i-1', agent_id: imported, agent_type: 'human' },
          { external_id: 'i-2', agent_id: imported, agent_type: 'human' },
          { external_id: 'i-3', agent_id: importedAgain },
          { external_id: 'i-4', agent_id: created, agent_type: 'ai' },
        ],
      },
    });
    assert.equal(result.status, 200, JSON.stringify(result.body));
    const patch = await ctx.request('PATCH', `/v1/conversations/${conversation.body.data.id}`, {
      key: org.key,
      body: { agent_id: assigned, agent_type: 'human' },
    });
    assert.equal(patch.status, 200);
    await ctx.request('POST', '/v1/conversations', { key: org.key, body: { agent_id: untyped } });

    const list = (await get('/v1/agents', org.key)).body.data as Array<{ agent_id: string; type: string | null }>;
    const byId = new Map(list.map((row) => [row.agent_id, row.type]));
    assert.equal(list.length, 5, 'each agent once');
    assert.deepEqual(
      [byId.get(created), byId.get(imported), byId.get(importedAgain), byId.get(assigned), byId.get(untyped)],
      ['ai', 'human', null, 'human', null],
    );
    // The type a later conversation gives fills a type nobody gave; a type once known stays.
    await ctx.request('POST', '/v1/conversations', { key: org.key, body: { agent_id: untyped, agent_type: 'ai' } });
    await ctx.request('POST', '/v1/conversations', { key: org.key, body: { agent_id: created, agent_type: 'human' } });
    assert.equal((await get(`/v1/agents/${untyped}`, org.key)).body.data.type, 'ai');
    assert.equal((await get(`/v1/agents/${created}`, org.key)).body.data.type, 'ai');
    // Naming it later names it everywhere.
    assert.equal((await put(created, { type: 'ai', name: 'Nova' }, org.key)).status, 200);
    const fourth = result.body.data.conversations[3].id;
    assert.equal((await get(`/v1/conversations/${fourth}`, org.key)).body.data.agent_name, 'Nova');
    assert.equal((await get(`/v1/conversations/${conversation.body.data.id}`, org.key)).body.data.agent_name, null);
  });
});
