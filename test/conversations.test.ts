import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import { assertError, describeEachDialect } from './helpers/app.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describeEachDialect('POST /v1/conversations', (ctx) => {
  it('creates a conversation with its messages and answers 201 with integer id and UUID', async () => {
    const tenant = await ctx.newTenant();
    const contact = randomUUID();
    const agent = randomUUID();
    const response = await ctx.request('POST', '/v1/conversations', {
      key: tenant.key,
      body: {
        external_id: 'ticket-1',
        channel: 'widget_chat',
        contact_id: contact,
        contact_name: 'Ingrid Berg',
        agent_id: agent,
        agent_type: 'ai',
        language: 'nb',
        metadata: { plan: 'pro' },
        messages: [
          { role: 'user', text: 'Where is my order?', created_at: '2026-03-11T16:39:30Z' },
          { role: 'ai', text: 'It ships today.', author_id: agent, created_at: '2026-03-11T16:39:40Z' },
        ],
      },
    });
    assert.equal(response.status, 201);
    const data = response.body.data;
    assert.ok(Number.isInteger(data.id));
    assert.match(data.uid, UUID);
    assert.equal(data.external_id, 'ticket-1');
    assert.equal(data.status, 'open');
    assert.equal(data.contact_id, contact);
    assert.equal(data.agent_type, 'ai');
    assert.deepEqual(data.metadata, { plan: 'pro' });
    assert.equal(data.message_count, 2);
    assert.deepEqual(
      data.messages.map((m: { role: string; text: string; created_at: string }) => [m.role, m.text, m.created_at]),
      [
        ['user', 'Where is my order?', '2026-03-11T16:39:30.000Z'],
        ['ai', 'It ships today.', '2026-03-11T16:39:40.000Z'],
      ],
    );
    assert.ok(data.messages.every((m: { uid: string }) => UUID.test(m.uid)));
  });

  it('generates the contact id when none is given and accepts an empty body', async () => {
    const tenant = await ctx.newTenant();
    const response = await ctx.request('POST', '/v1/conversations', { key: tenant.key, body: {} });
    assert.equal(response.status, 201);
    assert.match(response.body.data.contact_id, UUID);
    assert.equal(response.body.data.message_count, 0);
    assert.equal(response.body.data.closed_at, null);
  });

  it('stamps closed_at on a conversation created closed', async () => {
    const tenant = await ctx.newTenant();
    const response = await ctx.request('POST', '/v1/conversations', { key: tenant.key, body: { status: 'closed' } });
    assert.equal(response.body.data.status, 'closed');
    assert.ok(response.body.data.closed_at);
  });

  it('answers 409 for an external_id in use, and lets another organization use it', async () => {
    const tenant = await ctx.newTenant();
    const first = await ctx.request('POST', '/v1/conversations', { key: tenant.key, body: { external_id: 'dup' } });
    const second = await ctx.request('POST', '/v1/conversations', {
      key: tenant.key,
      body: { external_id: 'dup', messages: [{ role: 'user', text: 'should not be stored' }] },
    });
    assertError(second, 409, 'conversation_exists', /dup/);
    assert.equal(second.body.error.details.id, first.body.data.id);
    const messages = await ctx.request('GET', `/v1/conversations/${first.body.data.id}/messages`, { key: tenant.key });
    assert.equal(messages.body.data.length, 0, 'the refused request stored none of its messages');

    const other = await ctx.newTenant();
    const theirs = await ctx.request('POST', '/v1/conversations', { key: other.key, body: { external_id: 'dup' } });
    assert.equal(theirs.status, 201);
  });

  const badBodies: Array<[string, unknown, RegExp]> = [
    ['an unknown field', { colour: 'red' }, /unknown field "colour"/],
    ['an unknown status', { status: 'pending' }, /body\.status must be one of: open, closed|body\.status/],
    ['a contact id that is no UUID', { contact_id: 'abc' }, /body\.contact_id must be a valid uuid/],
    ['an unknown agent type', { agent_type: 'robot' }, /body\.agent_type/],
    ['metadata that is no object', { metadata: [1, 2] }, /body\.metadata/],
    ['a message without text', { messages: [{ role: 'user' }] }, /body\.messages\[0\]\.text is required/],
    ['a message with an unknown role', { messages: [{ role: 'bot', text: 'x' }] }, /body\.messages\[0\]\.role/],
    [
      'a message text that is a number',
      { messages: [{ role: 'user', text: 5 }] },
      /body\.messages\[0\]\.text must be a string/,
    ],
    ['a created_at that is no date-time', { created_at: 'yesterday' }, /body\.created_at must be a valid date-time/],
    ['a created_at before 1970', { created_at: '1969-12-31T23:59:59Z' }, /body\.created_at/],
    ['an email that is no email', { contact_email: 'nope' }, /body\.contact_email/],
    ['a body that is an array', [], /body must be an object/],
    ['metadata over 16 KiB', { metadata: { blob: 'x'.repeat(17_000) } }, /metadata is larger/],
  ];
  for (const [what, body, message] of badBodies) {
    it(`rejects ${what} with 400 and stores nothing`, async () => {
      const tenant = await ctx.newTenant();
      const response = await ctx.request('POST', '/v1/conversations', { key: tenant.key, body });
      assertError(response, 400, 'validation_failed', message);
      const list = await ctx.request('GET', '/v1/conversations', { key: tenant.key });
      assert.equal(list.body.data.length, 0);
    });
  }

  it('answers 400 for malformed JSON, 415 for another media type, 413 for too large a body', async () => {
    const tenant = await ctx.newTenant();
    const json = { 'content-type': 'application/json' };
    assertError(
      await ctx.request('POST', '/v1/conversations', { key: tenant.key, payload: '{"channel":', headers: json }),
      400,
      'invalid_json',
    );
    assertError(
      await ctx.request('POST', '/v1/conversations', {
        key: tenant.key,
        payload: 'channel=x',
        headers: { 'content-type': 'text/plain' },
      }),
      415,
      'unsupported_media_type',
    );
    const huge = JSON.stringify({ messages: [{ role: 'user', text: 'x'.repeat(2 * 1024 * 1024) }] });
    assertError(
      await ctx.request('POST', '/v1/conversations', { key: tenant.key, payload: huge, headers: json }),
      413,
      'payload_too_large',
    );
  });
});

