import { textIn, type QuestionDefinition } from '../../modules/questions/index.js';
import {
  isLowAnswer,
  isQuestionCode,
  scaleRange,
  type AnyQuestionKind,
  type Language,
} from '../../modules/rating-config/index.js';
import { MAX_COMMENT_LENGTH, type AnswerInput, type Rating } from '../../modules/ratings/index.js';
import type { FieldError } from './form.js';
import { markup, trusted, type SafeHtml } from './html.js';
import type { PageText } from './i18n.js';

/**
 * The organization's own questions on the rating page: rendered and read here, beside the built-in codes of form.ts.
 * Every field works without JavaScript: a question's follow-up (reasons and a comment) is shown after its low answers
 * by CSS alone where the browser has `:has()`, and always shown where it has not; the server keeps the follow-up only
 * when the answer sent is low.
 */

export interface Labelled {
  id: string;
  label: string;
}

export interface CustomFormQuestion {
  code: string;
  kind: AnyQuestionKind;
  /** The form field of the answer; `<field>__reasons` and `<field>__comment` are its follow-up's. */
  field: string;
  required: boolean;
  label: string;
  help: string | undefined;
  options: Labelled[];
  multiple: boolean;
  followUp: { reasons: Labelled[]; prompt: string | undefined } | null;
}

/** What the rater sent (or answered before) for the custom fields, by input name. */
export type CustomValues = Record<string, string[]>;

const REASONS = '__reasons';
const COMMENT = '__comment';

/** The rating's own questions (not cancelled), each in the version it was asked, in the page language. */
export function customFormQuestions(
  rating: Rating,
  definitions: ReadonlyMap<string, QuestionDefinition>,
  language: Language,
  orgLanguage: Language | null,
): CustomFormQuestion[] {
  const local = (texts: Record<string, string>) => textIn(texts, language, orgLanguage);
  const labelled = (options: QuestionDefinition['options']) =>
    options.map((option) => ({ id: option.id, label: local(option.labels) ?? option.id }));
  return rating.questions.flatMap((question) => {
    if (question.status === 'Cancelled' || isQuestionCode(question.code) || question.version === null) return [];
    const definition = definitions.get(`${question.code}@${question.version}`);
    if (!definition) return [];
    const followUp = definition.follow_up;
    return [
      {
        code: question.code,
        kind: question.kind,
        field: question.code,
        required: question.required,
        label: local(definition.labels) ?? question.code,
        help: local(definition.help),
        options: labelled(definition.options),
        multiple: definition.multiple,
        followUp: followUp ? { reasons: labelled(followUp.reasons), prompt: local(followUp.comment_prompt) } : null,
      },
    ];
  });
}

/** The rating's current answers to its own questions, so that a rater who comes back sees them. */
export function currentCustomValues(rating: Rating, questions: CustomFormQuestion[]): CustomValues {
  const values: CustomValues = {};
  for (const question of questions) {
    const answer = rating.questions.find((candidate) => candidate.code === question.code);
    if (!answer || answer.status !== 'Rated') continue;
    if (answer.value !== null) values[question.field] = [String(answer.value)];
    if (answer.choices) values[question.field] = answer.choices;
    if (answer.text !== null) values[question.field] = [answer.text];
    if (answer.reasons) values[question.field + REASONS] = answer.reasons;
    if (answer.comment) values[question.field + COMMENT] = [answer.comment];
  }
  return values;
}

function listOf(raw: unknown): string[] | undefined {
  if (raw === undefined || raw === '') return [];
  if (typeof raw === 'string') return [raw];
  if (Array.isArray(raw) && raw.every((item) => typeof item === 'string')) return raw.filter((item) => item !== '');
  return undefined;
}

/**
 * Reads the custom fields of the posted form: answers to send, errors to show, and the values as sent. A follow-up is
 * kept only with a low answer (a rater who chose low, then high, may still send the reasons the page hid).
 */
