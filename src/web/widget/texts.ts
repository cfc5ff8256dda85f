import type { Language } from '../../modules/rating-config/index.js';

/** What the widget says beyond the rating page's own texts, per language. */
export interface WidgetText {
  dialogTitle: string;
  close: string;
  like: string;
  dislike: string;
  messageComment: string;
  send: string;
  sent: string;
  error: string;
}

const texts: Record<Language, WidgetText> = {
  en: {
    dialogTitle: 'Rate this conversation',
    close: 'Close',
    like: 'Helpful answer',
    dislike: 'Unhelpful answer',
    messageComment: 'Tell us more (optional)',
    send: 'Send',
    sent: 'Thanks for your feedback.',
    error: 'Sending failed. Please try again.',
  },
  de: {
    dialogTitle: 'Gespräch bewerten',
    close: 'Schließen',
    like: 'Hilfreiche Antwort',
    dislike: 'Nicht hilfreiche Antwort',
    messageComment: 'Möchten Sie mehr sagen? (optional)',
    send: 'Senden',
    sent: 'Danke für Ihr Feedback.',
    error: 'Senden fehlgeschlagen. Bitte versuchen Sie es erneut.',
  },
};

/** The widget's own texts in a language. */
export function widgetText(language: Language): WidgetText {
  return texts[language];
}
