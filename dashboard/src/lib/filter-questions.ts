import { questionNames } from './format';
import { LANGUAGES } from './languages';
import { textIn, type Question } from './questions';
import { useApi } from './use-api';

/**
 * The questions analytics and the inbox can be filtered by: the built-in ones, then the organization's own (archived ones
 * too, whose answers still count), each by its label in the viewer's language and with the figure it feeds.
 */

/** Which key figure a question's answers count in: CSAT for stars and CSAT questions, NPS, CES, thumbs; or none. */
export type FigureKind = 'stars' | 'nps' | 'ces' | 'thumbs' | null;

export interface FilterQuestion {
  code: string;
  label: string;
  kind: FigureKind;
  archived: boolean;
  builtIn: boolean;
}

const FIGURE_OF: Record<string, FigureKind> = {
  stars: 'stars',
  csat: 'stars',
  nps: 'nps',
  ces: 'ces',
  thumbs: 'thumbs',
};

/** The viewer's language when the rating page speaks it (their browser's), else none. */
export function viewerLanguage(): string | undefined {
  const code = navigator.language.split('-')[0]?.toLowerCase();
  return LANGUAGES.some((language) => language.code === code) ? code : undefined;
}

const BUILT_IN: FilterQuestion[] = Object.entries(questionNames).map(([code, about]) => ({
  code,
  label: about.label,
  kind: about.kind,
  archived: false,
  builtIn: true,
}));

/** The built-in questions at once, the organization's own as soon as they are loaded (unless `load` is false). */
export function useFilterQuestions(load = true): FilterQuestion[] {
  const loaded = useApi<{ data: Question[] }>(load ? '/v1/questions?include_archived=true' : null);
  const settings = useApi<{ data: { language: string | null } }>(load ? '/v1/rating-settings' : null);
  const language = viewerLanguage() ?? settings.data?.data.language ?? 'en';
  const fallback = settings.data?.data.language ?? 'en';
  const own = (loaded.data?.data ?? [])
    .filter((question) => !question.built_in)
    .map((question): FilterQuestion => ({
      code: question.code,
      label: textIn(question.labels, language, fallback) || question.code,
      kind: FIGURE_OF[question.kind] ?? null,
      archived: question.archived_at !== null,
      builtIn: false,
    }));
  return [...BUILT_IN, ...own];
}

/** A question's name as people read it: its label, else (not loaded yet, or gone) its code. */
export function questionLabel(questions: FilterQuestion[], code: string): string {
  return questions.find((question) => question.code === code)?.label ?? code;
}
