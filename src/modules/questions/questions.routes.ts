import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principalOf } from '../../http/auth.js';
import { errorResponses } from '../../http/schemas.js';
import { Question, QuestionCreate, QuestionOrder, QuestionPatch, QuestionVersion } from './questions.schemas.js';
import type { QuestionsService } from './questions.service.js';

const tags = ['Questions'];
const CodeParams = Type.Object({
  code: Type.String({ maxLength: 64, description: 'The question code, e.g. `EASE_OF_HELP` or a built-in `CSAT`.' }),
});
const QuestionList = Type.Object({ data: Type.Array(Question) });
const definitionErrors = ['invalid_question_definition', 'unsupported_language'] as const;

/** /v1/questions: the built-in codes and the organization's own questions, versioned. Writes are for admins. */
export const questionsRoutes: FastifyPluginAsyncTypebox<{ questions: QuestionsService }> = async (
  app,
  { questions },
) => {
  app.get(
    '/v1/questions',
    {
      schema: {
        tags,
        summary: 'List the questions',
        description:
          'Every question a survey can ask: the built-in codes first (`built_in: true`, read-only), then the ' +
          "organization's own in their order. `include_archived=true` adds the archived ones.",
        querystring: Type.Object({ include_archived: Type.Optional(Type.Boolean()) }),
        response: { 200: QuestionList, ...errorResponses() },
      },
    },
    async (request) => ({
      data: await questions.list(principalOf(request).orgId, { includeArchived: request.query.include_archived }),
    }),
  );

  app.post(
    '/v1/questions',
    {
      config: { role: 'admin' },
      schema: {
        tags,
        summary: 'Create a question',
        description:
          "A question of the organization's own, at version 1, after its other questions. Labels are needed in at " +
          "least one language; a text in a language the page is shown in falls back to the organization's " +
          'default language, then English, then the first language it has.',
        body: QuestionCreate,
        response: {
          201: Type.Object({ data: Question }),
          ...errorResponses('invalid_question_code', 'question_code_taken', ...definitionErrors),
        },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      reply.status(201);
      return { data: await questions.create(principal.orgId, request.body, principal) };
    },
  );

  app.put(
    '/v1/questions/order',
    {
      config: { role: 'admin' },
      schema: {
        tags,
        summary: 'Reorder the questions',
        description:
          "Puts the named active questions first, in the order given; the organization's other active questions " +
          'follow in the order they had. Built-in codes have no position.',
        body: QuestionOrder,
        response: { 200: QuestionList, ...errorResponses('unknown_question_code', 'built_in_question') },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      return { data: await questions.reorder(principal.orgId, request.body, principal) };
    },
  );

  app.get(
    '/v1/questions/:code',
    {
      schema: {
        tags,
        summary: 'Get a question',
        description:
          "A built-in code, or one of the organization's questions (archived ones too), at its current version.",
        params: CodeParams,
        response: { 200: Type.Object({ data: Question }), ...errorResponses('question_not_found') },
      },
    },
    async (request) => ({ data: await questions.get(principalOf(request).orgId, request.params.code) }),
  );

  app.patch(
    '/v1/questions/:code',
    {
      config: { role: 'admin' },
      schema: {
        tags,
        summary: 'Change a question',
        description:
          "Send any of the definition's fields; the merged definition is checked as a whole and, when it differs, " +
          'stored as the next version. Answers already given keep the version they were asked in. The kind cannot ' +
          'change (409 `question_kind_change`); an archived question cannot change.',
        params: CodeParams,
        body: QuestionPatch,
        response: {
          200: Type.Object({ data: Question }),
          ...errorResponses(
            'question_not_found',
            'built_in_question',
            'question_kind_change',
            'question_archived',
            ...definitionErrors,
          ),
        },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      return { data: await questions.update(principal.orgId, request.params.code, request.body, principal) };
    },
  );

  app.delete(
    '/v1/questions/:code',
    {
      config: { role: 'admin' },
      schema: {
        tags,
        summary: 'Archive a question',
        description:
          'It can no longer be offered; answers already given stay readable, with the version they were asked in. ' +
          "Refused with 409 `question_in_use` while the rating settings' `conv_rating_question_codes` list it. " +
          'Archiving an archived question changes nothing; `POST /v1/questions/{code}/restore` brings it back.',
        params: CodeParams,
        response: {
          200: Type.Object({ data: Question }),
          ...errorResponses('question_not_found', 'built_in_question', 'question_in_use'),
        },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      return { data: await questions.archive(principal.orgId, request.params.code, principal) };
    },
  );

  app.post(
    '/v1/questions/:code/restore',
    {
      config: { role: 'admin' },
      schema: {
        tags,
        summary: 'Restore an archived question',
        description:
          'Surveys can ask it again, in its current version; it joins the end of the active questions. Restoring an ' +
          'active question changes nothing.',
        params: CodeParams,
        response: {
          200: Type.Object({ data: Question }),
          ...errorResponses('question_not_found', 'built_in_question'),
        },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      return { data: await questions.restore(principal.orgId, request.params.code, principal) };
    },
  );

  app.get(
    '/v1/questions/:code/versions',
    {
      schema: {
        tags,
        summary: "List a question's versions",
        description: 'Every version, oldest first, with what it asked. Built-in codes have none.',
        params: CodeParams,
        response: { 200: Type.Object({ data: Type.Array(QuestionVersion) }), ...errorResponses('question_not_found') },
      },
    },
    async (request) => ({ data: await questions.versions(principalOf(request).orgId, request.params.code) }),
  );
};
