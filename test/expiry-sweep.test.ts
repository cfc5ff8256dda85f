import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { it } from 'node:test';
import { buildApp } from '../src/app.js';
import { openDatabase } from '../src/db/database.js';
import { sweepExpiries } from '../src/expiry-sweep.js';
import { createTestDatabase } from './helpers/databases.js';
import { describeEachDialect, testConfig, type TestContext, type Tenant } from './helpers/app.js';
import { signIn, tenantWithPassword, withCookie } from './helpers/sessions.js';

const HOUR = 3_600_000;
const iso = (msFromNow: number) => new Date(Date.now() + msFromNow).toISOString();
const hash = (token: string) => createHash('sha256').update(token).digest('hex');

async function newConversation(ctx: TestContext, tenant: Tenant): Promise<number> {
  const created = await ctx.request('POST', '/v1/conversations', { key: tenant.key, body: { channel: 'email' } });
  return created.body.data.id;
}

async function mintToken(ctx: TestContext, tenant: Tenant, conversationId: number): Promise<string> {
  const minted = await ctx.request('POST', `/v1/conversations/${conversationId}/widget-tokens`, { key: tenant.key });
  return minted.body.data.token;
}

async function tokenExists(ctx: TestContext, token: string): Promise<boolean> {
  const row = await ctx.database.db
    .selectFrom('widget_tokens')
    .select('token_hash')
    .where('token_hash', '=', hash(token))
    .executeTakeFirst();
  return row !== undefined;
}

async function sessionExists(ctx: TestContext, token: string): Promise<boolean> {
  const row = await ctx.database.db
    .selectFrom('sessions')
    .select('token_hash')
    .where('token_hash', '=', hash(token))
    .executeTakeFirst();
  return row !== undefined;
}

describeEachDialect('The expiry sweep', (ctx) => {
  it('deletes widget tokens that expired and keeps the valid ones, in every organization', async () => {
    const tenant = await ctx.newTenant();
    const other = await ctx.newTenant();
    const conversation = await newConversation(ctx, tenant);
    const [expired, valid, otherValid] = [
      await mintToken(ctx, tenant, conversation),
      await mintToken(ctx, tenant, conversation),
      await mintToken(ctx, other, await newConversation(ctx, other)),
    ];
    await ctx.database.db
      .updateTable('widget_tokens')
      .set({ expires_at: iso(-1000) })
      .where('token_hash', '=', hash(expired))
      .execute();
    const swept = await sweepExpiries(ctx.app.services);
    assert.ok(swept.deletedWidgetTokens >= 1);
    assert.equal(await tokenExists(ctx, expired), false);
    assert.equal(await tokenExists(ctx, valid), true);
    assert.equal(await tokenExists(ctx, otherValid), true);
    assert.equal((await ctx.request('GET', '/widget/v1/session', { key: valid })).status, 200);
  });

  it('deletes sessions past their absolute expiry or idle too long, and keeps live ones', async () => {
    const tenant = await tenantWithPassword(ctx);
    const [pastExpiry, idle, live] = [
      await signIn(ctx, tenant.email),
      await signIn(ctx, tenant.email),
      await signIn(ctx, tenant.email),
    ];
    await ctx.database.db
      .updateTable('sessions')
      .set({ expires_at: iso(-1000) })
      .where('token_hash', '=', hash(pastExpiry.token))
      .execute();
    await ctx.database.db
      .updateTable('sessions')
      .set({ last_seen_at: iso(-12 * HOUR - 1000) })
      .where('token_hash', '=', hash(idle.token))
      .execute();
    const swept = await sweepExpiries(ctx.app.services);
    assert.ok(swept.deletedSessions >= 2);
    assert.equal(await sessionExists(ctx, pastExpiry.token), false);
    assert.equal(await sessionExists(ctx, idle.token), false);
    assert.equal(await sessionExists(ctx, live.token), true);
    assert.equal((await ctx.request('GET', '/auth/session', { headers: withCookie(live) })).status, 200);
  });

  it('deletes a backlog larger than one batch in one round', async () => {
    const tenant = await ctx.newTenant();
    const conversation = await newConversation(ctx, tenant);
    const rows = Array.from({ length: 2_500 }, () => ({
      token_hash: hash(randomBytes(16).toString('hex')),
      org_id: tenant.orgId,
      conversation_id: conversation,
      created_at: iso(-2 * HOUR),
      expires_at: iso(-HOUR),
    }));
    for (let start = 0; start < rows.length; start += 500) {
      await ctx.database.db
        .insertInto('widget_tokens')
        .values(rows.slice(start, start + 500))
        .execute();
    }
    const swept = await sweepExpiries(ctx.app.services);
    assert.ok(swept.deletedWidgetTokens >= rows.length);
    const left = await ctx.database.db
      .selectFrom('widget_tokens')
      .select('token_hash')
      .where('org_id', '=', tenant.orgId)
      .execute();
    assert.equal(left.length, 0);
  });

  // Several nodes share one database only on PostgreSQL (SQLite is one process by design).
  const onPostgres = ctx.dialect === 'postgres' ? it : () => undefined;
  onPostgres(
    'runs on two nodes at once: every ended row is deleted once, and neither waits for the other',
    async () => {
      const created = await createTestDatabase('postgres');
      const second = openDatabase({ dialect: 'postgres', url: created.url, poolSize: 5 });
      const apps = [
        await buildApp({ config: testConfig, database: created.database }),
        await buildApp({ config: testConfig, database: second }),
      ];
      try {
        const { organization, apiKey, user } = await apps[0]!.services.accounts.createOrganization({
          name: 'Two nodes',
          adminEmail: `sweep-${Date.now()}@test.invalid`,
        });
        const conversation = (
          await apps[0]!.inject({
            method: 'POST',
            url: '/v1/conversations',
            headers: { authorization: `Bearer ${apiKey.api_key}`, 'content-type': 'application/json' },
            payload: '{}',
          })
        ).json().data.id as number;
        const tokens = Array.from({ length: 3_000 }, () => ({
          token_hash: hash(randomBytes(16).toString('hex')),
          org_id: organization.id,
          conversation_id: conversation,
          created_at: iso(-2 * HOUR),
          expires_at: iso(-HOUR),
        }));
        const sessions = Array.from({ length: 3_000 }, () => ({
          token_hash: hash(randomBytes(16).toString('hex')),
          user_id: user.id,
          org_id: organization.id,
          csrf_token: randomBytes(16).toString('hex'),
          created_at: iso(-8 * 24 * HOUR),
          last_seen_at: iso(-HOUR),
          expires_at: iso(-HOUR),
        }));
        for (let start = 0; start < 3_000; start += 500) {
          await created.database.db
            .insertInto('widget_tokens')
            .values(tokens.slice(start, start + 500))
            .execute();
          await created.database.db
            .insertInto('sessions')
            .values(sessions.slice(start, start + 500))
            .execute();
        }
        const results = await Promise.all(apps.map((app) => sweepExpiries(app.services)));
        assert.equal(
          results.reduce((sum, result) => sum + result.deletedWidgetTokens, 0),
          3_000,
        );
        assert.equal(
          results.reduce((sum, result) => sum + result.deletedSessions, 0),
          3_000,
        );
        assert.equal((await created.database.db.selectFrom('widget_tokens').select('token_hash').execute()).length, 0);
        assert.equal((await created.database.db.selectFrom('sessions').select('token_hash').execute()).length, 0);
      } finally {
        for (const app of apps) await app.close();
        await second.close();
        await created.drop();
      }
    },
  );
});