export function parseCustom(
  body: Record<string, unknown>,
  questions: CustomFormQuestion[],
): { answers: AnswerInput[]; errors: Record<string, FieldError>; values: CustomValues } {
  const answers: AnswerInput[] = [];
  const errors: Record<string, FieldError> = {};
  const values: CustomValues = {};
  for (const question of questions) {
    const { field, kind } = question;
    const raw = listOf(body[field]);
    for (const name of [field, field + REASONS, field + COMMENT]) {
      const sent = listOf(body[name]);
      if (sent && sent.length > 0) values[name] = sent.map((item) => item.replace(/\r\n?/g, '\n'));
    }
    if (raw === undefined) {
      errors[field] = { kind: 'requiredMissing' };
      continue;
    }
    if (raw.length === 0 || (kind === 'text' && raw.every((item) => item.trim() === ''))) {
      if (question.required) errors[field] = { kind: 'requiredMissing' };
      continue;
    }
    const range = scaleRange[kind];
    let value: number | undefined;
    if (range) {
      value = Number(raw[0]);
      if (raw.length > 1 || !Number.isInteger(value) || value < range.min || value > range.max) {
        errors[field] = { kind: kind === 'nps' ? 'npsInvalid' : kind === 'thumbs' ? 'thumbsInvalid' : 'starsInvalid' };
        continue;
      }
      answers.push({ code: question.code, value });
    } else if (kind === 'choice') {
      const known = new Set(question.options.map((option) => option.id));
      if (raw.some((id) => !known.has(id)) || (!question.multiple && raw.length > 1)) {
        errors[field] = { kind: 'requiredMissing' };
        continue;
      }
      answers.push({ code: question.code, choices: [...new Set(raw)] });
    } else {
      const text = raw.join('\n').replace(/\r\n?/g, '\n').trim();
      if ([...text].length > MAX_COMMENT_LENGTH) {
        errors[field] = { kind: 'commentTooLong', length: [...text].length };
        continue;
      }
      answers.push({ code: question.code, text });
    }
    if (question.followUp && isLowAnswer(kind, value)) {
      const answer = answers[answers.length - 1]!;
      const known = new Set(question.followUp.reasons.map((reason) => reason.id));
      const reasons = [...new Set((listOf(body[field + REASONS]) ?? []).filter((id) => known.has(id)))];
      if (reasons.length > 0) answer.reasons = reasons;
      const comment = (listOf(body[field + COMMENT]) ?? []).join('\n').replace(/\r\n?/g, '\n').trim();
      if ([...comment].length > MAX_COMMENT_LENGTH) {
        errors[field + COMMENT] = { kind: 'commentTooLong', length: [...comment].length };
      } else if (comment !== '') {
        answer.comment = comment;
      }
    }
  }
  return { answers, errors, values };
}

/** The values a scale question offers, lowest first. */
function scaleOf(kind: AnyQuestionKind): number[] {
  const range = scaleRange[kind];
  if (!range) return [];
  return Array.from({ length: range.max - range.min + 1 }, (_, index) => range.min + index);
}

function optional(text: PageText, question: CustomFormQuestion): SafeHtml | '' {
  return question.required ? '' : markup` <span class="optional">(${text.optional})</span>`;
}

function scaleLabel(text: PageText, kind: AnyQuestionKind, value: number): SafeHtml {
  if (kind === 'thumbs') return markup`<span>${value === 1 ? text.thumbsAnswer.up : text.thumbsAnswer.down}</span>`;
  if (kind === 'stars')
    return markup`<span aria-hidden="true">${value}</span><span class="vh">${text.starLabels[value - 1]}</span>`;
  const word = kind === 'csat' ? text.csatWords[value - 1] : kind === 'ces' ? text.cesWords[value - 1] : undefined;
  if (word) return markup`<span aria-hidden="true">${value}</span><span class="vh">${value} – ${word}</span>`;
  if (kind === 'nps' && (value === 0 || value === 10)) {
    return markup`<span aria-hidden="true">${value}</span><span class="vh">${value === 0 ? text.npsZero : text.npsTen}</span>`;
  }
  return markup`${value}`;
}

function followUpOf(text: PageText, question: CustomFormQuestion, values: CustomValues): SafeHtml | '' {
  const followUp = question.followUp;
  if (!followUp) return '';
  const chosen = new Set(values[question.field + REASONS] ?? []);
  const reasons = followUp.reasons.map(
    (reason) =>
      markup`<label class="reason"><input type="checkbox" name="${question.field + REASONS}" value="${reason.id}"${
        chosen.has(reason.id) ? trusted(' checked') : ''
      }> <span>${reason.label}</span></label>`,
  );
  const id = `q-${question.field}${COMMENT}`;
  return markup`<fieldset class="follow-up" data-follow-up="${question.field}">
<legend><span class="q">${followUp.prompt ?? text.commentLabel}</span> <span class="optional">(${text.optional})</span></legend>
${reasons.length > 0 ? markup`<div class="reasons">${reasons}</div>` : ''}
<label class="vh" for="${id}">${followUp.prompt ?? text.commentLabel}</label>
<textarea id="${id}" name="${question.field + COMMENT}" rows="3" maxlength="${MAX_COMMENT_LENGTH}">
${(values[question.field + COMMENT] ?? []).join('\n')}</textarea>
</fieldset>`;
}

