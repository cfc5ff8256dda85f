import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { sql } from 'kysely';
import { assertError, describeEachDialect, type TestContext, type Tenant } from './helpers/app.js';
import { withoutWrites } from './helpers/refusals.js';
import { uniqueEmail } from './helpers/sessions.js';

const CODE = /\/r\/([A-Za-z0-9_-]{24})$/;

async function conversation(ctx: TestContext, tenant: Tenant, body: Record<string, unknown> = {}): Promise<number> {
  const created = await ctx.request('POST', '/v1/conversations', { key: tenant.key, body });
  assert.equal(created.status, 201);
  return created.body.data.id;
}

/** A native invite (STARS, then the configured questions) on a new conversation: the rating. */
async function invite(ctx: TestContext, tenant: Tenant, body: Record<string, unknown> = {}) {
  const id = await conversation(ctx, tenant, body);
  const created = await ctx.request('POST', `/v1/conversations/${id}/rating-invites`, { key: tenant.key });
  assert.equal(created.status, 201);
  return created.body.data.rating;
}

/** A native survey of the given questions on a new conversation. */
async function survey(ctx: TestContext, tenant: Tenant, codes: string[], body: Record<string, unknown> = {}) {
  const id = await conversation(ctx, tenant, body);
  const created = await ctx.request('POST', `/v1/conversations/${id}/ratings`, {
    key: tenant.key,
    body: { question_codes: codes },
  });
  assert.equal(created.status, 201);
  return created.body.data;
}

const deliverable = (ctx: TestContext, key: string, id: number | string, channel: string) =>
  ctx.request('GET', `/v1/ratings/${id}/deliverables?channel=${channel}`, { key });
const reply = (ctx: TestContext, key: string, id: number | string, replyId: string) =>
  ctx.request('POST', `/v1/ratings/${id}/replies`, { key, body: { reply_id: replyId } });

