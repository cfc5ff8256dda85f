import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principalOf } from '../../http/auth.js';
import { DateTime, errorResponses, Nullable } from '../../http/schemas.js';
import type { SetupService } from './setup.service.js';

const SetupState = Type.Object({
  organization: Type.Object({ id: Type.Integer(), name: Type.String() }),
  public_url: Type.String({ description: 'This server as reached from outside (`PUBLIC_URL`).' }),
  steps: Type.Array(
    Type.Object({
      id: Type.Union([
        Type.Literal('api_key'),
        Type.Literal('conversation'),
        Type.Literal('ratings'),
        Type.Literal('widget'),
      ]),
      done: Type.Boolean(),
      done_at: Nullable(DateTime),
    }),
  ),
  complete: Type.Boolean({ description: 'Every step is done.' }),
});

/** The first-day checklist. */
export const setupRoutes: FastifyPluginAsyncTypebox<{ setup: SetupService }> = async (app, { setup }) => {
  app.get(
    '/v1/setup',
    {
      schema: {
        tags: ['Account'],
        summary: 'The first-day checklist',
        description:
          'Which first steps have happened, derived from the data: `api_key` (a key made after the organization’s ' +
          'first), `conversation` (one exists), `ratings` (the rating settings were saved with ratings on), ' +
          '`widget` (a widget token is live, or the popup was answered). With `public_url`, the base of the ' +
          'commands the dashboard shows.',
        response: { 200: Type.Object({ data: SetupState }), ...errorResponses() },
      },
    },
    async (request) => ({ data: await setup.state(principalOf(request).orgId) }),
  );
};
