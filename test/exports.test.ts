import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { before, it } from 'node:test';
import { sql } from 'kysely';
import { generateDataset, type Dataset } from '../bench/dataset.js';
import { ExportsService, MAX_CONCURRENT_EXPORTS, parseCsv } from '../src/modules/exports/index.js';
import { assertError, describeEachDialect, type TestContext, type Tenant } from './helpers/app.js';

const HUMAN = '11111111-1111-4111-8111-111111111111';
const AI = '22222222-2222-4222-8222-222222222222';
const FORMULA_COMMENT = '=HYPERLINK("http://evil.test","click"), then\na second line';

interface Download {
  status: number;
  headers: Record<string, unknown>;
  text: string;
}

/** Known data, made through the API: three conversations, four surveys, five feedback records by two users. */
interface Fixture {
  tenant: Tenant;
  reviewerKey: string;
  reviewerId: string;
  a: { id: number; uid: string; agentMessage: string };
  b: { id: number; uid: string; aiMessage: string };
  c: { id: number; uid: string };
  ratings: { aCsat: string; aSurvey: string; bExpired: string };
}

async function api(ctx: TestContext, key: string, method: string, url: string, body?: unknown) {
  const response = await ctx.request(method, url, { key, body });
  assert.ok(response.status < 300, `${method} ${url}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body?.data;
}

async function makeFixture(ctx: TestContext): Promise<Fixture> {
  const tenant = await ctx.newTenant();
  const reviewer = await ctx.app.services.accounts.createUser({
    orgId: tenant.orgId,
    email: `reviewer-${Math.random().toString(36).slice(2)}@test.invalid`,
  });
  const a = await api(ctx, tenant.key, 'POST', '/v1/conversations', {
    channel: 'email',
    agent_id: HUMAN,
    agent_type: 'human',
    external_id: 'ticket-1',
    created_at: '2026-03-10T10:00:00.000Z',
    messages: [
      { role: 'user', text: 'Where is my parcel?', created_at: '2026-03-10T10:00:00.000Z' },
      { role: 'agent', text: 'It ships today.', author_id: HUMAN, created_at: '2026-03-10T10:01:00.000Z' },
    ],
  });
  // 23:30 UTC on the 11th is already the 12th in Berlin.
  const b = await api(ctx, tenant.key, 'POST', '/v1/conversations', {
    channel: 'widget_chat',
    agent_id: AI,
    agent_type: 'ai',
    created_at: '2026-03-11T23:30:00.000Z',
    messages: [
      { role: 'user', text: 'Can I return sale items?', created_at: '2026-03-11T23:30:00.000Z' },
      { role: 'ai', text: 'Within 14 days.', created_at: '2026-03-11T23:31:00.000Z' },
    ],
  });
  const c = await api(ctx, tenant.key, 'POST', '/v1/conversations', {
    channel: '-whatsapp',
    created_at: '2026-03-15T08:00:00.000Z',
  });

  const aCsat = await api(ctx, tenant.key, 'POST', `/v1/conversations/${a.id}/ratings`, {
    question_codes: ['CSAT'],
    offered_at: '2026-03-10T10:05:00.000Z',
  });
  await api(ctx, tenant.key, 'POST', `/v1/ratings/${aCsat.uid}/answers`, {
    answers: [{ code: 'CSAT', value: 2 }],
    submitted_at: '2026-03-10T10:06:00.000Z',
  });
  const aSurvey = await api(ctx, tenant.key, 'POST', `/v1/conversations/${a.id}/ratings`, {
    question_codes: ['STARS', 'NPS', 'HELPFUL_THUMBS', 'EXPERIENCE_THUMBS'],
    offered_at: '2026-03-10T10:30:00.000Z',
  });
  await api(ctx, tenant.key, 'POST', `/v1/ratings/${aSurvey.uid}/answers`, {
    answers: [
      { code: 'STARS', value: 4 },
      { code: 'NPS', value: 9 },
      { code: 'HELPFUL_THUMBS', value: 0 },
    ],
    comment: FORMULA_COMMENT,
    submitted_at: '2026-03-10T10:40:00.000Z',
  });
  // A survey of B that expired unanswered (an exact expiry, as imports of history give it).
  const bExpired = await ctx.app.services.ratings.offerSurvey(tenant.orgId, String(b.id), {
    codes: ['EXPERIENCE_THUMBS'],
    offeredAt: '2026-03-12T00:00:00.000Z',
    expiresAt: '2026-03-14T00:00:00.000Z',
  });

  const agentMessage = a.messages[1].uid as string;
  const aiMessage = b.messages[1].uid as string;
  await api(ctx, tenant.key, 'POST', `/v1/messages/${agentMessage}/feedback`, { rating: 'like', comment: '+1 great' });
  await api(ctx, tenant.key, 'POST', `/v1/messages/${aiMessage}/feedback`, { rating: 'dislike' });
  await api(ctx, reviewer.apiKey.api_key, 'POST', `/v1/messages/${aiMessage}/feedback`, {
    rating: 'dislike',
    comment: 'Wrong: it is 30 days, "always"',
  });
  await api(ctx, reviewer.apiKey.api_key, 'POST', `/v1/messages/${aiMessage}/feedback`, { rating: 'like' });
  return {
    tenant,
    reviewerKey: reviewer.apiKey.api_key,
    reviewerId: reviewer.user.id,
    a: { id: a.id, uid: a.uid, agentMessage },
    b: { id: b.id, uid: b.uid, aiMessage },
    c: { id: c.id, uid: c.uid },
    ratings: { aCsat: aCsat.uid, aSurvey: aSurvey.uid, bExpired: bExpired.uid },
  };
}

/** Downloads an export through the app, as a client would, checking what the response declares. */
async function download(ctx: TestContext, key: string, path: string): Promise<Download> {
  const response = await ctx.app.inject({ method: 'GET', url: path, headers: { authorization: `Bearer ${key}` } });
  assert.deepEqual(ctx.app.schemaMismatches.splice(0), [], `GET ${path} matches its declared schema`);
  return { status: response.statusCode, headers: response.headers, text: response.body };
}

/** A CSV download as objects keyed by the header, after checking the file's shape. */
async function csv(ctx: TestContext, key: string, path: string): Promise<Array<Record<string, string>>> {
  const file = await download(ctx, key, path);
  assert.equal(file.status, 200, file.text);
  assert.equal(file.headers['content-type'], 'text/csv; charset=utf-8');
  assert.ok(file.text.endsWith('\r\n'), 'every record ends with CRLF');
  const [header, ...rows] = parseCsv(file.text);
  return rows.map((row) => {
    assert.equal(row.length, header!.length, 'every row has a cell per column');
    return Object.fromEntries(header!.map((name, i) => [name, row[i]!]));
  });
}

/** A JSON Lines download, parsed line by line. */
async function jsonl(ctx: TestContext, key: string, path: string): Promise<Array<Record<string, unknown>>> {
  const file = await download(ctx, key, path);
  assert.equal(file.status, 200, file.text);
  assert.equal(file.headers['content-type'], 'application/x-ndjson; charset=utf-8');
  if (file.text === '') return [];
  assert.ok(file.text.endsWith('\n'));
  return file.text
    .slice(0, -1)
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

const today = () => new Date().toISOString().slice(0, 10);

/** Reads the first chunk of a stream, leaving the rest unread. */
function firstChunk(stream: Readable): Promise<string> {
  return new Promise((resolve, reject) => {
    stream.once('error', reject);
    stream.once('data', (chunk: Buffer) => {
      stream.pause();
      resolve(chunk.toString('utf8'));
    });
  });
}

async function until(condition: () => Promise<boolean> | boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!(await condition())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describeEachDialect('Exports', (ctx) => {
  let fixture: Fixture;

  before(async () => {
    fixture = await makeFixture(ctx);
  });

  it('exports each conversation with its latest rating and its feedback totals', async () => {
    const { tenant, a, b, c, ratings } = fixture;
    const file = await download(ctx, tenant.key, '/v1/exports/conversations.csv');
    assert.equal(file.headers['content-disposition'], `attachment; filename="plaudit-conversations-${today()}.csv"`);
    assert.equal(file.headers['cache-control'], 'no-store');
    assert.match(
      file.text,
      /^conversation_id,conversation_uid,external_id,channel,status,contact_name,agent_id,agent_type,agent_name,/,
    );

    const rows = await csv(ctx, tenant.key, '/v1/exports/conversations.csv');
    assert.deepEqual(
      rows.map((row) => row.conversation_uid),
      [a.uid, b.uid, c.uid],
      'one row per conversation, oldest first',
    );
    const [rowA, rowB, rowC] = rows;
    assert.deepEqual(rowA, {
      conversation_id: String(a.id),
      conversation_uid: a.uid,
      external_id: 'ticket-1',
      channel: 'email',
      status: 'open',
      contact_name: '',
      agent_id: HUMAN,
      agent_type: 'human',
      agent_name: '',
      language: '',
      created_at: '2026-03-10T10:00:00.000Z',
      closed_at: '',
      rating_uid: ratings.aSurvey,
      rating_status: 'partially_rated',
      stars: '4',
      nps: '9',
      helpful_thumbs: 'down',
      experience_thumbs: '',
      rating_comment: `'${FORMULA_COMMENT}`,
      rating_offered_at: '2026-03-10T10:30:00.000Z',
      rating_opened_at: '',
      rating_submitted_at: '2026-03-10T10:40:00.000Z',
      likes: '1',
      dislikes: '0',
      comments: '1',
      tags: '',
    });
    assert.equal(rowB!.rating_uid, ratings.bExpired);
    assert.equal(rowB!.rating_status, 'expired');
    assert.deepEqual([rowB!.stars, rowB!.experience_thumbs], ['', ''], 'nothing answered');
    assert.deepEqual(
      [rowB!.likes, rowB!.dislikes, rowB!.comments],
      ['1', '1', '1'],
      "each author's current feedback: the reviewer's like replaced their dislike (and carried its comment)",
    );
    assert.equal(rowC!.channel, "'-whatsapp", 'a channel that starts like a formula is neutralised too');
    assert.deepEqual([rowC!.rating_uid, rowC!.rating_status, rowC!.likes], ['', '', '0']);
  });

  it('exports one row per rating question, in the order they were offered', async () => {
    const { tenant, a, b, ratings } = fixture;
    const rows = await csv(ctx, tenant.key, '/v1/exports/ratings.csv');
    assert.deepEqual(
      rows.map((row) => [row.rating_uid, row.question_code, row.status, row.value]),
      [
        [ratings.aCsat, 'CSAT', 'Rated', '2'],
        [ratings.aSurvey, 'STARS', 'Rated', '4'],
        [ratings.aSurvey, 'NPS', 'Rated', '9'],
        [ratings.aSurvey, 'HELPFUL_THUMBS', 'Rated', '0'],
        [ratings.aSurvey, 'EXPERIENCE_THUMBS', 'Offered', ''],
        [ratings.bExpired, 'EXPERIENCE_THUMBS', 'Offered', ''],
      ],
    );
    assert.deepEqual(rows[1], {
      rating_uid: ratings.aSurvey,
      conversation_id: String(a.id),
      conversation_uid: a.uid,
      channel: 'email',
      contact_name: '',
      agent_id: HUMAN,
      agent_type: 'human',
      agent_name: '',
      question_code: 'STARS',
      kind: 'stars',
      status: 'Rated',
      value: '4',
      comment: `'${FORMULA_COMMENT}`,
      offered_at: '2026-03-10T10:30:00.000Z',
      answered_at: '2026-03-10T10:40:00.000Z',
      expires_at: '',
      source: 'api',
      rating_status: 'partially_rated',
      required: 'true',
      rating_cancelled_at: '',
      question_version: '',
      choices: '',
      choice_labels: '',
      reasons: '',
      reason_labels: '',
      answer_text: '',
    });
    assert.deepEqual(
      [rows[5]!.conversation_uid, rows[5]!.agent_id, rows[5]!.agent_type, rows[5]!.expires_at, rows[5]!.rating_status],
      [b.uid, AI, 'ai', '2026-03-14T00:00:00.000Z', 'expired'],
    );
  });

  it('exports every record of the feedback log, oldest first, as JSON Lines', async () => {
    const { tenant, a, b, reviewerId } = fixture;
    const rows = await jsonl(ctx, tenant.key, '/v1/exports/feedback.jsonl');
    assert.equal(rows.length, 4, 'the log, not only the current state');
    assert.deepEqual(
      rows.map((row) => [row.message_uid, row.user_id, row.rating, row.comment]),
      [
        [a.agentMessage, tenant.userId, 'like', '+1 great'],
        [b.aiMessage, tenant.userId, 'dislike', null],
        [b.aiMessage, reviewerId, 'dislike', 'Wrong: it is 30 days, "always"'],
        [b.aiMessage, reviewerId, 'like', 'Wrong: it is 30 days, "always"'],
      ],
      'JSON is not a spreadsheet: text is exported as it is',
    );
    const first = rows[0]!;
    assert.deepEqual(Object.keys(first), [
      'uid',
      'message_uid',
      'message_role',
      'conversation_id',
      'conversation_uid',
      'channel',
      'contact_name',
      'agent_id',
      'agent_type',
      'agent_name',
      'user_id',
      'author_name',
      'rating',
      'comment',
      'created_at',
      'model',
      'prompt_version',
      'trace_id',
      'span_id',
      'tags',
    ]);
    assert.deepEqual(
      [
        first.message_role,
        first.conversation_id,
        first.conversation_uid,
        first.channel,
        first.agent_id,
        first.agent_type,
      ],
      ['agent', a.id, a.uid, 'email', HUMAN, 'human'],
    );
    assert.deepEqual([rows[1]!.message_role, rows[1]!.agent_id, rows[1]!.agent_type], ['ai', AI, 'ai']);
    assert.match(String(first.uid), /^[0-9a-f-]{36}$/);
    assert.match(String(first.created_at), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('writes the same rows in JSON Lines, with numbers as numbers and nothing as null', async () => {
    const { tenant, a, ratings } = fixture;
    const conversations = await jsonl(ctx, tenant.key, '/v1/exports/conversations.jsonl');
    assert.equal(conversations.length, 3);
    const first = conversations[0]!;
    assert.equal(first.conversation_id, a.id);
    assert.equal(first.stars, 4);
    assert.equal(first.helpful_thumbs, 'down');
    assert.equal(first.experience_thumbs, null);
    assert.equal(first.rating_comment, FORMULA_COMMENT, 'no leading quote outside CSV');
    assert.equal(first.likes, 1);
    const questions = await jsonl(ctx, tenant.key, '/v1/exports/ratings.jsonl');
    assert.deepEqual(
      questions.map((row) => [row.rating_uid, row.value]),
      [
        [ratings.aCsat, 2],
        [ratings.aSurvey, 4],
        [ratings.aSurvey, 9],
        [ratings.aSurvey, 0],
        [ratings.aSurvey, null],
        [ratings.bExpired, null],
      ],
    );
    const file = await download(ctx, fixture.tenant.key, '/v1/exports/ratings.jsonl');
    assert.equal(file.headers['content-disposition'], `attachment; filename="plaudit-ratings-${today()}.jsonl"`);
    const feedback = await csv(ctx, tenant.key, '/v1/exports/feedback.csv');
    assert.equal(feedback[0]!.comment, "'+1 great");
    assert.equal(feedback[2]!.comment, 'Wrong: it is 30 days, "always"', 'quotes survive the round trip');
  });

  it('narrows each export with the analytics filters', async () => {
    const { tenant, a, b, c, ratings } = fixture;
    const conversations = async (query: string) =>
      (await csv(ctx, tenant.key, `/v1/exports/conversations.csv?${query}`)).map((row) => row.conversation_uid);
    assert.deepEqual(await conversations('from=2026-03-11&to=2026-03-11'), [b.uid], 'days in UTC by default');
    assert.deepEqual(await conversations('from=2026-03-12&to=2026-03-12&tz=Europe/Berlin'), [b.uid]);
    assert.deepEqual(await conversations('from=2026-03-12&to=2026-03-12'), []);
    assert.deepEqual(await conversations('from=2026-03-11'), [b.uid, c.uid], 'an open end');
    assert.deepEqual(await conversations('to=2026-03-10'), [a.uid]);
    assert.deepEqual(await conversations(`agent_id=${AI}`), [b.uid]);
    assert.deepEqual(await conversations('agent_type=human'), [a.uid]);
    assert.deepEqual(await conversations('channel=email'), [a.uid]);
    assert.deepEqual(await conversations('question_code=NPS'), [a.uid], 'latest rating asked NPS');
    assert.deepEqual(await conversations('question_code=CSAT'), [], 'only an older rating asked CSAT');

    const questions = async (query: string) =>
      (await csv(ctx, tenant.key, `/v1/exports/ratings.csv?${query}`)).map(
        (row) =>
          `${row.rating_uid === ratings.aCsat ? 'csat' : row.rating_uid === ratings.aSurvey ? 'survey' : 'b'}:${row.question_code}`,
      );
    assert.deepEqual(await questions('question_code=EXPERIENCE_THUMBS'), [
      'survey:EXPERIENCE_THUMBS',
      'b:EXPERIENCE_THUMBS',
    ]);
    assert.deepEqual(await questions('from=2026-03-12'), ['b:EXPERIENCE_THUMBS'], 'by the time offered');
    assert.deepEqual(await questions('agent_type=ai&question_code=STARS'), []);
    assert.deepEqual(await questions('channel=widget_chat'), ['b:EXPERIENCE_THUMBS']);
    assert.deepEqual((await questions(`agent_id=${HUMAN}`)).length, 5);

    const feedback = async (query: string) =>
      (await jsonl(ctx, tenant.key, `/v1/exports/feedback.jsonl?${query}`)).map((row) => row.message_uid);
    assert.deepEqual(await feedback('agent_type=human'), [a.agentMessage]);
    assert.deepEqual(await feedback(`agent_id=${AI}`), [b.aiMessage, b.aiMessage, b.aiMessage]);
    assert.deepEqual(await feedback('channel=widget_chat&question_code=NPS'), [b.aiMessage, b.aiMessage, b.aiMessage]);
    assert.equal((await feedback(`from=${today()}&to=${today()}`)).length, 4, 'feedback by the time it was given');
    assert.deepEqual(await feedback('to=2026-03-31'), []);
    const empty = await download(ctx, tenant.key, '/v1/exports/feedback.csv?to=2026-03-31');
    assert.equal(
      empty.text,
      'uid,message_uid,message_role,conversation_id,conversation_uid,channel,contact_name,agent_id,agent_type,agent_name,user_id,' +
        'author_name,rating,comment,created_at,model,prompt_version,trace_id,span_id,tags\r\n',
      'nothing matched: the header alone',
    );
  });

  it("shows another organization's key none of the rows", async () => {
    const other = await ctx.newTenant();
    for (const dataset of ['conversations', 'ratings', 'feedback']) {
      assert.deepEqual(await csv(ctx, other.key, `/v1/exports/${dataset}.csv`), [], `${dataset}.csv`);
      assert.deepEqual(await jsonl(ctx, other.key, `/v1/exports/${dataset}.jsonl`), [], `${dataset}.jsonl`);
    }
    // And the owner still sees theirs: the other organization's export did not hide them.
    assert.equal((await csv(ctx, fixture.tenant.key, '/v1/exports/conversations.csv')).length, 3);
  });

  it('refuses bad time zones, days, ranges and unknown parameters with 400', async () => {
    const { key } = fixture.tenant;
    const get = (query: string) => ctx.request('GET', `/v1/exports/ratings.csv?${query}`, { key });
    assertError(await get('tz=Mars/Olympus_Mons'), 400, 'invalid_timezone', /Mars\/Olympus_Mons/);
    assertError(await get('from=2026-02-30'), 400, 'invalid_date_range');
    assertError(await get('from=2026-03-12&to=2026-03-11'), 400, 'invalid_date_range', /after/);
    assertError(await get('from=yesterday'), 400, 'validation_failed');
    assertError(await get('agent_type=robot'), 400, 'validation_failed');
    assertError(await get('form=2026-03-01'), 400, 'validation_failed', /form/);
    const refused = await ctx.request('GET', '/v1/exports/feedback.jsonl?tz=Nowhere', { key });
    assert.equal(refused.headers['content-disposition'], undefined, 'an error is no download');
    assertError(await ctx.request('GET', '/v1/exports/feedback.jsonl'), 401, 'missing_api_key');
  });

  it('writes comments that look like formulas, quotes or line breaks so that a spreadsheet reads them as text', async () => {
    const tenant = await ctx.newTenant();
    const nasty = [
      '=1+1',
      '+SUM(A1:A9)',
      '-2',
      '@cmd',
      '\tTAB',
      '\rCR',
      'a,b',
      'say "hi"',
      'multi\r\nline',
      'ünïcødé 👍',
    ];
    const created = await api(ctx, tenant.key, 'POST', '/v1/conversations', {
      agent_type: 'ai',
      messages: [{ role: 'ai', text: 'Answer' }],
    });
    for (const comment of nasty) {
      await api(ctx, tenant.key, 'POST', `/v1/messages/${created.messages[0].uid}/feedback`, { comment });
    }
    const rows = await csv(ctx, tenant.key, '/v1/exports/feedback.csv');
    assert.deepEqual(
      rows.map((row) => row.comment),
      nasty.map((text) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text)),
    );
    const raw = (await download(ctx, tenant.key, '/v1/exports/feedback.csv')).text;
    assert.ok(raw.includes(`"'\rCR"`) && raw.includes('"say ""hi"""') && raw.includes('"multi\r\nline"'), raw);
  });

  describeLarge(ctx);
});

