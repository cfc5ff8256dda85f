import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dialects } from './helpers/databases.js';
import { freshDatabase, runCli, runCliJson, startServer, type ServerProcess } from './helpers/processes.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const API_KEY = /^plaudit_[A-Za-z0-9_-]{43}$/;

interface CreatedOrg {
  organization: { id: number; name: string };
  user: { id: string; email: string };
  apiKey: string;
}

for (const dialect of dialects) {
  describe(`plaudit command line [${dialect}]`, () => {
    let database: { url: string; drop(): Promise<void> } | undefined;
    let server: ServerProcess | undefined;
    const plaudit = (...args: string[]) => runCli(database!.url, args);
    const newOrg = (name: string) => runCliJson<CreatedOrg>(database!.url, ['org', 'create', '--name', name]);

    before(async () => {
      database = await freshDatabase(dialect);
    });

    after(async () => {
      await server?.kill();
      await database?.drop();
    });

    it('org create --json prints one JSON object: the organization, its admin and a key', async () => {
      const result = await plaudit('org', 'create', '--name', 'Acme', '--json');
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stdout.trim().split('\n').length, 1, `one line on stdout, got:\n${result.stdout}`);
      const created = JSON.parse(result.stdout.trim());
      assert.deepEqual(Object.keys(created).sort(), ['apiKey', 'organization', 'user']);
      assert.ok(Number.isInteger(created.organization.id));
      assert.equal(created.organization.name, 'Acme');
      assert.match(created.user.id, UUID);
      assert.match(created.user.email, /@/);
      assert.match(created.apiKey, API_KEY);
      assert.equal(created.organization.timezone, 'UTC');
    });

    it('org create --timezone sets the zone analytics count days in, and refuses one that does not exist', async () => {
      const berlin = await plaudit('org', 'create', '--name', 'Berlin', '--timezone', 'Europe/Berlin', '--json');
      assert.equal(berlin.code, 0, berlin.stderr);
      const created = JSON.parse(berlin.stdout.trim());
      assert.equal(created.organization.timezone, 'Europe/Berlin');
      const mars = await plaudit('org', 'create', '--name', 'Mars', '--timezone', 'Mars/Olympus');
      assert.notEqual(mars.code, 0);
      assert.match(mars.stderr, /Mars\/Olympus" is not a time zone/);
    });

    it('user create --json adds a user with a key of their own', async () => {
      const org = await newOrg('Users Inc');
      const result = await plaudit(
        'user',
        'create',
        '--org',
        String(org.organization.id),
        '--email',
        'a@b.example',
        '--role',
        'agent',
        '--password',
        'a quiet harbour at dawn',
        '--json',
      );
      assert.equal(result.code, 0, result.stderr);
      const created = JSON.parse(result.stdout.trim());
      assert.deepEqual(Object.keys(created).sort(), ['apiKey', 'user']);
      assert.match(created.user.id, UUID);
      assert.equal(created.user.email, 'a@b.example');
      assert.match(created.apiKey, API_KEY);
    });

    it('user create and org create --password follow the rules of every new password, and create nothing', async () => {
      const org = String((await newOrg('Passwords Ltd')).organization.id);
      const short = await plaudit(
        'user',
        'create',
        '--org',
        org,
        '--email',
        'pw@b.example',
        '--password',
        's3cret-pass',
      );
      assert.equal(short.code, 1, short.stderr);
      assert.equal(
        short.stderr,
        'plaudit: Choose a password of at least 12 characters; a few words of your own are easy to remember.\n',
      );
      assert.equal(short.stdout, '');
      const common = await plaudit(
        'user',
        'create',
        '--org',
        org,
        '--email',
        'pw@b.example',
        '--password',
        'Qwerty123456',
      );
      assert.equal(common.code, 1);
      assert.equal(
        common.stderr,
        'plaudit: That password is one of the most common ones, which are guessed first; choose another.\n',
      );
      const admin = await plaudit(
        'org',
        'create',
        '--name',
        'Weak',
        '--email',
        'weak@b.example',
        '--password',
        'short',
      );
      assert.equal(admin.code, 1);
      assert.match(admin.stderr, /at least 12 characters/);
      // Nothing was made: both emails are still free.
      const user = await plaudit(
        'user',
        'create',
        '--org',
        org,
        '--email',
        'pw@b.example',
        '--password',
        'my own long phrase',
      );
      assert.equal(user.code, 0, user.stderr);
      const owner = await plaudit('org', 'create', '--name', 'Weak', '--email', 'weak@b.example', '--json');
      assert.equal(owner.code, 0, owner.stderr);
    });

    it('user create refuses a taken email, an unknown role and an unknown organization', async () => {
      const org = String((await newOrg('Refusals Ltd')).organization.id);
      const first = await plaudit('user', 'create', '--org', org, '--email', 'taken@b.example', '--json');
      assert.equal(first.code, 0, first.stderr);

      const again = await plaudit('user', 'create', '--org', org, '--email', 'taken@b.example', '--json');
      assert.notEqual(again.code, 0);
      assert.match(again.stderr, /taken@b\.example/);
      assert.equal(again.stdout, '', 'nothing on stdout for a failed command');

      const boss = await plaudit('user', 'create', '--org', org, '--email', 'boss@b.example', '--role', 'boss');
      assert.equal(boss.code, 2);
      assert.match(boss.stderr, /--role must be admin or agent/);
      assert.match(boss.stderr, /Usage: plaudit/);

      const nowhere = await plaudit('user', 'create', '--org', '999999', '--email', 'lost@b.example');
      assert.notEqual(nowhere.code, 0);
      assert.match(nowhere.stderr, /organization 999999/i);
    });

    it('key create --json issues a key with exactly the scopes asked for, and refuses unknown scopes', async () => {
      const org = String((await newOrg('Keys GmbH')).organization.id);
      const reader = await plaudit('key', 'create', '--org', org, '--scopes', 'read_all', '--json');
      assert.equal(reader.code, 0, reader.stderr);
      const key = JSON.parse(reader.stdout.trim());
      assert.deepEqual(Object.keys(key).sort(), ['apiKey', 'id', 'scopes']);
      assert.ok(Number.isInteger(key.id));
      assert.match(key.apiKey, API_KEY);
      assert.deepEqual(key.scopes, ['read_all']);

      const both = await runCliJson(database!.url, ['key', 'create', '--org', org, '--scopes', 'read_all,write_all']);
      assert.deepEqual(both.scopes, ['read_all', 'write_all']);

      const admin = await plaudit('key', 'create', '--org', org, '--scopes', 'admin');
      assert.equal(admin.code, 2);
      assert.match(admin.stderr, /--scopes must list read_all and\/or write_all/);
    });

    it('issues keys that a running server accepts, scopes and, once revoked, refuses', async () => {
      server = await startServer(database!.url);
      const org = await newOrg('Live Keys SA');
      const orgId = String(org.organization.id);

      const me = await server.request('GET', '/v1/me', org.apiKey);
      assert.equal(me.status, 200);
      assert.equal(me.body.data.organization.id, org.organization.id);

      const reader = await runCliJson(database!.url, ['key', 'create', '--org', orgId, '--scopes', 'read_all']);
      assert.equal((await server.request('GET', '/v1/conversations', reader.apiKey)).status, 200);
      const write = await server.request('POST', '/v1/conversations', reader.apiKey, {});
      assert.equal(write.status, 403);
      assert.equal(write.body.error.code, 'insufficient_scope');
      assert.equal(write.body.error.message, 'Insufficient token scope. Required: write_all');

      const revoke = await plaudit('key', 'revoke', String(reader.id));
      assert.equal(revoke.code, 0, revoke.stderr);
      assert.match(revoke.stdout, new RegExp(`Revoked API key ${reader.id}\\b`));
      // SQLite: at once (the server sees that another process committed). PostgreSQL: as soon as the server hears the
      // command line's notification, long before the key cache's 5 s (its backstop).
      const deadline = Date.now() + (dialect === 'postgres' ? 1000 : 0);
      let afterRevoke = await server.request('GET', '/v1/me', reader.apiKey);
      while (afterRevoke.status !== 401 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        afterRevoke = await server.request('GET', '/v1/me', reader.apiKey);
      }
      assert.equal(afterRevoke.status, 401);
      assert.equal(afterRevoke.body.error.code, 'invalid_api_key');
      assert.equal((await server.request('GET', '/v1/me', org.apiKey)).status, 200, 'the other key still works');
    });

    it('migrate on a migrated database changes nothing and says so', async () => {
      const result = await plaudit('migrate');
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /The schema is up to date/);
    });

    it('demo --json creates an organization full of conversations its key can list', async () => {
      server ??= await startServer(database!.url);
      // Seeding a few weeks of conversations takes seconds, more on a busy machine.
      const demo = await runCliJson(database!.url, ['demo'], { timeoutMs: 90_000 });
      assert.match(demo.apiKey, API_KEY);

      const listed = await server.request('GET', '/v1/conversations?limit=200', demo.apiKey);
      assert.equal(listed.status, 200);
      const conversations: Array<{ channel: string | null; agent_type: string | null }> = listed.body.data;
      assert.ok(conversations.length > 0, 'the demo organization has conversations');
      const channels = new Set(conversations.map((conversation) => conversation.channel));
      assert.ok(channels.size > 1, `several channels, got ${[...channels].join(', ')}`);
      const agentTypes = new Set(conversations.map((conversation) => conversation.agent_type));
      assert.ok(
        agentTypes.has('human') && agentTypes.has('ai'),
        `human and AI agents, got ${[...agentTypes].join(', ')}`,
      );
    });

    it('exits 2 on an unknown command and 1 on an invalid DATABASE_URL, naming it', async () => {
      const unknown = await plaudit('frobnicate');
      assert.equal(unknown.code, 2);
      assert.match(unknown.stderr, /Unknown command "frobnicate"/);

      const mysql = await runCli('mysql://x', ['migrate']);
      assert.equal(mysql.code, 1);
      assert.match(mysql.stderr, /DATABASE_URL/);
    });
  });
}
