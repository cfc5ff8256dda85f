import type { Language, QuestionCode, QuestionKind } from '../../modules/rating-config/index.js';

/**
 * Everything the rating page says, per language. Functions take values that are inserted as plain text; the views
 * escape the result, so a brand name can never become markup.
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
  /** A date as the page shows it (UTC, since the rater's time zone is unknown without script). */
  formatDate: (iso: string) => string;
}

function dateFormatter(locale: string): (iso: string) => string {
  const format = new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  });
  return (iso) => `${format.format(new Date(iso))} UTC`;
}

const en: PageText = {
  formTitle: (brand) => `Rate your conversation – ${brand}`,
  starsQuestion: (brand) => `How would you rate your conversation with ${brand}?`,
  npsQuestion: (brand) => `How likely are you to recommend ${brand} to a friend or colleague?`,
  thumbsQuestions: { HELPFUL_THUMBS: 'Was this helpful?', EXPERIENCE_THUMBS: 'How was your experience?' },
  thumbsQuestion: 'Was this helpful?',
  thumbsAnswers: {
    HELPFUL_THUMBS: { up: 'Yes', down: 'No' },
    EXPERIENCE_THUMBS: { up: 'Good', down: 'Not good' },
  },
  thumbsAnswer: { up: 'Thumbs up', down: 'Thumbs down' },
  lede: 'It takes a few seconds, and it helps us get better.',
  optional: 'optional',
  starLabels: ['1 star – very poor', '2 stars – poor', '3 stars – okay', '4 stars – good', '5 stars – excellent'],
  starPrompt: 'Choose from 1 to 5 stars.',
  starWords: ['Very poor', 'Poor', 'Okay', 'Good', 'Excellent'],
  npsLow: 'Not likely',
  npsHigh: 'Very likely',
  npsZero: '0 – not at all likely',
  npsTen: '10 – extremely likely',
  commentLabel: 'Anything else you would like to tell us?',
  commentHint: (max) => `Up to ${max} characters.`,
  submit: 'Send feedback',
  alreadyRated: (until) =>
    until
      ? `You have rated this conversation. You can change your answer until ${until}.`
      : 'You have rated this conversation. You can change your answer.',
  validUntil: (date) => `This link is valid until ${date}.`,
  errorSummary: 'Please check your answer.',
  errors: {
    starsMissing: 'Please choose from 1 to 5 stars.',
    requiredMissing: 'Please answer this question.',
    answerMissing: 'Please answer at least one question.',
    starsInvalid: 'Please choose from 1 to 5 stars.',
    thumbsInvalid: 'Please choose one of the two answers.',
    npsInvalid: 'Please choose a number from 0 to 10.',
    commentTooLong: (max, length) => `Please shorten your comment to ${max} characters (it has ${length}).`,
  },
  thanksTitle: 'Thank you!',
  thanksBody: (brand) => `Your feedback has been sent to ${brand}.`,
  reviewPrompt: (brand) => `Would you share your experience with others? A public review helps ${brand} a lot.`,
  reviewButton: 'Write a review',
  changeAnswer: (until) =>
    until ? `Changed your mind? You can edit your answer until ${until}.` : 'Changed your mind?',
  changeAnswerLink: 'Change your answer',
  expiredTitle: 'This link has expired',
  expiredBody: 'The time to rate this conversation is over. Thank you for your interest all the same.',
  cancelledTitle: 'This rating is closed',
  cancelledBody: (brand) => `${brand} has withdrawn this rating request, so there is nothing left to do here.`,
  notFoundTitle: 'This link does not work',
  notFoundBody: 'Please check that you opened the complete link from your message.',
  forbiddenTitle: 'Please send the form again',
  forbiddenBody:
    'For your security, we could not accept this form. Open the page again and send your answer once more.',
  backToForm: 'Back to the form',
  rateLimitedTitle: 'Too many attempts',
  rateLimitedBody: 'Please wait a minute, then try again.',
  errorTitle: 'Something went wrong',
  errorBody: 'We could not process your answer. Please try again in a few minutes.',
  badRequestBody: 'This request could not be processed. Please open the page again and send the form from there.',
  formatDate: dateFormatter('en-GB'),
};

