import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Kysely } from 'kysely';
import { groupCommit } from '../src/db/group-commit.js';
import { describeEachDialect } from './helpers/app.js';

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
