import { ar } from './ar.js';
import type { Catalogue, TextKey } from './catalogue.js';
import { da } from './da.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fi } from './fi.js';
import { fr } from './fr.js';
import { it } from './it.js';
import { ja } from './ja.js';
import { nb } from './nb.js';
import { nl } from './nl.js';
import { pl } from './pl.js';
import { pt } from './pt.js';
import { sv } from './sv.js';

export type { Catalogue, TextKey } from './catalogue.js';

/** The languages of the rating page, the widget, the invite message and the thank-you page. */
export const languages = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'da', 'sv', 'nb', 'fi', 'pl', 'ja', 'ar'] as const;
export type Language = (typeof languages)[number];

/** How a language is written and named: its own name, its English name, its direction, its date locale. */
export interface LanguageInfo {
  name: string;
  englishName: string;
  dir: 'ltr' | 'rtl';
  /** The BCP 47 locale dates are formatted in. */
  locale: string;
}

export const languageInfo: Record<Language, LanguageInfo> = {
  en: { name: 'English', englishName: 'English', dir: 'ltr', locale: 'en-GB' },
  de: { name: 'Deutsch', englishName: 'German', dir: 'ltr', locale: 'de-DE' },
  fr: { name: 'Français', englishName: 'French', dir: 'ltr', locale: 'fr-FR' },
  es: { name: 'Español', englishName: 'Spanish', dir: 'ltr', locale: 'es-ES' },
  it: { name: 'Italiano', englishName: 'Italian', dir: 'ltr', locale: 'it-IT' },
  pt: { name: 'Português', englishName: 'Portuguese', dir: 'ltr', locale: 'pt-PT' },
  nl: { name: 'Nederlands', englishName: 'Dutch', dir: 'ltr', locale: 'nl-NL' },
  da: { name: 'Dansk', englishName: 'Danish', dir: 'ltr', locale: 'da-DK' },
  sv: { name: 'Svenska', englishName: 'Swedish', dir: 'ltr', locale: 'sv-SE' },
  nb: { name: 'Norsk bokmål', englishName: 'Norwegian', dir: 'ltr', locale: 'nb-NO' },
  fi: { name: 'Suomi', englishName: 'Finnish', dir: 'ltr', locale: 'fi-FI' },
  pl: { name: 'Polski', englishName: 'Polish', dir: 'ltr', locale: 'pl-PL' },
  ja: { name: '日本語', englishName: 'Japanese', dir: 'ltr', locale: 'ja-JP' },
  ar: { name: 'العربية', englishName: 'Arabic', dir: 'rtl', locale: 'ar' },
};

/** One catalogue per language; each is checked to have exactly the English keys (typecheck and test). */
export const catalogues: Record<Language, Catalogue> = { en, de, fr, es, it, pt, nl, da, sv, nb, fi, pl, ja, ar };

/** Every text key, in the English catalogue's order. */
export const textKeys = Object.keys(en) as TextKey[];

export function isTextKey(key: string): key is TextKey {
  return Object.hasOwn(en, key);
}

export function isLanguage(value: string | null | undefined): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** The `{name}` placeholders of a text, in order of appearance, each once. */
export function placeholdersOf(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(/\{([a-z]+)\}/g), (found) => found[1]!))];
}

/** A text with its placeholders replaced; a placeholder without a value stays as written. */
export function fillText(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{([a-z]+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}

// Tags that name a supported language by another code: Norwegian without a written standard, and Nynorsk, read Bokmål.
const aliases: Record<string, Language> = { no: 'nb', nn: 'nb' };

/** The supported language a BCP 47 tag names by its primary subtag (`pt-BR` → `pt`), if any. */
export function languageOfTag(tag: string | null | undefined): Language | undefined {
  if (!tag) return undefined;
  const base = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (isLanguage(base)) return base;
  return aliases[base];
}

/**
 * The first supported language of an `Accept-Language` header (RFC 9110): ranges ordered by their `q` weight, equal
 * weights in the order given, `q=0` meaning "not this one"; each range falls back to its base language. A malformed
 * weight leaves its range out; `*` names nothing in particular, so it is passed over.
 */
export function acceptedLanguage(header: string | null | undefined): Language | undefined {
  if (!header) return undefined;
  const ranges = header
    .split(',')
    .slice(0, 50)
    .flatMap((part, index) => {
      const [range = '', ...params] = part.split(';').map((piece) => piece.trim());
      if (range === '' || range === '*' || !/^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/.test(range)) return [];
      let q = 1;
      for (const param of params) {
        const weight = /^q\s*=\s*(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/i.exec(param);
        if (weight) q = Number(weight[1]);
        else if (/^q\s*=/i.test(param)) return [];
      }
      return q > 0 ? [{ range, q, index }] : [];
    })
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { range } of ranges) {
    const language = languageOfTag(range);
    if (language) return language;
  }
  return undefined;
}

/**
 * The language a rater reads: the conversation's, else the organization's default, else the browser's
 * `Accept-Language`, else English.
 */
export function resolveLanguage(sources: {
  conversation?: string | null;
  organization?: string | null;
  acceptLanguage?: string | null;
}): Language {
  return (
    languageOfTag(sources.conversation) ??
    languageOfTag(sources.organization) ??
    acceptedLanguage(sources.acceptLanguage) ??
    'en'
  );
}

/**
 * The language of an invite's text as the vendor-compatible surfaces answered it before Plaudit spoke more than
 * English and German: the organization's language, else the conversation's when it is one of those two, else English.
 * Kept for those surfaces, whose answers must not change; everything else asks `resolveLanguage`.
 */
export function vendorInviteLanguage(sources: {
  conversation?: string | null;
  organization?: string | null;
}): Language {
  const organization = languageOfTag(sources.organization);
  if (organization) return organization;
  const conversation = languageOfTag(sources.conversation);
  return conversation === 'de' ? 'de' : 'en';
}

/** Per-language overrides of the texts, as an organization set them. */
export type TextOverrides = Partial<Record<Language, Partial<Record<TextKey, string>>>>;

/** The texts of a language with the organization's overrides laid over the defaults. */
export function textsOf(language: Language, overrides?: TextOverrides): Catalogue {
  const own = overrides?.[language];
  return own ? { ...catalogues[language], ...own } : catalogues[language];
}
