import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import { assertError, describeEachDialect, type TestContext, type Tenant } from './helpers/app.js';

const HOUR = 3_600_000;

async function conversation(ctx: TestContext, tenant: Tenant, body: object = {}) {
  const response = await ctx.request('POST', '/v1/conversations', {
    key: tenant.key,
    body: { channel: 'widget_chat', agent_id: randomUUID(), agent_type: 'ai', ...body },
  });
  assert.equal(response.status, 201);
  return response.body.data as { id: number; uid: string; contact_id: string; agent_id: string };
}

async function offer(ctx: TestContext, tenant: Tenant, conversationId: number, body: object) {
  const response = await ctx.request('POST', `/v1/conversations/${conversationId}/ratings`, { key: tenant.key, body });
  assert.equal(response.status, 201, JSON.stringify(response.body));
  return response.body.data;
}

async function answer(ctx: TestContext, tenant: Tenant, ratingId: number | string, body: object) {
  return ctx.request('POST', `/v1/ratings/${ratingId}/answers`, { key: tenant.key, body });
}

async function storedRating(ctx: TestContext, tenant: Tenant, ratingId: number) {
  return (await ctx.request('GET', `/v1/ratings/${ratingId}`, { key: tenant.key })).body.data;
}

describeEachDialect('Rating invites (native)', (ctx) => {
  it('invites with the stars question and the configured questions, a link and the default text', async () => {
    const tenant = await ctx.newTenant();
    const { id } = await conversation(ctx, tenant);
    const response = await ctx.request('POST', `/v1/conversations/${id}/rating-invites`, { key: tenant.key });
    assert.equal(response.status, 201);
    const { text, link, rating } = response.body.data;
    assert.match(rating.code, /^[A-Za-z0-9_-]{22,}$/);
    assert.equal(link, `https://plaudit.test/r/${rating.code}`);
    assert.equal(rating.link, link);
    assert.ok(text.includes(link), 'the default template carries the link');
    assert.deepEqual(
      rating.questions.map((q: { code: string; status: string }) => [q.code, q.status]),
      [
        ['STARS', 'Offered'],
        ['HELPFUL_THUMBS', 'Offered'],
        ['EXPERIENCE_THUMBS', 'Offered'],
      ],
    );
    assert.equal(rating.status, 'offered');
    assert.equal(rating.source, 'invite');
    const lifetime = Date.parse(rating.expires_at) - Date.parse(rating.created_at);
    assert.ok(Math.abs(lifetime - 48 * HOUR) < 1000, 'expires 48 hours after the invite');
  });

  it('returns the open invite again until it is answered, then makes a new one', async () => {
    const tenant = await ctx.newTenant();
    const { id } = await conversation(ctx, tenant);
    const first = await ctx.request('POST', `/v1/conversations/${id}/rating-invites`, { key: tenant.key });
    const second = await ctx.request('POST', `/v1/conversations/${id}/rating-invites`, { key: tenant.key });
    assert.equal(second.status, 200);
    assert.equal(second.body.data.rating.id, first.body.data.rating.id);
    assert.equal(second.body.data.link, first.body.data.link);
    await answer(ctx, tenant, first.body.data.rating.id, { answers: [{ code: 'STARS', value: 4 }] });
    const third = await ctx.request('POST', `/v1/conversations/${id}/rating-invites`, { key: tenant.key });
    assert.equal(third.status, 201);
    assert.notEqual(third.body.data.rating.id, first.body.data.rating.id);
    assert.notEqual(third.body.data.rating.code, first.body.data.rating.code);
  });

  it('uses the configured template, expiry and questions; a template without {link} is kept as it is', async () => {
    const tenant = await ctx.newTenant();
    const settings = await ctx.request('PATCH', '/v1/rating-settings', {
      key: tenant.key,
      body: {
        invite_message: 'Hi! Rate us here: {link} - thanks',
        invite_expiry_hours: 2,
        conv_rating_question_codes: ['NPS', 'CSAT'],
      },
    });
    assert.equal(settings.status, 200);
    const a = await conversation(ctx, tenant);
    const invite = (await ctx.request('POST', `/v1/conversations/${a.id}/rating-invites`, { key: tenant.key })).body
      .data;
    assert.equal(invite.text, `Hi! Rate us here: ${invite.link} - thanks`);
    assert.deepEqual(
      invite.rating.questions.map((q: { code: string }) => q.code),
      ['STARS', 'NPS'],
      'a second stars question (CSAT) is not asked twice',
    );
    assert.ok(Math.abs(Date.parse(invite.rating.expires_at) - Date.parse(invite.rating.created_at) - 2 * HOUR) < 1000);

    await ctx.request('PATCH', '/v1/rating-settings', { key: tenant.key, body: { invite_message: 'Please rate us.' } });
    const b = await conversation(ctx, tenant);
    const plain = (await ctx.request('POST', `/v1/conversations/${b.id}/rating-invites`, { key: tenant.key })).body
      .data;
    assert.equal(plain.text, 'Please rate us.');
    assert.match(plain.link, /^https:\/\/plaudit\.test\/r\//);
  });

  it("writes the default text in the conversation's language, else the organization's, else English", async () => {
    const tenant = await ctx.newTenant();
    const invite = async (fields: Record<string, unknown>) => {
      const { id } = await conversation(ctx, tenant, fields);
      return (await ctx.request('POST', `/v1/conversations/${id}/rating-invites`, { key: tenant.key })).body.data.text;
    };
    assert.match(await invite({}), /Please rate/);
    assert.match(await invite({ language: 'de-AT' }), /Bitte bewerten Sie/);
    await ctx.request('PATCH', '/v1/rating-settings', { key: tenant.key, body: { language: 'fr' } });
    // The conversation's language wins over the organization's default; without one, the default speaks.
    assert.match(await invite({ language: 'de' }), /Bitte bewerten Sie/);
    assert.match(await invite({}), /Évaluez votre conversation/);
  });

  it("answers 404 for an unknown or another organization's conversation, and creates nothing", async () => {
    const tenant = await ctx.newTenant();
    const stranger = await ctx.newTenant();
    const { id } = await conversation(ctx, tenant);
    assertError(
      await ctx.request('POST', '/v1/conversations/999999/rating-invites', { key: tenant.key }),
      404,
      'conversation_not_found',
    );
    assertError(
      await ctx.request('POST', `/v1/conversations/${id}/rating-invites`, { key: stranger.key }),
      404,
      'conversation_not_found',
    );
    assert.equal(
      (await ctx.request('GET', `/v1/conversations/${id}/ratings`, { key: tenant.key })).body.data.length,
      0,
    );
  });
});

describeEachDialect('Surveys and answers (native)', (ctx) => {
  it('offers a survey with the conversation as default contact and agent, or with given ones', async () => {
    const tenant = await ctx.newTenant();
    const c = await conversation(ctx, tenant);
    const rating = await offer(ctx, tenant, c.id, { question_codes: ['CSAT', 'NPS', 'HELPFUL_THUMBS'] });
    assert.equal(rating.contact_id, c.contact_id);
    assert.equal(rating.agent_id, c.agent_id);
    assert.equal(rating.agent_type, 'ai');
    assert.equal(rating.channel, 'widget_chat');
    assert.equal(rating.conversation_uid, c.uid);
    assert.equal(rating.expires_at, null);
    assert.deepEqual(
      rating.questions.map((q: { code: string; kind: string }) => [q.code, q.kind]),
      [
        ['CSAT', 'stars'],
        ['NPS', 'nps'],
        ['HELPFUL_THUMBS', 'thumbs'],
      ],
    );
    const contact = randomUUID();
    const agent = randomUUID();
    const custom = await offer(ctx, tenant, c.id, {
      question_codes: ['STARS'],
      contact_id: contact,
      agent_id: agent,
      expires_in_hours: 5,
      offered_at: '2026-03-11T16:39:30Z',
    });
    assert.equal(custom.contact_id, contact);
    assert.equal(custom.agent_id, agent);
    assert.equal(custom.offered_at, '2026-03-11T16:39:30.000Z');
    assert.ok(custom.expires_at);
  });

  it('records answers question by question: offered, partially rated, rated; an answer may change', async () => {
    const tenant = await ctx.newTenant();
    const c = await conversation(ctx, tenant);
    const rating = await offer(ctx, tenant, c.id, { question_codes: ['CSAT', 'NPS', 'EXPERIENCE_THUMBS'] });
    const first = await answer(ctx, tenant, rating.uid, {
      answers: [{ code: 'NPS', value: 9 }],
      comment: 'Quick and kind',
    });
    assert.equal(first.status, 200);
    assert.equal(first.body.data.status, 'partially_rated');
    assert.equal(first.body.data.comment, 'Quick and kind');
    assert.ok(first.body.data.submitted_at);
    const done = await answer(ctx, tenant, rating.id, {
      answers: [
        { code: 'CSAT', value: 5 },
        { code: 'EXPERIENCE_THUMBS', value: 0 },
      ],
    });
    assert.equal(done.body.data.status, 'rated');
    assert.equal(done.body.data.comment, 'Quick and kind', 'an omitted comment is kept');
    assert.deepEqual(
      done.body.data.questions.map((q: { code: string; status: string; value: number }) => [q.code, q.status, q.value]),
      [
        ['CSAT', 'Rated', 5],
        ['NPS', 'Rated', 9],
        ['EXPERIENCE_THUMBS', 'Rated', 0],
      ],
    );
    const changed = await answer(ctx, tenant, rating.id, { answers: [{ code: 'CSAT', value: 3 }], comment: null });
    assert.equal(changed.body.data.questions[0].value, 3);
    assert.equal(changed.body.data.comment, null, 'null clears the comment');
    assert.ok(changed.body.data.updated_at >= done.body.data.updated_at);
  });

  const badAnswers: Array<[string, object, number, string]> = [
    ['a CSAT of 6', { answers: [{ code: 'CSAT', value: 6 }] }, 400, 'invalid_rating_value'],
    ['a CSAT of 0', { answers: [{ code: 'CSAT', value: 0 }] }, 400, 'invalid_rating_value'],
    ['an NPS of 11', { answers: [{ code: 'NPS', value: 11 }] }, 400, 'invalid_rating_value'],
    ['a thumbs of 2', { answers: [{ code: 'HELPFUL_THUMBS', value: 2 }] }, 400, 'invalid_rating_value'],
    ['a value that is not whole', { answers: [{ code: 'CSAT', value: 4.5 }] }, 400, 'validation_failed'],
    ['a value as text', { answers: [{ code: 'CSAT', value: '5' }] }, 400, 'validation_failed'],
    ['a question the survey does not ask', { answers: [{ code: 'STARS', value: 5 }] }, 400, 'question_not_offered'],
    // Codes are the organization's to define (/v1/questions): one the survey does not ask is not offered.
    ['an unknown question code', { answers: [{ code: 'LOYALTY', value: 5 }] }, 400, 'question_not_offered'],
    ['no answers', { answers: [] }, 400, 'validation_failed'],
    [
      'a comment over 2000 characters',
      { answers: [{ code: 'CSAT', value: 5 }], comment: 'x'.repeat(2001) },
      400,
      'validation_failed',
    ],
  ];
  for (const [what, body, status, code] of badAnswers) {
    it(`refuses ${what} and changes nothing`, async () => {
      const tenant = await ctx.newTenant();
      const c = await conversation(ctx, tenant);
      const rating = await offer(ctx, tenant, c.id, { question_codes: ['CSAT', 'NPS', 'HELPFUL_THUMBS'] });
      // A valid answer in the same request must not be stored either.
      const given = (body as { answers: object[] }).answers;
      const mixed = given.length > 0 ? { ...body, answers: [{ code: 'NPS', value: 7 }, ...given] } : body;
      assertError(await answer(ctx, tenant, rating.id, mixed), status, code);
      const after = await storedRating(ctx, tenant, rating.id);
      assert.equal(after.status, 'offered');
      assert.ok(after.questions.every((q: { value: number | null }) => q.value === null));
      assert.equal(after.updated_at, rating.updated_at);
    });
  }

  it('cancels the unanswered questions and refuses answers afterwards', async () => {
    const tenant = await ctx.newTenant();
    const c = await conversation(ctx, tenant);
    const rating = await offer(ctx, tenant, c.id, { question_codes: ['CSAT', 'NPS'] });
    await answer(ctx, tenant, rating.id, { answers: [{ code: 'CSAT', value: 4 }] });
    const cancelled = await ctx.request('POST', `/v1/ratings/${rating.uid}/cancel`, { key: tenant.key });
    assert.equal(cancelled.status, 200);
    assert.equal(cancelled.body.data.status, 'rated', 'its answer stands');
    assert.ok(cancelled.body.data.cancelled_at);
    assert.deepEqual(
      cancelled.body.data.questions.map((q: { status: string; value: number | null }) => [q.status, q.value]),
      [
        ['Rated', 4],
        ['Cancelled', null],
      ],
    );
    assertError(
      await answer(ctx, tenant, rating.id, { answers: [{ code: 'NPS', value: 8 }] }),
      409,
      'rating_cancelled',
    );
    const again = await ctx.request('POST', `/v1/ratings/${rating.id}/cancel`, { key: tenant.key });
    assert.equal(again.body.data.cancelled_at, cancelled.body.data.cancelled_at, 'cancelling twice changes nothing');
  });

  it('refuses answers after expiry with 410 and reports the survey as expired', async () => {
    const tenant = await ctx.newTenant();
    const c = await conversation(ctx, tenant);
    const rating = await offer(ctx, tenant, c.id, { question_codes: ['CSAT'], expires_in_hours: 1 });
    await ctx.database.db
      .updateTable('ratings')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', rating.id)
      .execute();
    assertError(await answer(ctx, tenant, rating.id, { answers: [{ code: 'CSAT', value: 5 }] }), 410, 'rating_expired');
    assert.equal((await storedRating(ctx, tenant, rating.id)).status, 'expired');
  });

  it("keeps another organization's ratings out of reach: 404 to read, answer or cancel, absent from lists", async () => {
    const owner = await ctx.newTenant();
    const stranger = await ctx.newTenant();
    const c = await conversation(ctx, owner);
    const rating = await offer(ctx, owner, c.id, { question_codes: ['CSAT'] });
    for (const ref of [rating.id, rating.uid]) {
      assertError(await ctx.request('GET', `/v1/ratings/${ref}`, { key: stranger.key }), 404, 'rating_not_found');
      assertError(await answer(ctx, stranger, ref, { answers: [{ code: 'CSAT', value: 1 }] }), 404, 'rating_not_found');
      assertError(
        await ctx.request('POST', `/v1/ratings/${ref}/cancel`, { key: stranger.key }),
        404,
        'rating_not_found',
      );
    }
    assertError(
      await ctx.request('GET', `/v1/conversations/${c.id}/ratings`, { key: stranger.key }),
      404,
      'conversation_not_found',
    );
    assertError(
      await ctx.request('POST', `/v1/conversations/${c.id}/ratings`, {
        key: stranger.key,
        body: { question_codes: ['CSAT'] },
      }),
      404,
      'conversation_not_found',
    );
    assert.equal((await ctx.request('GET', '/v1/ratings', { key: stranger.key })).body.data.length, 0);
    const untouched = await storedRating(ctx, owner, rating.id);
    assert.equal(untouched.status, 'offered');
    assert.equal(untouched.questions[0].value, null);
  });

  it('rejects bad offers with 400 and stores nothing', async () => {
    const tenant = await ctx.newTenant();
    const c = await conversation(ctx, tenant);
    const url = `/v1/conversations/${c.id}/ratings`;
    for (const body of [
      {},
      { question_codes: [] },
      { question_codes: ['CSAT', 'CSAT'] },
      { question_codes: ['CSAT'], contact_id: 'me' },
      { question_codes: ['CSAT'], expires_in_hours: 0 },
      { question_codes: ['CSAT'], language: 'xx' },
      { question_codes: ['CSAT'], offered_at: 'now' },
      { question_codes: ['CSAT'], extra: true },
    ]) {
      assertError(await ctx.request('POST', url, { key: tenant.key, body }), 400, 'validation_failed');
    }
    // A code neither built in nor one of the organization's own questions.
    const unknown = await ctx.request('POST', url, { key: tenant.key, body: { question_codes: ['SMILEYS'] } });
    assertError(unknown, 400, 'unknown_question_code');
    assert.equal(
      (await ctx.request('GET', `/v1/conversations/${c.id}/ratings`, { key: tenant.key })).body.data.length,
      0,
    );
  });
});

describeEachDialect('GET /v1/ratings', (ctx) => {
  it('filters by status, kind, code, score, agent, comment and time, and pages with a cursor', async () => {
    const tenant = await ctx.newTenant();
    const agentA = randomUUID();
    const a = await conversation(ctx, tenant, { agent_id: agentA });
    const b = await conversation(ctx, tenant);
    const low = await offer(ctx, tenant, a.id, { question_codes: ['CSAT'] });
    await answer(ctx, tenant, low.id, { answers: [{ code: 'CSAT', value: 2 }], comment: 'Slow answers' });
    const high = await offer(ctx, tenant, b.id, { question_codes: ['CSAT', 'NPS'] });
    await answer(ctx, tenant, high.id, {
      answers: [
        { code: 'CSAT', value: 5 },
        { code: 'NPS', value: 10 },
      ],
    });
    const pending = await offer(ctx, tenant, b.id, { question_codes: ['HELPFUL_THUMBS'] });
    const cancelled = await offer(ctx, tenant, b.id, { question_codes: ['STARS'] });
    await ctx.request('POST', `/v1/ratings/${cancelled.id}/cancel`, { key: tenant.key });

    const ids = async (query: string) => {
      const response = await ctx.request('GET', `/v1/ratings?${query}`, { key: tenant.key });
      assert.equal(response.status, 200, JSON.stringify(response.body));
      return response.body.data.map((r: { id: number }) => r.id);
    };
    assert.deepEqual(await ids(''), [cancelled.id, pending.id, high.id, low.id]);
    assert.deepEqual(await ids('status=rated'), [high.id, low.id]);
    assert.deepEqual(await ids('status=offered'), [pending.id]);
    assert.deepEqual(await ids('status=cancelled'), [cancelled.id]);
    assert.deepEqual(await ids('kind=nps'), [high.id]);
    assert.deepEqual(await ids('question_code=HELPFUL_THUMBS'), [pending.id]);
    assert.deepEqual(await ids('kind=stars&score_max=2'), [low.id]);
    assert.deepEqual(await ids('kind=stars&score_min=4'), [high.id]);
    assert.deepEqual(await ids(`agent_id=${agentA}`), [low.id]);
    assert.deepEqual(await ids('has_comment=true'), [low.id]);
    assert.deepEqual(await ids('has_comment=false'), [cancelled.id, pending.id, high.id]);
    assert.deepEqual(await ids('created_from=2000-01-01T00:00:00Z&created_to=2001-01-01T00:00:00Z'), []);

    const pages: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { data: Array<{ id: number }>; next_cursor: string | null } } = await ctx.request(
        'GET',
        `/v1/ratings?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        { key: tenant.key },
      );
      pages.push(...page.body.data.map((r) => r.id));
      cursor = page.body.next_cursor;
    } while (cursor);
    assert.deepEqual(pages, [cancelled.id, pending.id, high.id, low.id]);

    const forConversation = await ctx.request('GET', `/v1/conversations/${b.uid}/ratings`, { key: tenant.key });
    assert.deepEqual(
      forConversation.body.data.map((r: { id: number }) => r.id),
      [high.id, pending.id, cancelled.id],
      'oldest first',
    );
  });

  it('lists expired surveys apart', async () => {
    const tenant = await ctx.newTenant();
    const c = await conversation(ctx, tenant);
    const rating = await offer(ctx, tenant, c.id, { question_codes: ['CSAT'], expires_in_hours: 1 });
    await ctx.database.db
      .updateTable('ratings')
      .set({ expires_at: '2020-01-01T00:00:00.000Z' })
      .where('id', '=', rating.id)
      .execute();
    const expired = await ctx.request('GET', '/v1/ratings?status=expired', { key: tenant.key });
    assert.deepEqual(
      expired.body.data.map((r: { id: number }) => r.id),
      [rating.id],
    );
    assert.equal((await ctx.request('GET', '/v1/ratings?status=offered', { key: tenant.key })).body.data.length, 0);
  });

  it('rejects bad filters with 400', async () => {
    const tenant = await ctx.newTenant();
    for (const query of [
      'status=open',
      'kind=smileys',
      'score_min=11',
      'has_comment=maybe',
      'agent_id=bob',
      'cursor=zz',
      'question_code=X',
    ]) {
      const response = await ctx.request('GET', `/v1/ratings?${query}`, { key: tenant.key });
      assert.equal(response.status, 400, query);
    }
  });
});

describeEachDialect('Rating settings (native)', (ctx) => {
  it('starts from the defaults and changes any subset, validating the whole', async () => {
    const tenant = await ctx.newTenant();
    const defaults = (await ctx.request('GET', '/v1/rating-settings', { key: tenant.key })).body.data;
    assert.equal(defaults.conv_rating_active, true);
    assert.equal(defaults.conv_rating_popup_active, true);
    assert.deepEqual(defaults.conv_rating_question_codes, ['HELPFUL_THUMBS', 'EXPERIENCE_THUMBS']);
    assert.equal(defaults.redirect_policy, 'high_ratings');
    assert.equal(defaults.redirect_min_stars, 4);
    assert.equal(defaults.invite_expiry_hours, 48);
    assert.equal(defaults.invite_message, null);
    assert.match(defaults.invite_message_default, /\{link\}/);

    const changed = await ctx.request('PATCH', '/v1/rating-settings', {
      key: tenant.key,
      body: {
        review_link: 'https://g.page/r/northwind/review',
        redirect_policy: 'everyone',
        brand_name: 'Northwind',
        primary_color: '#123abc',
        language: 'de',
      },
    });
    assert.equal(changed.status, 200);
    assert.equal(changed.body.data.review_link, 'https://g.page/r/northwind/review');
    assert.equal(changed.body.data.redirect_policy, 'everyone');
    assert.equal(changed.body.data.conv_rating_active, true, 'untouched fields stay');
    assert.match(changed.body.data.invite_message_default, /Bitte bewerten/);
    assert.ok(changed.body.data.updated_at);

    const both = await ctx.request('PATCH', '/v1/rating-settings', {
      key: tenant.key,
      body: { conv_rating_active: false, conv_rating_popup_active: false },
    });
    assert.equal(both.body.data.conv_rating_active, false);
  });

  it('refuses a change that would leave the settings invalid, and changes nothing', async () => {
    const tenant = await ctx.newTenant();
    const before = (await ctx.request('GET', '/v1/rating-settings', { key: tenant.key })).body.data;
    const cases: Array<[object, string]> = [
      [{ conv_rating_active: false }, 'rating_settings_mismatch'],
      [{ conv_rating_popup_active: false, brand_name: 'X' }, 'rating_settings_mismatch'],
      [{ conv_rating_question_codes: ['CSAT', 'SMILEYS'] }, 'unknown_question_code'],
      [{ conv_rating_question_codes: [] }, 'validation_failed'],
      [{ review_link: 'not a url' }, 'validation_failed'],
      [{ review_link: 'javascript:alert(1)' }, 'validation_failed'],
      [{ primary_color: 'red' }, 'validation_failed'],
      [{ redirect_min_stars: 6 }, 'validation_failed'],
      [{ invite_expiry_hours: 0 }, 'validation_failed'],
      [{ invite_message: '' }, 'validation_failed'],
      [{ colour: '#fff' }, 'validation_failed'],
    ];
    for (const [body, code] of cases) {
      assertError(await ctx.request('PATCH', '/v1/rating-settings', { key: tenant.key, body }), 400, code);
    }
    const after = (await ctx.request('GET', '/v1/rating-settings', { key: tenant.key })).body.data;
    assert.deepEqual(after, before);
  });

  it("keeps each organization's settings its own", async () => {
    const mine = await ctx.newTenant();
    const theirs = await ctx.newTenant();
    await ctx.request('PATCH', '/v1/rating-settings', {
      key: mine.key,
      body: { brand_name: 'Mine', invite_expiry_hours: 3 },
    });
    const other = (await ctx.request('GET', '/v1/rating-settings', { key: theirs.key })).body.data;
    assert.equal(other.brand_name, null);
    assert.equal(other.invite_expiry_hours, 48);
  });
});

describeEachDialect('Anonymization and ratings', (ctx) => {
  it('blanks rating comments and keeps the values', async () => {
    const tenant = await ctx.newTenant();
    const c = await conversation(ctx, tenant);
    const rating = await offer(ctx, tenant, c.id, { question_codes: ['CSAT'] });
    await answer(ctx, tenant, rating.id, {
      answers: [{ code: 'CSAT', value: 2 }],
      comment: 'Call me on +47 99 88 77 66',
    });
    await ctx.request('POST', `/v1/conversations/${c.id}/anonymize`, { key: tenant.key });
    const after = await storedRating(ctx, tenant, rating.id);
    assert.equal(after.comment, null);
    assert.equal(after.questions[0].value, 2);
    assert.equal(after.status, 'rated');
  });
});