describeEachDialect('GET and PATCH /v1/conversations/{id}', (ctx) => {
  it('finds a conversation by integer id and by UUID', async () => {
    const tenant = await ctx.newTenant();
    const created = (await ctx.request('POST', '/v1/conversations', { key: tenant.key, body: { channel: 'email' } }))
      .body.data;
    const byId = await ctx.request('GET', `/v1/conversations/${created.id}`, { key: tenant.key });
    const byUid = await ctx.request('GET', `/v1/conversations/${created.uid}`, { key: tenant.key });
    const byUpperUid = await ctx.request('GET', `/v1/conversations/${created.uid.toUpperCase()}`, { key: tenant.key });
    assert.equal(byId.status, 200);
    assert.deepEqual(byId.body, byUid.body);
    assert.deepEqual(byId.body, byUpperUid.body);
    assert.equal(byId.body.data.channel, 'email');
  });

  it('answers 404 for an unknown id and 400 for an id that is neither integer nor UUID', async () => {
    const tenant = await ctx.newTenant();
    assertError(
      await ctx.request('GET', '/v1/conversations/999999', { key: tenant.key }),
      404,
      'conversation_not_found',
      /999999/,
    );
    assertError(
      await ctx.request('GET', `/v1/conversations/${randomUUID()}`, { key: tenant.key }),
      404,
      'conversation_not_found',
    );
    assertError(
      await ctx.request('GET', '/v1/conversations/not-an-id', { key: tenant.key }),
      400,
      'validation_failed',
      /path\.id/,
    );
  });

  it("hides another organization's conversation: 404 to read, change, message or anonymize it", async () => {
    const owner = await ctx.newTenant();
    const stranger = await ctx.newTenant();
    const created = (
      await ctx.request('POST', '/v1/conversations', {
        key: owner.key,
        body: { channel: 'email', messages: [{ role: 'user', text: 'private' }] },
      })
    ).body.data;
    for (const ref of [created.id, created.uid]) {
      assertError(
        await ctx.request('GET', `/v1/conversations/${ref}`, { key: stranger.key }),
        404,
        'conversation_not_found',
      );
      assertError(
        await ctx.request('GET', `/v1/conversations/${ref}/messages`, { key: stranger.key }),
        404,
        'conversation_not_found',
      );
      assertError(
        await ctx.request('PATCH', `/v1/conversations/${ref}`, { key: stranger.key, body: { status: 'closed' } }),
        404,
        'conversation_not_found',
      );
      assertError(
        await ctx.request('POST', `/v1/conversations/${ref}/messages`, {
          key: stranger.key,
          body: { role: 'user', text: 'x' },
        }),
        404,
        'conversation_not_found',
      );
      assertError(
        await ctx.request('POST', `/v1/conversations/${ref}/anonymize`, { key: stranger.key }),
        404,
        'conversation_not_found',
      );
    }
    const list = await ctx.request('GET', '/v1/conversations', { key: stranger.key });
    assert.equal(list.body.data.length, 0);
    const untouched = await ctx.request('GET', `/v1/conversations/${created.id}`, { key: owner.key });
    assert.equal(untouched.body.data.status, 'open');
    assert.equal(untouched.body.data.message_count, 1);
    assert.equal(untouched.body.data.anonymized_at, null);
  });

  it('closes, reopens and reassigns a conversation', async () => {
    const tenant = await ctx.newTenant();
    const created = (await ctx.request('POST', '/v1/conversations', { key: tenant.key, body: {} })).body.data;
    const agent = randomUUID();
    const closed = await ctx.request('PATCH', `/v1/conversations/${created.uid}`, {
      key: tenant.key,
      body: { status: 'closed', agent_id: agent, agent_type: 'human' },
    });
    assert.equal(closed.status, 200);
    assert.equal(closed.body.data.status, 'closed');
    assert.ok(closed.body.data.closed_at);
    assert.equal(closed.body.data.agent_id, agent);
    assert.equal(closed.body.data.agent_type, 'human');
    assert.ok(closed.body.data.updated_at >= created.updated_at);

    const reopened = await ctx.request('PATCH', `/v1/conversations/${created.id}`, {
      key: tenant.key,
      body: { status: 'open', agent_id: null },
    });
    assert.equal(reopened.body.data.status, 'open');
    assert.equal(reopened.body.data.closed_at, null);
    assert.equal(reopened.body.data.agent_id, null);
  });

  it('rejects an empty or unknown patch', async () => {
    const tenant = await ctx.newTenant();
    const created = (await ctx.request('POST', '/v1/conversations', { key: tenant.key, body: {} })).body.data;
    assertError(
      await ctx.request('PATCH', `/v1/conversations/${created.id}`, { key: tenant.key, body: {} }),
      400,
      'validation_failed',
    );
    assertError(
      await ctx.request('PATCH', `/v1/conversations/${created.id}`, {
        key: tenant.key,
        body: { contact_id: randomUUID() },
      }),
      400,
      'validation_failed',
      /unknown field "contact_id"/,
    );
    assertError(
      await ctx.request('PATCH', `/v1/conversations/${created.id}`, { key: tenant.key, body: { status: 'done' } }),
      400,
      'validation_failed',
    );
  });
});

