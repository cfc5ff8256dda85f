import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, it } from 'node:test';
import { buildApp, type App } from '../src/app.js';
import { sweepExpiries } from '../src/expiry-sweep.js';
import { startMetricsListener } from '../src/http/metrics.js';
import { TopicsService } from '../src/modules/topics/index.js';
import { assertError, describeEachDialect, testConfig, type Tenant } from './helpers/app.js';
import { createTestDatabase } from './helpers/databases.js';
import { parseScrape, type Scrape } from './helpers/metrics.js';

const TOKEN = 'metrics-token-0123456789abcdef';
const HISTOGRAM = 'plaudit_http_request_duration_seconds';

/** A receiver on 127.0.0.1 whose paths answer /ok 200, /gone 410 and /down 503. */
async function startReceiver() {
  const server: Server = createServer((request, response) => {
    request.resume().on('end', () => {
      const status = request.url === '/gone' ? 410 : request.url === '/down' ? 503 : 200;
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describeEachDialect(
  'Metrics',
  (ctx) => {
    const scrape = async (): Promise<Scrape> => {
      const response = await ctx.app.inject({
        method: 'GET',
        url: '/metrics',
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      assert.equal(response.statusCode, 200, response.body);
      assert.match(String(response.headers['content-type']), /^text\/plain; version=0\.0\.4/);
      return parseScrape(response.body);
    };
    const requests = (scraped: Scrape, method: string, route: string, status: number) =>
      scraped.value(`${HISTOGRAM}_count`, { method, route, status_code: String(status) });
    const conversation = async (tenant: Tenant) =>
      (
        await ctx.request('POST', '/v1/conversations', {
          key: tenant.key,
          body: { agent_type: 'ai', messages: [{ role: 'ai', text: 'Hello' }] },
        })
      ).body.data as { id: number; messages: Array<{ uid: string }> };

    it('refuses a scrape without the token, with another token or with an API key, in the native error shape', async () => {
      const tenant = await ctx.newTenant();
      for (const authorization of [undefined, `Bearer ${TOKEN}x`, 'Bearer ', TOKEN, `Bearer ${tenant.key}`]) {
        const response = await ctx.request('GET', '/metrics', authorization ? { headers: { authorization } } : {});
        assertError(response, 401, 'invalid_metrics_token');
        assert.equal(response.headers['www-authenticate'], 'Bearer realm="metrics"');
      }
      const accepted = await ctx.request('GET', '/metrics', { headers: { authorization: `bearer ${TOKEN}` } });
      assert.equal(accepted.status, 200);
    });

    it('counts requests by route pattern and status, never by URL, with a latency histogram', async () => {
      const tenant = await ctx.newTenant();
      const other = await ctx.newTenant();
      const ids = [(await conversation(tenant)).id, (await conversation(tenant)).id, (await conversation(tenant)).id];
      const before = await scrape();
      for (const id of ids) {
        assert.equal((await ctx.request('GET', `/v1/conversations/${id}`, { key: tenant.key })).status, 200);
      }
      // Another organization's key sees nothing of them, and counts as a 404 of the same route.
      const refused = await ctx.request('GET', `/v1/conversations/${ids[0]}`, { key: other.key });
      assertError(refused, 404, 'conversation_not_found');
      await ctx.request('GET', '/no/such/path/1');
      await ctx.request('GET', '/no/such/path/2');
      const afterwards = await scrape();

      const route = '/v1/conversations/:id';
      assert.equal(requests(afterwards, 'GET', route, 200) - requests(before, 'GET', route, 200), 3);
      assert.equal(requests(afterwards, 'GET', route, 404) - requests(before, 'GET', route, 404), 1);
      assert.equal(requests(afterwards, 'GET', 'unmatched', 404) - requests(before, 'GET', 'unmatched', 404), 2);
      assert.equal(afterwards.types.get(HISTOGRAM), 'histogram');
      // The buckets are cumulative and end in the count; the sum is a plausible time.
      const labels = { method: 'GET', route, status_code: '200' };
      const buckets = afterwards.matching(`${HISTOGRAM}_bucket`, labels);
      assert.equal(buckets.at(-1)!.labels.le, '+Inf');
      assert.equal(buckets.at(-1)!.value, afterwards.value(`${HISTOGRAM}_count`, labels));
      for (let n = 1; n < buckets.length; n += 1) assert.ok(buckets[n]!.value >= buckets[n - 1]!.value);
      const sum = afterwards.value(`${HISTOGRAM}_sum`, labels);
      assert.ok(sum > 0 && sum < 60, `sum ${sum}`);
      // No label carries an id or a path as it was sent.
      for (const sample of afterwards.matching(`${HISTOGRAM}_count`)) {
        assert.doesNotMatch(sample.labels.route!, /\/\d+(\/|$)|\/no\/such/, sample.labels.route);
      }
    });

    it('shows the database: group-commit batches and queue on SQLite, the pool on PostgreSQL', async () => {
      const tenant = await ctx.newTenant();
      const conv = await conversation(tenant);
      const before = await scrape();
      const writes = 5;
      const answers = await Promise.all(
        Array.from({ length: writes }, (_, n) =>
          ctx.request('POST', `/v1/messages/${conv.messages[0]!.uid}/feedback`, {
            key: tenant.key,
            body: { rating: n % 2 === 0 ? 'like' : 'dislike' },
          }),
        ),
      );
      for (const answer of answers) assert.equal(answer.status, 200, JSON.stringify(answer.body));
      const afterwards = await scrape();
      const route = '/v1/messages/:uid/feedback';
      assert.equal(requests(afterwards, 'POST', route, 200) - requests(before, 'POST', route, 200), writes);
      const batches = (scraped: Scrape, part: 'sum' | 'count') =>
        scraped.value(`plaudit_db_group_commit_batch_size_${part}`);
      if (ctx.dialect === 'sqlite') {
        // Every write is in exactly one batch; how many batches depends on the turns of the event loop.
        assert.equal(batches(afterwards, 'sum') - batches(before, 'sum'), writes);
        const count = batches(afterwards, 'count') - batches(before, 'count');
        assert.ok(count >= 1 && count <= writes, `batches ${count}`);
        assert.equal(afterwards.value('plaudit_db_group_commit_queued_writes'), 0);
        assert.equal(afterwards.matching('plaudit_db_pool_connections').length, 0);
      } else {
        // PostgreSQL commits each write on its own connection: no batches.
        assert.equal(batches(afterwards, 'count') - batches(before, 'count'), 0);
        const total = afterwards.value('plaudit_db_pool_connections');
        assert.ok(total >= 1 && total <= 5, `total ${total}`);
        assert.ok(afterwards.value('plaudit_db_pool_idle_connections') <= total);
        assert.equal(afterwards.value('plaudit_db_pool_waiting_queries'), 0);
        assert.equal(afterwards.value('plaudit_db_pool_max_connections'), 5);
        assert.equal(afterwards.matching('plaudit_db_group_commit_queued_writes').length, 0);
      }
    });

    it('counts the webhook outbox and what each attempt came to', async () => {
      const receiver = await startReceiver();
      const worker = ctx.app.services.webhooks.createWorker({ retryDelaysMs: [0] });
      try {
        const tenant = await ctx.newTenant();
        const hooks: Record<string, number> = {};
        for (const path of ['/ok', '/gone', '/down']) {
          const created = await ctx.request('POST', '/v1/webhooks', {
            key: tenant.key,
            body: { url: receiver.url(path), event_types: ['feedback.created'] },
          });
          assert.equal(created.status, 201, JSON.stringify(created.body));
          hooks[path] = created.body.data.id;
        }
        const before = await scrape();
        const conv = await conversation(tenant);
        const feedback = await ctx.request('POST', `/v1/messages/${conv.messages[0]!.uid}/feedback`, {
          key: tenant.key,
          body: { rating: 'like' },
        });
        assert.equal(feedback.status, 200);
        const queued = await scrape();
        const pending = (scraped: Scrape) => scraped.value('plaudit_webhook_deliveries_pending');
        assert.equal(pending(queued) - pending(before), 3);

        for (let round = 0; round < 10; round += 1) if ((await worker.runOnce()) === 0) break;
        const afterwards = await scrape();
        assert.equal(pending(afterwards), pending(before));
        const attempts = (scraped: Scrape, outcome: string) =>
          scraped.value('plaudit_webhook_attempts_total', { outcome });
        const delta = (outcome: string) => attempts(afterwards, outcome) - attempts(before, outcome);
        // /ok delivered; /gone refused for good; /down retried once, then out of retries.
        assert.deepEqual(
          { delivered: delta('delivered'), failed: delta('failed'), retried: delta('retried'), dead: delta('dead') },
          { delivered: 1, failed: 1, retried: 1, dead: 1 },
        );
        assert.equal(afterwards.types.get('plaudit_webhook_attempts_total'), 'counter');
      } finally {
        await worker.stop();
        await receiver.close();
      }
    });

    it('counts expiry sweeps and the ratings they expired', async () => {
      const tenant = await ctx.newTenant();
      for (let n = 0; n < 2; n += 1) {
        const conv = await conversation(tenant);
        await ctx.app.services.ratings.offerSurvey(tenant.orgId, String(conv.id), {
          codes: ['CSAT'],
          expiresAt: new Date(Date.now() - 1000).toISOString(),
        });
      }
      const before = await scrape();
      const swept = await sweepExpiries(ctx.app.services);
      assert.equal(swept.expiredRatings, 2);
      const again = await sweepExpiries(ctx.app.services);
      assert.equal(again.expiredRatings, 0);
      const afterwards = await scrape();
      const delta = (name: string, labels?: Record<string, string>) =>
        afterwards.value(name, labels) - before.value(name, labels);
      assert.equal(delta('plaudit_expiry_sweeps_total', { outcome: 'ok' }), 2);
      assert.equal(delta('plaudit_expiry_sweeps_total', { outcome: 'failed' }), 0);
      assert.equal(delta('plaudit_expiry_swept_ratings_total'), 2);
      assert.equal(
        delta('plaudit_expiry_deleted_total', { kind: 'widget_token' }),
        swept.deletedWidgetTokens + again.deletedWidgetTokens,
      );
    });

    it('counts topic runs, their failures and their durations', async () => {
      const tenant = await ctx.newTenant();
      const before = await scrape();
      assert.equal(await ctx.app.services.topics.computeOrganization(tenant.orgId), true);
      // A computation that fails, recorded in the same registry as the app's own.
      const failing = new TopicsService(ctx.database, ctx.app.services.analytics, {
        compute: () => Promise.reject(new Error('worker crashed')),
        onRun: (run) => ctx.app.services.metrics.recordTopicRun(run),
      });
      await assert.rejects(failing.computeOrganization(tenant.orgId), /worker crashed/);
      const afterwards = await scrape();
      const delta = (name: string, labels?: Record<string, string>) =>
        afterwards.value(name, labels) - before.value(name, labels);
      assert.equal(delta('plaudit_topic_runs_total', { outcome: 'ok' }), 1);
      assert.equal(delta('plaudit_topic_runs_total', { outcome: 'failed' }), 1);
      assert.equal(delta('plaudit_topic_run_duration_seconds_count'), 2);
      assert.equal(afterwards.types.get('plaudit_topic_run_duration_seconds'), 'histogram');
    });

    it("adds the process's own figures, event-loop lag among them, with the plaudit_ prefix", async () => {
      const scraped = await scrape();
      for (const name of [
        'plaudit_nodejs_eventloop_lag_seconds',
        'plaudit_nodejs_eventloop_lag_p99_seconds',
        'plaudit_process_cpu_user_seconds_total',
        'plaudit_process_resident_memory_bytes',
      ]) {
        assert.equal(scraped.matching(name).length, 1, name);
      }
      assert.ok(scraped.samples.every((sample) => sample.name.startsWith('plaudit_')));
    });

    it('keeps each app its own registry', async () => {
      const created = await createTestDatabase(ctx.dialect);
      const second = await buildApp({ config: { ...testConfig, metricsToken: TOKEN }, database: created.database });
      try {
        await ctx.request('GET', '/health');
        const own = await second.inject({
          method: 'GET',
          url: '/metrics',
          headers: { authorization: `Bearer ${TOKEN}` },
        });
        const scraped = parseScrape(own.body);
        assert.equal(scraped.matching(`${HISTOGRAM}_count`).length, 0);
        assert.ok(
          (await scrape()).value(`${HISTOGRAM}_count`, { method: 'GET', route: '/health', status_code: '200' }) >= 1,
        );
      } finally {
        await second.close();
        await created.drop();
      }
    });
  },
  { config: { metricsToken: TOKEN } },
);

describeEachDialect('Metrics without METRICS_TOKEN or METRICS_PORT', (ctx) => {
  it('are not served at all', async () => {
    assertError(await ctx.request('GET', '/metrics'), 404, 'route_not_found');
    assertError(
      await ctx.request('GET', '/metrics', { headers: { authorization: `Bearer ${TOKEN}` } }),
      404,
      'route_not_found',
    );
  });
});

describeEachDialect(
  'Metrics on METRICS_PORT',
  (ctx) => {
    let listener: Awaited<ReturnType<typeof startMetricsListener>> | undefined;
    const config = { metricsPort: 0, metricsHost: '127.0.0.1' };
    after(() => listener?.close());

    const serve = async (app: App, token?: string) => {
      await listener?.close();
      listener = await startMetricsListener(app.services.metrics, { ...config, metricsToken: token });
      return listener.url;
    };

    let tenant: Tenant;
    before(async () => {
      tenant = await ctx.newTenant();
    });

    it('are served on their own listener and not on the main port', async () => {
      const url = await serve(ctx.app);
      assertError(await ctx.request('GET', '/metrics'), 404, 'route_not_found');
      assert.equal((await ctx.request('GET', '/v1/conversations', { key: tenant.key })).status, 200);
      const response = await fetch(`${url}/metrics`);
      assert.equal(response.status, 200);
      const scraped = parseScrape(await response.text());
      assert.equal(
        scraped.value(`${HISTOGRAM}_count`, { method: 'GET', route: '/v1/conversations', status_code: '200' }),
        1,
      );
      const elsewhere = await fetch(`${url}/v1/conversations`);
      assert.equal(elsewhere.status, 404);
      assert.equal(((await elsewhere.json()) as { error: { code: string } }).error.code, 'route_not_found');
    });

    it('ask for METRICS_TOKEN there too when it is set', async () => {
      const url = await serve(ctx.app, TOKEN);
      const refused = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${tenant.key}` } });
      assert.equal(refused.status, 401);
      assert.equal(((await refused.json()) as { error: { code: string } }).error.code, 'invalid_metrics_token');
      const accepted = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
      assert.equal(accepted.status, 200);
      assert.match(await accepted.text(), /^# HELP /m);
    });
  },
  { config: { metricsPort: 0 } },
);
