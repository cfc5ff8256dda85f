import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LanguageSchema } from '../rating-config.schemas.js';
import { catalogues, languageInfo, languages, placeholdersOf, textKeys } from './index.js';

describe('text catalogues', () => {
  it('covers at least the fourteen languages, each once, and the schema lists exactly them', () => {
    for (const language of ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'da', 'sv', 'nb', 'fi', 'pl', 'ja', 'ar']) {
      assert.ok((languages as readonly string[]).includes(language), language);
    }
    assert.equal(new Set(languages).size, languages.length);
    const accepted = (LanguageSchema as unknown as { anyOf: Array<{ const: string }> }).anyOf.map((s) => s.const);
    assert.deepEqual(accepted, [...languages]);
    assert.deepEqual(Object.keys(catalogues).sort(), [...languages].sort());
    assert.deepEqual(Object.keys(languageInfo).sort(), [...languages].sort());
  });

  for (const language of languages) {
    it(`${language}: has exactly the English keys, no empty text, and every placeholder kept`, () => {
      const catalogue = catalogues[language];
      assert.deepEqual(Object.keys(catalogue).sort(), [...textKeys].sort(), `${language} keys`);
      for (const key of textKeys) {
        const text = catalogue[key];
        assert.equal(typeof text, 'string', `${language}.${key}`);
        assert.ok(text.trim().length > 0, `${language}.${key} is empty`);
        assert.equal(text, text.trim(), `${language}.${key} has surrounding blanks`);
        assert.deepEqual(
          placeholdersOf(text).sort(),
          placeholdersOf(catalogues.en[key]).sort(),
          `${language}.${key} keeps the placeholders of English`,
        );
        // Single braces only ever wrap a placeholder: a stray one would show on the page.
        assert.equal(text.replace(/\{[a-z]+\}/g, '').match(/[{}]/), null, `${language}.${key} has a stray brace`);
      }
      if (language !== 'en') {
        const same = textKeys.filter((key) => catalogue[key] === catalogues.en[key] && /[a-z]{4}/.test(catalogue[key]));
        // A few words are the same in several languages ("optional", "Send feedback" in Danish); most must differ.
        assert.ok(same.length <= 6, `${language} looks untranslated: ${same.join(', ')}`);
      }
    });
  }

  it('words the csat (1-5) and ces (1-7) scales in every language, each point its own word', () => {
    const scales = [
      [1, 2, 3, 4, 5].map((point) => `csat_word_${point}`),
      [1, 2, 3, 4, 5, 6, 7].map((point) => `ces_word_${point}`),
    ];
    for (const keys of scales) {
      for (const key of keys) assert.ok((textKeys as string[]).includes(key), `${key} is a text key`);
      for (const language of languages) {
        const words = keys.map((key) => catalogues[language][key as keyof typeof catalogues.en]);
        assert.equal(new Set(words).size, keys.length, `${language}: ${words.join(' / ')}`);
      }
    }
  });

  it('writes Arabic right to left and the rest left to right', () => {
    for (const language of languages) assert.equal(languageInfo[language].dir, language === 'ar' ? 'rtl' : 'ltr');
  });
});
