import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Browser, BrowserContext } from 'playwright-core';
import { chromiumSkipReason, launchChromium, startPageServer, type PageServer } from './harness.js';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
/** Screenshots for people to look at; the folder ignores itself in git. */
const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

describe('an email’s answer link in Chromium', { skip: chromiumSkipReason() }, () => {
  let server: PageServer;
  let browser: Browser;
  let key: string;
  const contexts: BrowserContext[] = [];
  const consoleErrors: string[] = [];

  before(async () => {
    browser = await launchChromium();
    server = await startPageServer();
    key = await server.newTenant('Nordlicht Reisen');
    await server.api(key, 'PATCH', '/v1/rating-settings', { primary_color: '#7c3aed' });
    // A subscriber to answers: its outbox rows count the answers recorded.
    await server.api(key, 'POST', '/v1/webhooks', {
      url: 'https://hooks.example.com/plaudit',
      event_types: ['rating.submitted'],
    });
    mkdirSync(SHOTS, { recursive: true });
  });

  after(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  async function newPage(options: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } }) {
    const context = await browser.newContext({ locale: 'en-US', reducedMotion: 'reduce', ...options });
    contexts.push(context);
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    return page;
  }

  /** An invite and its email; the link of answer `value` on this server. */
  async function emailLink(value: string): Promise<{ rating: any; link: string }> {
    const { rating } = await server.invite(key);
    const email = (await server.api(key, 'GET', `/v1/ratings/${rating.id}/deliverables?channel=email`)).data;
    const choice = email.question.choices.find((candidate: { value: string }) => candidate.value === value);
    assert.ok(email.email.html.includes(`href="${choice.link}"`));
    const url = new URL(choice.link);
    return { rating, link: `${server.baseUrl}${url.pathname}${url.search}` };
  }

  const ratingOf = async (id: number) => (await server.api(key, 'GET', `/v1/ratings/${id}`)).data;
  async function submittedEvents(id: number): Promise<number> {
    const { rows } = await sql<{ n: number }>`select count(*) as n from webhook_deliveries
      where event_type = 'rating.submitted' and payload like ${`%"rating_id":${id},%`}`.execute(server.database.db);
    return Number(rows[0]!.n);
  }

  it('records the answer once when the page opens; a plain fetch of the link records nothing', async () => {
    const { rating, link } = await emailLink('4');

    // What a mail scanner does: fetch the link, run no script.
    const fetched = await fetch(link);
    assert.equal(fetched.status, 200);
    assert.match(await fetched.text(), /Your answer: 4 stars – good/);
    const untouched = await ratingOf(rating.id);
    assert.equal(untouched.questions[0].status, 'Offered');
    assert.equal(untouched.opened_at, null, 'a fetch does not even count as an opening');
    assert.equal(await submittedEvents(rating.id), 0);

    const page = await newPage({ viewport: DESKTOP });
    await page.goto(link);
    await page.locator('#link-answer-recorded').waitFor({ state: 'visible' });
    assert.equal(
      await page.locator('#link-answer-recorded').textContent(),
      'Thank you, your answer is recorded. You can tell us more below.',
    );
    assert.ok(await page.locator('#stars-4').isChecked(), 'the rest of the survey follows, the answer chosen');
    assert.equal(new URL(page.url()).search, '', 'the address loses ?answer=');
    const answered = await ratingOf(rating.id);
    assert.equal(answered.questions[0].value, 4);
    assert.equal(answered.status, 'rated');
    assert.notEqual(answered.opened_at, null);
    assert.equal(await submittedEvents(rating.id), 1);
    await page.screenshot({ path: `${SHOTS}/email-link-desktop.png`, fullPage: true });

    // A reload, and the link opened again: still one answer.
    await page.reload();
    await page.goto(link);
    await page.locator('#link-answer-recorded').waitFor({ state: 'visible' });
    assert.equal(await submittedEvents(rating.id), 1);
    const summary = (await server.api(key, 'GET', '/v1/analytics/summary')).data;
    assert.equal(summary.csat.responses, 1);

    // The rest of the survey: a comment, sent with the form.
    await page.fill('#comment', 'Quick and friendly.');
    await page.click('button.submit:not(.link-send)');
    await page.locator('h1', { hasText: 'Thank you!' }).waitFor();
    assert.equal((await ratingOf(rating.id)).comment, 'Quick and friendly.');

    const phone = await newPage({ viewport: PHONE });
    const second = await emailLink('2');
    await phone.goto(second.link);
    await phone.locator('#link-answer-recorded').waitFor({ state: 'visible' });
    await phone.screenshot({ path: `${SHOTS}/email-link-phone.png`, fullPage: true });
    assert.deepEqual(consoleErrors, [], 'no CSP refusal or script error');
  });

  it('records an organization’s own first question once — a csat value, then a choice option — never on a fetch', async () => {
    await server.api(key, 'POST', '/v1/questions', {
      code: 'SATISFACTION',
      kind: 'csat',
      labels: { en: 'How satisfied are you with Nordlicht?' },
    });
    await server.api(key, 'POST', '/v1/questions', {
      code: 'TRIP',
      kind: 'choice',
      labels: { en: 'What was your trip about?' },
      options: [
        { id: 'BOOKING', labels: { en: 'A new booking' } },
        { id: 'REFUND', labels: { en: 'A refund' } },
      ],
    });
    for (const [code, value, label, stored] of [
      ['SATISFACTION', '4', 'Your answer: 4 – Satisfied', { value: 4, choices: null }],
      ['TRIP', 'REFUND', 'Your answer: A refund', { value: null, choices: ['REFUND'] }],
    ] as const) {
      const { data: conversation } = await server.api(key, 'POST', '/v1/conversations', {});
      const rating = (
        await server.api(key, 'POST', `/v1/conversations/${conversation.id}/ratings`, {
          question_codes: [code, 'STARS'],
        })
      ).data;
      const email = (await server.api(key, 'GET', `/v1/ratings/${rating.id}/deliverables?channel=email`)).data;
      const choice = email.question.choices.find((candidate: { value: string }) => candidate.value === value);
      assert.ok(email.email.html.includes(`href="${choice.link}"`), `${code}: the email links ${value}`);
      const url = new URL(choice.link);
      const link = `${server.baseUrl}${url.pathname}${url.search}`;

      const fetched = await fetch(link);
      assert.equal(fetched.status, 200);
      assert.ok((await fetched.text()).includes(label));
      assert.equal((await ratingOf(rating.id)).questions[0].status, 'Offered', `${code}: a fetch records nothing`);
      assert.equal(await submittedEvents(rating.id), 0);

      const page = await newPage({ viewport: PHONE });
      await page.goto(link);
      await page.locator('#link-answer-recorded').waitFor({ state: 'visible' });
      assert.equal(await page.locator('.link-chosen').isVisible(), false, 'the block now says it is recorded');
      assert.ok(await page.locator(`input[name="${code}"][value="${value}"]`).isChecked(), `${code}: shown chosen`);
      const [first, second] = (await ratingOf(rating.id)).questions;
      assert.deepEqual({ value: first.value, choices: first.choices }, stored);
      assert.equal(second.status, 'Offered', 'the STARS after it is left to the rater');
      await page.reload();
      await page.goto(link);
      await page.locator('#link-answer-recorded').waitFor({ state: 'visible' });
      assert.equal(await submittedEvents(rating.id), 1, `${code}: recorded once`);
      await page.screenshot({ path: `${SHOTS}/email-link-${code.toLowerCase()}-phone.png`, fullPage: true });
    }
    assert.deepEqual(consoleErrors, [], 'no CSP refusal or script error');
  });

  it('without JavaScript, records the chosen answer after one click on the visible button', async () => {
    const { rating, link } = await emailLink('2');
    const page = await newPage({ javaScriptEnabled: false, viewport: PHONE });
    await page.goto(link);
    const button = page.locator('button.link-send');
    assert.ok(await button.isVisible());
    assert.equal(await button.textContent(), 'Send this answer');
    assert.ok(await page.locator('#stars-2').isChecked());
    assert.equal((await ratingOf(rating.id)).questions[0].status, 'Offered', 'nothing is recorded before the click');
    await page.screenshot({ path: `${SHOTS}/email-link-nojs-phone.png`, fullPage: true });
    await button.click();
    await page.locator('#link-answer-recorded').waitFor({ state: 'visible' });
    const answered = await ratingOf(rating.id);
    assert.equal(answered.questions[0].value, 2);
    assert.equal(await submittedEvents(rating.id), 1);
    // The rest of the survey follows on the page.
    assert.ok(await page.locator('#comment').isVisible());
  });
  it('shows the email itself as a client without styles of its own would: five star links, then the page link', async () => {
    const { rating } = await server.invite(key);
    const email = (await server.api(key, 'GET', `/v1/ratings/${rating.id}/deliverables?channel=email`)).data.email;
    for (const [name, viewport] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      const page = await newPage({ javaScriptEnabled: false, viewport });
      await page.setContent(email.html);
      assert.equal(await page.locator(`a[href^="${rating.link}?answer="]`).count(), 5);
      await page.screenshot({ path: `${SHOTS}/email-body-${name}.png`, fullPage: true });
    }
  });
});
