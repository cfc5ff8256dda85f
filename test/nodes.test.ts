import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { createPostgresDatabase, dialects } from './helpers/databases.js';
import { runCliJson, startServer, type ServerProcess } from './helpers/processes.js';
import { startReceiver } from './helpers/receiver.js';
import { keysUnder, randomKeyPrefix, redisAnswers, testRedisUrl } from './helpers/redis.js';

const API_RATE_LIMIT = 10;
const NODES = 3;
const hasRedis = dialects.includes('postgres') && (await redisAnswers());

/** Waits until `done` holds, polling; fails with `what` after `ms`. */
async function waitFor(what: string, done: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** What the expiry sweeps of one node counted, from its debug log lines. */
function expiriesCounted(node: ServerProcess): number {
  let counted = 0;
  for (const line of node.output().split('\n')) {
    if (!line.includes('"expiry sweep"')) continue;
    counted += (JSON.parse(line) as { expiredRatings: number }).expiredRatings;
  }
  return counted;
}

describe(
  `${NODES} plaudit processes on one PostgreSQL and one Redis`,
  { skip: hasRedis ? false : 'needs PostgreSQL and Redis' },
  () => {
    const prefix = randomKeyPrefix();
    let database: { url: string; drop(): Promise<void> };
    let receiver: Awaited<ReturnType<typeof startReceiver>>;
    let orgId: number;
    let nodes: ServerProcess[] = [];
    const env = {
      REDIS_URL: testRedisUrl,
      REDIS_KEY_PREFIX: prefix,
      API_RATE_LIMIT: String(API_RATE_LIMIT),
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
      LOG_LEVEL: 'debug',
    };
    // Three starts at once on a busy machine take a while: more than WAIT_MS is allowed.
    const startNodes = () =>
      Promise.all(Array.from({ length: NODES }, () => startServer(database.url, { env, readyWithinMs: 90_000 })));
    /** A fresh key with both scopes: each allows API_RATE_LIMIT requests a minute, across all nodes. */
    const newKey = async (): Promise<string> =>
      (
        await runCliJson<{ apiKey: string }>(database.url, [
          'key',
          'create',
          '--org',
          String(orgId),
          '--scopes',
          'read_all,write_all',
        ])
      ).apiKey;
    const call = (node: ServerProcess, method: string, path: string, key: string, body?: unknown) =>
      fetch(`${node.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${key}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const created = async (response: Response): Promise<any> => {
      const text = await response.text();
      assert.ok(response.status === 200 || response.status === 201, `${response.status} ${text}`);
      return JSON.parse(text).data;
    };

    before(async () => {
      database = await createPostgresDatabase(process.env.PLAUDIT_TEST_PG_TEMPLATE);
      orgId = (await runCliJson<{ organization: { id: number } }>(database.url, ['org', 'create', '--name', 'Cluster']))
        .organization.id;
      receiver = await startReceiver();
      nodes = await startNodes();
    });

    after(async () => {
      await Promise.all(nodes.map((node) => node.kill()));
      await receiver?.close();
      await database?.drop();
      await keysUnder(prefix, true);
    });

    it(`holds one key to ${API_RATE_LIMIT} requests a minute across all nodes, the headers counting down on each`, async () => {
      const key = await newKey();
      const answers: Array<{ node: number; status: number; remaining: string | null; body: any }> = [];
      for (let i = 0; i < API_RATE_LIMIT + 5; i += 1) {
        const node = i % NODES;
        const response = await call(nodes[node]!, 'GET', '/v1/conversations', key);
        assert.equal(response.headers.get('ratelimit-limit'), String(API_RATE_LIMIT));
        answers.push({
          node,
          status: response.status,
          remaining: response.headers.get('ratelimit-remaining'),
          body: await response.json(),
        });
        if (response.status === 429) {
          assert.ok(Number(response.headers.get('retry-after')) > 0, 'Retry-After');
          assert.ok(Number(response.headers.get('ratelimit-reset')) > 0, 'RateLimit-Reset');
        }
      }
      const succeeded = answers.filter((answer) => answer.status === 200);
      assert.equal(succeeded.length, API_RATE_LIMIT, JSON.stringify(answers.map((answer) => answer.status)));
      assert.deepEqual(
        succeeded.map((answer) => answer.remaining),
        Array.from({ length: API_RATE_LIMIT }, (_, i) => String(API_RATE_LIMIT - 1 - i)),
      );
      assert.deepEqual(new Set(succeeded.map((answer) => answer.node)).size, NODES, 'every node served some');
      for (const refused of answers.slice(API_RATE_LIMIT)) {
        assert.equal(refused.status, 429);
        assert.equal(refused.remaining, '0');
        assert.equal(refused.body.error.code, 'rate_limited');
      }
      // Another key is counted apart, on any node.
      const other = await call(nodes[0]!, 'GET', '/v1/conversations', await newKey());
      assert.equal(other.status, 200);
      assert.equal(other.headers.get('ratelimit-remaining'), String(API_RATE_LIMIT - 1));
    });

    it('delivers each webhook event once although every node runs a delivery worker', async () => {
      const setup = await newKey();
      await created(
        await call(nodes[0]!, 'POST', '/v1/webhooks', setup, {
          url: receiver.url('/cluster'),
          event_types: ['feedback.created', 'rating.expired'],
        }),
      );
      const conversation = await created(
        await call(nodes[1]!, 'POST', '/v1/conversations', setup, {
          channel: 'widget_chat',
          agent_type: 'ai',
          agent_id: '5b0e6f2a-6a4f-4b8e-9a56-2f7d0c1e9a11',
          messages: Array.from({ length: 5 }, (_, i) => ({ role: 'ai', text: `Answer ${i}` })),
        }),
      );
      const messages: string[] = conversation.messages.map((message: { uid: string }) => message.uid);
      // 15 feedback records, round-robin over the nodes, with keys that stay under the limit.
      const keys = [await newKey(), await newKey()];
      let sent = 0;
      for (let i = 0; i < 15; i += 1) {
        const response = await call(
          nodes[i % NODES]!,
          'POST',
          `/v1/messages/${messages[i % 5]}/feedback`,
          keys[i % 2]!,
          {
            rating: i % 2 === 0 ? 'like' : 'dislike',
          },
        );
        await created(response);
        sent += 1;
      }
      const feedback = () => receiver.received.filter((event) => event.event.type === 'feedback.created');
      await waitFor(`${sent} feedback deliveries`, () => feedback().length >= sent);
      // Every worker polls each second: give them a few rounds to deliver anything twice.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      assert.equal(feedback().length, sent);
      assert.equal(new Set(feedback().map((event) => event.headers['webhook-id'])).size, sent);
    });

    it('counts each expired rating once when every node sweeps at the same moment', async () => {
      const [conversations, invites] = [await newKey(), await newKey()];
      const ratings = 8;
      for (let i = 0; i < ratings; i += 1) {
        const conversation = await created(
          await call(nodes[i % NODES]!, 'POST', '/v1/conversations', conversations, {}),
        );
        await created(
          await call(nodes[(i + 1) % NODES]!, 'POST', `/v1/conversations/${conversation.id}/rating-invites`, invites),
        );
      }
      // The cluster goes down; meanwhile the invites expire; all nodes come back at once and sweep as they start.
      await Promise.all(nodes.map((node) => node.kill()));
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        const { rowCount } = await client.query(
          "update ratings set expires_at = now() - interval '1 minute' where org_id = $1",
          [orgId],
        );
        assert.equal(rowCount, ratings);
      } finally {
        await client.end();
      }
      nodes = await startNodes();

      const expired = () => receiver.received.filter((event) => event.event.type === 'rating.expired');
      await waitFor(`${ratings} rating.expired deliveries`, () => expired().length >= ratings);
      await new Promise((resolve) => setTimeout(resolve, 3000));
      assert.equal(expired().length, ratings);
      assert.equal(new Set(expired().map((event) => event.event.data.rating_uid)).size, ratings, 'one per rating');
      assert.equal(new Set(expired().map((event) => event.headers['webhook-id'])).size, ratings);
      assert.equal(
        nodes.reduce((sum, node) => sum + expiriesCounted(node), 0),
        ratings,
        'the sweeps of all nodes together counted each rating once',
      );

      const funnel = await created(await call(nodes[2]!, 'GET', '/v1/analytics/funnel', await newKey()));
      assert.ok(funnel.offered > 0);
      assert.equal(funnel.expired, funnel.offered, JSON.stringify(funnel));
    });

    it('sends each due invite reminder once when every node sweeps at the same moment', async () => {
      const [setup, closer] = [await newKey(), await newKey()];
      await created(
        await call(nodes[0]!, 'PUT', '/v1/survey-rules', setup, {
          enabled: true,
          channels: [],
          agent_types: [],
          min_contact_messages: 0,
          sample_percent: 100,
          cooldown_days: 0,
          reminder_after_hours: 1,
        }),
      );
      await created(
        await call(nodes[1]!, 'POST', '/v1/webhooks', setup, {
          url: receiver.url('/reminders'),
          event_types: ['rating.reminder_due'],
        }),
      );
      // Closing offers the invites (the survey rules), each with its reminder an hour later.
      const invites = 6;
      for (let i = 0; i < invites; i += 1) {
        await created(await call(nodes[i % NODES]!, 'POST', '/v1/conversations', closer, { status: 'closed' }));
      }
      // The cluster goes down; meanwhile the reminders fall due; all nodes come back at once and sweep as they start.
      await Promise.all(nodes.map((node) => node.kill()));
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        const { rowCount } = await client.query(
          "update ratings set remind_at = now() - interval '1 minute' where org_id = $1 and remind_at is not null",
          [orgId],
        );
        assert.equal(rowCount, invites);
      } finally {
        await client.end();
      }
      nodes = await startNodes();

      const reminded = () => receiver.received.filter((event) => event.path === '/reminders');
      await waitFor(`${invites} rating.reminder_due deliveries`, () => reminded().length >= invites);
      await new Promise((resolve) => setTimeout(resolve, 3000));
      assert.equal(reminded().length, invites);
      assert.equal(new Set(reminded().map((event) => event.event.data.rating_uid)).size, invites, 'one per invite');
      for (const event of reminded()) assert.match(String(event.event.data.text), /\/r\/[A-Za-z0-9_-]+$/);
    });
  },
);
