import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { accentColors } from './colors.js';
import { textFor } from './i18n.js';
import { formPage, messagePage, type PageFrame } from './views.js';

function frameOf(brand: string, lang: 'en' | 'ja' | 'ar'): PageFrame {
  return {
    lang,
    text: textFor(lang),
    nonce: 'bm9uY2Vub25jZW5vbmNl',
    brand: { name: brand, logoUrl: null, colors: accentColors('#4f46e5', '#4f46e5') },
  };
}

describe('rendered pages', () => {
  it('send the very bytes of their markup, whatever the brand and language write', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.constantFrom('en' as const, 'ja' as const, 'ar' as const),
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        (brand, lang, comment) => {
          const page = formPage(frameOf(brand, lang), {
            code: 'QSeT6YwQ-lTyleioLpc5VQUf',
            csrfToken: 'x'.repeat(43),
            questions: [{ code: 'STARS', kind: 'stars', field: 'stars', required: true }],
            values: { choices: { stars: '4' }, comment },
            errors: {},
            answered: true,
            expiresAt: '2026-12-09T10:30:00.000Z',
          });
          const bytes = page.bytes();
          assert.equal(bytes.toString('utf8'), page.toString());
          assert.equal(bytes.length, Buffer.byteLength(page.toString()));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('carry the stylesheet inside their own nonce-bearing style element', () => {
    const html = messagePage(frameOf('Acme ☕', 'ja'), { icon: 'alert', title: 'タイトル', body: '本文' }).toString();
    assert.match(html, /<style nonce="bm9uY2Vub25jZW5vbmNl">:root\{--accent:#4f46e5;[^<]*\.link-answer\{/);
    assert.match(html, /<\/style>\n<\/head>/);
    assert.match(html, /<span class="brand-name">Acme ☕<\/span>/);
  });
});
