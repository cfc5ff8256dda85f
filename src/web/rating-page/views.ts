import { languageInfo, type Language } from '../../modules/rating-config/index.js';
import { MAX_COMMENT_LENGTH } from '../../modules/ratings/index.js';
import type { AccentColors } from './colors.js';
import { COMMENT_FIELD, optionsOf, type FieldError, type FormQuestion, type FormValues } from './form.js';
import { markup, trusted, type SafeHtml } from './html.js';
import { customQuestion, customStyles, type CustomFormQuestion, type CustomValues } from './custom-questions.js';
import { questionText, type PageText } from './i18n.js';
import { CSRF_FIELD, pagePath } from './security.js';
import { LINK_ANSWER_SCRIPT, linkAnswerBlock, type LinkAnswer } from './link-answer.js';
import { RenderedPage } from './page-bytes.js';
import { accentVariables } from './styles.js';

/** Who the page speaks for. */
export interface Branding {
  /** Empty on pages that belong to no known rating (an unknown link): no header then. */
  name: string;
  /** Only an https URL: the CSP loads images over HTTPS alone. */
  logoUrl: string | null;
  colors: AccentColors;
}

/** What every page needs: its language and texts, the CSP nonce of this response, the brand. */
export interface PageFrame {
  lang: Language;
  text: PageText;
  nonce: string;
  brand: Branding;
}

export interface FormView {
  code: string;
  csrfToken: string;
  questions: FormQuestion[];
  values: FormValues;
  errors: Record<string, FieldError>;
  /** The rater answered before and comes back to change the answer. */
  answered: boolean;
  expiresAt: string | null;
  /** The answer an email's link chose: recorded by the page's script or its button, or already recorded. */
  linkAnswer?: { answer: LinkAnswer; recorded: boolean };
  /** The organization's own questions of the survey (custom-questions.ts). */
  custom?: { questions: CustomFormQuestion[]; values: CustomValues };
  /**
   * The survey's question codes in its order, which the page asks them in: the first is the one an email asks and its
   * links answer. Without it, the built-in questions come first.
   */
  order?: readonly string[];
}

const icons = {
  star: trusted(
    '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M12 2.6l2.9 5.88 6.5.95-4.7 4.58 1.1 6.47L12 17.43l-5.8 3.05 1.1-6.47-4.7-4.58 6.5-.95z"/></svg>',
  ),
  thumbUp: trusted(
    '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M7 10.5v10H4a1 1 0 0 1-1-1v-8a1 1 0 0 1 1-1h3z"/><path d="M7 10.5l3.6-7.1a1.9 1.9 0 0 1 3.5 1.3l-.8 4.3h5.3a2 2 0 0 1 2 2.4l-1.4 7.2a2.3 2.3 0 0 1-2.3 1.9H7"/></svg>',
  ),
  thumbDown: trusted(
    '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><g transform="matrix(1 0 0 -1 0 24)"><path d="M7 10.5v10H4a1 1 0 0 1-1-1v-8a1 1 0 0 1 1-1h3z"/><path d="M7 10.5l3.6-7.1a1.9 1.9 0 0 1 3.5 1.3l-.8 4.3h5.3a2 2 0 0 1 2 2.4l-1.4 7.2a2.3 2.3 0 0 1-2.3 1.9H7"/></g></svg>',
  ),
  check: trusted(
    '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M5 12.5l4.5 4.5L19 7.5"/></svg>',
  ),
  clock: trusted(
    '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><circle cx="12" cy="12" r="9"/><path d="M12 7v5l3.5 2"/></svg>',
  ),
  alert: trusted(
    '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><circle cx="12" cy="12" r="9"/><path d="M12 7.5v5.5M12 16.5v.01"/></svg>',
  ),
  external: trusted(
    '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5"/></svg>',
  ),
};

export type MessageIcon = 'clock' | 'alert' | 'check';

function brandHeader(brand: Branding): SafeHtml | '' {
  if (brand.name === '') return '';
  if (brand.logoUrl) {
    return markup`<header class="brand"><img class="logo" src="${brand.logoUrl}" alt="${brand.name}"></header>`;
  }
  const initial = Array.from(brand.name.trim())[0]?.toUpperCase() ?? '';
  return markup`<header class="brand">
<span class="monogram" aria-hidden="true">${initial}</span>
<span class="brand-name">${brand.name}</span>
</header>`;
}