describeEachDialect('GET /v1/conversations', (ctx) => {
  it('lists newest first and pages with a cursor through every conversation exactly once', async () => {
    const tenant = await ctx.newTenant();
    const ids: number[] = [];
    for (let day = 1; day <= 7; day += 1) {
      const response = await ctx.request('POST', '/v1/conversations', {
        key: tenant.key,
        body: { created_at: `2026-01-0${day}T10:00:00Z` },
      });
      ids.push(response.body.data.id);
    }
    // Two conversations with the same created_at must still page in a stable order.
    const twin = await ctx.request('POST', '/v1/conversations', {
      key: tenant.key,
      body: { created_at: '2026-01-07T10:00:00Z' },
    });
    ids.push(twin.body.data.id);

    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/v1/conversations?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await ctx.request('GET', url, { key: tenant.key });
      assert.equal(page.status, 200);
      seen.push(...page.body.data.map((c: { id: number }) => c.id));
      cursor = page.body.next_cursor;
      pages += 1;
    } while (cursor);
    assert.equal(pages, 3);
    assert.deepEqual(seen, [twin.body.data.id, ...ids.slice(0, 7).reverse()]);
  });

  it('filters by status, channel, agent, contact, external id and creation time', async () => {
    const tenant = await ctx.newTenant();
    const agent = randomUUID();
    const contact = randomUUID();
    const make = (body: object) => ctx.request('POST', '/v1/conversations', { key: tenant.key, body });
    const a = (await make({ channel: 'email', agent_id: agent, created_at: '2026-02-01T00:00:00Z' })).body.data;
    const b = (
      await make({ channel: 'sms', status: 'closed', contact_id: contact, created_at: '2026-02-10T00:00:00Z' })
    ).body.data;
    const c = (await make({ channel: 'email', external_id: 'ext-9', created_at: '2026-02-20T00:00:00Z' })).body.data;
    const ids = async (query: string) =>
      (await ctx.request('GET', `/v1/conversations?${query}`, { key: tenant.key })).body.data.map(
        (x: { id: number }) => x.id,
      );
    assert.deepEqual(await ids('channel=email'), [c.id, a.id]);
    assert.deepEqual(await ids('status=closed'), [b.id]);
    assert.deepEqual(await ids(`agent_id=${agent}`), [a.id]);
    assert.deepEqual(await ids(`contact_id=${contact}`), [b.id]);
    assert.deepEqual(await ids('external_id=ext-9'), [c.id]);
    assert.deepEqual(await ids('created_from=2026-02-05T00:00:00Z&created_to=2026-02-20T00:00:00Z'), [b.id]);
    assert.deepEqual(await ids('channel=email&created_from=2026-02-15T00:00:00Z'), [c.id]);
  });

  it('rejects bad filters and cursors with 400', async () => {
    const tenant = await ctx.newTenant();
    assertError(
      await ctx.request('GET', '/v1/conversations?limit=0', { key: tenant.key }),
      400,
      'validation_failed',
      /query\.limit/,
    );
    assertError(await ctx.request('GET', '/v1/conversations?limit=500', { key: tenant.key }), 400, 'validation_failed');
    assertError(
      await ctx.request('GET', '/v1/conversations?status=maybe', { key: tenant.key }),
      400,
      'validation_failed',
    );
    assertError(
      await ctx.request('GET', '/v1/conversations?agent_id=42', { key: tenant.key }),
      400,
      'validation_failed',
      /agent_id/,
    );
    assertError(
      await ctx.request('GET', '/v1/conversations?created_from=soon', { key: tenant.key }),
      400,
      'validation_failed',
    );
    assertError(
      await ctx.request('GET', '/v1/conversations?cursor=garbage', { key: tenant.key }),
      400,
      'invalid_cursor',
    );
    assertError(
      await ctx.request('GET', '/v1/conversations?sort=asc', { key: tenant.key }),
      400,
      'validation_failed',
      /unknown field "sort"/,
    );
  });
});

