import { textsOf, type Language, type TextOverrides } from '../../modules/rating-config/index.js';

/** What the widget says beyond the rating page's own texts. */
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

/** The widget's own texts in a language, with the organization's overrides of that language. */
export function widgetText(language: Language, overrides?: TextOverrides): WidgetText {
  const t = textsOf(language, overrides);
  return {
    dialogTitle: t.widget_title,
    close: t.widget_close,
    like: t.widget_like,
    dislike: t.widget_dislike,
    messageComment: t.widget_comment,
    send: t.widget_send,
    sent: t.widget_sent,
    error: t.widget_error,
  };
}
