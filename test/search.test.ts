import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { InboxService } from '../src/modules/inbox/index.js';
import { parseSearch, SearchIndex } from '../src/modules/search/index.js';
import { assertError, describeEachDialect, type Tenant, type TestContext } from './helpers/app.js';

interface Created {
  id: number;
  uid: string;
  messages: Array<{ uid: string }>;
}

/** The inbox search, on every path that writes a searchable text. */
describeEachDialect('Inbox search', (ctx: TestContext) => {
  let tenant: Tenant;
  let neighbour: Tenant;
  const names = new Map<number, string>();
  const seeded: Record<string, Created> = {};

  async function conversation(name: string, body: Record<string, unknown>, owner = tenant): Promise<Created> {
    const response = await ctx.request('POST', '/v1/conversations', { key: owner.key, body });
    assert.equal(response.status, 201, JSON.stringify(response.body));
    names.set(response.body.data.id, name);
    seeded[name] = response.body.data;
    return response.body.data;
  }
  async function answer(conversationId: number, comment: string) {
    const offered = await ctx.request('POST', `/v1/conversations/${conversationId}/ratings`, {
      key: tenant.key,
      body: { question_codes: ['STARS'] },
    });
    const id = offered.body.data.id;
    const answered = await ctx.request('POST', `/v1/ratings/${id}/answers`, {
      key: tenant.key,
      body: { answers: [{ code: 'STARS', value: 2 }], comment },
    });
    assert.equal(answered.status, 200, JSON.stringify(answered.body));
    return id as number;
  }
  async function feedback(messageUid: string, body: Record<string, unknown>, key = tenant.key) {
    const response = await ctx.request('POST', `/v1/messages/${messageUid}/feedback`, { key, body });
    assert.ok([200, 201, 204].includes(response.status), JSON.stringify(response.body));
  }
  /** The names of what the inbox lists for `q` (and more filters), newest first. */
  async function found(q: string, more = '', key = tenant.key): Promise<string[]> {
    const response = await ctx.request('GET', `/v1/inbox?limit=100&q=${encodeURIComponent(q)}${more}`, { key });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    return response.body.data.map((item: { id: number }) => names.get(item.id) ?? `unknown ${item.id}`);
  }

  before(async () => {
    tenant = await ctx.newTenant('Search');
    neighbour = await ctx.newTenant('Neighbour');
    await conversation('refund', {
      contact_name: 'Jürgen Groß',
      contact_email: 'j.gross@example.de',
      external_id: 'ZD-4711',
      created_at: '2026-05-01T09:00:00.000Z',
      messages: [
        { role: 'user', text: 'I would like a REFUND for order #4711, please.' },
        { role: 'agent', text: 'Of course: the refund was sent yesterday.' },
      ],
    });
    await conversation('parcel', {
      contact_name: 'Anna Smith',
      contact_email: 'anna.smith@example.com',
      created_at: '2026-05-02T09:00:00.000Z',
      messages: [
        { role: 'user', text: 'Où est mon colis ? 我的订单在哪里' },
        { role: 'ai', text: 'Your parcel ships on Thursday.' },
      ],
    });
    const rated = await conversation('rated', {
      created_at: '2026-05-03T09:00:00.000Z',
      messages: [{ role: 'user', text: 'Thanks' }],
    });
    await answer(rated.id, 'Slow delivery, but very friendly');
    const commented = await conversation('commented', {
      created_at: '2026-05-04T09:00:00.000Z',
      messages: [
        { role: 'user', text: 'How long may I send things back?' },
        { role: 'ai', text: 'See our help centre.' },
      ],
    });
    await feedback(commented.messages[1]!.uid, { rating: 'dislike', comment: 'Outdated return policy' });
    await conversation(
      'theirs',
      {
        contact_name: 'Jürgen Groß',
        external_id: 'ZD-4711',
        messages: [{ role: 'user', text: 'refund please, slow delivery, outdated policy' }],
      },
      neighbour,
    );
    // On SQLite the words move into FTS5 in batches: what follows changes rows already there, and adds new ones.
    await ctx.app.services.search.catchUp();
  });

  it("finds words in messages, ratings' comments, feedback comments and contacts, never another organization's", async () => {
    assert.deepEqual(await found('refund'), ['refund']);
    assert.deepEqual(await found('thursday'), ['parcel']);
    assert.deepEqual(await found('friendly'), ['rated']);
    assert.deepEqual(await found('outdated'), ['commented']);
    assert.deepEqual(await found('groß'), ['refund']);
    assert.deepEqual(await found('anna.smith@example.com'), ['parcel']);
    assert.deepEqual(await found('ZD-4711'), ['refund']);
    assert.deepEqual(await found('nobody'), []);
    assert.deepEqual(await found('refund', '', neighbour.key), ['theirs']);
    assert.deepEqual(await found('friendly', '', neighbour.key), []);
  });

  it('matches words by their beginning, quoted phrases whole, in any case and without accents', async () => {
    assert.deepEqual(await found('REFU'), ['refund']);
    assert.deepEqual(await found('"refu"'), [], 'a quoted word is matched whole');
    assert.deepEqual(await found('"the refund was"'), ['refund']);
    assert.deepEqual(await found('"refund the"'), [], 'the words of a phrase in their order');
    assert.deepEqual(await found('juergen'), [], 'ü is u, not ue');
    assert.deepEqual(await found('jurgen gross'), ['refund'], 'accents and ß do not matter');
    assert.deepEqual(await found('OU EST'), ['parcel']);
    assert.deepEqual(await found('订单'), ['parcel'], 'characters of scripts without spaces are words');
    assert.deepEqual(await found('smith@exam'), ['parcel'], 'punctuation makes a phrase, its last word a prefix');
    assert.deepEqual(await found('smith@example.de'), []);
  });

  it('needs every term, each anywhere in the conversation, and combines with the other filters', async () => {
    assert.deepEqual(await found('gross refund yesterday'), ['refund'], 'contact, message, other message');
    assert.deepEqual(await found('refund thursday'), []);
    assert.deepEqual(await found('slow thanks'), ['rated'], 'a comment and a message');
    assert.deepEqual(await found('refund', '&status=closed'), []);
    assert.deepEqual(await found('s', '&low_rating=true'), ['rated']);
    assert.deepEqual(await found('s', '&has_comment=true'), ['commented', 'rated']);
    assert.deepEqual(await found('s', '&from=2026-05-02&to=2026-05-03'), ['rated', 'parcel']);
  });

  it('finds a conversation by its id or UUID', async () => {
    const { parcel } = seeded;
    assert.ok((await found(String(parcel!.id))).includes('parcel'));
    assert.deepEqual(await found(parcel!.uid.toUpperCase()), ['parcel']);
    assert.deepEqual(await found(seeded.theirs!.uid), [], "another organization's UUID finds nothing");
  });

  it('finds what is added or changed at once, and no longer what was replaced', async () => {
    const later = await conversation('later', { created_at: '2026-05-05T09:00:00.000Z' });
    assert.deepEqual(await found('voucher'), []);
    const added = await ctx.request('POST', `/v1/conversations/${later.id}/messages`, {
      key: tenant.key,
      body: { role: 'user', text: 'Can I use a voucher?' },
    });
    assert.equal(added.status, 201);
    assert.deepEqual(await found('voucher'), ['later']);

    const rating = await answer(later.id, 'First impression: confusing');
    assert.deepEqual(await found('confusing'), ['later']);
    const changed = await ctx.request('POST', `/v1/ratings/${rating}/answers`, {
      key: tenant.key,
      body: { answers: [{ code: 'STARS', value: 4 }], comment: 'Second thoughts: fine' },
    });
    assert.equal(changed.status, 200);
    assert.deepEqual(await found('confusing'), []);
    assert.deepEqual(await found('"second thoughts"'), ['later']);

    const message = added.body.data.uid;
    const colleague = await ctx.app.services.accounts.createUser({
      orgId: tenant.orgId,
      email: `colleague-${Date.now()}-${Math.random()}@test.invalid`,
    });
    await feedback(message, { rating: 'like', comment: 'Nice wording' });
    await feedback(message, { comment: 'Check the voucher terms' }, colleague.apiKey.api_key);
    assert.deepEqual(await found('wording terms'), ['later'], "every author's current comment");
    await feedback(message, { comment: null });
    assert.deepEqual(await found('wording'), [], 'a cleared comment is gone');
    assert.deepEqual(await found('terms'), ['later'], "the other author's stays");

    const imported = await ctx.request('POST', '/v1/conversations/import', {
      key: tenant.key,
      body: {
        conversations: [
          {
            external_id: 'hist-1',
            contact_name: 'Imre Import',
            created_at: '2026-04-01T09:00:00.000Z',
            messages: [{ role: 'user', text: 'An old complaint about a broken zipper' }],
          },
        ],
      },
    });
    assert.equal(imported.status, 200, JSON.stringify(imported.body));
    names.set(imported.body.data.conversations[0].id, 'imported');
    assert.deepEqual(await found('zipper'), ['imported']);
    assert.deepEqual(await found('imre'), ['imported']);
  });

  it('finds the texts of every surface: rating page, Dixa, the widget, Exante, and a burst of messages', async () => {
    const page = await conversation('page', { agent_id: '6f1d2c3a-0000-4000-8000-000000000009' });
    const invite = await ctx.request('POST', `/v1/conversations/${page.id}/rating-invites`, { key: tenant.key });
    const path = new URL(invite.body.data.link).pathname;
    const opened = await ctx.request('GET', path);
    const cookie = String(opened.headers['set-cookie']).split(';')[0]!;
    const token = /name="csrf_token" value="([^"]+)"/.exec(opened.body)![1]!;
    const posted = await ctx.request('POST', path, {
      payload: new URLSearchParams({ csrf_token: token, stars: '4', comment: 'Pagecomment words' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    });
    assert.ok(posted.status < 400, posted.raw.body);
    assert.deepEqual(await found('pagecomment'), ['page']);

    const dixa = await conversation('dixa', { agent_id: '6f1d2c3a-0000-4000-8000-000000000009' });
    const offer = await ctx.request('POST', `/beta/conversations/${dixa.id}/ratings/offer`, {
      key: tenant.key,
      bare: true,
      body: { ratingType: 'Csat' },
    });
    const submitted = await ctx.request('POST', `/beta/conversations/${dixa.id}/ratings/${offer.body.data.id}/submit`, {
      key: tenant.key,
      bare: true,
      body: { ratingResult: { value: 5, _type: 'Csat' }, comment: 'Dixacomment words' },
    });
    assert.equal(submitted.status, 201, JSON.stringify(submitted.body));
    assert.deepEqual(await found('dixacomment'), ['dixa']);

    const widget = await conversation('widget', { messages: [{ role: 'ai', text: 'Hello there' }] });
    const minted = await ctx.request('POST', `/v1/conversations/${widget.id}/widget-tokens`, { key: tenant.key });
    const widgetKey = minted.body.data.token;
    const popup = await ctx.request('POST', '/widget/v1/rating', {
      key: widgetKey,
      body: { answers: [{ code: 'HELPFUL_THUMBS', value: 1 }], comment: 'Popupcomment words' },
    });
    assert.equal(popup.status, 200, JSON.stringify(popup.body));
    const thumbs = await ctx.request('POST', `/widget/v1/messages/${widget.messages[0]!.uid}/feedback`, {
      key: widgetKey,
      body: { rating: 'like', comment: 'Widgetfeedback words' },
    });
    assert.equal(thumbs.status, 200, JSON.stringify(thumbs.body));
    assert.deepEqual(await found('popupcomment widgetfeedback'), ['widget']);

    const exante = await conversation('exante', { messages: [{ role: 'ai', text: 'Try turning it off and on' }] });
    const rated = await ctx.request(
      'POST',
      `/api/agents/chat/${exante.uid}/messages/${exante.messages[0]!.uid}/feedback`,
      { key: tenant.key, body: { rating: 'dislike', comment: 'Exantecomment words' } },
    );
    assert.ok(rated.status < 300, JSON.stringify(rated.body));
    assert.deepEqual(await found('exantecomment'), ['exante']);

    // Messages sent at once are committed together on SQLite; each is indexed all the same.
    const burst = await conversation('burst', {});
    const sent = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        ctx.request('POST', `/v1/conversations/${burst.id}/messages`, {
          key: tenant.key,
          body: { role: 'user', text: `burstword${i}` },
        }),
      ),
    );
    assert.ok(sent.every((response) => response.status === 201));
    for (const i of [0, 7, 19]) assert.deepEqual(await found(`burstword${i}`), ['burst']);
  });

  it('forgets the texts of an anonymized conversation, in the index too, and keeps its external id', async () => {
    const secret = await conversation('secret', {
      contact_name: 'Petra Privat',
      contact_email: 'petra@private.example',
      external_id: 'SECRET-1',
      messages: [
        { role: 'user', text: 'My passport number is X1234567' },
        { role: 'agent', text: 'Noted, thank you' },
      ],
    });
    await answer(secret.id, 'Confidential praise');
    await feedback(secret.messages[1]!.uid, { rating: 'like', comment: 'Discreet reply' });
    assert.deepEqual(await found('passport petra confidential discreet'), ['secret']);
    await ctx.app.services.search.catchUp();

    const anonymized = await ctx.request('POST', `/v1/conversations/${secret.id}/anonymize`, { key: tenant.key });
    assert.equal(anonymized.status, 200);
    for (const word of ['passport', 'x1234567', 'petra', 'private', 'confidential', 'discreet']) {
      assert.deepEqual(await found(word), [], word);
    }
    assert.deepEqual(await found('SECRET-1'), ['secret'], 'the external id stays, as on the conversation');

    const index = new SearchIndex(ctx.database);
    for (const word of ['passport', 'petra', 'confidential', 'discreet']) {
      assert.deepEqual(await index.conversationsWithTerm(tenant.orgId, parseSearch(word)[0]!, 100), [], word);
    }
    const documents = await ctx.database.db
      .selectFrom('search_documents')
      .select(['source', 'words'])
      .where('conversation_id', '=', secret.id)
      .execute();
    assert.deepEqual(documents, [{ source: 'contact', words: ' secret 1 ' }]);
    const messages = await ctx.database.db
      .selectFrom('messages')
      .select('search_words')
      .where('conversation_id', '=', secret.id)
      .execute();
    assert.deepEqual(messages, [{ search_words: null }, { search_words: null }]);
  });

  it('finds the same rows whether it walks the newest conversations, asks the index or reads everything', async () => {
    const ways = {
      walk: ctx.app.services.inbox,
      index: new InboxService(ctx.database, { searchWalk: 1 }),
      everything: new InboxService(ctx.database, { searchWalk: 1, searchIndexLimit: 0 }),
    };
    const queries = [
      'refund',
      'e',
      'slow thanks',
      '"the refund was"',
      'gross refund',
      'zd-4711',
      'nobody',
      'o',
      '订单',
      'où',
    ];
    // Some words only just written (read directly on SQLite), then all of them in the inverted index.
    await conversation('fresh', { messages: [{ role: 'user', text: 'A fresh refund request' }] });
    for (const q of [...queries, 'CATCH UP', ...queries]) {
      if (q === 'CATCH UP') {
        await ctx.app.services.search.catchUp();
        continue;
      }
      const pages: Record<string, number[][]> = {};
      for (const [way, inbox] of Object.entries(ways)) {
        pages[way] = [];
        let cursor: string | undefined;
        do {
          const page = await inbox.listInbox(tenant.orgId, { q, limit: 2, ...(cursor ? { cursor } : {}) });
          pages[way]!.push(page.data.map((item) => item.id));
          cursor = page.next_cursor ?? undefined;
        } while (cursor);
      }
      assert.deepEqual(pages.index, pages.walk, `${q}: the index finds what the walk finds`);
      assert.deepEqual(pages.everything, pages.walk, `${q}: reading everything finds it too`);
    }
  });

  it('refuses more than eight terms, and finds nothing for a search without a word', async () => {
    assertError(
      await ctx.request('GET', `/v1/inbox?q=${encodeURIComponent('a b c d e f g h i')}`, { key: tenant.key }),
      400,
      'validation_failed',
      /at most 8/,
    );
    assert.deepEqual(await found('?!'), []);
  });
});
