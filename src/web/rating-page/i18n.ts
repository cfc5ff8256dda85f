import {
  fillText,
  languageInfo,
  textsOf,
  type Catalogue,
  type Language,
  type QuestionCode,
  type QuestionKind,
  type TextOverrides,
} from '../../modules/rating-config/index.js';

/**
 * Everything the rating page says, built from a language's catalogue (`modules/rating-config/locales`). Functions take
 * values that are inserted as plain text; the views escape the result, so neither a brand name nor an organization's
 * overridden text can ever become markup.
 */
export interface PageText {
  /** The `<title>` of the form. */
  formTitle: (brand: string) => string;
  starsQuestion: (brand: string) => string;
  npsQuestion: (brand: string) => string;
  /** Questions of a thumbs kind, by code; `thumbsQuestion` for codes added later. */
  thumbsQuestions: Partial<Record<QuestionCode, string>>;
  thumbsQuestion: string;
  /** The visible answers of a thumbs question, by code, then the default. */
  thumbsAnswers: Partial<Record<QuestionCode, { up: string; down: string }>>;
  thumbsAnswer: { up: string; down: string };
  lede: string;
  optional: string;
  /** Accessible names of the stars 1-5, e.g. "4 stars – good". */
  starLabels: [string, string, string, string, string];
  /** Shown under the row until a star is chosen. */
  starPrompt: string;
  /** The word shown under the row for the chosen star. */
  starWords: [string, string, string, string, string];
  /** The words of an organization's own csat (1-5) and ces (1-7) scales, "Satisfied", "Easy". */
  csatWords: readonly string[];
  cesWords: readonly string[];
  npsLow: string;
  npsHigh: string;
  /** Accessible names of NPS 0 and 10 (the others are their number). */
  npsZero: string;
  npsTen: string;
  commentLabel: string;
  commentHint: (max: number) => string;
  submit: string;
  alreadyRated: (until: string | null) => string;
  validUntil: (date: string) => string;
  errorSummary: string;
  errors: {
    starsMissing: string;
    requiredMissing: string;
    answerMissing: string;
    starsInvalid: string;
    thumbsInvalid: string;
    npsInvalid: string;
    commentTooLong: (max: number, length: number) => string;
  };
  thanksTitle: string;
  thanksBody: (brand: string) => string;
  reviewPrompt: (brand: string) => string;
  reviewButton: string;
  changeAnswer: (until: string | null) => string;
  changeAnswerLink: string;
  expiredTitle: string;
  expiredBody: string;
  cancelledTitle: string;
  cancelledBody: (brand: string) => string;
  notFoundTitle: string;
  notFoundBody: string;
  forbiddenTitle: string;
  forbiddenBody: string;
  backToForm: string;
  rateLimitedTitle: string;
  rateLimitedBody: string;
  errorTitle: string;
  errorBody: string;
  badRequestBody: string;
  /** The block an email's answer link opens: the chosen answer, its button, and the sentences while and once sent. */
  linkAnswerChosen: (answer: string) => string;
  linkAnswerSend: string;
  linkAnswerSending: string;
  linkAnswerRecorded: string;
  /** A date as the page shows it (UTC, since the rater's time zone is unknown without script). */
  formatDate: (iso: string) => string;
}

const MINUTE = 60_000;
const MAX_FORMATTED_MINUTES = 1024;

/**
 * Dates to the minute, as the page shows them. Ratings invited in the same minute expire in the same minute, and a
 * rater's form and thank-you page show the same date: each minute is formatted once, in a bounded cache.
 */
function dateFormatter(locale: string): (iso: string) => string {
  const format = new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  });
  const formatted = new Map<number, string>();
  return (iso) => {
    const minute = Math.floor(Date.parse(iso) / MINUTE);
    let text = formatted.get(minute);
    if (text === undefined) {
      if (formatted.size >= MAX_FORMATTED_MINUTES) formatted.clear();
      text = `${format.format(new Date(minute * MINUTE))} UTC`;
      formatted.set(minute, text);
    }
    return text;
  };
}

const formatters = new Map<Language, (iso: string) => string>();

function formatterOf(language: Language): (iso: string) => string {
  let format = formatters.get(language);
  if (!format) {
    format = dateFormatter(languageInfo[language].locale);
    formatters.set(language, format);
  }
  return format;
}