function document(frame: PageFrame, title: string, body: SafeHtml, footer?: string, script?: string): RenderedPage {
  const { nonce, brand, lang } = frame;
  // Left to right is the default; only a right-to-left language says so.
  const dir = languageInfo[lang].dir === 'rtl' ? trusted(' dir="rtl"') : '';
  const before = markup`<!doctype html>
<html lang="${lang}"${dir}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light">
<title>${title}</title>
<link rel="icon" href="data:,">
<style nonce="${nonce}">${trusted(accentVariables(brand.colors))}`;
  const after = markup`</style>
</head>
<body>
<main class="card"><div class="card-body">
${brandHeader(brand)}
${body}
</div></main>
${footer ? markup`<footer class="page-footer"><p>${footer}</p></footer>` : ''}
${script ? markup`<script nonce="${nonce}">${trusted(script)}</script>` : ''}
</body>
</html>
`;
  return new RenderedPage(before.value, after.value);
}

function fieldError(field: string, message: string | undefined): SafeHtml | '' {
  return message ? markup`<p class="field-error" id="${field}-error">${message}</p>` : '';
}

function errorMessage(text: PageText, error: FieldError | undefined): string | undefined {
  if (!error) return undefined;
  if (error.kind === 'commentTooLong') return text.errors.commentTooLong(MAX_COMMENT_LENGTH, error.length);
  return text.errors[error.kind];
}

function optionId(question: FormQuestion, option: string): string {
  return question.field === 'stars' ? `stars-${option}` : `q-${question.field}-${option}`;
}

/** One radio of a question; its label follows it, so that CSS can style the label by the radio's state. */
function radio(question: FormQuestion, option: string, view: FormView, invalid: boolean, label: SafeHtml): SafeHtml {
  const id = optionId(question, option);
  const attributes = [
    view.values.choices[question.field] === option ? ' checked' : '',
    question.required ? ' required' : '',
    invalid ? ` aria-invalid="true" aria-describedby="${question.field}-error"` : '',
  ].join('');
  return markup`<input class="vh" type="radio" id="${id}" name="${question.field}" value="${option}"${trusted(attributes)}>${label}`;
}

function starsQuestion(
  frame: PageFrame,
  question: FormQuestion,
  view: FormView,
  message: string | undefined,
  leads: boolean,
) {
  const { text, brand } = frame;
  // The main stars question is the page's heading when it comes first; after another question it reads as one more.
  const main = question.field === 'stars' && leads;
  const legend = questionText(text, question.code, question.kind, brand.name);
  const radios = optionsOf('stars').map((option, i) =>
    radio(
      question,
      option,
      view,
      message !== undefined,
      markup`<label class="star" for="${optionId(question, option)}">${icons.star}<span class="vh">${text.starLabels[i]}</span></label>`,
    ),
  );
  const words = text.starWords.map((word, i) => markup`<span data-star="${i + 1}">${word}</span>`);
  const optional = question.required ? '' : markup` <span class="optional">(${text.optional})</span>`;
  return markup`<fieldset class="question">
<legend>${main ? markup`<h1>${legend}</h1>${optional}` : markup`<span class="q">${legend}</span>${optional}`}</legend>
${main ? markup`<p class="lede">${text.lede}</p>` : ''}
${fieldError(question.field, message)}
<div class="stars">${radios}</div>
${main ? markup`<p class="star-caption" aria-hidden="true"><span class="prompt">${text.starPrompt}</span>${words}</p>` : ''}
</fieldset>`;
}

/** A question's legend, marked optional when the survey lets the rater skip it. */
function questionLegend(frame: PageFrame, question: FormQuestion): SafeHtml {
  const { text, brand } = frame;
  const optional = question.required
    ? ''
    : markup`
<span class="optional">(${text.optional})</span>`;
  return markup`<legend><span class="q">${questionText(text, question.code, question.kind, brand.name)}</span>${optional}</legend>`;
}

