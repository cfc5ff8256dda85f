import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, it } from 'node:test';
import { describeEachDialect, type Tenant } from './helpers/app.js';

const AI = randomUUID();
const HUMAN = randomUUID();
const UNNAMED = randomUUID();

/**
 * Names where ids showed: an AI agent named in the directory, a human agent unnamed there but linked to the user
 * Maja Lind, and an agent nobody named. The feedback authors are the admin (Dana Admin) and a contact (Alex Rivera).
 */
describeEachDialect('Agents and authors by name', (ctx) => {
  let tenant: Tenant;
  const conversations: Record<'ai' | 'human' | 'unnamed', { id: number; uid: string; messages: any[] }> = {} as any;

  const get = async (url: string) => {
    const response = await ctx.request('GET', url, { key: tenant.key });
    assert.equal(response.status, 200, `${url}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  /** An export's text, read as a client would (the helper would parse JSON Lines as one JSON document). */
  const download = async (url: string) => {
    const response = await ctx.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${tenant.key}` } });
    assert.equal(response.statusCode, 200, response.body);
    return response.body;
  };
  const jsonl = async (url: string) =>
    (await download(url))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));

  before(async () => {
    tenant = await ctx.newTenant('Names');
    await ctx.database.db.updateTable('users').set({ name: 'Dana Admin' }).where('id', '=', tenant.userId).execute();
    const hook = await ctx.request('POST', '/v1/webhooks', {
      key: tenant.key,
      body: { url: 'https://hooks.example.com/names', event_types: ['feedback.created', 'rating.submitted'] },
    });
    assert.equal(hook.status, 201);
    const put = await ctx.request('PUT', `/v1/agents/${AI}`, {
      key: tenant.key,
      body: { type: 'ai', name: 'Nova (AI assistant)', model: 'gpt-4o-mini' },
    });
    assert.equal(put.status, 201);
    const { user: maja } = await ctx.app.services.accounts.createUser({
      orgId: tenant.orgId,
      email: `maja-${randomUUID()}@northwind.example`,
      name: 'Maja Lind',
      role: 'agent',
    });
    await ctx.app.services.agents.linkUser(tenant.orgId, HUMAN, maja.id);

    const create = async (agentId: string, agentType: 'ai' | 'human', role: 'ai' | 'agent') => {
      const response = await ctx.request('POST', '/v1/conversations', {
        key: tenant.key,
        body: {
          agent_id: agentId,
          agent_type: agentType,
          contact_name: 'Alex Rivera',
          channel: 'chat',
          messages: [
            { role: 'user', text: 'Where is my parcel?' },
            { role, text: 'It left the depot this morning.' },
          ],
        },
      });
      assert.equal(response.status, 201, JSON.stringify(response.body));
      return response.body.data;
    };
    conversations.ai = await create(AI, 'ai', 'ai');
    conversations.human = await create(HUMAN, 'human', 'agent');
    conversations.unnamed = await create(UNNAMED, 'human', 'agent');

    // The admin dislikes Nova's answer; the contact (as the widget records it) likes it.
    const answer = conversations.ai.messages[1].uid;
    const disliked = await ctx.request('POST', `/v1/messages/${answer}/feedback`, {
      key: tenant.key,
      body: { rating: 'dislike', comment: 'It left yesterday.' },
    });
    assert.equal(disliked.status, 200);
    const contactId = (await get(`/v1/conversations/${conversations.ai.id}`)).data.contact_id;
    const target = await ctx.app.services.feedback.messageTarget(tenant.orgId, answer);
    await ctx.app.services.feedback.recordMessageFeedback(target, contactId, { rating: 'like' });

    // Maja's conversation is rated low.
    const rating = await ctx.request('POST', `/v1/conversations/${conversations.human.id}/ratings`, {
      key: tenant.key,
      body: { question_codes: ['CSAT'] },
    });
    assert.equal(rating.status, 201);
    const answered = await ctx.request('POST', `/v1/ratings/${rating.body.data.id}/answers`, {
      key: tenant.key,
      body: { answers: [{ code: 'CSAT', value: 2 }] },
    });
    assert.equal(answered.status, 200, JSON.stringify(answered.body));
  });

  it('names the agent of every inbox item and conversation, the linked user standing in for a missing name', async () => {
    const inbox = await get('/v1/inbox');
    const names = Object.fromEntries(inbox.data.map((item: any) => [item.uid, item.agent_name]));
    assert.deepEqual(names, {
      [conversations.ai.uid]: 'Nova (AI assistant)',
      [conversations.human.uid]: 'Maja Lind',
      [conversations.unnamed.uid]: null,
    });
    assert.equal((await get(`/v1/conversations/${conversations.human.uid}`)).data.agent_name, 'Maja Lind');
    const listed = await get(`/v1/conversations?agent_id=${AI}`);
    assert.deepEqual(
      listed.data.map((conversation: any) => conversation.agent_name),
      ['Nova (AI assistant)'],
    );
    const maja = (await get(`/v1/agents/${HUMAN}`)).data;
    assert.deepEqual([maja.name, maja.type, maja.user_id !== null], ['Maja Lind', 'human', true]);
  });

  it('names the authors of message feedback: a user by their name, the contact by theirs', async () => {
    const history = await get(`/v1/messages/${conversations.ai.messages[1].uid}/feedback/history`);
    assert.deepEqual(
      history.data.map((record: any) => [record.author_name, record.rating]),
      [
        ['Dana Admin', 'dislike'],
        ['Alex Rivera', 'like'],
      ],
    );
    const feedback = await get('/v1/feedback');
    assert.deepEqual(
      feedback.data.map((record: any) => [record.author_name, record.agent_name]),
      [
        ['Alex Rivera', 'Nova (AI assistant)'],
        ['Dana Admin', 'Nova (AI assistant)'],
      ],
    );
  });

  it('names the agents of the analytics table and of the knowledge gaps', async () => {
    const agents = (await get('/v1/analytics/agents')).data;
    assert.deepEqual(
      agents.map((agent: any) => [agent.agent_id, agent.agent_name]),
      [
        [AI, 'Nova (AI assistant)'],
        [HUMAN, 'Maja Lind'],
      ],
    );
    const gaps = (await get('/v1/analytics/knowledge-gaps')).data;
    assert.deepEqual(
      gaps.messages.map((message: any) => [message.agent_id, message.agent_name, message.dislikes]),
      [[AI, 'Nova (AI assistant)', 1]],
    );
    assert.deepEqual(
      gaps.conversations.map((rating: any) => [rating.agent_id, rating.agent_name, rating.value]),
      [[HUMAN, 'Maja Lind', 2]],
    );
  });

  it('exports the agent, contact and author names beside their ids', async () => {
    const rows = await jsonl('/v1/exports/conversations.jsonl');
    assert.deepEqual(
      rows.map((row) => [row.agent_id, row.agent_name, row.contact_name]),
      [
        [AI, 'Nova (AI assistant)', 'Alex Rivera'],
        [HUMAN, 'Maja Lind', 'Alex Rivera'],
        [UNNAMED, null, 'Alex Rivera'],
      ],
    );
    const ratings = await jsonl('/v1/exports/ratings.jsonl');
    assert.deepEqual(
      ratings.map((row) => [row.agent_name, row.contact_name, row.value]),
      [['Maja Lind', 'Alex Rivera', 2]],
    );
    const feedback = await jsonl('/v1/exports/feedback.jsonl');
    assert.deepEqual(
      feedback.map((row) => [row.agent_name, row.author_name, row.contact_name, row.rating]),
      [
        ['Nova (AI assistant)', 'Dana Admin', 'Alex Rivera', 'dislike'],
        ['Nova (AI assistant)', 'Alex Rivera', 'Alex Rivera', 'like'],
      ],
    );
    const csv = await download('/v1/exports/feedback.csv');
    const header = csv.split('\r\n')[0]!.split(',');
    assert.deepEqual(
      ['contact_name', 'agent_name', 'author_name'].map((column) => header.includes(column)),
      [true, true, true],
    );
    assert.match(csv, /,Nova \(AI assistant\),[0-9a-f-]{36},Dana Admin,dislike,/);
  });

  it('puts the agent name in the webhook payloads', async () => {
    const deliveries = await ctx.database.db
      .selectFrom('webhook_deliveries')
      .select(['event_type', 'payload'])
      .where('org_id', '=', tenant.orgId)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      deliveries.map((delivery) => {
        const { data } = JSON.parse(delivery.payload);
        return [delivery.event_type, data.agent_id, data.agent_name];
      }),
      [
        ['feedback.created', AI, 'Nova (AI assistant)'],
        ['feedback.created', AI, 'Nova (AI assistant)'],
        ['rating.submitted', HUMAN, 'Maja Lind'],
      ],
    );
  });

  it('tells a linked user which agent they are, and names that agent after them', async () => {
    const me = await get('/v1/me');
    assert.equal(me.data.user.agent_id, null);
    const agentId = randomUUID();
    await ctx.app.services.agents.linkUser(tenant.orgId, agentId, tenant.userId);
    assert.equal((await get('/v1/me')).data.user.agent_id, agentId);
    const agent = (await get(`/v1/agents/${agentId}`)).data;
    assert.deepEqual([agent.name, agent.user_id, agent.type], ['Dana Admin', tenant.userId, 'human']);
    // A directory name wins over the user's.
    await ctx.request('PUT', `/v1/agents/${agentId}`, { key: tenant.key, body: { type: 'human', name: 'Dana A.' } });
    assert.equal((await get(`/v1/agents/${agentId}`)).data.name, 'Dana A.');
    assert.deepEqual(
      (await get('/v1/agents?q=dana')).data.map((row: any) => row.name),
      ['Dana A.'],
    );
  });
});
