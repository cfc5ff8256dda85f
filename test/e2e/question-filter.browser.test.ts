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
 * The analytics page's question filter with an organization's own questions, in Chromium. Yesterday three ratings
 * answered CSAT 1, 1, 1, the own csat question HELP_CSAT 5, 4, 2 and the own ces question EFFORT 6, 3, 7:
 *   every question: CSAT 2 of 6 answers are 4-5 = 33%, mean 14 / 6 = 2.33;
 *   HELP_CSAT: 2 of 3 = 67%, mean 11 / 3 = 3.67;
 *   EFFORT: CES mean 16 / 3 = 5.33, and no CSAT answer.
 */
describe('filtering analytics by an own question in Chromium', { skip: dashboardSkipReason() }, () => {
  let server: PageServer;
  let browser: Browser;
  let desktop: BrowserContext;
  let page: Page;
  const problems: string[] = [];
  let lastConversation: number;

  before(async () => {
    browser = await launchChromium();
    server = await startPageServer();
    const { email, key } = await server.newAdmin('Own Questions Co', 'Quinn Question');
    for (const body of [
      { code: 'HELP_CSAT', kind: 'csat', labels: { en: 'How satisfied are you with the help?', de: 'Wie zufrieden?' } },
      { code: 'EFFORT', kind: 'ces', labels: { en: 'How easy was it to get help?' } },
      { code: 'OLD_TOPIC', kind: 'text', labels: { en: 'What else should we know?' } },
    ]) {
      await server.api(key, 'POST', '/v1/questions', body);
    }
    const archived = await server.app.inject({
      method: 'DELETE',
      url: '/v1/questions/OLD_TOPIC',
      headers: { authorization: `Bearer ${key}` },
    });
    assert.equal(archived.statusCode, 200, archived.body);
    const at = new Date(Date.now() - 86_400_000).toISOString();
    for (const [help, effort] of [
      [5, 6],
      [4, 3],
      [2, 7],
    ] as const) {
      const { data } = await server.api(key, 'POST', '/v1/conversations', {
        agent_type: 'ai',
        channel: 'chat',
        created_at: at,
      });
      const offered = await server.api(key, 'POST', `/v1/conversations/${data.id}/ratings`, {
        question_codes: ['CSAT', 'HELP_CSAT', 'EFFORT'],
        offered_at: at,
      });
      lastConversation = data.id;
      await server.api(key, 'POST', `/v1/ratings/${offered.data.id}/answers`, {
        answers: [
          { code: 'CSAT', value: 1 },
          { code: 'HELP_CSAT', value: help },
          { code: 'EFFORT', value: effort },
        ],
        submitted_at: at,
      });
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

  const kpi = (label: string) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: label }) });

  it('lists the own questions by their label, archived ones marked, and changes the cards', async () => {
    const select = page.getByRole('combobox', { name: /^Question/ });
    await select.locator('option', { hasText: 'How satisfied are you with the help?' }).waitFor({ state: 'attached' });
    const options = await select.locator('option').allInnerTexts();
    assert.deepEqual(options, [
      'Every question',
      'Star rating',
      'Satisfaction (CSAT)',
      'Net Promoter Score',
      'Was this helpful?',
      'Good experience?',
      'How satisfied are you with the help?',
      'How easy was it to get help?',
      'What else should we know? (archived)',
    ]);
    assert.ok(!options.some((text) => /^[A-Z_]+$/.test(text)), 'no bare code');

    const csat = kpi('CSAT');
    await csat.locator('.kpi-value', { hasText: '33%' }).waitFor();
    assert.match(await csat.innerText(), /2\.33 avg · 6 responses/);
    assert.equal(await kpi('CES').count(), 1, 'effort is asked: its figure shows');
    mkdirSync(SHOTS, { recursive: true });
    writeFileSync(join(SHOTS, '.gitignore'), '*\n');
    await page.screenshot({ path: join(SHOTS, 'question-filter-every-desktop.png') });

    await select.selectOption({ label: 'How satisfied are you with the help?' });
    await page.waitForURL(/question_code=HELP_CSAT/);
    await csat.locator('.kpi-value', { hasText: '67%' }).waitFor();
    assert.match(await csat.innerText(), /3\.67 avg · 3 responses/);
    assert.match(await kpi('Message likes').innerText(), /Message feedback answers no question/);
    const exportLink = page.locator('a.menu-link[href^="/v1/exports/ratings.csv"]');
    assert.match((await exportLink.getAttribute('href')) ?? '', /question_code=HELP_CSAT/, 'the export link follows');
    await page.screenshot({ path: join(SHOTS, 'question-filter-desktop.png'), fullPage: true });
    assert.equal(await kpi('CES').count(), 0, 'no effort answer is an answer to HELP_CSAT');

    await select.selectOption({ label: 'How easy was it to get help?' });
    await page.waitForURL(/question_code=EFFORT/);
    const ces = kpi('CES');
    await ces.locator('.kpi-value', { hasText: '5.33' }).waitFor();
    assert.match(await ces.innerText(), /of 7 · 3 responses/);
    await csat.locator('.kpi-value', { hasText: '–' }).waitFor();
    // The effort trend takes the place of message likes, which answer no question.
    const trend = page.getByRole('figure', { name: 'CES trend' });
    await trend.locator('.trend-latest', { hasText: 'latest 5.3 · 3 responses' }).waitFor();
    assert.equal(await page.getByRole('figure', { name: 'Message likes trend' }).count(), 0);
    await page.screenshot({ path: join(SHOTS, 'question-filter-ces-desktop.png'), fullPage: true });
  });

  it('fits a phone', async () => {
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      storageState: await desktop.storageState(),
    });
    const small = await phone.newPage();
    await small.goto(`${server.baseUrl}/analytics?question_code=HELP_CSAT`);
    const csat = small
      .getByRole('listitem')
      .filter({ has: small.getByRole('heading', { name: 'CSAT' }) })
      .locator('.kpi-value', { hasText: '67%' });
    await csat.waitFor();
    assert.equal(
      await small.getByRole('combobox', { name: /^Question/ }).inputValue(),
      'HELP_CSAT',
      'the filter reads the question from the address',
    );
    await small.screenshot({ path: join(SHOTS, 'question-filter-phone.png'), fullPage: true });
    const width = await small.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `the page is ${width}px wide on a 390px phone`);
    await small.goto(`${server.baseUrl}/analytics?question_code=EFFORT`);
    await small
      .getByRole('listitem')
      .filter({ has: small.getByRole('heading', { name: 'CES' }) })
      .locator('.kpi-value', { hasText: '5.33' })
      .waitFor();
    await small.screenshot({ path: join(SHOTS, 'question-filter-ces-phone.png') });
    assert.ok((await small.evaluate(() => document.documentElement.scrollWidth)) <= 390);
    await phone.close();
    assert.deepEqual(problems, []);
  });

  it('names the own questions and their answers on the conversation page', async () => {
    // The last rating: CSAT 1, HELP_CSAT 2, EFFORT 7.
    await page.goto(`${server.baseUrl}/conversations/${lastConversation}`);
    const card = page.locator('.rating-card');
    const answer = (label: string) => card.locator('.answer').filter({ has: page.locator('dt', { hasText: label }) });
    await answer('How satisfied are you with the help?').locator('dd', { hasText: '2/5 Dissatisfied' }).waitFor();
    await answer('How easy was it to get help?').locator('dd', { hasText: '7/7' }).waitFor();
    assert.equal(await card.locator('dt', { hasText: /^(HELP_CSAT|EFFORT)/ }).count(), 0, 'no bare code');
    await page.screenshot({ path: join(SHOTS, 'question-filter-conversation-desktop.png'), fullPage: true });
    assert.deepEqual(problems, []);
  });
});
