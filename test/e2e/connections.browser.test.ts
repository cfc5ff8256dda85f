import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { drain } from '../helpers/receiver.js';
import {
  dashboardSkipReason,
  launchChromium,
  signIn,
  startPageServer,
  watchProblems,
  type PageServer,
} from './harness.js';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

/** Settings → Connections in Chromium: an admin connects Langfuse and sees how its scores are getting on. */
describe('the Langfuse connection in Chromium', { skip: dashboardSkipReason() }, () => {
  let server: PageServer;
  let browser: Browser;
  let desktop: BrowserContext;
  let page: Page;
  let key: string;
  let langfuse: Server;
  let langfuseUrl: string;
  const answers: number[] = [];
  const received: Array<{ authorization: string; body: Record<string, unknown> }> = [];
  const problems: string[] = [];

  before(async () => {
    langfuse = createServer((request, response) => {
      let text = '';
      request.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      request.on('end', () => {
        if (request.method === 'GET' && request.url === '/api/public/projects') {
          const known =
            request.headers.authorization ===
            `Basic ${Buffer.from('pk-lf-7f3a9c2e4b1d:sk-lf-0d9e8f7a6b5c').toString('base64')}`;
          response
            .writeHead(known ? 200 : 401, { 'content-type': 'application/json' })
            .end(JSON.stringify(known ? { data: [{ id: 'proj-1', name: 'Billing assistant' }] } : {}));
          return;
        }
        received.push({ authorization: String(request.headers.authorization), body: JSON.parse(text) });
        const status = answers.shift() ?? 200;
        response.writeHead(status, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => langfuse.listen(0, '127.0.0.1', resolve));
    langfuseUrl = `http://127.0.0.1:${(langfuse.address() as { port: number }).port}`;
    browser = await launchChromium();
    server = await startPageServer({ config: { secretKey: 'browser-test-secret-key-0123456789abcdef' } });
    const admin = await server.newAdmin('Traced Co', 'Lena Langfuse');
    key = admin.key;
    desktop = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    page = await desktop.newPage();
    watchProblems(page, problems);
    await signIn(page, server.baseUrl, admin.email);
  });

  after(async () => {
    await desktop?.close();
    await browser?.close();
    await server?.close();
    await new Promise<void>((resolve) => (langfuse ? langfuse.close(() => resolve()) : resolve()));
  });

  const feedbackOnTracedAnswer = async (rating: 'like' | 'dislike', traceId: string) => {
    const conversation = await server.api(key, 'POST', '/v1/conversations', {
      agent_type: 'ai',
      messages: [
        { role: 'user', text: 'Can I pay by invoice?' },
        { role: 'ai', text: 'Yes, from the billing page.', trace_id: traceId, span_id: 'span-7' },
      ],
    });
    await server.api(key, 'POST', `/v1/messages/${conversation.data.messages[1].uid}/feedback`, { rating });
  };

  it('saves a connection, keeps the secret out of sight, and shows deliveries and errors', async () => {
    await page.goto(`${server.baseUrl}/settings/connections`);
    await page.getByRole('heading', { name: 'Connections', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Connections' }).waitFor();
    await page.getByLabel('Langfuse address').fill(langfuseUrl);
    await page.getByLabel('Public key').fill('pk-lf-7f3a9c2e4b1d');
    await page.getByLabel('Secret key').fill('sk-lf-0d9e8f7a6b5c');
    await page.getByRole('button', { name: 'Connect Langfuse' }).click();
    await page.getByText('Waiting for the first score').waitFor();
    await page.getByText('pk-lf-••••4b1d').waitFor();
    assert.equal(await page.getByText('sk-lf-0d9e8f7a6b5c').count(), 0);
    assert.equal(await page.getByLabel('Secret key').inputValue(), '');

    // The first score is refused (wrong keys, say), the next one goes through.
    answers.push(401);
    await feedbackOnTracedAnswer('dislike', 'trace-a');
    const worker = server.app.services.webhooks.createWorker({ retryDelaysMs: [0] });
    await drain(worker);
    await feedbackOnTracedAnswer('like', 'trace-b');
    await drain(worker);
    await worker.stop();
    assert.equal(received.length, 2);
    assert.equal(
      received[1]!.authorization,
      `Basic ${Buffer.from('pk-lf-7f3a9c2e4b1d:sk-lf-0d9e8f7a6b5c').toString('base64')}`,
    );

    await page.reload();
    await page.getByText('Delivering', { exact: true }).waitFor();
    await page.getByText('1 sent · 0 waiting · 1 given up').waitFor();
    await page.locator('.connection-errors li', { hasText: 'HTTP 401' }).waitFor();

    // The saved keys, tested: Langfuse names their project.
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.getByText('Langfuse took the keys: project “Billing assistant”.').waitFor();

    mkdirSync(SHOTS, { recursive: true });
    writeFileSync(join(SHOTS, '.gitignore'), '*\n');
    await page.screenshot({ path: join(SHOTS, 'connections-desktop.png'), fullPage: true });
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      storageState: await desktop.storageState(),
      locale: 'en-US',
    });
    const phonePage = await phone.newPage();
    await phonePage.goto(`${server.baseUrl}/settings/connections`);
    await phonePage.getByText('Delivering', { exact: true }).waitFor();
    await phonePage.screenshot({ path: join(SHOTS, 'connections-phone.png'), fullPage: true });
    await phone.close();
    assert.deepEqual(problems, []);
  });
});