/**
 * One of the organization's own questions, with its follow-up after it. The question that leads the survey is the
 * page's heading, as the built-in stars are when they lead.
 */
export function customQuestion(
  text: PageText,
  question: CustomFormQuestion,
  values: CustomValues,
  message: string | undefined,
  leads = false,
): SafeHtml {
  const { field, kind } = question;
  const sent = new Set(values[field] ?? []);
  const invalid = message ? trusted(` aria-invalid="true" aria-describedby="${field}-error"`) : '';
  const required = question.required && kind !== 'choice' ? trusted(' required') : '';
  const error = message ? markup`<p class="field-error" id="${field}-error">${message}</p>` : '';
  const help = question.help ? markup`<p class="hint">${question.help}</p>` : '';
  let control: SafeHtml;
  if (kind === 'text') {
    control = markup`<textarea id="q-${field}" name="${field}" rows="3" maxlength="${MAX_COMMENT_LENGTH}" aria-label="${question.label}"${required}${invalid}>
${(values[field] ?? []).join('\n')}</textarea>`;
  } else if (kind === 'choice') {
    const type = question.multiple ? 'checkbox' : 'radio';
    control = markup`<div class="options">${question.options.map(
      (option) =>
        markup`<label class="option"><input type="${type}" name="${field}" value="${option.id}"${
          sent.has(option.id) ? trusted(' checked') : ''
        }${invalid}> <span>${option.label}</span></label>`,
    )}</div>`;
  } else {
    const scale = scaleOf(kind);
    control = markup`<div class="choices scale n${scale.length}">${scale.map((value) => {
      const id = `q-${field}-${value}`;
      const low = question.followUp && isLowAnswer(kind, value) ? trusted(' data-low') : '';
      return markup`<input class="vh" type="radio" id="${id}" name="${field}" value="${value}"${
        sent.has(String(value)) ? trusted(' checked') : ''
      }${required}${invalid}${low}><label class="choice" for="${id}">${scaleLabel(text, kind, value)}</label>`;
    })}</div>`;
  }
  return markup`<fieldset class="question custom" data-kind="${kind}">
<legend>${leads ? markup`<h1>${question.label}</h1>` : markup`<span class="q">${question.label}</span>`}${optional(text, question)}</legend>
${help}
${error}
${control}
</fieldset>
${followUpOf(text, question, values)}`;
}

/**
 * The page's rules for its own questions, in a style element with the response's nonce: where `:has()` works the
 * follow-up waits for a low answer; elsewhere it always shows.
 */
export function customStyles(nonce: string): SafeHtml {
  return markup`<style nonce="${nonce}">${trusted(
    '.question~.custom,.follow-up+.field,.follow-up+.question{margin-top:24px;padding-top:22px;' +
      'border-top:1px solid #eceef2}' +
      '.custom .hint{margin:0 0 12px}' +
      '.options,.reasons{display:flex;flex-direction:column;gap:10px}' +
      '.option,.reason{display:flex;gap:10px;align-items:center;min-height:28px}' +
      '.option input,.reason input{width:20px;height:20px;margin:0;accent-color:var(--accent)}' +
      '.choices.scale{display:grid;gap:6px}' +
      '.scale.n2{grid-template-columns:repeat(2,minmax(0,1fr))}' +
      '.scale.n5{grid-template-columns:repeat(5,minmax(0,1fr))}' +
      '.scale.n7{grid-template-columns:repeat(7,minmax(0,1fr))}' +
      '.scale.n11{grid-template-columns:repeat(11,minmax(0,1fr));gap:4px}' +
      '.scale .choice{min-height:44px;padding:0 4px;justify-content:center;font-variant-numeric:tabular-nums}' +
      '.follow-up{margin-top:16px;padding:14px 16px;border-inline-start:3px solid var(--accent);' +
      'background:var(--soft);border-radius:8px}' +
      '.follow-up legend{margin-bottom:10px}' +
      '.follow-up textarea{margin-top:12px}' +
      '@supports selector(:has(*)){.follow-up{display:none}' +
      '.question:has(input[data-low]:checked)+.follow-up{display:block}}',
  )}</style>`;
}