function thumbsQuestion(frame: PageFrame, question: FormQuestion, view: FormView, message: string | undefined) {
  const { text } = frame;
  const answers = text.thumbsAnswers[question.code] ?? text.thumbsAnswer;
  const radios = (['up', 'down'] as const).map((option) =>
    radio(
      question,
      option,
      view,
      message !== undefined,
      markup`<label class="choice" for="${optionId(question, option)}">${option === 'up' ? icons.thumbUp : icons.thumbDown}<span>${answers[option]}</span></label>`,
    ),
  );
  return markup`<fieldset class="question">
${questionLegend(frame, question)}
${fieldError(question.field, message)}
<div class="choices thumbs">${radios}</div>
</fieldset>`;
}

function npsQuestion(frame: PageFrame, question: FormQuestion, view: FormView, message: string | undefined) {
  const { text } = frame;
  const radios = optionsOf('nps').map((option) => {
    const spoken = option === '0' ? text.npsZero : option === '10' ? text.npsTen : undefined;
    const label = spoken
      ? markup`<span aria-hidden="true">${option}</span><span class="vh">${spoken}</span>`
      : markup`${option}`;
    return radio(
      question,
      option,
      view,
      message !== undefined,
      markup`<label class="choice" for="${optionId(question, option)}">${label}</label>`,
    );
  });
  return markup`<fieldset class="question">
${questionLegend(frame, question)}
${fieldError(question.field, message)}
<div class="choices nps">${radios}</div>
<div class="nps-scale" aria-hidden="true"><span>${text.npsLow}</span><span>${text.npsHigh}</span></div>
</fieldset>`;
}

/** The list of what to fix, announced at once, each linking to its field. */
function errorSummary(text: PageText, view: FormView): SafeHtml {
  const fields = [
    ...view.questions.map((question) => ({
      field: question.field,
      target: optionId(question, optionsOf(question.kind)[0]!),
    })),
    ...(view.custom?.questions ?? []).flatMap((question) => [
      { field: question.field, target: `${question.field}-error` },
      { field: `${question.field}__comment`, target: `q-${question.field}__comment` },
    ]),
    { field: COMMENT_FIELD, target: 'comment' },
  ];
  const items = fields.flatMap(({ field, target }) => {
    const message = errorMessage(text, view.errors[field]);
    return message ? [markup`<li><a href="#${target}">${message}</a></li>`] : [];
  });
  return markup`<div class="error-summary" role="alert"><p>${text.errorSummary}</p><ul>${items}</ul></div>`;
}

function builtInQuestion(
  frame: PageFrame,
  question: FormQuestion,
  view: FormView,
  message: string | undefined,
  leads: boolean,
) {
  if (question.kind === 'stars') return starsQuestion(frame, question, view, message, leads);
  if (question.kind === 'nps') return npsQuestion(frame, question, view, message);
  return thumbsQuestion(frame, question, view, message);
}

// A question's markup without an error depends only on the texts, the brand's name, the question, the option chosen
// and whether it leads the page: rendered once per such combination, per texts (a language, or an organization's
// overrides of it).
const renderedQuestions = new WeakMap<PageText, Map<string, SafeHtml>>();
const MAX_RENDERED_PER_TEXTS = 2000;

function questionMarkup(
  frame: PageFrame,
  question: FormQuestion,
  view: FormView,
  message: string | undefined,
  leads: boolean,
) {
  if (message !== undefined) return builtInQuestion(frame, question, view, message, leads);
  let rendered = renderedQuestions.get(frame.text);
  if (!rendered) renderedQuestions.set(frame.text, (rendered = new Map()));
  const chosen = view.values.choices[question.field] ?? '';
  const key = [frame.brand.name, question.code, question.kind, question.field, question.required, chosen, leads].join(
    '\u0000',
  );
  let html = rendered.get(key);
  if (!html) {
    if (rendered.size >= MAX_RENDERED_PER_TEXTS) rendered.clear();
    rendered.set(key, (html = builtInQuestion(frame, question, view, undefined, leads)));
  }
  return html;
}

