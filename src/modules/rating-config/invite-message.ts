/** Languages the rating page and the default invite message speak. */
export const languages = ['en', 'de'] as const;
export type Language = (typeof languages)[number];

export const LINK_PLACEHOLDER = '{link}';

const defaultInviteMessages: Record<Language, string> = {
  en: 'Thank you for contacting us! How did we do? Please rate your conversation: {link}',
  de: 'Vielen Dank für Ihre Anfrage! Wie zufrieden waren Sie? Bitte bewerten Sie das Gespräch: {link}',
};

export function isLanguage(value: string | null | undefined): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** The first supported language of a BCP 47 tag list (`de-CH`, `de;q=0.9,en`), or undefined. */
export function supportedLanguage(...candidates: Array<string | null | undefined>): Language | undefined {
  for (const candidate of candidates) {
    if (!candidate) continue;
    const tags = candidate
      .split(',')
      .map((part) => {
        const [tag = '', ...params] = part.trim().split(';');
        const q = params.map((p) => /^q=([\d.]+)$/.exec(p.trim())?.[1]).find(Boolean);
        return { tag: tag.toLowerCase(), q: q === undefined ? 1 : Number(q) };
      })
      .filter(({ q }) => q > 0)
      .sort((a, b) => b.q - a.q);
    for (const { tag } of tags) {
      const base = tag.split('-')[0];
      if (isLanguage(base)) return base;
    }
  }
  return undefined;
}

export function defaultInviteMessage(language: Language): string {
  return defaultInviteMessages[language];
}

/**
 * The invite text: the template with every `{link}` replaced by the link. A template without the placeholder is
 * returned as it is; the link then travels only in the invite's `link` field.
 */
export function renderInviteText(template: string, link: string): string {
  return template.split(LINK_PLACEHOLDER).join(link);
}
