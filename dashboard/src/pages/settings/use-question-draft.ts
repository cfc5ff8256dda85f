import { useMemo, useState } from 'react';
import { ApiError } from '../../api/client';
import { placeApiError } from '../../lib/question-errors';
import { idFromLabel, validateDraft, type Draft, type DraftErrors, type Texts } from '../../lib/questions';
import type { EditedItem } from './question-items';

/** A draft as the form holds it: items remember whether their id still follows their label. */
export interface EditedDraft extends Draft {
  options: EditedItem[];
  reasons: EditedItem[];
  /** Whether the code was written by hand (or is an existing question's); until then it follows the question. */
  codeEdited: boolean;
}

/** The state of a question form, new or edited: the draft, what is wrong with it, and what the API refused. */
export interface QuestionDraftForm {
  draft: EditedDraft;
  /** The browser's checks, then what the API refused (each at its field) until that field changes. */
  errors: DraftErrors;
  /** The error of a field to show now: once it was changed, or once saving was tried. */
  shown: (key: string) => string | undefined;
  /** Whether the errors of a list (`options`, `reasons`) are shown now. */
  itemsShown: (field: 'options' | 'reasons') => boolean;
  submitted: boolean;
  change: (field: string, next: Partial<EditedDraft>) => void;
  setText: (field: 'labels' | 'help' | 'commentPrompt', language: string, text: string) => void;
  /** What the API refused that is about no single field. */
  formError: string | null;
  /** Marks the form as submitted; answers whether the browser's checks pass. */
  trySubmit: () => boolean;
  /** Shows a refusal at its field (or above the buttons); `fallback` for anything that is not an API error. */
  refused: (caught: unknown, fallback: string) => void;
}

/** Form state shared by the new-question form and the editor. */
export function useQuestionDraft(initial: () => EditedDraft, taken: ReadonlySet<string>): QuestionDraftForm {
  const [draft, setDraft] = useState<EditedDraft>(initial);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [apiErrors, setApiErrors] = useState<DraftErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const checked = useMemo(() => validateDraft(draft, taken), [draft, taken]);
  const errors = useMemo(() => ({ ...apiErrors, ...checked }), [apiErrors, checked]);

  const change = (field: string, next: Partial<EditedDraft>) => {
    setFormError(null);
    // A refusal stays at its field until that field (or the list it is in) changes.
    setApiErrors((current) =>
      Object.fromEntries(Object.entries(current).filter(([key]) => key.split('.')[0] !== field)),
    );
    setTouched((current) => new Set(current).add(field));
    setDraft((current) => ({ ...current, ...next }));
  };
  const [first] = draft.languages;

  return {
    draft,
    errors,
    submitted,
    formError,
    change,
    shown: (key) => {
      if (apiErrors[key] && !checked[key]) return apiErrors[key];
      return submitted || touched.has(key.split('.')[0]!) ? checked[key] : undefined;
    },
    itemsShown: (field) =>
      submitted || touched.has(field) || Object.keys(apiErrors).some((key) => key.split('.')[0] === field),
    setText: (field, language, text) => {
      const texts: Texts = { ...draft[field], [language]: text };
      const follow = field === 'labels' && language === first && !draft.codeEdited;
      change(field, { [field]: texts, ...(follow ? { code: idFromLabel(text) } : {}) });
    },
    trySubmit: () => {
      setSubmitted(true);
      setFormError(null);
      return Object.keys(checked).length === 0;
    },
    refused: (caught, fallback) => {
      if (!(caught instanceof ApiError)) {
        setFormError(fallback);
        return;
      }
      const placed = placeApiError(caught, draft.languages);
      if (placed.field === null) setFormError(placed.message);
      else setApiErrors({ [placed.field]: placed.message });
    },
  };
}

/** Focuses the first field marked invalid in `form`, once the marks have rendered. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
