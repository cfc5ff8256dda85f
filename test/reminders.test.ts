import assert from 'node:assert/strict';
import { it } from 'node:test';
import { buildApp } from '../src/app.js';
import { openDatabase } from '../src/db/database.js';
import { sweepExpiries } from '../src/expiry-sweep.js';
import { assertError, describeEachDialect, testConfig, type TestContext, type Tenant } from './helpers/app.js';
import { createTestDatabase } from './helpers/databases.js';

const HOUR = 3_600_000;
const past = (ms: number) => new Date(Date.now() - ms).toISOString();

const rules = {
  enabled: true,
  channels: [],
  agent_types: [],
  min_contact_messages: 0,
  sample_percent: 100,
  cooldown_days: 0,
  reminder_after_hours: 24 as number | null,
};

async function tenantWithReminders(ctx: TestContext, reminderAfterHours: number | null = 24): Promise<Tenant> {
  const tenant = await ctx.newTenant();
  const saved = await ctx.request('PUT', '/v1/survey-rules', {
    key: tenant.key,
    body: { ...rules, reminder_after_hours: reminderAfterHours },
  });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  const hook = await ctx.request('POST', '/v1/webhooks', {
    key: tenant.key,
    body: { url: 'https://hooks.example.com/plaudit', event_types: ['rating.offered', 'rating.reminder_due'] },
  });
  assert.equal(hook.status, 201, JSON.stringify(hook.body));
  return tenant;
}

/** Closes a new conversation; answers the invite the rules offered. */
async function closedWithInvite(ctx: TestContext, tenant: Tenant, body: Record<string, unknown> = {}) {
  const created = await ctx.request('POST', '/v1/conversations', { key: tenant.key, body });
  await ctx.request('PATCH', `/v1/conversations/${created.body.data.id}`, {
    key: tenant.key,
    body: { status: 'closed' },
  });
  const row = await ctx.database.db
    .selectFrom('ratings')
    .select(['id', 'code', 'offered_at', 'expires_at', 'remind_at', 'reminded_at'])
    .where('conversation_id', '=', created.body.data.id)
    .executeTakeFirstOrThrow();
  return { ...row, id: Number(row.id), conversationId: created.body.data.id as number };
}

const reminders = async (ctx: TestContext, orgId: number) =>
  (
    await ctx.database.db
      .selectFrom('webhook_deliveries')
      .select('payload')
      .where('org_id', '=', orgId)
      .where('event_type', '=', 'rating.reminder_due')
      .execute()
  ).map((row) => (JSON.parse(row.payload) as { data: Record<string, any> }).data);

/** Makes the reminder due now, as if its hours had passed. */
const makeDue = (ctx: TestContext, ratingId: number) =>
  ctx.database.db
    .updateTable('ratings')
    .set({ remind_at: past(1000) })
    .where('id', '=', ratingId)
    .execute();