describeEachDialect('Messages', (ctx) => {
  it('appends messages and lists them in conversation order', async () => {
    const tenant = await ctx.newTenant();
    const conversation = (await ctx.request('POST', '/v1/conversations', { key: tenant.key, body: {} })).body.data;
    const late = await ctx.request('POST', `/v1/conversations/${conversation.id}/messages`, {
      key: tenant.key,
      body: { role: 'agent', text: 'second', created_at: '2026-05-01T10:00:05Z' },
    });
    assert.equal(late.status, 201);
    assert.match(late.body.data.uid, UUID);
    assert.equal(late.body.data.role, 'agent');
    assert.equal(late.body.data.text, 'second');
    assert.equal(late.body.data.conversation_id, conversation.id);
    await ctx.request('POST', `/v1/conversations/${conversation.uid}/messages`, {
      key: tenant.key,
      body: { role: 'user', text: 'first', created_at: '2026-05-01T10:00:00Z' },
    });
    await ctx.request('POST', `/v1/conversations/${conversation.id}/messages`, {
      key: tenant.key,
      body: { role: 'system', text: 'third', created_at: '2026-05-01T10:00:05Z' },
    });
    const list = await ctx.request('GET', `/v1/conversations/${conversation.uid}/messages`, { key: tenant.key });
    assert.deepEqual(
      list.body.data.map((m: { text: string }) => m.text),
      ['first', 'second', 'third'],
    );
    const fetched = await ctx.request('GET', `/v1/conversations/${conversation.id}`, { key: tenant.key });
    assert.equal(fetched.body.data.message_count, 3);
  });

  it('rejects bad messages with 400 and stores nothing', async () => {
    const tenant = await ctx.newTenant();
    const conversation = (await ctx.request('POST', '/v1/conversations', { key: tenant.key, body: {} })).body.data;
    const url = `/v1/conversations/${conversation.id}/messages`;
    assertError(
      await ctx.request('POST', url, { key: tenant.key, body: { role: 'user' } }),
      400,
      'validation_failed',
      /text is required/,
    );
    assertError(
      await ctx.request('POST', url, { key: tenant.key, body: { role: 'User', text: 'x' } }),
      400,
      'validation_failed',
      /role/,
    );
    assertError(
      await ctx.request('POST', url, { key: tenant.key, body: { role: 'user', text: null } }),
      400,
      'validation_failed',
    );
    assertError(
      await ctx.request('POST', url, { key: tenant.key, body: { role: 'user', text: 'x', author_id: 'me' } }),
      400,
      'validation_failed',
      /author_id/,
    );
    assertError(
      await ctx.request('POST', url, { key: tenant.key, body: { role: 'user', text: 'x'.repeat(70_000) } }),
      400,
      'validation_failed',
      /text/,
    );
    const list = await ctx.request('GET', url, { key: tenant.key });
    assert.equal(list.body.data.length, 0);
  });

  it('needs write_all to add a message', async () => {
    const tenant = await ctx.newTenant();
    const reader = await ctx.newKey(tenant, ['read_all']);
    const conversation = (await ctx.request('POST', '/v1/conversations', { key: tenant.key, body: {} })).body.data;
    const response = await ctx.request('POST', `/v1/conversations/${conversation.id}/messages`, {
      key: reader.key,
      body: { role: 'user', text: 'x' },
    });
    assertError(response, 403, 'insufficient_scope', /Required: write_all/);
    assert.equal(
      (await ctx.request('GET', `/v1/conversations/${conversation.id}/messages`, { key: reader.key })).body.data.length,
      0,
    );
  });
});

