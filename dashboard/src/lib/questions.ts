/**
 * The organization's own survey questions as the dashboard sees them (`/v1/questions`), and the rules a draft must
 * meet — the same ones the API checks, so the designer can say what is wrong as the person types. The API stays the
 * judge: whatever it still refuses is shown as it says it.
 */

export type QuestionKind = 'stars' | 'csat' | 'nps' | 'ces' | 'thumbs' | 'choice' | 'text';

/** Text in several languages, by language code. */
export type Texts = Record<string, string>;

export interface QuestionItem {
  id: string;
  labels: Texts;
}

export interface FollowUp {
  reasons: QuestionItem[];
  comment_prompt?: Texts | null;
}

export interface Question {
  code: string;
  kind: QuestionKind;
  built_in: boolean;
  version: number | null;
  position: number | null;
  labels: Texts;
  help: Texts | null;
  required: boolean;
  options: QuestionItem[] | null;
  multiple: boolean | null;
  follow_up: FollowUp | null;
  archived_at: string | null;
  created_at: string | null;
  updated_at: string | null;
}

/** What a person picks a kind by, and what it asks. */
export const KINDS: Array<{ kind: QuestionKind; name: string; description: string }> = [
  { kind: 'stars', name: 'Stars', description: 'One to five stars.' },
  {
    kind: 'csat',
    name: 'Satisfaction (CSAT)',
    description: 'Five answers from “Very dissatisfied” to “Very satisfied”.',
  },
  { kind: 'nps', name: 'Recommendation (NPS)', description: '0 to 10: how likely they are to recommend you.' },
  { kind: 'ces', name: 'Effort (CES)', description: '1 to 7: how easy it was to get help.' },
  { kind: 'thumbs', name: 'Thumbs', description: 'Thumbs up or down.' },
  { kind: 'choice', name: 'Choice', description: 'One or several of 2 to 10 options you name.' },
  { kind: 'text', name: 'Free text', description: 'A written answer.' },
];

export function kindName(kind: string): string {
  return KINDS.find((entry) => entry.kind === kind)?.name ?? kind;
}

/** Kinds with an answer that can be low, and so a follow-up (reasons and a comment prompt). */
export const FOLLOW_UP_KINDS: ReadonlySet<QuestionKind> = new Set(['stars', 'csat', 'nps', 'ces', 'thumbs']);

/** When a kind's follow-up shows, in words. */
export function lowAnswer(kind: QuestionKind): string {
  switch (kind) {
    case 'stars':
      return '1 or 2 stars';
    case 'csat':
      return '“Dissatisfied” or worse';
    case 'nps':
      return '0 to 6';
    case 'ces':
      return '1 to 3';
    case 'thumbs':
      return 'a thumbs down';
    default:
      return 'never';
  }
}

export const BUILT_IN_CODES: ReadonlySet<string> = new Set([
  'HELPFUL_THUMBS',
  'EXPERIENCE_THUMBS',
  'CSAT',
  'STARS',
  'NPS',
]);

export const LIMITS = {
  codeMin: 2,
  codeMax: 40,
  label: 200,
  help: 500,
  prompt: 200,
  options: { min: 2, max: 10 },
  reasons: 10,
  idMax: 40,
};

const UPPER_SNAKE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;

/** A label turned into an id a person would write: "It took too long" → "IT_TOOK_TOO_LONG". */
export function idFromLabel(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^[_0-9]+|_+$/g, '')
    .slice(0, LIMITS.idMax)
    .replace(/_+$/, '');
}

/** Text in `language`, else the fallback language, else English, else the first language it has. */
export function textIn(texts: Texts | null | undefined, language: string, fallback = 'en'): string {
  if (!texts) return '';
  return texts[language] || texts[fallback] || texts.en || Object.values(texts).find(Boolean) || '';
}

/** A draft in the designer: every language's texts kept, the empty ones left out when sent. */
export interface Draft {
  code: string;
  kind: QuestionKind;
  languages: string[];
  labels: Texts;
  help: Texts;
  required: boolean;
  options: QuestionItem[];
  multiple: boolean;
  reasons: QuestionItem[];
  commentPrompt: Texts;
}

export function emptyDraft(language: string): Draft {
  return {
    code: '',
    kind: 'csat',
    languages: [language],
    labels: {},
    help: {},
    required: true,
    options: [],
    multiple: false,
    reasons: [],
    commentPrompt: {},
  };
}

/**
 * The API's body for a draft: `{ code, kind, ...definition }`. Only the draft's languages are sent, so that a language
 * removed in the form (with what was typed in it) leaves the question.
 */
export function draftBody(draft: Draft) {
  const filled = (texts: Texts): Texts =>
    Object.fromEntries(
      draft.languages.filter((code) => (texts[code] ?? '').trim() !== '').map((code) => [code, texts[code]!]),
    );
  const help = filled(draft.help);
  const prompt = filled(draft.commentPrompt);
  const followUp = FOLLOW_UP_KINDS.has(draft.kind) && (draft.reasons.length > 0 || Object.keys(prompt).length > 0);
  return {
    code: draft.code,
    kind: draft.kind,
    labels: filled(draft.labels),
    ...(Object.keys(help).length > 0 ? { help } : {}),
    required: draft.required,
    ...(draft.kind === 'choice'
      ? {
          options: draft.options.map((option) => ({ id: option.id, labels: filled(option.labels) })),
          multiple: draft.multiple,
        }
      : {}),
    ...(followUp
      ? {
          follow_up: {
            reasons: draft.reasons.map((reason) => ({ id: reason.id, labels: filled(reason.labels) })),
            ...(Object.keys(prompt).length > 0 ? { comment_prompt: prompt } : {}),
          },
        }
      : {}),
  };
}

