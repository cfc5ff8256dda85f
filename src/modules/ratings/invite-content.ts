import type { Db } from '../../db/database.js';
import { inviteTemplate, renderInviteText, resolveLanguage, type RatingConfigService } from '../rating-config/index.js';

/** What an invite's webhook events hand the platform to send. */
export interface InviteContent {
  /** The rating page. */
  link: string;
  /** The ready-made invite text, in the rating's language, with the link in it. */
  text: string;
}

/**
 * The one place where the content of an invite's events (`rating.offered`, `rating.reminder_due`) is made: the link
 * and the invite text in the rating's language (the conversation's, else the organization's), the organization's
 * template or its override of the language's text. Read in the writing transaction.
 */
export async function inviteContent(
  db: Db,
  ratingConfig: RatingConfigService,
  orgId: number,
  rating: { link: string; language: string | null },
): Promise<InviteContent> {
  const settings = await ratingConfig.resolvedSettings(orgId, db);
  const language = resolveLanguage({ conversation: rating.language, organization: settings.language });
  const text = renderInviteText(inviteTemplate(settings, language), rating.link);
  // DELIVERABLES: the ready-to-send content per channel (email, sms, whatsapp; built on branch wt-deliver) joins the
  // payload here at merge, as `deliverables`, so that both events carry it without a rule of their own.
  return { link: rating.link, text };
}
