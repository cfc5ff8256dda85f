import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { assertError, describeEachDialect, type TestContext } from './helpers/app.js';
import { PASSWORD, signIn, tenantWithPassword, uniqueEmail, withCookie, type Browser } from './helpers/sessions.js';

/** An organization with a signed-in admin and a signed-in agent, each with a key. */
async function team(ctx: TestContext) {
  const admin = await tenantWithPassword(ctx, 'Team Org');
  const agentEmail = uniqueEmail('agent');
  const agent = await ctx.app.services.accounts.createUser({
    orgId: admin.orgId,
    email: agentEmail,
    role: 'agent',
    name: 'Ada Agent',
    password: PASSWORD,
  });
  const adminBrowser = await signIn(ctx, admin.email);
  const agentBrowser = await signIn(ctx, agentEmail);
  return { admin, adminBrowser, agent: { ...agent, email: agentEmail, key: agent.apiKey.api_key }, agentBrowser };
}

const asSession = (browser: Browser) => ({ headers: withCookie(browser, { 'x-csrf-token': browser.csrf }) });

async function auditActions(ctx: TestContext, orgId: number): Promise<string[]> {
  const rows = await ctx.database.db
    .selectFrom('audit_log')
    .select(['action'])
    .where('org_id', '=', orgId)
    .orderBy('id')
    .execute();
  return rows.map((row) => row.action);
}

describeEachDialect('The team: members, roles and deactivation', (ctx) => {
  let t: Awaited<ReturnType<typeof team>>;

  before(async () => {
    t = await team(ctx);
  });

  it('lists the members with their role, status and last sign-in', async () => {
    const response = await ctx.request('GET', '/v1/users', { key: t.admin.key });
    assert.equal(response.status, 200);
    const members = response.body.data;
    assert.equal(members.length, 2);
    const agent = members.find((member: { email: string }) => member.email === t.agent.email);
    assert.equal(agent.name, 'Ada Agent');
    assert.equal(agent.role, 'agent');
    assert.equal(agent.status, 'active');
    assert.ok(agent.last_sign_in_at, 'signing in recorded the time');
    assert.ok(Date.now() - Date.parse(agent.last_sign_in_at) < 60_000);
    assert.equal(agent.deactivated_at, null);
  });

  it('records sign-ins and failed sign-ins in the audit log', async () => {
    const failed = await ctx.request('POST', '/auth/sign-in', {
      body: { email: t.agent.email, password: 'not the password at all' },
    });
    assertError(failed, 401, 'invalid_credentials');
    const actions = await auditActions(ctx, t.admin.orgId);
    assert.equal(actions.filter((action) => action === 'user.signed_in').length, 2);
    assert.equal(actions.filter((action) => action === 'user.sign_in_failed').length, 1);
  });

  it('changes a role, and never demotes the last active admin', async () => {
    const last = await ctx.request('PATCH', `/v1/users/${t.admin.userId}`, {
      key: t.admin.key,
      body: { role: 'agent' },
    });
    assertError(last, 409, 'last_admin', /last active admin/);
    const promoted = await ctx.request('PATCH', `/v1/users/${t.agent.user.id}`, {
      key: t.admin.key,
      body: { role: 'admin' },
    });
    assert.equal(promoted.status, 200);
    assert.equal(promoted.body.data.role, 'admin');
    // The agent's session now acts as an admin at once: the role is read with the session.
    assert.equal((await ctx.request('GET', '/v1/api-keys', asSession(t.agentBrowser))).status, 200);
    const demoted = await ctx.request('PATCH', `/v1/users/${t.agent.user.id}`, {
      key: t.admin.key,
      body: { role: 'agent' },
    });
    assert.equal(demoted.body.data.role, 'agent');
    assertError(await ctx.request('GET', '/v1/api-keys', asSession(t.agentBrowser)), 403, 'forbidden_role');
    const actions = await auditActions(ctx, t.admin.orgId);
    assert.equal(actions.filter((action) => action === 'user.role_changed').length, 2, 'the refusal wrote nothing');
  });

  it("refuses another organization's user and a user that does not exist alike", async () => {
    const other = await ctx.newTenant('Other');
    const foreign = await ctx.request('PATCH', `/v1/users/${t.agent.user.id}`, {
      key: other.key,
      body: { role: 'admin' },
    });
    assertError(foreign, 404, 'user_not_found');
    const list = await ctx.request('GET', '/v1/users', { key: other.key });
    assert.equal(list.body.data.length, 1);
    assertError(
      await ctx.request('POST', `/v1/users/${t.agent.user.id}/deactivate`, { key: other.key }),
      404,
      'user_not_found',
    );
  });

  it('deactivates a member: their sessions end and their keys are revoked at once', async () => {
    const extraKey = await ctx.app.services.accounts.createApiKey({
      orgId: t.admin.orgId,
      userId: t.agent.user.id,
      scopes: ['read_all'],
    });
    assert.equal((await ctx.request('GET', '/v1/inbox', asSession(t.agentBrowser))).status, 200);
    const response = await ctx.request('POST', `/v1/users/${t.agent.user.id}/deactivate`, { key: t.admin.key });
    assert.equal(response.status, 200);
    assert.equal(response.body.data.status, 'deactivated');
    assert.ok(response.body.data.deactivated_at);

    assertError(await ctx.request('GET', '/v1/inbox', asSession(t.agentBrowser)), 401, 'not_signed_in');
    for (const key of [t.agent.key, extraKey.api_key]) {
      assertError(await ctx.request('GET', '/v1/inbox', { key }), 401, 'invalid_api_key', /revoked/);
    }
    const keys = (await ctx.request('GET', '/v1/api-keys', { key: t.admin.key })).body.data.filter(
      (key: { user_id: string }) => key.user_id === t.agent.user.id,
    );
    assert.equal(keys.length, 2);
    assert.ok(keys.every((key: { revoked_at: string | null }) => key.revoked_at !== null));
    const sessions = await ctx.database.db
      .selectFrom('sessions')
      .select('token_hash')
      .where('user_id', '=', t.agent.user.id)
      .execute();
    assert.deepEqual(sessions, []);

    const signIn = await ctx.request('POST', '/auth/sign-in', { body: { email: t.agent.email, password: PASSWORD } });
    assertError(signIn, 401, 'invalid_credentials', /deactivated/);

    const again = await ctx.request('POST', `/v1/users/${t.agent.user.id}/deactivate`, { key: t.admin.key });
    assert.equal(
      again.body.data.deactivated_at,
      response.body.data.deactivated_at,
      'deactivating twice changes nothing',
    );
    assertError(
      await ctx.request('PATCH', `/v1/users/${t.agent.user.id}`, { key: t.admin.key, body: { role: 'admin' } }),
      409,
      'user_deactivated',
    );
    const members = (await ctx.request('GET', '/v1/users', { key: t.admin.key })).body.data;
    assert.deepEqual(
      members.map((member: { status: string }) => member.status),
      ['active', 'deactivated'],
      'active members first',
    );
    const actions = await auditActions(ctx, t.admin.orgId);
    assert.equal(actions.filter((action) => action === 'user.deactivated').length, 1);
  });

  it('never deactivates the last active admin', async () => {
    assertError(
      await ctx.request('POST', `/v1/users/${t.admin.userId}/deactivate`, asSession(t.adminBrowser)),
      409,
      'last_admin',
    );
    assert.equal((await ctx.request('GET', '/v1/users', asSession(t.adminBrowser))).status, 200, 'still signed in');
  });
});

