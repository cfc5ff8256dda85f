import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, it } from 'node:test';
import { samplePlace } from '../src/modules/ratings/survey-eligibility.js';
import { assertError, describeEachDialect, type TestContext, type Tenant } from './helpers/app.js';
import { withoutWrites } from './helpers/refusals.js';
import { uniqueEmail } from './helpers/sessions.js';

const DAY = 86_400_000;

const defaults = {
  enabled: true,
  channels: [] as string[],
  agent_types: [] as string[],
  min_contact_messages: 0,
  sample_percent: 100,
  cooldown_days: 0,
  reminder_after_hours: null as number | null,
};

export const putRules = (ctx: TestContext, key: string, rules: Partial<typeof defaults>) =>
  ctx.request('PUT', '/v1/survey-rules', { key, body: { ...defaults, ...rules } });

async function conversation(ctx: TestContext, tenant: Tenant, body: Record<string, unknown> = {}) {
  const created = await ctx.request('POST', '/v1/conversations', { key: tenant.key, body });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body.data as { id: number; uid: string; contact_id: string };
}

const eligibility = async (ctx: TestContext, tenant: Tenant, id: number | string) => {
  const answer = await ctx.request('GET', `/v1/conversations/${id}/survey-eligibility`, { key: tenant.key });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body.data as { eligible: boolean; reasons: Array<{ rule: string; passed: boolean; detail: string }> };
};

const reason = (judged: Awaited<ReturnType<typeof eligibility>>, rule: string) =>
  judged.reasons.find((candidate) => candidate.rule === rule)!;

const ratingsOf = (ctx: TestContext, orgId: number) =>
  ctx.database.db
    .selectFrom('ratings')
    .select(['id', 'conversation_id', 'source'])
    .where('org_id', '=', orgId)
    .execute();

const deliveriesOf = async (ctx: TestContext, orgId: number, type: string) =>
  (
    await ctx.database.db
      .selectFrom('webhook_deliveries')
      .select('payload')
      .where('org_id', '=', orgId)
      .where('event_type', '=', type as 'rating.offered')
      .execute()
  ).map((row) => (JSON.parse(row.payload) as { data: Record<string, any> }).data);

const close = (ctx: TestContext, tenant: Tenant, id: number) =>
  ctx.request('PATCH', `/v1/conversations/${id}`, { key: tenant.key, body: { status: 'closed' } });