describeEachDialect('POST /v1/conversations/{id}/anonymize', (ctx) => {
  it('removes texts and contact data for good, keeps the counts, logs it, and refuses new messages', async () => {
    const tenant = await ctx.newTenant();
    const contact = randomUUID();
    const agent = randomUUID();
    const conversation = (
      await ctx.request('POST', '/v1/conversations', {
        key: tenant.key,
        body: {
          external_id: 'gdpr-1',
          contact_id: contact,
          contact_name: 'Lars Hansen',
          contact_email: 'lars@example.com',
          metadata: { phone: '+47 555 01 234' },
          messages: [
            { role: 'user', text: 'My address is Storgata 12', author_id: contact },
            { role: 'agent', text: 'Thanks Lars', author_id: agent },
          ],
        },
      })
    ).body.data;

    const response = await ctx.request('POST', `/v1/conversations/${conversation.uid}/anonymize`, { key: tenant.key });
    assert.equal(response.status, 200);
    const data = response.body.data;
    assert.ok(data.anonymized_at);
    assert.notEqual(data.contact_id, contact);
    assert.match(data.contact_id, UUID);
    assert.equal(data.contact_name, null);
    assert.equal(data.contact_email, null);
    assert.deepEqual(data.metadata, {});
    assert.equal(data.message_count, 2);
    assert.equal(data.external_id, 'gdpr-1');

    const messages = (await ctx.request('GET', `/v1/conversations/${conversation.id}/messages`, { key: tenant.key }))
      .body.data;
    assert.deepEqual(
      messages.map((m: { text: string | null }) => m.text),
      [null, null],
    );
    assert.deepEqual(
      messages.map((m: { author_id: string | null }) => m.author_id),
      [null, agent],
    );

    // Nothing of it is left in the database, not only hidden by the API.
    const rows = await ctx.database.db
      .selectFrom('messages')
      .select('text')
      .where('conversation_id', '=', conversation.id)
      .execute();
    assert.ok(rows.every((row) => row.text === null));
    const stored = await ctx.database.db
      .selectFrom('conversations')
      .selectAll()
      .where('id', '=', conversation.id)
      .executeTakeFirstOrThrow();
    assert.ok(!JSON.stringify(stored).includes('Lars'));
    assert.ok(!JSON.stringify(stored).includes('+47'));

    const audit = await ctx.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('org_id', '=', tenant.orgId)
      .where('action', '=', 'conversation.anonymized')
      .execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.actor_user_id, tenant.userId);
    assert.equal(String(audit[0]!.subject_id), String(conversation.id));

    const again = await ctx.request('POST', `/v1/conversations/${conversation.id}/anonymize`, { key: tenant.key });
    assert.equal(again.status, 200);
    assert.equal(again.body.data.anonymized_at, data.anonymized_at, 'anonymizing twice changes nothing');

    const refused = await ctx.request('POST', `/v1/conversations/${conversation.id}/messages`, {
      key: tenant.key,
      body: { role: 'user', text: 'new' },
    });
    assertError(refused, 409, 'conversation_anonymized');
  });
});

