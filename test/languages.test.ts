import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachDialect, type TestContext, type Tenant } from './helpers/app.js';

/** The language a page, an invite and the popup of a new conversation speak. */
async function spoken(
  ctx: TestContext,
  tenant: Tenant,
  conversation: Record<string, unknown>,
  acceptLanguage?: string,
): Promise<{ page: string; dir: string | undefined; invite: string; widget: string; widgetDir: string }> {
  const created = await ctx.request('POST', '/v1/conversations', { key: tenant.key, body: conversation });
  const id = created.body.data.id;
  const invite = await ctx.request('POST', `/v1/conversations/${id}/rating-invites`, { key: tenant.key });
  const headers: Record<string, string> = acceptLanguage ? { 'accept-language': acceptLanguage } : {};
  const page = await ctx.request('GET', new URL(invite.body.data.link).pathname, { headers });
  assert.equal(page.status, 200);
  const html = page.body as string;
  const [, lang, dir] = /<html lang="([a-z]+)"(?: dir="([a-z]+)")?>/.exec(html) ?? [];
  assert.equal(page.headers['content-language'], lang);
  const token = (await ctx.request('POST', `/v1/conversations/${id}/widget-tokens`, { key: tenant.key })).body.data
    .token;
  const session = await ctx.request('GET', '/widget/v1/session', { key: token, headers });
  return {
    page: lang!,
    dir,
    invite: invite.body.data.text,
    widget: session.body.data.language,
    widgetDir: session.body.data.dir,
  };
}

describeEachDialect('The language of the rating page, the invite and the popup', (ctx) => {
  // The conversation's language now wins over the organization's default (before, the organization's came first).
  it("speaks the conversation's language, else the organization's default, else the browser's, else English", async () => {
    const tenant = await ctx.newTenant('Hafen AG');
    await ctx.request('PATCH', '/v1/rating-settings', { key: tenant.key, body: { language: 'de' } });

    const french = await spoken(ctx, tenant, { language: 'fr' }, 'es');
    assert.deepEqual([french.page, french.widget], ['fr', 'fr']);
    assert.match(french.invite, /^Merci de nous avoir contactés !/);

    const byOrganization = await spoken(ctx, tenant, {}, 'es');
    assert.deepEqual([byOrganization.page, byOrganization.widget], ['de', 'de']);
    assert.match(byOrganization.invite, /^Vielen Dank für Ihre Anfrage!/);

    const unknown = await spoken(ctx, tenant, { language: 'ko' }, 'es');
    assert.equal(unknown.page, 'de', 'a conversation language Plaudit does not speak falls to the default');

    const open = await ctx.newTenant('Open Org');
    const byBrowser = await spoken(ctx, open, {}, 'ko-KR, pt-BR;q=0.9, en;q=0.5');
    assert.deepEqual([byBrowser.page, byBrowser.widget], ['pt', 'pt']);
    assert.match(byBrowser.invite, /^Thank you for contacting us!/, 'an invite has no browser: English');
    const english = await spoken(ctx, open, {}, 'ko, zh;q=0.8');
    assert.equal(english.page, 'en');
    assert.equal((await spoken(ctx, open, {})).page, 'en');
    assert.equal((await spoken(ctx, open, { language: 'pt-BR' }, 'de')).page, 'pt', 'a regional tag reads its base');
    assert.equal((await spoken(ctx, open, {}, 'sv;q=0.2, da;q=0.9')).page, 'da', 'by weight');
  });

  it('writes Arabic right to left, on the page and in the popup', async () => {
    const tenant = await ctx.newTenant('Oasis');
    const arabic = await spoken(ctx, tenant, { language: 'ar' });
    assert.deepEqual([arabic.page, arabic.dir, arabic.widget, arabic.widgetDir], ['ar', 'rtl', 'ar', 'rtl']);
    assert.match(arabic.invite, /^شكرًا لتواصلك معنا!/);
    const japanese = await spoken(ctx, tenant, { language: 'ja' });
    assert.deepEqual([japanese.page, japanese.dir, japanese.widgetDir], ['ja', undefined, 'ltr']);
    assert.match(japanese.invite, /お問い合わせいただきありがとうございました/);
  });

  it("keeps Healvi's invite text in the language it answered before: the organization's, else English or German", async () => {
    const tenant = await ctx.newTenant('Hafen AG');
    const healvi = async (conversation: Record<string, unknown>) => {
      const created = await ctx.request('POST', '/v1/conversations', { key: tenant.key, body: conversation });
      const answer = await ctx.request('POST', `/third-party/v1/conversations/${created.body.data.id}/invite-rating`, {
        key: tenant.key,
      });
      assert.equal(answer.status, 200);
      return answer.body.data.text as string;
    };
    assert.match(await healvi({ language: 'fr' }), /^Thank you for contacting us!/);
    assert.match(await healvi({ language: 'de-CH' }), /^Vielen Dank für Ihre Anfrage!/);
    await ctx.request('PATCH', '/v1/rating-settings', { key: tenant.key, body: { language: 'de' } });
    assert.match(await healvi({ language: 'en' }), /^Vielen Dank für Ihre Anfrage!/);
    // The native invite of the same conversation speaks the conversation's language.
    assert.match((await spoken(ctx, tenant, { language: 'fr' })).invite, /^Merci de nous avoir contactés !/);
  });
});
