import { stemmer as arabic } from '@orama/stemmers/arabic';
import { stemmer as danish } from '@orama/stemmers/danish';
import { stemmer as dutch } from '@orama/stemmers/dutch';
import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as finnish } from '@orama/stemmers/finnish';
import { stemmer as french } from '@orama/stemmers/french';
import { stemmer as german } from '@orama/stemmers/german';
import { stemmer as italian } from '@orama/stemmers/italian';
import { stemmer as norwegian } from '@orama/stemmers/norwegian';
import { stemmer as portuguese } from '@orama/stemmers/portuguese';
import { stemmer as spanish } from '@orama/stemmers/spanish';
import { stemmer as swedish } from '@orama/stemmers/swedish';
import * as stopwords from 'stopword';

/**
 * The terms of a text for topic clustering: its words in lower case, without the language's stop words, each reduced
 * to its stem (Snowball stemmers from `@orama/stemmers`, stop words from `stopword`), so that "refunds", "refunded"
 * and "refund" are one term, and "Erstattung" and "Erstattungen" another.
 */

interface Language {
  stopWords: string[];
  /** Absent for languages without a stemmer here (Polish, Japanese): their words are taken whole. */
  stem?: (word: string) => string;
}

/** The rating page's languages, by their codes. */
export const LANGUAGES: Record<string, Language> = {
  en: { stopWords: stopwords.eng, stem: english },
  de: { stopWords: stopwords.deu, stem: german },
  fr: { stopWords: stopwords.fra, stem: french },
  es: { stopWords: stopwords.spa, stem: spanish },
  it: { stopWords: stopwords.ita, stem: italian },
  pt: { stopWords: stopwords.por, stem: portuguese },
  nl: { stopWords: stopwords.nld, stem: dutch },
  da: { stopWords: stopwords.dan, stem: danish },
  sv: { stopWords: stopwords.swe, stem: swedish },
  nb: { stopWords: stopwords.nob, stem: norwegian },
  fi: { stopWords: stopwords.fin, stem: finnish },
  pl: { stopWords: stopwords.pol },
  ja: { stopWords: stopwords.jpn },
  ar: { stopWords: stopwords.ara, stem: arabic },
};

const CODES = Object.keys(LANGUAGES);
const stopSets = new Map(Object.entries(LANGUAGES).map(([code, language]) => [code, new Set(language.stopWords)]));
/** Each stop word with the languages it is one of, as bits in CODES' order: one lookup per word to guess a language. */
const stopLanguages = new Map<string, number>();
CODES.forEach((code, bit) => {
  for (const word of stopSets.get(code)!) stopLanguages.set(word, (stopLanguages.get(word) ?? 0) | (1 << bit));
});
/** Stems already made, per language: the words of support texts repeat, and a Snowball stem costs microseconds. */
const stems = new Map(CODES.map((code) => [code, new Map<string, string>()]));
const STEM_CACHE_LIMIT = 200_000;

/**
 * Words of support conversations in any language that say nothing about what a conversation is about. They are
 * dropped with the stop words.
 */
const CHAT_WORDS = new Set([
  'hello',
  'hi',
  'hey',
  'thanks',
  'thank',
  'please',
  'ok',
  'okay',
  'yes',
  'no',
  'hallo',
  'danke',
  'bitte',
  'ja',
  'nein',
  'bonjour',
  'merci',
  'hola',
  'gracias',
  'ciao',
  'grazie',
  // Words of any support conversation, whatever it is about.
  'cannot',
  'want',
  'need',
  'sure',
  'still',
  'get',
  'got',
  'one',
  'two',
  'three',
  'day',
  'days',
  'week',
  'weeks',
  'time',
  'help',
  'know',
  'just',
  'really',
  'also',
  'customer',
  'customers',
  'will',
]);

const WORD = /[\p{L}\p{N}]+/gu;
const DIGITS = /^\p{N}+$/u;
/** Shorter words are rarely what a conversation is about, and often what is left of a split contraction. */
const MIN_LENGTH = 3;

/** The words of a text, lower case, in order. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/**
 * The language of a text, when it is not known: the one whose stop words it holds most of (English on a tie or none).
 * Stop words are the commonest words of a language, so a sentence or two is enough.
 */
export function guessLanguage(words: string[]): string {
  const counts = new Array<number>(CODES.length).fill(0);
  for (const word of words) {
    const bits = stopLanguages.get(word);
    if (bits === undefined) continue;
    for (let bit = 0; bit < CODES.length; bit += 1) if (bits & (1 << bit)) counts[bit]! += 1;
  }
  let best = 0;
  for (let bit = 1; bit < CODES.length; bit += 1) if (counts[bit]! > counts[best]!) best = bit;
  return CODES[best]!;
}

function stemOf(code: string, word: string): string {
  const stem = LANGUAGES[code]!.stem;
  if (!stem) return word;
  const cache = stems.get(code)!;
  let stemmed = cache.get(word);
  if (stemmed === undefined) {
    stemmed = stem(word);
    if (cache.size >= STEM_CACHE_LIMIT) cache.clear();
    cache.set(word, stemmed);
  }
  return stemmed;
}

/** A text's terms with, for each, the word it came from (to label a topic with a word people write). */
export interface Terms {
  terms: string[];
  words: string[];
}

/** The terms of a text, in the given language (a code of LANGUAGES) or, without one, in the language it looks like. */
export function termsOf(text: string, language?: string | null): Terms {
  const words = wordsOf(text);
  const code = language && LANGUAGES[language.slice(0, 2)] ? language.slice(0, 2) : guessLanguage(words);
  const stops = stopSets.get(code)!;
  const english = stopSets.get('en')!;
  const terms: string[] = [];
  const kept: string[] = [];
  for (const word of words) {
    if (word.length < MIN_LENGTH || DIGITS.test(word)) continue;
    // English stop words too: support texts in any language quote English product words and phrases.
    if (stops.has(word) || english.has(word) || CHAT_WORDS.has(word)) continue;
    terms.push(stemOf(code, word));
    kept.push(word);
  }
  return { terms, words: kept };
}

/**
 * A topic's label: its heaviest terms (three at most), each as the word its texts wrote most often for it ("refund"
 * rather than the stem "refund", "delivery" rather than "deliv").
 */
export function labelOf(topic: { members: number[]; terms: string[] }, texts: Terms[], size = 3): string {
  const wanted = new Set(topic.terms.slice(0, size));
  const written = new Map<string, Map<string, number>>();
  for (const i of topic.members) {
    const { terms, words } = texts[i]!;
    terms.forEach((term, j) => {
      if (!wanted.has(term)) return;
      const counts = written.get(term) ?? new Map<string, number>();
      counts.set(words[j]!, (counts.get(words[j]!) ?? 0) + 1);
      written.set(term, counts);
    });
  }
  return topic.terms
    .slice(0, size)
    .map((term) => {
      const counts = [...(written.get(term) ?? new Map<string, number>())];
      counts.sort((a, b) => b[1] - a[1] || a[0].length - b[0].length);
      return counts[0]?.[0] ?? term;
    })
    .join(', ');
}
