import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principalOf } from '../../http/auth.js';
import { errorResponses, IdOrUid } from '../../http/schemas.js';
import type { RatingsService } from './ratings.service.js';

const RuleName = Type.Union(
  [
    Type.Literal('enabled'),
    Type.Literal('ratings_active'),
    Type.Literal('channel'),
    Type.Literal('agent_type'),
    Type.Literal('contact_messages'),
    Type.Literal('sampling'),
    Type.Literal('cooldown'),
  ],
  { description: 'The rule judged.' },
);

export const SurveyEligibility = Type.Object({
  eligible: Type.Boolean({ description: 'Whether closing the conversation now offers an invite.' }),
  reasons: Type.Array(
    Type.Object({
      rule: RuleName,
      passed: Type.Boolean(),
      detail: Type.String({ description: 'What was checked, against what, in one sentence.' }),
    }),
    { description: 'Every rule, in a fixed order, passed or not.' },
  ),
});

/** GET /v1/conversations/{id}/survey-eligibility: would closing it offer an invite, and why. */
export const surveyEligibilityRoutes: FastifyPluginAsyncTypebox<{ ratings: RatingsService }> = async (
  app,
  { ratings },
) => {
  app.get(
    '/v1/conversations/:id/survey-eligibility',
    {
      schema: {
        tags: ['Survey rules'],
        summary: 'Say whether the survey rules survey a conversation',
        description:
          'Yes or no, and why: each rule of `GET /v1/survey-rules` judged on the conversation as it is now, with a ' +
          "sentence. The sampling rule hashes the conversation's uid, so the answer stays the same while the " +
          'conversation does.',
        params: Type.Object({ id: IdOrUid }),
        response: { 200: Type.Object({ data: SurveyEligibility }), ...errorResponses('conversation_not_found') },
      },
    },
    async (request) => ({ data: await ratings.surveyEligibility(principalOf(request).orgId, request.params.id) }),
  );
};
