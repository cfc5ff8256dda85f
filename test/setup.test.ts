import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachDialect } from './helpers/app.js';

describeEachDialect('First-day checklist', (ctx) => {
  const done = async (key: string) => {
    const response = await ctx.request('GET', '/v1/setup', { key });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    return Object.fromEntries(
      (response.body.data.steps as Array<{ id: string; done: boolean }>).map((step) => [step.id, step.done]),
    );
  };

  it('ticks each step off when it has happened, for this organization only', async () => {
    const tenant = await ctx.newTenant('Fresh Start');
    const bystander = await ctx.newTenant('Bystander');
    const first = await ctx.request('GET', '/v1/setup', { key: tenant.key });
    assert.deepEqual(first.body.data, {
      organization: { id: tenant.orgId, name: 'Fresh Start' },
      public_url: 'https://plaudit.test',
      steps: [
        { id: 'api_key', done: false, done_at: null },
        { id: 'conversation', done: false, done_at: null },
        { id: 'ratings', done: false, done_at: null },
        { id: 'widget', done: false, done_at: null },
      ],
      complete: false,
    });

    // The key the organization was created with does not count; one made afterwards does.
    const key = await ctx.request('POST', '/v1/api-keys', {
      key: tenant.key,
      body: { name: 'Backend', scopes: ['write_all'] },
    });
    assert.equal(key.status, 201);
    assert.deepEqual(await done(tenant.key), { api_key: true, conversation: false, ratings: false, widget: false });

    const conversation = await ctx.request('POST', '/v1/conversations', {
      key: tenant.key,
      body: { messages: [{ role: 'user', text: 'Hello' }] },
    });
    assert.equal(conversation.status, 201);
    assert.deepEqual(await done(tenant.key), { api_key: true, conversation: true, ratings: false, widget: false });

    // Ratings: saved with them on ticks; saved with them off unticks.
    const on = { conv_rating_active: true, conv_rating_popup_active: true };
    assert.equal((await ctx.request('PATCH', '/v1/rating-settings', { key: tenant.key, body: on })).status, 200);
    assert.equal((await done(tenant.key)).ratings, true);
    const off = { conv_rating_active: false, conv_rating_popup_active: false };
    await ctx.request('PATCH', '/v1/rating-settings', { key: tenant.key, body: off });
    assert.equal((await done(tenant.key)).ratings, false);
    await ctx.request('PATCH', '/v1/rating-settings', { key: tenant.key, body: on });

    const token = await ctx.request('POST', `/v1/conversations/${conversation.body.data.id}/widget-tokens`, {
      key: tenant.key,
      body: {},
    });
    assert.equal(token.status, 201, JSON.stringify(token.body));
    const last = await ctx.request('GET', '/v1/setup', { key: tenant.key });
    assert.equal(last.body.data.complete, true);
    assert.ok(last.body.data.steps.every((step: { done_at: string | null }) => step.done_at !== null));

    // Nothing of it is the bystander's.
    assert.deepEqual(await done(bystander.key), { api_key: false, conversation: false, ratings: false, widget: false });
  });

  it('counts an answer in the popup as the widget in use', async () => {
    const tenant = await ctx.newTenant();
    const conversation = (
      await ctx.request('POST', '/v1/conversations', {
        key: tenant.key,
        body: { messages: [{ role: 'user', text: 'Hi' }] },
      })
    ).body.data;
    await ctx.app.services.ratings.answerPopup(tenant.orgId, String(conversation.id), {
      codes: ['HELPFUL_THUMBS'],
      answers: [{ code: 'HELPFUL_THUMBS', value: 1 }],
    });
    assert.equal((await done(tenant.key)).widget, true);
  });
});
