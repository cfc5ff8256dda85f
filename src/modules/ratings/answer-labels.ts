import type { Db } from '../../db/database.js';
import { fromJson } from '../../db/values.js';
import { textIn, type QuestionsService } from '../questions/index.js';
import { resolveLanguage, type RatingConfigService } from '../rating-config/index.js';
import { askedDefinitions } from './answer-values.js';
import type { QuestionRow, RatingRow } from './ratings.repository.js';

/** How the ids one answer chose read: the options or follow-up reasons of the version it was asked in. */
export type AnswerLabeller = (question: QuestionRow, field: 'options' | 'reasons', ids: string[]) => string[];

/** The labeller of a rating's answers, read in `db` (the writing transaction). */
export type AnswerLabelsOf = (
  db: Db,
  orgId: number,
  rating: RatingRow,
  questions: QuestionRow[],
) => Promise<AnswerLabeller>;

/** A stored JSON array of ids, as a list; null when nothing was stored. */
export function storedIds(value: string | null | undefined): string[] | null {
  const ids = fromJson<unknown>(value, null);
  return Array.isArray(ids) ? ids.map(String) : null;
}

/**
 * The labels of the choices and reasons of a rating's answers in the rating's language (the conversation's, else the
 * organization's default), falling back as the rating page does; an id whose label is gone reads as itself.
 */
export function answerLabels(
  questions: QuestionsService | undefined,
  ratingConfig: RatingConfigService,
): AnswerLabelsOf {
  return async (db, orgId, rating, asked) => {
    const [definitions, settings] = await Promise.all([
      askedDefinitions(questions, db, orgId, asked),
      // The writing transaction changes a rating, never the settings: they come from memory while fresh.
      ratingConfig.resolvedSettingsIn(orgId, db),
    ]);
    const language = resolveLanguage({ conversation: rating.language, organization: settings.language });
    return (question, field, ids) => {
      const definition = definitions.get(`${question.code}@${Number(question.question_version)}`);
      const items = (field === 'options' ? definition?.options : definition?.follow_up?.reasons) ?? [];
      return ids.map((id) => textIn(items.find((item) => item.id === id)?.labels, language, settings.language) ?? id);
    };
  };
}
