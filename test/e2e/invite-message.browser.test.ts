import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { catalogues } from '../../src/modules/rating-config/index.js';
import { dashboardSkipReason, launchChromium, type PageServer, signInNewAdmin, startPageServer } from './harness.js';

const SHOTS = process.env.PLAUDIT_SHOTS;

describe("the settings' invite message in Chromium", { skip: dashboardSkipReason() }, () => {
  let server: PageServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let apiKey: string;

  before(async () => {
    browser = await launchChromium();
    server = await startPageServer();
    ({ context, page, apiKey } = await signInNewAdmin(server, browser, { viewport: { width: 1280, height: 800 } }));
  });

  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  const field = () => page.getByLabel('Message', { exact: true });

  it("shows the organization's own invite text of the page language, and resets it to the built-in one", async () => {
    await server.api(apiKey, 'PATCH', '/v1/rating-settings', { language: 'de' });
    await server.api(apiKey, 'PUT', '/v1/rating-settings/texts/de', {
      texts: { invite_message: 'Wie war unser Gespräch? {link}' },
    });
    await page.goto(`${server.baseUrl}/settings`);
    await field().waitFor();
    assert.equal(await field().getAttribute('placeholder'), 'Wie war unser Gespräch? {link}');
    const own = page.getByTestId('invite-own-text');
    await own.getByText('Wie war unser Gespräch? {link}').waitFor();
    await page.getByText('Your text · Deutsch (German)').waitFor();
    if (SHOTS) await own.screenshot({ path: `${SHOTS}-invite-own-text.png` });

    await own.getByRole('button', { name: 'Reset to the built-in text' }).click();
    await own.waitFor({ state: 'detached' });
    await page.getByText('Built in', { exact: true }).waitFor();
    assert.equal(await field().getAttribute('placeholder'), catalogues.de.invite_message);
    const texts = (await server.api(apiKey, 'GET', '/v1/rating-settings/texts/de')).data.texts;
    assert.equal(texts.find((text: { key: string }) => text.key === 'invite_message').override, null);
  });
});