const de: PageText = {
  formTitle: (brand) => `Bewerten Sie Ihr Gespräch – ${brand}`,
  starsQuestion: (brand) => `Wie bewerten Sie Ihr Gespräch mit ${brand}?`,
  npsQuestion: (brand) => `Wie wahrscheinlich ist es, dass Sie ${brand} einem Freund oder Kollegen weiterempfehlen?`,
  thumbsQuestions: { HELPFUL_THUMBS: 'War das hilfreich?', EXPERIENCE_THUMBS: 'Wie war Ihre Erfahrung?' },
  thumbsQuestion: 'War das hilfreich?',
  thumbsAnswers: {
    HELPFUL_THUMBS: { up: 'Ja', down: 'Nein' },
    EXPERIENCE_THUMBS: { up: 'Gut', down: 'Nicht gut' },
  },
  thumbsAnswer: { up: 'Daumen hoch', down: 'Daumen runter' },
  lede: 'Es dauert nur ein paar Sekunden und hilft uns, besser zu werden.',
  optional: 'optional',
  starLabels: [
    '1 Stern – sehr schlecht',
    '2 Sterne – schlecht',
    '3 Sterne – in Ordnung',
    '4 Sterne – gut',
    '5 Sterne – ausgezeichnet',
  ],
  starPrompt: 'Wählen Sie 1 bis 5 Sterne.',
  starWords: ['Sehr schlecht', 'Schlecht', 'In Ordnung', 'Gut', 'Ausgezeichnet'],
  npsLow: 'Unwahrscheinlich',
  npsHigh: 'Sehr wahrscheinlich',
  npsZero: '0 – überhaupt nicht wahrscheinlich',
  npsTen: '10 – äußerst wahrscheinlich',
  commentLabel: 'Möchten Sie uns noch etwas mitteilen?',
  commentHint: (max) => `Bis zu ${max} Zeichen.`,
  submit: 'Feedback senden',
  alreadyRated: (until) =>
    until
      ? `Sie haben dieses Gespräch bewertet. Sie können Ihre Antwort bis ${until} ändern.`
      : 'Sie haben dieses Gespräch bewertet. Sie können Ihre Antwort ändern.',
  validUntil: (date) => `Dieser Link ist gültig bis ${date}.`,
  errorSummary: 'Bitte prüfen Sie Ihre Angaben.',
  errors: {
    starsMissing: 'Bitte wählen Sie 1 bis 5 Sterne.',
    requiredMissing: 'Bitte beantworten Sie diese Frage.',
    answerMissing: 'Bitte beantworten Sie mindestens eine Frage.',
    starsInvalid: 'Bitte wählen Sie 1 bis 5 Sterne.',
    thumbsInvalid: 'Bitte wählen Sie eine der beiden Antworten.',
    npsInvalid: 'Bitte wählen Sie eine Zahl von 0 bis 10.',
    commentTooLong: (max, length) => `Bitte kürzen Sie Ihren Kommentar auf ${max} Zeichen (derzeit ${length}).`,
  },
  thanksTitle: 'Vielen Dank!',
  thanksBody: (brand) => `Ihr Feedback wurde an ${brand} gesendet.`,
  reviewPrompt: (brand) =>
    `Möchten Sie Ihre Erfahrung mit anderen teilen? Eine öffentliche Bewertung hilft ${brand} sehr.`,
  reviewButton: 'Bewertung schreiben',
  changeAnswer: (until) =>
    until ? `Anders überlegt? Sie können Ihre Antwort bis ${until} ändern.` : 'Anders überlegt?',
  changeAnswerLink: 'Antwort ändern',
  expiredTitle: 'Dieser Link ist abgelaufen',
  expiredBody: 'Die Zeit für eine Bewertung dieses Gesprächs ist vorbei. Trotzdem vielen Dank für Ihr Interesse.',
  cancelledTitle: 'Diese Bewertung ist geschlossen',
  cancelledBody: (brand) => `${brand} hat diese Bewertungsanfrage zurückgezogen; hier ist nichts mehr zu tun.`,
  notFoundTitle: 'Dieser Link funktioniert nicht',
  notFoundBody: 'Bitte prüfen Sie, ob Sie den vollständigen Link aus Ihrer Nachricht geöffnet haben.',
  forbiddenTitle: 'Bitte senden Sie das Formular erneut',
  forbiddenBody:
    'Zu Ihrer Sicherheit konnten wir dieses Formular nicht annehmen. Öffnen Sie die Seite erneut und senden Sie Ihre Antwort noch einmal.',
  backToForm: 'Zurück zum Formular',
  rateLimitedTitle: 'Zu viele Versuche',
  rateLimitedBody: 'Bitte warten Sie eine Minute und versuchen Sie es dann erneut.',
  errorTitle: 'Etwas ist schiefgelaufen',
  errorBody: 'Wir konnten Ihre Antwort nicht verarbeiten. Bitte versuchen Sie es in ein paar Minuten erneut.',
  badRequestBody:
    'Diese Anfrage konnte nicht verarbeitet werden. Bitte öffnen Sie die Seite erneut und senden Sie das Formular von dort.',
  formatDate: dateFormatter('de-DE'),
};

const texts: Record<Language, PageText> = { en, de };

/** The page's texts in a language. */
export function textFor(language: Language): PageText {
  return texts[language];
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
