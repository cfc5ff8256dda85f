import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { chromiumSkipReason, launchChromium, startPageServer, type PageServer } from './harness.js';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

const EASE = {
  code: 'EASE',
  kind: 'ces',
  labels: { en: 'How easy was it to get help?', de: 'Wie einfach war es, Hilfe zu bekommen?' },
  help: { en: '1 is very hard, 7 very easy.' },
  follow_up: {
    reasons: [
      { id: 'TOO_SLOW', labels: { en: 'It took too long', de: 'Es hat zu lange gedauert' } },
      { id: 'PASSED_AROUND', labels: { en: 'I was passed around' } },
    ],
    comment_prompt: { en: 'What could we do better?', de: 'Was können wir besser machen?' },
  },
};

const TOPIC = {
  code: 'TOPIC',
  kind: 'choice',
  required: false,
  labels: { en: 'What was it about?' },
  options: [
    { id: 'PRICE', labels: { en: 'Price' } },
    { id: 'DELIVERY', labels: { en: 'Delivery' } },
  ],
};

describe('questions of the organization’s own on the rating page, in Chromium', { skip: chromiumSkipReason() }, () => {
  let server: PageServer;
  let browser: Browser;
  let key: string;
  const contexts: BrowserContext[] = [];
  const consoleErrors: string[] = [];

  async function newPage(viewport: { width: number; height: number }) {
    const context = await browser.newContext({ locale: 'en-US', viewport, reducedMotion: 'reduce' });
    contexts.push(context);
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    return page;
  }

  before(async () => {
    browser = await launchChromium();
    server = await startPageServer();
    key = await server.newTenant('Acme Support');
    await server.api(key, 'POST', '/v1/questions', EASE);
    await server.api(key, 'POST', '/v1/questions', TOPIC);
    await server.api(key, 'PATCH', '/v1/rating-settings', {
      conv_rating_question_codes: ['EASE', 'TOPIC'],
      redirect_policy: 'off',
    });
  });

  after(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  it('shows the follow-up on a low answer only, and records its reasons and comment', async () => {
    const { rating, url } = await server.invite(key);
    const page = await newPage({ width: 1280, height: 900 });
    await page.goto(url);
    const followUp = page.locator('[data-follow-up="EASE"]');
    assert.equal(await followUp.isVisible(), false, 'no follow-up before an answer');
    await page.locator('label[for="q-EASE-6"]').click();
    assert.equal(await followUp.isVisible(), false, 'a high answer asks nothing more');
    await page.locator('label[for="q-EASE-2"]').click();
    assert.equal(await followUp.isVisible(), true, 'a low answer shows the follow-up');
    assert.match(await followUp.innerText(), /What could we do better\?/);
    await page.getByLabel('It took too long').check();
    await followUp.locator('textarea').fill('Three transfers before anyone helped.');
    await page.locator('label[for="stars-3"]').click();
    await page.getByLabel('Delivery').check();
    await page.screenshot({ path: join(SHOTS, 'questions-follow-up-desktop.png'), fullPage: true });

    await page.getByRole('button', { name: 'Send feedback' }).click();
    await page.waitForSelector('.message h1');
    const stored = (await server.api(key, 'GET', `/v1/ratings/${rating.id}`)).data;
    const ease = stored.questions.find((question: { code: string }) => question.code === 'EASE');
    assert.deepEqual(
      [ease.value, ease.reasons, ease.comment, ease.version],
      [2, ['TOO_SLOW'], 'Three transfers before anyone helped.', 1],
    );
    const topic = stored.questions.find((question: { code: string }) => question.code === 'TOPIC');
    assert.deepEqual(topic.choices, ['DELIVERY']);
    assert.equal(stored.questions.find((question: { code: string }) => question.code === 'STARS').value, 3);
    assert.deepEqual(consoleErrors, [], 'nothing refused under the page’s CSP');
  });

  it('lays the follow-up out on a phone, in the page language with the fallback', async () => {
    const { url } = await server.invite(key, { language: 'de' });
    const page = await newPage({ width: 390, height: 844 });
    await page.goto(url);
    assert.match(await page.locator('body').innerText(), /Wie einfach war es, Hilfe zu bekommen\?/);
    await page.locator('label[for="q-EASE-1"]').click();
    const followUp = page.locator('[data-follow-up="EASE"]');
    assert.equal(await followUp.isVisible(), true);
    const text = await followUp.innerText();
    assert.match(text, /Was können wir besser machen\?/);
    assert.match(text, /Es hat zu lange gedauert/);
    assert.match(text, /I was passed around/, 'no German label: English');
    await page.screenshot({ path: join(SHOTS, 'questions-follow-up-phone.png'), fullPage: true });
    // The page fits the phone's width.
    const width = await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth);
    assert.ok(width <= 390, `no sideways scrolling (${width}px)`);
  });
});
