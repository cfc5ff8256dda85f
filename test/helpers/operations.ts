import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { TestContext, Tenant } from './app.js';

/**
 * The API's operations as the OpenAPI document lists them, and the records of one organization that their path
 * parameters name: shared by the suites that attack every route (the fuzz suite, the cross-tenant matrix), so that a
 * route added to the API is attacked the day it is added.
 */

export interface Operation {
  method: string;
  /** The OpenAPI path, with `{param}` placeholders. */
  path: string;
  params: string[];
  /** The operation as a whole: its parameters, request body and responses. */
  spec: any;
  /** Public operations need no API key (sign-in, the widget's token routes). */
  public: boolean;
  surface: 'native' | 'vendor' | 'widget' | 'session';
}

/** Every operation of the document. */
export function operationsOf(document: any): Operation[] {
  return Object.entries(document.paths as Record<string, Record<string, any>>).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, spec]) => ({
      method: method.toUpperCase(),
      path,
      params: [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!),
      spec,
      public: Array.isArray(spec.security) && spec.security.length === 0,
      surface: /^\/(beta|third-party|api\/agents)\/|^\/v1\/api\//.test(path)
        ? ('vendor' as const)
        : path.startsWith('/widget/')
          ? ('widget' as const)
          : path.startsWith('/auth/') || path.startsWith('/dashboard/')
            ? ('session' as const)
            : ('native' as const),
    })),
  );
}

/** The ids of one organization's records, by what a path parameter names. */
export interface Ids {
  conversationId: string;
  conversationUid: string;
  messageUid: string;
  ratingId: string;
  ratingUid: string;
  apiKeyId: string;
  webhookId: string;
  deliveryId: string;
  topicId: string;
  reviewId: string;
  agentId: string;
  userId: string;
  invitationId: string;
  questionCode: string;
}

/**
 * What each path parameter names. A route whose parameter is not listed makes `fill` answer undefined, which the
 * suites treat as a failure: add it here, with records of that kind in `seedOrganization`.
 */
