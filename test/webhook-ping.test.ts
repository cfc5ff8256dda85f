import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { WebhookWorker } from '../src/modules/webhooks/index.js';
import { signWebhook } from '../src/modules/webhooks/signing.js';
import { assertError, describeEachDialect } from './helpers/app.js';
import { drain, startReceiver } from './helpers/receiver.js';

describeEachDialect('Webhook test events', (ctx) => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let worker: WebhookWorker;

  before(async () => {
    receiver = await startReceiver();
    worker = ctx.app.services.webhooks.createWorker({ retryDelaysMs: [0, 0, 0] });
  });
  after(() => receiver.close());

  it('sends a signed ping through the queue to one webhook, enabled or not, and logs the delivery', async () => {
    const tenant = await ctx.newTenant();
    const make = async (path: string, enabled: boolean) =>
      (
        await ctx.request('POST', '/v1/webhooks', {
          key: tenant.key,
          body: { url: receiver.url(path), event_types: ['feedback.created'], enabled },
        })
      ).body.data as { id: number; uid: string; secret: string };
    const tested = await make('/ping-tested', false);
    await make('/ping-other', true);

    const queued = await ctx.request('POST', `/v1/webhooks/${tested.id}/ping`, { key: tenant.key });
    assert.equal(queued.status, 202, JSON.stringify(queued.body));
    assert.equal(queued.body.data.event_type, 'ping');
    assert.equal(queued.body.data.status, 'pending');
    assert.equal(queued.body.data.attempt_count, 0);
    // Queued, not sent: the worker delivers it, like every event.
    assert.equal(receiver.received.length, 0);
    await drain(worker);

    const got = receiver.received.filter((event) => event.path === '/ping-tested');
    assert.equal(got.length, 1);
    assert.equal(receiver.received.filter((event) => event.path === '/ping-other').length, 0, 'the ping is for one');
    const [ping] = got;
    assert.equal(ping!.event.type, 'ping');
    assert.equal(ping!.event.data.webhook_uid, tested.uid);
    assert.equal(ping!.headers['webhook-id'], queued.body.data.webhook_id);
    const timestamp = Number(ping!.headers['webhook-timestamp']);
    assert.ok(Math.abs(timestamp - Date.now() / 1000) < 60);
    assert.equal(
      ping!.headers['webhook-signature'],
      signWebhook(tested.secret, ping!.headers['webhook-id']!, timestamp, ping!.body),
      'signed with the webhook’s secret',
    );

    const log = await ctx.request('GET', `/v1/webhooks/${tested.id}/deliveries`, { key: tenant.key });
    assert.equal(log.body.data.length, 1);
    const [delivery] = log.body.data;
    assert.equal(delivery.event_type, 'ping');
    assert.equal(delivery.status, 'succeeded');
    assert.equal(delivery.attempt_count, 1);
    assert.equal(delivery.last_status_code, 200);
    assert.equal(delivery.attempts.length, 1);
    assert.equal(delivery.attempts[0].status_code, 200);
    assert.ok(delivery.attempts[0].duration_ms >= 0);

    // A retry sends the same event again with the same webhook-id.
    const retried = await ctx.request('POST', `/v1/webhooks/${tested.id}/deliveries/${delivery.id}/retry`, {
      key: tenant.key,
    });
    assert.equal(retried.status, 202);
    await drain(worker);
    const again = receiver.received.filter((event) => event.path === '/ping-tested');
    assert.equal(again.length, 2);
    assert.equal(again[1]!.headers['webhook-id'], again[0]!.headers['webhook-id']);
  });

  it('refuses a missing webhook, another organization’s and a non-admin, and queues nothing', async () => {
    const owner = await ctx.newTenant();
    const other = await ctx.newTenant();
    const hook = (
      await ctx.request('POST', '/v1/webhooks', {
        key: owner.key,
        body: { url: receiver.url('/ping-foreign'), event_types: ['feedback.created'] },
      })
    ).body.data;
    assertError(await ctx.request('POST', '/v1/webhooks/987654321/ping', { key: owner.key }), 404, 'webhook_not_found');
    assertError(
      await ctx.request('POST', `/v1/webhooks/${hook.id}/ping`, { key: other.key }),
      404,
      'webhook_not_found',
    );
    const reader = await ctx.newKey(owner, ['read_all']);
    assertError(
      await ctx.request('POST', `/v1/webhooks/${hook.id}/ping`, { key: reader.key }),
      403,
      'insufficient_scope',
    );
    const deliveries = await ctx.request('GET', `/v1/webhooks/${hook.id}/deliveries`, { key: owner.key });
    assert.deepEqual(deliveries.body.data, []);
  });
});
