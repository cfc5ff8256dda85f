import { AppError } from '../../errors.js';

/** The longest word kept, in characters: longer runs (hashes, base64) are cut, so their beginning still matches. */
export const MAX_WORD_LENGTH = 64;
/** Search terms one query may hold; each costs a probe per conversation looked at. */
export const MAX_SEARCH_TERMS = 8;

// Letters that have no decomposition but that readers of the language treat as spelled otherwise.
// Also ß (ẞ lower-cases to it, not to ss) and the final sigma (lower case picks ς or σ by the letters around it, which
// differ between a text and a query).
const FOLDS: Record<string, string> = { æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ß: 'ss', ς: 'σ' };
const FOLDED = /[æœøłđðþßς]/g;
const MARKS = /\p{M}+/gu;
/** Scripts written without spaces between words: each character is a word of its own, and a phrase of them matches. */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}]/gu;
const SEPARATORS = /[^\p{L}\p{N}]+/u;
const NOT_ASCII = /[^\p{ASCII}]/u;
const ASCII_SEPARATORS = /[^a-z0-9]+/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The words of a text as search sees them: lower case, without accents (é is e, ß is ss), split at everything that is
 * not a letter or a digit, in any script. The same function makes the index and reads the query, so both agree.
 */
export function wordsOf(text: string): string[] {
  // Most texts are ASCII: lower case and the split are all there is to do (and cost a tenth of the general way).
  if (!NOT_ASCII.test(text)) return cut(text.toLowerCase().split(ASCII_SEPARATORS));
  const folded = text
    .normalize('NFKD')
    // Upper then lower case folds the variants of a letter together (ß and ss, ς and σ, ı and i).
    .toUpperCase()
    .toLowerCase()
    // Changing case can bring marks of its own (İ becomes i and a combining dot).
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(FOLDED, (letter) => FOLDS[letter]!)
    .replace(UNSPACED, (character) => ` ${character} `);
  return cut(folded.split(SEPARATORS));
}

/** The words of a split, without the empty ones, each cut after MAX_WORD_LENGTH characters. */
function cut(parts: string[]): string[] {
  const words: string[] = [];
  for (const word of parts) {
    if (word === '') continue;
    words.push(word.length > MAX_WORD_LENGTH ? Array.from(word).slice(0, MAX_WORD_LENGTH).join('') : word);
  }
  return words;
}

/**
 * A text as the index stores it: its words joined by single spaces, with a space before the first and after the last,
 * so that "contains ` refu`" means "a word begins with refu" and "contains ` refund `" means "the word refund". Empty
 * when the text has no word.
 */
export function indexedText(...texts: Array<string | null | undefined>): string {
  const words = texts.flatMap((text) => (text ? wordsOf(text) : []));
  return words.length === 0 ? '' : ` ${words.join(' ')} `;
}

/** One term of a search: words that must follow one another in one text of the conversation. */
export interface SearchTerm {
  words: string[];
  /** The last word may be the beginning of a longer word (terms typed without quotes). */
  prefix: boolean;
  /** What the indexed text contains where the term matches: ` refu`, ` order number `. */
  pattern: string;
  /** A whole number also names the conversation with that id. */
  conversationId?: number;
  /** A UUID also names the conversation with that uid. */
  conversationUid?: string;
}

/**
 * Reads a search: terms separated by spaces, each a word that matches the words it begins ("refu" finds "refund"),
 * or a quoted phrase matched word for word (`"order number"`). Punctuation inside a term joins words into a phrase
 * (`anna@example`, `ORD-1001`). Every term must match somewhere in the conversation. Throws when there are more than
 * MAX_SEARCH_TERMS terms; a search without any word has no terms and matches nothing.
 */
export function parseSearch(query: string): SearchTerm[] {
  const terms = new Map<string, SearchTerm>();
  for (const match of query.matchAll(/"([^"]*)"?|[^\s"]+/g)) {
    const quoted = match[1] !== undefined;
    const raw = quoted ? match[1]! : match[0];
    const words = wordsOf(raw);
    if (words.length === 0) continue;
    const prefix = !quoted;
    const pattern = ` ${words.join(' ')}${prefix ? '' : ' '}`;
    const term: SearchTerm = { words, prefix, pattern };
    if (!quoted && /^\d{1,15}$/.test(raw)) term.conversationId = Number(raw);
    if (!quoted && UUID.test(raw)) term.conversationUid = raw.toLowerCase();
    if (!terms.has(pattern)) terms.set(pattern, term);
  }
  if (terms.size > MAX_SEARCH_TERMS) {
    throw new AppError(
      'validation_failed',
      `The search has ${terms.size} terms; at most ${MAX_SEARCH_TERMS} are taken. Leave some out or quote a phrase.`,
    );
  }
  return [...terms.values()];
}
