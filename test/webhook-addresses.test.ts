import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, it } from 'node:test';
import { WebhooksService, type WebhookWorker } from '../src/modules/webhooks/index.js';
import { assertError, describeEachDialect, type Tenant } from './helpers/app.js';

/** A receiver on 127.0.0.1 that records the paths it was sent. */
async function startReceiver() {
  const paths: string[] = [];
  const server: Server = createServer((request, response) => {
    paths.push(request.url ?? '/');
    request.resume().on('end', () => response.writeHead(200).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return { paths, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function drain(worker: WebhookWorker): Promise<void> {
  for (let round = 0; round < 20; round += 1) if ((await worker.runOnce()) === 0) break;
  await worker.stop();
}

/** DNS that answers `address` for every name. */
const answering = (address: string) => async () => [{ address, family: address.includes(':') ? 6 : 4 }];

// The production setting: private networks are off limits.
describeEachDialect(
  'Webhook addresses',
  (ctx) => {
    let receiver: Awaited<ReturnType<typeof startReceiver>>;
    let hooks = 0;

    before(async () => {
      receiver = await startReceiver();
    });
    after(() => receiver.close());

    const webhookRows = async (orgId: number) =>
      ctx.database.db.selectFrom('webhooks').select('id').where('org_id', '=', orgId).execute();

    /** A webhook on a name (which only the test's DNS knows) and one feedback event queued for it. */
    const hookWithEvent = async (tenant: Tenant) => {
      hooks += 1;
      const path = `/hook-${hooks}`;
      const created = await ctx.request('POST', '/v1/webhooks', {
        key: tenant.key,
        body: { url: `http://receiver.example:${receiver.port}${path}`, event_types: ['feedback.created'] },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const conversation = await ctx.request('POST', '/v1/conversations', {
        key: tenant.key,
        body: { messages: [{ role: 'ai', text: 'Hello' }] },
      });
      const feedback = await ctx.request('POST', `/v1/messages/${conversation.body.data.messages[0].uid}/feedback`, {
        key: tenant.key,
        body: { rating: 'like' },
      });
      assert.equal(feedback.status, 200);
      return { id: created.body.data.id as number, path };
    };

    it('answers 400 webhook_url_refused for a URL on an IPv6 form of a private IPv4 address, and stores nothing', async () => {
      const tenant = await ctx.newTenant();
      for (const host of [
        `[::127.0.0.1]:${receiver.port}`,
        '[::7f00:1]',
        '[::ffff:127.0.0.1]',
        '[0:0:0:0:0:ffff:7f00:1]',
        '[::ffff:0:a00:1]',
        '[64:ff9b::169.254.169.254]',
        '[64:ff9b:1::a00:1]',
        '[2002:c0a8:101::1]',
        '[2001:0:4136:e378:8000:63bf:80ff:fffe]',
      ]) {
        const response = await ctx.request('POST', '/v1/webhooks', {
          key: tenant.key,
          body: { url: `http://${host}/hook`, event_types: ['feedback.created'] },
        });
        assertError(response, 400, 'webhook_url_refused', /private or reserved address/);
      }
      const created = await ctx.request('POST', '/v1/webhooks', {
        key: tenant.key,
        body: { url: 'https://hooks.example.com/plaudit', event_types: ['feedback.created'] },
      });
      assert.equal(created.status, 201);
      const patched = await ctx.request('PATCH', `/v1/webhooks/${created.body.data.id}`, {
        key: tenant.key,
        body: { url: `http://[::127.0.0.1]:${receiver.port}/hook` },
      });
      assertError(patched, 400, 'webhook_url_refused');
      const listed = await ctx.request('GET', '/v1/webhooks', { key: tenant.key });
      assert.deepEqual(
        listed.body.data.map((hook: { url: string }) => hook.url),
        ['https://hooks.example.com/plaudit'],
      );
      assert.equal((await webhookRows(tenant.orgId)).length, 1);
    });

    it('refuses a delivery whose DNS answer is an IPv6 form of a private IPv4 address, and sends nothing', async () => {
      for (const address of ['::7f00:1', '::127.0.0.1', '::ffff:127.0.0.1', '64:ff9b::7f00:1', '2002:7f00:1::1']) {
        const tenant = await ctx.newTenant();
        const hook = await hookWithEvent(tenant);
        await drain(ctx.app.services.webhooks.createWorker({ resolve: answering(address) }));
        const deliveries = await ctx.request('GET', `/v1/webhooks/${hook.id}/deliveries`, { key: tenant.key });
        assert.equal(deliveries.body.data.length, 1);
        const [delivery] = deliveries.body.data;
        assert.equal(delivery.status, 'failed', `${address}: ${delivery.last_error}`);
        assert.match(delivery.last_error, /receiver\.example resolves to a private or reserved address/);
        assert.equal(delivery.attempts.length, 1, 'a refusal is not retried');
        assert.ok(!receiver.paths.includes(hook.path), `${address}: the receiver got nothing`);
      }
    });

    it('connects to the very address the checked lookup answered', async () => {
      const tenant = await ctx.newTenant();
      const hook = await hookWithEvent(tenant);
      // `receiver.example` exists in no DNS: the delivery can only arrive through the lookup the check answered.
      const allowing = new WebhooksService(ctx.database, { allowPrivateNetworks: true });
      await drain(allowing.createWorker({ resolve: answering('127.0.0.1') }));
      assert.ok(receiver.paths.includes(hook.path));
      const [delivery] = (await ctx.request('GET', `/v1/webhooks/${hook.id}/deliveries`, { key: tenant.key })).body
        .data;
      assert.equal(delivery.status, 'succeeded');
    });
  },
  { config: { webhookAllowPrivateNetworks: false } },
);