describeEachDialect('Invite reminders: rating.reminder_due once, never after expiry', (ctx) => {
  it('stamps the reminder N hours after the offer, and sends it once with the link and the text', async () => {
    const tenant = await tenantWithReminders(ctx, 24);
    const invite = await closedWithInvite(ctx, tenant, { language: 'en' });
    // 24 hours after the offer, before the 48-hour expiry.
    assert.equal(Date.parse(invite.remind_at!) - Date.parse(invite.offered_at), 24 * HOUR);
    assert.equal(Date.parse(invite.expires_at!) - Date.parse(invite.offered_at), 48 * HOUR);
    assert.equal(await ctx.app.services.ratings.sweepReminders(), 0, 'not due yet');
    assert.equal((await reminders(ctx, tenant.orgId)).length, 0);

    await makeDue(ctx, invite.id);
    const swept = await sweepExpiries(ctx.app.services);
    assert.equal(swept.remindersSent >= 1, true);
    const [reminder, ...more] = await reminders(ctx, tenant.orgId);
    assert.equal(more.length, 0);
    const link = `https://plaudit.test/r/${invite.code}`;
    assert.equal(reminder!.link, link);
    assert.equal(reminder!.text, `Thank you for contacting us! How did we do? Please rate your conversation: ${link}`);
    assert.equal(reminder!.conversation_id, invite.conversationId);
    assert.deepEqual(reminder!.unanswered, ['STARS', 'HELPFUL_THUMBS', 'EXPERIENCE_THUMBS']);
    assert.equal(reminder!.expires_at, invite.expires_at);
    // The reminder carries the ready-to-send messages too: an SMS with the link, the email's answer links.
    assert.equal(reminder!.deliverables.sms.text.includes(link), true);
    assert.equal(reminder!.deliverables.question.code, 'STARS');
    assert.deepEqual(
      reminder!.deliverables.question.choices.map((choice: { link: string }) => choice.link),
      [1, 2, 3, 4, 5].map((value) => `${link}?answer=${value}`),
    );

    // Sent once: later sweeps find nothing, even with the time set due again.
    assert.equal(await ctx.app.services.ratings.sweepReminders(), 0);
    await makeDue(ctx, invite.id);
    assert.equal(await ctx.app.services.ratings.sweepReminders(), 0);
    assert.equal((await reminders(ctx, tenant.orgId)).length, 1);
  });

  it('never reminds after the expiry, nor an answered or cancelled invite; each leaves the due list', async () => {
    const tenant = await tenantWithReminders(ctx, 24);
    const expired = await closedWithInvite(ctx, tenant);
    const answered = await closedWithInvite(ctx, tenant);
    const cancelled = await closedWithInvite(ctx, tenant);
    const waiting = await closedWithInvite(ctx, tenant);
    await ctx.database.db
      .updateTable('ratings')
      .set({ expires_at: past(500) })
      .where('id', '=', expired.id)
      .execute();
    const answer = await ctx.request('POST', `/v1/ratings/${answered.id}/answers`, {
      key: tenant.key,
      body: { answers: [{ code: 'STARS', value: 5 }] },
    });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal((await ctx.request('POST', `/v1/ratings/${cancelled.id}/cancel`, { key: tenant.key })).status, 200);
    for (const invite of [expired, answered, cancelled, waiting]) await makeDue(ctx, invite.id);

    assert.equal(await ctx.app.services.ratings.sweepReminders(), 1);
    assert.deepEqual(
      (await reminders(ctx, tenant.orgId)).map((reminder) => reminder.rating_id),
      [waiting.id],
    );
    const left = await ctx.database.db
      .selectFrom('ratings')
      .select(['id', 'remind_at', 'reminded_at'])
      .where('org_id', '=', tenant.orgId)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      left.map((row) => [Number(row.id), row.remind_at === null, row.reminded_at === null]),
      [
        [expired.id, true, true],
        [answered.id, true, true],
        [cancelled.id, true, true],
        [waiting.id, false, false],
      ],
    );
  });

  it('no reminder without reminder_after_hours, nor when the expiry comes first', async () => {
    const none = await tenantWithReminders(ctx, null);
    assert.equal((await closedWithInvite(ctx, none)).remind_at, null);

    const short = await tenantWithReminders(ctx, 24);
    // Invites now expire after 12 hours: a 24-hour reminder would come after the expiry.
    await ctx.request('PATCH', '/v1/rating-settings', { key: short.key, body: { invite_expiry_hours: 12 } });
    assert.equal((await closedWithInvite(ctx, short)).remind_at, null);
    // And the rules cannot be saved with such a reminder any more.
    assertError(
      await ctx.request('PUT', '/v1/survey-rules', { key: short.key, body: rules }),
      400,
      'reminder_after_expiry',
    );
  });

  it('explicit invites get the reminder too; their answers stay as they were', async () => {
    const tenant = await tenantWithReminders(ctx, 6);
    const conv = await ctx.request('POST', '/v1/conversations', { key: tenant.key, body: {} });
    const invite = await ctx.request('POST', `/v1/conversations/${conv.body.data.id}/rating-invites`, {
      key: tenant.key,
    });
    assert.equal(invite.status, 201);
    assert.deepEqual(Object.keys(invite.body.data).sort(), ['link', 'rating', 'text']);
    const row = await ctx.database.db
      .selectFrom('ratings')
      .select(['remind_at', 'offered_at'])
      .where('id', '=', invite.body.data.rating.id)
      .executeTakeFirstOrThrow();
    assert.equal(Date.parse(row.remind_at!) - Date.parse(row.offered_at), 6 * HOUR);
  });

  it("reminds only the organization's own invites, and another organization's webhooks get nothing", async () => {
    const mine = await tenantWithReminders(ctx, 24);
    const theirs = await tenantWithReminders(ctx, 24);
    const invite = await closedWithInvite(ctx, mine);
    await makeDue(ctx, invite.id);
    await ctx.app.services.ratings.sweepReminders();
    assert.equal((await reminders(ctx, mine.orgId)).length, 1);
    assert.equal((await reminders(ctx, theirs.orgId)).length, 0);
  });

  it('accepts rating.reminder_due in the webhook event catalogue', async () => {
    const tenant = await ctx.newTenant();
    const hook = await ctx.request('POST', '/v1/webhooks', {
      key: tenant.key,
      body: { url: 'https://hooks.example.com/only-reminders', event_types: ['rating.reminder_due'] },
    });
    assert.equal(hook.status, 201);
    assert.deepEqual(hook.body.data.event_types, ['rating.reminder_due']);
  });

  // Several nodes share one database only on PostgreSQL (SQLite is one process by design).
  const onPostgres = ctx.dialect === 'postgres' ? it : () => undefined;
  onPostgres('three nodes sweeping at once send each of 30 due reminders once', async () => {
    const created = await createTestDatabase('postgres');
    const others = [1, 2].map(() => openDatabase({ dialect: 'postgres', url: created.url, poolSize: 5 }));
    const apps = [
      await buildApp({ config: testConfig, database: created.database }),
      ...(await Promise.all(others.map((database) => buildApp({ config: testConfig, database })))),
    ];
    try {
      const [first] = apps;
      const { organization, apiKey } = await first!.services.accounts.createOrganization({
        name: 'Three nodes',
        adminEmail: `reminders-${Date.now()}@test.invalid`,
      });
      await first!.services.ratingConfig.surveyRules.replace(organization.id, rules);
      await first!.services.webhooks.createWebhook(organization.id, {
        url: 'https://hooks.example.com/plaudit',
        event_types: ['rating.reminder_due'],
      });
      const headers = { authorization: `Bearer ${apiKey.api_key}`, 'content-type': 'application/json' };
      for (let index = 0; index < 30; index += 1) {
        const answer = await first!.inject({
          method: 'POST',
          url: '/v1/conversations',
          headers,
          payload: JSON.stringify({ status: 'closed' }),
        });
        assert.equal(answer.statusCode, 201);
      }
      await created.database.db
        .updateTable('ratings')
        .set({ remind_at: past(1000) })
        .where('org_id', '=', organization.id)
        .execute();
      const sent = await Promise.all(apps.map((app) => app.services.ratings.sweepReminders()));
      assert.equal(
        sent.reduce((sum, count) => sum + count, 0),
        30,
      );
      const deliveries = await created.database.db
        .selectFrom('webhook_deliveries')
        .select('payload')
        .where('event_type', '=', 'rating.reminder_due')
        .execute();
      const rated = deliveries.map(
        (row) => (JSON.parse(row.payload) as { data: { rating_id: number } }).data.rating_id,
      );
      assert.equal(rated.length, 30);
      assert.equal(new Set(rated).size, 30);
    } finally {
      for (const app of apps) await app.close();
      for (const database of others) await database.close();
      await created.drop();
    }
  });
});