async function deliveries(ctx: TestContext, orgId: number, type: string): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from webhook_deliveries
    where org_id = ${orgId} and event_type = ${type}`.execute(ctx.database.db);
  return Number(rows[0]!.n);
}

describeEachDialect('Deliverables: email, SMS and WhatsApp messages of a rating, and WhatsApp replies', (ctx) => {
  let tenant: Tenant;
  let other: Tenant;
  let agentKey: string;

  before(async () => {
    tenant = await ctx.newTenant('Acme <Support> & Co');
    other = await ctx.newTenant('Other Org');
    const agent = await ctx.app.services.accounts.createUser({
      orgId: tenant.orgId,
      email: uniqueEmail('agent'),
      role: 'agent',
      name: 'Aiko Agent',
    });
    agentKey = agent.apiKey.api_key;
    const patched = await ctx.request('PATCH', '/v1/rating-settings', {
      key: tenant.key,
      body: { primary_color: '#1d4ed8', logo_url: 'https://cdn.example.com/logo.png?a=1&b=2' },
    });
    assert.equal(patched.status, 200);
  });

  it('asks an organization’s own question in its words, and records a WhatsApp reply to a choice once', async () => {
    const shop = await ctx.newTenant('Shop');
    const created = await ctx.request('POST', '/v1/questions', {
      key: shop.key,
      body: {
        code: 'CONTACT_REASON',
        kind: 'choice',
        labels: { en: 'Why did you contact us?', de: 'Warum haben Sie uns kontaktiert?' },
        options: [
          { id: 'ORDER', labels: { en: 'My order', de: 'Meine Bestellung' } },
          { id: 'REFUND', labels: { en: 'A refund', de: 'Eine Erstattung' } },
        ],
      },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const rating = await survey(ctx, shop, ['CONTACT_REASON', 'STARS'], { language: 'de' });
    const message = (await deliverable(ctx, shop.key, rating.id, 'whatsapp')).body.data;
    assert.equal(message.question.text, 'Warum haben Sie uns kontaktiert?');
    assert.deepEqual(
      message.question.choices.map((choice: { value: string; label: string }) => [choice.value, choice.label]),
      [
        ['ORDER', 'Meine Bestellung'],
        ['REFUND', 'Eine Erstattung'],
      ],
    );
    assert.equal(message.whatsapp.form, 'buttons');
    assert.deepEqual(
      message.whatsapp.replies.map((choice: { reply_id: string }) => choice.reply_id),
      ['CONTACT_REASON:ORDER', 'CONTACT_REASON:REFUND'],
    );

    const recorded = await reply(ctx, shop.key, rating.id, 'CONTACT_REASON:REFUND');
    assert.equal(recorded.status, 200, JSON.stringify(recorded.body));
    assert.equal(recorded.body.recorded, true);
    const question = recorded.body.data.questions.find((q: { code: string }) => q.code === 'CONTACT_REASON');
    assert.deepEqual([question.status, question.choices, question.value], ['Rated', ['REFUND'], null]);
    // The same reply again records nothing; another option is refused, as for a scale.
    assert.equal((await reply(ctx, shop.key, rating.id, 'CONTACT_REASON:REFUND')).body.recorded, false);
    assertError(await reply(ctx, shop.key, rating.id, 'CONTACT_REASON:ORDER'), 409, 'question_already_answered');
    assertError(await reply(ctx, shop.key, rating.id, 'CONTACT_REASON:PRICE'), 400, 'unknown_reply');
  });

  it('writes the email in the rating’s language: subject, each star its own absolute link, everything escaped', async () => {
    const rating = await invite(ctx, tenant, { language: 'de' });
    const response = await deliverable(ctx, tenant.key, rating.uid, 'email');
    assert.equal(response.status, 200);
    const { data } = response.body;
    assert.equal(data.language, 'de');
    assert.equal(data.link, rating.link);
    assert.match(data.link, /^https:\/\/plaudit\.test\/r\/[A-Za-z0-9_-]{24}$/);
    assert.equal(data.question.code, 'STARS');
    assert.equal(data.question.text, 'Wie bewerten Sie Ihr Gespräch mit Acme <Support> & Co?');
    assert.deepEqual(
      data.question.choices.map((choice: { value: string; link: string }) => [choice.value, choice.link]),
      ['1', '2', '3', '4', '5'].map((value) => [value, `${rating.link}?answer=${value}`]),
    );
    assert.equal(data.question.choices[3].description, '4 Sterne – gut');
    const { subject, html, text } = data.email;
    assert.equal(subject, 'Wie war Ihr Gespräch mit Acme <Support> & Co?');
    // The brand, the logo URL and the colour arrive escaped; no markup of theirs survives.
    assert.ok(!html.includes('<Support>'));
    assert.ok(html.includes('Acme &lt;Support&gt; &amp; Co'));
    assert.ok(html.includes('src="https://cdn.example.com/logo.png?a=1&amp;b=2"'));
    assert.ok(html.includes('#1d4ed8'));
    assert.ok(html.includes('<html lang="de" dir="ltr">'));
    for (const value of [1, 2, 3, 4, 5]) assert.ok(html.includes(`href="${rating.link}?answer=${value}"`), `${value}`);
    assert.ok(text.includes(`4 Sterne – gut: ${rating.link}?answer=4\n`));
    assert.ok(text.includes(`Umfrage öffnen: ${rating.link}\n`));
    assert.ok(!('sms' in data) && !('whatsapp' in data));
  });

  it('writes an SMS with the link and says how long it is (GSM 7-bit, or UCS-2 where the language needs it)', async () => {
    const rating = await invite(ctx, tenant, { language: 'en' });
    const { data } = (await deliverable(ctx, tenant.key, rating.id, 'sms')).body;
    assert.equal(data.sms.text, `Acme <Support> & Co: how did we do? Rate your conversation: ${rating.link}`);
    // "Acme <Support> & Co" 19 + ": how did we do? Rate your conversation: " 41 + the link 47 ("https://plaudit.test/r/"
    // 23 and the code 24).
    assert.deepEqual(
      { ...data.sms, text: undefined },
      { text: undefined, encoding: 'gsm7', length: 107, single_limit: 160, segments: 1 },
    );

    const japanese = await invite(ctx, tenant, { language: 'ja' });
    const sms = (await deliverable(ctx, tenant.key, japanese.id, 'sms')).body.data.sms;
    // "Acme <Support> & Co" 19 + "：対応はいかがでしたか？会話の評価はこちら：" 22 + the link 47 = 88 UTF-16 units: two of 67.
    assert.deepEqual(
      { encoding: sms.encoding, length: sms.length, segments: sms.segments },
      { encoding: 'ucs2', length: 88, segments: 2 },
    );
  });

  it('builds the WhatsApp message: a list of five for stars, two reply buttons for thumbs, a link button for NPS', async () => {
    const stars = await invite(ctx, tenant);
    const list = (await deliverable(ctx, tenant.key, stars.id, 'whatsapp')).body.data.whatsapp;
    assert.equal(list.form, 'list');
    assert.equal(list.message.type, 'interactive');
    assert.equal(list.message.messaging_product, 'whatsapp');
    const interactive = list.message.interactive;
    assert.equal(interactive.type, 'list');
    assert.equal(interactive.action.button, 'Choose an answer');
    assert.deepEqual(interactive.action.sections[0].rows[3], {
      id: 'STARS:4',
      title: 'Good',
      description: '4 stars – good',
    });
    assert.equal(interactive.action.sections[0].rows.length, 5);
    assert.equal(
      interactive.body.text,
      `How would you rate your conversation with Acme <Support> & Co?\n\nOr answer on this page: ${stars.link}`,
    );

    const thumbs = await survey(ctx, tenant, ['HELPFUL_THUMBS', 'NPS']);
    const buttons = (await deliverable(ctx, tenant.key, thumbs.id, 'whatsapp')).body.data.whatsapp;
    assert.equal(buttons.form, 'buttons');
    assert.deepEqual(buttons.message.interactive.action.buttons, [
      { type: 'reply', reply: { id: 'HELPFUL_THUMBS:1', title: 'Yes' } },
      { type: 'reply', reply: { id: 'HELPFUL_THUMBS:0', title: 'No' } },
    ]);
    assert.match(buttons.message.interactive.body.text, /^Was this helpful\?\n\nOr answer on this page: /);

    const nps = await survey(ctx, tenant, ['NPS']);
    const link = (await deliverable(ctx, tenant.key, nps.id, 'whatsapp')).body.data.whatsapp;
    assert.equal(link.form, 'link');
    assert.deepEqual(link.replies, []);
    assert.deepEqual(link.message.interactive.action, {
      name: 'cta_url',
      parameters: { display_text: 'Open the survey', url: nps.link },
    });
    // The email still offers each of the eleven answers as a link.
    const email = (await deliverable(ctx, tenant.key, nps.id, 'email')).body.data;
    assert.equal(email.question.choices.length, 11);
    assert.ok(email.email.html.includes(`href="${nps.link}?answer=0"`));
    assert.ok(email.email.html.includes(`href="${nps.link}?answer=10"`));
  });

  it('uses the organization’s text overrides of the language', async () => {
    const shop = await ctx.newTenant('Fjord');
    const put = await ctx.request('PUT', '/v1/rating-settings/texts/nb', {
      key: shop.key,
      body: { texts: { invite_sms: 'Hei fra {brand}! Si din mening: {link}' } },
    });
    assert.equal(put.status, 200);
    const rating = await invite(ctx, shop, { language: 'nb' });
    const { data } = (await deliverable(ctx, shop.key, rating.id, 'sms')).body;
    assert.equal(data.sms.text, `Hei fra Fjord! Si din mening: ${rating.link}`);
  });

  it('records a WhatsApp reply once, through the answer path: rollups and one webhook event in its transaction', async () => {
    const shop = await ctx.newTenant('Reply Shop');
    const hook = await ctx.request('POST', '/v1/webhooks', {
      key: shop.key,
      body: { url: 'https://hooks.example.com/plaudit', event_types: ['rating.submitted'] },
    });
    assert.equal(hook.status, 201);
    const rating = await invite(ctx, shop);
    const recorded = await reply(ctx, shop.key, rating.id, 'STARS:4');
    assert.equal(recorded.status, 200);
    assert.equal(recorded.body.recorded, true);
    const stars = recorded.body.data.questions.find((question: { code: string }) => question.code === 'STARS');
    assert.equal(stars.value, 4);
    assert.equal(stars.status, 'Rated');
    assert.equal(recorded.body.data.status, 'rated');
    assert.equal(await deliveries(ctx, shop.orgId, 'rating.submitted'), 1);
    const summary = await ctx.request('GET', '/v1/analytics/summary', { key: shop.key });
    assert.equal(summary.status, 200);
    assert.equal(summary.body.data.csat.responses, 1);

    // The same reply again (a redelivered webhook) writes nothing.
    const again = await withoutWrites(ctx.database, () => reply(ctx, shop.key, rating.uid, 'STARS:4'));
    assert.equal(again.status, 200);
    assert.equal(again.body.recorded, false);
    // Another reply to the answered question is refused.
    assertError(
      await withoutWrites(ctx.database, () => reply(ctx, shop.key, rating.id, 'STARS:2')),
      409,
      'question_already_answered',
      /already answered \(4\)/,
    );
    assert.equal(await deliveries(ctx, shop.orgId, 'rating.submitted'), 1);
    assert.equal((await ctx.request('GET', '/v1/analytics/summary', { key: shop.key })).body.data.csat.responses, 1);
  });

  it('refuses replies the rating did not offer, and replies to a cancelled or expired rating, writing nothing', async () => {
    const rating = await invite(ctx, tenant);
    for (const replyId of ['STARS:9', 'NPS:7', 'STARS', 'stars:4', 'STARS:4:1', '']) {
      const refused = await withoutWrites(ctx.database, () => reply(ctx, tenant.key, rating.id, replyId));
      if (replyId === '') assertError(refused, 400, 'validation_failed');
      else assertError(refused, 400, 'unknown_reply', /is not one rating \d+ offered/);
    }
    const thumbs = await survey(ctx, tenant, ['EXPERIENCE_THUMBS']);
    assertError(await reply(ctx, tenant.key, thumbs.id, 'EXPERIENCE_THUMBS:2'), 400, 'unknown_reply', /takes 1, 0/);
    const down = await reply(ctx, tenant.key, thumbs.id, 'EXPERIENCE_THUMBS:0');
    assert.equal(down.body.data.questions[0].value, 0);

    const cancelled = await invite(ctx, tenant);
    assert.equal((await ctx.request('POST', `/v1/ratings/${cancelled.id}/cancel`, { key: tenant.key })).status, 200);
    assertError(
      await withoutWrites(ctx.database, () => reply(ctx, tenant.key, cancelled.id, 'STARS:5')),
      409,
      'rating_cancelled',
    );
    assertError(await deliverable(ctx, tenant.key, cancelled.id, 'email'), 409, 'rating_cancelled');

    const expired = await survey(ctx, tenant, ['STARS']);
    await sql`update ratings set expires_at = ${'2020-01-01T00:00:00.000Z'} where id = ${expired.id}`.execute(
      ctx.database.db,
    );
    assertError(
      await withoutWrites(ctx.database, () => reply(ctx, tenant.key, expired.id, 'STARS:5')),
      410,
      'rating_expired',
    );
    assertError(await deliverable(ctx, tenant.key, expired.id, 'sms'), 410, 'rating_expired');
    assertError(await deliverable(ctx, tenant.key, rating.id, 'fax'), 400, 'validation_failed');
  });

  it('refuses another organization’s key on both routes, and a read-only key a reply; agents may do both', async () => {
    const rating = await invite(ctx, tenant);
    assertError(await deliverable(ctx, other.key, rating.id, 'email'), 404, 'rating_not_found');
    assertError(await deliverable(ctx, other.key, rating.uid, 'whatsapp'), 404, 'rating_not_found');
    assertError(
      await withoutWrites(ctx.database, () => reply(ctx, other.key, rating.id, 'STARS:5')),
      404,
      'rating_not_found',
    );
    const readOnly = await ctx.newKey(tenant, ['read_all']);
    assert.equal((await deliverable(ctx, readOnly.key, rating.id, 'sms')).status, 200);
    assertError(
      await withoutWrites(ctx.database, () => reply(ctx, readOnly.key, rating.id, 'STARS:5')),
      403,
      'insufficient_scope',
    );
    assert.equal((await deliverable(ctx, agentKey, rating.id, 'email')).status, 200);
    const byAgent = await reply(ctx, agentKey, rating.id, 'STARS:5');
    assert.equal(byAgent.status, 200);
    assert.equal(byAgent.body.recorded, true);
  });

  it('opens the page of an email’s link with the answer chosen, recording nothing until the page posts it', async () => {
    const rating = await invite(ctx, tenant);
    const path = `/r/${CODE.exec(rating.link)![1]}`;
    const page = await withoutWrites(ctx.database, () => ctx.request('GET', `${path}?answer=4`));
    assert.equal(page.status, 200);
    assert.match(String(page.headers['content-security-policy']), /script-src 'nonce-[^']+'; connect-src 'self'/);
    assert.match(page.body, /id="stars-4" name="stars" value="4" checked/);
    assert.match(page.body, /<p class="link-chosen">Your answer: 4 stars – good<\/p>/);
    assert.match(page.body, /<button class="submit link-send" type="submit">Send this answer<\/button>/);
    // An answer the question does not take opens the page as without one, and a plain page carries no script.
    const odd = await ctx.request('GET', `${path}?answer=9`);
    assert.ok(!odd.body.includes('link-answer-form'));
    assert.doesNotMatch(String(odd.headers['content-security-policy']), /script-src/);

    const cookie = String(page.headers['set-cookie']).split(';')[0]!;
    const token = /name="csrf_token" value="([^"]+)"/.exec(page.body)![1]!;
    const post = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
      ctx.request('POST', `${path}/answer`, {
        payload: new URLSearchParams(fields).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, ...headers },
      });
    assert.equal(
      (await withoutWrites(ctx.database, () => post({ csrf_token: 'x'.repeat(43), question: 'STARS', answer: '4' })))
        .status,
      403,
    );
    const sent = await post({ csrf_token: token, question: 'STARS', answer: '4' });
    assert.equal(sent.status, 200);
    assert.match(sent.body, /Thank you, your answer is recorded\. You can tell us more below\./);
    const after = (await ctx.request('GET', `/v1/ratings/${rating.id}`, { key: tenant.key })).body.data;
    assert.equal(after.questions[0].value, 4);
    assert.notEqual(after.opened_at, null);
    // The script's POST of the reloaded page: nothing more is written.
    const again = await withoutWrites(ctx.database, () =>
      post({ csrf_token: token, question: 'STARS', answer: '4' }, { 'x-plaudit-link-answer': 'fetch' }),
    );
    assert.equal(again.status, 204);

    // A thumbs question's links carry its stored values: 0 is thumbs down.
    const thumbs = await survey(ctx, tenant, ['HELPFUL_THUMBS', 'CSAT']);
    const links = (await deliverable(ctx, tenant.key, thumbs.id, 'email')).body.data.question.choices;
    assert.deepEqual(
      links.map((choice: { value: string; label: string }) => [choice.value, choice.label]),
      [
        ['1', 'Yes'],
        ['0', 'No'],
      ],
    );
    const down = await withoutWrites(ctx.database, () =>
      ctx.request('GET', new URL(links[1].link).pathname + '?answer=0'),
    );
    assert.match(down.body, /id="q-HELPFUL_THUMBS-down" name="HELPFUL_THUMBS" value="down" checked/);
    assert.match(down.body, /Your answer: No/);
  });
});
