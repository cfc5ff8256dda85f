// The typed client (packages/client) against a real Plaudit listening on a port, on every dialect; and the check
// that its generated types are those of the committed OpenAPI document.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { before, describe, it } from 'node:test';
import { createPlauditClient, PlauditError, type PlauditClient } from '../packages/client/src/index.js';
import { clientSchemaUrl, renderClientSchema } from '../scripts/client-schema.js';
import { describeEachDialect, type Tenant } from './helpers/app.js';

describe('packages/client/src/schema.d.ts', () => {
  it('is generated from the committed docs/openapi.json (npm run client:generate rewrites it)', async () => {
    const openapi = readFileSync(new URL('../docs/openapi.json', import.meta.url), 'utf8');
    const committed = readFileSync(clientSchemaUrl, 'utf8');
    assert.equal(committed, await renderClientSchema(openapi), 'schema.d.ts is stale: run npm run client:generate');
  });
});

/** Rejects unless `promise` fails with a PlauditError of this status and code. */
async function assertPlauditError(promise: Promise<unknown>, status: number, code: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof PlauditError, `expected a PlauditError, got ${String(error)}`);
    assert.equal(error.status, status);
    assert.equal(error.code, code);
    assert.ok(error.message.length > 0);
    return true;
  });
}

describeEachDialect('@plaudit/client', (ctx) => {
  let baseUrl = '';
  let tenant: Tenant;
  let client: PlauditClient;

  before(async () => {
    await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(ctx.app.server.address() as AddressInfo).port}`;
    tenant = await ctx.newTenant('Client');
    client = createPlauditClient({ baseUrl, apiKey: tenant.key });
  });

  it('records a conversation, offers and answers a survey, likes a message and reads the figures', async () => {
    const conversation = await client.createConversation({
      external_id: 'client-1',
      channel: 'widget_chat',
      messages: [
        { role: 'user', text: 'Where is my parcel?' },
        { role: 'ai', text: 'It arrives tomorrow.' },
      ],
    });
    assert.equal(conversation.message_count, 2);
    const answerMessage = conversation.messages?.[1];
    assert.ok(answerMessage);

    const rating = await client.offerRating(conversation.id, { question_codes: ['STARS', 'HELPFUL_THUMBS'] });
    assert.equal(rating.status, 'offered');
    assert.deepEqual(
      rating.questions.map((question) => question.code),
      ['STARS', 'HELPFUL_THUMBS'],
    );

    const invite = await client.sendRatingInvite(conversation.uid);
    assert.match(invite.link, /\/r\//);
    assert.equal(typeof invite.text, 'string');

    const rated = await client.answerRating(rating.id, {
      answers: [
        { code: 'STARS', value: 5 },
        { code: 'HELPFUL_THUMBS', value: 1 },
      ],
      comment: 'Quick and right.',
    });
    assert.equal(rated.status, 'rated');

    const feedback = await client.sendMessageFeedback(answerMessage.uid, { rating: 'like' });
    assert.equal(feedback?.rating, 'like');
    assert.equal(feedback?.message_uid, answerMessage.uid);

    const summary = await client.analyticsSummary();
    assert.equal(summary.csat.responses, 1);
    assert.equal(summary.csat.score, 100);
    assert.equal(summary.thumbs.HELPFUL_THUMBS?.up, 1);
    assert.equal(summary.messages.likes, 1);
    assert.equal(summary.messages.dislikes, 0);

    // The raw typed methods stay available, with openapi-fetch's { data, error } answers.
    const { data, error } = await client.GET('/v1/conversations/{id}', { params: { path: { id: conversation.uid } } });
    assert.equal(error, undefined);
    assert.equal(data?.data.external_id, 'client-1');
  });

  it('iterates a cursor-paginated list across pages with paginate', async () => {
    const own = await ctx.newTenant('Paginated');
    const paged = createPlauditClient({ baseUrl: `${baseUrl}/`, apiKey: own.key });
    const created = new Set<string>();
    for (let i = 0; i < 7; i += 1) created.add((await paged.createConversation({ external_id: `page-${i}` })).uid);

    let requests = 0;
    const counting = createPlauditClient({
      baseUrl,
      apiKey: own.key,
      fetch: (request) => {
        requests += 1;
        return fetch(request);
      },
    });
    const seen: string[] = [];
    for await (const conversation of counting.paginate('/v1/conversations', { limit: 3 })) {
      seen.push(conversation.uid);
    }
    assert.equal(requests, 3, 'three pages of at most three');
    assert.equal(seen.length, 7);
    assert.deepEqual(new Set(seen), created);

    const filtered: string[] = [];
    for await (const conversation of paged.paginate('/v1/conversations', { external_id: 'page-4', limit: 1 })) {
      filtered.push(conversation.external_id ?? '');
    }
    assert.deepEqual(filtered, ['page-4']);
  });

  it('throws a PlauditError with the native code', async () => {
    await assertPlauditError(client.offerRating('999999', { question_codes: ['CSAT'] }), 404, 'conversation_not_found');
    const wrongKey = createPlauditClient({ baseUrl, apiKey: 'pk_not_a_real_key' });
    await assertPlauditError(wrongKey.analyticsSummary(), 401, 'invalid_api_key');
    await assertPlauditError(
      (async () => {
        for await (const _ of wrongKey.paginate('/v1/ratings')) assert.fail('no page for a bad key');
      })(),
      401,
      'invalid_api_key',
    );
  });

  it('rejects wrong bodies and paths at compile time', async () => {
    await assertPlauditError(
      // @ts-expect-error `questions` is no field of the offer; `question_codes` is.
      client.offerRating('999999', { questions: ['CSAT'] }),
      400,
      'validation_failed',
    );
    await assertPlauditError(
      // @ts-expect-error `love` is no message rating.
      client.sendMessageFeedback(crypto.randomUUID(), { rating: 'love' }),
      400,
      'validation_failed',
    );
    // @ts-expect-error a vendor-compatible path is not in the native client.
    const vendor = await client.GET('/third-party/v1/ratings');
    assert.ok(vendor.response.status > 0);
  });
});
