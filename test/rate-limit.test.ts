import assert from 'node:assert/strict';
import { createServer, Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { buildApp, type App } from '../src/app.js';
import type { Config } from '../src/config.js';
import { RedisUnavailableError } from '../src/http/rate-limits.js';
import { assertError, describeEachDialect, testConfig, type ApiResponse, type TestContext } from './helpers/app.js';
import { createTestDatabase, dialects, type TestDatabase } from './helpers/databases.js';
import { freePort } from './helpers/processes.js';
import { keysUnder, randomKeyPrefix, redisAnswers, testRedisUrl } from './helpers/redis.js';
import { assertRefused, withoutWrites } from './helpers/refusals.js';

const LIMIT = 3;

function assertCounted(response: ApiResponse, remaining: number): void {
  assert.equal(response.headers['ratelimit-limit'], String(LIMIT), JSON.stringify(response.headers));
  assert.equal(response.headers['ratelimit-remaining'], String(remaining));
  const reset = Number(response.headers['ratelimit-reset']);
  assert.ok(reset >= 1 && reset <= 60, `RateLimit-Reset ${reset} is within the minute`);
}

function assertLimited(response: ApiResponse): void {
  assert.equal(response.status, 429, JSON.stringify(response.body));
  assertCounted(response, 0);
  const retryAfter = Number(response.headers['retry-after']);
  assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
}

describeEachDialect(
  'the per-key API limit, counted in this process',
  (ctx: TestContext) => {
    it(`allows ${LIMIT} requests a minute per key with RateLimit-* headers, then 429 rate_limited with Retry-After`, async () => {
      const tenant = await ctx.newTenant();
      for (let remaining = LIMIT - 1; remaining >= 0; remaining -= 1) {
        const answer = await ctx.request('GET', '/v1/conversations', { key: tenant.key });
        assert.equal(answer.status, 200);
        assertCounted(answer, remaining);
      }
      const limited = await ctx.request('GET', '/v1/conversations', { key: tenant.key });
      assertLimited(limited);
      assertError(limited, 429, 'rate_limited', /Too many requests with this API key: 3 a minute/);
      assert.equal(limited.body.error.details.limit, LIMIT);
      assert.equal(limited.body.error.details.retry_after_seconds, Number(limited.headers['retry-after']));
    });

    it("counts each key apart: another key, also another organization's, keeps its allowance", async () => {
      const tenant = await ctx.newTenant();
      const other = await ctx.newTenant();
      const second = await ctx.newKey(tenant, ['read_all']);
      for (let i = 0; i < LIMIT; i += 1) await ctx.request('GET', '/v1/conversations', { key: tenant.key });
      assertLimited(await ctx.request('GET', '/v1/conversations', { key: tenant.key }));
      assertCounted(await ctx.request('GET', '/v1/conversations', { key: second.key }), LIMIT - 1);
      assertCounted(await ctx.request('GET', '/v1/conversations', { key: other.key }), LIMIT - 1);
    });

    it('does not count a request refused for its credentials', async () => {
      const tenant = await ctx.newTenant();
      for (let i = 0; i < LIMIT + 2; i += 1) {
        assertError(await ctx.request('GET', '/v1/conversations', { key: 'plaudit_nope' }), 401, 'invalid_api_key');
      }
      assertCounted(await ctx.request('GET', '/v1/conversations', { key: tenant.key }), LIMIT - 1);
    });

    it('writes nothing for a request refused past the limit', async () => {
      const tenant = await ctx.newTenant();
      for (let i = 0; i < LIMIT; i += 1) await ctx.request('GET', '/v1/conversations', { key: tenant.key });
      const refused = await withoutWrites(ctx.database, () =>
        ctx.request('POST', '/v1/conversations', { key: tenant.key, body: { channel: 'email' } }),
      );
      assertLimited(refused);
    });

    it('holds on the vendor-compatible surfaces too: the same headers, and 429 in the vendor shape', async () => {
      const tenant = await ctx.newTenant();
      const conversation = await ctx.request('POST', '/v1/conversations', { key: tenant.key, body: {} });
      assert.equal(conversation.status, 201);
      const path = `/beta/conversations/${conversation.body.data.uid}/ratings`;
      const listed = await ctx.request('GET', path, { key: tenant.key, bare: true });
      assert.equal(listed.status, 200, JSON.stringify(listed.body));
      assertCounted(listed, 1);
      assertCounted(await ctx.request('GET', path, { key: tenant.key, bare: true }), 0);
      const dixa = await ctx.request('GET', path, { key: tenant.key, bare: true });
      assertLimited(dixa);
      assertRefused(dixa, 'dixa', 429, 'rate_limited', /Too many requests/);

      const other = await ctx.newTenant();
      const configuration = '/v1/api/conversation_ratings/configuration';
      for (let remaining = LIMIT - 1; remaining >= 0; remaining -= 1) {
        assertCounted(await ctx.request('GET', configuration, { key: other.key }), remaining);
      }
      const quickchat = await ctx.request('GET', configuration, { key: other.key });
      assertLimited(quickchat);
      assertRefused(quickchat, 'quickchat', 429, 'rate_limited');
    });
  },
  { config: { apiRateLimit: LIMIT } },
);

/** A TCP relay to the test Redis that can be cut, as a Redis that goes away while the server runs. */
async function startRelay(): Promise<{ url: string; cut(): Promise<void> }> {
  const target = new URL(testRedisUrl);
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = new Socket();
    upstream.connect(Number(target.port || 6379), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => {});
      socket.on('close', () => sockets.delete(socket));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `redis://127.0.0.1:${port}`,
    cut: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
  };
}

