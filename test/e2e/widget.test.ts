import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { seedDemo } from '../../src/modules/demo/index.js';
import { chromiumSkipReason, launchChromium, startPageServer, type PageServer } from './harness.js';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const DIST_INDEX = fileURLToPath(new URL('../../dist/dashboard/index.html', import.meta.url));

// What the callbacks run inside the page use of the browser's globals (the project compiles without the DOM library).
declare const window: { Plaudit: { open(): Promise<void> } };
declare const document: { activeElement: { id: string } | null };

/** A customer's site on another origin (localhost vs the app's 127.0.0.1) that embeds the widget. */
async function startCustomerSite(html: () => string): Promise<{ url: string; server: Server }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      // A strict policy, as a careful customer would set: scripts only from Plaudit, connections only to Plaudit.
      'content-security-policy': `default-src 'none'; script-src ${appOrigin}; connect-src ${appOrigin}`,
    });
    response.end(html());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://localhost:${port}/chat`, server };
}

let appOrigin = '';

describe('the embeddable widget in Chromium, from another origin', { skip: chromiumSkipReason() }, () => {
  let server: PageServer;
  let browser: Browser;
  let site: Awaited<ReturnType<typeof startCustomerSite>>;
  let key: string;
  let conversation: { id: number; contact_id: string; messages: Array<{ uid: string }> };
  let token: string;
  const errors: string[] = [];

  before(async () => {
    browser = await launchChromium();
    server = await startPageServer();
    appOrigin = server.baseUrl;
    key = await server.newTenant('Acme Outdoor');
    conversation = (
      await server.api(key, 'POST', '/v1/conversations', {
        messages: [
          { role: 'user', text: 'Where is my parcel?' },
          { role: 'ai', text: 'It arrives on Thursday.' },
        ],
      })
    ).data;
    token = (await server.api(key, 'POST', `/v1/conversations/${conversation.id}/widget-tokens`)).data.token;
    site = await startCustomerSite(
      () => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Acme chat</title></head><body>
<h1>Acme chat</h1><button id="before">Somewhere on the page</button>
<p>It arrives on Thursday.</p>
<plaudit-message-feedback message="${conversation.messages[1]!.uid}"></plaudit-message-feedback>
<script src="${appOrigin}/widget.js" data-plaudit-token="${token}"></script></body></html>`,
    );
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => site?.server.close(resolve));
    await server?.close();
  });

  async function openSite(): Promise<Page> {
    const page = await (await browser.newContext({ reducedMotion: 'reduce' })).newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(site.url);
    return page;
  }

  it('opens the popup, traps focus, closes on Escape and returns focus', async () => {
    const page = await openSite();
    await page.focus('#before');
    await page.evaluate(() => window.Plaudit.open());
    const dialog = page.getByRole('dialog', { name: 'Rate this conversation' });
    await dialog.waitFor();
    assert.equal(await dialog.getAttribute('aria-modal'), 'true');
    await page.getByRole('button', { name: /Yes/ }).first().waitFor();
    for (let i = 0; i < 12; i += 1) await page.keyboard.press('Tab');
    assert.equal(await dialog.locator(':focus').count(), 1, 'focus stays in the dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'before');
    await page.context().close();
  });

  it('stores the popup answers and a message dislike, visible through the API', async () => {
    const page = await openSite();
    await page.evaluate(() => window.Plaudit.open());
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const questions = dialog.locator('.question');
    await questions.nth(0).locator('[data-value="up"]').click();
    await questions.nth(1).locator('[data-value="down"]').click();
    assert.equal(await questions.nth(0).locator('[data-value="up"]').getAttribute('aria-pressed'), 'true');
    await dialog.locator('textarea').fill('Fast answer');
    await page.screenshot({ path: join(SHOTS, 'widget-popup.png') });
    await dialog.getByRole('button', { name: 'Send feedback' }).click();
    await dialog.getByText('Thank you!').waitFor();
    await page.screenshot({ path: join(SHOTS, 'widget-thanks.png') });
    await page.keyboard.press('Escape');

    const dislike = page.locator('plaudit-message-feedback [data-value="dislike"]');
    await dislike.click();
    await page.locator('plaudit-message-feedback').getByText('Thanks for your feedback.').waitFor();
    assert.equal(await dislike.getAttribute('aria-pressed'), 'true');
    await page.screenshot({ path: join(SHOTS, 'widget-message.png') });

    const ratings = (await server.api(key, 'GET', `/v1/conversations/${conversation.id}/ratings`)).data;
    assert.equal(ratings.length, 1);
    assert.equal(ratings[0].source, 'popup');
    assert.equal(ratings[0].comment, 'Fast answer');
    assert.deepEqual(
      ratings[0].questions.map((question: { code: string; value: number }) => [question.code, question.value]),
      [
        ['HELPFUL_THUMBS', 1],
        ['EXPERIENCE_THUMBS', 0],
      ],
    );
    const history = (await server.api(key, 'GET', `/v1/messages/${conversation.messages[1]!.uid}/feedback/history`))
      .data;
    assert.deepEqual(
      history.map((record: { user_id: string; rating: string }) => [record.user_id, record.rating]),
      [[conversation.contact_id, 'dislike']],
    );
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('shows a signed-in user the demo page at /widget-demo under its strict CSP', async () => {
    const demo = await seedDemo(server.app.services, { conversations: 3, days: 2 });
    const context = await browser.newContext({ reducedMotion: 'reduce', viewport: { width: 1280, height: 860 } });
    // Signed in as the dashboard does it, through the browser's own session cookie.
    const signedIn = await context.request.post(`${appOrigin}/auth/sign-in`, {
      data: { email: demo.email, password: demo.password },
    });
    assert.equal(signedIn.status(), 200);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    const response = await page.goto(`${appOrigin}/widget-demo`);
    assert.equal(response?.status(), 200);
    assert.match(String(response?.headers()['content-security-policy']), /script-src 'self'/);
    const like = page.locator('plaudit-message-feedback [data-value="like"]').first();
    await like.waitFor();
    // The thumbs are drawn, not emoji: without a colour-emoji font an emoji shows as an empty box.
    assert.equal(await like.locator('svg').count(), 1);
    assert.doesNotMatch((await like.textContent()) ?? '', /\p{Extended_Pictographic}/u);
    await page.screenshot({ path: join(SHOTS, 'widget-demo-desktop.png'), fullPage: true });
    await page.getByRole('button', { name: 'Rate this conversation' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await page.screenshot({ path: join(SHOTS, 'widget-demo.png') });
    await page.keyboard.press('Escape');
    await like.click();
    await page.locator('plaudit-message-feedback').first().getByText('Thanks for your feedback.').waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(SHOTS, 'widget-demo-phone.png'), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });

  it(
    'sends a visitor who is not signed in to the sign-in, and back to the demo page after it',
    { skip: !existsSync(DIST_INDEX) && process.env.CI !== 'true' && 'run npm run build first' },
    async () => {
      const demo = await seedDemo(server.app.services, { name: 'Sign-in demo', conversations: 2, days: 1 });
      const context = await browser.newContext({ reducedMotion: 'reduce' });
      const page = await context.newPage();
      await page.goto(`${appOrigin}/widget-demo`);
      await page.waitForURL(/\/sign-in\?next=%2Fwidget-demo$/);
      await page.getByLabel('Email').fill(demo.email);
      await page.getByLabel('Password').fill(demo.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${appOrigin}/widget-demo`);
      await page.locator('plaudit-message-feedback [data-value="like"]').first().waitFor();
      assert.match(await page.locator('.brand').innerText(), /Sign-in demo/);
      await context.close();
    },
  );
});