export function valueOf(path: string, param: string, ids: Ids): string | undefined {
  // A language names no record: the texts of that language in the caller's own organization.
  if (param === 'language') return 'de';
  if (param === 'code' && path.startsWith('/v1/questions/')) return ids.questionCode;
  if (param === 'delivery_id') return ids.deliveryId;
  if (param === 'agent_id') return ids.agentId;
  if (param === 'conversationId') return ids.conversationId;
  if (param === 'conversationUid') return ids.conversationUid;
  if (param === 'messageUid') return ids.messageUid;
  if (param === 'ratingId') return ids.ratingUid;
  if (param === 'uid' && /^\/(v1|widget\/v1)\/messages\//.test(path)) return ids.messageUid;
  if (param !== 'id') return undefined;
  if (/^\/(v1|third-party\/v1)\/conversations\//.test(path)) return ids.conversationId;
  if (/^\/(v1|third-party\/v1)\/ratings\//.test(path)) return ids.ratingId;
  if (path.startsWith('/v1/api-keys/')) return ids.apiKeyId;
  if (path.startsWith('/v1/analytics/topics/')) return ids.topicId;
  if (path.startsWith('/v1/reviews/')) return ids.reviewId;
  if (path.startsWith('/v1/webhooks/')) return ids.webhookId;
  if (path.startsWith('/v1/users/')) return ids.userId;
  if (path.startsWith('/v1/invitations/')) return ids.invitationId;
  return undefined;
}

/** The UUID form of the same records, for the routes whose `{id}` takes either. */
export function uidVariant(path: string, param: string, ids: Ids): string | undefined {
  if (param !== 'id') return undefined;
  if (path.startsWith('/v1/conversations/')) return ids.conversationUid;
  if (path.startsWith('/v1/ratings/')) return ids.ratingUid;
  return undefined;
}

/** The operation's path with its parameters filled from `ids`; undefined when a parameter is not known. */
export function fill(operation: Operation, ids: Ids, variant: 'id' | 'uid' = 'id'): string | undefined {
  let url = operation.path;
  for (const param of operation.params) {
    const value =
      (variant === 'uid' ? uidVariant(operation.path, param, ids) : undefined) ?? valueOf(operation.path, param, ids);
    if (value === undefined) return undefined;
    url = url.replace(`{${param}}`, value);
  }
  return url;
}

export interface SeededOrganization {
  ids: Ids;
  /** Strings that only this organization's records hold. */
  markers: string[];
  /** A rating invite's public page code. */
  ratingCode: string;
  /** The prompt version of the AI answer, which its feedback and ratings count under. */
  promptVersion: string;
}

/**
 * Fills a tenant with one record of every kind a path can name: a webhook with a delivery, a named agent, a
 * conversation with messages (the AI answer with a prompt version), message feedback, a rating invite, an answered
 * survey, a second API key, a topic, a review item, a second member and a pending invitation.
 */
export async function seedOrganization(ctx: TestContext, tenant: Tenant): Promise<SeededOrganization> {
  const secret = `owner-secret-${randomUUID()}`;
  const expect = (response: { status: number; body: unknown }, status: number) =>
    assert.equal(response.status, status, JSON.stringify(response.body));
  const webhook = await ctx.request('POST', '/v1/webhooks', {
    key: tenant.key,
    body: { url: `https://hooks.example.com/${secret}`, event_types: ['feedback.created', 'rating.submitted'] },
  });
  expect(webhook, 201);
  const agentId = randomUUID();
  expect(
    await ctx.request('PUT', `/v1/agents/${agentId}`, {
      key: tenant.key,
      body: { type: 'ai', name: `Agent ${secret}`, model: `Model ${secret}` },
    }),
    201,
  );
  const conversation = await ctx.request('POST', '/v1/conversations', {
    key: tenant.key,
    body: {
      external_id: secret,
      channel: 'email',
      agent_type: 'ai',
      agent_id: agentId,
      contact_name: `Contact ${secret}`,
      messages: [
        { role: 'user', text: `Question ${secret}` },
        { role: 'ai', text: `Answer ${secret}`, prompt_version: `Prompt ${secret}` },
      ],
    },
  });
  expect(conversation, 201);
  const { id, uid, messages, contact_id } = conversation.body.data;
  const messageUid = messages[1].uid;
  expect(
    await ctx.request('POST', `/v1/messages/${messageUid}/feedback`, {
      key: tenant.key,
      body: { rating: 'like', comment: `Liked ${secret}` },
    }),
    200,
  );
  const invite = await ctx.request('POST', `/v1/conversations/${id}/rating-invites`, { key: tenant.key });
  expect(invite, 201);
  const rating = await ctx.request('POST', `/v1/conversations/${id}/ratings`, {
    key: tenant.key,
    body: { question_codes: ['CSAT', 'NPS'] },
  });
  expect(rating, 201);
  expect(
    await ctx.request('POST', `/v1/ratings/${rating.body.data.id}/answers`, {
      key: tenant.key,
      body: { answers: [{ code: 'NPS', value: 3 }], comment: `Comment ${secret}` },
    }),
    200,
  );
  const deliveries = await ctx.request('GET', `/v1/webhooks/${webhook.body.data.id}/deliveries`, { key: tenant.key });
  assert.ok(deliveries.body.data.length > 0, 'the webhook has deliveries');
  const key = await ctx.newKey(tenant, ['read_all']);
  // The low NPS answer in an AI conversation makes a topic.
  assert.equal(await ctx.app.services.topics.computeOrganization(tenant.orgId), true);
  const topics = await ctx.request('GET', '/v1/analytics/topics', { key: tenant.key });
  assert.equal(topics.body.data.topics.length, 1, JSON.stringify(topics.body));
  // The same low answer puts the conversation in the review queue.
  const reviews = await ctx.request('GET', '/v1/reviews', { key: tenant.key });
  assert.equal(reviews.body.data.length, 1, JSON.stringify(reviews.body));
  const member = await ctx.app.services.accounts.createUser({
    orgId: tenant.orgId,
    email: `member-${randomUUID()}@test.invalid`,
    name: `Member ${secret}`,
  });
  const questionCode = `OWN_${randomUUID().replaceAll('-', '').slice(0, 12).toUpperCase()}`;
  expect(
    await ctx.request('POST', '/v1/questions', {
      key: tenant.key,
      body: { code: questionCode, kind: 'ces', labels: { en: `Ease ${secret}` } },
    }),
    201,
  );
  const invitation = await ctx.request('POST', '/v1/invitations', {
    key: tenant.key,
    body: { email: `invitee-${randomUUID()}@test.invalid`, role: 'agent' },
  });
  expect(invitation, 201);
  return {
    ids: {
      conversationId: String(id),
      conversationUid: uid,
      messageUid,
      ratingId: String(rating.body.data.id),
      ratingUid: rating.body.data.uid,
      apiKeyId: String(key.id),
      webhookId: String(webhook.body.data.id),
      deliveryId: String(deliveries.body.data[0].id),
      topicId: String(topics.body.data.topics[0].id),
      reviewId: String(reviews.body.data[0].id),
      agentId,
      userId: member.user.id,
      invitationId: String(invitation.body.data.id),
      questionCode,
    },
    markers: [
      secret,
      uid,
      messageUid,
      messages[0].uid,
      contact_id,
      rating.body.data.uid,
      rating.body.data.code,
      invite.body.data.rating.uid,
      invite.body.data.rating.code,
      webhook.body.data.secret,
      member.user.email,
      invitation.body.data.email,
    ],
    ratingCode: invite.body.data.rating.code,
    promptVersion: `Prompt ${secret}`,
  };
}
