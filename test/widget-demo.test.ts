import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { seedDemo, type DemoCredentials } from '../src/modules/demo/index.js';
import { describeEachDialect, type TestContext } from './helpers/app.js';
import { signIn, tenantWithPassword, withCookie, type Browser } from './helpers/sessions.js';

const DEMO_NAME = 'Northwind Outfitters (demo)';
const TOKEN = /data-plaudit-token="(pwt_[A-Za-z0-9_-]{43})"/;

async function tokenRows(ctx: TestContext, orgId?: number): Promise<number> {
  let query = ctx.database.db.selectFrom('widget_tokens').select('token_hash');
  if (orgId !== undefined) query = query.where('org_id', '=', orgId);
  return (await query.execute()).length;
}

function demoPage(ctx: TestContext, browser?: Browser) {
  return ctx.request('GET', '/widget-demo', { headers: browser ? withCookie(browser) : {} });
}

function tokenIn(html: string): string {
  const token = TOKEN.exec(html)?.[1];
  assert.ok(token, 'the page embeds the widget with a token');
  return token;
}

describeEachDialect('The widget demo page', (ctx) => {
  let demo: DemoCredentials;
  let demoBrowser: Browser;
  /** The conversation the seed made for the page. */
  let marked: { id: number; uid: string };

  before(async () => {
    demo = await seedDemo(ctx.app.services, { conversations: 6, days: 3 });
    demoBrowser = await signIn(ctx, demo.email, demo.password);
    const row = await ctx.database.db
      .selectFrom('widget_demo_conversations as d')
      .innerJoin('conversations as c', 'c.id', 'd.conversation_id')
      .select(['c.id', 'c.uid'])
      .where('d.org_id', '=', demo.organization.id)
      .executeTakeFirstOrThrow();
    marked = { id: Number(row.id), uid: row.uid };
  });

  it('sends a visitor who is not signed in to the sign-in, with the way back, and mints nothing', async () => {
    const before = await tokenRows(ctx);
    const visitors: Array<Record<string, string>> = [
      {},
      { cookie: `plaudit_session=${'A'.repeat(43)}` },
      { cookie: 'plaudit_session=x' },
    ];
    for (const headers of visitors) {
      const response = await ctx.request('GET', '/widget-demo', { headers });
      assert.equal(response.status, 303);
      assert.equal(response.headers.location, '/sign-in?next=%2Fwidget-demo');
      assert.equal(response.headers['cache-control'], 'no-store');
      assert.doesNotMatch(response.raw.body, TOKEN);
    }
    assert.equal(await tokenRows(ctx), before);
  });

  it("shows a signed-in user their organization's demo conversation, with a token for it alone", async () => {
    const page = await demoPage(ctx, demoBrowser);
    assert.equal(page.status, 200);
    assert.equal(page.headers['cache-control'], 'no-store');
    const csp = String(page.headers['content-security-policy']);
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.doesNotMatch(page.raw.body, /<script>/);
    assert.match(page.raw.body, /Northwind Outfitters \(demo\)/);
    const messages = (await ctx.request('GET', `/v1/conversations/${marked.id}/messages`, { key: demo.apiKey })).body
      .data;
    assert.equal(page.raw.body.match(/class="msg /g)?.length, messages.length, 'every message is on the page');
    for (const message of messages.filter((candidate: { role: string }) => candidate.role !== 'user')) {
      assert.ok(page.raw.body.includes(`message="${message.uid}"`), 'each answer takes feedback');
    }
    const session = await ctx.request('GET', '/widget/v1/session', { key: tokenIn(page.raw.body) });
    assert.equal(session.status, 200);
    assert.equal(session.body.data.conversation_uid, marked.uid);
  });

  it('keeps showing the demo conversation after a client imports newer conversations into the organization', async () => {
    const imported = await ctx.request('POST', '/v1/conversations/import', {
      key: demo.apiKey,
      body: {
        conversations: [
          {
            external_id: 'zendesk-1',
            channel: 'email',
            contact_name: 'Real Customer',
            messages: [{ role: 'user', text: 'My home address is 12 Private Lane' }],
          },
        ],
      },
    });
    assert.equal(imported.status, 200);
    const page = await demoPage(ctx, demoBrowser);
    assert.doesNotMatch(page.raw.body, /Private Lane/);
    const session = await ctx.request('GET', '/widget/v1/session', { key: tokenIn(page.raw.body) });
    assert.equal(session.body.data.conversation_uid, marked.uid);
  });

  it('reuses the token of the hour: views store one token row per session, not one per view', async () => {
    const before = await tokenRows(ctx, demo.organization.id);
    const tokens = new Set<string>();
    for (let view = 0; view < 5; view += 1) tokens.add(tokenIn((await demoPage(ctx, demoBrowser)).raw.body));
    assert.equal(tokens.size, 1);
    const expiry = await ctx.database.db
      .selectFrom('widget_tokens')
      .select('expires_at')
      .where('conversation_id', '=', marked.id)
      .orderBy('expires_at', 'desc')
      .executeTakeFirstOrThrow();
    const hoursLeft = (Date.parse(expiry.expires_at) - Date.now()) / 3_600_000;
    assert.ok(hoursLeft > 1 && hoursLeft <= 2, `valid for at least an hour: ${hoursLeft}`);
    // Another browser signed in as the same user holds a session, and a token, of its own.
    const other = await signIn(ctx, demo.email, demo.password);
    const otherToken = tokenIn((await demoPage(ctx, other)).raw.body);
    assert.ok(!tokens.has(otherToken));
    assert.ok((await tokenRows(ctx, demo.organization.id)) - before <= 2);
  });

  it('shows another organization nothing of the demo, whatever it is called', async () => {
    // An organization named like the demo is not the demo: the name decides nothing.
    const impostor = await tenantWithPassword(ctx, DEMO_NAME);
    const browser = await signIn(ctx, impostor.email);
    const before = await tokenRows(ctx);
    const page = await demoPage(ctx, browser);
    assert.equal(page.status, 200);
    assert.match(page.raw.body, /has no widget demo conversation/);
    assert.doesNotMatch(page.raw.body, TOKEN);
    assert.doesNotMatch(page.raw.body, /<plaudit-message-feedback/);
    assert.equal(await tokenRows(ctx), before);
    // Nor does a conversation of its own become the demo.
    await ctx.request('POST', '/v1/conversations', {
      key: impostor.key,
      body: { external_id: 'demo-widget', messages: [{ role: 'ai', text: 'Hello' }] },
    });
    assert.match((await demoPage(ctx, browser)).raw.body, /has no widget demo conversation/);
  });

  it('shows nothing once the demo conversation has been anonymized', async () => {
    const other = await seedDemo(ctx.app.services, { name: 'Second demo', conversations: 2, days: 1 });
    const browser = await signIn(ctx, other.email, other.password);
    const found = await ctx.database.db
      .selectFrom('widget_demo_conversations')
      .select('conversation_id')
      .where('org_id', '=', other.organization.id)
      .executeTakeFirstOrThrow();
    const anonymized = await ctx.request('POST', `/v1/conversations/${Number(found.conversation_id)}/anonymize`, {
      key: other.apiKey,
    });
    assert.equal(anonymized.status, 200);
    const page = await demoPage(ctx, browser);
    assert.match(page.raw.body, /has no widget demo conversation/);
    assert.doesNotMatch(page.raw.body, TOKEN);
  });
});
