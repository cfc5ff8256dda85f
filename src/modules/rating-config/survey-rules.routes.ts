import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principalOf } from '../../http/auth.js';
import { errorResponses } from '../../http/schemas.js';
import { SurveyRules, SurveyRulesInput } from './survey-rules.schemas.js';
import type { SurveyRulesService } from './survey-rules.service.js';

const tags = ['Survey rules'];

/** GET/PUT /v1/survey-rules: who is asked, and when. */
export const surveyRulesRoutes: FastifyPluginAsyncTypebox<{ surveyRules: SurveyRulesService }> = async (
  app,
  { surveyRules },
) => {
  app.get(
    '/v1/survey-rules',
    {
      schema: {
        tags,
        summary: 'Get the survey rules',
        description:
          'Who is asked, and when: the rules closing a conversation and the widget popup follow. The defaults (off) ' +
          'until an admin saves some.',
        response: { 200: Type.Object({ data: SurveyRules }), ...errorResponses() },
      },
    },
    async (request) => ({ data: await surveyRules.get(principalOf(request).orgId) }),
  );

  app.put(
    '/v1/survey-rules',
    {
      config: { role: 'admin' },
      schema: {
        tags,
        summary: 'Replace the survey rules',
        description:
          'Send every field. All or nothing: a channel or agent type named twice, or a reminder at or after the ' +
          "invites' expiry, changes nothing. A change is recorded in the audit log.",
        body: SurveyRulesInput,
        response: {
          200: Type.Object({ data: SurveyRules }),
          ...errorResponses('invalid_survey_rules', 'reminder_after_expiry'),
        },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      return { data: await surveyRules.replace(principal.orgId, request.body, principal) };
    },
  );
};