describeEachDialect('Your own profile: name and password', (ctx) => {
  it('changes your name, as an agent too', async () => {
    const t = await team(ctx);
    const response = await ctx.request('PATCH', '/v1/me', {
      ...asSession(t.agentBrowser),
      body: { name: '  Ada L.  ' },
    });
    assert.equal(response.status, 200);
    assert.equal(response.body.data.name, 'Ada L.');
    const me = await ctx.request('GET', '/v1/me', { key: t.agent.key });
    assert.equal(me.body.data.user.name, 'Ada L.');
    assertError(
      await ctx.request('PATCH', '/v1/me', { key: t.agent.key, body: { name: '   ' } }),
      400,
      'validation_failed',
    );
  });

  it('changes your password given the current one, ending your other sessions', async () => {
    const t = await team(ctx);
    const elsewhere = await signIn(ctx, t.agent.email);
    const path = '/v1/me/password';
    const as = asSession(t.agentBrowser);
    assertError(
      await ctx.request('POST', path, {
        ...as,
        body: { current_password: 'wrong password!', new_password: 'a brand new phrase' },
      }),
      400,
      'current_password_incorrect',
    );
    assertError(
      await ctx.request('POST', path, { ...as, body: { current_password: PASSWORD, new_password: 'short' } }),
      400,
      'password_too_short',
    );
    assertError(
      await ctx.request('POST', path, { ...as, body: { current_password: PASSWORD, new_password: 'Qwerty123456' } }),
      400,
      'password_too_common',
    );
    // None of the refusals changed anything: the other session still works.
    assert.equal((await ctx.request('GET', '/v1/inbox', asSession(elsewhere))).status, 200);

    const changed = await ctx.request('POST', path, {
      ...as,
      body: { current_password: PASSWORD, new_password: 'lantern orchard seventeen' },
    });
    assert.equal(changed.status, 200);
    assert.deepEqual(changed.body.data, { ended_sessions: 1 });
    assert.equal((await ctx.request('GET', '/v1/inbox', as)).status, 200, 'this session stays');
    assertError(await ctx.request('GET', '/v1/inbox', asSession(elsewhere)), 401, 'not_signed_in');
    assert.equal((await ctx.request('GET', '/v1/inbox', { key: t.agent.key })).status, 200, 'keys are untouched');
    assertError(
      await ctx.request('POST', '/auth/sign-in', { body: { email: t.agent.email, password: PASSWORD } }),
      401,
      'invalid_credentials',
    );
    await signIn(ctx, t.agent.email, 'lantern orchard seventeen');
    const actions = await auditActions(ctx, t.admin.orgId);
    assert.equal(actions.filter((action) => action === 'user.password_changed').length, 1);
  });
});
