import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { catalogues, languages } from '../src/modules/rating-config/index.js';
import { assertError, describeEachDialect, type TestContext, type Tenant } from './helpers/app.js';
import { withoutWrites } from './helpers/refusals.js';
import { uniqueEmail } from './helpers/sessions.js';

const put = (ctx: TestContext, key: string, language: string, texts: Record<string, string>) =>
  ctx.request('PUT', `/v1/rating-settings/texts/${language}`, { key, body: { texts } });

async function conversation(ctx: TestContext, tenant: Tenant, body: Record<string, unknown> = {}): Promise<number> {
  const created = await ctx.request('POST', '/v1/conversations', { key: tenant.key, body });
  assert.equal(created.status, 201);
  return created.body.data.id;
}

/** A native invite on a new conversation: its text, and the page the link opens (with the browser's language). */
async function invite(ctx: TestContext, tenant: Tenant, body: Record<string, unknown> = {}, acceptLanguage?: string) {
  const id = await conversation(ctx, tenant, body);
  const created = await ctx.request('POST', `/v1/conversations/${id}/rating-invites`, { key: tenant.key });
  assert.equal(created.status, 201);
  const page = await ctx.request('GET', new URL(created.body.data.link).pathname, {
    headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {},
  });
  assert.equal(page.status, 200);
  return { id, text: created.body.data.text as string, html: page.body as string };
}

