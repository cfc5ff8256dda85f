import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Kysely } from 'kysely';
import { groupCommit } from '../src/db/group-commit.js';
import { assertError, describeEachDialect } from './helpers/app.js';

describeEachDialect('Group commit of hot writes', (ctx) => {
  async function conversationOf(tenantKey: string): Promise<number> {
    return (await ctx.request('POST', '/v1/conversations', { key: tenantKey, body: {} })).body.data.id;
  }

  it('stores every one of many concurrent messages (on SQLite in the order they arrived)', async () => {
    const tenant = await ctx.newTenant();
    const id = await conversationOf(tenant.key);
    const sent = Array.from({ length: 150 }, (_, i) => `message ${i}`);
    const answers = await Promise.all(
      sent.map((text) =>
        ctx.request('POST', `/v1/conversations/${id}/messages`, { key: tenant.key, body: { role: 'user', text } }),
      ),
    );
    assert.ok(answers.every((answer) => answer.status === 201));
    const stored = await ctx.database.db
      .selectFrom('messages')
      .select(['text'])
      .where('conversation_id', '=', id)
      .orderBy('id')
      .execute();
    const texts = stored.map((row) => row.text);
    // SQLite runs one write at a time, so arrival order is kept; PostgreSQL commits concurrent requests in parallel.
    assert.deepEqual(
      ctx.dialect === 'sqlite' ? texts : [...texts].sort(),
      ctx.dialect === 'sqlite' ? sent : [...sent].sort(),
    );
  });

  it('fails only the bad write of a batch; its neighbours are stored and answered', async () => {
    const tenant = await ctx.newTenant();
    const id = await conversationOf(tenant.key);
    const insert = groupCommit(ctx.database, (executor: Kysely<any>, row: { conversation: number; text: string }) =>
      executor
        .insertInto('messages')
        .values({
          uid: crypto.randomUUID(),
          org_id: tenant.orgId,
          conversation_id: row.conversation,
          role: 'user',
          text: row.text,
          author_id: null,
          created_at: new Date().toISOString(),
        })
        .execute(),
    );
    const results = await Promise.allSettled([
      insert({ conversation: id, text: 'a' }),
      insert({ conversation: 987_654_321, text: 'orphan' }), // no such conversation: the foreign key refuses it
      insert({ conversation: id, text: 'b' }),
    ]);
    assert.deepEqual(
      results.map((result) => result.status),
      ['fulfilled', 'rejected', 'fulfilled'],
    );
    const stored = await ctx.database.db
      .selectFrom('messages')
      .select('text')
      .where('conversation_id', '=', id)
      .execute();
    assert.deepEqual(stored.map((row) => row.text).sort(), ['a', 'b']);
  });

  it('answers each message of one turn as if it came alone: stored, refused for a stranger or an anonymized one', async () => {
    const tenant = await ctx.newTenant();
    const stranger = await ctx.newTenant();
    const byId = await conversationOf(tenant.key);
    const created = await ctx.request('POST', '/v1/conversations', { key: tenant.key, body: {} });
    const byUid: string = created.body.data.uid;
    const theirs = await conversationOf(stranger.key);
    const closed = await conversationOf(tenant.key);
    assert.equal((await ctx.request('POST', `/v1/conversations/${closed}/anonymize`, { key: tenant.key })).status, 200);
    const author = crypto.randomUUID();
    // Text that an array parameter must carry as it is: quotes, braces, commas, backslashes, line breaks, emoji.
    const tricky = 'He said "no", {twice}; C:\\path\\ and \'quotes\'\nnext line 👍 NULL';
    const sizes: number[] = [];
    const stop = ctx.database.groupCommits.onBatch((size) => sizes.push(size));
    const send = (ref: string | number, body: object) =>
      ctx.request('POST', `/v1/conversations/${ref}/messages`, { key: tenant.key, body });
    const [first, second, third, foreign, anonymized] = await Promise.all([
      send(byId, { role: 'user', text: tricky }),
      send(byUid, { role: 'agent', text: 'By UUID', author_id: author, created_at: '2026-11-30T08:00:00.000Z' }),
      send(byId, { role: 'ai', text: 'Third of the turn' }),
      send(theirs, { role: 'user', text: 'Not yours' }),
      send(closed, { role: 'user', text: 'Too late' }),
    ]);
    stop();
    // The five reached the database in one batch: on PostgreSQL in one statement, on SQLite in one transaction.
    assert.ok(Math.max(...sizes) > 1, `batch sizes ${sizes.join(', ')}`);
    assert.equal(first!.status, 201, JSON.stringify(first!.body));
    assert.equal(first!.body.data.text, tricky);
    assert.equal(second!.status, 201, JSON.stringify(second!.body));
    assert.equal(third!.status, 201, JSON.stringify(third!.body));
    assertError(foreign!, 404, 'conversation_not_found');
    assertError(anonymized!, 409, 'conversation_anonymized');

    const stored = await ctx.database.db
      .selectFrom('messages')
      .select(['uid', 'conversation_id', 'org_id', 'role', 'text', 'author_id', 'created_at'])
      .where('org_id', 'in', [tenant.orgId, stranger.orgId])
      .orderBy('id')
      .execute();
    const iso = (value: unknown) => new Date(String(value)).toISOString();
    assert.deepEqual(
      stored.map((row) => ({ ...row, created_at: iso(row.created_at) })),
      [
        { ...first!.body.data, org_id: tenant.orgId, conversation_id: byId },
        { ...second!.body.data, org_id: tenant.orgId, conversation_id: created.body.data.id },
        { ...third!.body.data, org_id: tenant.orgId, conversation_id: byId },
      ].map((message) => ({
        uid: message.uid,
        conversation_id: message.conversation_id,
        org_id: message.org_id,
        role: message.role,
        text: message.text,
        author_id: message.author_id,
        created_at: iso(message.created_at),
      })),
    );
    assert.equal(second!.body.data.author_id, author);
    // The inbox's search finds the conversation by the message's words: the batch wrote them too.
    const found = await ctx.request('GET', '/v1/inbox?q=twice', { key: tenant.key });
    assert.equal(found.status, 200, JSON.stringify(found.body));
    assert.deepEqual(
      found.body.data.map((item: { id: number }) => item.id),
      [byId],
    );
  });

  it('writes a batch with `many` on PostgreSQL, each alone when it fails; on SQLite in one transaction', async () => {
    const batches: number[][] = [];
    const alone: number[] = [];
    const write = groupCommit(
      ctx.database,
      async (_executor: Kysely<any>, item: number) => {
        if (item === 2) throw new Error('two is refused');
        alone.push(item);
      },
      {
        many: async (_executor, items) => {
          batches.push(items);
          throw new Error('the batch fails');
        },
      },
    );
    const results = await Promise.allSettled([1, 2, 3].map((item) => write(item)));
    assert.deepEqual(
      results.map((result) => result.status),
      ['fulfilled', 'rejected', 'fulfilled'],
    );
    if (ctx.dialect === 'postgres') {
      assert.deepEqual(batches, [[1, 2, 3]]);
      assert.deepEqual(alone, [1, 3], 'after the batch failed, each write ran alone');
    } else {
      assert.deepEqual(batches, [], 'SQLite shares a transaction instead');
      assert.deepEqual(alone, [1, 1, 3], 'the shared transaction ran 1 then failed on 2, then each ran alone');
    }
  });

  it('shares one transaction between writes of the same turn on SQLite, and writes alone on PostgreSQL', async () => {
    const executors: unknown[] = [];
    const write = groupCommit(ctx.database, async (executor: Kysely<any>) => {
      executors.push(executor);
    });
    await Promise.all(Array.from({ length: 20 }, () => write(undefined)));
    assert.equal(executors.length, 20);
    const shared = executors.every((executor) => executor === executors[0] && executor !== ctx.database.db);
    assert.equal(shared, ctx.dialect === 'sqlite');
  });
});
