import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  dashboardSkipReason,
  launchChromium,
  signIn,
  startPageServer,
  watchProblems,
  type PageServer,
} from './harness.js';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

/** Settings → Who is asked, and when: an admin sets the survey rules, with validation as they type. */
describe('the survey rules card in Chromium', { skip: dashboardSkipReason() }, () => {
  let server: PageServer;
  let browser: Browser;
  let key: string;
  let email: string;
  const problems: string[] = [];

  before(async () => {
    browser = await launchChromium();
    server = await startPageServer();
    ({ email, key } = await server.newAdmin('Rules Co', 'Rosa Rules'));
    mkdirSync(SHOTS, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const signedIn = async (viewport: { width: number; height: number }): Promise<Page> => {
    const context = await browser.newContext({ viewport, locale: 'en-US' });
    const page = await context.newPage();
    watchProblems(page, problems);
    await signIn(page, server.baseUrl, email);
    await page.goto(`${server.baseUrl}/settings`);
    return page;
  };

  it('sets the rules, refusing a channel twice and a reminder after expiry as you type', async () => {
    const page = await signedIn({ width: 1280, height: 900 });
    const card = page.getByRole('form', { name: 'Survey rules' });
    await card.getByRole('switch', { name: 'Invite automatically when a conversation closes' }).click();
    await card.getByLabel('Channels').fill('email, email');
    await card.getByText('“email” is listed twice.').waitFor();
    await card.getByLabel('Channels').fill('email, whatsapp');
    await card.getByRole('button', { name: 'AI agents' }).click();
    await card.getByLabel('Sample').fill('30');
    await card.getByLabel('Cooldown').fill('7');
    await card.getByRole('switch', { name: 'Send one reminder' }).click();
    await card.getByLabel('Remind after').fill('48');
    await card.getByText('Invites expire after 48 hours: remind before that.').waitFor();
    assert.equal(await card.getByRole('button', { name: 'Save rules' }).isDisabled(), true);
    await card.getByLabel('Remind after').fill('24');
    await card
      .getByText(
        '30% of closed conversations on email or whatsapp with an AI agent get an invite, at most one per customer every 7 days.',
      )
      .waitFor();
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: join(SHOTS, 'survey-rules-desktop.png') });
    await page.screenshot({ path: join(SHOTS, 'survey-rules-desktop-page.png'), fullPage: true });
    await card.getByRole('button', { name: 'Save rules' }).click();
    await card.getByText('Survey rules saved.', { exact: false }).waitFor();

    const stored = (await server.api(key, 'GET', '/v1/survey-rules')).data;
    assert.deepEqual(
      { ...stored, updated_at: undefined },
      {
        enabled: true,
        channels: ['email', 'whatsapp'],
        agent_types: ['ai'],
        min_contact_messages: 0,
        sample_percent: 30,
        cooldown_days: 7,
        reminder_after_hours: 24,
        updated_at: undefined,
      },
    );
    await page.context().close();
  });

  it('shows the saved rules on a phone', async () => {
    const page = await signedIn({ width: 390, height: 844 });
    const card = page.getByRole('form', { name: 'Survey rules' });
    await card.getByLabel('Channels').waitFor();
    assert.equal(await card.getByLabel('Channels').inputValue(), 'email, whatsapp');
    // The whole page: an element taller than the screen would be captured with the sticky header across it.
    await page.screenshot({ path: join(SHOTS, 'survey-rules-phone.png'), fullPage: true });
    await page.context().close();
    assert.deepEqual(problems, []);
  });
});