const hasRedis = await redisAnswers();

for (const dialect of dialects) {
  describe(`rate limits shared through Redis by two apps on one database [${dialect}]`, { skip: !hasRedis }, () => {
    const prefix = randomKeyPrefix();
    let created: TestDatabase;
    let apps: App[] = [];
    const configFor = (extra: Partial<Config> = {}): Config => ({
      ...testConfig,
      redisUrl: testRedisUrl,
      redisKeyPrefix: prefix,
      apiRateLimit: LIMIT,
      ratingPageRateLimit: 2,
      signInRateLimit: 2,
      trustProxy: true,
      ...extra,
    });
    const inject = (app: App, path: string, key: string) =>
      app
        .inject({ url: path, headers: { authorization: `Bearer ${key}` } })
        .then((raw) => ({ status: raw.statusCode, body: raw.json(), headers: raw.headers, raw }) as ApiResponse);

    before(async () => {
      created = await createTestDatabase(dialect);
      apps = [
        await buildApp({ config: configFor(), database: created.database }),
        await buildApp({ config: configFor(), database: created.database }),
      ];
    });

    after(async () => {
      for (const app of apps) await app.close();
      await created?.drop();
      await keysUnder(prefix, true);
    });

    it('counts a key once across both apps, by its id and never the key itself', async () => {
      const [a, b] = apps as [App, App];
      const { apiKey } = await a.services.accounts.createOrganization({
        name: 'Shared',
        adminEmail: `s-${prefix}@t.invalid`,
      });
      assertCounted(await inject(a, '/v1/conversations', apiKey.api_key), 2);
      assertCounted(await inject(b, '/v1/conversations', apiKey.api_key), 1);
      assertCounted(await inject(a, '/v1/conversations', apiKey.api_key), 0);
      const limited = await inject(b, '/v1/conversations', apiKey.api_key);
      assertLimited(limited);
      assertError(limited, 429, 'rate_limited');

      const keys = await keysUnder(prefix);
      assert.ok(keys.includes(`${prefix}rate-limit:api:key:${apiKey.id}`), keys.join(', '));
      assert.ok(!keys.some((key) => key.includes(apiKey.api_key) || key.includes('plaudit_')), keys.join(', '));
    });

    it("shares the rating page's and sign-in's counts per client address", async () => {
      const [a, b] = apps as [App, App];
      const page = (app: App) => app.inject({ url: '/r/nothing-here', headers: { 'x-forwarded-for': '203.0.113.20' } });
      assert.equal((await page(a)).statusCode, 404);
      assert.equal((await page(b)).statusCode, 404);
      assert.equal((await page(a)).statusCode, 429);

      const signIn = (app: App) =>
        app.inject({
          method: 'POST',
          url: '/auth/sign-in',
          headers: { 'x-forwarded-for': '203.0.113.21', 'content-type': 'application/json' },
          payload: JSON.stringify({ email: 'nobody@t.invalid', password: 'wrong password' }),
        });
      assert.equal((await signIn(b)).statusCode, 401);
      assert.equal((await signIn(a)).statusCode, 401);
      const limited = await signIn(b);
      assert.equal(limited.statusCode, 429);
      assert.equal(limited.json().error.code, 'rate_limited');
    });

    it('stops the start when Redis does not answer, naming REDIS_URL', async () => {
      const port = await freePort();
      await assert.rejects(
        buildApp({ config: configFor({ redisUrl: `redis://127.0.0.1:${port}` }), database: created.database }),
        (error: unknown) =>
          error instanceof RedisUnavailableError &&
          error.message.includes(`127.0.0.1:${port}`) &&
          error.message.includes('REDIS_URL'),
      );
    });

    it('counts in this process while Redis is away, and serves every request', async () => {
      const relay = await startRelay();
      const app = await buildApp({ config: configFor({ redisUrl: relay.url }), database: created.database });
      try {
        const { apiKey } = await app.services.accounts.createOrganization({
          name: 'Cut',
          adminEmail: `c-${prefix}@t.invalid`,
        });
        assertCounted(await inject(app, '/v1/conversations', apiKey.api_key), 2);
        await relay.cut();
        // Counted anew in this process: the limit loosens to one allowance per node, and still holds.
        for (let remaining = LIMIT - 1; remaining >= 0; remaining -= 1) {
          const answer = await inject(app, '/v1/conversations', apiKey.api_key);
          assert.equal(answer.status, 200);
          assertCounted(answer, remaining);
        }
        assertLimited(await inject(app, '/v1/conversations', apiKey.api_key));
      } finally {
        await app.close();
      }
    });
  });
}