/** The rating form: the stars, the further questions, the comment; with the rater's input and errors when refused. */
export function formPage(frame: PageFrame, view: FormView): RenderedPage {
  const { text, brand } = frame;
  const hasErrors = Object.keys(view.errors).length > 0;
  const until = view.expiresAt ? text.formatDate(view.expiresAt) : null;
  const own = view.custom?.questions ?? [];
  const rank = (code: string) => {
    const index = view.order?.indexOf(code) ?? -1;
    return index < 0 ? Number.MAX_SAFE_INTEGER : index;
  };
  const leading = view.order ? [...view.questions, ...own].sort((a, b) => rank(a.code) - rank(b.code))[0] : undefined;
  const builtIn = view.questions.map((question) => {
    const message = errorMessage(text, view.errors[question.field]);
    const leads = !leading || leading.code === question.code;
    return { code: question.code, html: questionMarkup(frame, question, view, message, leads) };
  });
  const custom = own.map((question) => ({
    code: question.code,
    html: customQuestion(
      text,
      question,
      view.custom!.values,
      errorMessage(text, view.errors[question.field]),
      leading?.code === question.code,
    ),
  }));
  const asked = [...builtIn, ...custom];
  const questions = (view.order ? asked.sort((a, b) => rank(a.code) - rank(b.code)) : asked).map(({ html }) => html);
  const commentError = errorMessage(text, view.errors[COMMENT_FIELD]);
  const describedBy = commentError ? 'comment-hint comment-error' : 'comment-hint';
  const invalid = commentError ? trusted(' aria-invalid="true"') : '';
  // The HTML parser drops one newline right after <textarea>: the template writes one, so the comment keeps its own.
  const link = view.linkAnswer;
  const block = link ? linkAnswerBlock(text, { code: view.code, csrfToken: view.csrfToken, ...link }) : '';
  const body = markup`${block}<form method="post" action="${pagePath(view.code)}">
<input type="hidden" name="${CSRF_FIELD}" value="${view.csrfToken}">
${hasErrors ? errorSummary(text, view) : ''}
${view.answered && !hasErrors && !link ? markup`<p class="notice">${text.alreadyRated(until)}</p>` : ''}
${own.length > 0 ? customStyles(frame.nonce) : ''}${questions}
<div class="field">
<label for="comment"><span class="q">${text.commentLabel}</span> <span class="optional">(${text.optional})</span></label>
${fieldError(COMMENT_FIELD, commentError)}
<textarea id="comment" name="${COMMENT_FIELD}" rows="4" maxlength="${MAX_COMMENT_LENGTH}" aria-describedby="${describedBy}"${invalid}>
${view.values.comment}</textarea>
<p class="hint" id="comment-hint">${text.commentHint(MAX_COMMENT_LENGTH)}</p>
</div>
<button class="submit" type="submit">${text.submit}</button>
</form>`;
  const script = link && !link.recorded ? LINK_ANSWER_SCRIPT : undefined;
  return document(frame, text.formTitle(brand.name), body, until ? text.validUntil(until) : undefined, script);
}

/** The thank-you page; under the `everyone` policy it offers the review link. */
export function thanksPage(
  frame: PageFrame,
  view: { code: string; reviewLink: string | null; expiresAt: string | null },
): RenderedPage {
  const { text, brand } = frame;
  const until = view.expiresAt ? text.formatDate(view.expiresAt) : null;
  const review = view.reviewLink
    ? markup`<div class="review">
<p>${text.reviewPrompt(brand.name)}</p>
<a class="button-link" href="${view.reviewLink}" rel="noopener noreferrer">${text.reviewButton}${icons.external}</a>
</div>`
    : '';
  const body = markup`<div class="message">
<div class="badge">${icons.check}</div>
<h1>${text.thanksTitle}</h1>
<p>${text.thanksBody(brand.name)}</p>
${review}
<p class="after">${text.changeAnswer(until)}</p>
<p><a href="${pagePath(view.code)}">${text.changeAnswerLink}</a></p>
</div>`;
  return document(frame, `${text.thanksTitle} – ${brand.name}`, body);
}

/** A page with one sentence: expired, cancelled, unknown link, refused form, too many requests, failure. */
export function messagePage(
  frame: PageFrame,
  view: { icon: MessageIcon; title: string; body: string; action?: { href: string; label: string } },
): RenderedPage {
  const action = view.action ? markup`<p class="after"><a href="${view.action.href}">${view.action.label}</a></p>` : '';
  const body = markup`<div class="message">
<div class="badge">${icons[view.icon]}</div>
<h1>${view.title}</h1>
<p>${view.body}</p>
${action}
</div>`;
  return document(frame, frame.brand.name ? `${view.title} – ${frame.brand.name}` : view.title, body);
}
