import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  dashboardSkipReason,
  launchChromium,
  signIn,
  startPageServer,
  watchProblems,
  type PageServer,
} from './harness.js';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

/** The review queue in Chromium, worked from the keyboard, the answer shown in its conversation. */
describe('the review queue in Chromium', { skip: dashboardSkipReason() }, () => {
  let server: PageServer;
  let browser: Browser;
  let desktop: BrowserContext;
  let page: Page;
  let key: string;
  let userId: string;
  const problems: string[] = [];

  before(async () => {
    browser = await launchChromium();
    server = await startPageServer();
    const admin = await server.newAdmin('Queue Co', 'Rae Reviewer');
    ({ key, userId } = admin);
    for (const [contact, question, answer, at] of [
      ['Ada', 'Where is my refund?', 'Refunds are not possible.', '2026-11-20T10:00:00.000Z'],
      ['Bo', 'Can I change my address?', 'Addresses cannot be changed.', '2026-11-21T10:00:00.000Z'],
    ] as const) {
      const conversation = await server.api(key, 'POST', '/v1/conversations', {
        contact_name: contact,
        agent_type: 'ai',
        created_at: at,
        messages: [
          { role: 'user', text: question, created_at: at },
          { role: 'ai', text: answer, created_at: at },
        ],
      });
      await server.api(key, 'POST', `/v1/messages/${conversation.data.messages[1].uid}/feedback`, {
        rating: 'dislike',
        comment: `${contact} was not helped`,
      });
    }
    desktop = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    page = await desktop.newPage();
    watchProblems(page, problems);
    await signIn(page, server.baseUrl, admin.email);
  });

  after(async () => {
    await desktop?.close();
    await browser?.close();
    await server?.close();
  });

  const statusOf = async (text: string) => {
    const list = await server.api(key, 'GET', '/v1/reviews?status=resolved');
    const resolved = list.data.find((item: { message: { text: string } }) => item.message.text === text);
    return resolved ? 'resolved' : undefined;
  };

  it('moves with j and k, assigns with a and resolves with r, the answer marked in its conversation', async () => {
    await page.goto(`${server.baseUrl}/reviews`);
    const rows = page.getByRole('list', { name: 'Review items' }).getByRole('button');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 2);
    // Newest dislike first: Bo's answer is selected, and shown marked in its conversation.
    await page.locator('.review-target', { hasText: 'Addresses cannot be changed.' }).waitFor();
    await page.keyboard.press('j');
    await page.locator('.review-target', { hasText: 'Refunds are not possible.' }).waitFor();
    assert.equal(
      await page
        .locator('[aria-current="true"]')
        .innerText()
        .then((t) => t.includes('Refunds')),
      true,
    );
    await page.keyboard.press('a');
    await page.locator('[aria-current="true"]', { hasText: 'Rae Reviewer' }).waitFor();
    const assigned = await server.api(key, 'GET', '/v1/reviews?assignee=me');
    assert.deepEqual(
      assigned.data.map((item: { status: string; assignee: { id: string } }) => [item.status, item.assignee.id]),
      [['in_review', userId]],
    );
    mkdirSync(SHOTS, { recursive: true });
    writeFileSync(join(SHOTS, '.gitignore'), '*\n');
    await page.screenshot({ path: join(SHOTS, 'reviews-desktop.png'), fullPage: true });
    await page.keyboard.press('r');
    // Resolved, it leaves the open list; only Bo's is left, selected.
    await rows.filter({ hasText: 'Refunds are not possible.' }).waitFor({ state: 'detached' });
    assert.equal(await statusOf('Refunds are not possible.'), 'resolved');
    await page.keyboard.press('k');
    await page.locator('.review-target', { hasText: 'Addresses cannot be changed.' }).waitFor();

    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      storageState: await desktop.storageState(),
    });
    const small = await phone.newPage();
    await small.goto(`${server.baseUrl}/reviews?status=all`);
    await small.locator('.review-target').waitFor();
    await small.screenshot({ path: join(SHOTS, 'reviews-phone.png'), fullPage: true });
    await phone.close();
    assert.deepEqual(problems, []);
  });
});
