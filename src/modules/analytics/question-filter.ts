import { Type } from 'typebox';
import type { Db } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { isQuestionCode, questionCodes } from '../rating-config/index.js';

/**
 * The question a filter names: a built-in code or one of the organization's own questions, archived ones too (their
 * answers are still counted). Checked for its shape here and for existence by `checkQuestionFilter`.
 */
export const QuestionFilterCode = Type.String({
  pattern: '^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$',
  minLength: 2,
  maxLength: 40,
  description:
    'Only answers to this question: a built-in code (CSAT, STARS, NPS, HELPFUL_THUMBS, EXPERIENCE_THUMBS) or the ' +
    "code of one of the organization's own questions (`GET /v1/questions`), archived ones included; any other code " +
    'is `unknown_question_code`.',
  examples: ['CSAT', 'EASE_OF_HELP'],
});

/**
 * Refuses (`unknown_question_code`) a question filter that names neither a built-in code nor one of the organization's
 * own questions. Another organization's question is as unknown as a code nobody has.
 */
export async function checkQuestionFilter(
  db: Db,
  orgId: number,
  code: string | undefined,
  name = 'question_code',
): Promise<void> {
  if (code === undefined || isQuestionCode(code)) return;
  const row = await db
    .selectFrom('questions')
    .select('id')
    .where('org_id', '=', orgId)
    .where('code', '=', code)
    .executeTakeFirst();
  if (row) return;
  throw new AppError(
    'unknown_question_code',
    `${name}=${code} names no question of this organization. Known: the built-in codes (${questionCodes.join(', ')}) ` +
      "and the organization's own questions, archived ones too (GET /v1/questions?include_archived=true).",
  );
}
