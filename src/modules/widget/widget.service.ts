import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../../db/database.js';
import { nowIso } from '../../db/values.js';
import { AppError } from '../../errors.js';
import type { ConversationsService } from '../conversations/index.js';
import type { FeedbackRating, FeedbackRecord, FeedbackService } from '../feedback/index.js';
import {
  kindOf,
  pageLanguage,
  type Language,
  type QuestionCode,
  type QuestionKind,
  type RatingConfigService,
  type ResolvedSettings,
} from '../rating-config/index.js';
import type { AnswerInput, Rating, RatingsService } from '../ratings/index.js';
import { WidgetRepository } from './widget.repository.js';

/** Every widget token starts so: an API-key check refuses it by its look, and logs and scanners can tell it apart. */
export const WIDGET_TOKEN_PREFIX = 'pwt_';
export const DEFAULT_WIDGET_TOKEN_HOURS = 24;
export const MAX_WIDGET_TOKEN_HOURS = 168;
/** The organization the demo seeds; `/widget-demo` shows one of its conversations. */
export const DEMO_ORGANIZATION_NAME = 'Northwind Outfitters (demo)';

const HOUR = 3_600_000;
const TOKEN = /^pwt_[A-Za-z0-9_-]{43}$/;

/** What a widget token grants: one conversation of one organization. */
export interface WidgetGrant {
  orgId: number;
  conversationId: number;
  conversationUid: string;
}

/** What the popup and the message buttons need to render. */
export interface WidgetSession {
  conversationUid: string;
  language: Language;
  settings: ResolvedSettings;
  popupActive: boolean;
  questions: Array<{ code: QuestionCode; kind: QuestionKind }>;
  /** The messages, each with the contact's current like or dislike. */
  messages: Array<{ uid: string; role: string; rating: FeedbackRating | null }>;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function invalidToken(message = 'The widget token is not valid or has expired.'): AppError {
  return new AppError('invalid_widget_token', message);
}

/**
 * The embeddable widget: tokens minted for one conversation, and the two things a token allows — answering that
 * conversation's popup rating and giving feedback on its messages — through the ratings and feedback services.
 */
export class WidgetService {
  private readonly repository: WidgetRepository;

  constructor(
    database: Database,
    private readonly conversations: ConversationsService,
    private readonly ratingConfig: RatingConfigService,
    private readonly ratings: RatingsService,
    private readonly feedback: FeedbackService,
  ) {
    this.repository = new WidgetRepository(database.db);
  }

  /** Mints a token for a conversation of the organization (404 for another's), valid `hours` (1 to 168). */
  async mintToken(
    orgId: number,
    conversationIdOrUid: string,
    hours: number = DEFAULT_WIDGET_TOKEN_HOURS,
  ): Promise<{ token: string; expires_at: string }> {
    if (!Number.isInteger(hours) || hours < 1 || hours > MAX_WIDGET_TOKEN_HOURS) {
      throw new AppError(
        'validation_failed',
        `expires_in_hours must be a whole number from 1 to ${MAX_WIDGET_TOKEN_HOURS}.`,
      );
    }
    const conversation = await this.conversations.findConversation(orgId, conversationIdOrUid);
    const token = WIDGET_TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const now = nowIso();
    const expiresAt = new Date(Date.parse(now) + hours * HOUR).toISOString();
    await this.repository.insertToken({
      token_hash: hashToken(token),
      org_id: orgId,
      conversation_id: conversation.id,
      created_at: now,
      expires_at: expiresAt,
    });
    return { token, expires_at: expiresAt };
  }

  /** The grant of an `Authorization` header carrying a widget token; 401 `invalid_widget_token` otherwise. */
  async authenticate(header: string | undefined): Promise<WidgetGrant> {
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!token) throw invalidToken('Send the widget token in the Authorization header.');
    if (!TOKEN.test(token)) throw invalidToken();
    const row = await this.repository.findToken(hashToken(token));
    if (!row || new Date(row.expires_at).getTime() <= Date.now()) throw invalidToken();
    return {
      orgId: Number(row.org_id),
      conversationId: Number(row.conversation_id),
      conversationUid: row.conversation_uid,
    };
  }

  /** The conversation's rating configuration and rateable messages, in the reader's language. */
  async session(grant: WidgetGrant, acceptLanguage?: string): Promise<WidgetSession> {
    const conversation = await this.conversations.findConversation(grant.orgId, String(grant.conversationId));
    const [settings, messages, feedback] = await Promise.all([
      this.ratingConfig.resolvedSettings(grant.orgId),
      this.conversations.listMessagesWithIds(conversation),
      this.feedback.summaries(conversation.id, conversation.contact_id),
    ]);
    return {
      conversationUid: conversation.uid,
      language: pageLanguage(settings, conversation.language, acceptLanguage),
      settings,
      popupActive: settings.conv_rating_active && settings.conv_rating_popup_active,
      questions: settings.conv_rating_question_codes.map((code) => ({ code, kind: kindOf(code) })),
      messages: messages.map(({ id, message }) => ({
        uid: message.uid,
        role: message.role,
        rating: feedback.get(id)?.my_feedback?.rating ?? null,
      })),
    };
  }

  /**
   * Stores the popup's answers as the conversation's rating: its open popup survey, or a new one of the configured
   * questions (source `popup`), in one transaction with the answers. Refused while the popup is switched off.
   */
  async submitPopup(grant: WidgetGrant, input: { answers: AnswerInput[]; comment?: string | null }): Promise<Rating> {
    const settings = await this.ratingConfig.getSettings(grant.orgId);
    if (!settings.conv_rating_active || !settings.conv_rating_popup_active) {
      throw new AppError('rating_popup_inactive', 'The rating popup is switched off for this organization.');
    }
    return this.ratings.answerPopup(grant.orgId, String(grant.conversationId), {
      codes: settings.conv_rating_question_codes,
      answers: input.answers,
      comment: input.comment,
    });
  }

  /** Records the contact's feedback on a message of the conversation; another conversation's message is 404. */
  async messageFeedback(
    grant: WidgetGrant,
    messageUid: string,
    submission: { rating?: FeedbackRating | null; comment?: string | null },
  ): Promise<FeedbackRecord | null> {
    const target = await this.feedback.messageTarget(grant.orgId, messageUid);
    if (target.conversationId !== grant.conversationId) {
      throw new AppError('message_not_found', `No message ${messageUid} in this conversation.`);
    }
    const conversation = await this.conversations.findConversation(grant.orgId, String(grant.conversationId));
    return this.feedback.recordMessageFeedback(target, conversation.contact_id, submission);
  }

  /** A fresh token for the demo organization's newest conversation, or undefined when there is no demo. */
  async demoToken(
    hours = 1,
  ): Promise<{ token: string; messages: Array<{ uid: string; role: string; text: string | null }> } | undefined> {
    const found = await this.repository.demoConversation(DEMO_ORGANIZATION_NAME);
    if (!found) return undefined;
    const orgId = Number(found.org_id);
    const { token } = await this.mintToken(orgId, found.uid, hours);
    const conversation = await this.conversations.findConversation(orgId, found.uid);
    const messages = await this.conversations.listMessagesWithIds(conversation);
    return {
      token,
      messages: messages.map(({ message }) => ({ uid: message.uid, role: message.role, text: message.text })),
    };
  }
}
