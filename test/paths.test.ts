import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachDialect, type TestContext, type Tenant } from './helpers/app.js';
import { assertRefused, withoutWrites, type Surface } from './helpers/refusals.js';

const INT64_MAX = '9223372036854775807';
/** Beyond any id a row can have (ids are exact JavaScript numbers), yet a valid int64. */
const UNSAFE = '9007199254740993';

async function conversationOf(ctx: TestContext, tenant: Tenant): Promise<{ id: number; uid: string }> {
  const created = await ctx.request('POST', '/v1/conversations', {
    key: tenant.key,
    body: { messages: [{ role: 'user', text: 'Hello' }] },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body.data;
}

describeEachDialect('Paths: ids up to int64, unknown routes in each surface’s shape, trailing slashes', (ctx) => {
  it('an int64 id no row can have is the route’s own 404, on the native API and every vendor surface', async () => {
    const tenant = await ctx.newTenant();
    const webhook = await ctx.request('POST', '/v1/webhooks', {
      key: tenant.key,
      body: { url: 'https://hooks.example.com/x', event_types: ['rating.submitted'] },
    });
    assert.equal(webhook.status, 201, JSON.stringify(webhook.body));
    for (const id of [INT64_MAX, UNSAFE, '9999999999999999', '0']) {
      const cases: Array<[Surface, string, string, string, unknown?]> = [
        ['native', 'GET', `/v1/conversations/${id}`, 'conversation_not_found'],
        ['native', 'PATCH', `/v1/conversations/${id}`, 'conversation_not_found', { status: 'closed' }],
        ['native', 'POST', `/v1/conversations/${id}/messages`, 'conversation_not_found', { role: 'user', text: 'x' }],
        ['native', 'GET', `/v1/conversations/${id}/messages`, 'conversation_not_found'],
        ['native', 'POST', `/v1/conversations/${id}/anonymize`, 'conversation_not_found'],
        ['native', 'POST', `/v1/conversations/${id}/rating-invites`, 'conversation_not_found'],
        ['native', 'POST', `/v1/conversations/${id}/widget-tokens`, 'conversation_not_found'],
        ['native', 'GET', `/v1/ratings/${id}`, 'rating_not_found'],
        ['native', 'POST', `/v1/ratings/${id}/cancel`, 'rating_not_found'],
        ['native', 'GET', `/v1/webhooks/${id}`, 'webhook_not_found'],
        ['native', 'POST', `/v1/webhooks/${webhook.body.data.id}/deliveries/${id}/retry`, 'webhook_delivery_not_found'],
        ['native', 'DELETE', `/v1/api-keys/${id}`, 'api_key_not_found'],
        ['dixa', 'GET', `/beta/conversations/${id}/ratings`, 'conversation_not_found'],
        ['dixa', 'POST', `/beta/conversations/${id}/ratings/offer`, 'conversation_not_found', { ratingType: 'Csat' }],
        ['healvi', 'GET', `/third-party/v1/ratings/${id}`, 'rating_not_found'],
        ['healvi', 'POST', `/third-party/v1/conversations/${id}/invite-rating`, 'conversation_not_found'],
      ];
      for (const [surface, method, url, code, body] of cases) {
        const response = await withoutWrites(ctx.database, () =>
          ctx.request(method, url, { key: tenant.key, bare: surface === 'dixa', body }),
        );
        assertRefused(response, surface, 404, code);
      }
    }
  });

  it('an id beyond int64 is a 400 on every surface, never a query that overflows bigint', async () => {
    const tenant = await ctx.newTenant();
    for (const id of ['9223372036854775808', '99999999999999999999', '1'.repeat(40)]) {
      const cases: Array<[Surface, string]> = [
        ['native', `/v1/conversations/${id}`],
        ['native', `/v1/ratings/${id}`],
        ['native', `/v1/webhooks/${id}`],
        ['dixa', `/beta/conversations/${id}/ratings`],
        ['healvi', `/third-party/v1/ratings/${id}`],
      ];
      for (const [surface, url] of cases) {
        const response = await ctx.request('GET', url, { key: tenant.key, bare: surface === 'dixa' });
        assertRefused(response, surface, 400, 'validation_failed', /path\.(id|conversationId)/);
      }
      assertRefused(
        await ctx.request('DELETE', `/v1/api-keys/${id}`, { key: tenant.key }),
        'native',
        400,
        'validation_failed',
      );
    }
  });

  it('another organization’s record named with leading zeros is still not there', async () => {
    const tenant = await ctx.newTenant();
    const other = await ctx.newTenant();
    const theirs = await conversationOf(ctx, other);
    const padded = `000${theirs.id}`;
    assertRefused(
      await ctx.request('GET', `/v1/conversations/${padded}`, { key: tenant.key }),
      'native',
      404,
      'conversation_not_found',
    );
    const mine = await ctx.request('GET', `/v1/conversations/${padded}`, { key: other.key });
    assert.equal(mine.status, 200);
    const search = await ctx.request('GET', `/v1/inbox?q=${theirs.id}`, { key: tenant.key });
    assert.deepEqual(search.body.data, []);
    const huge = await ctx.request('GET', `/v1/inbox?q=${INT64_MAX}0`, { key: tenant.key });
    assert.equal(huge.status, 200, JSON.stringify(huge.body));
  });

  it('an unknown path under a vendor’s prefix answers 404 in that vendor’s shape, with or without a key', async () => {
    const tenant = await ctx.newTenant();
    const cases: Array<[Surface, string, string]> = [
      ['dixa', 'GET', '/beta/conversations'],
      ['dixa', 'POST', '/beta/conversations/1/ratings/offer/extra'],
      ['dixa', 'DELETE', '/beta/conversations/1/ratings'],
      ['healvi', 'GET', '/third-party/v1/nothing'],
      ['healvi', 'GET', '/third-party/'],
      ['quickchat', 'GET', '/v1/api/conversation_ratings'],
      ['quickchat', 'DELETE', '/v1/api/conversation_ratings/configuration'],
      ['exante', 'GET', '/api/agents/chat'],
      ['exante', 'PUT', '/api/agents/chat/x/messages'],
      ['native', 'GET', '/v1/nothing'],
      ['native', 'GET', '/nothing'],
    ];
    for (const [surface, method, url] of cases) {
      for (const key of [tenant.key, null]) {
        const response = await ctx.request(method, url, { key, bare: surface === 'dixa' });
        assertRefused(response, surface, 404, 'route_not_found', /No route/);
      }
    }
  });

  it('a trailing slash routes as the path without it', async () => {
    const tenant = await ctx.newTenant();
    const { id, uid } = await conversationOf(ctx, tenant);
    const pairs: Array<[string, string, boolean?]> = [
      ['/v1/conversations', '/v1/conversations/'],
      [`/v1/conversations/${id}`, `/v1/conversations/${id}/`],
      [`/v1/conversations/${id}/messages`, `/v1/conversations/${id}/messages/`],
      [`/beta/conversations/${id}/ratings`, `/beta/conversations/${id}/ratings/`, true],
      ['/third-party/v1/settings/general', '/third-party/v1/settings/general/'],
      ['/v1/api/conversation_ratings/configuration', '/v1/api/conversation_ratings/configuration/'],
      [`/api/agents/chat/${uid}/messages`, `/api/agents/chat/${uid}/messages/`],
      ['/health', '/health/'],
    ];
    for (const [plain, slashed, bare] of pairs) {
      const expected = await ctx.request('GET', plain, { key: tenant.key, bare });
      assert.equal(expected.status, 200, `${plain}: ${JSON.stringify(expected.body)}`);
      const response = await ctx.request('GET', slashed, { key: tenant.key, bare });
      assert.equal(response.status, 200, `${slashed}: ${JSON.stringify(response.body)}`);
      assert.deepEqual(response.body, expected.body);
    }
    const added = await ctx.request('POST', `/v1/conversations/${id}/messages/`, {
      key: tenant.key,
      body: { role: 'user', text: 'With a slash' },
    });
    assert.equal(added.status, 201, JSON.stringify(added.body));
  });
});
