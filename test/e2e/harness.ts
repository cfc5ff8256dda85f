import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildApp, type App } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import { testConfig } from '../helpers/app.js';
import { createTestDatabase } from '../helpers/databases.js';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Why the browser tests cannot run here, or undefined when they can. A missing Chromium skips them loudly on a
 * developer's machine; with CI=true they run anyway and fail in launchChromium, so that CI can never pass without them.
 */
export function chromiumSkipReason(): string | undefined {
  if (existsSync(CHROMIUM_PATH) || process.env.CI === 'true') return undefined;
  const message = `Chromium is not installed at ${CHROMIUM_PATH} (apt-get install -y chromium): browser tests SKIPPED`;
  process.stderr.write(`\n${'!'.repeat(78)}\n${message}\n${'!'.repeat(78)}\n`);
  return message;
}

/** The built dashboard, which the dashboard's browser tests need besides Chromium. */
const DASHBOARD_INDEX = fileURLToPath(new URL('../../dist/dashboard/index.html', import.meta.url));

/** The password of every person the browser tests sign in as. */
export const TEST_PASSWORD = 'correct horse battery staple';

/** Why the dashboard's browser tests cannot run here: no Chromium, or (outside CI) no built dashboard. */
export function dashboardSkipReason(): string | undefined {
  const browser = chromiumSkipReason();
  if (browser) return browser;
  if (existsSync(DASHBOARD_INDEX) || process.env.CI === 'true') return undefined;
  const message = 'dist/dashboard is missing (npm run build): dashboard browser tests SKIPPED';
  process.stderr.write(`\n${'!'.repeat(78)}\n${message}\n${'!'.repeat(78)}\n`);
  return message;
}

/**
 * Collects what would show a broken page: uncaught errors and console errors. The visit before signing in asks for a
 * session and is told 401, which is how the dashboard knows to sign in; that one is expected.
 */
export function watchProblems(page: Page, problems: string[]): Page {
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().includes('status of 401')) problems.push(message.text());
  });
  return page;
}

/** Signs in through the sign-in page, with TEST_PASSWORD unless told otherwise, and waits for the analytics page. */
export async function signIn(page: Page, baseUrl: string, email: string, password = TEST_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.waitForURL(/\/analytics/);
}

/** Headless Chromium, quiet: no background traffic, no first-run work. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}; the browser tests cannot run (CI=true).`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** The app on a real socket (127.0.0.1, an ephemeral port) over a fresh SQLite database, with API shortcuts. */
export interface PageServer {
  app: App;
  database: Database;
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  /** Calls the API in process and answers the parsed JSON body; throws on any status over 299. */
  api(key: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown): Promise<any>;
  /** A new organization; answers its API key. */
  newTenant(name: string): Promise<string>;
  /** A new organization and its first admin, who signs in with an email made unique here and TEST_PASSWORD. */
  newAdmin(
    organization: string,
    adminName: string,
  ): Promise<{ email: string; key: string; orgId: number; userId: string }>;
  /** A rating invite on a new conversation: the rating, and the page's URL on this server. */
  invite(key: string, conversation?: Record<string, unknown>): Promise<{ rating: any; url: string }>;
  close(): Promise<void>;
}

/** `options.config` changes settings of the test configuration (a secret key, for one). */
export async function startPageServer(options: { config?: Partial<Config> } = {}): Promise<PageServer> {
  const { database, drop } = await createTestDatabase('sqlite');
  const app = await buildApp({ config: { ...testConfig, ...options.config }, database });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;

  const api: PageServer['api'] = async (key, method, url, body) => {
    const response = await app.inject({
      method,
      url,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      payload: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.statusCode > 299)
      throw new Error(`${method} ${url} answered ${response.statusCode}: ${response.body}`);
    return response.json();
  };

  return {
    app,
    database,
    baseUrl,
    api,
    async newTenant(name) {
      const created = await app.services.accounts.createOrganization({
        name,
        adminEmail: `admin-${Math.random().toString(36).slice(2)}@test.invalid`,
      });
      return created.apiKey.api_key;
    },
    async newAdmin(organization, adminName) {
      const email = `${adminName.split(' ')[0]!.toLowerCase()}-${Math.random().toString(36).slice(2)}@test.invalid`;
      const created = await app.services.accounts.createOrganization({
        name: organization,
        adminEmail: email,
        adminName,
        password: TEST_PASSWORD,
      });
      return { email, key: created.apiKey.api_key, orgId: created.organization.id, userId: created.user.id };
    },
    async invite(key, conversation = {}) {
      const { data } = await api(key, 'POST', '/v1/conversations', conversation);
      const invite = (await api(key, 'POST', `/v1/conversations/${data.id}/rating-invites`)).data;
      // The link points at PUBLIC_URL; the page is the same path on this server.
      return { rating: invite.rating, url: baseUrl + new URL(invite.link).pathname };
    },
    async close() {
      await app.close();
      await drop();
    },
  };
}

/** An organization whose admin is signed in to the dashboard in a new browser context. */
export interface SignedInAdmin {
  context: BrowserContext;
  page: Page;
  apiKey: string;
  orgId: number;
}

/** Creates an organization named `name` and signs its admin in; the page is left on the analytics page. */
export async function signInNewAdmin(
  server: PageServer,
  browser: Browser,
  options: { name?: string; viewport?: { width: number; height: number } } = {},
): Promise<SignedInAdmin> {
  const admin = await server.newAdmin(options.name ?? 'Acme Support', 'Lena Lead');
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 900 },
    reducedMotion: 'reduce',
    locale: 'en-US',
  });
  const page = await context.newPage();
  await signIn(page, server.baseUrl, admin.email);
  return { context, page, apiKey: admin.key, orgId: admin.orgId };
}
