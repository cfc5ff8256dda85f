import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { WebhookWorker } from '../../src/modules/webhooks/index.js';
import { signWebhook } from '../../src/modules/webhooks/signing.js';
import { startReceiver } from '../helpers/receiver.js';
import { dashboardSkipReason, launchChromium, type PageServer, startPageServer, watchProblems } from './harness.js';

declare const navigator: { clipboard: { readText(): Promise<string> } };

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const PASSWORD = 'correct horse battery staple';
/** Screenshots of every screen, desktop and phone, for people to look at; the folder ignores itself in git. */
const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

describe(
  'the organization’s set-up in Chromium: keys, webhooks, audit log, first day',
  { skip: dashboardSkipReason() },
  () => {
    let server: PageServer;
    let browser: Browser;
    let desktop: BrowserContext;
    let page: Page;
    let key: string;
    let email: string;
    let worker: WebhookWorker;
    let receiver: Awaited<ReturnType<typeof startReceiver>>;
    const problems: string[] = [];

    const watch = (target: Page): Page => watchProblems(target, problems);

    /** Desktop and phone screenshots of the page as it is, for a person to look at. */
    async function screenshots(name: string, ready: (target: Page) => Promise<unknown>): Promise<void> {
      mkdirSync(SHOTS, { recursive: true });
      writeFileSync(join(SHOTS, '.gitignore'), '*\n');
      await page.evaluate(() => (globalThis as any).scrollTo(0, 0));
      await page.screenshot({ path: `${SHOTS}/admin-${name}-desktop.png`, fullPage: true });
      const phone = await browser.newContext({ viewport: PHONE, storageState: await desktop.storageState() });
      try {
        const small = watch(await phone.newPage());
        await small.goto(page.url());
        await ready(small);
        await small.screenshot({ path: `${SHOTS}/admin-${name}-phone.png`, fullPage: true });
      } finally {
        await phone.close();
      }
    }

    before(async () => {
      browser = await launchChromium();
      server = await startPageServer();
      receiver = await startReceiver();
      worker = server.app.services.webhooks.createWorker({ pollIntervalMs: 100 });
      worker.start();
      email = `nora-${Math.random().toString(36).slice(2)}@test.invalid`;
      const created = await server.app.services.accounts.createOrganization({
        name: 'Northwind Help',
        adminEmail: email,
        adminName: 'Nora North',
        password: PASSWORD,
      });
      key = created.apiKey.api_key;
      desktop = await browser.newContext({ viewport: DESKTOP, locale: 'en-US', reducedMotion: 'reduce' });
      await desktop.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
      page = watch(await desktop.newPage());
    });

    after(async () => {
      await worker?.stop();
      await receiver?.close();
      await desktop?.close();
      await browser?.close();
      await server?.close();
    });

    it('greets a new organization with a checklist instead of empty charts', async () => {
      await page.goto(`${server.baseUrl}/sign-in`);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(/\/analytics$/);
      await page.getByRole('heading', { name: 'Get Northwind Help started' }).waitFor();
      assert.equal(await page.getByLabel('0 of 4 steps done').count(), 1);
      for (const step of [
        'Create an API key',
        'Send your first conversation',
        'Choose how you ask for ratings',
        'Embed the widget',
      ]) {
        assert.equal(await page.getByRole('listitem', { name: `${step}: to do` }).count(), 1, step);
      }
      const curl = await page.getByLabel('The command to send a conversation').inputValue();
      assert.match(curl, /^curl -X POST https:\/\/plaudit\.test\/v1\/conversations/);
      assert.match(
        await page.getByLabel('The widget snippet').inputValue(),
        /src="https:\/\/plaudit\.test\/widget\.js"/,
      );
      assert.equal(await page.locator('.kpis').count(), 0, 'no empty charts');
      await screenshots('checklist', (target) =>
        target.getByRole('heading', { name: 'Get Northwind Help started' }).waitFor(),
      );
    });

    it('creates a key shown once, copies it, lists it with its owner, and revokes it', async () => {
      await page.getByRole('link', { name: 'API keys' }).first().click();
      await page.waitForURL(/\/settings\/api-keys$/);
      await page.getByRole('heading', { name: 'API keys', level: 1 }).waitFor();
      await page.getByLabel('Name').fill('Helpdesk backend');
      await page.getByRole('button', { name: 'Create key' }).click();
      const shown = page.getByRole('textbox', { name: 'API key' });
      await shown.waitFor();
      const value = await shown.inputValue();
      assert.match(value, /^plaudit_[A-Za-z0-9_-]{43}$/);
      assert.match(
        (await page.getByRole('region', { name: /Your new key/ }).textContent()) ?? '',
        /shown only this once/,
      );
      await page.getByRole('button', { name: 'Copy' }).click();
      await page.getByRole('button', { name: 'Copied', exact: true }).waitFor();
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), value, 'the clipboard holds the key');
      // The copied key works.
      assert.equal((await server.api(value, 'GET', '/v1/me')).data.user.email, email);
      await screenshots('api-keys-created', (target) =>
        target.getByRole('heading', { name: 'Keys', exact: true }).waitFor(),
      );

      await page.getByRole('button', { name: 'I have copied it' }).click();
      assert.equal(await page.getByRole('textbox', { name: 'API key' }).count(), 0);
      assert.ok(!(await page.content()).includes(value), 'the key is never shown again');
      const row = page.getByRole('row', { name: /Helpdesk backend/ });
      assert.match((await row.textContent()) ?? '', /Nora North/);
      assert.match((await row.textContent()) ?? '', /ReadWrite/);
      assert.match((await row.textContent()) ?? '', /Never/);

      await row.getByRole('button', { name: 'Revoke Helpdesk backend' }).click();
      const dialog = page.getByRole('dialog', { name: 'Revoke “Helpdesk backend”?' });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Revoke key' }).click();
      await page.getByRole('row', { name: /Helpdesk backend.*Revoked/ }).waitFor();
      await assert.rejects(server.api(value, 'GET', '/v1/me'), /401/);
      await screenshots('api-keys', (target) => target.getByRole('heading', { name: 'Keys', exact: true }).waitFor());
    });

    it('adds a webhook whose secret is shown once, sends a test event a real receiver gets, and logs it', async () => {
      await page.getByRole('link', { name: 'Webhooks' }).click();
      await page.waitForURL(/\/settings\/webhooks$/);
      await page.getByText('No webhooks yet').waitFor();
      await screenshots('webhooks-empty', (target) => target.getByText('No webhooks yet').waitFor());
      await page.getByRole('button', { name: 'Add webhook' }).click();
      await page.getByLabel('Endpoint URL').fill(receiver.url('/northwind'));
      await page.getByRole('checkbox', { name: /Rating expired/ }).check();
      await page.getByLabel('Stars').selectOption('2');
      await page.getByLabel('Customer effort (CES)').selectOption('3');
      await screenshots('webhook-form', async (target) => {
        await target.getByRole('button', { name: 'Add webhook' }).click();
        await target.getByLabel('Endpoint URL').waitFor();
      });
      await page.getByRole('button', { name: 'Add webhook' }).last().click();
      const secretBox = page.getByRole('textbox', { name: 'Signing secret' });
      await secretBox.waitFor();
      const secret = await secretBox.inputValue();
      assert.match(secret, /^whsec_/);
      await page.getByRole('button', { name: 'I have copied it' }).click();
      assert.ok(!(await page.content()).includes(secret), 'the secret is never shown again');
      await page.getByText('Ratings: 2 stars or fewer, CES 3 or lower').waitFor();
      const saved = (await server.api(key, 'GET', '/v1/webhooks')).data[0];
      assert.deepEqual(saved.filters, { rating: { max_stars: 2, max_ces: 3 } });

      await page.getByRole('button', { name: 'Send test event' }).click();
      await page.getByRole('row', { name: /Test event.*Delivered.*HTTP 200/ }).waitFor({ timeout: 15_000 });
      const pings = receiver.received.filter((event) => event.path === '/northwind');
      assert.equal(pings.length, 1);
      const [ping] = pings;
      assert.equal(ping!.event.type, 'ping');
      assert.equal(
        ping!.headers['webhook-signature'],
        signWebhook(secret, ping!.headers['webhook-id']!, Number(ping!.headers['webhook-timestamp']), ping!.body),
        'signed with the secret the page showed',
      );
      const row = page.getByRole('row', { name: /Test event/ });
      assert.match((await row.textContent()) ?? '', /\d+ ms/);
      assert.match((await row.textContent()) ?? '', new RegExp(ping!.headers['webhook-id']!.slice(0, 12)));
      await row.getByRole('button', { name: /again/ }).click();
      await page.waitForFunction(() => true);
      for (let i = 0; i < 100 && receiver.received.length < 2; i += 1) await new Promise((r) => setTimeout(r, 100));
      assert.equal(receiver.received.length, 2, 'the retry reached the receiver');
      assert.equal(receiver.received[1]!.headers['webhook-id'], ping!.headers['webhook-id']);

      await page.getByRole('button', { name: 'Rotate secret' }).click();
      await page
        .getByRole('dialog', { name: 'Rotate the signing secret?' })
        .getByRole('button', { name: 'Rotate secret' })
        .click();
      await page.getByRole('textbox', { name: 'Signing secret' }).waitFor();
      assert.notEqual(await page.getByRole('textbox', { name: 'Signing secret' }).inputValue(), secret);
      await page.getByRole('button', { name: 'I have copied it' }).click();
      await screenshots('webhooks', (target) => target.getByRole('heading', { name: 'Deliveries' }).waitFor());
    });

    it('shows those actions in the audit log by name, with a settings change’s before and after', async () => {
      await server.api(key, 'PATCH', '/v1/rating-settings', { invite_expiry_hours: 24, language: 'de' });
      await page.getByRole('link', { name: 'Audit log' }).click();
      await page.waitForURL(/\/settings\/audit-log$/);
      const items = page.locator('.audit-item');
      await items.first().waitFor();
      const sentences = await page.locator('.audit-sentence').allTextContents();
      assert.deepEqual(sentences, [
        'Nora North changed the rating settings',
        `Nora North rotated the signing secret of ${receiver.url('/northwind')}`,
        `Nora North added the webhook ${receiver.url('/northwind')}`,
        'Nora North revoked the API key “Helpdesk backend”',
        'Nora North created the API key “Helpdesk backend” (read and write)',
        // The sign-in this browser began with.
        'Nora North signed in',
      ]);
      const change = page.locator('.change-table').first();
      assert.match((await change.textContent()) ?? '', /Invite expires after48 hours24 hours/);
      assert.match((await change.textContent()) ?? '', /LanguageAutomaticDeutsch/);
      assert.match((await items.first().textContent()) ?? '', /with the API key/);
      assert.match((await items.nth(1).textContent()) ?? '', /in the dashboard/);
      assert.ok(!(await page.locator('main').innerText()).match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}/), 'no bare ids');

      await screenshots('audit-log', (target) => target.locator('.audit-item').first().waitFor());
      await page.getByLabel('Show').selectOption('api_key');
      await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('.audit-item').length === 2);
      await page.getByLabel('Show').selectOption('');
    });

    it('ticks the checklist off as the first steps happen, then shows the charts', async () => {
      await page.getByRole('link', { name: 'Analytics' }).click();
      await page.getByRole('listitem', { name: 'Create an API key: done' }).waitFor();
      await page.getByRole('listitem', { name: 'Choose how you ask for ratings: done' }).waitFor();
      assert.equal(await page.getByLabel('2 of 4 steps done').count(), 1);
      await server.api(key, 'POST', '/v1/conversations', { messages: [{ role: 'user', text: 'Hello there' }] });
      await page.reload();
      await page.locator('.kpis').waitFor();
      assert.equal(await page.getByRole('heading', { name: 'Get Northwind Help started' }).count(), 0);
      // The rating settings carry the same tabs.
      await page.getByRole('link', { name: 'Settings' }).click();
      await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Ratings' }).waitFor();
      assert.equal(
        await page
          .getByRole('navigation', { name: 'Settings' })
          .getByRole('link', { name: 'Ratings' })
          .getAttribute('aria-current'),
        'page',
      );
      await screenshots('settings', (target) => target.getByRole('navigation', { name: 'Settings' }).waitFor());
      assert.deepEqual(problems, [], 'no console errors or CSP refusals');
    });
  },
);
