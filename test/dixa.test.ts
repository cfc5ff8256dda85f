import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { dixaChannel, dixaChannels, dixaTimestamp } from '../src/compat/dixa.js';
import {
  describeEachDialect,
  type ApiResponse,
  type RequestOptions,
  type Tenant,
  type TestContext,
} from './helpers/app.js';

// Dixa's own OpenAPI document of the ratings endpoints: the contract every answer below is checked against.
// Dixa's own OpenAPI file (the ratings part), kept as published.
const DIXA_SPEC = new URL('./fixtures/dixa-ratings.openapi.yaml', import.meta.url);
const SPEC_ID = 'dixa-ratings';

type ResponseSpec = {
  content?: Record<string, { schema?: object; example?: unknown; examples?: Record<string, { value: unknown }> }>;
};
type OperationSpec = { responses: Record<string, ResponseSpec>; deprecated?: boolean };
interface DixaSpec {
  paths: Record<string, Record<string, OperationSpec>>;
  components: { schemas: Record<string, { oneOf?: unknown[] } & Record<string, unknown>> };
}

/** Dixa's document with its `#/components/schemas/…` references pointing into one Ajv schema of definitions. */
function loadDixaSpec(): DixaSpec {
  const text = JSON.stringify(parse(readFileSync(DIXA_SPEC, 'utf8')));
  return JSON.parse(text.replaceAll('"#/components/schemas/', `"${SPEC_ID}#/definitions/`)) as DixaSpec;
}

function newAjv(definitions: object): Ajv {
  // strict: false because OpenAPI 3.0 adds keywords (example, deprecated) that JSON Schema does not know.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ $id: SPEC_ID, definitions });
  return ajv;
}

/**
 * Dixa's SubmittedRatingResult is a Scala (tapir) coproduct told apart by `_type`, the name of the branch's schema,
 * as every request and example of the document shows. The published document leaves that discriminator out, so its
 * three branches are the same schema and `oneOf` refuses every value, Dixa's own examples included (a test below shows
 * it). The contract used here puts the discriminator back, and nothing else.
 */
function withDiscriminator(spec: DixaSpec): DixaSpec {
  const schemas = structuredClone(spec.components.schemas);
  const names = ['Csat', 'Nps', 'ThumbsUpOrDown'];
  assert.deepEqual(
    schemas.SubmittedRatingResult!.oneOf,
    names.map((name) => ({ $ref: `${SPEC_ID}#/definitions/${name}` })),
    "Dixa's SubmittedRatingResult changed: revisit this patch",
  );
  schemas.SubmittedRatingResult!.oneOf = names.map((name) => ({
    allOf: [
      { $ref: `${SPEC_ID}#/definitions/${name}` },
      { type: 'object', required: ['_type'], properties: { _type: { const: name } } },
    ],
  }));
  return { ...spec, components: { schemas } };
}

const publishedSpec = loadDixaSpec();
const dixaSpec = withDiscriminator(publishedSpec);
const dixaAjv = newAjv(dixaSpec.components.schemas);
const validators = new Map<string, ValidateFunction>();

/** The operation of Dixa's document that a request goes to: `{param}` matches one path segment. */
function dixaOperation(method: string, url: string): { path: string; operation: OperationSpec } {
  const path = url.split('?')[0]!;
  for (const [template, operations] of Object.entries(dixaSpec.paths)) {
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    const operation = operations[method.toLowerCase()];
    if (pattern.test(path) && operation) return { path: template, operation };
  }
  throw new Error(`Dixa documents no operation ${method} ${path}`);
}

/**
 * Asserts that an answer is what Dixa's document declares for that operation and status. For an error status that
 * Dixa does not list for the operation (401, 403, 413, 415, 404 on submit), the body must still be Dixa's error shape:
 * BadRequest, NotFound and ServerError are one and the same `{message}`.
 */
function assertDixaContract(method: string, url: string, response: ApiResponse): void {
  const { path, operation } = dixaOperation(method, url);
  const status = String(response.status);
  let ref = operation.responses[status]?.content?.['application/json']?.schema;
  if (!ref && response.status >= 400) ref = { $ref: `${SPEC_ID}#/definitions/BadRequest` };
  assert.ok(ref, `Dixa documents no ${status} answer for ${method} ${path}: ${JSON.stringify(response.body)}`);
  const key = JSON.stringify(ref);
  let validate = validators.get(key);
  if (!validate) {
    validate = dixaAjv.compile(ref);
    validators.set(key, validate);
  }
  assert.ok(
    validate(response.body),
    `${method} ${path} -> ${status} breaks Dixa's schema: ${dixaAjv.errorsText(validate.errors)}\n` +
      JSON.stringify(response.body),
  );
  assert.match(String(response.headers['content-type']), /^application\/json/);
}

/** Calls the Dixa surface as Dixa clients do (the bare key) and checks the answer against Dixa's document. */
async function dixa(ctx: TestContext, method: string, url: string, options: RequestOptions = {}): Promise<ApiResponse> {
  const response = await ctx.request(method, url, { bare: true, ...options });
  assertDixaContract(method, url, response);
  return response;
}

/** Asserts a Dixa error: the status and `{"message"}` alone, with a sentence that says what is wrong. */
function assertDixaError(response: ApiResponse, status: number, message?: RegExp): void {
  assert.equal(response.status, status, `expected ${status}, got ${response.status}: ${JSON.stringify(response.body)}`);
  assert.deepEqual(Object.keys(response.body), ['message']);
  assert.ok(response.body.message.length > 10, `a useful message: ${response.body.message}`);
  if (message) assert.match(response.body.message, message);
}

