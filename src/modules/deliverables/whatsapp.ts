import { replyIdOf, type Choice } from './choices.js';

/**
 * The WhatsApp Cloud API message of a survey's first question (`POST /<PHONE_NUMBER_ID>/messages`, without `to`):
 * reply buttons for up to 3 choices, a list for 4 to 10, and a call-to-action button that opens the rating page when
 * there are none (free text, several options) or more than a list holds (NPS's 11). The limits are WhatsApp's.
 */
export const WHATSAPP_LIMITS = {
  body: 1024,
  footer: 60,
  buttonTitle: 20,
  buttons: 3,
  listButton: 20,
  sectionTitle: 24,
  rowTitle: 24,
  rowDescription: 72,
  rows: 10,
  ctaText: 20,
} as const;

export type WhatsAppForm = 'buttons' | 'list' | 'link';

export interface WhatsAppInput {
  /** The question as the contact reads it. */
  question: string;
  choices: Choice[];
  code: string;
  /** The rating page. */
  link: string;
  brand: string;
  /** "Or answer on this page: {link}", filled in. */
  linkLine: string;
  /** The list's button ("Choose an answer"). */
  choose: string;
  /** The call-to-action button ("Open the survey"). */
  open: string;
}

export interface WhatsAppMessage {
  form: WhatsAppForm;
  message: Record<string, unknown>;
  /** What each button or row sends back: the id `POST /v1/ratings/{id}/replies` takes, the value and the title. */
  replies: Array<{ reply_id: string; value: string; title: string }>;
}

/** A text cut to at most `max` characters (code points, as WhatsApp counts them), an ellipsis marking the cut. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text.trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/** The interactive message of a question, and the replies it can bring. */
export function whatsappMessage(input: WhatsAppInput): WhatsAppMessage {
  const { choices } = input;
  const body = { text: clip(`${input.question}\n\n${input.linkLine}`, WHATSAPP_LIMITS.body) };
  const footer = { text: clip(input.brand, WHATSAPP_LIMITS.footer) };
  const envelope = (interactive: Record<string, unknown>) => ({
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    type: 'interactive',
    interactive,
  });

  if (choices.length === 0 || choices.length > WHATSAPP_LIMITS.rows) {
    return {
      form: 'link',
      message: envelope({
        type: 'cta_url',
        body,
        footer,
        action: {
          name: 'cta_url',
          parameters: { display_text: clip(input.open, WHATSAPP_LIMITS.ctaText), url: input.link },
        },
      }),
      replies: [],
    };
  }

  if (choices.length <= WHATSAPP_LIMITS.buttons) {
    const replies = choices.map((choice) => ({
      reply_id: replyIdOf(input.code, choice.value),
      value: choice.value,
      title: clip(choice.label, WHATSAPP_LIMITS.buttonTitle),
    }));
    return {
      form: 'buttons',
      message: envelope({
        type: 'button',
        body,
        footer,
        action: { buttons: replies.map(({ reply_id, title }) => ({ type: 'reply', reply: { id: reply_id, title } })) },
      }),
      replies,
    };
  }

  const rows = choices.map((choice) => ({
    id: replyIdOf(input.code, choice.value),
    title: clip(choice.label, WHATSAPP_LIMITS.rowTitle),
    ...(choice.description && choice.description !== choice.label
      ? { description: clip(choice.description, WHATSAPP_LIMITS.rowDescription) }
      : {}),
  }));
  return {
    form: 'list',
    message: envelope({
      type: 'list',
      body,
      footer,
      action: {
        button: clip(input.choose, WHATSAPP_LIMITS.listButton),
        sections: [{ title: clip(input.choose, WHATSAPP_LIMITS.sectionTitle), rows }],
      },
    }),
    replies: rows.map((row, i) => ({ reply_id: row.id, value: choices[i]!.value, title: row.title })),
  };
}
