import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import { describeEachDialect, type TestContext, type Tenant } from './helpers/app.js';
import { assertRefused, withoutWrites } from './helpers/refusals.js';

/** `{"x": [[[…]]]}` with `levels` arrays, as text: deeper than JSON.stringify of a literal would be written. */
function nestedArrays(levels: number): string {
  return `{"x":${'['.repeat(levels)}${']'.repeat(levels)}}`;
}

/** Metadata whose object and arrays nest `levels` levels deep in all (the metadata object counts as one). */
function metadataNested(levels: number): Record<string, unknown> {
  let value: unknown = 'leaf';
  for (let level = 1; level < levels; level += 1) value = [value];
  return { x: value };
}

async function conversationOf(ctx: TestContext, tenant: Tenant): Promise<{ id: number; uid: string }> {
  const created = await ctx.request('POST', '/v1/conversations', {
    key: tenant.key,
    body: { messages: [{ role: 'user', text: 'Hello' }] },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body.data;
}

describeEachDialect('Bounds: timestamps, days, nesting and UUIDs the engines could not take', (ctx) => {
  const json = { 'content-type': 'application/json' };

  it('query timestamps follow the rule body timestamps follow: real instants between 1970 and 9999', async () => {
    const tenant = await ctx.newTenant();
    await conversationOf(ctx, tenant);
    for (const list of ['/v1/conversations', '/v1/ratings', '/v1/feedback']) {
      for (const field of ['created_from', 'created_to']) {
        for (const value of [
          '2026-06-30T23:59:60Z',
          '0000-01-01T00:00:00Z',
          '1969-12-31T23:59:59Z',
          '2026-02-30T00:00:00Z',
        ]) {
          const response = await ctx.request('GET', `${list}?${field}=${encodeURIComponent(value)}`, {
            key: tenant.key,
          });
          assertRefused(response, 'native', 400, 'validation_failed', new RegExp(`^query\\.${field} .*1970 and 9999`));
        }
        for (const value of ['1970-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z', '2026-03-01T10:00:00+14:00']) {
          const response = await ctx.request('GET', `${list}?${field}=${encodeURIComponent(value)}`, {
            key: tenant.key,
          });
          assert.equal(response.status, 200, `${list}?${field}=${value}: ${JSON.stringify(response.body)}`);
        }
      }
    }
    const created = await ctx.request('GET', '/v1/conversations?created_from=1970-01-01T00:00:00Z', {
      key: tenant.key,
    });
    assert.equal(created.body.data.length, 1);
  });

  it('body timestamps refuse the leap second and year 0 alike, and write nothing', async () => {
    const tenant = await ctx.newTenant();
    const { id } = await conversationOf(ctx, tenant);
    for (const created_at of ['2026-06-30T23:59:60Z', '0000-01-01T00:00:00Z']) {
      const cases: Array<[string, string, unknown]> = [
        ['POST', '/v1/conversations', { created_at }],
        ['POST', `/v1/conversations/${id}/messages`, { role: 'user', text: 'x', created_at }],
        ['POST', `/v1/conversations/${id}/ratings`, { question_codes: ['CSAT'], offered_at: created_at }],
      ];
      for (const [method, url, body] of cases) {
        const response = await withoutWrites(ctx.database, () => ctx.request(method, url, { key: tenant.key, body }));
        assertRefused(response, 'native', 400, 'validation_failed', /1970 and 9999/);
      }
    }
  });

  it('a cursor that carries an impossible instant is 400 invalid_cursor', async () => {
    const tenant = await ctx.newTenant();
    for (const instant of ['0000-01-01T00:00:00.000Z', '+275760-09-13T00:00:00.000Z', '2026-01-01T00:00:00Z\u0000']) {
      const cursor = Buffer.from(JSON.stringify([instant, 1])).toString('base64url');
      for (const list of ['/v1/conversations', '/v1/ratings', '/v1/feedback', '/v1/inbox']) {
        const response = await ctx.request('GET', `${list}?cursor=${cursor}`, { key: tenant.key });
        assertRefused(response, 'native', 400, 'invalid_cursor');
      }
    }
  });

  it('days outside 1970-9999 are 400 invalid_date_range; the last day of 9999 in any time zone is not', async () => {
    const tenant = await ctx.newTenant();
    await conversationOf(ctx, tenant);
    for (const url of [
      '/v1/inbox?from=0000-01-01',
      '/v1/inbox?to=0999-12-31',
      '/v1/exports/conversations.csv?from=0000-01-01',
      '/v1/exports/ratings.jsonl?to=0001-01-01',
      '/v1/analytics/summary?from=0000-01-01&to=0000-01-10',
      '/v1/analytics/funnel?from=1969-12-25&to=1969-12-31',
    ]) {
      const response = await ctx.request('GET', url, { key: tenant.key });
      assertRefused(response, 'native', 400, 'invalid_date_range', /1970-01-01 and 9999-12-31/);
    }
    for (const tz of ['UTC', 'Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      const inbox = await ctx.request('GET', `/v1/inbox?from=1970-01-01&to=9999-12-31&tz=${tz}`, { key: tenant.key });
      assert.equal(inbox.status, 200, JSON.stringify(inbox.body));
      assert.equal(inbox.body.data.length, 1, `the conversation lies within 1970-9999 in ${tz}`);
      const file = await ctx.request('GET', `/v1/exports/conversations.jsonl?from=1970-01-01&to=9999-12-31&tz=${tz}`, {
        key: tenant.key,
      });
      assert.equal(file.status, 200, file.raw.body);
      assert.equal(file.raw.body.trim().split('\n').length, 1);
    }
    for (const interval of ['day', 'week', 'month']) {
      const url = `/v1/analytics/timeseries?from=9999-12-01&to=9999-12-31&interval=${interval}&tz=Pacific/Kiritimati`;
      const series = await ctx.request('GET', url, { key: tenant.key });
      assert.equal(series.status, 200, JSON.stringify(series.body));
      assert.ok(series.body.data.every((point: { period: string }) => /^9999-1[12]-\d\d$/.test(point.period)));
    }
    const summary = await ctx.request('GET', '/v1/analytics/summary?from=9999-12-25&to=9999-12-31', {
      key: tenant.key,
    });
    assert.equal(summary.status, 200, JSON.stringify(summary.body));
  });

  it('a body nested deeper than any document is 400 body_too_deep on every surface, before it is read', async () => {
    const tenant = await ctx.newTenant();
    const { id } = await conversationOf(ctx, tenant);
    const deep = nestedArrays(5000);
    const metadata = `{"metadata":${deep}}`;
    const cases: Array<[Parameters<typeof assertRefused>[1], string, string, string]> = [
      ['native', 'POST', '/v1/conversations', metadata],
      ['native', 'PATCH', `/v1/conversations/${id}`, metadata],
      ['native', 'POST', '/v1/conversations/import', `{"conversations":[{"external_id":"deep","metadata":${deep}}]}`],
      ['native', 'POST', `/v1/conversations/${id}/messages`, `{"role":"user","text":"x","extra":${deep}}`],
      ['dixa', 'POST', `/beta/conversations/${id}/ratings/offer`, `{"ratingType":"Csat","extra":${deep}}`],
      ['healvi', 'PATCH', '/third-party/v1/settings/general', `{"extra":${deep}}`],
      ['quickchat', 'PATCH', '/v1/api/conversation_ratings/configuration', `{"extra":${deep}}`],
      ['native', 'POST', '/auth/sign-in', `{"email":${deep},"password":"x"}`],
      // Deep and long: an object per level, each with a string holding brackets that must not count.
      ['native', 'POST', '/v1/conversations', `{"metadata":${'{"k":"[[{{\\"","n":'.repeat(2000)}1${'}'.repeat(2000)}}`],
    ];
    for (const [surface, method, url, payload] of cases) {
      const response = await withoutWrites(ctx.database, () =>
        ctx.request(method, url, { key: tenant.key, bare: surface === 'dixa', payload, headers: json }),
      );
      assertRefused(response, surface, 400, 'body_too_deep', /nest/);
    }
    // Brackets inside strings are text, not nesting.
    const brackets = await ctx.request('POST', '/v1/conversations', {
      key: tenant.key,
      body: { contact_name: '['.repeat(150), messages: [{ role: 'user', text: '{'.repeat(10_000) }] },
    });
    assert.equal(brackets.status, 201, JSON.stringify(brackets.body));
  });

  it('metadata may nest 10 levels and 16 KiB as JSON; more is a 400 naming the bound', async () => {
    const tenant = await ctx.newTenant();
    const { id } = await conversationOf(ctx, tenant);
    const deepest = metadataNested(10);
    const created = await ctx.request('POST', '/v1/conversations', { key: tenant.key, body: { metadata: deepest } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.deepEqual(created.body.data.metadata, deepest);

    const tooDeep = metadataNested(11);
    const tooLarge = { blob: 'x'.repeat(16 * 1024) };
    const cases: Array<[string, string, unknown, RegExp]> = [
      ['POST', '/v1/conversations', { metadata: tooDeep }, /^body\.metadata nests 11 levels deep; at most 10/],
      ['PATCH', `/v1/conversations/${id}`, { metadata: tooDeep }, /^body\.metadata nests 11 levels deep/],
      [
        'POST',
        '/v1/conversations/import',
        { conversations: [{ external_id: 'a', metadata: tooDeep }] },
        /^body\.conversations\[0\]\.metadata nests 11 levels/,
      ],
      ['POST', '/v1/conversations', { metadata: tooLarge }, /^body\.metadata is larger than 16384 bytes/],
      ['PATCH', `/v1/conversations/${id}`, { metadata: tooLarge }, /^body\.metadata is larger than 16384 bytes/],
    ];
    for (const [method, url, body, message] of cases) {
      const response = await withoutWrites(ctx.database, () => ctx.request(method, url, { key: tenant.key, body }));
      assertRefused(response, 'native', 400, 'validation_failed', message);
    }
  });

  it('UUIDs are the plain 8-4-4-4-12 form in queries and bodies; a urn:uuid: prefix is a 400, not a 500', async () => {
    const tenant = await ctx.newTenant();
    const { id } = await conversationOf(ctx, tenant);
    const urn = `urn:uuid:${randomUUID()}`;
    for (const url of [
      `/v1/conversations?agent_id=${urn}`,
      `/v1/conversations?contact_id=${urn}`,
      `/v1/ratings?agent_id=${urn}`,
      `/v1/inbox?agent_id=${urn}`,
      `/v1/analytics/summary?agent_id=${urn}`,
    ]) {
      assertRefused(await ctx.request('GET', url, { key: tenant.key }), 'native', 400, 'validation_failed', /uuid/);
    }
    const cases: Array<[string, string, unknown]> = [
      ['POST', '/v1/conversations', { agent_id: urn }],
      ['POST', `/v1/conversations/${id}/messages`, { role: 'agent', text: 'x', author_id: urn }],
      ['PATCH', `/v1/conversations/${id}`, { agent_id: urn }],
    ];
    for (const [method, url, body] of cases) {
      const response = await withoutWrites(ctx.database, () => ctx.request(method, url, { key: tenant.key, body }));
      assertRefused(response, 'native', 400, 'validation_failed', /uuid/);
    }
  });
});
