import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, it } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import { describeEachDialect, type TestContext } from './helpers/app.js';
import { fill, operationsOf, seedOrganization, type Operation, type SeededOrganization } from './helpers/operations.js';
import {
  deepJson,
  hostileFor,
  hostileString,
  hostileValue,
  mutatedValue,
  tainted,
  validValue,
} from './helpers/schema-arbitrary.js';
import { signIn, tenantWithPassword, type Browser } from './helpers/sessions.js';

/**
 * Fuzzing every operation of the committed OpenAPI document (and the public rating page, which it does not list)
 * with fast-check: valid requests, valid requests with one thing wrong, and hostile ones — wrong types, missing and
 * unknown fields, huge strings, NUL bytes, lone surrogates, deep nesting, impossible dates and UUIDs, wrong content
 * types and empty bodies. No answer may be a 5xx or stray from the route's declared schema, and an answer 4xx must
 * leave every table (and every rollup figure) as it was. `FUZZ_RUNS` sets the requests per operation (`npm run fuzz`
 * runs many); `FUZZ_SEED` replays a run.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
// A fixed seed in `npm test`, so that CI is repeatable; `npm run fuzz` draws a new one each time (and prints it).
const SEED =
  process.env.FUZZ_SEED === 'random'
    ? Math.floor(Math.random() * 2 ** 31)
    : Number(process.env.FUZZ_SEED ?? 20_261_201);

const document = JSON.parse(readFileSync(new URL('../docs/openapi.json', import.meta.url), 'utf8'));

/** The rating page is server-rendered HTML outside the API document; it is attacked all the same. */
const RATING_PAGE: Operation[] = ['GET', 'POST'].map((method) => ({
  method,
  path: '/r/{code}',
  params: ['code'],
  spec: {},
  public: true,
  surface: 'session' as const,
}));
const OPERATIONS = [...operationsOf(document), ...RATING_PAGE];

interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

/** Percent-encodes text for a URL, lone surrogates included (as the three bytes a careless encoder would send). */
function percentEncode(text: string): string {
  let out = '';
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    const isHigh = unit >= 0xd800 && unit <= 0xdbff;
    const next = text.charCodeAt(index + 1);
    if (isHigh && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(text.slice(index, index + 2));
      index += 1;
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      out += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
        .map((byte) => `%${byte.toString(16).toUpperCase()}`)
        .join('');
    } else out += encodeURIComponent(text[index]!);
  }
  return out;
}

