import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principalOf } from '../../http/auth.js';
import { errorResponses, NextCursor } from '../../http/schemas.js';
import { AuditActors, AuditEntryView, AuditLogQuery } from './audit.schemas.js';
import type { AuditService } from './audit.service.js';

const tags = ['Audit log'];

/** The audit log, read-only: there is no route that changes or removes an entry. */
export const auditRoutes: FastifyPluginAsyncTypebox<{ audit: AuditService }> = async (app, { audit }) => {
  app.get(
    '/v1/audit-log',
    {
      config: { role: 'admin' },
      schema: {
        tags,
        summary: 'Read the audit log',
        description:
          'Admins only. Who did what and when: settings changes with their before and after, API keys created and ' +
          'revoked, webhooks created, changed, rotated and deleted, conversations anonymized, and the team’s events. ' +
          'Newest first. The log is append-only: no route changes or deletes an entry.',
        querystring: AuditLogQuery,
        response: {
          200: Type.Object({ data: Type.Array(AuditEntryView), next_cursor: NextCursor }),
          ...errorResponses('invalid_cursor', 'invalid_date_range', 'invalid_timezone'),
        },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      return audit.list(principal.orgId, request.query);
    },
  );

  app.get(
    '/v1/audit-log/actors',
    {
      config: { role: 'admin' },
      schema: {
        tags,
        summary: 'Who appears in the audit log',
        description: 'Admins only. The users who did something the log records: the choices of its actor filter.',
        response: { 200: Type.Object({ data: AuditActors }), ...errorResponses() },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      return { data: await audit.actors(principal.orgId) };
    },
  );
};
