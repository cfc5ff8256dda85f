import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { before, it } from 'node:test';
import { DEFAULT_WIDGET_SCRIPT, WIDGET_RATE_LIMIT } from '../src/web/widget/index.js';
import { assertError, describeEachDialect, type TestContext, type Tenant } from './helpers/app.js';

async function conversation(ctx: TestContext, tenant: Tenant) {
  const created = await ctx.request('POST', '/v1/conversations', {
    key: tenant.key,
    body: {
      language: 'en',
      messages: [
        { role: 'user', text: 'Where is my parcel?' },
        { role: 'ai', text: 'It arrives on Thursday.' },
      ],
    },
  });
  assert.equal(created.status, 201);
  return created.body.data as { id: number; uid: string; contact_id: string; messages: Array<{ uid: string }> };
}

async function mint(ctx: TestContext, tenant: Tenant, id: number | string, body?: unknown) {
  return ctx.request('POST', `/v1/conversations/${id}/widget-tokens`, { key: tenant.key, body });
}

describeEachDialect('The embeddable widget', (ctx) => {
  let tenant: Tenant;
  let other: Tenant;
  let conv: Awaited<ReturnType<typeof conversation>>;
  let token: string;
  const widget = (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
    ctx.request(method, url, { key: token, body, headers });

  before(async () => {
    tenant = await ctx.newTenant('Acme');
    other = await ctx.newTenant('Other');
    conv = await conversation(ctx, tenant);
    const minted = await mint(ctx, tenant, conv.id);
    assert.equal(minted.status, 201);
    token = minted.body.data.token;
  });

  it('mints tokens for 24 hours by default, up to 168, only for the organization’s conversations', async () => {
    assert.match(token, /^pwt_[A-Za-z0-9_-]{43}$/);
    const minted = await mint(ctx, tenant, conv.uid, { expires_in_hours: 168 });
    assert.equal(minted.status, 201);
    const hours = (Date.parse(minted.body.data.expires_at) - Date.now()) / 3_600_000;
    assert.ok(hours > 167.9 && hours <= 168, String(hours));
    const byDefault = await mint(ctx, tenant, conv.id);
    const defaultHours = (Date.parse(byDefault.body.data.expires_at) - Date.now()) / 3_600_000;
    assert.ok(defaultHours > 23.9 && defaultHours <= 24, String(defaultHours));
    assertError(await mint(ctx, tenant, conv.id, { expires_in_hours: 169 }), 400, 'validation_failed');
    assertError(await mint(ctx, other, conv.id), 404, 'conversation_not_found');
    const reader = await ctx.newKey(tenant, ['read_all']);
    assertError(
      await ctx.request('POST', `/v1/conversations/${conv.id}/widget-tokens`, { key: reader.key }),
      403,
      'insufficient_scope',
    );
  });

  it('is no API key: /v1 refuses it', async () => {
    assertError(await ctx.request('GET', '/v1/conversations', { key: token }), 401, 'invalid_api_key');
    assertError(await ctx.request('GET', `/v1/conversations/${conv.id}`, { key: token }), 401, 'invalid_api_key');
    assertError(await ctx.request('GET', '/v1/conversations', { key: token, bare: true }), 401, 'invalid_api_key');
  });

  it('refuses missing, unknown and expired tokens, and API keys, on the widget routes', async () => {
    assertError(await ctx.request('GET', '/widget/v1/session'), 401, 'invalid_widget_token');
    assertError(
      await ctx.request('GET', '/widget/v1/session', { key: `pwt_${'A'.repeat(43)}` }),
      401,
      'invalid_widget_token',
    );
    assertError(await ctx.request('GET', '/widget/v1/session', { key: tenant.key }), 401, 'invalid_widget_token');
    const expired = (await mint(ctx, tenant, conv.id)).body.data.token;
    await ctx.database.db
      .updateTable('widget_tokens')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('token_hash', '=', createHash('sha256').update(expired).digest('hex'))
      .execute();
    assertError(await ctx.request('GET', '/widget/v1/session', { key: expired }), 401, 'invalid_widget_token');
  });

  it('answers CORS for any origin on the widget routes only', async () => {
    const session = await widget('GET', '/widget/v1/session', undefined, { origin: 'https://shop.example' });
    assert.equal(session.status, 200);
    assert.equal(session.headers['access-control-allow-origin'], '*');
    assert.equal(session.headers['access-control-allow-credentials'], undefined);
    const refused = await ctx.request('GET', '/widget/v1/session', { headers: { origin: 'https://shop.example' } });
    assert.equal(refused.status, 401);
    assert.equal(refused.headers['access-control-allow-origin'], '*');

    const preflight = await ctx.request('OPTIONS', '/widget/v1/rating', {
      headers: {
        origin: 'https://shop.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers['access-control-allow-origin'], '*');
    assert.match(String(preflight.headers['access-control-allow-headers']), /authorization/);
    assert.match(String(preflight.headers['access-control-allow-headers']), /content-type/);
    assert.match(String(preflight.headers['access-control-allow-methods']), /POST/);

    for (const url of ['/v1/conversations', '/v1/rating-settings', '/health']) {
      const answer = await ctx.request('GET', url, { key: tenant.key, headers: { origin: 'https://shop.example' } });
      assert.equal(answer.headers['access-control-allow-origin'], undefined, url);
    }
    const v1Preflight = await ctx.request('OPTIONS', '/v1/conversations', {
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' },
    });
    assert.equal(v1Preflight.headers['access-control-allow-origin'], undefined);
  });

  it('shows the popup configuration, translated, with the branding and the messages', async () => {
    const session = await widget('GET', '/widget/v1/session');
    assert.equal(session.status, 200);
    const data = session.body.data;
    assert.equal(data.popup_active, true);
    assert.equal(data.conversation_uid, conv.uid);
    assert.deepEqual(
      data.questions.map((question: { code: string; kind: string; label: string }) => [
        question.code,
        question.kind,
        question.label,
      ]),
      [
        ['HELPFUL_THUMBS', 'thumbs', 'Was this helpful?'],
        ['EXPERIENCE_THUMBS', 'thumbs', 'How was your experience?'],
      ],
    );
    assert.equal(data.brand.name, 'Acme');
    assert.equal(data.brand.colors.accent, '#0f766e');
    assert.deepEqual(
      data.messages.map((message: { uid: string }) => message.uid),
      conv.messages.map((message) => message.uid),
    );

    const germanConv = await conversation(ctx, tenant);
    await ctx.request('PATCH', `/v1/conversations/${germanConv.id}`, { key: tenant.key, body: { language: 'de' } });
    const german = (await mint(ctx, tenant, germanConv.id)).body.data.token;
    const inGerman = await ctx.request('GET', '/widget/v1/session', { key: german });
    assert.equal(inGerman.body.data.language, 'de');
    assert.equal(inGerman.body.data.questions[0].label, 'War das hilfreich?');
  });

  it('stores popup answers as the conversation’s popup rating, visible in the native API', async () => {
    const answered = await widget('POST', '/widget/v1/rating', {
      answers: [{ code: 'HELPFUL_THUMBS', value: 1 }],
      comment: 'Quick and friendly',
    });
    assert.equal(answered.status, 200, JSON.stringify(answered.body));
    assert.equal(answered.body.data.source, 'popup');
    assert.equal(answered.body.data.status, 'rated', 'the popup asks nothing as required: any answer completes it');
    // The second answer joins the same popup survey, which still asks its other question.
    const second = await widget('POST', '/widget/v1/rating', { answers: [{ code: 'EXPERIENCE_THUMBS', value: 0 }] });
    assert.equal(second.body.data.uid, answered.body.data.uid);
    assert.equal(second.body.data.status, 'rated');

    const ratings = await ctx.request('GET', `/v1/conversations/${conv.id}/ratings`, { key: tenant.key });
    assert.equal(ratings.status, 200);
    assert.equal(ratings.body.data.length, 1);
    const [rating] = ratings.body.data;
    assert.equal(rating.source, 'popup');
    assert.equal(rating.contact_id, conv.contact_id);
    assert.deepEqual(
      rating.questions.map((question: { code: string; value: number }) => [question.code, question.value]),
      [
        ['HELPFUL_THUMBS', 1],
        ['EXPERIENCE_THUMBS', 0],
      ],
    );
    assertError(
      await widget('POST', '/widget/v1/rating', { answers: [{ code: 'NPS', value: 3 }] }),
      400,
      'question_not_offered',
    );
    assertError(
      await widget('POST', '/widget/v1/rating', { answers: [{ code: 'HELPFUL_THUMBS', value: 5 }] }),
      400,
      'invalid_rating_value',
    );
  });

  it('refuses popup answers while the popup is off', async () => {
    const off = await ctx.newTenant('Off');
    const offConv = await conversation(ctx, off);
    await ctx.request('PATCH', '/v1/rating-settings', {
      key: off.key,
      body: { conv_rating_active: false, conv_rating_popup_active: false },
    });
    const offToken = (await mint(ctx, off, offConv.id)).body.data.token;
    const session = await ctx.request('GET', '/widget/v1/session', { key: offToken });
    assert.equal(session.body.data.popup_active, false);
    assertError(
      await ctx.request('POST', '/widget/v1/rating', {
        key: offToken,
        body: { answers: [{ code: 'HELPFUL_THUMBS', value: 1 }] },
      }),
      409,
      'rating_popup_inactive',
    );
  });

  it('records message feedback with the contact as author; other conversations’ messages are 404', async () => {
    const uid = conv.messages[1]!.uid;
    const sent = await widget('POST', `/widget/v1/messages/${uid}/feedback`, {
      rating: 'dislike',
      comment: 'Too vague',
    });
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    assert.equal(sent.body.data.rating, 'dislike');
    const history = await ctx.request('GET', `/v1/messages/${uid}/feedback/history`, { key: tenant.key });
    assert.equal(history.status, 200);
    assert.deepEqual(
      history.body.data.map((record: { user_id: string; rating: string; comment: string }) => [
        record.user_id,
        record.rating,
        record.comment,
      ]),
      [[conv.contact_id, 'dislike', 'Too vague']],
    );
    const session = await widget('GET', '/widget/v1/session');
    assert.equal(session.body.data.messages[1].rating, 'dislike');
    assert.equal(session.body.data.messages[0].rating, null);
    const cleared = await widget('POST', `/widget/v1/messages/${uid}/feedback`, { rating: null });
    assert.equal(cleared.status, 200);

    const sameOrg = await conversation(ctx, tenant);
    assertError(
      await widget('POST', `/widget/v1/messages/${sameOrg.messages[0]!.uid}/feedback`, { rating: 'like' }),
      404,
      'message_not_found',
    );
    const otherConv = await conversation(ctx, other);
    assertError(
      await widget('POST', `/widget/v1/messages/${otherConv.messages[0]!.uid}/feedback`, { rating: 'like' }),
      404,
      'message_not_found',
    );
  });

  it('limits the requests per token', async () => {
    const limited = (await mint(ctx, tenant, conv.id)).body.data.token;
    let last = 0;
    for (let i = 0; i <= WIDGET_RATE_LIMIT; i += 1) {
      const answer = await ctx.app.inject({
        method: 'GET',
        url: '/widget/v1/session',
        headers: { authorization: `Bearer ${limited}` },
      });
      last = answer.statusCode;
    }
    assert.equal(last, 429);
    ctx.app.schemaMismatches.splice(0);
    // Another token is not held back by the first one's requests.
    assert.equal((await widget('GET', '/widget/v1/session')).status, 200);
    assertError(await ctx.request('GET', '/widget/v1/session', { key: limited }), 429, 'rate_limited');
  });

  it(
    'serves widget.js: JavaScript, cacheable, for any origin, small',
    { skip: !existsSync(DEFAULT_WIDGET_SCRIPT) && 'run npm run build first' },
    async () => {
      const script = await ctx.request('GET', '/widget.js');
      assert.equal(script.status, 200);
      assert.match(String(script.headers['content-type']), /^application\/javascript/);
      assert.equal(script.headers['access-control-allow-origin'], '*');
      assert.match(String(script.headers['cache-control']), /max-age=\d+/);
      const size = Buffer.byteLength(script.raw.body);
      assert.ok(size < 60_000, `widget.js is ${size} bytes`);
      assert.ok(gzipSync(script.raw.body).length < 20_000);
      assert.match(script.raw.body, /plaudit-message-feedback/);
    },
  );
});
