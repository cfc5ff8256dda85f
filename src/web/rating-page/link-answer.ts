import { answerOfChoice, choicesOf, type ChoiceKind, type ChoiceWords } from '../../modules/deliverables/index.js';
import { isQuestionCode, type QuestionCode } from '../../modules/rating-config/index.js';
import type { AnswerInput, Rating } from '../../modules/ratings/index.js';
import type { CustomFormQuestion } from './custom-questions.js';
import { formQuestions } from './form.js';
import { markup, trusted, type SafeHtml } from './html.js';
import type { PageText } from './i18n.js';
import { CSRF_FIELD, pagePath } from './security.js';

/**
 * The answer an email's link carries (`/r/{code}?answer=4`): the page opens with it chosen and records it with a POST
 * the page sends itself, so a mail scanner that only fetches the link records nothing; without script it takes one
 * click on the button beside it. The values are those the email's links send, one mapping for every channel
 * (`choicesOf`): a scale's number (stars and csat 1-5, NPS 0-10, ces 1-7), thumbs 1 (up) or 0 (down), a single-answer
 * choice question's option id.
 */
export interface LinkAnswer {
  /** The question answered. */
  code: string;
  /** Whether it is one of the organization's own questions, whose field the custom part of the form holds. */
  custom: boolean;
  /** The form field to show it chosen in, and the form's option for it (`4`, `up`, `PRICE`). */
  field: string;
  option: string;
  /** The value as the link and the block's form carry it (`4`, `1`, `PRICE`). */
  value: string;
  /** What it records. */
  answer: AnswerInput;
  /** As the rater reads it: "4 stars – good", "Yes", "4 – Satisfied", "Price". */
  label: string;
}

/** The path the page posts a link's answer to. */
export function linkAnswerPath(code: string): string {
  return `${pagePath(code)}/answer`;
}

/** The words the messages label their choices with, from the page's texts: the same words, the same overrides. */
function choiceWordsOf(text: PageText, code: string): ChoiceWords {
  return {
    starWords: text.starWords,
    starLabels: text.starLabels,
    csatWords: text.csatWords,
    cesWords: text.cesWords,
    thumbs: text.thumbsAnswers[code as QuestionCode] ?? text.thumbsAnswer,
    npsZero: text.npsZero,
    npsTen: text.npsTen,
  };
}

/** Longest value a link may carry: an option id is at most 40 characters. */
const MAX_LINK_VALUE = 64;

/**
 * The answer a link or a posted answer names: for `code` (the first question asked when none is named, the one the
 * email asks), a value the question takes as the messages offer it. Anything else is no answer: the page opens as it
 * would without one, and nothing is recorded.
 */
export function linkAnswerOf(
  rating: Rating,
  raw: unknown,
  code: unknown,
  page: { text: PageText; custom: readonly CustomFormQuestion[] },
): LinkAnswer | undefined {
  if (typeof raw !== 'string' || raw.length > MAX_LINK_VALUE) return undefined;
  const asked = rating.questions.filter((question) => question.status !== 'Cancelled');
  const question = code === undefined ? asked[0] : asked.find((candidate) => candidate.code === code);
  if (!question) return undefined;
  const builtIn = isQuestionCode(question.code);
  const form = builtIn
    ? formQuestions(rating).find((candidate) => candidate.code === question.code)
    : page.custom.find((candidate) => candidate.code === question.code);
  if (!form) return undefined;
  const kind = form.kind as ChoiceKind;
  // Thumbs links send 1 or 0; up and down, as the form names them, are read too.
  const value = kind === 'thumbs' ? ({ up: '1', down: '0' }[raw] ?? raw) : raw;
  const asChoices = {
    code: question.code,
    kind,
    ...('options' in form ? { options: form.options, multiple: form.multiple } : {}),
  };
  const choice = choicesOf(asChoices, choiceWordsOf(page.text, question.code)).find(
    (candidate) => candidate.value === value,
  );
  if (!choice) return undefined;
  return {
    code: question.code,
    custom: !builtIn,
    field: form.field,
    // The built-in thumbs field takes up/down; every other field takes the value itself.
    option: builtIn && kind === 'thumbs' ? (value === '1' ? 'up' : 'down') : value,
    value,
    answer: answerOfChoice(asChoices, value),
    label: choice.description ?? choice.label,
  };
}

/**
 * The block above the form: the chosen answer with its own one-field form and button (what the script sends, and
 * what a rater without script clicks), or, once recorded, the sentence saying so.
 */
export function linkAnswerBlock(
  text: PageText,
  view: { code: string; csrfToken: string; answer: LinkAnswer; recorded: boolean },
): SafeHtml {
  const recorded = markup`<p class="notice link-recorded" id="link-answer-recorded" role="status"${view.recorded ? '' : trusted(' hidden')}>${text.linkAnswerRecorded}</p>`;
  if (view.recorded) return markup`<div class="link-answer">${recorded}</div>`;
  return markup`<div class="link-answer">
<form class="link-form" id="link-answer-form" method="post" action="${linkAnswerPath(view.code)}" data-page="${pagePath(view.code)}">
<input type="hidden" name="${CSRF_FIELD}" value="${view.csrfToken}">
<input type="hidden" name="question" value="${view.answer.code}">
<input type="hidden" name="answer" value="${view.answer.value}">
<p class="link-chosen">${text.linkAnswerChosen(view.answer.label)}</p>
<p class="link-sending" id="link-answer-sending" role="status" hidden>${text.linkAnswerSending}</p>
<button class="submit link-send" type="submit">${text.linkAnswerSend}</button>
</form>
${recorded}
</div>`;
}

/**
 * The script that records the link's answer as the page opens: a same-origin POST of the block's form. On success the
 * block says the answer is recorded and the address loses `?answer=`, so a reload shows the page as it now is; on any
 * failure the button stays for the rater to click.
 */
export const LINK_ANSWER_SCRIPT = `(function () {
  var form = document.getElementById('link-answer-form');
  if (!form || !window.fetch || !window.FormData || !window.URLSearchParams) return;
  var button = form.querySelector('button');
  var sending = document.getElementById('link-answer-sending');
  var recorded = document.getElementById('link-answer-recorded');
  button.hidden = true;
  sending.hidden = false;
  fetch(form.action, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'x-plaudit-link-answer': 'fetch' },
    body: new URLSearchParams(new FormData(form)),
  })
    .then(function (response) {
      if (!response.ok) throw new Error('status ' + response.status);
      form.hidden = true;
      recorded.hidden = false;
      history.replaceState(null, '', form.getAttribute('data-page'));
    })
    .catch(function () {
      sending.hidden = true;
      button.hidden = false;
    });
})();`;

/** The stylesheet's part for the block. */
export const linkAnswerStyles = `[hidden]{display:none!important}
.link-answer{margin:0 0 26px;padding:16px;border-radius:14px;background:var(--soft);border:1px solid var(--ink)}
.link-answer .notice{margin:0;border:0;padding:0;background:none;font-weight:600}
.link-chosen{margin:0;font-size:17px;font-weight:650}
.link-sending{margin:8px 0 0;color:#5b6472}
.link-send{margin-top:14px}
`;
