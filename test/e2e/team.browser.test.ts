import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { dashboardSkipReason, launchChromium, type PageServer, startPageServer } from './harness.js';

// What the callbacks run inside the page use of the browser's globals (the project compiles without the DOM library).
declare const navigator: { clipboard: { readText(): Promise<string> } };

/** Screenshots for people to look at: the team page, the accept page and the profile, desktop and phone. */
const SHOTS = process.env.PLAUDIT_SHOTS;
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const PASSWORD = 'correct horse battery staple';
/** The directory: Cole's agent, named by the chat platform; an AI assistant; a human agent nobody named yet. */
const COLE_AGENT = randomUUID();
const AI_AGENT = randomUUID();
const UNNAMED_AGENT = randomUUID();

describe('the team in Chromium', { skip: dashboardSkipReason() }, () => {
  let server: PageServer;
  let browser: Browser;
  let admin: BrowserContext;
  let page: Page;
  let email: string;
  let orgId: number;
  let apiKey: string;
  let coleId: string;
  let invitedEmail: string;
  let link: string;
  let newcomer: BrowserContext;
  let newcomerPage: Page;
  const consoleErrors: string[] = [];

  function watch(target: Page): Page {
    target.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    target.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
    return target;
  }

  /** With PLAUDIT_SHOTS set: the page as it is (desktop), then the same address on a phone with the same cookies. */
  async function screenshots(
    name: string,
    from: { context: BrowserContext; page: Page },
    ready: (p: Page) => Promise<unknown>,
  ) {
    if (!SHOTS) return;
    await from.page.screenshot({ path: `${SHOTS}-${name}-desktop.png`, fullPage: true });
    const phone = await browser.newContext({ viewport: PHONE, storageState: await from.context.storageState() });
    try {
      const small = watch(await phone.newPage());
      await small.goto(from.page.url());
      await ready(small);
      await small.screenshot({ path: `${SHOTS}-${name}-phone.png`, fullPage: true });
    } finally {
      await phone.close();
    }
  }

  before(async () => {
    browser = await launchChromium();
    server = await startPageServer();
    email = `lead-${Math.random().toString(36).slice(2)}@test.invalid`;
    const created = await server.app.services.accounts.createOrganization({
      name: 'Acme Support',
      adminEmail: email,
      adminName: 'Lena Lead',
      password: PASSWORD,
    });
    orgId = created.organization.id;
    apiKey = created.apiKey.api_key;
    const cole = await server.app.services.accounts.createUser({
      orgId,
      email: `cole-${Math.random().toString(36).slice(2)}@test.invalid`,
      name: 'Cole League',
      role: 'agent',
      password: PASSWORD,
    });
    coleId = cole.user.id;
    await server.app.services.agents.putAgent(orgId, COLE_AGENT, { type: 'human', name: 'Cole (Support desk)' });
    await server.app.services.agents.putAgent(orgId, AI_AGENT, { type: 'ai', name: 'Nova (AI assistant)' });
    await server.api(apiKey, 'POST', '/v1/conversations', {
      agent_id: UNNAMED_AGENT,
      agent_type: 'human',
      channel: 'chat',
      messages: [{ role: 'agent', text: 'Hello, how can I help?' }],
    });
    admin = await browser.newContext({ viewport: DESKTOP, reducedMotion: 'reduce', locale: 'en-US' });
    await admin.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
    page = watch(await admin.newPage());
  });

  after(async () => {
    await newcomer?.close();
    await admin?.close();
    await browser?.close();
    await server?.close();
  });

  it('invites from Settings › Team and hands over the link once, with a copy button', async () => {
    await page.goto(`${server.baseUrl}/sign-in`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/analytics/);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('link', { name: 'Team' }).click();
    await page.waitForURL(/\/settings\/team$/);
    await page.getByText('Cole League', { exact: true }).waitFor();
    assert.ok(await page.getByText('Lena Lead', { exact: true }).first().isVisible());

    invitedEmail = `nia-${Math.random().toString(36).slice(2)}@test.invalid`;
    await page.getByLabel('Email').fill(invitedEmail);
    await page.getByRole('button', { name: 'Send invitation' }).click();
    const shown = page.getByLabel('Invitation link');
    await shown.waitFor();
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByRole('button', { name: 'Copied' }).waitFor();
    link = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(link, await shown.inputValue());
    assert.match(link, /^https:\/\/plaudit\.test\/accept-invite\?token=[A-Za-z0-9_-]{43}$/);
    await page.getByText(invitedEmail, { exact: true }).waitFor();
    await screenshots('team', { context: admin, page }, (p) => p.getByText('Cole League', { exact: true }).waitFor());
  });

  it('links a member to the agent they are in conversations, picked from the directory by name', async () => {
    const picker = page.getByLabel('Agent in conversations for Cole League');
    assert.equal(await picker.inputValue(), '', 'not linked yet');
    const options = (await picker.locator('option').allTextContents()).map((text) => text.trim());
    assert.deepEqual(options.slice(0, 2), ['None', 'Cole (Support desk)']);
    assert.match(options[2] ?? '', /^Unnamed human agent, first seen /);
    assert.ok(!options.includes('Nova (AI assistant)'), 'an AI agent is no person to link');

    const saved = page.waitForResponse(
      (response) => response.request().method() === 'PATCH' && response.url().endsWith(`/v1/users/${coleId}`),
    );
    await picker.selectOption({ label: 'Cole (Support desk)' });
    assert.equal((await saved).status(), 200);
    const members = (await server.api(apiKey, 'GET', '/v1/users')).data as Array<{ id: string; agent_id: string }>;
    assert.equal(members.find((member) => member.id === coleId)?.agent_id, COLE_AGENT);

    // After a reload the page shows the link, and nobody else can take the agent.
    await page.reload();
    await picker.waitFor();
    assert.equal(await picker.inputValue(), COLE_AGENT);
    assert.equal((await picker.locator('option:checked').textContent())?.trim(), 'Cole (Support desk)');
    const taken = page.getByLabel('Agent in conversations for Lena Lead').locator(`option[value="${COLE_AGENT}"]`);
    assert.equal((await taken.textContent())?.trim(), 'Cole (Support desk) · linked to Cole League');
    assert.ok(await taken.isDisabled());
    await screenshots('team-linked', { context: admin, page }, (p) =>
      p.getByLabel('Agent in conversations for Cole League').waitFor(),
    );

    // The audit log says who linked whom, by name, with the agent before and after.
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByText('linked “Cole League” to the agent “Cole (Support desk)”').waitFor();
    const change = page.locator('.audit-item', { hasText: 'linked “Cole League”' }).locator('.change-table tbody tr');
    assert.deepEqual(
      (await change.allTextContents()).map((row) => row.trim()),
      ['Agent in conversationsNoneCole (Support desk)'],
    );
    await screenshots('team-audit', { context: admin, page }, (p) => p.locator('.audit-item').first().waitFor());
    await page.getByRole('link', { name: 'Team' }).click();
    await picker.waitFor();
  });

  it('accepts the invitation in a fresh browser and is signed in as the new member', async () => {
    newcomer = await browser.newContext({ viewport: DESKTOP, reducedMotion: 'reduce', locale: 'en-US' });
    newcomerPage = watch(await newcomer.newPage());
    // The link points at PUBLIC_URL; the page is the same path on this server.
    const url = new URL(link);
    await newcomerPage.goto(`${server.baseUrl}${url.pathname}${url.search}`);
    await newcomerPage.getByRole('heading', { name: 'Join Acme Support' }).waitFor();
    assert.ok(await newcomerPage.getByText('Lena Lead invited you to Plaudit as an agent').isVisible());
    assert.equal(await newcomerPage.getByLabel('Email').inputValue(), invitedEmail);
    await newcomerPage.getByLabel('Your name').fill('Nia Newcomer');
    await screenshots('accept-invite', { context: newcomer, page: newcomerPage }, (p) =>
      p.getByRole('heading', { name: 'Join Acme Support' }).waitFor(),
    );
    await newcomerPage.getByLabel('Password').fill('short');
    await newcomerPage.getByRole('button', { name: 'Join Acme Support' }).click();
    await newcomerPage.getByRole('alert').waitFor();
    assert.match((await newcomerPage.getByRole('alert').textContent()) ?? '', /at least 12 characters/);
    await newcomerPage.getByLabel('Password').fill('qwerty123456');
    await newcomerPage.getByRole('button', { name: 'Join Acme Support' }).click();
    await newcomerPage.getByText(/most common/).waitFor();
    await newcomerPage.getByLabel('Password').fill('sunlit harbour mornings');
    await newcomerPage.getByRole('button', { name: 'Join Acme Support' }).click();
    await newcomerPage.waitForURL(/\/analytics/);
    await newcomerPage.getByText('Nia Newcomer').waitFor();

    // An agent sees the team as a note, not as controls.
    await newcomerPage.getByRole('link', { name: 'Settings' }).click();
    await newcomerPage.getByText('Only admins change these settings').waitFor();
    assert.ok(await newcomerPage.getByRole('switch').first().isDisabled(), 'the controls are disabled');
    assert.equal(await newcomerPage.getByRole('button', { name: 'Save changes' }).isVisible(), false);
    await screenshots('settings-agent', { context: newcomer, page: newcomerPage }, (p) =>
      p.getByText('Only admins change these settings').waitFor(),
    );
    await newcomerPage.getByRole('link', { name: 'Team' }).click();
    await newcomerPage.getByText('Only admins manage the team').waitFor();
    assert.equal(await newcomerPage.getByRole('button', { name: 'Send invitation' }).count(), 0);
  });

  it('changes your own name in your profile', async () => {
    await newcomerPage.getByRole('link', { name: 'Your profile', exact: true }).click();
    await newcomerPage.getByRole('heading', { name: 'Your profile' }).waitFor();
    await newcomerPage.getByRole('textbox', { name: 'Name', exact: true }).fill('Nia N. Newcomer');
    await newcomerPage.getByRole('button', { name: 'Save name' }).click();
    await newcomerPage.getByText('Name saved.').waitFor();
    assert.ok(await newcomerPage.locator('.account-name').getByText('Nia N. Newcomer').isVisible());
    await screenshots('profile', { context: newcomer, page: newcomerPage }, (p) =>
      p.getByRole('heading', { name: 'Your profile' }).waitFor(),
    );
  });

  it('deactivates the new member after a confirmation, and their next request is signed out', async () => {
    await page.reload();
    const row = page.locator('.member', { hasText: 'Nia N. Newcomer' });
    await row.waitFor();
    await row.getByRole('button', { name: 'Deactivate' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Deactivate Nia N. Newcomer?').waitFor();
    await dialog.getByRole('button', { name: 'Deactivate' }).click();
    await row.getByText('Deactivated', { exact: true }).waitFor();
    await screenshots('team-deactivated', { context: admin, page }, (p) =>
      p.locator('.member.is-deactivated').waitFor(),
    );

    await newcomerPage.getByRole('link', { name: 'Inbox' }).click();
    await newcomerPage.waitForURL(/\/sign-in/);
    await newcomerPage.getByText('Your session has ended').waitFor();
    await newcomerPage.getByLabel('Email').fill(invitedEmail);
    await newcomerPage.getByLabel('Password').fill('sunlit harbour mornings');
    await newcomerPage.getByRole('button', { name: 'Sign in' }).click();
    await newcomerPage.getByText(/deactivated/).waitFor();
  });

  it('ran every page without a console error or a Content-Security-Policy violation', () => {
    // The browser reports the answers it expected: refused passwords, the ended session, the deactivated sign-in.
    assert.deepEqual(
      consoleErrors.filter((text) => !/status of (400|401)/.test(text)),
      [],
    );
  });
});