/** What is wrong with a draft, by field: `code`, `labels.en`, `options`, `options.2.id`, `reasons.0.labels`… */
export type DraftErrors = Record<string, string>;

function checkTexts(errors: DraftErrors, field: string, texts: Texts, languages: string[], max: number, what: string) {
  for (const language of languages) {
    const text = texts[language] ?? '';
    if (text.length > max) errors[`${field}.${language}`] = `${what} is ${text.length} characters; at most ${max}.`;
  }
}

function checkItems(errors: DraftErrors, field: string, items: QuestionItem[], languages: string[], what: string) {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const name = `${what} ${index + 1}`;
    if (!Object.values(item.labels).some((text) => text.trim() !== '')) {
      errors[`${field}.${index}.labels`] = `${name} needs a label.`;
    }
    checkTexts(errors, `${field}.${index}.labels`, item.labels, languages, LIMITS.label, `${name}'s label`);
    if (item.id === '') errors[`${field}.${index}.id`] = `${name} needs an id (letters, digits and _).`;
    else if (!UPPER_SNAKE.test(item.id) || item.id.length > LIMITS.idMax) {
      errors[`${field}.${index}.id`] =
        `${name}'s id must be capital letters, digits and single underscores, starting with a letter (at most ${LIMITS.idMax}).`;
    } else if (seen.has(item.id))
      errors[`${field}.${index}.id`] = `Two ${what.toLowerCase()}s share the id ${item.id}.`;
    seen.add(item.id);
  });
}

/** Checks a draft as the API would; `taken` holds the codes already in use by the organization. */
export function validateDraft(draft: Draft, taken: ReadonlySet<string>): DraftErrors {
  const errors: DraftErrors = {};
  const { code } = draft;
  if (code === '') errors.code = 'Give the question a code, such as EASE_OF_HELP.';
  else if (!UPPER_SNAKE.test(code)) {
    errors.code = 'The code must be capital letters, digits and single underscores, starting with a letter.';
  } else if (code.length < LIMITS.codeMin || code.length > LIMITS.codeMax) {
    errors.code = `The code must be ${LIMITS.codeMin} to ${LIMITS.codeMax} characters long.`;
  } else if (BUILT_IN_CODES.has(code)) errors.code = `${code} is a built-in question; choose another code.`;
  else if (taken.has(code)) errors.code = `Another question has the code ${code} already.`;

  if (!draft.languages.some((language) => (draft.labels[language] ?? '').trim() !== '')) {
    errors[`labels.${draft.languages[0] ?? 'en'}`] = 'Write the question in at least one language.';
  }
  checkTexts(errors, 'labels', draft.labels, draft.languages, LIMITS.label, 'The question');
  checkTexts(errors, 'help', draft.help, draft.languages, LIMITS.help, 'The help text');

  if (draft.kind === 'choice') {
    const count = draft.options.length;
    if (count < LIMITS.options.min || count > LIMITS.options.max) {
      errors.options = `A choice needs ${LIMITS.options.min} to ${LIMITS.options.max} options; it has ${count}.`;
    }
    checkItems(errors, 'options', draft.options, draft.languages, 'Option');
  }
  if (FOLLOW_UP_KINDS.has(draft.kind)) {
    if (draft.reasons.length > LIMITS.reasons) errors.reasons = `At most ${LIMITS.reasons} reasons.`;
    checkItems(errors, 'reasons', draft.reasons, draft.languages, 'Reason');
    checkTexts(errors, 'commentPrompt', draft.commentPrompt, draft.languages, LIMITS.prompt, 'The comment prompt');
  }
  return errors;
}

/** The languages a question has any text in, `first` leading when it has it; the order the designer shows them. */
function languagesOf(question: Question, first: string): string[] {
  const found = new Set<string>();
  const add = (texts: Texts | null | undefined) => Object.keys(texts ?? {}).forEach((code) => found.add(code));
  add(question.labels);
  add(question.help);
  for (const item of [...(question.options ?? []), ...(question.follow_up?.reasons ?? [])]) add(item.labels);
  add(question.follow_up?.comment_prompt);
  const ordered = [...found];
  if (found.has(first)) ordered.sort((a, b) => (a === first ? -1 : b === first ? 1 : 0));
  return ordered.length > 0 ? ordered : [first];
}

/** A draft holding a question's current version, for editing it. */
export function draftOf(question: Question, language: string): Draft {
  return {
    code: question.code,
    kind: question.kind,
    languages: languagesOf(question, language),
    labels: { ...question.labels },
    help: { ...(question.help ?? {}) },
    required: question.required,
    options: (question.options ?? []).map((option) => ({ id: option.id, labels: { ...option.labels } })),
    multiple: question.multiple ?? false,
    reasons: (question.follow_up?.reasons ?? []).map((reason) => ({ id: reason.id, labels: { ...reason.labels } })),
    commentPrompt: { ...(question.follow_up?.comment_prompt ?? {}) },
  };
}

/**
 * The API's body for an edit (`PATCH /v1/questions/{code}`): every field of the definition, so that one emptied in the
 * form (the help, the follow-up) is emptied in the new version too, where leaving it out would keep it.
 */
export function patchBody(draft: Draft) {
  const { code: _code, kind: _kind, ...definition } = draftBody(draft);
  return { help: null, follow_up: null, ...(draft.kind === 'choice' ? {} : { options: null }), ...definition };
}
