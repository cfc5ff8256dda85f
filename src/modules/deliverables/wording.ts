import { fillText, type Catalogue } from '../rating-config/index.js';
import type { ChoiceKind, ChoiceWords } from './choices.js';

/** What every channel's message says, in one language, with the organization's overrides laid over the catalogue. */
export interface MessageWords {
  brand: string;
  subject: string;
  intro: string;
  hint: string;
  open: string;
  /** The SMS, link filled in. */
  sms: (link: string) => string;
  /** The WhatsApp body's line with the link. */
  chatLink: (link: string) => string;
  choose: string;
  /** "This link is valid until …". */
  validUntil: (date: string) => string;
  choices: ChoiceWords;
  npsLow: string;
  npsHigh: string;
}

const thumbsQuestions: Record<string, 'helpful_question' | 'experience_question'> = {
  HELPFUL_THUMBS: 'helpful_question',
  EXPERIENCE_THUMBS: 'experience_question',
};

/** The question a contact reads for a built-in kind and code, as the rating page words it. */
export function questionSentence(t: Catalogue, code: string, kind: ChoiceKind, brand: string): string {
  switch (kind) {
    case 'nps':
      return fillText(t.nps_question, { brand });
    case 'thumbs':
      return t[thumbsQuestions[code] ?? 'thumbs_question'];
    default:
      // stars, and the custom kinds until their own label is given (custom questions carry one).
      return fillText(t.stars_question, { brand });
  }
}

/** The words of the messages from a catalogue, for a question code (a thumbs question's answers are its code's). */
export function messageWords(t: Catalogue, brand: string, code: string): MessageWords {
  const thumbs =
    code === 'HELPFUL_THUMBS'
      ? { up: t.helpful_yes, down: t.helpful_no }
      : code === 'EXPERIENCE_THUMBS'
        ? { up: t.experience_good, down: t.experience_bad }
        : { up: t.thumbs_up, down: t.thumbs_down };
  return {
    brand,
    subject: fillText(t.invite_email_subject, { brand }),
    intro: fillText(t.invite_email_intro, { brand }),
    hint: t.invite_email_hint,
    open: t.invite_email_open,
    sms: (link) => fillText(t.invite_sms, { brand, link }),
    chatLink: (link) => fillText(t.invite_chat_link, { link }),
    choose: t.invite_chat_choose,
    validUntil: (date) => fillText(t.valid_until, { date }),
    choices: {
      starWords: [t.star_word_1, t.star_word_2, t.star_word_3, t.star_word_4, t.star_word_5],
      starLabels: [t.star_1, t.star_2, t.star_3, t.star_4, t.star_5],
      csatWords: [t.csat_word_1, t.csat_word_2, t.csat_word_3, t.csat_word_4, t.csat_word_5],
      cesWords: [t.ces_word_1, t.ces_word_2, t.ces_word_3, t.ces_word_4, t.ces_word_5, t.ces_word_6, t.ces_word_7],
      thumbs,
      npsZero: t.nps_zero,
      npsTen: t.nps_ten,
    },
    npsLow: t.nps_low,
    npsHigh: t.nps_high,
  };
}
