import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { parseCsv } from '../src/modules/exports/index.js';
import { assertError, describeEachDialect, type Tenant, type TestContext } from './helpers/app.js';

const HUMAN = '11111111-1111-4111-8111-111111111111';
const AI = '22222222-2222-4222-8222-222222222222';

/**
 * Exports with the inbox's filters: the inbox's export menu sends its filters with `scope=conversations`, and each file
 * holds exactly the rows of the conversations the inbox lists. Every expectation below is worked out by hand from the
 * fixture.
 */
describeEachDialect('Exports with the inbox filters', (ctx: TestContext) => {
  let tenant: Tenant;
  let neighbour: Tenant;
  /** Conversation id -> name, and rating uid / message uid -> the conversation's name. */
  const names = new Map<number, string>();
  const ratingOf = new Map<string, string>();

  async function api(key: string, method: string, url: string, body?: unknown) {
    const response = await ctx.request(method, url, { key, body });
    assert.ok(response.status < 300, `${method} ${url}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body?.data;
  }
  async function conversation(name: string, body: Record<string, unknown>, key = tenant.key) {
    const created = await api(key, 'POST', '/v1/conversations', body);
    names.set(created.id, name);
    return created as { id: number; uid: string; messages: Array<{ uid: string }> };
  }
  async function rating(name: string, id: number, answer?: { value: number; comment?: string }) {
    const offered = await api(tenant.key, 'POST', `/v1/conversations/${id}/ratings`, { question_codes: ['STARS'] });
    ratingOf.set(offered.uid, name);
    if (answer) {
      await api(tenant.key, 'POST', `/v1/ratings/${offered.id}/answers`, {
        answers: [{ code: 'STARS', value: answer.value }],
        ...(answer.comment ? { comment: answer.comment } : {}),
      });
    }
  }

  before(async () => {
    tenant = await ctx.newTenant('Exporter');
    neighbour = await ctx.newTenant('Neighbour');
    const ada = await conversation('ada', {
      contact_name: 'Ada Hansen',
      channel: 'email',
      agent_id: HUMAN,
      agent_type: 'human',
      created_at: '2026-03-01T10:00:00.000Z',
      messages: [
        { role: 'user', text: 'I want a refund', created_at: '2026-03-01T10:00:00.000Z' },
        { role: 'agent', text: 'It is on its way', created_at: '2026-03-01T10:01:00.000Z' },
      ],
    });
    await rating('ada', ada.id, { value: 2, comment: 'Slow' });
    await api(tenant.key, 'POST', `/v1/messages/${ada.messages[1]!.uid}/feedback`, { rating: 'dislike' });

    // 23:30 UTC on the 2nd is the 3rd in Berlin.
    const bob = await conversation('bob', {
      contact_name: 'Bob Hansen',
      channel: 'chat',
      status: 'closed',
      agent_id: AI,
      agent_type: 'ai',
      created_at: '2026-03-02T23:30:00.000Z',
      messages: [
        { role: 'user', text: 'Where is my parcel?', created_at: '2026-03-02T23:30:00.000Z' },
        { role: 'ai', text: 'It arrives tomorrow', created_at: '2026-03-02T23:30:05.000Z' },
      ],
    });
    await rating('bob', bob.id, { value: 5 });
    await api(tenant.key, 'POST', `/v1/messages/${bob.messages[1]!.uid}/feedback`, {
      rating: 'like',
      comment: 'Good answer',
    });

    await conversation('cleo', {
      contact_name: 'Cleo',
      channel: 'email',
      agent_id: HUMAN,
      agent_type: 'human',
      created_at: '2026-03-03T12:00:00.000Z',
      messages: [{ role: 'user', text: 'Refund status?', created_at: '2026-03-03T12:00:00.000Z' }],
    });

    const dora = await conversation('dora', {
      contact_name: 'Dora',
      channel: 'whatsapp',
      status: 'closed',
      created_at: '2026-03-04T08:00:00.000Z',
    });
    await rating('dora', dora.id);

    const eve = await conversation('eve', {
      contact_name: 'Eve Hansen',
      channel: 'chat',
      created_at: '2026-03-05T09:00:00.000Z',
      messages: [{ role: 'user', text: 'refund refund refund', created_at: '2026-03-05T09:00:00.000Z' }],
    });
    await rating('eve', eve.id, { value: 1, comment: 'Awful' });
    await api(tenant.key, 'POST', `/v1/conversations/${eve.id}/anonymize`);

    await conversation(
      'theirs',
      {
        contact_name: 'Ada Hansen',
        created_at: '2026-03-01T11:00:00.000Z',
        messages: [{ role: 'user', text: 'refund' }],
      },
      neighbour.key,
    );
  });

  /** The names the inbox lists for the query, sorted. */
  async function inbox(query: string, key = tenant.key): Promise<string[]> {
    const response = await ctx.request('GET', `/v1/inbox?limit=100${query ? `&${query}` : ''}`, { key });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    return response.body.data.map((item: { id: number }) => names.get(item.id)!).sort();
  }
  async function download(dataset: string, format: 'csv' | 'jsonl', query: string, key = tenant.key) {
    const path = `/v1/exports/${dataset}.${format}?${query}`;
    const response = await ctx.app.inject({ method: 'GET', url: path, headers: { authorization: `Bearer ${key}` } });
    assert.deepEqual(ctx.app.schemaMismatches.splice(0), [], `GET ${path} matches its declared schema`);
    assert.equal(response.statusCode, 200, response.body);
    const text = response.body;
    if (format === 'jsonl')
      return text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line));
    const [header, ...rows] = parseCsv(text);
    return rows.map((row) => Object.fromEntries(header!.map((column, i) => [column, row[i]])));
  }
  /** Each export of the inbox's rows, as the names of the conversations its rows belong to. */
  async function exported(query: string, key = tenant.key) {
    const scoped = `scope=conversations${query ? `&${query}` : ''}`;
    const conversations = (await download('conversations', 'csv', scoped, key)).map((row) =>
      names.get(Number(row.conversation_id))!,
    );
    const ratings = (await download('ratings', 'jsonl', scoped, key)).map((row) => ratingOf.get(row.rating_uid)!);
    const feedback = (await download('feedback', 'csv', scoped, key)).map((row) =>
      names.get(Number(row.conversation_id))!,
    );
    return { conversations: conversations.sort(), ratings: ratings.sort(), feedback: feedback.sort() };
  }

  it("holds exactly the inbox's conversations, their ratings and their feedback, for each filter", async () => {
    // Answers and feedback were given today, in conversations that began in March.
    const today = new Date().toISOString().slice(0, 10);
    // [query, conversations the inbox lists, ratings of those, feedback records on them]
    const cases: Array<[string, string[], string[], string[]]> = [
      ['', ['ada', 'bob', 'cleo', 'dora', 'eve'], ['ada', 'bob', 'dora', 'eve'], ['ada', 'bob']],
      ['q=refund', ['ada', 'cleo'], ['ada'], ['ada']],
      ['q=hansen', ['ada', 'bob'], ['ada', 'bob'], ['ada', 'bob']],
      ['q=Hansen&low_rating=true&has_comment=true&status=closed', [], [], []],
      ['q=hansen&low_rating=true&has_comment=true', ['ada'], ['ada'], ['ada']],
      ['rated=true', ['ada', 'bob', 'eve'], ['ada', 'bob', 'eve'], ['ada', 'bob']],
      ['rated=false', ['cleo', 'dora'], ['dora'], []],
      ['low_rating=true', ['ada', 'eve'], ['ada', 'eve'], ['ada']],
      ['low_rating=false', ['bob', 'cleo', 'dora'], ['bob', 'dora'], ['bob']],
      ['has_comment=true', ['ada', 'bob'], ['ada', 'bob'], ['ada', 'bob']],
      ['has_comment=false', ['cleo', 'dora', 'eve'], ['dora', 'eve'], []],
      ['status=closed', ['bob', 'dora'], ['bob', 'dora'], ['bob']],
      ['status=open', ['ada', 'cleo', 'eve'], ['ada', 'eve'], ['ada']],
      [`agent_id=${HUMAN}`, ['ada', 'cleo'], ['ada'], ['ada']],
      ['agent_type=ai', ['bob'], ['bob'], ['bob']],
      ['channel=chat', ['bob', 'eve'], ['bob', 'eve'], ['bob']],
      ['from=2026-03-03&to=2026-03-04', ['cleo', 'dora'], ['dora'], []],
      ['from=2026-03-03&to=2026-03-04&tz=Europe/Berlin', ['bob', 'cleo', 'dora'], ['bob', 'dora'], ['bob']],
      ['to=2026-03-02', ['ada', 'bob'], ['ada', 'bob'], ['ada', 'bob']],
      ['channel=email&q=refu&rated=false', ['cleo'], [], []],
      // The activity filters an analytics click opens.
      [`answered_from=${today}&answered_to=${today}`, ['ada', 'bob', 'eve'], ['ada', 'bob', 'eve'], ['ada', 'bob']],
      [`answered_from=${today}&answered_kind=stars&channel=chat`, ['bob', 'eve'], ['bob', 'eve'], ['bob']],
      ['answered_kind=nps', [], [], []],
      ['answered_question=STARS&answered_to=2026-03-31', [], [], []],
      [`feedback_from=${today}&feedback_to=${today}`, ['ada', 'bob'], ['ada', 'bob'], ['ada', 'bob']],
      [`feedback_from=${today}&low_rating=true`, ['ada'], ['ada'], ['ada']],
    ];
    for (const [query, conversations, ratings, feedback] of cases) {
      assert.deepEqual(await inbox(query), conversations, `the inbox with ${query || 'no filter'}`);
      assert.deepEqual(await exported(query), { conversations, ratings, feedback }, `the exports with ${query}`);
    }
  });

  it('lets the default scope narrow rows by their own time and agent, and conversations by the inbox-only filters', async () => {
    const ratings = async (query: string) =>
      (await download('ratings', 'csv', query)).map((row) => ratingOf.get(row.rating_uid)!).sort();
    // The ratings were offered today, in conversations that began in March.
    const today = new Date().toISOString().slice(0, 10);
    assert.deepEqual(await ratings(`from=${today}&to=${today}`), ['ada', 'bob', 'dora', 'eve']);
    assert.deepEqual(await ratings(`scope=conversations&from=${today}&to=${today}`), []);
    assert.deepEqual(await ratings('scope=conversations&from=2026-03-01&to=2026-03-01'), ['ada']);
    assert.deepEqual(await ratings('q=refund'), ['ada']);
    assert.deepEqual(await ratings('status=closed&rated=true'), ['bob']);
    assert.deepEqual(await ratings(`feedback_from=${today}&agent_type=ai`), ['bob']);
    const conversations = async (query: string) =>
      (await download('conversations', 'jsonl', query)).map((row) => names.get(row.conversation_id)!).sort();
    assert.deepEqual(await conversations('q=hansen&channel=chat'), ['bob'], 'the same rows as with the inbox scope');
  });

  it("shows another organization's key none of the rows, however it searches", async () => {
    assert.deepEqual(await inbox('q=refund', neighbour.key), ['theirs']);
    assert.deepEqual(await exported('q=refund', neighbour.key), {
      conversations: ['theirs'],
      ratings: [],
      feedback: [],
    });
    assert.deepEqual(await exported('q=hansen&rated=true', neighbour.key), {
      conversations: [],
      ratings: [],
      feedback: [],
    });
  });

  it('refuses what the inbox refuses, with the same codes', async () => {
    const get = (query: string) => ctx.request('GET', `/v1/exports/conversations.csv?${query}`, { key: tenant.key });
    assertError(await get('scope=everything'), 400, 'validation_failed');
    assertError(await get('rated=maybe'), 400, 'validation_failed');
    assertError(await get('status=pending'), 400, 'validation_failed');
    assertError(await get(`q=${encodeURIComponent('a b c d e f g h i')}`), 400, 'validation_failed');
    assertError(await get('scope=conversations&from=2026-02-30'), 400, 'invalid_date_range');
    assertError(await get('scope=conversations&tz=Mars/Olympus'), 400, 'invalid_timezone');
    assertError(await get('answered_from=2026-03-05&answered_to=2026-03-01'), 400, 'invalid_date_range');
    assertError(await get('answered_kind=choice'), 400, 'validation_failed');
    assertError(await get('answered_question=NO_SUCH'), 400, 'unknown_question_code');
  });
});