// The request bodies of Dixa's documentation, exactly.
const OFFER_EXAMPLE = {
  userId: 'b0323b42-c428-4afa-970e-20bf5bdeeec4',
  agentId: 'eeb3bbe5-0355-4ac1-8af5-20d42a3db24b',
  ratingType: 'Csat',
  offeredAt: '2024-03-11T16:39:30Z',
};
const SUBMIT_EXAMPLE = {
  userId: 'd3cf6f15-1497-4e71-92f2-9b3b228352bd',
  ratingResult: { value: 4, _type: 'Csat' },
  comment: 'Best customer service ever!',
  submittedAt: '2024-03-11T16:39:30Z',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DIXA_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

describe('Dixa channels', () => {
  it("maps the free-form channel onto Dixa's enum, case-insensitively, with aliases", () => {
    const cases: Array<[string | null | undefined, string]> = [
      ['widget_chat', 'WidgetChat'],
      ['Web', 'WidgetChat'],
      ['chat', 'WidgetChat'],
      ['webchat', 'WidgetChat'],
      ['widget', 'WidgetChat'],
      ['live_chat', 'WidgetChat'],
      ['Live-Chat', 'WidgetChat'],
      ['EMAIL', 'Email'],
      ['e-mail', 'Email'],
      ['whatsapp', 'WhatsApp'],
      ['WhatsApp', 'WhatsApp'],
      ['phone', 'PstnPhone'],
      ['voice', 'PstnPhone'],
      ['pstn', 'PstnPhone'],
      ['call', 'PstnPhone'],
      ['pstn_phone', 'PstnPhone'],
      ['sms', 'Sms'],
      ['text', 'Sms'],
      ['messenger', 'Messenger'],
      ['facebook', 'FacebookMessenger'],
      ['facebook_messenger', 'FacebookMessenger'],
      ['Facebook Messenger', 'FacebookMessenger'],
      ['twitter', 'Twitter'],
      ['x', 'Twitter'],
      ['voicemail', 'Voicemail'],
      ['contact_form', 'ContactForm'],
      ['form', 'ContactForm'],
      ['callback', 'Callback'],
      ['carrier pigeon', 'WidgetChat'],
      ['', 'WidgetChat'],
      [null, 'WidgetChat'],
      [undefined, 'WidgetChat'],
      ['__proto__', 'WidgetChat'],
      ['constructor', 'WidgetChat'],
    ];
    for (const [channel, expected] of cases) assert.equal(dixaChannel(channel), expected, String(channel));
  });

  it('answers every Dixa channel for its own name, in any case', () => {
    for (const channel of dixaChannels) {
      assert.equal(dixaChannel(channel), channel);
      assert.equal(dixaChannel(channel.toUpperCase()), channel);
    }
  });

  it('writes timestamps like Dixa, to the second in UTC', () => {
    assert.equal(dixaTimestamp('2024-03-11T16:39:30.000Z'), '2024-03-11T16:39:30Z');
    assert.equal(dixaTimestamp('2024-03-11T16:39:30.987Z'), '2024-03-11T16:39:30Z');
  });
});

describe("Dixa's OpenAPI document as the contract", () => {
  const examples = (spec: DixaSpec) =>
    Object.entries(spec.paths).flatMap(([path, operations]) =>
      Object.entries(operations).flatMap(([method, operation]) =>
        Object.entries(operation.responses).flatMap(([status, response]) => {
          const content = response.content?.['application/json'];
          if (!content?.schema) return [];
          const values = [
            ...(content.example === undefined ? [] : [content.example]),
            ...Object.values(content.examples ?? {}).map((example) => example.value),
          ];
          return values.map((value) => ({ where: `${method} ${path} ${status}`, schema: content.schema!, value }));
        }),
      ),
    );

  it('accepts every example Dixa publishes', () => {
    const found = examples(dixaSpec);
    assert.ok(found.length >= 15, `${found.length} examples`);
    for (const { where, schema, value } of found) {
      const validate = dixaAjv.compile(schema);
      assert.ok(validate(value), `${where}: ${dixaAjv.errorsText(validate.errors)}`);
    }
  });

  it("needs the `_type` discriminator: as published, no rating result validates, not even Dixa's own example", () => {
    const published = newAjv(publishedSpec.components.schemas);
    const validate = published.compile({ $ref: `${SPEC_ID}#/definitions/CreateRatingResultOutput` });
    const example =
      publishedSpec.paths['/beta/conversations/{conversationId}/ratings/{ratingId}/submit']!.post!.responses['201']!
        .content!['application/json']!.example;
    assert.equal(validate(example), false);
    assert.match(published.errorsText(validate.errors), /oneOf/);
  });

  it('has one error shape: BadRequest, NotFound and ServerError are the same `{message}`', () => {
    const shape = ({ title: _title, ...schema }: Record<string, unknown>) => schema;
    const { BadRequest, NotFound, ServerError } = dixaSpec.components.schemas;
    assert.deepEqual(shape(NotFound!), shape(BadRequest!));
    assert.deepEqual(shape(ServerError!), shape(BadRequest!));
    assert.deepEqual(BadRequest!.required, ['message']);
  });

  it('still refuses what Dixa refuses: a result without _type, a score that is no integer, a missing message', () => {
    const result = dixaAjv.compile({ $ref: `${SPEC_ID}#/definitions/CreateRatingResultOutput` });
    assert.equal(result({ data: { ratingId: 'x', ratingResult: { value: 4 } } }), false);
    assert.equal(result({ data: { ratingId: 'x', ratingResult: { value: 4, _type: 'Stars' } } }), false);
    assert.equal(result({ data: { ratingId: 'x', ratingResult: { value: 4.5, _type: 'Csat' } } }), false);
    const list = dixaAjv.compile({ $ref: `${SPEC_ID}#/definitions/ListConversationRatingsOutput` });
    assert.equal(list({ data: [{ id: 'x', ratingType: 'Csat', userId: 'u', ratingStatus: 'Rated' }] }), false);
    assert.equal(dixaAjv.compile({ $ref: `${SPEC_ID}#/definitions/BadRequest` })({ error: 'x' }), false);
  });
});

describeEachDialect('Dixa ratings API', (ctx) => {
  const agent = 'a53b25da-f676-4c52-acac-58c9280aa23d';

  /** A conversation the way Plaudit's own API creates it; answers its integer id and UUID. */
  async function conversation(
    tenant: Tenant,
    fields: Record<string, unknown> = {},
  ): Promise<{ id: number; uid: string; contact: string }> {
    const contact = randomUUID();
    const response = await ctx.request('POST', '/v1/conversations', {
      key: tenant.key,
      body: { channel: 'phone', contact_id: contact, agent_id: agent, language: 'en', ...fields },
    });
    assert.equal(response.status, 201, JSON.stringify(response.body));
    return { id: response.body.data.id, uid: response.body.data.uid, contact: response.body.data.contact_id };
  }

  const base = (id: number | string) => `/beta/conversations/${id}`;
  const offer = (tenant: Tenant, id: number | string, body: unknown, key = tenant.key) =>
    dixa(ctx, 'POST', `${base(id)}/ratings/offer`, { key, body });
  const submit = (tenant: Tenant, id: number | string, ratingId: string, body: unknown, key = tenant.key) =>
    dixa(ctx, 'POST', `${base(id)}/ratings/${ratingId}/submit`, { key, body });
  const list = async (tenant: Tenant, id: number | string, key = tenant.key) => {
    const response = await dixa(ctx, 'GET', `${base(id)}/ratings`, { key });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    return response.body.data as Array<Record<string, any>>;
  };

  it("offers a rating exactly as Dixa's example does and answers the documented offer", async () => {
    const tenant = await ctx.newTenant();
    const { id } = await conversation(tenant);
    const response = await offer(tenant, id, OFFER_EXAMPLE);
    assert.equal(response.status, 201);
    const data = response.body.data;
    assert.deepEqual(Object.keys(data).sort(), ['agentId', 'id', 'offeredAt', 'ratingType', 'userId']);
    assert.match(data.id, UUID);
    assert.equal(data.userId, OFFER_EXAMPLE.userId);
    assert.equal(data.agentId, OFFER_EXAMPLE.agentId);
    assert.equal(data.ratingType, 'Csat');
    assert.equal(data.offeredAt, '2024-03-11T16:39:30Z');
  });

  it("submits a result exactly as Dixa's example does and answers the documented result", async () => {
    const tenant = await ctx.newTenant();
    const { id } = await conversation(tenant);
    const offered = (await offer(tenant, id, OFFER_EXAMPLE)).body.data;
    const response = await submit(tenant, id, offered.id, SUBMIT_EXAMPLE);
    assert.equal(response.status, 201);
    assert.deepEqual(response.body, {
      data: {
        ratingId: offered.id,
        // The deprecated userId of the request is ignored: the rating's user is the one it was offered to.
        userId: OFFER_EXAMPLE.userId,
        ratingResult: { value: 4, _type: 'Csat' },
        comment: 'Best customer service ever!',
        submittedAt: '2024-03-11T16:39:30Z',
      },
    });
  });

  it("lists the ratings exactly as Dixa's example asks for them", async () => {
    const tenant = await ctx.newTenant();
    const { id } = await conversation(tenant, { channel: 'PSTN' });
    const offered = (await offer(tenant, id, OFFER_EXAMPLE)).body.data;
    await submit(tenant, id, offered.id, SUBMIT_EXAMPLE);
    const data = await list(tenant, id);
    assert.equal(data.length, 1);
    const { timestamps, ...rest } = data[0]!;
    assert.deepEqual(rest, {
      id: offered.id,
      ratingScore: 4,
      ratingType: 'Csat',
      ratingComment: 'Best customer service ever!',
      conversationChannel: 'PstnPhone',
      agentId: OFFER_EXAMPLE.agentId,
      userId: OFFER_EXAMPLE.userId,
      ratingStatus: 'Rated',
      language: 'en',
    });
    assert.deepEqual(Object.keys(timestamps).sort(), ['created_at', 'modified_at', 'offered_at', 'rated_at']);
    assert.equal(timestamps.offered_at, '2024-03-11T16:39:30Z');
    assert.equal(timestamps.rated_at, '2024-03-11T16:39:30Z');
    for (const value of Object.values(timestamps)) assert.match(String(value), DIXA_TIME);
  });

  it('lists an empty conversation as an empty list, and finds the conversation by UUID too', async () => {
    const tenant = await ctx.newTenant();
    const { id, uid } = await conversation(tenant);
    assert.deepEqual(await list(tenant, id), []);
    await offer(tenant, uid, { ratingType: 'Nps' });
    assert.deepEqual(await list(tenant, uid), await list(tenant, id));
    assert.equal((await list(tenant, uid.toUpperCase())).length, 1);
  });

  it("defaults userId and agentId to the conversation's contact and agent, and offeredAt to now", async () => {
    const tenant = await ctx.newTenant();
    const { id, contact } = await conversation(tenant);
    const before = dixaTimestamp(new Date(Date.now() - 1000).toISOString());
    const data = (await offer(tenant, id, { ratingType: 'ThumbsUpOrDown' })).body.data;
    assert.equal(data.userId, contact);
    assert.equal(data.agentId, agent);
    assert.equal(data.ratingType, 'ThumbsUpOrDown');
    assert.match(data.offeredAt, DIXA_TIME);
    assert.ok(data.offeredAt >= before);
  });

  it('reports a three-question survey as three elements with one id: offered, partly answered, answered', async () => {
    const tenant = await ctx.newTenant();
    const { id } = await conversation(tenant, { channel: 'email' });
    const nps = (await offer(tenant, id, { ratingType: 'Nps' })).body.data;
    const csat = (await offer(tenant, id, { ratingType: 'Csat' })).body.data;
    const thumbs = (await offer(tenant, id, { ratingType: 'ThumbsUpOrDown' })).body.data;
    assert.equal(csat.id, nps.id, 'Csat joins the open survey');
    assert.equal(thumbs.id, nps.id, 'ThumbsUpOrDown joins the open survey');

    const offered = await list(tenant, id);
    assert.deepEqual(
      offered.map((element) => [element.id, element.ratingType, element.ratingStatus, element.conversationChannel]),
      [
        [nps.id, 'Nps', 'Offered', 'Email'],
        [nps.id, 'Csat', 'Offered', 'Email'],
        [nps.id, 'ThumbsUpOrDown', 'Offered', 'Email'],
      ],
    );
    for (const element of offered) {
      assert.equal(element.ratingScore, undefined);
      assert.equal(element.ratingComment, undefined);
      assert.equal(element.timestamps.rated_at, undefined);
      assert.deepEqual(Object.keys(element.timestamps).sort(), ['created_at', 'modified_at', 'offered_at']);
    }

    const npsResult = await submit(tenant, id, nps.id, {
      ratingResult: { value: 8, _type: 'Nps' },
      submittedAt: '2025-10-12T12:46:40Z',
    });
    assert.equal(npsResult.status, 201);
    assert.equal(npsResult.body.data.comment, undefined, 'no comment, no comment field');
    const partly = await list(tenant, id);
    assert.deepEqual(
      partly.map((element) => [element.ratingType, element.ratingStatus, element.ratingScore ?? null]),
      [
        ['Nps', 'Rated', 8],
        ['Csat', 'Offered', null],
        ['ThumbsUpOrDown', 'Offered', null],
      ],
    );
    assert.equal(partly[0]!.timestamps.rated_at, '2025-10-12T12:46:40Z');
    assert.equal(partly[1]!.timestamps.rated_at, undefined);

    await submit(tenant, id, nps.id, { ratingResult: { value: 5, _type: 'Csat' }, comment: 'Super good!' });
    await submit(tenant, id, nps.id, { ratingResult: { value: 1, _type: 'ThumbsUpOrDown' }, comment: 'Nice!' });
    const answered = await list(tenant, id);
    assert.deepEqual(
      answered.map((element) => [
        element.id,
        element.ratingType,
        element.ratingStatus,
        element.ratingScore,
        element.ratingComment ?? null,
      ]),
      [
        [nps.id, 'Nps', 'Rated', 8, null],
        [nps.id, 'Csat', 'Rated', 5, 'Super good!'],
        [nps.id, 'ThumbsUpOrDown', 'Rated', 1, 'Nice!'],
      ],
    );
    for (const element of answered) assert.match(element.timestamps.rated_at, DIXA_TIME);

    const next = (await offer(tenant, id, { ratingType: 'Csat' })).body.data;
    assert.notEqual(next.id, nps.id, 'once answered, a new offer begins a new survey');
    const all = await list(tenant, id);
    assert.deepEqual(
      all.map((element) => [element.id, element.ratingStatus]),
      [...answered.map((element) => [element.id, element.ratingStatus]), [next.id, 'Offered']],
    );
  });

  it('answers the open offer again when a type already waiting is offered again', async () => {
    const tenant = await ctx.newTenant();
    const { id } = await conversation(tenant);
    const first = await offer(tenant, id, { ratingType: 'Csat', offeredAt: '2025-09-25T14:35:53Z' });
    const again = await offer(tenant, id, { ratingType: 'Csat', offeredAt: '2025-09-26T10:00:00Z' });
    assert.equal(again.status, 201);
    assert.deepEqual(again.body, first.body);
    assert.equal((await list(tenant, id)).length, 1);
  });

  it('lets a submitted result be changed by submitting again', async () => {
    const tenant = await ctx.newTenant();
    const { id } = await conversation(tenant);
    const offered = (await offer(tenant, id, { ratingType: 'Nps' })).body.data;
    await submit(tenant, id, offered.id, { ratingResult: { value: 3, _type: 'Nps' } });
    const changed = await submit(tenant, id, offered.id, { ratingResult: { value: 10, _type: 'Nps' } });
    assert.equal(changed.status, 201);
    assert.deepEqual(changed.body.data.ratingResult, { value: 10, _type: 'Nps' });
    const data = await list(tenant, id);
    assert.deepEqual(
      data.map((element) => [element.ratingStatus, element.ratingScore]),
      [['Rated', 10]],
    );
  });

  it('shows a Healvi-style invite answered with 5 stars as a rated Csat', async () => {
    const tenant = await ctx.newTenant();
    const { id, contact } = await conversation(tenant, { channel: 'whatsapp', language: 'da' });
    const invite = await ctx.request('POST', `/v1/conversations/${id}/rating-invites`, { key: tenant.key });
    assert.equal(invite.status, 201);
    const rating = invite.body.data.rating;
    const answered = await ctx.request('POST', `/v1/ratings/${rating.id}/answers`, {
      key: tenant.key,
      body: { answers: [{ code: 'STARS', value: 5 }] },
    });
    assert.equal(answered.status, 200, JSON.stringify(answered.body));
    const data = await list(tenant, id);
    assert.equal(data.length, rating.questions.length);
    assert.ok(data.every((element) => element.id === rating.uid));
    const stars = data.find((element) => element.ratingType === 'Csat')!;
    assert.equal(stars.ratingScore, 5);
    assert.equal(stars.ratingStatus, 'Rated');
    assert.equal(stars.conversationChannel, 'WhatsApp');
    assert.equal(stars.userId, contact);
    assert.equal(stars.agentId, agent);
    assert.equal(stars.language, 'da');
    assert.match(stars.timestamps.rated_at, DIXA_TIME);
    const others = data.filter((element) => element !== stars);
    assert.ok(others.every((element) => element.ratingType === 'ThumbsUpOrDown' && element.ratingStatus === 'Offered'));
  });

  it("answers an invite's thumbs question from Dixa, through the same survey id", async () => {
    const tenant = await ctx.newTenant();
    const { id } = await conversation(tenant);
    const rating = (await ctx.request('POST', `/v1/conversations/${id}/rating-invites`, { key: tenant.key })).body.data
      .rating;
    const offered = (await offer(tenant, id, { ratingType: 'ThumbsUpOrDown' })).body.data;
    assert.equal(offered.id, rating.uid, 'the open invite is the open survey');
    const result = await submit(tenant, id, rating.uid, { ratingResult: { value: 0, _type: 'ThumbsUpOrDown' } });
    assert.equal(result.status, 201);
    assert.deepEqual(result.body.data.ratingResult, { value: 0, _type: 'ThumbsUpOrDown' });
  });

  it('omits what Plaudit does not know: agentId, language and comment; any channel it cannot map is WidgetChat', async () => {
    const tenant = await ctx.newTenant();
    const created = await ctx.request('POST', '/v1/conversations', { key: tenant.key, body: {} });
    const id = created.body.data.id;
    const invite = await ctx.request('POST', `/v1/conversations/${id}/rating-invites`, { key: tenant.key });
    assert.equal(invite.status, 201);
    const data = await list(tenant, id);
    assert.ok(data.length > 0);
    for (const element of data) {
      assert.equal('agentId' in element, false);
      assert.equal('language' in element, false);
      assert.equal('ratingComment' in element, false);
      assert.equal(element.conversationChannel, 'WidgetChat');
    }
  });

  it('reports the questions of a cancelled or expired survey that were never answered as Cancelled', async () => {
    const tenant = await ctx.newTenant();
    const { id } = await conversation(tenant);
    const offered = (await offer(tenant, id, { ratingType: 'Nps' })).body.data;
    await offer(tenant, id, { ratingType: 'Csat' });
    await submit(tenant, id, offered.id, { ratingResult: { value: 9, _type: 'Nps' } });
    const cancelled = await ctx.request('POST', `/v1/ratings/${offered.id}/cancel`, { key: tenant.key });
    assert.equal(cancelled.status, 200);
    assert.deepEqual(
      (await list(tenant, id)).map((element) => [element.ratingType, element.ratingStatus]),
      [
        ['Nps', 'Rated'],
        ['Csat', 'Cancelled'],
      ],
    );
    const refused = await submit(tenant, id, offered.id, { ratingResult: { value: 5, _type: 'Csat' } });
    assertDixaError(refused, 409, /cancelled/);

    const other = await conversation(tenant);
    const invite = (await ctx.request('POST', `/v1/conversations/${other.id}/rating-invites`, { key: tenant.key })).body
      .data.rating;
    await ctx.database.db
      .updateTable('ratings')
      .set({ expires_at: '2001-01-01T00:00:00.000Z' })
      .where('id', '=', invite.id)
      .execute();
    const expired = await list(tenant, other.id);
    assert.ok(expired.length > 0);
    assert.ok(expired.every((element) => element.ratingStatus === 'Cancelled'));
    assertDixaError(
      await submit(tenant, other.id, invite.uid, { ratingResult: { value: 5, _type: 'Csat' } }),
      410,
      /expired/,
    );
  });

  it('answers the agentId of an offer that joins a survey begun without an agent', async () => {
    const tenant = await ctx.newTenant();
    const created = await ctx.request('POST', '/v1/conversations', { key: tenant.key, body: { channel: 'email' } });
    const id = created.body.data.id;
    const invite = (await ctx.request('POST', `/v1/conversations/${id}/rating-invites`, { key: tenant.key })).body.data
      .rating;
    const offered = await offer(tenant, id, { ratingType: 'Nps', agentId: OFFER_EXAMPLE.agentId });
    assert.equal(offered.status, 201);
    assert.equal(offered.body.data.id, invite.uid, 'the offer joins the open survey');
    assert.equal(offered.body.data.agentId, OFFER_EXAMPLE.agentId);
    // Offering the same open type again needs no agent: it is the same offer.
    const again = await offer(tenant, id, { ratingType: 'Nps' });
    assert.equal(again.status, 201);
    assert.equal(again.body.data.id, invite.uid);
  });

  it('gives an open invite the agent of a Csat offer that joins its stars question', async () => {
    const tenant = await ctx.newTenant();
    const created = await ctx.request('POST', '/v1/conversations', { key: tenant.key, body: { channel: 'email' } });
    const id = created.body.data.id;
    const invite = (await ctx.request('POST', `/v1/conversations/${id}/rating-invites`, { key: tenant.key })).body.data
      .rating;
    const offered = await offer(tenant, id, { ratingType: 'Csat', agentId: OFFER_EXAMPLE.agentId });
    assert.equal(offered.status, 201);
    assert.equal(offered.body.data.id, invite.uid, "the Csat offer is the invite's waiting stars question");
    assert.equal(offered.body.data.agentId, OFFER_EXAMPLE.agentId);
    assert.ok((await list(tenant, id)).every((element) => element.agentId === OFFER_EXAMPLE.agentId));
  });

  it('starts a survey of its own for an offer to another contact or agent', async () => {
    const tenant = await ctx.newTenant();
    const { id } = await conversation(tenant);
    const first = await offer(tenant, id, { ratingType: 'Csat' });
    const otherContact = await offer(tenant, id, { ratingType: 'Nps', userId: OFFER_EXAMPLE.userId });
    assert.notEqual(otherContact.body.data.id, first.body.data.id);
    assert.equal(otherContact.body.data.userId, OFFER_EXAMPLE.userId);
    const otherAgent = await offer(tenant, id, { ratingType: 'ThumbsUpOrDown', agentId: OFFER_EXAMPLE.agentId });
    assert.notEqual(otherAgent.body.data.id, first.body.data.id);
    assert.equal(otherAgent.body.data.agentId, OFFER_EXAMPLE.agentId);
  });

  it('shows the comment given with a native answer on the answered questions', async () => {
    const tenant = await ctx.newTenant();
    const { id } = await conversation(tenant);
    const offered = await offer(tenant, id, { ratingType: 'Csat' });
    const answered = await ctx.request('POST', `/v1/ratings/${offered.body.data.id}/answers`, {
      key: tenant.key,
      body: { answers: [{ code: 'CSAT', value: 4 }], comment: 'Helpful' },
    });
    assert.equal(answered.status, 200);
    const [element] = await list(tenant, id);
    assert.equal(element?.ratingComment, 'Helpful');
  });

  it('accepts fields it does not know and null for the optional ones, as Dixa does', async () => {
    const tenant = await ctx.newTenant();
    const { id, contact } = await conversation(tenant);
    const offered = await offer(tenant, id, {
      ratingType: 'Csat',
      userId: null,
      agentId: null,
      offeredAt: null,
      surveyTemplate: 'default',
    });
    assert.equal(offered.status, 201);
    assert.equal(offered.body.data.userId, contact);
    const result = await submit(tenant, id, offered.body.data.id, {
      userId: null,
      ratingResult: { value: 2, _type: 'Csat', scale: 5 },
      comment: null,
      submittedAt: null,
      channel: 'email',
    });
    assert.equal(result.status, 201);
    assert.equal('comment' in result.body.data, false);
  });

  it('refuses an offer when Plaudit can name no agent, and asks for agentId', async () => {
    const tenant = await ctx.newTenant();
    const created = await ctx.request('POST', '/v1/conversations', { key: tenant.key, body: { channel: 'email' } });
    const id = created.body.data.id;
    assertDixaError(await offer(tenant, id, { ratingType: 'Csat' }), 400, /agentId/);
    assert.deepEqual(await list(tenant, id), []);
    assert.equal((await offer(tenant, id, { ratingType: 'Csat', agentId: agent })).status, 201);
  });

  describe('bad input answers 400 and writes nothing', () => {
    const badOffers: Array<[string, unknown, RegExp]> = [
      ['no ratingType', { userId: OFFER_EXAMPLE.userId }, /ratingType is required/],
      ['an unknown ratingType', { ratingType: 'Stars' }, /ratingType must be one of: Csat, Nps, ThumbsUpOrDown/],
      ['a ratingType in the wrong case', { ratingType: 'csat' }, /ratingType must be one of/],
      ['a ratingType that is a number', { ratingType: 1 }, /ratingType must be one of/],
      ['a userId that is no UUID', { ratingType: 'Csat', userId: 'customer-7' }, /userId must be a valid uuid/],
      ['an agentId that is no UUID', { ratingType: 'Csat', agentId: 42 }, /agentId must be a string or null/],
      ['an offeredAt that is no date-time', { ratingType: 'Csat', offeredAt: 'yesterday' }, /offeredAt/],
      ['an offeredAt without a time zone', { ratingType: 'Csat', offeredAt: '2024-03-11T16:39:30' }, /offeredAt/],
      ['an offeredAt before 1970', { ratingType: 'Csat', offeredAt: '1969-12-31T23:59:59Z' }, /offeredAt/],
      ['a body that is an array', [OFFER_EXAMPLE], /body must be an object/],
      ['a body that is null', null, /body/],
    ];
    for (const [what, body, message] of badOffers) {
      it(`offer: ${what}`, async () => {
        const tenant = await ctx.newTenant();
        const { id } = await conversation(tenant);
        assertDixaError(await offer(tenant, id, body), 400, message);
        assert.deepEqual(await list(tenant, id), []);
      });
    }

    const badResults: Array<[string, Record<string, unknown>, RegExp]> = [
      ['no ratingResult', { comment: 'x' }, /ratingResult is required/],
      ['a ratingResult without value', { ratingResult: { _type: 'Csat' } }, /ratingResult\.value is required/],
      ['a ratingResult without _type', { ratingResult: { value: 4 } }, /ratingResult\._type is required/],
      ['an unknown _type', { ratingResult: { value: 4, _type: 'Stars' } }, /_type must be one of/],
      [
        'a Csat of 6',
        { ratingResult: { value: 6, _type: 'Csat' } },
        /Csat rating must be a whole number from 1 to 5; got 6/,
      ],
      ['a Csat of 0', { ratingResult: { value: 0, _type: 'Csat' } }, /from 1 to 5; got 0/],
      ['an Nps of 11', { ratingResult: { value: 11, _type: 'Nps' } }, /Nps rating must be a whole number from 0 to 10/],
      ['an Nps of -1', { ratingResult: { value: -1, _type: 'Nps' } }, /from 0 to 10; got -1/],
      ['a thumbs of 2', { ratingResult: { value: 2, _type: 'ThumbsUpOrDown' } }, /must be 0 \(thumbs down\) or 1/],
      ['a value that is no integer', { ratingResult: { value: 4.5, _type: 'Csat' } }, /value must be an integer/],
      ['a value sent as text', { ratingResult: { value: '4', _type: 'Csat' } }, /value must be an integer/],
      ['a value of null', { ratingResult: { value: null, _type: 'Csat' } }, /value must be an integer/],
      ['a type the survey did not offer', { ratingResult: { value: 8, _type: 'Nps' } }, /offered no Nps question/],
      ['a comment that is a number', { ratingResult: { value: 4, _type: 'Csat' }, comment: 5 }, /comment must be/],
      [
        'a comment over 2000 characters',
        { ratingResult: { value: 4, _type: 'Csat' }, comment: 'x'.repeat(2001) },
        /comment/,
      ],
      [
        'a submittedAt that is no date-time',
        { ratingResult: { value: 4, _type: 'Csat' }, submittedAt: 'now' },
        /submittedAt/,
      ],
      ['a userId that is a number', { ratingResult: { value: 4, _type: 'Csat' }, userId: 7 }, /userId must be/],
    ];
    for (const [what, body, message] of badResults) {
      it(`submit: ${what}`, async () => {
        const tenant = await ctx.newTenant();
        const { id } = await conversation(tenant);
        const offered = (await offer(tenant, id, { ratingType: 'Csat' })).body.data;
        const before = await list(tenant, id);
        assertDixaError(await submit(tenant, id, offered.id, body), 400, message);
        assert.deepEqual(await list(tenant, id), before);
      });
    }

    it('a body that is not JSON, on either POST', async () => {
      const tenant = await ctx.newTenant();
      const { id } = await conversation(tenant);
      const offered = (await offer(tenant, id, { ratingType: 'Csat' })).body.data;
      const before = await list(tenant, id);
      const json = { 'content-type': 'application/json' };
      for (const url of [`${base(id)}/ratings/offer`, `${base(id)}/ratings/${offered.id}/submit`]) {
        assertDixaError(
          await dixa(ctx, 'POST', url, { key: tenant.key, payload: '{"ratingType": Csat}', headers: json }),
          400,
          /not valid JSON/,
        );
        assertDixaError(
          await dixa(ctx, 'POST', url, { key: tenant.key, payload: '', headers: json }),
          400,
          /body must be an object/,
        );
        assertDixaError(
          await dixa(ctx, 'POST', url, {
            key: tenant.key,
            payload: 'ratingType=Csat',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
          }),
          415,
          /JSON/,
        );
      }
      assert.deepEqual(await list(tenant, id), before);
    });

    it('path values that are no conversation id or rating id', async () => {
      const tenant = await ctx.newTenant();
      const { id } = await conversation(tenant);
      const offered = (await offer(tenant, id, { ratingType: 'Csat' })).body.data;
      const before = await list(tenant, id);
      const message = /^path\.conversationId must be the conversation's integer id \(or its UUID\)\.$/;
      // Ids are int64s, as Dixa's document declares them: one beyond that is no id.
      for (const bad of ['abc', '-1', '1.5', '1e3', '0x10', '9223372036854775808', `${randomUUID()}x`]) {
        assertDixaError(await dixa(ctx, 'GET', `${base(bad)}/ratings`, { key: tenant.key }), 400, message);
        assertDixaError(await dixa(ctx, 'GET', `${base(bad)}/rating`, { key: tenant.key }), 400, message);
        assertDixaError(await offer(tenant, bad, { ratingType: 'Csat' }), 400, message);
        const result = await submit(tenant, bad, offered.id, { ratingResult: { value: 4, _type: 'Csat' } });
        assertDixaError(result, 400, message);
      }
      for (const bad of ['abc', '42', offered.id.slice(0, 35)]) {
        const result = await submit(tenant, id, bad, { ratingResult: { value: 4, _type: 'Csat' } });
        assertDixaError(result, 400, /^path\.ratingId must be the id of a rating offer \(a UUID\)\.$/);
      }
      assert.deepEqual(await list(tenant, id), before);
    });
  });

  describe("404 for what is unknown or another organization's", () => {
    it('an unknown conversation or rating', async () => {
      const tenant = await ctx.newTenant();
      const { id } = await conversation(tenant);
      const offered = (await offer(tenant, id, { ratingType: 'Csat' })).body.data;
      const result = { ratingResult: { value: 4, _type: 'Csat' } };
      // Any int64 that names no conversation of the organization is one that does not exist.
      for (const unknown of [999_999_999, 0, '9999999999999999', '9223372036854775807', randomUUID()]) {
        assertDixaError(await dixa(ctx, 'GET', `${base(unknown)}/ratings`, { key: tenant.key }), 404, /conversation/);
        assertDixaError(await dixa(ctx, 'GET', `${base(unknown)}/rating`, { key: tenant.key }), 404, /conversation/);
        assertDixaError(await offer(tenant, unknown, OFFER_EXAMPLE), 404, /conversation/);
        assertDixaError(await submit(tenant, unknown, offered.id, result), 404, /conversation/);
      }
      assertDixaError(await submit(tenant, id, randomUUID(), result), 404, /rating/);
      const other = await conversation(tenant);
      assertDixaError(await submit(tenant, other.id, offered.id, result), 404, /rating/);
      assert.equal((await list(tenant, id))[0]!.ratingStatus, 'Offered');
    });

    it("another organization's conversation and rating, leaving the owner's untouched", async () => {
      const owner = await ctx.newTenant();
      const { id, uid } = await conversation(owner);
      const offered = (await offer(owner, id, { ratingType: 'Csat' })).body.data;
      const before = await list(owner, id);

      const intruder = await ctx.newTenant();
      const theirs = await conversation(intruder);
      const result = { ratingResult: { value: 1, _type: 'Csat' }, comment: 'intruder' };
      for (const ref of [id, uid]) {
        assertDixaError(await dixa(ctx, 'GET', `${base(ref)}/ratings`, { key: intruder.key }), 404, /conversation/);
        assertDixaError(await dixa(ctx, 'GET', `${base(ref)}/rating`, { key: intruder.key }), 404, /conversation/);
        assertDixaError(await offer(intruder, ref, { ratingType: 'Nps' }), 404, /conversation/);
        assertDixaError(await submit(intruder, ref, offered.id, result), 404, /conversation/);
      }
      assertDixaError(await submit(intruder, theirs.id, offered.id, result), 404, /rating/);
      assert.deepEqual(await list(intruder, theirs.id), []);
      assert.deepEqual(await list(owner, id), before);
    });
  });

  describe('keys and scopes', () => {
    it("answers 401 in Dixa's shape without a key or with an unknown one", async () => {
      const tenant = await ctx.newTenant();
      const { id } = await conversation(tenant);
      const offered = (await offer(tenant, id, { ratingType: 'Csat' })).body.data;
      const calls: Array<[string, string, unknown]> = [
        ['POST', `${base(id)}/ratings/offer`, OFFER_EXAMPLE],
        ['POST', `${base(id)}/ratings/${offered.id}/submit`, SUBMIT_EXAMPLE],
        ['GET', `${base(id)}/ratings`, undefined],
        ['GET', `${base(id)}/rating`, undefined],
      ];
      for (const [method, url, body] of calls) {
        assertDixaError(await dixa(ctx, method, url, { body }), 401, /API key/);
        assertDixaError(await dixa(ctx, method, url, { key: 'YOUR_API_KEY_HERE', body }), 401);
      }
      assert.equal((await list(tenant, id))[0]!.ratingStatus, 'Offered');
    });

    it('lets read_all list and refuses it both POSTs with 403 naming write_all, changing nothing', async () => {
      const tenant = await ctx.newTenant();
      const { id } = await conversation(tenant);
      const offered = (await offer(tenant, id, { ratingType: 'Csat' })).body.data;
      const reader = await ctx.newKey(tenant, ['read_all']);
      const before = await list(tenant, id);
      assert.deepEqual(await list(tenant, id, reader.key), before);
      for (const response of [
        await offer(tenant, id, { ratingType: 'Nps' }, reader.key),
        await submit(tenant, id, offered.id, SUBMIT_EXAMPLE, reader.key),
      ]) {
        assertDixaError(response, 403);
        assert.deepEqual(response.body, { message: 'Insufficient token scope. Required: write_all' });
      }
      assert.deepEqual(await list(tenant, id), before);
    });
  });

  it('answers the deprecated /rating like /ratings, and marks it deprecated', async () => {
    const tenant = await ctx.newTenant();
    const { id } = await conversation(tenant);
    const nps = (await offer(tenant, id, { ratingType: 'Nps' })).body.data;
    await offer(tenant, id, { ratingType: 'Csat' });
    await submit(tenant, id, nps.id, { ratingResult: { value: 7, _type: 'Nps' } });
    const deprecated = await dixa(ctx, 'GET', `${base(id)}/rating`, { key: tenant.key });
    assert.equal(deprecated.status, 200);
    assert.deepEqual(deprecated.body.data, await list(tenant, id));
    assert.equal(deprecated.body.data.length, 2);

    const document = ctx.app.swagger() as { paths: Record<string, Record<string, { deprecated?: boolean }>> };
    assert.equal(document.paths['/beta/conversations/{conversationId}/rating']!.get!.deprecated, true);
    assert.notEqual(document.paths['/beta/conversations/{conversationId}/ratings']!.get!.deprecated, true);
  });
});
