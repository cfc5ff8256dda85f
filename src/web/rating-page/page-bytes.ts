import { linkAnswerStyles } from './link-answer.js';
import { stylesheet } from './styles.js';

// The stylesheet every page carries, encoded once: it is most of a page's bytes, so a page is sent as its own markup
// encoded around these bytes instead of as one string encoded whole.
const SHARED_STYLES = stylesheet + linkAnswerStyles;
const SHARED_STYLE_BYTES = Buffer.from(SHARED_STYLES);

/** A rendered page: its markup before and after the shared stylesheet. */
export class RenderedPage {
  constructor(
    private readonly before: string,
    private readonly after: string,
  ) {}

  /** The page as UTF-8, the stylesheet copied in already encoded. */
  bytes(): Buffer {
    const head = Buffer.byteLength(this.before);
    const tail = Buffer.byteLength(this.after);
    const out = Buffer.allocUnsafe(head + SHARED_STYLE_BYTES.length + tail);
    out.write(this.before, 0);
    SHARED_STYLE_BYTES.copy(out, head);
    out.write(this.after, head + SHARED_STYLE_BYTES.length);
    return out;
  }

  /**
   * The page as a template: its bytes with every place where one of `marks` stands, so that `fill` writes values of
   * the same length there. Each mark must be ASCII and appear nowhere else by chance (a random string does not).
   */
  template(marks: readonly string[]): PageTemplate {
    const head = Buffer.from(this.before);
    const tail = Buffer.from(this.after);
    const slots: Slot[] = [];
    marks.forEach((mark, index) => {
      if (!/^[\x21-\x7e]+$/.test(mark)) throw new Error('a page mark must be printable ASCII');
      for (const [part, offset] of [
        [head, 0],
        [tail, head.length + SHARED_STYLE_BYTES.length],
      ] as const) {
        for (let at = part.indexOf(mark); at !== -1; at = part.indexOf(mark, at + mark.length)) {
          slots.push({ at: offset + at, mark: index, length: mark.length });
        }
      }
    });
    return new PageTemplate(head, tail, slots);
  }

  toString(): string {
    return this.before + SHARED_STYLES + this.after;
  }
}

interface Slot {
  /** The byte offset in the page. */
  at: number;
  /** Which mark stands there. */
  mark: number;
  length: number;
}

/** A page rendered once, its marks' places known: each `fill` is a copy and a few short writes, not a render. */
export class PageTemplate {
  readonly #head: Buffer;
  readonly #tail: Buffer;
  readonly #slots: readonly Slot[];

  constructor(head: Buffer, tail: Buffer, slots: readonly Slot[]) {
    this.#head = head;
    this.#tail = tail;
    this.#slots = slots;
  }

  /** The page with `values[i]` written where mark `i` stood: ASCII of its mark's length (a nonce, a CSRF token). */
  fill(values: readonly string[]): Buffer {
    const head = this.#head;
    const out = Buffer.allocUnsafe(head.length + SHARED_STYLE_BYTES.length + this.#tail.length);
    head.copy(out, 0);
    SHARED_STYLE_BYTES.copy(out, head.length);
    this.#tail.copy(out, head.length + SHARED_STYLE_BYTES.length);
    for (const slot of this.#slots) {
      const value = values[slot.mark]!;
      if (value.length !== slot.length) throw new Error('a value written into a page template has its mark’s length');
      out.write(value, slot.at, 'latin1');
    }
    return out;
  }
}