describeEachDialect('Texts overridden per language', (ctx) => {
  let tenant: Tenant;
  let other: Tenant;
  let agentKey: string;

  before(async () => {
    tenant = await ctx.newTenant('Sonnenschein GmbH');
    other = await ctx.newTenant('Other Org');
    const agent = await ctx.app.services.accounts.createUser({
      orgId: tenant.orgId,
      email: uniqueEmail('agent'),
      role: 'agent',
      name: 'Aiko Agent',
    });
    agentKey = agent.apiKey.api_key;
  });

  it('lists every language with its override count, and each key with its default beside the override', async () => {
    const list = await ctx.request('GET', '/v1/rating-settings/texts', { key: tenant.key });
    assert.equal(list.status, 200);
    assert.deepEqual(
      list.body.data.map((entry: { language: string }) => entry.language),
      [...languages],
    );
    const arabic = list.body.data.find((entry: { language: string }) => entry.language === 'ar');
    assert.deepEqual(arabic, {
      language: 'ar',
      name: 'العربية',
      english_name: 'Arabic',
      dir: 'rtl',
      override_count: 0,
    });

    const german = await ctx.request('GET', '/v1/rating-settings/texts/de', { key: tenant.key });
    assert.equal(german.status, 200);
    assert.equal(german.body.data.english_name, 'German');
    assert.equal(german.body.data.texts.length, Object.keys(catalogues.en).length);
    const stars = german.body.data.texts.find((text: { key: string }) => text.key === 'stars_question');
    assert.deepEqual(stars, {
      key: 'stars_question',
      group: 'rating_page',
      default: 'Wie bewerten Sie Ihr Gespräch mit {brand}?',
      override: null,
      placeholders: ['brand'],
    });
    const groups = new Set(german.body.data.texts.map((text: { group: string }) => text.group));
    assert.deepEqual([...groups].sort(), ['closed_pages', 'invite', 'rating_page', 'thank_you_page', 'widget']);
  });

  it('sets and removes overrides, each change in the audit log with its before and after', async () => {
    const set = await put(ctx, tenant.key, 'de', {
      stars_question: 'Wie zufrieden waren Sie mit {brand}?',
      thanks_title: 'Danke schön!',
    });
    assert.equal(set.status, 200);
    const byKey = (body: any, key: string) => body.data.texts.find((text: { key: string }) => text.key === key);
    assert.equal(byKey(set.body, 'stars_question').override, 'Wie zufrieden waren Sie mit {brand}?');
    assert.equal(byKey(set.body, 'thanks_title').override, 'Danke schön!');
    assert.equal(byKey(set.body, 'submit').override, null);
    const counts = await ctx.request('GET', '/v1/rating-settings/texts', { key: tenant.key });
    assert.equal(counts.body.data.find((entry: { language: string }) => entry.language === 'de').override_count, 2);

    const removed = await put(ctx, tenant.key, 'de', { thanks_title: '' });
    assert.equal(byKey(removed.body, 'thanks_title').override, null);
    assert.equal(byKey(removed.body, 'stars_question').override, 'Wie zufrieden waren Sie mit {brand}?', 'others stay');

    const log = await ctx.request('GET', '/v1/audit-log?action=rating_texts.updated', { key: tenant.key });
    assert.equal(log.status, 200);
    const [latest, first] = log.body.data;
    assert.equal(log.body.data.length, 2);
    assert.equal(latest.subject_type, 'rating_texts');
    assert.equal(latest.subject_id, 'de');
    assert.equal(latest.subject_name, 'German texts');
    assert.deepEqual(latest.details.before, { thanks_title: 'Danke schön!' });
    assert.deepEqual(latest.details.after, { thanks_title: null });
    assert.deepEqual(first.details.after, {
      stars_question: 'Wie zufrieden waren Sie mit {brand}?',
      thanks_title: 'Danke schön!',
    });

    // The same texts again change nothing, and log nothing.
    await put(ctx, tenant.key, 'de', { stars_question: 'Wie zufrieden waren Sie mit {brand}?', submit: '' });
    const again = await ctx.request('GET', '/v1/audit-log?action=rating_texts.updated', { key: tenant.key });
    assert.equal(again.body.data.length, 2);
  });

  it('shows the overrides on the rating page, the thank-you texts, the invite message and the widget', async () => {
    const shop = await ctx.newTenant('Fjord Sykkel');
    await put(ctx, shop.key, 'nb', {
      stars_question: 'Hva syntes du om hjelpen fra {brand}?',
      invite_message: 'Hei! Si gjerne hva du syntes: {link}',
      widget_title: 'Si din mening',
    });
    const norwegian = await invite(ctx, shop, { language: 'nb' });
    assert.match(norwegian.html, /Hva syntes du om hjelpen fra Fjord Sykkel\?/);
    assert.match(norwegian.html, /Send tilbakemelding/, 'the texts not overridden keep their default');
    assert.match(norwegian.text, /^Hei! Si gjerne hva du syntes: https:\/\/plaudit\.test\/r\//);
    // Another language of the same organization keeps its defaults.
    const english = await invite(ctx, shop, { language: 'en' });
    assert.match(english.html, /How would you rate your conversation with Fjord Sykkel\?/);
    assert.match(english.text, /^Thank you for contacting us!/);

    const minted = await ctx.request('POST', `/v1/conversations/${norwegian.id}/widget-tokens`, { key: shop.key });
    const session = await ctx.request('GET', '/widget/v1/session', { key: minted.body.data.token });
    assert.equal(session.status, 200);
    assert.equal(session.body.data.language, 'nb');
    assert.equal(session.body.data.text.dialogTitle, 'Si din mening');
    assert.equal(session.body.data.questions[0].label, 'Var dette til hjelp?');

    // A template of the settings' own wins over the language's invite message.
    await ctx.request('PATCH', '/v1/rating-settings', { key: shop.key, body: { invite_message: 'Rate us: {link}' } });
    assert.match((await invite(ctx, shop, { language: 'nb' })).text, /^Rate us: https:/);
  });

  it('refuses unknown keys, unsupported languages, stray placeholders and long texts, writing nothing', async () => {
    const refusals: Array<[string, Record<string, string>, number, string]> = [
      ['de', { stars_question: 'Fine {brand}', no_such_key: 'x' }, 400, 'unknown_text_key'],
      ['xx', { submit: 'Send' }, 400, 'unsupported_language'],
      ['de-DE', { submit: 'Send' }, 400, 'unsupported_language'],
      ['de', { submit: 'Send to {brand}' }, 400, 'unknown_text_placeholder'],
      ['de', { submit: 'x'.repeat(1001) }, 400, 'validation_failed'],
    ];
    for (const [language, texts, status, code] of refusals) {
      const answer = await withoutWrites(ctx.database, () => put(ctx, tenant.key, language, texts));
      assertError(answer, status, code);
    }
    const extra = await withoutWrites(ctx.database, () =>
      ctx.request('PUT', '/v1/rating-settings/texts/de', { key: tenant.key, body: { texts: {}, language: 'fr' } }),
    );
    assertError(extra, 400, 'validation_failed');
    assertError(
      await ctx.request('GET', '/v1/rating-settings/texts/klingon', { key: tenant.key }),
      400,
      'unsupported_language',
    );
  });

  it("lets another organization's key see and change nothing of this organization's texts", async () => {
    await put(ctx, tenant.key, 'fr', { submit: 'Envoyer' });
    const theirs = await ctx.request('GET', '/v1/rating-settings/texts/fr', { key: other.key });
    assert.equal(theirs.body.data.texts.find((text: { key: string }) => text.key === 'submit').override, null);
    const counts = await ctx.request('GET', '/v1/rating-settings/texts', { key: other.key });
    assert.ok(counts.body.data.every((entry: { override_count: number }) => entry.override_count === 0));
    assert.equal((await put(ctx, other.key, 'fr', { submit: 'Go' })).status, 200);
    const ours = await ctx.request('GET', '/v1/rating-settings/texts/fr', { key: tenant.key });
    assert.equal(ours.body.data.texts.find((text: { key: string }) => text.key === 'submit').override, 'Envoyer');
    assert.match((await invite(ctx, tenant, { language: 'fr' })).html, />Envoyer</);
    assert.match((await invite(ctx, other, { language: 'fr' })).html, />Go</);
    const log = await ctx.request('GET', '/v1/audit-log?action=rating_texts.updated', { key: other.key });
    assert.equal(log.body.data.length, 1, "the other organization's log holds only its own change");
  });

  it("shows the organization's invite text as the settings' default, per language, until it is reset", async () => {
    const own = await ctx.newTenant('Invite Text Org');
    const settings = async (key = own.key) =>
      (await ctx.request('GET', '/v1/rating-settings', { key })).body.data as Record<string, unknown>;
    const builtIn = catalogues.en.invite_message;
    assert.equal((await settings()).invite_message_default, builtIn);
    assert.equal((await settings()).invite_message_builtin, builtIn);

    assert.equal((await put(ctx, own.key, 'en', { invite_message: 'Tell us how we did: {link}' })).status, 200);
    const overridden = await settings();
    assert.equal(overridden.invite_message_default, 'Tell us how we did: {link}');
    assert.equal(overridden.invite_message_builtin, builtIn);
    assert.equal(overridden.invite_message, null, "the settings' own template stays unset");
    // What the settings show is what an invite says.
    assert.equal((await invite(ctx, own)).text.replace(/https?:\/\/\S+/, '{link}'), 'Tell us how we did: {link}');
    // Another organization still reads the built-in text.
    assert.equal((await settings(other.key)).invite_message_default, builtIn);

    // The page language decides which language's text is meant; PATCH and the preview answer the same.
    const german = await ctx.request('PATCH', '/v1/rating-settings', { key: own.key, body: { language: 'de' } });
    assert.equal(german.body.data.invite_message_default, catalogues.de.invite_message);
    assert.equal((await put(ctx, own.key, 'de', { invite_message: 'Wie war es? {link}' })).status, 200);
    const preview = await ctx.request('POST', '/v1/rating-settings/preview', { key: own.key, body: {} });
    assert.equal(preview.body.data.settings.invite_message_default, 'Wie war es? {link}');
    assert.equal(preview.body.data.settings.invite_message_builtin, catalogues.de.invite_message);

    // Reset: the override removed, the built-in text is the default again.
    assert.equal((await put(ctx, own.key, 'de', { invite_message: '' })).status, 200);
    assert.equal((await settings()).invite_message_default, catalogues.de.invite_message);
  });

  it('refuses agents: the texts are admin settings', async () => {
    assertError(await ctx.request('GET', '/v1/rating-settings/texts', { key: agentKey }), 403, 'forbidden_role');
    assertError(await ctx.request('GET', '/v1/rating-settings/texts/de', { key: agentKey }), 403, 'forbidden_role');
    const refused = await withoutWrites(ctx.database, () => put(ctx, agentKey, 'de', { submit: 'Los' }));
    assertError(refused, 403, 'forbidden_role');
  });
});
