import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { describeEachDialect, type TestContext, type Tenant } from './helpers/app.js';

/** What the ratings export says of the organization's own questions: choices, reasons and text, by id and label. */

/** A CSV body as objects keyed by its header (quotes as RFC 4180 writes them). */
function parseCsv(text: string): Array<Record<string, string>> {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 1;
    } else field += char;
  }
  const [header, ...rows] = records;
  return rows.map((row) => Object.fromEntries(header!.map((name, at) => [name, row[at] ?? ''])));
}

/** Downloads an export through the app, as a client would: the body as text. */
async function download(ctx: TestContext, key: string, path: string): Promise<{ status: number; text: string }> {
  const response = await ctx.app.inject({ method: 'GET', url: path, headers: { authorization: `Bearer ${key}` } });
  assert.deepEqual(ctx.app.schemaMismatches.splice(0), [], `GET ${path} matches its declared schema`);
  return { status: response.statusCode, text: response.body };
}

/** A JSON Lines download, parsed line by line. */
async function jsonLines(ctx: TestContext, key: string, path: string): Promise<any[]> {
  const file = await download(ctx, key, path);
  assert.equal(file.status, 200, file.text);
  return file.text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
}

async function setUp(ctx: TestContext, tenant: Tenant) {
  for (const body of [
    {
      code: 'TOPIC',
      kind: 'choice',
      labels: { en: 'What was it about?' },
      multiple: true,
      options: [
        { id: 'BILLING', labels: { en: 'Billing', de: 'Rechnung' } },
        { id: 'DELIVERY', labels: { en: 'Delivery' } },
      ],
    },
    {
      code: 'HELP_CSAT',
      kind: 'csat',
      labels: { en: 'How satisfied are you?' },
      follow_up: { reasons: [{ id: 'TOO_SLOW', labels: { en: 'It took too long' } }] },
    },
    { code: 'NOTE', kind: 'text', labels: { en: 'Anything else?' }, required: false },
  ]) {
    const created = await ctx.request('POST', '/v1/questions', { key: tenant.key, body });
    assert.equal(created.status, 201, JSON.stringify(created.body));
  }
  const conversation = await ctx.request('POST', '/v1/conversations', { key: tenant.key, body: { channel: 'chat' } });
  const offered = await ctx.request('POST', `/v1/conversations/${conversation.body.data.id}/ratings`, {
    key: tenant.key,
    body: { question_codes: ['TOPIC', 'HELP_CSAT', 'NOTE', 'NPS'], offered_at: '2026-03-02T10:00:00Z' },
  });
  assert.equal(offered.status, 201, JSON.stringify(offered.body));
  const answered = await ctx.request('POST', `/v1/ratings/${offered.body.data.id}/answers`, {
    key: tenant.key,
    body: {
      answers: [
        { code: 'TOPIC', choices: ['DELIVERY', 'BILLING'] },
        { code: 'HELP_CSAT', value: 2, reasons: ['TOO_SLOW'] },
        { code: 'NOTE', text: '=1+1, "quoted", and a comma' },
        { code: 'NPS', value: 9 },
      ],
      submitted_at: '2026-03-02T10:05:00Z',
    },
  });
  assert.equal(answered.status, 200, JSON.stringify(answered.body));
  // An edit afterwards renames BILLING: the export keeps what the rater saw.
  const edited = await ctx.request('PATCH', '/v1/questions/TOPIC', {
    key: tenant.key,
    body: {
      options: [
        { id: 'BILLING', labels: { en: 'Invoices' } },
        { id: 'DELIVERY', labels: { en: 'Delivery' } },
      ],
    },
  });
  assert.equal(edited.status, 200, JSON.stringify(edited.body));
}

describeEachDialect('Ratings exports with the organization’s own questions', (ctx) => {
  let tenant: Tenant;
  let other: Tenant;

  before(async () => {
    tenant = await ctx.newTenant('Exports of questions');
    other = await ctx.newTenant('Someone else');
    await setUp(ctx, tenant);
  });

  it('writes choices, reasons and text answers in CSV, labelled from the version answered', async () => {
    const answer = await download(ctx, tenant.key, '/v1/exports/ratings.csv');
    assert.equal(answer.status, 200, answer.text);
    const rows = parseCsv(answer.text);
    const pick = (code: string) => {
      const row = rows.find((candidate) => candidate.question_code === code)!;
      return [
        row.kind,
        row.value,
        row.question_version,
        row.choices,
        row.choice_labels,
        row.reasons,
        row.reason_labels,
        row.answer_text,
      ];
    };
    assert.deepEqual(pick('TOPIC'), [
      'choice',
      '',
      '1',
      '["DELIVERY","BILLING"]',
      '["Delivery","Billing"]',
      '',
      '',
      '',
    ]);
    assert.deepEqual(pick('HELP_CSAT'), ['csat', '2', '1', '', '', '["TOO_SLOW"]', '["It took too long"]', '']);
    // A formula-looking text is neutralised with a leading quote, as every text cell is.
    assert.deepEqual(pick('NOTE'), ['text', '', '1', '', '', '', '', `'=1+1, "quoted", and a comma`]);
    assert.deepEqual(pick('NPS'), ['nps', '9', '', '', '', '', '', '']);
  });

  it('writes them as JSON Lines fields: lists, null where nothing was asked', async () => {
    const lines = await jsonLines(ctx, tenant.key, '/v1/exports/ratings.jsonl');
    const topic = lines.find((line: any) => line.question_code === 'TOPIC');
    assert.deepEqual(
      [topic.question_version, topic.choices, topic.choice_labels, topic.reasons, topic.answer_text],
      [1, ['DELIVERY', 'BILLING'], ['Delivery', 'Billing'], null, null],
    );
    const note = lines.find((line: any) => line.question_code === 'NOTE');
    assert.equal(note.answer_text, '=1+1, "quoted", and a comma');
    const nps = lines.find((line: any) => line.question_code === 'NPS');
    assert.deepEqual([nps.question_version, nps.choices, nps.reasons, nps.answer_text], [null, null, null, null]);
  });

  it('labels in the organization’s default language', async () => {
    const settings = await ctx.request('PATCH', '/v1/rating-settings', { key: tenant.key, body: { language: 'de' } });
    assert.equal(settings.status, 200, JSON.stringify(settings.body));
    const topic = (await jsonLines(ctx, tenant.key, '/v1/exports/ratings.jsonl')).find(
      (line) => line.question_code === 'TOPIC',
    );
    // DELIVERY has no German label: English.
    assert.deepEqual(topic.choice_labels, ['Delivery', 'Rechnung']);
  });

  it('exports nothing of it to another organization', async () => {
    const answer = await download(ctx, other.key, '/v1/exports/ratings.csv');
    assert.equal(answer.status, 200);
    assert.deepEqual(parseCsv(answer.text), []);
  });
});
