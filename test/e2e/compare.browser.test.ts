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

// What the page's script sees, for the one measurement made inside it.
declare const document: { documentElement: { scrollWidth: number } };

/**
 * "Compare versions" on the analytics page, in Chromium. v13's answers: 56 liked of 70; v12's: 48 of 80 — Newcombe
 * 1998's example, whose hybrid score interval for the difference is 0.0524 to 0.3339: +20.0 points (+5.2 to +33.4).
 * v11 has 5 answers, 3 liked: under 30, a low sample.
 */
describe('comparing versions in Chromium', { skip: dashboardSkipReason() }, () => {
  let server: PageServer;
  let browser: Browser;
  let desktop: BrowserContext;
  let page: Page;
  const problems: string[] = [];

  before(async () => {
    browser = await launchChromium();
    server = await startPageServer();
    const { email, key } = await server.newAdmin('Versions Co', 'Cora Compare');
    const at = new Date(Date.now() - 86_400_000).toISOString();
    for (const [version, likes, dislikes] of [
      ['v13', 56, 14],
      ['v12', 48, 32],
      ['v11', 3, 2],
    ] as const) {
      const answers = likes + dislikes;
      const { data } = await server.api(key, 'POST', '/v1/conversations', {
        agent_type: 'ai',
        channel: 'chat',
        created_at: at,
        messages: Array.from({ length: answers }, (_, n) => ({
          role: 'ai',
          text: `Answer ${n} of ${version}`,
          prompt_version: version,
          created_at: at,
        })),
      });
      for (const [n, message] of (data.messages as Array<{ uid: string }>).entries()) {
        await server.api(key, 'POST', `/v1/messages/${message.uid}/feedback`, {
          rating: n < likes ? 'like' : 'dislike',
        });
      }
    }
    desktop = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    page = await desktop.newPage();
    watchProblems(page, problems);
    await signIn(page, server.baseUrl, email);
  });

  after(async () => {
    await desktop?.close();
    await browser?.close();
    await server?.close();
  });

  it('says which prompt version is liked more, as worked out by hand', async () => {
    const card = page.getByRole('region', { name: 'Compare versions' });
    await card.scrollIntoViewIfNeeded();
    const sideA = card.getByLabel('Side A');
    const sideB = card.getByLabel('Side B');
    await sideA.waitFor();
    await sideA.selectOption('v13');
    await sideB.selectOption('v12');
    const sentence = card.locator('.compare-sentence');
    await sentence.filter({ hasText: 'v13 is liked more' }).waitFor();
    assert.equal(
      await sentence.innerText(),
      'v13 is liked more: +20.0 points (95% CI +5.2 to +33.4), 70 vs 80 answers',
    );
    assert.equal(
      await card
        .locator('.compare-rate')
        .allInnerTexts()
        .then((texts) => texts.join(' | ')),
      '80.0% | 60.0%',
    );
    assert.equal(await card.getByRole('img', { name: /Difference \+20\.0 points/ }).count(), 1);
    assert.equal(await card.locator('.compare-warning').count(), 0, 'no low sample at 70 and 80 answers');
    mkdirSync(SHOTS, { recursive: true });
    writeFileSync(join(SHOTS, '.gitignore'), '*\n');
    await card.screenshot({ path: join(SHOTS, 'compare-card-desktop.png') });
    await page.screenshot({ path: join(SHOTS, 'compare-desktop.png'), fullPage: true });

    // Swapped, the same difference the other way round.
    await card.getByRole('button', { name: 'Swap A and B' }).click();
    await sentence.filter({ hasText: 'v12 is liked less' }).waitFor();
    assert.equal(
      await sentence.innerText(),
      'v12 is liked less: \u221220.0 points (95% CI \u221233.4 to \u22125.2), 80 vs 70 answers',
    );

    // Five answers a side is a low sample: the card says so.
    await sideA.selectOption('v11');
    await card.locator('.compare-warning').waitFor();
    assert.match(await sentence.innerText(), /^No clear difference between v11 and v13: .*, 5 vs 70 answers$/);
  });

  it('fits a phone', async () => {
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      storageState: await desktop.storageState(),
    });
    const small = await phone.newPage();
    await small.goto(`${server.baseUrl}/analytics`);
    const card = small.getByRole('region', { name: 'Compare versions' });
    await card.locator('.compare-sentence').waitFor();
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: join(SHOTS, 'compare-card-phone.png') });
    await small.screenshot({ path: join(SHOTS, 'compare-phone.png'), fullPage: true });
    const width = await small.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `the page is ${width}px wide on a 390px phone`);
    await phone.close();
    assert.deepEqual(problems, []);
  });
});
