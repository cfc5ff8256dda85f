import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildApp, type App } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openDatabase, type Database } from '../src/db/database.js';
import { migrateDatabase } from '../src/migrate.js';
import { lowerPasswordCostForTests } from '../src/modules/accounts/passwords.js';
import { dialects } from './helpers/databases.js';
import { startReplicaPair, type ReplicaPair } from './helpers/replica.js';
import { PASSWORD, uniqueEmail } from './helpers/sessions.js';

lowerPasswordCostForTests(2 ** 10);

interface Node {
  app: App;
  database: Database;
}

/**
 * Analytics, exports and inbox reads on a real streaming replica (DATABASE_READ_URL), two Plaudit nodes on one
 * primary. Replaying is paused on the replica to tell its answers from the primary's: a figure that lags is the
 * replica's. The dashboard reads its own writes across nodes; everything else the replica serves.
 */
describe(
  'reads on a PostgreSQL read replica',
  { skip: dialects.includes('postgres') ? false : 'PostgreSQL only' },
  () => {
    let pair: ReplicaPair;
    const nodes: Node[] = [];
    let key: string;
    let otherKey: string;
    let email: string;
    let aiMessage: string;

    async function node(): Promise<Node> {
      const config = loadConfig({
        DATABASE_URL: pair.primaryUrl('plaudit'),
        DATABASE_READ_URL: pair.replicaUrl('plaudit'),
        DATABASE_POOL_SIZE: '4',
        LOG_LEVEL: 'silent',
        PUBLIC_URL: 'https://plaudit.test',
        SIGN_IN_RATE_LIMIT: '1000',
      });
      const database = openDatabase(config.database);
      const app = await buildApp({ config, database });
      nodes.push({ app, database });
      return { app, database };
    }

    const call = async (at: Node, method: string, url: string, headers: Record<string, string>, body?: unknown) => {
      const response = await at.app.inject({
        method: method as 'GET',
        url,
        headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
        ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
      });
      const type = String(response.headers['content-type'] ?? '');
      return {
        status: response.statusCode,
        from: response.headers['plaudit-read-from'],
        cookie: response.headers['set-cookie'],
        body: type.includes('json') && response.body ? JSON.parse(response.body) : response.body,
      };
    };
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    const likes = async (at: Node, headers: Record<string, string>) => {
      const response = await call(at, 'GET', '/v1/analytics/summary', headers);
      assert.equal(response.status, 200, JSON.stringify(response.body));
      return { likes: response.body.data.messages.likes as number, from: response.from };
    };
    const feedback = (at: Node, headers: Record<string, string>, rating: 'like' | 'dislike') =>
      call(at, 'POST', `/v1/messages/${aiMessage}/feedback`, headers, { rating });

    /** Waits until the replica has replayed everything the primary has written so far. */
    async function replicaCaughtUp(): Promise<void> {
      const target = pair.psql('primary', 'select pg_current_wal_lsn()');
      for (let tries = 0; tries < 200; tries += 1) {
        const behind = pair.psql('replica', `select pg_last_wal_replay_lsn() < '${target}'::pg_lsn`);
        if (behind === 'f') return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error('the replica did not catch up within 10 s');
    }

    before(async () => {
      pair = await startReplicaPair();
      pair.psql('primary', 'create database plaudit');
      const primary = openDatabase({ dialect: 'postgres', url: pair.primaryUrl('plaudit') });
      await migrateDatabase(primary);
      await primary.close();
      const [a] = [await node(), await node()];
      email = uniqueEmail('reader');
      const created = await a.app.services.accounts.createOrganization({
        name: 'Replicated',
        adminEmail: email,
        password: PASSWORD,
      });
      key = created.apiKey.api_key;
      otherKey = (await a.app.services.accounts.createOrganization({ name: 'Elsewhere' })).apiKey.api_key;
      const conversation = await call(a, 'POST', '/v1/conversations', bearer(key), {
        agent_type: 'ai',
        messages: [
          { role: 'user', text: 'Where is my parcel?' },
          { role: 'ai', text: 'It arrives tomorrow.' },
        ],
      });
      assert.equal(conversation.status, 201, JSON.stringify(conversation.body));
      aiMessage = conversation.body.data.messages[1].uid;
      await replicaCaughtUp();
    });

    after(async () => {
      for (const { app, database } of nodes) {
        await app.close();
        await database.close();
      }
      pair?.stop();
    });

    it('serves analytics, the inbox and exports from the replica: a change it has not replayed does not show', async () => {
      const [a, b] = nodes as [Node, Node];
      assert.deepEqual(await likes(a, bearer(key)), { likes: 0, from: 'replica' });
      pair.psql('replica', 'select pg_wal_replay_pause()');
      try {
        // A change through the other node: this node knows nothing of it, and the paused replica does not have it.
        assert.equal((await feedback(b, bearer(key), 'like')).status, 200);
        assert.deepEqual(await likes(a, bearer(key)), { likes: 0, from: 'replica' });
        const inbox = await call(a, 'GET', '/v1/inbox', bearer(key));
        assert.equal(inbox.status, 200);
        assert.equal(inbox.from, 'replica');
        const exported = await call(a, 'GET', '/v1/exports/feedback.jsonl', bearer(key));
        assert.equal(exported.status, 200, String(exported.body));
        assert.equal(exported.from, 'replica');
        assert.equal(String(exported.body).trim(), '', 'the paused replica has no feedback to export yet');
        // The node that made the change reads it back: from the primary, until the replica has it.
        assert.deepEqual(await likes(b, bearer(key)), { likes: 1, from: 'primary' });
      } finally {
        pair.psql('replica', 'select pg_wal_replay_resume()');
      }
      await replicaCaughtUp();
      assert.deepEqual(await likes(a, bearer(key)), { likes: 1, from: 'replica' });
      assert.deepEqual(await likes(b, bearer(key)), { likes: 1, from: 'replica' });
    });

    it('the dashboard reads its own change on any node right after it, and the replica again once it has it', async () => {
      const [a, b] = nodes as [Node, Node];
      const signIn = await call(b, 'POST', '/auth/sign-in', {}, { email, password: PASSWORD });
      assert.equal(signIn.status, 200, JSON.stringify(signIn.body));
      const session = /^plaudit_session=([^;]+);/.exec([signIn.cookie].flat()[0] ?? '')![1]!;
      const browser = { cookie: `plaudit_session=${session}`, 'x-csrf-token': signIn.body.data.csrf_token };

      pair.psql('replica', 'select pg_wal_replay_pause()');
      let readAfter: string;
      try {
        const changed = await feedback(b, browser, 'dislike');
        assert.equal(changed.status, 200, JSON.stringify(changed.body));
        const cookie = [changed.cookie].flat().find((value) => value?.startsWith('plaudit_read_after='));
        assert.ok(cookie, 'the change hands the browser the position to read after');
        readAfter = cookie.split(';')[0]!;
        const withPosition = { ...browser, cookie: `${browser.cookie}; ${readAfter}` };
        // Node A never saw the change; the browser's cookie sends its reads to the primary all the same.
        const seen = await call(a, 'GET', '/v1/analytics/summary', withPosition);
        assert.equal(seen.from, 'primary');
        assert.equal(seen.body.data.messages.dislikes, 1);
        // A key that changed nothing on node A still reads the paused replica, where the dislike is not yet.
        const stale = await call(a, 'GET', '/v1/analytics/summary', bearer(key));
        assert.deepEqual([stale.from, stale.body.data.messages.dislikes], ['replica', 0]);
      } finally {
        pair.psql('replica', 'select pg_wal_replay_resume()');
      }
      await replicaCaughtUp();
      const later = await call(a, 'GET', '/v1/analytics/summary', {
        ...browser,
        cookie: `${browser.cookie}; ${readAfter}`,
      });
      assert.deepEqual([later.from, later.body.data.messages.dislikes], ['replica', 1]);
    });

    it('another organization reads nothing of it on the replica', async () => {
      const [a] = nodes as [Node];
      const summary = await call(a, 'GET', '/v1/analytics/summary', bearer(otherKey));
      assert.equal(summary.from, 'replica');
      assert.equal(summary.body.data.messages.likes + summary.body.data.messages.dislikes, 0);
      const inbox = await call(a, 'GET', '/v1/inbox', bearer(otherKey));
      assert.deepEqual(inbox.body.data, []);
    });

    it('other reads and every write stay on the primary', async () => {
      const [a] = nodes as [Node];
      const conversations = await call(a, 'GET', '/v1/conversations', bearer(key));
      assert.equal(conversations.status, 200);
      assert.equal(conversations.from, undefined);
      // Changes and their transactions go to the primary; the replica refuses writes, so success says where they went.
      assert.equal((await feedback(a, bearer(key), 'like')).status, 200);
    });
  },
);

describe('DATABASE_READ_URL', () => {
  it('is refused beside a SQLite database, and when it is not a PostgreSQL URL', () => {
    assert.throws(
      () => loadConfig({ DATABASE_URL: 'sqlite::memory:', DATABASE_READ_URL: 'postgres://replica/plaudit' }),
      /DATABASE_READ_URL needs DATABASE_URL to be PostgreSQL/,
    );
    assert.throws(
      () => loadConfig({ DATABASE_URL: 'postgres://primary/plaudit', DATABASE_READ_URL: 'sqlite:replica.db' }),
      /DATABASE_READ_URL must be a postgres:\/\/ or postgresql:\/\/ URL/,
    );
  });
});
