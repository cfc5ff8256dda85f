/**
 * The one mapping from a question to the choices a message offers for it: an email's links, WhatsApp's buttons or
 * rows, the rating page an answer link opens. Built from a kind and, for `choice` questions, the options, so that the
 * kinds of custom questions (csat 1-5, ces 1-7, choice, text) work the day they can be asked.
 */

/** Every kind of question a message may ask: today's built-in kinds and the custom kinds. */
export type ChoiceKind = 'stars' | 'csat' | 'nps' | 'ces' | 'thumbs' | 'choice' | 'text';

/** A question as a message offers it. */
export interface ChoiceQuestion {
  code: string;
  kind: ChoiceKind;
  /** A `choice` question's options, labels in the message's language. */
  options?: ReadonlyArray<{ id: string; label: string }>;
  /** A `choice` question that takes several options: no single tap answers it. */
  multiple?: boolean;
}

/** One answer a message offers: its value as a link and a reply id carry it, and what the contact reads. */
export interface Choice {
  /** `4` (stars), `1`/`0` (thumbs up/down), `PRICE` (an option id). */
  value: string;
  label: string;
  /** A longer reading of the label, when there is one ("4 stars – good"). */
  description?: string;
}

/** The words choices are labelled with, in the message's language. */
export interface ChoiceWords {
  /** Stars 1-5: the word ("Good") and the full label ("4 stars – good"). */
  starWords: readonly string[];
  starLabels: readonly string[];
  /** CSAT 1-5 ("Satisfied") and CES 1-7 ("Easy"): the scale's words, described "4 – Satisfied". */
  csatWords: readonly string[];
  cesWords: readonly string[];
  /** A thumbs question's two answers (its code's own, else the default). */
  thumbs: { up: string; down: string };
  /** The ends of the NPS scale ("0 – not at all likely", "10 – extremely likely"). */
  npsZero: string;
  npsTen: string;
}

function range(min: number, max: number): number[] {
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

function numbered(min: number, max: number, words: readonly string[] | undefined): Choice[] {
  return range(min, max).map((value, i) => {
    const word = words?.[i];
    return word ? { value: String(value), label: word, description: `${value} – ${word}` } : numberChoice(value);
  });
}

function numberChoice(value: number, description?: string): Choice {
  return description
    ? { value: String(value), label: String(value), description }
    : { value: String(value), label: String(value) };
}

/**
 * The choices of a question, in the order they are offered: stars 1-5, csat 1-5, ces 1-7, NPS 0-10, thumbs up (1)
 * then down (0), a single-answer choice question's options. A free-text question, and a choice question that takes
 * several options, have none: a message can only link to the page.
 */
export function choicesOf(question: ChoiceQuestion, words: ChoiceWords): Choice[] {
  switch (question.kind) {
    case 'stars':
      return range(1, 5).map((value, i) => ({
        value: String(value),
        label: words.starWords[i] ?? String(value),
        description: words.starLabels[i] ?? String(value),
      }));
    case 'csat':
      return numbered(1, 5, words.csatWords);
    case 'ces':
      return numbered(1, 7, words.cesWords);
    case 'nps':
      return range(0, 10).map((value) =>
        numberChoice(value, value === 0 ? words.npsZero : value === 10 ? words.npsTen : undefined),
      );
    case 'thumbs':
      return [
        { value: '1', label: words.thumbs.up },
        { value: '0', label: words.thumbs.down },
      ];
    case 'choice':
      return question.multiple ? [] : (question.options ?? []).map(({ id, label }) => ({ value: id, label }));
    case 'text':
      return [];
  }
}

/** The stored answer a choice stands for: a number for the scales and thumbs, the option id for a choice question. */
export function answerOfChoice(
  question: ChoiceQuestion,
  value: string,
): { code: string; value: number } | { code: string; choices: string[] } {
  return question.kind === 'choice'
    ? { code: question.code, choices: [value] }
    : { code: question.code, value: Number(value) };
}

/** The id of a WhatsApp reply: the question code and the choice's value, `CSAT:4`. */
export function replyIdOf(code: string, value: string): string {
  return `${code}:${value}`;
}

/** A reply id read back: the question code and the value, or undefined for anything not of the form `CODE:value`. */
export function parseReplyId(replyId: string): { code: string; value: string } | undefined {
  const found = /^([A-Z][A-Z0-9_]{1,39}):([A-Za-z0-9_-]{1,64})$/.exec(replyId);
  return found ? { code: found[1]!, value: found[2]! } : undefined;
}