function queryString(pairs: Array<[string, string]>): string {
  return pairs.length === 0
    ? ''
    : `?${pairs.map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`).join('&')}`;
}

/** A value as a query string carries it. */
function asText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

interface Credentials {
  key: string;
  widgetToken: string;
  browser: Browser;
  ratingPage: { cookie: string; token: string };
}

const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-16',
  'application/xml',
];

interface Body {
  type?: string;
  payload?: string | Buffer;
}

const json = (value: unknown): Body => ({ type: 'application/json', payload: JSON.stringify(value) ?? '' });

/** A body the operation accepts (the rating page's form included), or none for operations without one. */
function validBody(operation: Operation, credentials: Credentials): fc.Arbitrary<Body> {
  if (operation.path === '/r/{code}') {
    return fc
      .record(
        {
          stars: fc.constantFrom('1', '3', '5'),
          comment: fc.string({ maxLength: 40 }),
          HELPFUL_THUMBS: fc.constantFrom('0', '1'),
        },
        { requiredKeys: ['stars'] },
      )
      .map((fields) => formBody({ ...fields, csrf_token: credentials.ratingPage.token }));
  }
  const schema = operation.spec.requestBody?.content?.['application/json']?.schema;
  return schema ? validValue(schema).map(json) : fc.constant({});
}

function formBody(fields: Record<string, string>): Body {
  return {
    type: 'application/x-www-form-urlencoded',
    payload: Object.entries(fields)
      .map(([name, value]) => `${name}=${percentEncode(value)}`)
      .join('&'),
  };
}

/** A body with something wrong: one field poisoned, dropped or unknown; or a hostile document; or another type. */
function hostileBody(operation: Operation, credentials: Credentials): fc.Arbitrary<Body> {
  if (operation.path === '/r/{code}') {
    const field = fc.oneof(fc.constantFrom('1', '5', '0', '11', '-1', '2.5', 'up'), hostileString);
    return fc
      .record(
        {
          stars: field,
          comment: fc.oneof(hostileString, tainted('Thanks for the help')),
          HELPFUL_THUMBS: field,
          NPS: field,
          csrf_token: fc.oneof({ weight: 4, arbitrary: fc.constant(credentials.ratingPage.token) }, hostileString),
        },
        { requiredKeys: ['csrf_token'] },
      )
      .map(formBody);
  }
  const schema = operation.spec.requestBody?.content?.['application/json']?.schema;
  const documents = fc.oneof(
    hostileValue.map(json),
    fc
      .constantFrom(
        '',
        '{',
        '{"a":',
        '[]',
        'null',
        '"text"',
        '{"__proto__":{"x":1}}',
        '{"constructor":{"prototype":{}}}',
      )
      .map((payload): Body => ({ type: 'application/json', payload })),
    fc.uint8Array({ maxLength: 64 }).map((bytes): Body => ({ type: 'application/json', payload: Buffer.from(bytes) })),
    fc
      .tuple(fc.constantFrom(...CONTENT_TYPES), fc.string({ maxLength: 40 }))
      .map(([type, payload]): Body => ({ type, payload })),
    fc.constant<Body>({}),
  );
  if (!schema) return documents;
  // A valid body with one field replaced by thousands of levels of nesting, as text.
  const deep = fc
    .tuple(
      validValue(schema),
      fc.constantFrom(...Object.keys(schema.properties ?? {}), 'metadata'),
      fc.integer({ min: 1000, max: 8000 }),
      fc.constantFrom('array' as const, 'object' as const),
    )
    .map(([value, field, depth, kind]): Body => {
      const rest = value && typeof value === 'object' && !Array.isArray(value) ? { ...value, [field]: undefined } : {};
      const tail = JSON.stringify(rest).slice(1);
      return {
        type: 'application/json',
        payload: `{"${field}":${deepJson(depth, kind)}${tail === '}' ? '}' : `,${tail}`}`,
      };
    });
  return fc.oneof(
    { weight: 5, arbitrary: mutatedValue(schema).map(json) },
    { weight: 2, arbitrary: documents },
    { weight: 1, arbitrary: deep },
  );
}

/** The headers that authenticate an operation: the key, the widget token, the dashboard session. */
function goodAuth(operation: Operation, credentials: Credentials): Record<string, string> {
  if (operation.surface === 'widget') return { authorization: `Bearer ${credentials.widgetToken}` };
  if (operation.path === '/r/{code}') return { cookie: credentials.ratingPage.cookie };
  if (operation.surface === 'session') {
    return { cookie: credentials.browser.cookie, 'x-csrf-token': credentials.browser.csrf };
  }
  return { authorization: `Bearer ${credentials.key}` };
}

const badAuth: fc.Arbitrary<Record<string, string>> = fc.oneof(
  fc.string({ unit: 'grapheme-ascii', maxLength: 80 }).map((text) => ({ authorization: `Bearer ${text}` })),
  fc.string({ unit: 'grapheme-ascii', maxLength: 80 }).map((text) => ({ authorization: text })),
  fc.string({ unit: 'grapheme-ascii', maxLength: 80 }).map((text) => ({ cookie: `plaudit_session=${text}` })),
  fc.constant({}),
);

type Part = 'none' | 'path' | 'query' | 'unknown-query' | 'body' | 'content-type' | 'auth';

/**
 * A request that is valid but for one part — a path parameter, a query parameter, the body, the content type or the
 * credentials — so that each hostile input reaches as deep into the handler as the valid rest lets it.
 */
function requestArbitrary(operation: Operation, seeded: SeededOrganization, credentials: Credentials) {
  const declared: Array<{ name: string; schema: any }> = (operation.spec.parameters ?? []).filter(
    (parameter: { in: string }) => parameter.in === 'query',
  );
  const hasBody = operation.method !== 'GET' && operation.method !== 'DELETE';
  const parts: Part[] = [
    'none',
    ...(operation.params.length > 0 ? (['path'] as const) : []),
    ...(declared.length > 0 ? (['query', 'query', 'query'] as const) : []),
    'unknown-query',
    ...(hasBody ? (['body', 'body', 'body', 'content-type'] as const) : []),
    'auth',
  ];
  const validQuery = fc.tuple(
    ...declared.map((parameter) =>
      fc.option(
        validValue(parameter.schema).map((value): [string, string] => [parameter.name, asText(value)]),
        { nil: undefined },
      ),
    ),
  );
  // Every arbitrary is built once per operation: building them per request (fast-check compiles each pattern) would
  // cost more than the requests themselves.
  const validUrl = fc.constant(
    operation.path === '/r/{code}' ? `/r/${seeded.ratingCode}` : (fill(operation, seeded.ids) ?? operation.path),
  );
  const hostileUrl = fc
    .tuple(
      fc.nat({ max: Math.max(0, operation.params.length - 1) }),
      fc.oneof(hostileString, hostileFor({ type: 'integer' })),
    )
    .map(([index, value]) => {
      let filled = operation.path;
      operation.params.forEach((param, at) => {
        const own = at === index ? percentEncode(asText(value)) || '%20' : undefined;
        filled = filled.replace(`{${param}}`, own ?? valueOfParam(operation, seeded, param));
      });
      return filled;
    });
  const presentPairs = (pairs: Array<[string, string] | undefined>) =>
    pairs.filter((pair): pair is [string, string] => pair !== undefined);
  const hostileQuery =
    declared.length === 0
      ? validQuery.map(presentPairs)
      : fc.oneof(
          ...declared.map((parameter, index) =>
            fc
              .tuple(validQuery, hostileFor(parameter.schema))
              .map(([pairs, value]) => [
                ...presentPairs(pairs.filter((_, at) => at !== index)),
                [parameter.name, asText(value)] as [string, string],
              ]),
          ),
        );
  const unknownQuery = fc
    .tuple(
      validQuery,
      fc.string({ minLength: 1, maxLength: 12 }),
      hostileString.filter((text) => text.length < 1000),
    )
    .map(([pairs, name, value]) => [...presentPairs(pairs), [name, value] as [string, string]]);
  const valid = validBody(operation, credentials);
  const wrongType = fc
    .tuple(valid, fc.constantFrom(...CONTENT_TYPES, ''))
    .map(([body, type]): Body => ({ ...body, type: type || undefined }));
  const hostile = hostileBody(operation, credentials);
  const good = fc.constant(goodAuth(operation, credentials));
  const request = (parts: {
    url?: fc.Arbitrary<string>;
    query?: fc.Arbitrary<Array<[string, string]>>;
    body?: fc.Arbitrary<Body>;
    auth?: fc.Arbitrary<Record<string, string>>;
  }) =>
    fc
      .record({
        url: parts.url ?? validUrl,
        query: parts.query ?? validQuery.map(presentPairs),
        body: parts.body ?? valid,
        auth: parts.auth ?? good,
      })
      .map(({ url, query, body, auth }): FuzzRequest => ({
        method: operation.method,
        url: `${url}${queryString(query)}`,
        headers: { ...auth, ...(body.type && hasBody ? { 'content-type': body.type } : {}) },
        payload: hasBody ? body.payload : undefined,
      }));
  const byPart: Record<Part, fc.Arbitrary<FuzzRequest>> = {
    none: request({}),
    path: request({ url: hostileUrl }),
    query: request({ query: hostileQuery }),
    'unknown-query': request({ query: unknownQuery }),
    body: request({ body: hostile }),
    'content-type': request({ body: wrongType }),
    auth: request({ auth: badAuth }),
  };
  return fc.oneof(...parts.map((part) => byPart[part]));
}

/** The seeded organization's value of one path parameter of the operation. */
function valueOfParam(operation: Operation, seeded: SeededOrganization, param: string): string {
  if (operation.path === '/r/{code}') return seeded.ratingCode;
  const template = operation.path.split('/');
  const filled = (fill(operation, seeded.ids) ?? operation.path).split('/');
  return filled[template.indexOf(`{${param}}`)] ?? '1';
}

interface Tables {
  names: string[];
  /** The columns of each rollup table. */
  rollups: Array<{ name: string; columns: string[] }>;
}

/** The database's tables (the migration bookkeeping aside) and the rollups' columns, read once per suite. */
async function tablesOf(ctx: TestContext): Promise<Tables> {
  const { db } = ctx.database;
  const tables =
    ctx.dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master
          where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'`.execute(db)
      : await sql<{ name: string }>`select tablename as name from pg_tables
          where schemaname = current_schema() and tablename not like 'kysely_%'`.execute(db);
  const names = tables.rows.map((row) => row.name).sort();
  const rollups = [];
  for (const name of names.filter((candidate) => candidate.startsWith('analytics_'))) {
    const columns = await db.introspection.getTables().then((all) => all.find((table) => table.name === name)!.columns);
    rollups.push({ name, columns: columns.map((column) => column.name) });
  }
  return { names, rollups };
}

