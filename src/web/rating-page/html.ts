/** Markup that is already safe: built by `markup`, never from raw input. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlPart = SafeHtml | string | number | null | undefined | false | readonly HtmlPart[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const SPECIAL = /[&<>"']/;

/** Escapes text for element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  // Most texts need nothing: looking is cheaper than replacing.
  return SPECIAL.test(text) ? text.replace(/[&<>"']/g, (char) => ESCAPES[char]!) : text;
}

function renderPart(part: HtmlPart): string {
  if (part instanceof SafeHtml) return part.value;
  if (Array.isArray(part)) return part.map(renderPart).join('');
  if (part === null || part === undefined || part === false) return '';
  return escapeHtml(String(part));
}

/**
 * A template tag that escapes every interpolated value unless it is SafeHtml from another `markup` template, so that a
 * brand name, a comment or a translated text can never turn into markup. Lists are joined; null, undefined and false
 * render as nothing. (Not named `html`: Prettier would reformat such templates as HTML, textareas included.)
 */
export function markup(strings: TemplateStringsArray, ...values: HtmlPart[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += renderPart(value) + strings[i + 1]!;
  });
  return new SafeHtml(out);
}

/** Trusted markup written in this code base (a stylesheet, an icon): never pass anything a user sent. */
export function trusted(text: string): SafeHtml {
  return new SafeHtml(text);
}
