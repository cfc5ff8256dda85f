import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principalOf } from '../../http/auth.js';
import { errorResponses, IdOrUid, NextCursor, PageQuery } from '../../http/schemas.js';
import {
  Delivery,
  DeliveryId,
  DeliveryStatus,
  Webhook,
  WebhookInput,
  WebhookPatch,
  WebhookWithSecret,
} from './webhooks.schemas.js';
import type { WebhooksService } from './webhooks.service.js';

const tags = ['Webhooks'];
// Webhooks carry secrets and send data out of Plaudit: every route, reads included, needs write_all and an admin.
const config = { scope: 'write_all' as const, role: 'admin' as const };
const params = Type.Object({ id: IdOrUid });

/** The native webhooks API under /v1. */
export const webhooksRoutes: FastifyPluginAsyncTypebox<{ webhooks: WebhooksService }> = async (app, { webhooks }) => {
  app.post(
    '/v1/webhooks',
    {
      config,
      schema: {
        tags,
        summary: 'Register a webhook',
        description:
          'Answers the webhook with its signing `secret` (`whsec_` + base64), shown here and on rotation only. ' +
          'Private, loopback and link-local addresses are refused unless `WEBHOOK_ALLOW_PRIVATE_NETWORKS=true`.',
        body: WebhookInput,
        response: {
          201: Type.Object({ data: WebhookWithSecret }),
          ...errorResponses('webhook_url_refused'),
        },
      },
    },
    async (request, reply) => {
      const created = await webhooks.createWebhook(principalOf(request).orgId, request.body);
      return reply.status(201).send({ data: created });
    },
  );

  app.get(
    '/v1/webhooks',
    {
      config,
      schema: {
        tags,
        summary: 'List webhooks',
        description: 'Newest first. Secrets are not listed.',
        querystring: Type.Object({ ...PageQuery }, { additionalProperties: false }),
        response: {
          200: Type.Object({ data: Type.Array(Webhook), next_cursor: NextCursor }),
          ...errorResponses(),
        },
      },
    },
    async (request) => webhooks.listWebhooks(principalOf(request).orgId, request.query),
  );

  app.get(
    '/v1/webhooks/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Get a webhook',
        params,
        response: { 200: Type.Object({ data: Webhook }), ...errorResponses('webhook_not_found') },
      },
    },
    async (request) => ({ data: await webhooks.getWebhook(principalOf(request).orgId, request.params.id) }),
  );

  app.patch(
    '/v1/webhooks/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Change a webhook',
        description: 'Omitted fields keep their values. New events follow the change within seconds on every node.',
        params,
        body: WebhookPatch,
        response: {
          200: Type.Object({ data: Webhook }),
          ...errorResponses('webhook_not_found', 'webhook_url_refused'),
        },
      },
    },
    async (request) => ({
      data: await webhooks.updateWebhook(principalOf(request).orgId, request.params.id, request.body),
    }),
  );

  app.delete(
    '/v1/webhooks/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Delete a webhook',
        description: 'With its deliveries and their log; pending deliveries are not sent.',
        params,
        response: { 204: Type.Null(), ...errorResponses('webhook_not_found') },
      },
    },
    async (request, reply) => {
      await webhooks.deleteWebhook(principalOf(request).orgId, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/v1/webhooks/:id/rotate-secret',
    {
      config,
      schema: {
        tags,
        summary: 'Rotate the signing secret',
        description: 'Every delivery sent from now on, pending ones included, is signed with the new secret only.',
        params,
        response: { 200: Type.Object({ data: WebhookWithSecret }), ...errorResponses('webhook_not_found') },
      },
    },
    async (request) => ({ data: await webhooks.rotateSecret(principalOf(request).orgId, request.params.id) }),
  );

  app.get(
    '/v1/webhooks/:id/deliveries',
    {
      config,
      schema: {
        tags,
        summary: 'List the deliveries of a webhook',
        description: 'Newest first, each with its attempts (status code, duration, error).',
        params,
        querystring: Type.Object(
          { status: Type.Optional(DeliveryStatus), ...PageQuery },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ data: Type.Array(Delivery), next_cursor: NextCursor }),
          ...errorResponses('webhook_not_found'),
        },
      },
    },
    async (request) => webhooks.listDeliveries(principalOf(request).orgId, request.params.id, request.query),
  );

  app.post(
    '/v1/webhooks/:id/deliveries/:delivery_id/retry',
    {
      config,
      schema: {
        tags,
        summary: 'Send a delivery again',
        description:
          'Queues the delivery to be sent at once with the same `webhook-id`; a finished one starts a fresh ' +
          'schedule of retries.',
        params: Type.Object({ id: IdOrUid, delivery_id: DeliveryId }),
        response: {
          202: Type.Null({ description: 'Queued.' }),
          ...errorResponses('webhook_not_found', 'webhook_delivery_not_found'),
        },
      },
    },
    async (request, reply) => {
      await webhooks.retryDelivery(principalOf(request).orgId, request.params.id, request.params.delivery_id);
      return reply.status(202).send(null);
    },
  );
};
