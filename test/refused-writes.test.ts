import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { it } from 'node:test';
import { WEBHOOK_EVENT_TYPES } from '../src/modules/webhooks/index.js';
import { assertError, describeEachDialect, type ApiResponse, type TestContext, type Tenant } from './helpers/app.js';

/**
 * A refused request changes nothing: no rating row, no rollup change, no webhook delivery — on the widget's popup,
 * the rating page and the rating routes of every surface.
 */

const today = () => new Date().toISOString().slice(0, 10);

/** Everything a rating write can leave behind for an organization, counted. */
async function footprint(ctx: TestContext, tenant: Tenant) {
  const count = async (table: 'ratings' | 'rating_questions' | 'webhook_deliveries') =>
    Number(
      (
        await ctx.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('org_id', '=', tenant.orgId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const funnel = await ctx.request('GET', `/v1/analytics/funnel?from=${today()}&to=${today()}`, { key: tenant.key });
  assert.equal(funnel.status, 200);
  const ratings = await ctx.request('GET', '/v1/ratings', { key: tenant.key });
  return {
    ratings: await count('ratings'),
    questions: await count('rating_questions'),
    deliveries: await count('webhook_deliveries'),
    funnel: funnel.body.data,
    listed: ratings.body.data.map((rating: { id: number; status: string; updated_at: string; opened_at: string }) => [
      rating.id,
      rating.status,
      rating.updated_at,
      rating.opened_at,
    ]),
  };
}

async function setUp(ctx: TestContext) {
  const tenant = await ctx.newTenant();
  const hook = await ctx.request('POST', '/v1/webhooks', {
    key: tenant.key,
    body: { url: 'http://127.0.0.1:9/hook', event_types: [...WEBHOOK_EVENT_TYPES] },
  });
  assert.equal(hook.status, 201, JSON.stringify(hook.body));
  const created = await ctx.request('POST', '/v1/conversations', {
    key: tenant.key,
    body: { agent_type: 'ai', messages: [{ role: 'ai', text: 'Anything else?' }] },
  });
  assert.equal(created.status, 201);
  const conversation = created.body.data as { id: number; uid: string };
  const token = (await ctx.request('POST', `/v1/conversations/${conversation.id}/widget-tokens`, { key: tenant.key }))
    .body.data.token as string;
  return { tenant, conversation, token };
}

/** Runs a request that must be refused, and checks that it left nothing behind. */
async function refusedWithoutTrace(
  ctx: TestContext,
  tenant: Tenant,
  send: () => Promise<ApiResponse>,
  check: (response: ApiResponse) => void,
) {
  const before = await footprint(ctx, tenant);
  check(await send());
  assert.deepEqual(await footprint(ctx, tenant), before);
}

describeEachDialect('Refused requests write nothing', (ctx) => {
  it('the popup refuses an answer to a question it does not ask, and creates no survey, count or event', async () => {
    const { tenant, token } = await setUp(ctx);
    const before = await footprint(ctx, tenant);
    assert.equal(before.ratings, 0);
    const answer = (body: unknown) => ctx.request('POST', '/widget/v1/rating', { key: token, body });
    await refusedWithoutTrace(
      ctx,
      tenant,
      () => answer({ answers: [{ code: 'NPS', value: 9 }] }),
      (response) => assertError(response, 400, 'question_not_offered', /NPS/),
    );
    await refusedWithoutTrace(
      ctx,
      tenant,
      () =>
        answer({
          answers: [
            { code: 'HELPFUL_THUMBS', value: 1 },
            { code: 'EXPERIENCE_THUMBS', value: 5 },
          ],
        }),
      (response) => assertError(response, 400, 'invalid_rating_value'),
    );
    assert.equal((await footprint(ctx, tenant)).funnel.offered, 0, 'nothing was offered');
  });

  it('a refused popup answer leaves the open popup survey as it was', async () => {
    const { tenant, token } = await setUp(ctx);
    const first = await ctx.request('POST', '/widget/v1/rating', {
      key: token,
      body: { answers: [{ code: 'HELPFUL_THUMBS', value: 1 }] },
    });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    await refusedWithoutTrace(
      ctx,
      tenant,
      () =>
        ctx.request('POST', '/widget/v1/rating', {
          key: token,
          body: {
            answers: [
              { code: 'EXPERIENCE_THUMBS', value: 1 },
              { code: 'NPS', value: 10 },
            ],
          },
        }),
      (response) => assertError(response, 400, 'question_not_offered'),
    );
  });

  it('the rating page records nothing for a refused form, not even that it was opened', async () => {
    const { tenant, conversation } = await setUp(ctx);
    const invite = await ctx.request('POST', `/v1/conversations/${conversation.id}/rating-invites`, {
      key: tenant.key,
    });
    const { code } = invite.body.data.rating as { code: string };
    const csrf = randomBytes(32).toString('base64url');
    const post = (fields: Record<string, string>, cookie?: string) =>
      ctx.request('POST', `/r/${code}`, {
        payload: new URLSearchParams(fields).toString(),
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...(cookie ? { cookie: `plaudit_csrf=${cookie}` } : {}),
        },
      });
    await refusedWithoutTrace(
      ctx,
      tenant,
      () => post({ stars: '5' }),
      (response) => assert.equal(response.status, 403),
    );
    await refusedWithoutTrace(
      ctx,
      tenant,
      () => post({ csrf_token: csrf, HELPFUL_THUMBS: 'up' }, csrf),
      (response) => assert.equal(response.status, 400, 'the stars are missing'),
    );
    await refusedWithoutTrace(
      ctx,
      tenant,
      () => post({ csrf_token: csrf, stars: '9' }, csrf),
      (response) => assert.equal(response.status, 400, 'nine stars'),
    );
    // An accepted answer records the opening with it.
    assert.equal((await post({ csrf_token: csrf, stars: '4' }, csrf)).status, 200);
    const rating = (await ctx.request('GET', `/v1/ratings/${invite.body.data.rating.id}`, { key: tenant.key })).body
      .data;
    assert.ok(rating.opened_at, 'answering on the page opened it');
    assert.equal(rating.status, 'rated');
  });

  it('opening an expired or withdrawn rating page answers 410 and records no opening', async () => {
    const { tenant, conversation } = await setUp(ctx);
    for (const close of ['expire', 'cancel'] as const) {
      const invite = (
        await ctx.request('POST', `/v1/conversations/${conversation.id}/rating-invites`, { key: tenant.key })
      ).body.data.rating as { id: number; code: string };
      if (close === 'expire') {
        await ctx.database.db
          .updateTable('ratings')
          .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
          .where('id', '=', invite.id)
          .execute();
      } else {
        assert.equal((await ctx.request('POST', `/v1/ratings/${invite.id}/cancel`, { key: tenant.key })).status, 200);
      }
      await refusedWithoutTrace(
        ctx,
        tenant,
        () => ctx.request('GET', `/r/${invite.code}`),
        (response) => assert.equal(response.status, 410, close),
      );
    }
  });

  it('refused rating writes on the native, Dixa and Healvi surfaces leave nothing behind', async () => {
    const { tenant, conversation } = await setUp(ctx);
    const offered = await ctx.request('POST', `/v1/conversations/${conversation.id}/ratings`, {
      key: tenant.key,
      body: { question_codes: ['CSAT', 'NPS'] },
    });
    const rating = offered.body.data as { id: number; uid: string };
    const answered = await ctx.request('POST', `/v1/ratings/${rating.id}/answers`, {
      key: tenant.key,
      body: {
        answers: [
          { code: 'CSAT', value: 5 },
          { code: 'NPS', value: 9 },
        ],
      },
    });
    assert.equal(answered.status, 200);
    const other = await ctx.newTenant();
    const refusals: Array<[string, () => Promise<ApiResponse>, number]> = [
      [
        'an offer with optional codes it does not ask',
        () =>
          ctx.request('POST', `/v1/conversations/${conversation.id}/ratings`, {
            key: tenant.key,
            body: { question_codes: ['CSAT'], optional_codes: ['NPS'] },
          }),
        400,
      ],
      [
        'a cancel with nothing left to withdraw',
        () => ctx.request('POST', `/v1/ratings/${rating.id}/cancel`, { key: tenant.key }),
        409,
      ],
      [
        'another organization cancelling',
        () => ctx.request('POST', `/v1/ratings/${rating.id}/cancel`, { key: other.key }),
        404,
      ],
      [
        'a Dixa result out of range',
        () =>
          ctx.request('POST', `/beta/conversations/${conversation.id}/ratings/${rating.uid}/submit`, {
            key: tenant.key,
            bare: true,
            body: { ratingResult: { value: 6, _type: 'Csat' } },
          }),
        400,
      ],
      [
        'a Dixa result of a type the survey does not ask',
        () =>
          ctx.request('POST', `/beta/conversations/${conversation.id}/ratings/${rating.uid}/submit`, {
            key: tenant.key,
            bare: true,
            body: { ratingResult: { value: 1, _type: 'ThumbsUpOrDown' } },
          }),
        400,
      ],
      [
        'a Dixa offer with a bad offeredAt',
        () =>
          ctx.request('POST', `/beta/conversations/${conversation.id}/ratings/offer`, {
            key: tenant.key,
            bare: true,
            body: { ratingType: 'Nps', offeredAt: '0000-01-01T00:00:00Z' },
          }),
        400,
      ],
      [
        'a Healvi invite for another organization’s conversation',
        () => ctx.request('POST', `/third-party/v1/conversations/${conversation.id}/invite-rating`, { key: other.key }),
        404,
      ],
    ];
    for (const [what, send, status] of refusals) {
      await refusedWithoutTrace(ctx, tenant, send, (response) =>
        assert.equal(response.status, status, `${what}: ${JSON.stringify(response.body)}`),
      );
    }
  });
});
