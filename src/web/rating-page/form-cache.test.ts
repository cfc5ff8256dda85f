import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { accentColors } from './colors.js';
import { FormPageCache, type PlainFormView } from './form-cache.js';
import { textFor } from './i18n.js';
import { formPage, type Branding, type PageFrame } from './views.js';

const nonce = () => randomBytes(18).toString('base64');
const token = () => randomBytes(32).toString('base64url');

function brandOf(name: string): Branding {
  return { name, logoUrl: null, colors: accentColors('#4f46e5', '#4f46e5') };
}

function viewOf(choices: Record<string, string>, comment: string, csrfToken = token()): PlainFormView {
  return {
    code: 'QSeT6YwQ-lTyleioLpc5VQUf',
    csrfToken,
    questions: [
      { code: 'STARS', kind: 'stars', field: 'stars', required: true },
      { code: 'NPS', kind: 'nps', field: 'NPS', required: false },
    ],
    values: { choices, comment },
    answered: Object.keys(choices).length > 0,
    expiresAt: '2026-12-09T10:30:00.000Z',
    order: ['STARS', 'NPS'],
  };
}

/** The form as rendering it afresh sends it. */
const rendered = (frame: PageFrame, view: PlainFormView) => formPage(frame, { ...view, errors: {} }).bytes();

describe('the rating page form, rendered once per what it shows', () => {
  it('sends every view the very bytes a fresh render would, with that view’s own nonce and token', () => {
    const forms = new FormPageCache();
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 30 }),
        fc.constantFrom('en' as const, 'ja' as const, 'ar' as const),
        fc.record(
          { stars: fc.constantFrom('1', '3', '5'), NPS: fc.constantFrom('0', '7', '10') },
          { requiredKeys: [] },
        ),
        fc.string({ unit: 'grapheme', maxLength: 120 }),
        (name, lang, choices, comment) => {
          const brand = brandOf(name);
          // Two views of the same form: the second is sent from the template the first made.
          for (const frame of [
            { lang, text: textFor(lang), brand, nonce: nonce() },
            { lang, text: textFor(lang), brand, nonce: nonce() },
          ]) {
            const view = viewOf(choices, comment);
            const sent = forms.bytes(frame, view);
            assert.deepEqual(sent, rendered(frame, view));
            assert.ok(sent.includes(`<style nonce="${frame.nonce}">`));
            assert.ok(sent.includes(`name="csrf_token" value="${view.csrfToken}"`));
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('renders anew when the answers, the texts or the brand change', () => {
    const forms = new FormPageCache();
    const frame = { lang: 'en' as const, text: textFor('en'), brand: brandOf('Acme'), nonce: nonce() };
    const first = forms.bytes(frame, viewOf({}, '')).toString();
    assert.doesNotMatch(first, /value="4" checked/);

    const answered = forms.bytes({ ...frame, nonce: nonce() }, viewOf({ stars: '4' }, 'Quick')).toString();
    assert.match(answered, /value="4" checked/);
    assert.match(answered, />\nQuick<\/textarea>/);

    // The settings cache hands out new objects after a change: a new brand name shows at once.
    const renamed = forms.bytes({ ...frame, brand: brandOf('Acme Support'), nonce: nonce() }, viewOf({}, ''));
    assert.match(renamed.toString(), /<span class="brand-name">Acme Support<\/span>/);
    const german = forms.bytes({ ...frame, lang: 'de', text: textFor('de'), nonce: nonce() }, viewOf({}, ''));
    assert.match(german.toString(), /<html lang="de">/);
  });

  it('refuses a value of another length than the one it stands in for', () => {
    const forms = new FormPageCache();
    const frame = { lang: 'en' as const, text: textFor('en'), brand: brandOf('Acme'), nonce: 'short' };
    assert.throws(() => forms.bytes(frame, viewOf({}, '')), /its mark’s length/);
  });
});
