import type { Rating } from '../../modules/ratings/index.js';
import { formQuestions, optionsOf, type FormQuestion } from './form.js';
import { markup, trusted, type SafeHtml } from './html.js';
import type { PageText } from './i18n.js';
import { CSRF_FIELD, pagePath } from './security.js';

/**
 * The answer an email's link carries (`/r/{code}?answer=4`): the page opens with it chosen and records it with a POST
 * the page sends itself, so a mail scanner that only fetches the link records nothing; without script it takes one
 * click on the button beside it. Values are the stored ones: stars and NPS their number, thumbs 1 (up) or 0 (down).
 */
export interface LinkAnswer {
  question: FormQuestion;
  /** The stored value. */
  value: number;
  /** The form's option for it (`4`, `up`). */
  option: string;
}

/** The path the page posts a link's answer to. */
export function linkAnswerPath(code: string): string {
  return `${pagePath(code)}/answer`;
}

/** The form option of a stored value, if the question's kind takes it. */
function optionOf(question: FormQuestion, raw: string): { value: number; option: string } | undefined {
  if (!/^\d{1,2}$/.test(raw)) return undefined;
  const value = Number(raw);
  const option = question.kind === 'thumbs' ? (value === 1 ? 'up' : value === 0 ? 'down' : '') : String(value);
  return optionsOf(question.kind).includes(option) ? { value, option } : undefined;
}

/**
 * The answer a link or a posted answer names: for `code` (the first question asked when none is named), a value the
 * question takes. Anything else is no answer: the page opens as it would without one.
 */
export function linkAnswerOf(rating: Rating, raw: unknown, code?: unknown): LinkAnswer | undefined {
  if (typeof raw !== 'string') return undefined;
  const questions = formQuestions(rating);
  const question = code === undefined ? questions[0] : questions.find((candidate) => candidate.code === code);
  if (!question) return undefined;
  const chosen = optionOf(question, raw);
  return chosen && { question, ...chosen };
}

/** The answer as the rater reads it: "4 stars – good", "Yes", "7". */
function answerLabel(text: PageText, answer: LinkAnswer): string {
  const { question, option } = answer;
  if (question.kind === 'stars') return text.starLabels[answer.value - 1] ?? option;
  if (question.kind === 'thumbs') {
    const answers = text.thumbsAnswers[question.code] ?? text.thumbsAnswer;
    return option === 'up' ? answers.up : answers.down;
  }
  return answer.value === 0 ? text.npsZero : answer.value === 10 ? text.npsTen : option;
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
<input type="hidden" name="question" value="${view.answer.question.code}">
<input type="hidden" name="answer" value="${String(view.answer.value)}">
<p class="link-chosen">${text.linkAnswerChosen(answerLabel(text, view.answer))}</p>
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