describeEachDialect('POST /v1/conversations/import', (ctx) => {
  const batch = (count: number, prefix = 'imp') =>
    Array.from({ length: count }, (_, i) => ({
      external_id: `${prefix}-${i}`,
      channel: i % 2 ? 'email' : 'widget_chat',
      created_at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
      messages: [
        { role: 'user', text: `question ${i}`, created_at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString() },
        {
          role: 'ai',
          text: `answer ${i}`,
          created_at: new Date(Date.UTC(2026, 0, 1) + i * 60_000 + 5000).toISOString(),
        },
      ],
    }));

  it('imports thousands of conversations with their messages, and a second import changes nothing', async () => {
    const tenant = await ctx.newTenant();
    const conversations = batch(2500);
    const first = await ctx.request('POST', '/v1/conversations/import', { key: tenant.key, body: { conversations } });
    assert.equal(first.status, 200);
    assert.equal(first.body.data.created, 2500);
    assert.equal(first.body.data.unchanged, 0);
    assert.equal(first.body.data.conversations.length, 2500);
    assert.ok(first.body.data.conversations.every((c: { created: boolean }) => c.created));

    const countRows = async () => {
      const conversationCount = await ctx.database.db
        .selectFrom('conversations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('org_id', '=', tenant.orgId)
        .executeTakeFirstOrThrow();
      const messageCount = await ctx.database.db
        .selectFrom('messages')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('org_id', '=', tenant.orgId)
        .executeTakeFirstOrThrow();
      return [Number(conversationCount.n), Number(messageCount.n)];
    };
    assert.deepEqual(await countRows(), [2500, 5000]);

    const second = await ctx.request('POST', '/v1/conversations/import', { key: tenant.key, body: { conversations } });
    assert.equal(second.status, 200);
    assert.equal(second.body.data.created, 0);
    assert.equal(second.body.data.unchanged, 2500);
    assert.deepEqual(
      second.body.data.conversations.map((c: { id: number }) => c.id),
      first.body.data.conversations.map((c: { id: number }) => c.id),
    );
    assert.deepEqual(await countRows(), [2500, 5000]);

    const sample = first.body.data.conversations[1234];
    const messages = await ctx.request('GET', `/v1/conversations/${sample.uid}/messages`, { key: tenant.key });
    assert.deepEqual(
      messages.body.data.map((m: { text: string }) => m.text),
      ['question 1234', 'answer 1234'],
    );
  });

  it('creates only the new ones of a partly known batch', async () => {
    const tenant = await ctx.newTenant();
    await ctx.request('POST', '/v1/conversations/import', { key: tenant.key, body: { conversations: batch(3) } });
    const response = await ctx.request('POST', '/v1/conversations/import', {
      key: tenant.key,
      body: { conversations: batch(5) },
    });
    assert.equal(response.body.data.created, 2);
    assert.equal(response.body.data.unchanged, 3);
    assert.deepEqual(
      response.body.data.conversations.map((c: { created: boolean }) => c.created),
      [false, false, false, true, true],
    );
  });

  it('writes nothing when one conversation of the batch is invalid', async () => {
    const tenant = await ctx.newTenant();
    const conversations: Array<Record<string, unknown>> = batch(10);
    conversations[7] = {
      ...conversations[7],
      messages: [{ role: 'user', text: 'ok', created_at: '1900-01-01T00:00:00Z' }],
    };
    const response = await ctx.request('POST', '/v1/conversations/import', {
      key: tenant.key,
      body: { conversations },
    });
    assertError(response, 400, 'validation_failed', /conversations\[7\]\.messages\[0\]\.created_at/);
    const duplicated = await ctx.request('POST', '/v1/conversations/import', {
      key: tenant.key,
      body: { conversations: [...batch(2), batch(1)[0]] },
    });
    assertError(duplicated, 400, 'validation_failed', /appears twice/);
    const missing = await ctx.request('POST', '/v1/conversations/import', {
      key: tenant.key,
      body: { conversations: [{ channel: 'email' }] },
    });
    assertError(missing, 400, 'validation_failed', /external_id is required/);
    const list = await ctx.request('GET', '/v1/conversations', { key: tenant.key });
    assert.equal(list.body.data.length, 0);
  });

  it('keeps organizations apart: the same external ids import separately', async () => {
    const mine = await ctx.newTenant();
    const theirs = await ctx.newTenant();
    await ctx.request('POST', '/v1/conversations/import', {
      key: mine.key,
      body: { conversations: batch(4, 'shared') },
    });
    const response = await ctx.request('POST', '/v1/conversations/import', {
      key: theirs.key,
      body: { conversations: batch(4, 'shared') },
    });
    assert.equal(response.body.data.created, 4);
    const mineList = await ctx.request('GET', '/v1/conversations?limit=200', { key: mine.key });
    assert.equal(mineList.body.data.length, 4);
  });
});