/** Thousands of rows: complete and in order, read in several batches, and the connection released on a disconnect. */
function describeLarge(ctx: TestContext): void {
  let dataset: Dataset;

  before(async () => {
    dataset = await generateDataset(ctx.database, { ratings: 5000, feedback: 6000, days: 30, seed: 7 });
  });

  it('streams exports of thousands of rows complete and in order', async () => {
    const conversations = await csv(ctx, dataset.apiKey, '/v1/exports/conversations.csv');
    assert.equal(conversations.length, dataset.counts.conversations);
    const ids = conversations.map((row) => Number(row.conversation_id));
    assert.ok(
      ids.every((id, i) => i === 0 || id > ids[i - 1]!),
      'conversation ids ascend',
    );

    const questions = await csv(ctx, dataset.apiKey, '/v1/exports/ratings.csv');
    assert.equal(questions.length, dataset.counts.ratingQuestions);
    assert.equal(new Set(questions.map((row) => row.rating_uid)).size, dataset.counts.ratings);
    assert.ok(
      questions.every((row, i) => i === 0 || String(row.offered_at) >= String(questions[i - 1]!.offered_at)),
      'questions in the order they were offered',
    );

    const feedback = await jsonl(ctx, dataset.apiKey, '/v1/exports/feedback.jsonl');
    assert.equal(feedback.length, dataset.counts.feedback);
    assert.equal(new Set(feedback.map((row) => row.uid)).size, dataset.counts.feedback);
    assert.ok(feedback.every((row, i) => i === 0 || String(row.created_at) >= String(feedback[i - 1]!.created_at)));
    assert.ok(feedback.every((row) => dataset.agentIds.includes(String(row.agent_id))));
  });

  /** Open PostgreSQL transactions of this database other than the caller's (an export's cursor holds one). */
  const openTransactions = async () => {
    if (ctx.dialect !== 'postgres') return 0;
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid() and xact_start is not null`.execute(
      ctx.database.db,
    );
    return rows[0]!.n;
  };

  it('lets other requests through mid-export, and ends the query when the body is dropped', async () => {
    const { exports } = ctx.app.services;
    const opened = await exports.open(dataset.orgId, 'ratings', 'csv', {});
    const first = await firstChunk(opened.body);
    assert.match(first, /^rating_uid,/);
    assert.equal(exports.running, 1);
    if (ctx.dialect === 'postgres') {
      await until(async () => (await openTransactions()) === 1, 'the cursor holds its transaction');
    }
    // The export is paused mid-way; the API answers meanwhile (on SQLite the one connection is free between batches).
    const listed = await ctx.request('GET', '/v1/conversations?limit=1', { key: dataset.apiKey });
    assert.equal(listed.status, 200);
    opened.body.destroy();
    await until(() => exports.running === 0, 'the export is released');
    await until(async () => (await openTransactions()) === 0, 'the cursor transaction is gone');
  });

  it('lets the event loop turn between batches while a fast client reads', async () => {
    // SQLite answers synchronously and a fast reader never makes the stream wait: without turns of the event loop in
    // between, no other request would be read until the export ended.
    const opened = await ctx.app.services.exports.open(dataset.orgId, 'ratings', 'csv', {});
    let turns = 0;
    let reading = true;
    const turn = () => {
      if (!reading) return;
      turns += 1;
      setImmediate(turn);
    };
    setImmediate(turn);
    let bytes = 0;
    for await (const chunk of opened.body) bytes += (chunk as Buffer).length;
    reading = false;
    assert.ok(bytes > 1_000_000);
    assert.ok(turns >= 3, `the event loop turned ${turns} times during the export`);
  });

  it('releases the export when the client disconnects mid-download', async () => {
    const { exports } = ctx.app.services;
    const address = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (ctx.app.server.address() as AddressInfo).port;
    assert.ok(address);
    await new Promise<void>((resolve, reject) => {
      const request = httpRequest(
        {
          host: '127.0.0.1',
          port,
          path: '/v1/exports/feedback.csv',
          headers: { authorization: `Bearer ${dataset.apiKey}` },
        },
        (response) => {
          assert.equal(response.statusCode, 200);
          response.once('data', () => {
            request.destroy();
            resolve();
          });
        },
      );
      request.once('error', (error) =>
        (error as NodeJS.ErrnoException).code === 'ECONNRESET' ? resolve() : reject(error),
      );
      request.end();
    });
    await until(() => exports.running === 0, 'the export is released');
    await until(async () => (await openTransactions()) === 0, 'the cursor transaction is gone');
    // Still serving: the next export runs to its end.
    assert.equal((await csv(ctx, dataset.apiKey, '/v1/exports/feedback.csv')).length, dataset.counts.feedback);
  });

  it('ends an export whose client stops reading, or never starts', async () => {
    const exports = new ExportsService(ctx.database, ctx.app.services.analytics, { stallMs: 100 });
    const stopped = await exports.open(dataset.orgId, 'ratings', 'jsonl', {});
    const ended = new Promise<Error>((resolve) => stopped.body.once('error', resolve));
    await firstChunk(stopped.body);
    assert.match((await ended).message, /read nothing for 0.1 s/);
    const neverRead = await exports.open(dataset.orgId, 'feedback', 'csv', {});
    assert.match((await new Promise<Error>((resolve) => neverRead.body.once('error', resolve))).message, /nothing/);
    await until(() => exports.running === 0, 'the exports are released');
    await until(async () => (await openTransactions()) === 0, 'the cursor transactions are gone');
  });

  it('answers HEAD with the headers alone, without running the export', async () => {
    const head = await ctx.app.inject({
      method: 'HEAD',
      url: '/v1/exports/ratings.csv',
      headers: { authorization: `Bearer ${dataset.apiKey}` },
    });
    assert.equal(head.statusCode, 200);
    assert.equal(head.headers['content-type'], 'text/csv; charset=utf-8');
    assert.equal(head.headers['content-disposition'], `attachment; filename="plaudit-ratings-${today()}.csv"`);
    assert.equal(head.body, '');
    assert.equal(ctx.app.services.exports.running, 0);
    assert.equal(await openTransactions(), 0);
  });

  it(`runs at most ${MAX_CONCURRENT_EXPORTS} exports at once and refuses more with 429`, async () => {
    const { exports } = ctx.app.services;
    await until(() => exports.running === 0, 'the earlier downloads have closed');
    const open: Array<{ body: Readable }> = [];
    for (let i = 0; i < MAX_CONCURRENT_EXPORTS; i += 1) {
      open.push(await exports.open(dataset.orgId, 'conversations', 'jsonl', {}));
    }
    const refused = await ctx.request('GET', '/v1/exports/ratings.csv', { key: dataset.apiKey });
    assertError(refused, 429, 'rate_limited', /exports/);
    for (const opened of open) opened.body.destroy();
    await until(() => exports.running === 0, 'the exports are released');
    assert.equal((await download(ctx, dataset.apiKey, '/v1/exports/ratings.csv?from=2099-01-01')).status, 200);
  });
}
