import { catalogues, type Language } from './locales/index.js';

export const LINK_PLACEHOLDER = '{link}';

/** The default invite message of a language (its catalogue's `invite_message`). */
export function defaultInviteMessage(language: Language): string {
  return catalogues[language].invite_message;
}

/**
 * The invite text: the template with every `{link}` replaced by the link. A template without the placeholder is
 * returned as it is; the link then travels only in the invite's `link` field.
 */
export function renderInviteText(template: string, link: string): string {
  return template.split(LINK_PLACEHOLDER).join(link);
}
