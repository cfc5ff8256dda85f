import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp, type App } from '../src/app.js';
import { openDatabase, type Database } from '../src/db/database.js';
import { INVALIDATION_CHANNEL } from '../src/db/invalidation.js';
import { testConfig } from './helpers/app.js';
import { createTestDatabase, dialects, type TestDatabase } from './helpers/databases.js';

/** How soon another node must see a change: far below the caches' 5 s, the bound they keep as a backstop. */
const AT_ONCE_MS = 1_000;

/** Polls `check` until it holds or `withinMs` passed; answers whether it held. */
async function eventually(check: () => Promise<boolean>, withinMs = AT_ONCE_MS): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function call(app: App, method: string, url: string, key: string, body?: unknown) {
  const response = await app.inject({
    method: method as 'GET',
    url,
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
  return { status: response.statusCode, body: response.body ? JSON.parse(response.body) : undefined };
}

// Two nodes are two processes; here two apps, each with its own database handle (pool, caches, listener) on one
// PostgreSQL database, which is what a node has of its own.
describe('a change on one node reaches the others at once [postgres]', { skip: !dialects.includes('postgres') }, () => {
  let created: TestDatabase;
  let other: Database;
  let a: App;
  let b: App;
  let orgs = 0;

  before(async () => {
    created = await createTestDatabase('postgres');
    other = openDatabase({ dialect: 'postgres', url: created.url, poolSize: 3 });
    a = await buildApp({ config: testConfig, database: created.database });
    b = await buildApp({ config: testConfig, database: other });
    assert.ok(other.invalidation.listening, 'node B listens');
  });

  after(async () => {
    await a?.close();
    await b?.close();
    await other?.close();
    await created?.drop();
  });

  async function newOrg() {
    orgs += 1;
    const result = await a.services.accounts.createOrganization({
      name: `Nodes ${orgs}`,
      adminEmail: `admin-${orgs}-${Math.random().toString(36).slice(2)}@test.invalid`,
    });
    return { orgId: result.organization.id, userId: result.user.id, key: result.apiKey.api_key };
  }

  async function newMember(orgId: number, role: 'admin' | 'agent') {
    const user = await a.services.accounts.createUser({
      orgId,
      email: `member-${Math.random().toString(36).slice(2)}@test.invalid`,
      role,
      name: 'Mo Member',
    });
    return { id: user.user.id, key: user.apiKey.api_key };
  }

  it('a key revoked through A is refused by B', async () => {
    const org = await newOrg();
    const spare = await a.services.accounts.createApiKey({
      orgId: org.orgId,
      userId: org.userId,
      scopes: ['read_all'],
    });
    assert.equal((await call(b, 'GET', '/v1/me', spare.api_key)).status, 200, 'B remembers the key');
    assert.equal((await call(a, 'DELETE', `/v1/api-keys/${spare.id}`, org.key)).status, 200);
    assert.ok(await eventually(async () => (await call(b, 'GET', '/v1/me', spare.api_key)).status === 401));
    assert.equal((await call(b, 'GET', '/v1/me', org.key)).status, 200, 'the other key still works');
  });

  it("a user deactivated through A: B refuses the user's key", async () => {
    const org = await newOrg();
    const member = await newMember(org.orgId, 'agent');
    assert.equal((await call(b, 'GET', '/v1/me', member.key)).status, 200);
    assert.equal((await call(a, 'POST', `/v1/users/${member.id}/deactivate`, org.key)).status, 200);
    assert.ok(await eventually(async () => (await call(b, 'GET', '/v1/me', member.key)).status === 401));
  });

  it('a role lowered through A: B lets the key do less', async () => {
    const org = await newOrg();
    const member = await newMember(org.orgId, 'admin');
    assert.equal((await call(b, 'GET', '/v1/users', member.key)).status, 200, 'an admin lists the members');
    assert.equal((await call(a, 'PATCH', `/v1/users/${member.id}`, org.key, { role: 'agent' })).status, 200);
    assert.ok(await eventually(async () => (await call(b, 'GET', '/v1/users', member.key)).status === 403));
  });

  it('settings changed through A show on what B serves the rating page', async () => {
    const org = await newOrg();
    const brand = async () => (await b.services.ratingConfig.resolvedSettings(org.orgId)).brand.name;
    assert.equal(await brand(), `Nodes ${orgs}`, 'B remembers the settings');
    const patch = await call(a, 'PATCH', '/v1/rating-settings', org.key, { brand_name: 'Shiny Brand' });
    assert.equal(patch.status, 200);
    assert.ok(await eventually(async () => (await brand()) === 'Shiny Brand'));
    const title = async () => (await b.services.ratingConfig.resolvedSettings(org.orgId)).texts.en?.form_title;
    assert.equal(await title(), undefined, 'B remembers the texts');
    const texts = { texts: { form_title: 'Tell {brand} how it went' } };
    assert.equal((await call(a, 'PUT', '/v1/rating-settings/texts/en', org.key, texts)).status, 200);
    assert.ok(await eventually(async () => (await title()) === 'Tell {brand} how it went'));
  });

  it('announces each change for its organization only, and nothing when it rolls back', async () => {
    const mine = await newOrg();
    const theirs = await newOrg();
    const heard: Array<number | undefined> = [];
    const stop = other.invalidation.subscribe('api_keys', (orgId) => heard.push(orgId));
    try {
      await assert.rejects(
        created.database.db.transaction().execute(async (trx) => {
          await created.database.invalidation.publish(trx, 'api_keys', theirs.orgId);
          throw new Error('changed my mind');
        }),
      );
      const spare = await a.services.accounts.createApiKey({
        orgId: mine.orgId,
        userId: mine.userId,
        scopes: ['read_all'],
      });
      await a.services.accounts.revokeApiKey(String(spare.id));
      assert.ok(await eventually(async () => heard.length > 0));
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.deepEqual(heard, [mine.orgId], 'only the committed change, for its own organization');
    } finally {
      stop();
    }
  });

  it('a notification is sent at commit, on the primary', async () => {
    const listener = new pg.Client({ connectionString: created.url });
    await listener.connect();
    try {
      const payloads: string[] = [];
      listener.on('notification', (message) => payloads.push(message.payload ?? ''));
      await listener.query(`listen ${INVALIDATION_CHANNEL}`);
      await created.database.db.transaction().execute(async (trx) => {
        await created.database.invalidation.publish(trx, 'settings', 42);
        await sql`select pg_sleep(0.05)`.execute(trx);
        assert.deepEqual(payloads, [], 'nothing before the commit');
      });
      assert.ok(await eventually(async () => payloads.includes('settings:42')));
    } finally {
      await listener.end();
    }
  });

  it('listens again after its connection is killed, and the time to live holds meanwhile', async () => {
    const org = await newOrg();
    const pid = other.invalidation.listenerPid;
    assert.ok(pid !== undefined);
    await sql`select pg_terminate_backend(${pid})`.execute(created.database.db);
    assert.ok(
      await eventually(
        async () => other.invalidation.listenerPid !== undefined && other.invalidation.listenerPid !== pid,
        5_000,
      ),
      'B listens on a new connection',
    );
    const spare = await a.services.accounts.createApiKey({
      orgId: org.orgId,
      userId: org.userId,
      scopes: ['read_all'],
    });
    assert.equal((await call(b, 'GET', '/v1/me', spare.api_key)).status, 200);
    await a.services.accounts.revokeApiKey(String(spare.id));
    assert.ok(await eventually(async () => (await call(b, 'GET', '/v1/me', spare.api_key)).status === 401));

    // With nobody listening (B's listener closed, as while it is away), a change elsewhere waits out the time to live.
    await other.invalidation.close();
    const late = await a.services.accounts.createApiKey({ orgId: org.orgId, userId: org.userId, scopes: ['read_all'] });
    assert.equal((await call(b, 'GET', '/v1/me', late.api_key)).status, 200);
    await a.services.accounts.revokeApiKey(String(late.id));
    assert.equal((await call(b, 'GET', '/v1/me', late.api_key)).status, 200, 'B still trusts what it read');
    assert.ok(await eventually(async () => (await call(b, 'GET', '/v1/me', late.api_key)).status === 401, 7_000));
  });
});

describe('on SQLite, one server per file', { skip: !dialects.includes('sqlite') }, () => {
  it('publishes nothing, listens to nothing, and forgets in its own process', async () => {
    const { database, drop } = await createTestDatabase('sqlite');
    try {
      const heard: Array<number | undefined> = [];
      database.invalidation.subscribe('settings', (orgId) => heard.push(orgId));
      await database.invalidation.listen();
      assert.equal(database.invalidation.listening, false);
      await database.db.transaction().execute((trx) => database.invalidation.publish(trx, 'settings', 7));
      assert.deepEqual(heard, [], 'a publish alone forgets nothing');
      database.invalidation.forget('settings', 7);
      assert.deepEqual(heard, [7]);
    } finally {
      await drop();
    }
  });
});
