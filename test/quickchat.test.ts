import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachDialect, type ApiResponse } from './helpers/app.js';

const URL = '/v1/api/conversation_ratings/configuration';
const DEFAULTS = {
  conv_rating_active: true,
  conv_rating_popup_active: true,
  conv_rating_question_codes: ['HELPFUL_THUMBS', 'EXPERIENCE_THUMBS'],
};

/** Asserts an answer in Quickchat's error shape: `{"errors":{"root":[{"message","code"}]}}` and nothing else. */
function assertQuickchatError(response: ApiResponse, status: number, code: string, messagePattern?: RegExp): void {
  assert.equal(response.status, status, `expected ${status}, got ${response.status}: ${JSON.stringify(response.body)}`);
  assert.deepEqual(Object.keys(response.body), ['errors']);
  assert.deepEqual(Object.keys(response.body.errors), ['root']);
  assert.equal(response.body.errors.root.length, 1);
  const [error] = response.body.errors.root;
  assert.deepEqual(Object.keys(error).sort(), ['code', 'message']);
  assert.equal(error.code, code);
  assert.ok(error.message.length > 0);
  if (messagePattern) assert.match(error.message, messagePattern);
}

describeEachDialect('Quickchat: /v1/api/conversation_ratings/configuration', (ctx) => {
  // As Quickchat's curl examples send them: `Authorization: Bearer <API_TOKEN>`, a JSON body on PATCH.
  const get = (key: string) => ctx.request('GET', URL, { key });
  const patch = (key: string, body: unknown) => ctx.request('PATCH', URL, { key, body });

  it('answers the documented defaults, with no envelope', async () => {
    const tenant = await ctx.newTenant();
    const response = await get(tenant.key);
    assert.equal(response.status, 200);
    assert.deepEqual(response.body, DEFAULTS);
  });

  it('answers the documented PATCH with the updated configuration', async () => {
    const tenant = await ctx.newTenant();
    const response = await patch(tenant.key, { conv_rating_active: true, conv_rating_popup_active: true });
    assert.equal(response.status, 200);
    assert.deepEqual(response.body, DEFAULTS);
  });

  it('changes any subset, and the native settings show the same', async () => {
    const tenant = await ctx.newTenant();
    const codes = await patch(tenant.key, { conv_rating_question_codes: ['NPS', 'HELPFUL_THUMBS'] });
    assert.equal(codes.status, 200);
    assert.deepEqual(codes.body, { ...DEFAULTS, conv_rating_question_codes: ['NPS', 'HELPFUL_THUMBS'] });

    const off = await patch(tenant.key, { conv_rating_active: false, conv_rating_popup_active: false });
    const expected = {
      conv_rating_active: false,
      conv_rating_popup_active: false,
      conv_rating_question_codes: ['NPS', 'HELPFUL_THUMBS'],
    };
    assert.deepEqual(off.body, expected);
    assert.deepEqual((await get(tenant.key)).body, expected);
    const native = (await ctx.request('GET', '/v1/rating-settings', { key: tenant.key })).body.data;
    assert.deepEqual(
      {
        conv_rating_active: native.conv_rating_active,
        conv_rating_popup_active: native.conv_rating_popup_active,
        conv_rating_question_codes: native.conv_rating_question_codes,
      },
      expected,
    );

    // Fields Quickchat clients may send along are ignored.
    const extra = await patch(tenant.key, { conv_rating_question_codes: ['CSAT'], conv_rating_language: 'en' });
    assert.equal(extra.status, 200);
    assert.deepEqual(extra.body.conv_rating_question_codes, ['CSAT']);
    assert.deepEqual(Object.keys(extra.body).sort(), Object.keys(DEFAULTS).sort());
  });

  it('refuses switches that differ with 400 rating_settings_mismatch, changing nothing', async () => {
    const tenant = await ctx.newTenant();
    const alone = await patch(tenant.key, { conv_rating_active: false });
    assertQuickchatError(alone, 400, 'rating_settings_mismatch', /must be set to the same value/);
    const both = await patch(tenant.key, {
      conv_rating_active: true,
      conv_rating_popup_active: false,
      conv_rating_question_codes: ['NPS'],
    });
    assertQuickchatError(both, 400, 'rating_settings_mismatch');
    assert.deepEqual((await get(tenant.key)).body, DEFAULTS);
  });

  it('refuses an unknown question code with 400 unknown_question_code, changing nothing', async () => {
    const tenant = await ctx.newTenant();
    await patch(tenant.key, { conv_rating_question_codes: ['CSAT'] });
    const response = await patch(tenant.key, {
      conv_rating_active: false,
      conv_rating_popup_active: false,
      conv_rating_question_codes: ['HELPFUL_THUMBS', 'SMILEYS'],
    });
    assertQuickchatError(response, 400, 'unknown_question_code', /"SMILEYS"/);
    assert.deepEqual((await get(tenant.key)).body, { ...DEFAULTS, conv_rating_question_codes: ['CSAT'] });
  });

  const wrongTypes: Array<[string, unknown, RegExp]> = [
    ['a string for a switch', { conv_rating_active: 'true', conv_rating_popup_active: 'true' }, /conv_rating_active/],
    ['a number for a switch', { conv_rating_popup_active: 1 }, /body\.conv_rating_popup_active must be a boolean/],
    ['null for a switch', { conv_rating_active: null }, /body\.conv_rating_active must be a boolean/],
    ['a string for the codes', { conv_rating_question_codes: 'NPS' }, /body\.conv_rating_question_codes must be/],
    ['a number among the codes', { conv_rating_question_codes: [1] }, /body\.conv_rating_question_codes\[0\]/],
    ['a repeated code', { conv_rating_question_codes: ['NPS', 'NPS'] }, /body\.conv_rating_question_codes/],
    ['no codes at all', { conv_rating_question_codes: [] }, /at least one/],
    ['a body that is an array', [], /body must be an object/],
  ];
  for (const [what, body, message] of wrongTypes) {
    it(`refuses ${what} with 400 validation_failed, changing nothing`, async () => {
      const tenant = await ctx.newTenant();
      assertQuickchatError(await patch(tenant.key, body), 400, 'validation_failed', message);
      assert.deepEqual((await get(tenant.key)).body, DEFAULTS);
    });
  }

  it('answers 400 for malformed JSON and 415 for another media type, in Quickchat shape', async () => {
    const tenant = await ctx.newTenant();
    const json = { 'content-type': 'application/json' };
    assertQuickchatError(
      await ctx.request('PATCH', URL, { key: tenant.key, payload: '{"conv_rating_active":', headers: json }),
      400,
      'invalid_json',
    );
    assertQuickchatError(
      await ctx.request('PATCH', URL, { key: tenant.key, payload: 'x', headers: { 'content-type': 'text/plain' } }),
      415,
      'unsupported_media_type',
    );
  });

  it('answers 401 without a key or with an unknown one, in Quickchat shape', async () => {
    const missing = await ctx.request('GET', URL);
    assertQuickchatError(missing, 401, 'missing_api_key');
    assert.equal(missing.headers['www-authenticate'], 'Bearer');
    assertQuickchatError(await ctx.request('PATCH', URL, { body: DEFAULTS }), 401, 'missing_api_key');
    assertQuickchatError(await ctx.request('GET', URL, { key: 'plaudit_unknown' }), 401, 'invalid_api_key');
  });

  it('lets a read_all key read, and refuses it on PATCH with 403 naming write_all', async () => {
    const tenant = await ctx.newTenant();
    const reader = await ctx.newKey(tenant, ['read_all']);
    assert.deepEqual((await get(reader.key)).body, DEFAULTS);
    const refused = await patch(reader.key, { conv_rating_active: false, conv_rating_popup_active: false });
    assertQuickchatError(refused, 403, 'insufficient_scope');
    assert.equal(refused.body.errors.root[0].message, 'Insufficient token scope. Required: write_all');
    assert.deepEqual((await get(tenant.key)).body, DEFAULTS);
  });

  it("keeps each organization's configuration its own", async () => {
    const tenant = await ctx.newTenant();
    const other = await ctx.newTenant();
    await patch(tenant.key, { conv_rating_active: false, conv_rating_popup_active: false });
    assert.deepEqual((await get(other.key)).body, DEFAULTS);
    await patch(other.key, { conv_rating_question_codes: ['NPS'] });
    assert.deepEqual((await get(tenant.key)).body, {
      ...DEFAULTS,
      conv_rating_active: false,
      conv_rating_popup_active: false,
    });
  });
});
