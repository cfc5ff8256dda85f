import { questionName } from './format';
import { viewerLanguage } from './filter-questions';
import { textIn, type Question } from './questions';
import { useApi } from './use-api';

/** Names of questions, their options and their follow-up reasons, as people read them. */
export interface QuestionDirectory {
  /** A question's label: the built-in name, else the organization's label in the viewer's language, else its code. */
  name(code: string): string;
  /** A choice option's label, else its id (an option the question no longer has). */
  option(code: string, id: string): string;
  /** A follow-up reason's label, else its id. */
  reason(code: string, id: string): string;
}

/**
 * The organization's questions (archived ones too, whose answers stay) by code, with labels in the viewer's language,
 * else the organization's default, else English. An option or reason is named as the question has it now: their ids
 * stay when a question is edited, so an earlier answer reads with today's wording.
 */
export function useQuestionDirectory(): QuestionDirectory {
  const loaded = useApi<{ data: Question[] }>('/v1/questions?include_archived=true');
  const settings = useApi<{ data: { language: string | null } }>('/v1/rating-settings');
  const fallback = settings.data?.data.language ?? 'en';
  const language = viewerLanguage() ?? fallback;
  const byCode = new Map((loaded.data?.data ?? []).map((question) => [question.code, question]));
  const own = (code: string) => {
    const question = byCode.get(code);
    return question && !question.built_in ? question : undefined;
  };
  return {
    name: (code) => {
      const question = own(code);
      return question ? textIn(question.labels, language, fallback) || code : questionName(code);
    },
    option: (code, id) => {
      const option = own(code)?.options?.find((candidate) => candidate.id === id);
      return option ? textIn(option.labels, language, fallback) || id : id;
    },
    reason: (code, id) => {
      const reason = own(code)?.follow_up?.reasons.find((candidate) => candidate.id === id);
      return reason ? textIn(reason.labels, language, fallback) || id : id;
    },
  };
}
