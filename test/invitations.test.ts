import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { buildApp } from '../src/app.js';
import { assertError, describeEachDialect, testConfig, type TestContext } from './helpers/app.js';
import { createTestDatabase } from './helpers/databases.js';
import { setCookieOf, tenantWithPassword, uniqueEmail } from './helpers/sessions.js';

/** A message the test's SMTP server took: its envelope and its raw text. */
interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on a loopback port, in this process: what Plaudit sends arrives here. */
const inbox: Received[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      inbox.push({
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        to: session.envelope.rcptTo.map((recipient) => recipient.address),
        raw: Buffer.concat(chunks).toString('utf8'),
      });
      callback();
    });
  },
});
await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
const smtpPort = (smtp.server.address() as AddressInfo).port;
after(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

/** The body of a text message, quoted-printable undone. */
function bodyOf(raw: string): string {
  const body = raw.slice(raw.indexOf('\r\n\r\n') + 4);
  if (!/content-transfer-encoding:\s*quoted-printable/i.test(raw)) return body;
  return body
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

async function invite(ctx: TestContext, key: string, email = uniqueEmail('invitee'), role = 'agent') {
  const response = await ctx.request('POST', '/v1/invitations', { key, body: { email, role } });
  assert.equal(response.status, 201, JSON.stringify(response.body));
  return response.body.data;
}

describeEachDialect(
  'Invitations by email',
  (ctx) => {
    let admin: Awaited<ReturnType<typeof tenantWithPassword>>;

    before(async () => {
      admin = await tenantWithPassword(ctx, 'Harbour Books');
      await ctx.request('PATCH', '/v1/me', { key: admin.key, body: { name: 'Hanna Admin' } });
    });

    it('emails the link, which shows the invitation and signs the new member in', async () => {
      inbox.length = 0;
      const email = uniqueEmail('new-agent');
      const invitation = await invite(ctx, admin.key, email);
      assert.equal(invitation.email_sent, true);
      assert.equal(invitation.status, 'pending');
      assert.equal(invitation.invited_by.name, 'Hanna Admin');
      assert.match(invitation.link, /^https:\/\/plaudit\.test\/accept-invite\?token=[A-Za-z0-9_-]{43}$/);
      assert.equal(Date.parse(invitation.expires_at) - Date.parse(invitation.created_at), 7 * 24 * 3_600_000);

      assert.equal(inbox.length, 1);
      const message = inbox[0]!;
      assert.deepEqual(message.to, [email]);
      assert.equal(message.from, 'team@plaudit.test');
      assert.match(message.raw, /^Subject: Hanna Admin invited you to Harbour Books on Plaudit\r?$/m);
      const link = /https:\/\/plaudit\.test\/accept-invite\?token=[A-Za-z0-9_-]{43}/.exec(bodyOf(message.raw))?.[0];
      assert.equal(link, invitation.link, 'the email carries the same link');

      const preview = await ctx.request('GET', `/v1/invitations/${tokenOf(link!)}`);
      assert.equal(preview.status, 200);
      assert.deepEqual(preview.body.data, {
        email,
        role: 'agent',
        organization: { name: 'Harbour Books' },
        invited_by: { name: 'Hanna Admin', email: admin.email },
        expires_at: invitation.expires_at,
      });

      const accepted = await ctx.request('POST', `/v1/invitations/${tokenOf(link!)}/accept`, {
        body: { name: 'Noor New', password: 'a quiet harbour at dawn' },
      });
      assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
      assert.equal(accepted.body.data.user.email, email);
      assert.equal(accepted.body.data.user.role, 'agent');
      const cookie = /^plaudit_session=([^;]+);/.exec(setCookieOf(accepted) ?? '')?.[0].slice(0, -1);
      assert.ok(cookie, 'accepting signs in');
      const me = await ctx.request('GET', '/v1/me', { headers: { cookie } });
      assert.equal(me.body.data.user.name, 'Noor New');

      const members = (await ctx.request('GET', '/v1/users', { key: admin.key })).body.data;
      assert.equal(members.length, 2);
      assert.deepEqual((await ctx.request('GET', '/v1/invitations', { key: admin.key })).body.data, []);

      assertError(
        await ctx.request('POST', `/v1/invitations/${tokenOf(link!)}/accept`, {
          body: { name: 'Again', password: 'a quiet harbour at dawn' },
        }),
        410,
        'invitation_accepted',
      );
      assertError(await ctx.request('GET', `/v1/invitations/${tokenOf(link!)}`), 410, 'invitation_accepted');
      const actions = await ctx.database.db
        .selectFrom('audit_log')
        .select('action')
        .where('org_id', '=', admin.orgId)
        .where('action', 'like', 'invitation.%')
        .orderBy('id')
        .execute();
      assert.deepEqual(
        actions.map((row) => row.action),
        ['invitation.created', 'invitation.accepted'],
      );
    });

    it('refuses short and common passwords, creating nobody', async () => {
      const invitation = await invite(ctx, admin.key);
      const token = tokenOf(invitation.link);
      const accept = (password: string) =>
        ctx.request('POST', `/v1/invitations/${token}/accept`, { body: { name: 'Weak Will', password } });
      assertError(await accept('eleven char'), 400, 'password_too_short', /at least 12 characters/);
      assertError(await accept('Password1234'), 400, 'password_too_common');
      assertError(await accept('qwertyuiopasdfgh'), 400, 'password_too_common');
      const members = (await ctx.request('GET', '/v1/users', { key: admin.key })).body.data;
      assert.ok(!members.some((member: { email: string }) => member.email === invitation.email));
      const pending = (await ctx.request('GET', '/v1/invitations', { key: admin.key })).body.data;
      assert.ok(
        pending.some((row: { id: number }) => row.id === invitation.id),
        'the invitation still waits',
      );
    });

    it('refuses a link after 7 days, once revoked, and one never made', async () => {
      const expired = await invite(ctx, admin.key);
      await ctx.database.db
        .updateTable('invitations')
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .where('id', '=', expired.id)
        .execute();
      assertError(await ctx.request('GET', `/v1/invitations/${tokenOf(expired.link)}`), 410, 'invitation_expired');
      assertError(
        await ctx.request('POST', `/v1/invitations/${tokenOf(expired.link)}/accept`, {
          body: { name: 'Late Larry', password: 'better late than never' },
        }),
        410,
        'invitation_expired',
      );
      const pending = (await ctx.request('GET', '/v1/invitations', { key: admin.key })).body.data;
      assert.ok(!pending.some((row: { id: number }) => row.id === expired.id), 'an expired invitation is not pending');

      const revoked = await invite(ctx, admin.key);
      const deleted = await ctx.request('DELETE', `/v1/invitations/${revoked.id}`, { key: admin.key });
      assert.equal(deleted.status, 200);
      assert.equal(deleted.body.data.status, 'revoked');
      assertError(await ctx.request('GET', `/v1/invitations/${tokenOf(revoked.link)}`), 410, 'invitation_revoked');
      const twice = await ctx.request('DELETE', `/v1/invitations/${revoked.id}`, { key: admin.key });
      assert.equal(twice.body.data.revoked_at, deleted.body.data.revoked_at);

      assertError(await ctx.request('GET', `/v1/invitations/${'x'.repeat(43)}`), 404, 'invitation_not_found');
      assertError(await ctx.request('GET', '/v1/invitations/short'), 404, 'invitation_not_found');
      assertError(
        await ctx.request('DELETE', '/v1/invitations/987654321', { key: admin.key }),
        404,
        'invitation_not_found',
      );
    });

    it('refuses to invite an email that has an account or a pending invitation', async () => {
      assertError(
        await ctx.request('POST', '/v1/invitations', { key: admin.key, body: { email: admin.email, role: 'agent' } }),
        409,
        'email_taken',
      );
      const email = uniqueEmail('twice');
      await invite(ctx, admin.key, email);
      assertError(
        await ctx.request('POST', '/v1/invitations', { key: admin.key, body: { email, role: 'admin' } }),
        409,
        'invitation_pending',
      );
      assertError(
        await ctx.request('POST', '/v1/invitations', {
          key: admin.key,
          body: { email: 'not-an-email', role: 'agent' },
        }),
        400,
        'validation_failed',
      );
    });

    it('makes an invited admin an admin', async () => {
      const invitation = await invite(ctx, admin.key, uniqueEmail('second-admin'), 'admin');
      const accepted = await ctx.request('POST', `/v1/invitations/${tokenOf(invitation.link)}/accept`, {
        body: { name: 'Sam Second', password: 'two admins are safer' },
      });
      assert.equal(accepted.body.data.user.role, 'admin');
    });
  },
  { config: { smtpUrl: `smtp://127.0.0.1:${smtpPort}`, smtpFrom: 'Plaudit Team <team@plaudit.test>' } },
);

describeEachDialect('Invitations without SMTP', (ctx) => {
  it('answers the link to hand over, and sends nothing', async () => {
    inbox.length = 0;
    const admin = await ctx.newTenant();
    const invitation = await invite(ctx, admin.key);
    assert.equal(invitation.email_sent, false);
    assert.match(invitation.link, /^https:\/\/plaudit\.test\/accept-invite\?token=/);
    assert.equal(inbox.length, 0);
  });
});

describe('Invitation tokens in the logs', () => {
  it('logs the accept request without the token', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
    const { database, drop } = await createTestDatabase('sqlite');
    const app = await buildApp({ config: testConfig, database, logger });
    try {
      const token = 'A'.repeat(43);
      await app.inject({ method: 'GET', url: `/v1/invitations/${token}` });
      await app.inject({ method: 'POST', url: `/v1/invitations/${token}/accept`, payload: {} });
      const urls = lines
        .map((line) => JSON.parse(line))
        .filter((entry) => entry.msg === 'request completed')
        .map((entry) => entry.url);
      assert.deepEqual(urls, ['/v1/invitations/<token>', '/v1/invitations/<token>/accept']);
      assert.ok(!lines.some((line) => line.includes(token)), 'the token is in no log line');
    } finally {
      await app.close();
      await drop();
    }
  });
});
