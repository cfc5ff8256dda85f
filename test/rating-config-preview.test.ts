import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { assertError, describeEachDialect, type ApiResponse } from './helpers/app.js';
import { signIn, tenantWithPassword, withCookie, type Browser } from './helpers/sessions.js';

const encode = (draft: unknown) => Buffer.from(JSON.stringify(draft)).toString('base64url');

/** The CSP of an answer as directive -> sources. */
function policyOf(response: ApiResponse): Map<string, string> {
  const header = String(response.headers['content-security-policy']);
  return new Map(
    header.split('; ').map((directive) => {
      const [name = '', ...sources] = directive.split(' ');
      return [name, sources.join(' ')];
    }),
  );
}

describeEachDialect('Previewing rating settings', (ctx) => {
  let tenant: Awaited<ReturnType<typeof tenantWithPassword>>;
  let browser: Browser;

  before(async () => {
    tenant = await tenantWithPassword(ctx, 'Zephyr Bikes');
    browser = await signIn(ctx, tenant.email);
  });

  const stored = async () => (await ctx.request('GET', '/v1/rating-settings', { key: tenant.key })).body;

  it('answers the merged draft and its invite text without storing anything', async () => {
    const before = await stored();
    const response = await ctx.request('POST', '/v1/rating-settings/preview', {
      key: tenant.key,
      body: { language: 'de', brand_name: 'Zephyr', conv_rating_question_codes: ['NPS'] },
    });
    assert.equal(response.status, 200);
    const { invite_text, link, settings } = response.body.data;
    assert.match(link, /^https:\/\/plaudit\.test\/r\/[A-Za-z0-9_-]{24}$/);
    assert.equal(
      invite_text,
      `Vielen Dank für Ihre Anfrage! Wie zufrieden waren Sie? Bitte bewerten Sie das Gespräch: ${link}`,
    );
    assert.deepEqual(settings, {
      ...before.data,
      language: 'de',
      brand_name: 'Zephyr',
      conv_rating_question_codes: ['NPS'],
      invite_message_default: invite_text.replace(link, '{link}'),
      invite_message_builtin: invite_text.replace(link, '{link}'),
    });
    assert.deepEqual(await stored(), before, 'nothing was stored');

    const custom = await ctx.request('POST', '/v1/rating-settings/preview', {
      key: tenant.key,
      body: { invite_message: 'Rate us at {link} — or at {link}!' },
    });
    assert.equal(custom.body.data.invite_text, `Rate us at ${link} — or at ${link}!`);
    const empty = await ctx.request('POST', '/v1/rating-settings/preview', { key: tenant.key, body: {} });
    assert.deepEqual(empty.body.data.settings, before.data);
  });

  it('refuses a draft exactly as PATCH /v1/rating-settings does', async () => {
    const drafts = [
      { conv_rating_active: false },
      { conv_rating_question_codes: ['STARS', 'SMILEYS'] },
      { conv_rating_question_codes: [] },
      { brand_name: '' },
      { redirect_min_stars: 9 },
      { colour: '#fff' },
      { invite_expiry_hours: '48' },
    ];
    for (const draft of drafts) {
      const preview = await ctx.request('POST', '/v1/rating-settings/preview', { key: tenant.key, body: draft });
      const patch = await ctx.request('PATCH', '/v1/rating-settings', { key: tenant.key, body: draft });
      assert.equal(preview.status, 400, JSON.stringify(draft));
      assert.deepEqual(preview.body, patch.body, JSON.stringify(draft));
    }
    assertError(
      await ctx.request('POST', '/v1/rating-settings/preview', {
        key: tenant.key,
        body: { conv_rating_active: false },
      }),
      400,
      'rating_settings_mismatch',
    );
  });

  it('works from the dashboard session (with its CSRF header) and needs write_all from a key', async () => {
    const viaSession = await ctx.request('POST', '/v1/rating-settings/preview', {
      headers: withCookie(browser, { 'x-csrf-token': browser.csrf }),
      body: { brand_name: 'Zephyr' },
    });
    assert.equal(viaSession.status, 200);
    const noCsrf = await ctx.request('POST', '/v1/rating-settings/preview', {
      headers: withCookie(browser),
      body: { brand_name: 'Zephyr' },
    });
    assertError(noCsrf, 403, 'csrf_token_invalid');
    const reader = await ctx.newKey(tenant, ['read_all']);
    assertError(
      await ctx.request('POST', '/v1/rating-settings/preview', { key: reader.key, body: {} }),
      403,
      'insufficient_scope',
    );
  });

  it('renders the real rating page for a draft, frameable by the dashboard alone, its form going nowhere', async () => {
    const before = await stored();
    const draft = {
      language: 'de',
      brand_name: 'Zephyr <Bikes>',
      primary_color: '#1d4ed8',
      conv_rating_question_codes: ['HELPFUL_THUMBS', 'NPS'],
    };
    const response = await ctx.request('GET', `/dashboard/rating-page-preview?settings=${encode(draft)}`, {
      headers: withCookie(browser),
    });
    assert.equal(response.status, 200);
    assert.match(String(response.headers['content-type']), /^text\/html; charset=utf-8/);
    const html = response.body as string;
    assert.match(html, /<html lang="de">/);
    assert.match(html, /Zephyr &lt;Bikes&gt;/, 'the brand is escaped');
    assert.doesNotMatch(html, /Zephyr <Bikes>/);
    assert.match(html, /name="stars"/);
    assert.match(html, /name="HELPFUL_THUMBS"/);
    assert.match(html, /name="NPS"/);
    assert.match(html, /<form method="post" action="\/r\/preview">/);

    const policy = policyOf(response);
    assert.equal(policy.get('frame-ancestors'), "'self'");
    assert.equal(policy.get('form-action'), "'none'");
    assert.equal(policy.get('default-src'), "'none'");
    const nonce = /^'nonce-([^']+)'$/.exec(policy.get('style-src') ?? '')?.[1];
    assert.ok(nonce && html.includes(`<style nonce="${nonce}">`), 'the stylesheet carries the nonce');
    assert.equal(response.headers['x-frame-options'], 'SAMEORIGIN');
    assert.equal(response.headers['cache-control'], 'no-store');
    assert.equal(response.headers['content-language'], 'de');
    assert.deepEqual(await stored(), before, 'nothing was stored');

    // The form's target is no rating page.
    const posted = await ctx.app.inject({
      method: 'POST',
      url: '/r/preview',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'stars=5',
    });
    assert.equal(posted.statusCode, 404);

    const plain = await ctx.request('GET', '/dashboard/rating-page-preview', {
      headers: withCookie(browser, { 'accept-language': 'en' }),
    });
    assert.equal(plain.status, 200);
    assert.match(plain.body, /Zephyr Bikes/, 'without a draft: the stored settings, the organization as brand');
    assert.match(plain.body, /<html lang="en">/);
  });

  it('needs the session: 401 without it, an API key does not do', async () => {
    assertError(await ctx.request('GET', '/dashboard/rating-page-preview'), 401, 'not_signed_in');
    assertError(await ctx.request('GET', '/dashboard/rating-page-preview', { key: tenant.key }), 401, 'not_signed_in');
  });

  it('refuses a draft it cannot read, or that PATCH would refuse', async () => {
    const headers = withCookie(browser);
    const url = (settings: string) => `/dashboard/rating-page-preview?settings=${settings}`;
    assertError(await ctx.request('GET', url('not-json'), { headers }), 400, 'validation_failed');
    assertError(await ctx.request('GET', url('a+b'), { headers }), 400, 'validation_failed');
    assertError(
      await ctx.request('GET', url(encode({ conv_rating_popup_active: false })), { headers }),
      400,
      'rating_settings_mismatch',
    );
    assertError(
      await ctx.request('GET', url(encode({ conv_rating_question_codes: ['SMILEYS'] })), { headers }),
      400,
      'unknown_question_code',
    );
    const unknownField = await ctx.request('GET', url(encode({ colour: 'red' })), { headers });
    assertError(unknownField, 400, 'validation_failed', /settings has an unknown field "colour"/);
    const wrongType = await ctx.request('GET', url(encode({ redirect_min_stars: '4' })), { headers });
    assertError(wrongType, 400, 'validation_failed', /settings\.redirect_min_stars must be an integer/);
  });
});
