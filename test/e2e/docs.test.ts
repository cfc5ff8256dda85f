import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { chromiumSkipReason, launchChromium, startPageServer, type PageServer } from './harness.js';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

// What the callbacks run inside the page use of the browser's globals (the project compiles without the DOM library).
declare const document: {
  addEventListener(type: string, listener: (event: { violatedDirective: string; blockedURI: string }) => void): void;
};
declare const window: { cspViolations: string[] };

describe('the API docs in Chromium', { skip: chromiumSkipReason() }, () => {
  let server: PageServer;
  let browser: Browser;

  before(async () => {
    browser = await launchChromium();
    server = await startPageServer();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('renders the operations under its Content-Security-Policy without a violation', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    // Violations are also events in the page, whether or not the browser logs them.
    await page.addInitScript(() => {
      window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) =>
        window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    const response = await page.goto(`${server.baseUrl}/docs`);
    assert.equal(response?.status(), 200);
    assert.match(String(response?.headers()['content-security-policy']), /frame-ancestors 'none'/);
    await page.locator('.opblock').first().waitFor();
    assert.ok((await page.locator('.opblock').count()) > 40, 'every operation is listed');
    await page.getByText('/v1/conversations', { exact: true }).first().waitFor();
    // Open an operation, as a reader would: its parameters and responses render too.
    await page.locator('.opblock-summary').first().click();
    await page.locator('.opblock-body').first().waitFor();
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'docs-desktop.png') });
    assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
