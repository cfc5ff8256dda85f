import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { describeEachDialect, type ApiResponse, type Tenant, type TestContext } from './helpers/app.js';

const PUBLIC_URL = 'https://plaudit.test';
const RATINGS_URL = `${PUBLIC_URL}/third-party/v1/ratings`;
const DEFAULT_INVITE = 'Thank you for contacting us! How did we do? Please rate your conversation: {link}';

/** Asserts an answer in Healvi's error shape: `{"message": …}` and nothing else. */
function assertHealviError(response: ApiResponse, status: number, messagePattern?: RegExp): void {
  assert.equal(response.status, status, `expected ${status}, got ${response.status}: ${JSON.stringify(response.body)}`);
  assert.deepEqual(Object.keys(response.body), ['message']);
  assert.equal(typeof response.body.message, 'string');
  assert.ok(response.body.message.length > 0);
  if (messagePattern) assert.match(response.body.message, messagePattern);
}

async function newConversation(ctx: TestContext, tenant: Tenant): Promise<{ id: number; uid: string }> {
  const response = await ctx.request('POST', '/v1/conversations', {
    key: tenant.key,
    body: { channel: 'widget_chat' },
  });
  assert.equal(response.status, 201);
  return response.body.data;
}

/** Healvi's invite as its OpenAPI describes it: a POST without a body. */
function invite(ctx: TestContext, tenant: Tenant, conversation: number | string) {
  return ctx.request('POST', `/third-party/v1/conversations/${conversation}/invite-rating`, { key: tenant.key });
}

/** Answers a rating's stars question through the native API, as the rating page would. */
async function answerStars(ctx: TestContext, tenant: Tenant, ratingId: number, stars: number, comment?: string) {
  const response = await ctx.request('POST', `/v1/ratings/${ratingId}/answers`, {
    key: tenant.key,
    body: { answers: [{ code: 'STARS', value: stars }], ...(comment === undefined ? {} : { comment }) },
  });
  assert.equal(response.status, 200, JSON.stringify(response.body));
}