/** Every table's row count and every rollup row, in one query: what a refused request must leave as it was. */
async function fingerprint(ctx: TestContext, tables: Tables): Promise<string> {
  const rowsOf = ({ name, columns }: { name: string; columns: string[] }) => {
    const row = sql.join(columns.map((column) => sql.ref(column)));
    return ctx.dialect === 'sqlite'
      ? sql`(select group_concat(j, ';') from (select json_array(${row}) as j from ${sql.table(name)} order by j))`
      : sql`(select string_agg(j, ';' order by j) from (select json_build_array(${row})::text as j from ${sql.table(name)}) t)`;
  };
  const columns = [
    ...tables.names.map((name) => sql`(select count(*) from ${sql.table(name)}) as ${sql.ref(`count_${name}`)}`),
    ...tables.rollups.map((rollup) => sql`${rowsOf(rollup)} as ${sql.ref(`rows_${rollup.name}`)}`),
  ];
  const { rows } = await sql<Record<string, unknown>>`select ${sql.join(columns)}`.execute(ctx.database.db);
  return JSON.stringify(rows[0]);
}

describeEachDialect('Fuzzing every operation of the API', (ctx) => {
  let seeded: SeededOrganization;
  let credentials: Credentials;
  let tables: Tables;
  const statuses = new Map<number, number>();

  after(() => {
    const total = [...statuses.values()].reduce((sum, count) => sum + count, 0);
    const byStatus = [...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}: ${count}`);
    process.stdout.write(
      `fuzz [${ctx.dialect}]: ${total} requests, ${RUNS} runs per operation, FUZZ_SEED=${SEED}; ${byStatus.join(', ')}\n`,
    );
  });

  before(async () => {
    const tenant = await tenantWithPassword(ctx, 'Fuzzed');
    seeded = await seedOrganization(ctx, tenant);
    const token = await ctx.request('POST', `/v1/conversations/${seeded.ids.conversationId}/widget-tokens`, {
      key: tenant.key,
      body: {},
    });
    assert.equal(token.status, 201);
    const page = await ctx.app.inject({ method: 'GET', url: `/r/${seeded.ratingCode}` });
    const cookie = String([page.headers['set-cookie']].flat()[0]).split(';')[0]!;
    const pageToken = /name="csrf_token" value="([^"]+)"/.exec(page.body)?.[1];
    assert.ok(pageToken, 'the rating page hands out its form token');
    tables = await tablesOf(ctx);
    credentials = {
      key: tenant.key,
      widgetToken: token.body.data.token,
      browser: await signIn(ctx, tenant.email),
      ratingPage: { cookie, token: pageToken },
    };
  });

  it('covers every operation of the document', () => {
    assert.ok(OPERATIONS.length >= 60, `${OPERATIONS.length} operations`);
  });

  for (const operation of OPERATIONS) {
    it(`${operation.method} ${operation.path}: no 5xx, the declared schema, nothing written on a refusal`, async () => {
      await fc.assert(
        fc.asyncProperty(requestArbitrary(operation, seeded, credentials), async (request) => {
          const before = await fingerprint(ctx, tables);
          const response = await ctx.app.inject({ ...request, method: request.method as 'GET' });
          const mismatches = ctx.app.schemaMismatches.splice(0);
          statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
          const where = `${request.method} ${request.url} -> ${response.statusCode} ${response.body.slice(0, 300)}`;
          assert.ok(response.statusCode < 500, where);
          assert.deepEqual(mismatches, [], where);
          if (response.statusCode >= 400)
            assert.equal(await fingerprint(ctx, tables), before, `a refusal wrote: ${where}`);
        }),
        { numRuns: RUNS, seed: SEED },
      );
    });
  }
});
