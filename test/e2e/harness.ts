import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
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
  api(key: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, body?: unknown): Promise<any>;
  /** A new organization; answers its API key. */
  newTenant(name: string): Promise<string>;
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
  const email = `lead-${Math.random().toString(36).slice(2)}@test.invalid`;
  const password = 'correct horse battery staple';
  const created = await server.app.services.accounts.createOrganization({
    name: options.name ?? 'Acme Support',
    adminEmail: email,
    adminName: 'Lena Lead',
    password,
  });
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 900 },
    reducedMotion: 'reduce',
    locale: 'en-US',
  });
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/analytics/);
  return { context, page, apiKey: created.apiKey.api_key, orgId: created.organization.id };
}
