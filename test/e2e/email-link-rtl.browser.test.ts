import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { chromiumSkipReason, launchChromium, startPageServer, type PageServer } from './harness.js';

declare const document: { documentElement: { dir: string; lang: string } };
declare function getComputedStyle(element: unknown): { direction: string };

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
/** Screenshots for people to look at; the folder ignores itself in git. */
const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  assert.ok(found, 'laid out');
  return found;
}

describe('an email’s answer link in Arabic, right to left, in Chromium', { skip: chromiumSkipReason() }, () => {
  let server: PageServer;
  let browser: Browser;
  let key: string;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];

  before(async () => {
    browser = await launchChromium();
    server = await startPageServer();
    key = await server.newTenant('متجر الواحة');
    await server.api(key, 'POST', '/v1/questions', {
      code: 'SATISFACTION',
      kind: 'csat',
      labels: { en: 'How satisfied are you?', ar: 'ما مدى رضاك عن الخدمة؟' },
    });
    mkdirSync(SHOTS, { recursive: true });
    writeFileSync(join(SHOTS, '.gitignore'), '*\n');
  });

  after(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  async function newPage(viewport: { width: number; height: number }, javaScriptEnabled = true): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: 'ar', reducedMotion: 'reduce', javaScriptEnabled });
    contexts.push(context);
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    return page;
  }

  /** A survey in Arabic of `codes`, and the page URL of its email's link for `value`. */
  async function emailLink(codes: string[], value: string): Promise<string> {
    const { data: conversation } = await server.api(key, 'POST', '/v1/conversations', { language: 'ar' });
    const rating = (
      await server.api(key, 'POST', `/v1/conversations/${conversation.id}/ratings`, { question_codes: codes })
    ).data;
    const email = (await server.api(key, 'GET', `/v1/ratings/${rating.id}/deliverables?channel=email`)).data;
    assert.equal(email.language, 'ar');
    assert.match(email.email.html, /<html lang="ar" dir="rtl">/);
    const url = new URL(email.question.choices.find((choice: { value: string }) => choice.value === value).link);
    return `${server.baseUrl}${url.pathname}${url.search}`;
  }

  async function assertRtl(page: Page): Promise<void> {
    const root = await page.evaluate(() => ({
      dir: document.documentElement.dir,
      lang: document.documentElement.lang,
    }));
    assert.deepEqual(root, { dir: 'rtl', lang: 'ar' });
  }

  /** The block starts at the right: its text's right edge lies at the block's, its left edge does not. */
  async function assertFromTheRight(block: Locator, line: Locator): Promise<void> {
    assert.equal(await line.evaluate((element) => getComputedStyle(element).direction), 'rtl');
    const [outer, inner] = [await box(block), await box(line)];
    const innerRight = inner.x + inner.width;
    const outerRight = outer.x + outer.width;
    assert.ok(outerRight - innerRight < 24, `the line ends near the block's right edge (${innerRight}/${outerRight})`);
  }

  for (const [name, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    it(`${name}: the chosen star shown from the right, recorded, and the thank-you page`, async () => {
      const link = await emailLink(['STARS'], '4');

      // Without script: the block names the answer and offers its button.
      const still = await newPage(viewport, false);
      await still.goto(link);
      await assertRtl(still);
      const chosen = still.locator('.link-chosen');
      assert.equal(await chosen.textContent(), 'إجابتك: 4 نجوم – جيد');
      assert.ok(await still.locator('#stars-4').isChecked());
      await assertFromTheRight(still.locator('.link-answer'), chosen);
      const [first, fifth] = [
        await box(still.locator('label[for="stars-1"]')),
        await box(still.locator('label[for="stars-5"]')),
      ];
      assert.ok(first.x > fifth.x, 'the first star lies on the right');
      const send = await box(still.locator('button.link-send'));
      const block = await box(still.locator('.link-answer'));
      assert.ok(send.x + send.width <= block.x + block.width && send.x >= block.x, 'the button stays inside the block');
      await still.screenshot({ path: join(SHOTS, `email-link-ar-nojs-${name}.png`), fullPage: true });

      // With script: recorded as the page opens, then the rest of the survey sent, and the thank-you page.
      const page = await newPage(viewport);
      await page.goto(link);
      await page.locator('#link-answer-recorded').waitFor({ state: 'visible' });
      await assertRtl(page);
      assert.equal(
        await page.locator('#link-answer-recorded').textContent(),
        'شكرًا، تم تسجيل إجابتك. يمكنك إخبارنا بالمزيد أدناه.',
      );
      assert.ok(await page.locator('#stars-4').isChecked(), 'the answer stays chosen in the form');
      await assertFromTheRight(page.locator('.link-answer'), page.locator('#link-answer-recorded'));
      await page.screenshot({ path: join(SHOTS, `email-link-ar-${name}.png`), fullPage: true });
      await page.fill('#comment', 'خدمة سريعة ولطيفة.');
      await page.getByRole('button', { name: 'إرسال التقييم' }).click();
      await page.getByRole('heading', { name: 'شكرًا لك!' }).waitFor();
      await assertRtl(page);
      const heading = page.getByRole('heading', { name: 'شكرًا لك!' });
      assert.equal(await heading.evaluate((element) => getComputedStyle(element).direction), 'rtl');
      await page.screenshot({ path: join(SHOTS, `email-link-ar-thanks-${name}.png`), fullPage: true });
    });

    it(`${name}: an organization's own csat question, its scale from the right and its answer in Arabic`, async () => {
      const page = await newPage(viewport, false);
      await page.goto(await emailLink(['SATISFACTION', 'STARS'], '4'));
      await assertRtl(page);
      const chosen = page.locator('.link-chosen');
      assert.equal(await chosen.textContent(), 'إجابتك: 4 – راضٍ');
      assert.ok(await page.locator('#q-SATISFACTION-4').isChecked());
      const [one, five] = [
        await box(page.locator('label[for="q-SATISFACTION-1"]')),
        await box(page.locator('label[for="q-SATISFACTION-5"]')),
      ];
      assert.ok(one.x > five.x, 'csat 1 lies on the right');
      await assertFromTheRight(page.locator('.link-answer'), chosen);
      await page.screenshot({ path: join(SHOTS, `email-link-ar-csat-${name}.png`), fullPage: true });
      assert.deepEqual(problems, [], 'no CSP refusal or script error');
    });
  }
});
