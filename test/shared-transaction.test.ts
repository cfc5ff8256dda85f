import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Kysely } from 'kysely';
import { sharedTransactions } from '../src/db/shared-transaction.js';
import { describeEachDialect } from './helpers/app.js';

describeEachDialect('Shared transactions of answers', (ctx) => {
  async function conversationOf(tenantKey: string): Promise<number> {
    return (await ctx.request('POST', '/v1/conversations', { key: tenantKey, body: {} })).body.data.id;
  }

  it("answers each work's own result; a work that throws undoes only its own writes", async () => {
    const tenant = await ctx.newTenant();
    const id = await conversationOf(tenant.key);
    const run = sharedTransactions(ctx.database);
    const insert = (text: string) => async (trx: Kysely<any>) => {
      await trx
        .insertInto('messages')
        .values({
          uid: crypto.randomUUID(),
          org_id: tenant.orgId,
          conversation_id: id,
          role: 'user',
          text,
          author_id: null,
          created_at: new Date().toISOString(),
        })
        .execute();
      return text;
    };
    const results = await Promise.allSettled([
      run(insert('a')),
      run(async (trx) => {
        await insert('undone')(trx);
        throw new Error('refused after writing');
      }),
      run(insert('b')),
    ]);
    assert.deepEqual(
      results.map((result) => (result.status === 'fulfilled' ? result.value : (result.reason as Error).message)),
      ['a', 'refused after writing', 'b'],
    );
    const stored = await ctx.database.db
      .selectFrom('messages')
      .select('text')
      .where('conversation_id', '=', id)
      .execute();
    assert.deepEqual(stored.map((row) => row.text).sort(), ['a', 'b']);
  });

  it('settles no work before its transaction committed, and shares one on SQLite only', async () => {
    const run = sharedTransactions(ctx.database);
    const executors: unknown[] = [];
    let committed = 0;
    const works = Array.from({ length: 10 }, () =>
      run(async (trx) => {
        executors.push(trx);
        return committed;
      }).then((seen) => {
        committed += 1;
        return seen;
      }),
    );
    // Every work ran before any caller heard back: the answers follow the (one, on SQLite) commit.
    const seen = await Promise.all(works);
    if (ctx.dialect === 'sqlite') assert.deepEqual(seen, Array(10).fill(0));
    const shared = executors.every((executor) => executor === executors[0]);
    assert.equal(shared, ctx.dialect === 'sqlite');
  });

  it('records every one of many concurrent Dixa results, and refuses the bad one alone', async () => {
    const tenant = await ctx.newTenant();
    const conversation = await ctx.request('POST', '/v1/conversations', {
      key: tenant.key,
      body: { channel: 'phone', contact_id: crypto.randomUUID(), agent_id: crypto.randomUUID() },
    });
    const id = conversation.body.data.id as number;
    const offer = await ctx.request('POST', `/beta/conversations/${id}/ratings/offer`, {
      key: tenant.key,
      bare: true,
      body: { ratingType: 'Nps' },
    });
    assert.equal(offer.status, 201, JSON.stringify(offer.body));
    const submit = (value: number, type = 'Nps') =>
      ctx.request('POST', `/beta/conversations/${id}/ratings/${offer.body.data.id}/submit`, {
        key: tenant.key,
        bare: true,
        body: { ratingResult: { value, _type: type } },
      });
    // The Csat result is refused inside the shared transaction (the survey asks no such question), after the two before
    // it were written there.
    const answers = await Promise.all([submit(3), submit(4), submit(5, 'Csat'), submit(9)]);
    assert.deepEqual(
      answers.map((answer) => answer.status),
      [201, 201, 400, 201],
    );
    const ratings = await ctx.request('GET', `/beta/conversations/${id}/ratings`, { key: tenant.key, bare: true });
    if (ctx.dialect === 'sqlite') {
      // One turn's answers share a transaction in the order they came: the last one stands.
      assert.equal(ratings.body.data[0].ratingScore, 9);
    } else {
      // Each answer has a transaction of its own, which take the rating's lock in no set order: one of them stands.
      assert.ok([3, 4, 9].includes(ratings.body.data[0].ratingScore), String(ratings.body.data[0].ratingScore));
    }
  });
});
