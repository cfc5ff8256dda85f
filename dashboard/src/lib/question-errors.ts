import type { ApiError } from '../api/client';
import { LANGUAGES } from './languages';

/**
 * Where the designer shows what the API refused: the draft field it is about (named as `validateDraft` names them:
 * `code`, `labels.de`, `options.1.id`, `reasons.0.labels`, `commentPrompt.en`…), and the API's sentence with its field
 * path put in words. `field` is null when the refusal is about the whole question (it was archived meanwhile).
 */
export interface PlacedError {
  field: string | null;
  message: string;
}

const PLAIN = 'capital letters, digits and single underscores';

function languageWord(code: string): string {
  return LANGUAGES.find((language) => language.code === code)?.englishName ?? code;
}

/** `options[1].labels.de` → `options.1.labels.de`; `follow_up.reasons[0].id` → `reasons.0.id`. */
function draftField(path: string): string {
  return path
    .replace(/^body\./, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/^follow_up\.reasons/, 'reasons')
    .replace(/^follow_up\.comment_prompt/, 'commentPrompt');
}

/** A draft field as a person reads it: `options.1.labels.de` → "Option 2's label in German". */
export function fieldInWords(field: string): string {
  const parts = field.split('.');
  const [head, second, third, fourth] = parts;
  const inLanguage = (code: string | undefined) => (code ? ` in ${languageWord(code)}` : '');
  switch (head) {
    case 'code':
      return 'The code';
    case 'kind':
      return 'The kind';
    case 'labels':
      return `The question${inLanguage(second)}`;
    case 'help':
      return `The help text${inLanguage(second)}`;
    case 'commentPrompt':
      return `The comment prompt${inLanguage(second)}`;
    case 'options':
    case 'reasons': {
      const what = head === 'options' ? 'Option' : 'Reason';
      if (second === undefined) return head === 'options' ? 'The options' : 'The reasons';
      const name = `${what} ${Number(second) + 1}`;
      if (third === 'id') return `${name}'s id`;
      if (third === 'labels') return `${name}'s label${inLanguage(fourth)}`;
      return name;
    }
    default:
      return field;
  }
}

const FIELD_PATH =
  /^(?:body\.)?((?:labels|help|options|follow_up\.reasons|follow_up\.comment_prompt)(?:\[\d+\]|\.[a-z_]+)*)\s+(.*)$/s;

/** Places an error the API answered to a create or an edit of a question; `languages` are the draft's. */
export function placeApiError(error: ApiError, languages: readonly string[]): PlacedError {
  const words = (text: string) => text.replace(/UPPER_SNAKE/g, PLAIN);
  switch (error.code) {
    case 'question_code_taken':
    case 'invalid_question_code':
      return { field: 'code', message: words(error.message) };
    case 'question_kind_change':
      return { field: 'kind', message: error.message };
    case 'unsupported_language':
      return { field: 'languages', message: error.message };
    case 'invalid_question_definition':
    case 'validation_failed': {
      const match = FIELD_PATH.exec(error.message);
      if (match) {
        let field = draftField(match[1]!);
        // "labels needs a text in at least one language": the first language's field is where to write it.
        if (field === 'labels') field = `labels.${languages[0] ?? 'en'}`;
        return { field, message: `${fieldInWords(field)} ${words(match[2]!)}` };
      }
      if (/\boptions?\b/.test(error.message)) return { field: 'options', message: words(error.message) };
      if (/\breasons?\b/.test(error.message)) return { field: 'reasons', message: words(error.message) };
      return { field: null, message: words(error.message) };
    }
    default:
      return { field: null, message: error.message };
  }
}
