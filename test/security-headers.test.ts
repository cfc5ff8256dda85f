import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachDialect, type TestContext } from './helpers/app.js';

const HSTS = 'max-age=31536000; includeSubDomains';
/** A page, the API (answered and refused), the docs and a public page: HSTS is for every answer over HTTPS. */
const PATHS = ['/health', '/v1/me', '/sign-in', '/docs', '/openapi.json', '/widget.js', '/no-such-route'];

async function hstsOf(ctx: TestContext, url: string, headers: Record<string, string> = {}) {
  const response = await ctx.app.inject({ method: 'GET', url, headers });
  return response.headers['strict-transport-security'];
}

describeEachDialect(
  'Security headers behind a proxy (TRUST_PROXY=true)',
  (ctx) => {
    it('sends Strict-Transport-Security on every answer to a request that came over HTTPS', async () => {
      for (const url of PATHS) {
        assert.equal(await hstsOf(ctx, url, { 'x-forwarded-proto': 'https' }), HSTS, url);
      }
    });

    it('never sends it over plain HTTP', async () => {
      for (const url of PATHS) {
        assert.equal(await hstsOf(ctx, url), undefined, url);
        assert.equal(await hstsOf(ctx, url, { 'x-forwarded-proto': 'http' }), undefined, url);
      }
    });
  },
  { config: { trustProxy: true } },
);

describeEachDialect('Security headers without a trusted proxy', (ctx) => {
  it('ignores an X-Forwarded-Proto anyone could send', async () => {
    for (const url of PATHS) {
      assert.equal(await hstsOf(ctx, url, { 'x-forwarded-proto': 'https' }), undefined, url);
    }
  });

  it('gives the API docs a Content-Security-Policy, frame-ancestors none and a Referrer-Policy', async () => {
    for (const url of ['/docs', '/docs/', '/docs/static/swagger-initializer.js', '/docs/json']) {
      const response = await ctx.app.inject({ method: 'GET', url });
      assert.ok(response.statusCode < 400, `${url}: ${response.statusCode}`);
      const csp = String(response.headers['content-security-policy']);
      assert.match(csp, /default-src 'none'/, url);
      assert.match(csp, /script-src 'self'(;|$)/, url);
      assert.match(csp, /frame-ancestors 'none'/, url);
      assert.match(csp, /object-src 'none'/, url);
      assert.doesNotMatch(csp, /unsafe-eval/, url);
      assert.equal(response.headers['referrer-policy'], 'no-referrer', url);
      assert.equal(response.headers['x-frame-options'], 'DENY', url);
    }
    // "Try it out" calls the API at PUBLIC_URL.
    const csp = String((await ctx.app.inject({ method: 'GET', url: '/docs' })).headers['content-security-policy']);
    assert.match(csp, /connect-src 'self' https:\/\/plaudit\.test/);
  });
});
