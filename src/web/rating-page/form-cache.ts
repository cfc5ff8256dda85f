import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { PageTemplate } from './page-bytes.js';
import { formPage, type FormView, type PageFrame } from './views.js';

/** A form as a plain view shows it: no errors to show and no answer a link chose. */
export type PlainFormView = Omit<FormView, 'errors' | 'linkAnswer'>;

// Stand-ins for the nonce and the CSRF token while a form is rendered into a template: random, so that no text on the
// page can hold one by chance or on purpose, and of the lengths of the values that replace them (security.ts).
const NONCE_MARK = randomBytes(18).toString('base64');
const TOKEN_MARK = randomBytes(32).toString('base64url');
const CAPACITY = 1000;

/** Everything of a view the form shows, but its CSRF token. */
type Shown = [
  PlainFormView['questions'],
  PlainFormView['values'],
  PlainFormView['custom'],
  PlainFormView['answered'],
  PlainFormView['expiresAt'],
  PlainFormView['order'],
];

interface Entry {
  /** The frame's objects it was rendered in (its language is in the key). */
  text: PageFrame['text'];
  brand: PageFrame['brand'];
  /** A copy of what the form showed: the view's own objects belong to its request. */
  shown: Shown;
  template: PageTemplate;
}

/**
 * The rating page's form, rendered once per everything it shows and sent to each view with the view's own CSP nonce
 * and CSRF token written in. The form is a pure function of its frame (the language, the texts and the brand, which
 * the settings cache hands out as the same objects while they hold) and of its view (the questions, the answers given,
 * the expiry, the order), so a view that differs in any of them (an answer, a new question, another expiry) renders
 * anew, and a change of settings or texts, which makes new frame objects, does too. Forms with errors or a link's
 * answer are rendered every time. One form is kept per rating and language, at most CAPACITY, the oldest dropped first.
 */
export class FormPageCache {
  /** By the rating's code and the page language: the form last rendered, and what it showed. */
  readonly #entries = new Map<string, Entry>();

  bytes(frame: PageFrame, view: PlainFormView): Buffer {
    const key = `${view.code} ${frame.lang}`;
    let entry = this.#entries.get(key);
    const shown: Shown = [view.questions, view.values, view.custom, view.answered, view.expiresAt, view.order];
    const fresh =
      entry !== undefined &&
      entry.text === frame.text &&
      entry.brand === frame.brand &&
      isDeepStrictEqual(entry.shown, shown);
    if (!fresh) {
      const page = formPage({ ...frame, nonce: NONCE_MARK }, { ...view, csrfToken: TOKEN_MARK, errors: {} });
      entry = {
        text: frame.text,
        brand: frame.brand,
        shown: structuredClone(shown),
        template: page.template([NONCE_MARK, TOKEN_MARK]),
      };
      this.#entries.delete(key);
      if (this.#entries.size >= CAPACITY) this.#entries.delete(this.#entries.keys().next().value!);
      this.#entries.set(key, entry);
    }
    return entry!.template.fill([frame.nonce, view.csrfToken]);
  }
}
