import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Fastify from 'fastify';
import { DASHBOARD_CSP, dashboardRoutes } from './static.js';

async function appServing(dir: string) {
  const app = Fastify();
  await app.register(dashboardRoutes, { dir });
  await app.ready();
  return app;
}

describe('the dashboard route', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plaudit-dashboard-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('answers 503 with what to do while the dashboard is not built, and starts all the same', async () => {
    const app = await appServing(join(dir, 'missing'));
    const page = await app.inject({ method: 'GET', url: '/' });
    assert.equal(page.statusCode, 503);
    assert.match(String(page.headers['content-type']), /^text\/html/);
    assert.match(page.body, /npm run build/);
    assert.equal(page.headers['cache-control'], 'no-store');
    assert.equal((await app.inject({ method: 'GET', url: '/dashboard/assets/index.js' })).statusCode, 404);
    await app.close();
  });

  it('answers index.html, uncached and under a strict policy, for each page of the app', async () => {
    mkdirSync(join(dir, 'built', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'built', 'index.html'), '<!doctype html><title>Plaudit</title>');
    writeFileSync(join(dir, 'built', 'assets', 'index-abc123.js'), 'console.log(1)');
    const app = await appServing(join(dir, 'built'));
    for (const url of ['/', '/sign-in', '/inbox', '/conversations/42', '/settings', '/analytics?from=2026-01-01']) {
      const page = await app.inject({ method: 'GET', url });
      assert.equal(page.statusCode, 200, url);
      assert.equal(page.body, '<!doctype html><title>Plaudit</title>');
      assert.equal(page.headers['cache-control'], 'no-store');
      assert.equal(page.headers['content-security-policy'], DASHBOARD_CSP);
      assert.equal(page.headers['referrer-policy'], 'same-origin');
      assert.equal(page.headers['x-content-type-options'], 'nosniff');
    }
    assert.doesNotMatch(DASHBOARD_CSP, /unsafe/);

    const asset = await app.inject({ method: 'GET', url: '/dashboard/assets/index-abc123.js' });
    assert.equal(asset.statusCode, 200);
    assert.equal(asset.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.match(String(asset.headers['content-type']), /javascript/);

    // Nothing else is the app's: other paths stay unknown to it.
    for (const url of ['/inbox/extra', '/conversations', '/api/agents/chat', '/dashboard/index.html', '/ratings']) {
      assert.equal((await app.inject({ method: 'GET', url })).statusCode, 404, url);
    }
    await app.close();
  });
});