describeEachDialect('Survey rules: who is asked, and when', (ctx) => {
  let tenant: Tenant;
  let other: Tenant;
  let agentKey: string;

  before(async () => {
    tenant = await ctx.newTenant('Rules Org');
    other = await ctx.newTenant('Other Org');
    const agent = await ctx.app.services.accounts.createUser({
      orgId: tenant.orgId,
      email: uniqueEmail('agent'),
      role: 'agent',
      name: 'Aiko Agent',
    });
    agentKey = agent.apiKey.api_key;
  });

  it('answers the defaults (off) until saved, then the saved rules, with the change in the audit log once', async () => {
    const fresh = await ctx.newTenant();
    const got = await ctx.request('GET', '/v1/survey-rules', { key: fresh.key });
    assert.equal(got.status, 200);
    assert.deepEqual(got.body.data, { ...defaults, enabled: false, updated_at: null });

    const saved = await putRules(ctx, fresh.key, { channels: ['email'], sample_percent: 30, cooldown_days: 7 });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.equal(saved.body.data.sample_percent, 30);
    assert.ok(saved.body.data.updated_at);
    assert.deepEqual((await ctx.request('GET', '/v1/survey-rules', { key: fresh.key })).body.data, saved.body.data);

    // The same rules again change nothing and record nothing.
    await putRules(ctx, fresh.key, { channels: ['email'], sample_percent: 30, cooldown_days: 7 });
    const log = await ctx.request('GET', '/v1/audit-log', { key: fresh.key });
    const entries = log.body.data.filter((entry: { action: string }) => entry.action === 'survey_rules.updated');
    assert.equal(entries.length, 1);
    assert.deepEqual(entries[0].details.before, {
      enabled: false,
      channels: [],
      sample_percent: 100,
      cooldown_days: 0,
    });
    assert.deepEqual(entries[0].details.after, {
      enabled: true,
      channels: ['email'],
      sample_percent: 30,
      cooldown_days: 7,
    });
  });

  it('refuses bad rules with a stable code and a sentence, writing nothing', async () => {
    const twice = await withoutWrites(ctx.database, () => putRules(ctx, tenant.key, { channels: ['email', 'email'] }));
    assertError(twice, 400, 'invalid_survey_rules', /channels names "email" more than once/);
    const blank = await withoutWrites(ctx.database, () => putRules(ctx, tenant.key, { channels: ['  '] }));
    assertError(blank, 400, 'invalid_survey_rules', /channels\[0\] is blank/);
    // Invites expire after 48 hours by default: a reminder at 48 would never be sent.
    const late = await withoutWrites(ctx.database, () => putRules(ctx, tenant.key, { reminder_after_hours: 48 }));
    assertError(
      late,
      400,
      'reminder_after_expiry',
      /must be less than the invites' expiry \(invite_expiry_hours, 48\)/,
    );
    for (const body of [
      { sample_percent: 101 },
      { cooldown_days: -1 },
      { agent_types: ['bot'] },
      { reminder_after_hours: 0 },
      { min_contact_messages: 1.5 },
    ]) {
      const refused = await withoutWrites(ctx.database, () => putRules(ctx, tenant.key, body as never));
      assertError(refused, 400, 'validation_failed');
    }
    const partial = await withoutWrites(ctx.database, () =>
      ctx.request('PUT', '/v1/survey-rules', { key: tenant.key, body: { enabled: true } }),
    );
    assertError(partial, 400, 'validation_failed');
    const stray = await withoutWrites(ctx.database, () =>
      ctx.request('PUT', '/v1/survey-rules', { key: tenant.key, body: { ...defaults, everyone: true } }),
    );
    assertError(stray, 400, 'validation_failed');
  });

  it('lets admins alone change the rules: an agent or a read-only key is refused and changes nothing', async () => {
    assert.equal((await ctx.request('GET', '/v1/survey-rules', { key: agentKey })).status, 200);
    const byAgent = await withoutWrites(ctx.database, () => putRules(ctx, agentKey, { enabled: true }));
    assertError(byAgent, 403, 'forbidden_role');
    const reader = await ctx.newKey(tenant, ['read_all']);
    const byReader = await withoutWrites(ctx.database, () => putRules(ctx, reader.key, { enabled: true }));
    assertError(byReader, 403, 'insufficient_scope');
  });

  it("keeps each organization's rules its own; another organization's key sees no conversation of ours", async () => {
    const mine = await ctx.newTenant();
    const theirs = await ctx.newTenant();
    await putRules(ctx, mine.key, { sample_percent: 10 });
    assert.equal((await ctx.request('GET', '/v1/survey-rules', { key: theirs.key })).body.data.enabled, false);
    await putRules(ctx, theirs.key, { sample_percent: 90 });
    assert.equal((await ctx.request('GET', '/v1/survey-rules', { key: mine.key })).body.data.sample_percent, 10);
    const conv = await conversation(ctx, mine);
    for (const ref of [conv.id, conv.uid]) {
      assertError(
        await ctx.request('GET', `/v1/conversations/${ref}/survey-eligibility`, { key: theirs.key }),
        404,
        'conversation_not_found',
      );
    }
    // Closing it with the other organization's key changes nothing of ours and offers nothing.
    assertError(
      await ctx.request('PATCH', `/v1/conversations/${conv.id}`, { key: theirs.key, body: { status: 'closed' } }),
      404,
      'conversation_not_found',
    );
    assert.equal((await ratingsOf(ctx, mine.orgId)).length, 0);
    assert.equal((await ratingsOf(ctx, theirs.orgId)).length, 0);
  });

  it('judges every rule with a sentence; off, nothing is eligible', async () => {
    const org = await ctx.newTenant();
    const conv = await conversation(ctx, org, { channel: 'email', agent_type: 'ai' });
    const off = await eligibility(ctx, org, conv.id);
    assert.equal(off.eligible, false);
    assert.deepEqual(
      off.reasons.map((verdict) => [verdict.rule, verdict.passed]),
      [
        ['enabled', false],
        ['ratings_active', true],
        ['channel', true],
        ['agent_type', true],
        ['contact_messages', true],
        ['sampling', true],
        ['cooldown', true],
      ],
    );
    assert.equal(reason(off, 'enabled').detail, 'The survey rules are off: closing a conversation offers no invite.');
    await putRules(ctx, org.key, {});
    const on = await eligibility(ctx, org, conv.uid);
    assert.equal(on.eligible, true);
    assert.equal(reason(on, 'channel').detail, 'Every channel is surveyed.');
    assert.equal(reason(on, 'sampling').detail, 'Every conversation is in the sample (100%).');
  });

  it('channels: only the listed ones, and a conversation without a channel is not among them', async () => {
    const org = await ctx.newTenant();
    await putRules(ctx, org.key, { channels: ['email', 'whatsapp'] });
    const email = await eligibility(ctx, org, (await conversation(ctx, org, { channel: 'email' })).id);
    assert.deepEqual(reason(email, 'channel'), {
      rule: 'channel',
      passed: true,
      detail: 'The channel "email" is one of "email", "whatsapp".',
    });
    assert.equal(email.eligible, true);
    const phone = await eligibility(ctx, org, (await conversation(ctx, org, { channel: 'phone' })).id);
    assert.deepEqual(reason(phone, 'channel'), {
      rule: 'channel',
      passed: false,
      detail: 'The channel "phone" is not one of "email", "whatsapp".',
    });
    assert.equal(phone.eligible, false);
    const none = await eligibility(ctx, org, (await conversation(ctx, org)).id);
    assert.equal(
      reason(none, 'channel').detail,
      'The conversation has no channel; only "email", "whatsapp" are surveyed.',
    );
    assert.equal(none.eligible, false);
  });

  it('agent types: only the listed ones', async () => {
    const org = await ctx.newTenant();
    await putRules(ctx, org.key, { agent_types: ['ai'] });
    const ai = await eligibility(ctx, org, (await conversation(ctx, org, { agent_type: 'ai' })).id);
    assert.equal(ai.eligible, true);
    const human = await eligibility(ctx, org, (await conversation(ctx, org, { agent_type: 'human' })).id);
    assert.deepEqual(reason(human, 'agent_type'), {
      rule: 'agent_type',
      passed: false,
      detail: 'The agent type "human" is not one of "ai".',
    });
  });

  it('contact messages: counts only the contact’s, and a new one can make the conversation eligible', async () => {
    const org = await ctx.newTenant();
    await putRules(ctx, org.key, { min_contact_messages: 2 });
    const conv = await conversation(ctx, org, {
      messages: [
        { role: 'user', text: 'Where is my parcel?' },
        { role: 'ai', text: 'Let me check.' },
        { role: 'agent', text: 'It left today.' },
        { role: 'system', text: 'Agent joined.' },
      ],
    });
    const one = await eligibility(ctx, org, conv.id);
    assert.deepEqual(reason(one, 'contact_messages'), {
      rule: 'contact_messages',
      passed: false,
      detail: 'The contact wrote 1 message; at least 2 are needed.',
    });
    await ctx.request('POST', `/v1/conversations/${conv.id}/messages`, {
      key: org.key,
      body: { role: 'user', text: 'Thanks!' },
    });
    const two = await eligibility(ctx, org, conv.id);
    assert.equal(reason(two, 'contact_messages').detail, 'The contact wrote 2 messages; at least 2 are needed.');
    assert.equal(two.eligible, true);
  });

  it('sampling: the place is the hash of the uid, the same answer every time, 0% asks nobody', async () => {
    const org = await ctx.newTenant();
    await putRules(ctx, org.key, { sample_percent: 50 });
    const conv = await conversation(ctx, org);
    const place = samplePlace(conv.uid);
    const answers = [];
    for (let round = 0; round < 3; round += 1) answers.push(await eligibility(ctx, org, conv.id));
    for (const judged of answers) {
      assert.deepEqual(reason(judged, 'sampling'), {
        rule: 'sampling',
        passed: place < 50,
        detail: `The conversation's place in the sample is ${place} of 0-99; places below 50 are surveyed (50%).`,
      });
    }
    await putRules(ctx, org.key, { sample_percent: 0 });
    assert.equal(reason(await eligibility(ctx, org, conv.id), 'sampling').passed, false);
  });

  it('sampling 30% over 1,000 closed imported conversations offers within 300 ± 73, each as judged', async () => {
    const org = await ctx.newTenant();
    await putRules(ctx, org.key, { sample_percent: 30 });
    const imported = await ctx.request('POST', '/v1/conversations/import', {
      key: org.key,
      body: {
        conversations: Array.from({ length: 1000 }, (_, index) => ({
          external_id: `sample-${index}`,
          status: 'closed',
          messages: [{ role: 'user', text: 'Hello' }],
        })),
      },
    });
    assert.equal(imported.status, 200, JSON.stringify(imported.body).slice(0, 500));
    const rated = new Set((await ratingsOf(ctx, org.orgId)).map((row) => Number(row.conversation_id)));
    // Binomial(1000, 0.3): mean 300, standard deviation sqrt(1000 · 0.3 · 0.7) = 14.49; five of them is 72.5.
    assert.ok(rated.size >= 227 && rated.size <= 373, `${rated.size} of 1,000 offered`);
    // Each conversation got the invite exactly when its place is below 30: the hash decides, not chance.
    const conversations = imported.body.data.conversations as Array<{ id: number; uid: string }>;
    const expected = conversations.filter((conv) => samplePlace(conv.uid) < 30).length;
    assert.equal(rated.size, expected);
    for (const conv of conversations.slice(0, 10)) {
      const judged = await eligibility(ctx, org, conv.id);
      // The conversation's own invite does not count against it (the cooldown is about other conversations).
      assert.equal(judged.eligible, rated.has(conv.id));
    }
  });

  it('cooldown: not when the contact was surveyed in another conversation within the days, 8 days ago is fine', async () => {
    const org = await ctx.newTenant();
    await putRules(ctx, org.key, { cooldown_days: 7 });
    const contact = randomUUID();
    const first = await conversation(ctx, org, { contact_id: contact });
    const second = await conversation(ctx, org, { contact_id: contact });
    const stranger = await conversation(ctx, org);
    const invite = await ctx.request('POST', `/v1/conversations/${first.id}/rating-invites`, { key: org.key });
    assert.equal(invite.status, 201);
    const offeredAt = invite.body.data.rating.offered_at as string;

    const blocked = await eligibility(ctx, org, second.id);
    assert.deepEqual(reason(blocked, 'cooldown'), {
      rule: 'cooldown',
      passed: false,
      detail: `The contact was surveyed at ${offeredAt}, within the last 7 days.`,
    });
    assert.equal(blocked.eligible, false);
    assert.equal((await eligibility(ctx, org, first.id)).eligible, true);
    assert.equal((await eligibility(ctx, org, stranger.id)).eligible, true);
    // Closing the second offers nothing.
    await close(ctx, org, second.id);
    assert.deepEqual(
      (await ratingsOf(ctx, org.orgId)).map((row) => Number(row.conversation_id)),
      [first.id],
    );

    // Eight days ago is outside a 7-day cooldown.
    await ctx.database.db
      .updateTable('ratings')
      .set({ offered_at: new Date(Date.now() - 8 * DAY).toISOString() })
      .where('org_id', '=', org.orgId)
      .execute();
    const later = await eligibility(ctx, org, second.id);
    assert.deepEqual(reason(later, 'cooldown'), {
      rule: 'cooldown',
      passed: true,
      detail: 'The contact was not surveyed in the last 7 days.',
    });
  });

  it('ratings switched off in the rating settings: nobody is eligible', async () => {
    const org = await ctx.newTenant();
    await putRules(ctx, org.key, {});
    await ctx.request('PATCH', '/v1/rating-settings', {
      key: org.key,
      body: { conv_rating_active: false, conv_rating_popup_active: false },
    });
    const conv = await conversation(ctx, org);
    const judged = await eligibility(ctx, org, conv.id);
    assert.equal(judged.eligible, false);
    assert.equal(reason(judged, 'ratings_active').passed, false);
    await close(ctx, org, conv.id);
    assert.equal((await ratingsOf(ctx, org.orgId)).length, 0);
  });

  it('closing an eligible conversation offers an invite in the same write, with the link and the text in German', async () => {
    const org = await ctx.newTenant();
    await putRules(ctx, org.key, { channels: ['email'] });
    const hook = await ctx.request('POST', '/v1/webhooks', {
      key: org.key,
      body: { url: 'https://hooks.example.com/plaudit', event_types: ['rating.offered'] },
    });
    assert.equal(hook.status, 201);
    const conv = await conversation(ctx, org, { channel: 'email', language: 'de' });
    const closed = await close(ctx, org, conv.id);
    assert.equal(closed.status, 200);
    assert.equal(closed.body.data.status, 'closed');

    const ratings = await ratingsOf(ctx, org.orgId);
    assert.equal(ratings.length, 1);
    assert.equal(ratings[0]!.source, 'invite');
    const rating = (await ctx.request('GET', `/v1/ratings/${ratings[0]!.id}`, { key: org.key })).body.data;
    assert.deepEqual(
      rating.questions.map((question: { code: string; required: boolean }) => [question.code, question.required]),
      [
        ['STARS', true],
        ['HELPFUL_THUMBS', false],
        ['EXPERIENCE_THUMBS', false],
      ],
    );
    const [offered, ...more] = await deliveriesOf(ctx, org.orgId, 'rating.offered');
    assert.equal(more.length, 0);
    assert.equal(offered!.rating_uid, rating.uid);
    assert.equal(offered!.link, `https://plaudit.test/r/${rating.code}`);
    assert.equal(
      offered!.text,
      `Vielen Dank für Ihre Anfrage! Wie zufrieden waren Sie? Bitte bewerten Sie das Gespräch: https://plaudit.test/r/${rating.code}`,
    );
    // The ready-to-send messages ride along, exactly as the deliverables route answers them for each channel.
    for (const channel of ['email', 'sms', 'whatsapp'] as const) {
      const route = (
        await ctx.request('GET', `/v1/ratings/${rating.id}/deliverables?channel=${channel}`, { key: org.key })
      ).body.data;
      assert.deepEqual(offered!.deliverables[channel], route[channel], channel);
      assert.deepEqual(offered!.deliverables.question, route.question);
    }
    assert.equal(offered!.deliverables.language, 'de');
    assert.match(offered!.deliverables.email.text, new RegExp(`https://plaudit.test/r/${rating.code}\\?answer=5`));

    // Closing again (reopened first) hands back the same open invite: no second rating, no second event.
    await ctx.request('PATCH', `/v1/conversations/${conv.id}`, { key: org.key, body: { status: 'open' } });
    await close(ctx, org, conv.id);
    assert.equal((await ratingsOf(ctx, org.orgId)).length, 1);
    assert.equal((await deliveriesOf(ctx, org.orgId, 'rating.offered')).length, 1);
  });

  it('closing an ineligible conversation writes no rating and no delivery; other changes offer nothing', async () => {
    const org = await ctx.newTenant();
    await putRules(ctx, org.key, { channels: ['email'] });
    await ctx.request('POST', '/v1/webhooks', {
      key: org.key,
      body: { url: 'https://hooks.example.com/plaudit', event_types: ['rating.offered'] },
    });
    const phone = await conversation(ctx, org, { channel: 'phone' });
    assert.equal((await close(ctx, org, phone.id)).status, 200);
    const email = await conversation(ctx, org, { channel: 'email' });
    await ctx.request('PATCH', `/v1/conversations/${email.id}`, { key: org.key, body: { language: 'fr' } });
    assert.equal((await ratingsOf(ctx, org.orgId)).length, 0);
    const deliveries = await ctx.database.db
      .selectFrom('webhook_deliveries')
      .select('id')
      .where('org_id', '=', org.orgId)
      .execute();
    assert.equal(deliveries.length, 0);
  });

  it('imports and creates of closed conversations follow the rules; open ones are offered nothing', async () => {
    const org = await ctx.newTenant();
    await putRules(ctx, org.key, { channels: ['email'] });
    const imported = await ctx.request('POST', '/v1/conversations/import', {
      key: org.key,
      body: {
        conversations: [
          { external_id: 'a', status: 'closed', channel: 'email' },
          { external_id: 'b', status: 'closed', channel: 'phone' },
          { external_id: 'c', status: 'open', channel: 'email' },
        ],
      },
    });
    assert.equal(imported.status, 200);
    const [a] = imported.body.data.conversations;
    assert.deepEqual(
      (await ratingsOf(ctx, org.orgId)).map((row) => Number(row.conversation_id)),
      [a.id],
    );
    // Importing the same again changes nothing: the existing conversations are left as they are.
    await ctx.request('POST', '/v1/conversations/import', {
      key: org.key,
      body: { conversations: [{ external_id: 'a', status: 'closed', channel: 'email' }] },
    });
    assert.equal((await ratingsOf(ctx, org.orgId)).length, 1);
    const created = await conversation(ctx, org, { status: 'closed', channel: 'email' });
    assert.equal(
      (await ratingsOf(ctx, org.orgId)).filter((row) => Number(row.conversation_id) === created.id).length,
      1,
    );
  });

  it('explicit invites keep working whatever the rules say', async () => {
    const org = await ctx.newTenant();
    await putRules(ctx, org.key, { channels: ['email'], sample_percent: 0 });
    const conv = await conversation(ctx, org, { channel: 'phone' });
    const invite = await ctx.request('POST', `/v1/conversations/${conv.id}/rating-invites`, { key: org.key });
    assert.equal(invite.status, 201);
    const healvi = await ctx.request('POST', `/third-party/v1/conversations/${conv.uid}/invite-rating`, {
      key: org.key,
    });
    assert.equal(healvi.status, 200, JSON.stringify(healvi.body));
  });

  it('the popup follows the rules while they are on, and shows as before while they are off', async () => {
    const org = await ctx.newTenant();
    const phone = await conversation(ctx, org, { channel: 'phone' });
    const email = await conversation(ctx, org, { channel: 'email' });
    const token = async (id: number) =>
      (await ctx.request('POST', `/v1/conversations/${id}/widget-tokens`, { key: org.key })).body.data.token as string;
    const [phoneToken, emailToken] = [await token(phone.id), await token(email.id)];
    const popupActive = async (widgetToken: string) =>
      (await ctx.request('GET', '/widget/v1/session', { key: widgetToken })).body.data.popup_active as boolean;
    assert.equal(await popupActive(phoneToken), true);

    await putRules(ctx, org.key, { channels: ['email'] });
    assert.equal(await popupActive(phoneToken), false);
    assert.equal(await popupActive(emailToken), true);
    const answer = { answers: [{ code: 'HELPFUL_THUMBS', value: 1 }] };
    const refused = await withoutWrites(ctx.database, () =>
      ctx.request('POST', '/widget/v1/rating', { key: phoneToken, body: answer }),
    );
    assertError(refused, 409, 'survey_not_eligible');
    assert.equal((await ctx.request('POST', '/widget/v1/rating', { key: emailToken, body: answer })).status, 200);

    await putRules(ctx, org.key, { enabled: false, channels: ['email'] });
    assert.equal(await popupActive(phoneToken), true);
  });

  it('the rules of one organization never offer on another’s conversations', async () => {
    await putRules(ctx, tenant.key, {});
    const theirs = await conversation(ctx, other, { channel: 'email' });
    await close(ctx, other, theirs.id);
    assert.equal((await ratingsOf(ctx, other.orgId)).length, 0);
  });
});