/** The page's texts from a catalogue: the placeholders filled with the values each text is given. */
function pageTextOf(t: Catalogue, language: Language): PageText {
  const brandFill = (text: string) => (brand: string) => fillText(text, { brand });
  return {
    formTitle: brandFill(t.form_title),
    starsQuestion: brandFill(t.stars_question),
    npsQuestion: brandFill(t.nps_question),
    thumbsQuestions: { HELPFUL_THUMBS: t.helpful_question, EXPERIENCE_THUMBS: t.experience_question },
    thumbsQuestion: t.thumbs_question,
    thumbsAnswers: {
      HELPFUL_THUMBS: { up: t.helpful_yes, down: t.helpful_no },
      EXPERIENCE_THUMBS: { up: t.experience_good, down: t.experience_bad },
    },
    thumbsAnswer: { up: t.thumbs_up, down: t.thumbs_down },
    lede: t.lede,
    optional: t.optional,
    starLabels: [t.star_1, t.star_2, t.star_3, t.star_4, t.star_5],
    starPrompt: t.star_prompt,
    starWords: [t.star_word_1, t.star_word_2, t.star_word_3, t.star_word_4, t.star_word_5],
    csatWords: [t.csat_word_1, t.csat_word_2, t.csat_word_3, t.csat_word_4, t.csat_word_5],
    cesWords: [t.ces_word_1, t.ces_word_2, t.ces_word_3, t.ces_word_4, t.ces_word_5, t.ces_word_6, t.ces_word_7],
    npsLow: t.nps_low,
    npsHigh: t.nps_high,
    npsZero: t.nps_zero,
    npsTen: t.nps_ten,
    commentLabel: t.comment_label,
    commentHint: (max) => fillText(t.comment_hint, { max }),
    submit: t.submit,
    alreadyRated: (until) => (until ? fillText(t.already_rated_until, { until }) : t.already_rated),
    validUntil: (date) => fillText(t.valid_until, { date }),
    errorSummary: t.error_summary,
    errors: {
      starsMissing: t.error_stars_missing,
      requiredMissing: t.error_required_missing,
      answerMissing: t.error_answer_missing,
      starsInvalid: t.error_stars_invalid,
      thumbsInvalid: t.error_thumbs_invalid,
      npsInvalid: t.error_nps_invalid,
      commentTooLong: (max, length) => fillText(t.error_comment_too_long, { max, length }),
    },
    thanksTitle: t.thanks_title,
    thanksBody: brandFill(t.thanks_body),
    reviewPrompt: brandFill(t.review_prompt),
    reviewButton: t.review_button,
    changeAnswer: (until) => (until ? fillText(t.change_answer_until, { until }) : t.change_answer),
    changeAnswerLink: t.change_answer_link,
    expiredTitle: t.expired_title,
    expiredBody: t.expired_body,
    cancelledTitle: t.cancelled_title,
    cancelledBody: brandFill(t.cancelled_body),
    notFoundTitle: t.not_found_title,
    notFoundBody: t.not_found_body,
    forbiddenTitle: t.forbidden_title,
    forbiddenBody: t.forbidden_body,
    backToForm: t.back_to_form,
    rateLimitedTitle: t.rate_limited_title,
    rateLimitedBody: t.rate_limited_body,
    errorTitle: t.error_title,
    errorBody: t.error_body,
    badRequestBody: t.bad_request_body,
    linkAnswerChosen: (answer) => fillText(t.link_answer_chosen, { answer }),
    linkAnswerSend: t.link_answer_send,
    linkAnswerSending: t.link_answer_sending,
    linkAnswerRecorded: t.link_answer_recorded,
    formatDate: formatterOf(language),
  };
}

const defaults = new Map<Language, PageText>();
// Per overrides object: the settings cache hands every page of an organization the same one while it is fresh.
const overridden = new WeakMap<TextOverrides, Map<Language, PageText>>();

/** The page's texts in a language, with the organization's overrides of that language laid over the defaults. */
export function textFor(language: Language, overrides?: TextOverrides): PageText {
  if (overrides?.[language]) {
    let byLanguage = overridden.get(overrides);
    if (!byLanguage) overridden.set(overrides, (byLanguage = new Map()));
    let text = byLanguage.get(language);
    if (!text) byLanguage.set(language, (text = pageTextOf(textsOf(language, overrides), language)));
    return text;
  }
  let text = defaults.get(language);
  if (!text) {
    text = pageTextOf(textsOf(language), language);
    defaults.set(language, text);
  }
  return text;
}

/** The question a rater reads for a question code. */
export function questionText(text: PageText, code: QuestionCode, kind: QuestionKind, brand: string): string {
  switch (kind) {
    case 'stars':
      return text.starsQuestion(brand);
    case 'nps':
      return text.npsQuestion(brand);
    case 'thumbs':
      return text.thumbsQuestions[code] ?? text.thumbsQuestion;
  }
}
