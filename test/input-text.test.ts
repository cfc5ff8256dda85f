import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import { describeEachDialect, type TestContext, type Tenant } from './helpers/app.js';
import { assertRefused, withoutWrites } from './helpers/refusals.js';
import { PASSWORD, signIn, tenantWithPassword, withCookie } from './helpers/sessions.js';

const NUL = '\u0000';
const LONE_HIGH = '\ud800';
const LONE_LOW = '\udc00';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

interface Fixture {
  tenant: Tenant;
  conversation: { id: number; uid: string };
  /** The uid of the conversation's AI message. */
  message: string;
}

async function fixture(ctx: TestContext): Promise<Fixture> {
  const tenant = await ctx.newTenant();
  const created = await ctx.request('POST', '/v1/conversations', {
    key: tenant.key,
    body: {
      external_id: `text-${Math.random().toString(36).slice(2)}`,
      messages: [
        { role: 'user', text: 'Where is my parcel?' },
        { role: 'ai', text: 'It arrives tomorrow.' },
      ],
    },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const { id, uid, messages } = created.body.data;
  return { tenant, conversation: { id, uid }, message: messages[1].uid };
}

describeEachDialect('Text: NUL characters, lone surrogates and invalid UTF-8 are refused everywhere', (ctx) => {
  it('a NUL in any field of a JSON body is 400 invalid_text naming the field, and nothing is written', async () => {
    const { tenant, conversation, message } = await fixture(ctx);
    const cases: Array<[string, string, unknown, RegExp]> = [
      ['POST', '/v1/conversations', { external_id: `a${NUL}b` }, /^body\.external_id /],
      ['POST', '/v1/conversations', { contact_name: `Ann${NUL}` }, /^body\.contact_name /],
      ['POST', '/v1/conversations', { messages: [{ role: 'user', text: `hi${NUL}` }] }, /^body\.messages\[0\]\.text /],
      ['POST', '/v1/conversations', { metadata: { plan: `pro${NUL}` } }, /^body\.metadata\.plan /],
      ['POST', '/v1/conversations', { metadata: { [`pl${NUL}an`]: 'pro' } }, /^body\.metadata has a key /],
      ['POST', `/v1/conversations/${conversation.id}/messages`, { role: 'user', text: NUL }, /^body\.text /],
      ['PATCH', `/v1/conversations/${conversation.id}`, { channel: `chat${NUL}` }, /^body\.channel /],
      ['POST', `/v1/messages/${message}/feedback`, { rating: 'like', comment: `ok${NUL}` }, /^body\.comment /],
      ['PATCH', '/v1/rating-settings', { brand_name: `Acme${NUL}` }, /^body\.brand_name /],
      ['POST', '/v1/api-keys', { scopes: ['read_all'], name: `ci${NUL}` }, /^body\.name /],
    ];
    for (const [method, url, body, field] of cases) {
      const response = await withoutWrites(ctx.database, () => ctx.request(method, url, { key: tenant.key, body }));
      assertRefused(response, 'native', 400, 'invalid_text', field);
      assert.match(response.body.error.message, /NUL/);
    }
  });

  it('lone surrogates are refused, in an import too, while well-formed pairs are kept as sent', async () => {
    const { tenant, conversation } = await fixture(ctx);
    const refusals: Array<[string, string, unknown, RegExp]> = [
      [
        'POST',
        '/v1/conversations/import',
        { conversations: [{ external_id: LONE_HIGH }] },
        /^body\.conversations\[0\]\.external_id /,
      ],
      ['POST', '/v1/conversations', { contact_name: `Ann ${LONE_LOW}` }, /^body\.contact_name /],
      ['POST', `/v1/conversations/${conversation.id}/messages`, { role: 'ai', text: `x${LONE_HIGH}` }, /^body\.text /],
      ['PATCH', `/v1/conversations/${conversation.id}`, { metadata: { note: `${LONE_LOW}${LONE_HIGH}` } }, /metadata/],
    ];
    for (const [method, url, body, field] of refusals) {
      const response = await withoutWrites(ctx.database, () => ctx.request(method, url, { key: tenant.key, body }));
      assertRefused(response, 'native', 400, 'invalid_text', field);
      assert.match(response.body.error.message, /surrogate/);
    }

    const text = 'Thanks \ud83d\ude00 — größer, 東京';
    const created = await ctx.request('POST', '/v1/conversations', {
      key: tenant.key,
      body: { contact_name: text, messages: [{ role: 'user', text }], metadata: { [text]: text } },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const read = await ctx.request('GET', `/v1/conversations/${created.body.data.id}`, { key: tenant.key });
    assert.equal(read.body.data.contact_name, text);
    assert.deepEqual(read.body.data.metadata, { [text]: text });
    const messages = await ctx.request('GET', `/v1/conversations/${created.body.data.id}/messages`, {
      key: tenant.key,
    });
    assert.equal(messages.body.data[0].text, text);
  });

  it('a JSON body that is not UTF-8 is 400 invalid_text, not text with replacement characters', async () => {
    const { tenant } = await fixture(ctx);
    // {"external_id":"caf\xe9"}: Latin-1, as a misconfigured client sends it.
    const payload = Buffer.concat([Buffer.from('{"external_id":"caf'), Buffer.from([0xe9]), Buffer.from('"}')]);
    const response = await withoutWrites(ctx.database, () =>
      ctx.request('POST', '/v1/conversations', {
        key: tenant.key,
        payload,
        headers: { 'content-type': 'application/json' },
      }),
    );
    assertRefused(response, 'native', 400, 'invalid_text', /UTF-8/);
  });

  it('query strings and path values with a NUL are 400 invalid_text on every list and lookup', async () => {
    const { tenant } = await fixture(ctx);
    const cases: Array<[string, RegExp]> = [
      ['/v1/conversations?external_id=a%00b', /^query\.external_id /],
      ['/v1/conversations?channel=%00', /^query\.channel /],
      ['/v1/inbox?q=a%00b', /^query\.q /],
      ['/v1/analytics/summary?channel=chat%00', /^query\.channel /],
      ['/v1/exports/conversations.csv?channel=%00', /^query\.channel /],
      ['/v1/conversations/%00', /^path\.id /],
      ['/v1/ratings/1%00', /^path\.id /],
    ];
    for (const [url, field] of cases) {
      const response = await ctx.request('GET', url, { key: tenant.key });
      assertRefused(response, 'native', 400, 'invalid_text', field);
    }
  });

  it('sign-in refuses a NUL before looking anyone up, without credentials, and begins no session', async () => {
    const { email } = await tenantWithPassword(ctx);
    for (const body of [
      { email: `a${NUL}b@x.io`, password: 'x' },
      { email, password: `${PASSWORD}${NUL}` },
      { email: `${email}${LONE_HIGH}`, password: PASSWORD },
    ]) {
      const response = await withoutWrites(ctx.database, () => ctx.request('POST', '/auth/sign-in', { body }));
      assertRefused(response, 'native', 400, 'invalid_text', /^body\.(email|password) /);
      assert.equal(response.headers['set-cookie'], undefined);
    }
  });

  it('the settings preview refuses the same text inside its encoded draft', async () => {
    const { email } = await tenantWithPassword(ctx);
    const browser = await signIn(ctx, email);
    const draft = Buffer.from(JSON.stringify({ brand_name: `Acme${NUL}` })).toString('base64url');
    const response = await ctx.request('GET', `/dashboard/rating-page-preview?settings=${draft}`, {
      headers: withCookie(browser),
    });
    assertRefused(response, 'native', 400, 'invalid_text', /^settings\.brand_name contains a NUL/);
  });

  it('the public rating page answers a form with a NUL with its own 400 page, and records no answer', async () => {
    const { tenant, conversation } = await fixture(ctx);
    const invited = await ctx.request('POST', `/v1/conversations/${conversation.id}/rating-invites`, {
      key: tenant.key,
    });
    assert.equal(invited.status, 201);
    const path = new URL(invited.body.data.link).pathname;
    const page = await ctx.request('GET', path);
    assert.equal(page.status, 200);
    const cookie = String(page.headers['set-cookie']).split(';')[0]!;
    const token = /name="csrf_token" value="([^"]+)"/.exec(page.body)![1]!;

    for (const form of [
      `csrf_token=${token}&stars=5&comment=%00`,
      `csrf_token=${token}&stars=5&comment=fine%00`,
      `csrf_token=${token}&stars=5%00`,
      `csrf_token=${token}&stars=5&comm%00ent=x`,
    ]) {
      const response = await withoutWrites(ctx.database, () =>
        ctx.request('POST', path, { payload: form, headers: { ...FORM, cookie } }),
      );
      assert.equal(response.status, 400, form);
      assert.match(String(response.headers['content-type']), /^text\/html/);
      assert.match(response.body, /could not be processed/);
      assert.ok(response.headers['content-security-policy'], 'the page keeps its security headers');
    }
    const rating = await ctx.request('GET', `/v1/ratings/${invited.body.data.rating.id}`, { key: tenant.key });
    assert.equal(rating.body.data.status, 'offered');
    assert.equal(rating.body.data.comment, null);

    const answered = await ctx.request('POST', path, {
      payload: `csrf_token=${token}&stars=5&comment=${encodeURIComponent('Great \ud83d\ude00')}`,
      headers: { ...FORM, cookie },
    });
    assert.ok(answered.status === 200 || answered.status === 303, String(answered.status));
    const after = await ctx.request('GET', `/v1/ratings/${invited.body.data.rating.id}`, { key: tenant.key });
    assert.equal(after.body.data.comment, 'Great \ud83d\ude00');
  });

  it('the vendor surfaces refuse the same text in their own error shapes', async () => {
    const { tenant, conversation, message } = await fixture(ctx);
    const offered = await ctx.request('POST', `/beta/conversations/${conversation.id}/ratings/offer`, {
      key: tenant.key,
      bare: true,
      body: { ratingType: 'Csat', agentId: randomUUID() },
    });
    assert.equal(offered.status, 201, JSON.stringify(offered.body));
    const cases: Array<[Parameters<typeof assertRefused>[1], string, string, unknown]> = [
      [
        'dixa',
        'POST',
        `/beta/conversations/${conversation.id}/ratings/${offered.body.data.id}/submit`,
        { ratingResult: { value: 4, _type: 'Csat' }, comment: `fine${NUL}` },
      ],
      ['dixa', 'POST', `/beta/conversations/${conversation.id}/ratings/offer`, { ratingType: `Csat${NUL}` }],
      ['healvi', 'PATCH', '/third-party/v1/settings/general', { custom_tenant_name: `Acme${LONE_HIGH}` }],
      ['quickchat', 'PATCH', '/v1/api/conversation_ratings/configuration', { conv_rating_question_codes: [NUL] }],
      [
        'exante',
        'POST',
        `/api/agents/chat/${conversation.uid}/messages/${message}/feedback`,
        { rating: 'dislike', comment: `wrong${LONE_LOW}` },
      ],
      ['exante', 'GET', `/api/agents/chat/a%00b/messages`, undefined],
      ['dixa', 'GET', `/beta/conversations/${conversation.id}%00/ratings`, undefined],
    ];
    for (const [surface, method, url, body] of cases) {
      const response = await withoutWrites(ctx.database, () =>
        ctx.request(method, url, { key: tenant.key, bare: surface === 'dixa', body }),
      );
      assertRefused(response, surface, 400, 'invalid_text', /NUL|surrogate/);
    }
  });

  it('the widget refuses a NUL in a popup answer and creates no survey', async () => {
    const { tenant, conversation, message } = await fixture(ctx);
    const minted = await ctx.request('POST', `/v1/conversations/${conversation.id}/widget-tokens`, {
      key: tenant.key,
    });
    assert.equal(minted.status, 201, JSON.stringify(minted.body));
    const token = minted.body.data.token;
    for (const [url, body] of [
      ['/widget/v1/rating', { answers: [{ code: 'HELPFUL_THUMBS', value: 1 }], comment: `thanks${NUL}` }],
      [`/widget/v1/messages/${message}/feedback`, { rating: 'like', comment: LONE_HIGH }],
    ] as const) {
      const response = await withoutWrites(ctx.database, () => ctx.request('POST', url, { key: token, body }));
      assertRefused(response, 'native', 400, 'invalid_text', /^body\.comment /);
    }
  });
});