describeEachDialect('Healvi: POST /third-party/v1/conversations/{id}/invite-rating', (ctx) => {
  it('answers 200 with exactly text, link and the rating as Healvi documents them', async () => {
    const tenant = await ctx.newTenant();
    const conversation = await newConversation(ctx, tenant);
    const response = await invite(ctx, tenant, conversation.id);
    assert.equal(response.status, 200);
    assert.deepEqual(Object.keys(response.body), ['data']);
    const { data } = response.body;
    assert.deepEqual(Object.keys(data).sort(), ['link', 'rating', 'text']);
    assert.deepEqual(Object.keys(data.rating).sort(), ['code', 'comment', 'created_at', 'id', 'stars', 'updated_at']);
    assert.ok(Number.isInteger(data.rating.id));
    assert.equal(data.link, `${PUBLIC_URL}/r/${data.rating.code}`);
    assert.equal(data.text, DEFAULT_INVITE.replace('{link}', data.link));
    assert.equal(data.rating.stars, null);
    assert.equal(data.rating.comment, null);
    assert.ok(!Number.isNaN(Date.parse(data.rating.created_at)));
    assert.ok(!Number.isNaN(Date.parse(data.rating.updated_at)));
  });

  it('takes the conversation UUID too, and a JSON content type with an empty or an empty-object body', async () => {
    const tenant = await ctx.newTenant();
    const conversation = await newConversation(ctx, tenant);
    const first = await invite(ctx, tenant, conversation.uid);
    assert.equal(first.status, 200);
    const url = `/third-party/v1/conversations/${conversation.id}/invite-rating`;
    const empty = await ctx.request('POST', url, {
      key: tenant.key,
      payload: '',
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(empty.status, 200, JSON.stringify(empty.body));
    const object = await ctx.request('POST', url, { key: tenant.key, body: {} });
    assert.equal(object.status, 200);
    assert.deepEqual(empty.body, first.body);
    assert.deepEqual(object.body, first.body);
  });

  it('returns the same invite while it is unanswered, and a new one once it was answered', async () => {
    const tenant = await ctx.newTenant();
    const conversation = await newConversation(ctx, tenant);
    const first = (await invite(ctx, tenant, conversation.id)).body.data;
    const again = await invite(ctx, tenant, conversation.id);
    assert.equal(again.status, 200);
    assert.deepEqual(again.body.data, first);

    await answerStars(ctx, tenant, first.rating.id, 5, 'Quick and friendly');
    const next = await invite(ctx, tenant, conversation.id);
    assert.equal(next.status, 200);
    assert.notEqual(next.body.data.rating.id, first.rating.id);
    assert.notEqual(next.body.data.rating.code, first.rating.code);
    assert.equal(next.body.data.link, `${PUBLIC_URL}/r/${next.body.data.rating.code}`);
    assert.equal(next.body.data.rating.stars, null);

    const answered = await ctx.request('GET', `/third-party/v1/ratings/${first.rating.id}`, { key: tenant.key });
    assert.equal(answered.status, 200);
    assert.equal(answered.body.data.stars, 5);
    assert.equal(answered.body.data.comment, 'Quick and friendly');
    assert.equal(answered.body.data.code, first.rating.code);
  });

  it('renders the configured template: {link} replaced, and a template without it as it is', async () => {
    const tenant = await ctx.newTenant();
    const settings = '/third-party/v1/settings/general';
    await ctx.request('PATCH', settings, {
      key: tenant.key,
      body: { rating_invite_message: 'Rate us: {link} (thanks!)' },
    });
    const withLink = (await invite(ctx, tenant, (await newConversation(ctx, tenant)).id)).body.data;
    assert.equal(withLink.text, `Rate us: ${withLink.link} (thanks!)`);

    await ctx.request('PATCH', settings, { key: tenant.key, body: { rating_invite_message: 'Please rate us.' } });
    const without = (await invite(ctx, tenant, (await newConversation(ctx, tenant)).id)).body.data;
    assert.equal(without.text, 'Please rate us.');
    assert.equal(without.link, `${PUBLIC_URL}/r/${without.rating.code}`);
  });

  it("answers 404 for an unknown conversation and another organization's, and 400 for an id that is neither", async () => {
    const tenant = await ctx.newTenant();
    const other = await ctx.newTenant();
    const theirs = await newConversation(ctx, other);
    assertHealviError(await invite(ctx, tenant, theirs.id), 404);
    assertHealviError(await invite(ctx, tenant, theirs.uid), 404);
    assertHealviError(await invite(ctx, tenant, 999_999_999), 404);
    assertHealviError(await invite(ctx, tenant, 'abc'), 400, /path\.id/);
    const list = await ctx.request('GET', '/third-party/v1/ratings', { key: other.key });
    assert.equal(list.body.meta.total, 0, 'no invite was made on the other organization');
  });

  it('answers 401 without a key and 403 for a read_all key, in Healvi shape', async () => {
    const tenant = await ctx.newTenant();
    const conversation = await newConversation(ctx, tenant);
    const missing = await ctx.request('POST', `/third-party/v1/conversations/${conversation.id}/invite-rating`);
    assertHealviError(missing, 401);
    assert.equal(missing.headers['www-authenticate'], 'Bearer');
    const reader = await ctx.newKey(tenant, ['read_all']);
    const refused = await invite(ctx, { ...tenant, key: reader.key }, conversation.id);
    assertHealviError(refused, 403);
    assert.equal(refused.body.message, 'Insufficient token scope. Required: write_all');
    assert.equal((await ctx.request('GET', '/third-party/v1/ratings', { key: tenant.key })).body.meta.total, 0);
  });
});

describeEachDialect('Healvi: GET /third-party/v1/ratings', (ctx) => {
  let tenant: Tenant;
  let ids: number[];

  before(async () => {
    tenant = await ctx.newTenant();
    ids = [];
    for (let i = 0; i < 3; i += 1) {
      ids.push((await invite(ctx, tenant, (await newConversation(ctx, tenant)).id)).body.data.rating.id);
    }
    await answerStars(ctx, tenant, ids[0]!, 4);
  });

  const list = (query = '', key = tenant.key) => ctx.request('GET', `/third-party/v1/ratings${query}`, { key });

  it('lists every rating latest first, 100 to a page by default, in Laravel’s paginated shape', async () => {
    const response = await list();
    assert.equal(response.status, 200);
    assert.deepEqual(Object.keys(response.body).sort(), ['data', 'links', 'meta']);
    assert.deepEqual(
      response.body.data.map((rating: { id: number }) => rating.id),
      [...ids].reverse(),
    );
    assert.deepEqual(response.body.links, {
      first: `${RATINGS_URL}?per_page=100&page=1`,
      last: `${RATINGS_URL}?per_page=100&page=1`,
      prev: null,
      next: null,
    });
    assert.deepEqual(response.body.meta, {
      current_page: 1,
      from: 1,
      to: 3,
      last_page: 1,
      per_page: 100,
      total: 3,
      path: RATINGS_URL,
    });
  });

  it('pages by page and per_page', async () => {
    const first = await list('?per_page=2');
    assert.deepEqual(
      first.body.data.map((rating: { id: number }) => rating.id),
      [ids[2], ids[1]],
    );
    assert.deepEqual(first.body.links, {
      first: `${RATINGS_URL}?per_page=2&page=1`,
      last: `${RATINGS_URL}?per_page=2&page=2`,
      prev: null,
      next: `${RATINGS_URL}?per_page=2&page=2`,
    });
    assert.deepEqual(first.body.meta, {
      current_page: 1,
      from: 1,
      to: 2,
      last_page: 2,
      per_page: 2,
      total: 3,
      path: RATINGS_URL,
    });

    const second = await list('?page=2&per_page=2');
    assert.deepEqual(
      second.body.data.map((rating: { id: number }) => rating.id),
      [ids[0]],
    );
    assert.equal(second.body.data[0].stars, 4);
    assert.deepEqual(second.body.links, {
      first: `${RATINGS_URL}?per_page=2&page=1`,
      last: `${RATINGS_URL}?per_page=2&page=2`,
      prev: `${RATINGS_URL}?per_page=2&page=1`,
      next: null,
    });
    assert.equal(second.body.meta.from, 3);
    assert.equal(second.body.meta.to, 3);
    assert.equal(second.body.meta.current_page, 2);
  });

  it('answers an empty page past the end, with from and to null', async () => {
    const response = await list('?page=3&per_page=2');
    assert.equal(response.status, 200);
    assert.deepEqual(response.body.data, []);
    assert.equal(response.body.meta.from, null);
    assert.equal(response.body.meta.to, null);
    assert.equal(response.body.meta.last_page, 2);
    assert.equal(response.body.meta.total, 3);
    assert.equal(response.body.links.prev, `${RATINGS_URL}?per_page=2&page=2`);
    assert.equal(response.body.links.next, null);
  });

  it('keeps only rated ones with only_rated=1, and keeps the filter in the links', async () => {
    const response = await list('?only_rated=1&per_page=2');
    assert.deepEqual(
      response.body.data.map((rating: { id: number; stars: number }) => [rating.id, rating.stars]),
      [[ids[0], 4]],
    );
    assert.deepEqual(response.body.links, {
      first: `${RATINGS_URL}?only_rated=1&per_page=2&page=1`,
      last: `${RATINGS_URL}?only_rated=1&per_page=2&page=1`,
      prev: null,
      next: null,
    });
    assert.equal(response.body.meta.total, 1);
    assert.equal((await list('?only_rated=0')).body.meta.total, 3);
  });

  it('answers an organization without ratings with an empty first page', async () => {
    const other = await ctx.newTenant();
    const response = await list('', other.key);
    assert.deepEqual(response.body.data, []);
    assert.deepEqual(response.body.meta, {
      current_page: 1,
      from: null,
      to: null,
      last_page: 1,
      per_page: 100,
      total: 0,
      path: RATINGS_URL,
    });
    assert.equal(response.body.links.last, `${RATINGS_URL}?per_page=100&page=1`);
  });

  for (const query of [
    '?page=0',
    '?page=-1',
    '?page=abc',
    '?page=1.5',
    '?per_page=0',
    '?per_page=101',
    '?per_page=x',
    '?only_rated=yes',
  ]) {
    it(`answers 400 for ${query}`, async () => {
      assertHealviError(await list(query), 400, /^query\.(page|per_page|only_rated) /);
    });
  }

  it('lets a read_all key list, and refuses a request without a key with 401', async () => {
    const reader = await ctx.newKey(tenant, ['read_all']);
    assert.equal((await list('', reader.key)).status, 200);
    assertHealviError(await ctx.request('GET', '/third-party/v1/ratings'), 401);
  });
});

describeEachDialect('Healvi: GET /third-party/v1/ratings/{id}', (ctx) => {
  it('answers one rating by integer id or UUID', async () => {
    const tenant = await ctx.newTenant();
    const invited = (await invite(ctx, tenant, (await newConversation(ctx, tenant)).id)).body.data;
    const response = await ctx.request('GET', `/third-party/v1/ratings/${invited.rating.id}`, { key: tenant.key });
    assert.equal(response.status, 200);
    assert.deepEqual(response.body, { data: invited.rating });
    const native = await ctx.request('GET', `/v1/ratings/${invited.rating.id}`, { key: tenant.key });
    const byUid = await ctx.request('GET', `/third-party/v1/ratings/${native.body.data.uid}`, { key: tenant.key });
    assert.deepEqual(byUid.body, response.body);
  });

  it("answers 404 for an unknown rating and for another organization's", async () => {
    const tenant = await ctx.newTenant();
    const other = await ctx.newTenant();
    const theirs = (await invite(ctx, other, (await newConversation(ctx, other)).id)).body.data.rating;
    assertHealviError(await ctx.request('GET', `/third-party/v1/ratings/${theirs.id}`, { key: tenant.key }), 404);
    assertHealviError(await ctx.request('GET', '/third-party/v1/ratings/999999999', { key: tenant.key }), 404);
    assert.equal((await ctx.request('GET', '/third-party/v1/ratings', { key: tenant.key })).body.meta.total, 0);
  });
});

describeEachDialect('Healvi: GET and PATCH /third-party/v1/settings/general', (ctx) => {
  const URL = '/third-party/v1/settings/general';
  const defaults = {
    rating_invite_message: null,
    rating_external_link: null,
    custom_tenant_name: null,
    logo_url: null,
    primary_color: null,
  };

  it('answers the defaults before anything was set', async () => {
    const tenant = await ctx.newTenant();
    const response = await ctx.request('GET', URL, { key: tenant.key });
    assert.equal(response.status, 200);
    assert.deepEqual(response.body, { data: defaults });
  });

  it('changes any subset, shows it on the native settings, and resets a field with null', async () => {
    const tenant = await ctx.newTenant();
    const all = {
      rating_invite_message: 'How did we do? {link}',
      rating_external_link: 'https://g.page/r/example/review',
      custom_tenant_name: 'Acme Support',
      logo_url: 'https://cdn.example.com/logo.png',
      primary_color: '#0a0',
    };
    const patched = await ctx.request('PATCH', URL, { key: tenant.key, body: all });
    assert.equal(patched.status, 200);
    assert.deepEqual(patched.body, { data: all });
    assert.deepEqual((await ctx.request('GET', URL, { key: tenant.key })).body, { data: all });

    const native = (await ctx.request('GET', '/v1/rating-settings', { key: tenant.key })).body.data;
    assert.equal(native.invite_message, all.rating_invite_message);
    assert.equal(native.review_link, all.rating_external_link);
    assert.equal(native.brand_name, all.custom_tenant_name);
    assert.equal(native.logo_url, all.logo_url);
    assert.equal(native.primary_color, all.primary_color);

    const subset = await ctx.request('PATCH', URL, {
      key: tenant.key,
      body: { primary_color: '#112233', custom_tenant_name: null, not_a_plaudit_setting: 'ignored' },
    });
    assert.equal(subset.status, 200);
    assert.deepEqual(subset.body.data, { ...all, primary_color: '#112233', custom_tenant_name: null });
    const empty = await ctx.request('PATCH', URL, { key: tenant.key, body: {} });
    assert.deepEqual(empty.body, subset.body);

    // A native change shows on the Healvi surface too: one set of settings.
    await ctx.request('PATCH', '/v1/rating-settings', { key: tenant.key, body: { review_link: null } });
    assert.equal((await ctx.request('GET', URL, { key: tenant.key })).body.data.rating_external_link, null);
  });

  const invalid: Array<[string, Record<string, unknown>, RegExp]> = [
    ['a link that is no URL', { rating_external_link: 'not a url' }, /body\.rating_external_link/],
    ['a link that is not http(s)', { rating_external_link: 'ftp://example.com/x' }, /body\.rating_external_link/],
    ['a logo that is no URL', { logo_url: 'logo.png' }, /body\.logo_url/],
    ['a colour name', { primary_color: 'red' }, /body\.primary_color must match pattern/],
    ['a colour of four digits', { primary_color: '#abcd' }, /body\.primary_color/],
    [
      'too long an invite message',
      { rating_invite_message: 'x'.repeat(1001) },
      /body\.rating_invite_message must NOT have more than 1000 characters/,
    ],
    ['an empty invite message', { rating_invite_message: '' }, /body\.rating_invite_message/],
    ['too long a name', { custom_tenant_name: 'x'.repeat(101) }, /body\.custom_tenant_name/],
    ['a name that is a number', { custom_tenant_name: 5 }, /body\.custom_tenant_name must be a string or null/],
  ];
  for (const [what, body, message] of invalid) {
    it(`refuses ${what} with 400 and changes nothing`, async () => {
      const tenant = await ctx.newTenant();
      const before = { custom_tenant_name: 'Before', primary_color: '#123456', rating_external_link: null };
      await ctx.request('PATCH', URL, { key: tenant.key, body: before });
      const stored = (await ctx.request('GET', URL, { key: tenant.key })).body;
      const response = await ctx.request('PATCH', URL, {
        key: tenant.key,
        body: { custom_tenant_name: 'Changed', primary_color: '#fff', ...body },
      });
      assertHealviError(response, 400, message);
      assert.deepEqual((await ctx.request('GET', URL, { key: tenant.key })).body, stored);
    });
  }

  it('answers 400 for malformed JSON and 415 for another media type, in Healvi shape', async () => {
    const tenant = await ctx.newTenant();
    assertHealviError(
      await ctx.request('PATCH', URL, {
        key: tenant.key,
        payload: '{"primary_color":',
        headers: { 'content-type': 'application/json' },
      }),
      400,
    );
    assertHealviError(
      await ctx.request('PATCH', URL, { key: tenant.key, payload: 'x', headers: { 'content-type': 'text/plain' } }),
      415,
    );
  });

  it('refuses a read_all key with 403 and a missing key with 401, changing nothing', async () => {
    const tenant = await ctx.newTenant();
    const reader = await ctx.newKey(tenant, ['read_all']);
    assert.equal((await ctx.request('GET', URL, { key: reader.key })).status, 200);
    const refused = await ctx.request('PATCH', URL, { key: reader.key, body: { custom_tenant_name: 'Nope' } });
    assertHealviError(refused, 403);
    assert.equal(refused.body.message, 'Insufficient token scope. Required: write_all');
    assertHealviError(await ctx.request('PATCH', URL, { body: { custom_tenant_name: 'Nope' } }), 401);
    assertHealviError(await ctx.request('GET', URL), 401);
    assert.deepEqual((await ctx.request('GET', URL, { key: tenant.key })).body, { data: defaults });
  });

  it("keeps each organization's settings its own", async () => {
    const tenant = await ctx.newTenant();
    const other = await ctx.newTenant();
    await ctx.request('PATCH', URL, { key: tenant.key, body: { custom_tenant_name: 'Ours' } });
    assert.deepEqual((await ctx.request('GET', URL, { key: other.key })).body, { data: defaults });
    await ctx.request('PATCH', URL, { key: other.key, body: { custom_tenant_name: 'Theirs', primary_color: '#000' } });
    const ours = (await ctx.request('GET', URL, { key: tenant.key })).body.data;
    assert.equal(ours.custom_tenant_name, 'Ours');
    assert.equal(ours.primary_color, null);
  });
});
