import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromiumSkipReason, launchChromium, startPageServer, type PageServer } from './harness.js';

declare const document: { documentElement: { dir: string; lang: string } };
declare const window: { Plaudit: { open(): Promise<void> } };
declare function getComputedStyle(element: unknown): { direction: string; textAlign: string };

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const PASSWORD = 'correct horse battery staple';
const DIST_INDEX = fileURLToPath(new URL('../../dist/dashboard/index.html', import.meta.url));
/** Screenshots for people to look at; the folder ignores itself in git. */
const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

/** The left edge of a star's label as laid out. */
async function starX(page: Page, n: number): Promise<number> {
  const box = await page.locator(`label[for="stars-${n}"]`).boundingBox();
  assert.ok(box, `star ${n} is laid out`);
  return box.x;
}

describe(
  'the rating page and the texts settings in every language, in Chromium',
  { skip: chromiumSkipReason() },
  () => {
    let server: PageServer;
    let browser: Browser;
    const contexts: BrowserContext[] = [];
    const problems: string[] = [];

    async function newPage(viewport: { width: number; height: number }, locale = 'en-US'): Promise<Page> {
      const context = await browser.newContext({ viewport, locale, reducedMotion: 'reduce' });
      contexts.push(context);
      const page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error' && !message.text().includes('status of 401')) problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      return page;
    }

    async function shoot(page: Page, name: string): Promise<void> {
      mkdirSync(SHOTS, { recursive: true });
      writeFileSync(join(SHOTS, '.gitignore'), '*\n');
      await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
    }

    before(async () => {
      browser = await launchChromium();
      server = await startPageServer();
    });

    after(async () => {
      for (const context of contexts) await context.close();
      await browser?.close();
      await server?.close();
    });

    it('lays the Arabic page out right to left: the first star on the right, the text from the right', async () => {
      const key = await server.newTenant('متجر الواحة');
      await server.api(key, 'PATCH', '/v1/rating-settings', { conv_rating_question_codes: ['HELPFUL_THUMBS', 'NPS'] });
      const { url } = await server.invite(key, { language: 'ar' });
      for (const [viewport, name] of [
        [DESKTOP, 'desktop'],
        [PHONE, 'phone'],
      ] as const) {
        const page = await newPage(viewport);
        await page.goto(url);
        const root = await page.evaluate(() => ({
          dir: document.documentElement.dir,
          lang: document.documentElement.lang,
        }));
        assert.deepEqual(root, { dir: 'rtl', lang: 'ar' });
        await page.getByRole('heading', { name: 'كيف تقيّم محادثتك مع متجر الواحة؟' }).waitFor();
        const [first, fifth] = [await starX(page, 1), await starX(page, 5)];
        assert.ok(first > fifth, `the first star (${first}) lies right of the fifth (${fifth})`);
        const legend = await page
          .locator('legend')
          .first()
          .evaluate((element) => getComputedStyle(element).direction);
        assert.equal(legend, 'rtl');
        // NPS 0 at the start of the line, which is the right.
        const zero = await page.locator('label[for="q-NPS-0"]').boundingBox();
        const ten = await page.locator('label[for="q-NPS-10"]').boundingBox();
        assert.ok(zero && ten && zero.x > ten.x, 'NPS runs from the right');
        await shoot(page, `languages-ar-${name}`);
        if (name === 'desktop') {
          await page.locator('label[for="stars-4"]').click();
          await page.getByRole('button', { name: 'إرسال التقييم' }).click();
          await page.getByRole('heading', { name: 'شكرًا لك!' }).waitFor();
          await shoot(page, `languages-ar-thanks-${name}`);
        }
      }
    });

    it('writes Japanese in its own script and fonts', async () => {
      const key = await server.newTenant('さくら書店');
      const { url } = await server.invite(key, { language: 'ja' });
      for (const [viewport, name] of [
        [DESKTOP, 'desktop'],
        [PHONE, 'phone'],
      ] as const) {
        const page = await newPage(viewport);
        await page.goto(url);
        await page.getByRole('heading', { name: 'さくら書店との会話はいかがでしたか？' }).waitFor();
        assert.equal(await page.evaluate(() => document.documentElement.dir), '');
        assert.ok((await starX(page, 1)) < (await starX(page, 5)), 'left to right');
        await shoot(page, `languages-ja-${name}`);
      }
    });

    it("shows an organization's German override on the page, and the browser's language where the conversation has none", async () => {
      const key = await server.newTenant('Sonnenschein GmbH');
      await server.api(key, 'PUT', '/v1/rating-settings/texts/de', {
        texts: { stars_question: 'Wie zufrieden waren Sie mit {brand}?', submit: 'Abschicken' },
      });
      const { url } = await server.invite(key);
      const page = await newPage(DESKTOP, 'de-DE');
      await page.goto(url);
      await page.getByRole('heading', { name: 'Wie zufrieden waren Sie mit Sonnenschein GmbH?' }).waitFor();
      assert.equal(await page.getByRole('button', { name: 'Abschicken' }).count(), 1);
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
      await shoot(page, 'languages-de-override-desktop');
      const english = await newPage(DESKTOP, 'en-US');
      await english.goto(url);
      await english
        .getByRole('heading', { name: 'How would you rate your conversation with Sonnenschein GmbH?' })
        .waitFor();
    });

    it('opens the Arabic popup right to left on a customer’s site', async () => {
      const key = await server.newTenant('متجر الواحة');
      await server.api(key, 'PATCH', '/v1/rating-settings', {
        conv_rating_question_codes: ['STARS', 'HELPFUL_THUMBS'],
      });
      const conversation = (await server.api(key, 'POST', '/v1/conversations', { language: 'ar' })).data;
      const token = (await server.api(key, 'POST', `/v1/conversations/${conversation.id}/widget-tokens`)).data.token;
      const site = createServer((_request, response) => {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title></head><body>
<h1>Shop</h1><script src="${server.baseUrl}/widget.js" data-plaudit-token="${token}"></script></body></html>`);
      });
      await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
      try {
        const url = `http://localhost:${(site.address() as AddressInfo).port}/`;
        for (const [viewport, name] of [
          [DESKTOP, 'desktop'],
          [PHONE, 'phone'],
        ] as const) {
          const page = await newPage(viewport);
          await page.goto(url);
          await page.waitForFunction(() => 'Plaudit' in (globalThis as object));
          await page.evaluate(() => window.Plaudit.open());
          const dialog = page.getByRole('dialog', { name: 'قيّم هذه المحادثة' });
          await dialog.waitFor();
          const host = page.locator('[data-plaudit-popup]');
          assert.equal(await host.getAttribute('dir'), 'rtl');
          assert.equal(await host.getAttribute('lang'), 'ar');
          const first = await dialog.locator('input[name="STARS"][value="1"]').locator('..').boundingBox();
          const fifth = await dialog.locator('input[name="STARS"][value="5"]').locator('..').boundingBox();
          assert.ok(first && fifth && first.x > fifth.x, 'the first star lies right of the fifth');
          await shoot(page, `languages-ar-popup-${name}`);
        }
      } finally {
        await new Promise((resolve) => site.close(resolve));
      }
    });

    it(
      'edits the texts of a language in Settings → Texts',
      { skip: !existsSync(DIST_INDEX) && process.env.CI !== 'true' ? 'dist/dashboard is missing: SKIPPED' : undefined },
      async () => {
        const email = `lena-${Math.random().toString(36).slice(2)}@test.invalid`;
        const created = await server.app.services.accounts.createOrganization({
          name: 'Fjord Outfitters',
          adminEmail: email,
          adminName: 'Lena Berg',
          password: PASSWORD,
        });
        const key = created.apiKey.api_key;
        await server.api(key, 'PUT', '/v1/rating-settings/texts/de', { texts: { thanks_title: 'Danke schön!' } });
        const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US', reducedMotion: 'reduce' });
        contexts.push(context);
        const page = await context.newPage();
        page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
        await page.goto(`${server.baseUrl}/sign-in`);
        await page.getByLabel('Email').fill(email);
        await page.getByLabel('Password').fill(PASSWORD);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.waitForURL(/\/analytics$/);
        await page.goto(`${server.baseUrl}/settings/texts`);
        await page.getByLabel('Language').selectOption('de');
        const submit = page.getByLabel('Your text for submit', { exact: true });
        await submit.waitFor();
        assert.equal(await page.getByLabel('Your text for thanks_title', { exact: true }).inputValue(), 'Danke schön!');
        await submit.fill('Absenden');
        await page.getByRole('button', { name: 'Save German texts' }).click();
        await page.getByText('Saved 1 change to the German texts.').waitFor();
        const stored = await server.api(key, 'GET', '/v1/rating-settings/texts/de');
        const entry = stored.data.texts.find((text: { key: string }) => text.key === 'submit');
        assert.equal(entry.override, 'Absenden');
        mkdirSync(SHOTS, { recursive: true });
        await page.evaluate(() => (globalThis as any).scrollTo(0, 0));
        await page.screenshot({ path: join(SHOTS, 'languages-settings-texts-desktop.png'), fullPage: false });
        const phone = await browser.newContext({ viewport: PHONE, storageState: await context.storageState() });
        contexts.push(phone);
        const small = await phone.newPage();
        await small.goto(`${server.baseUrl}/settings/texts`);
        await small.getByLabel('Language').selectOption('ar');
        await small.getByLabel('Your text for submit', { exact: true }).waitFor();
        await small.screenshot({ path: join(SHOTS, 'languages-settings-texts-phone.png'), fullPage: false });
      },
    );

    it('raised no console error and no CSP violation', () => {
      assert.deepEqual(problems, []);
    });
  },
);
