import type { Database } from '../../db/database.js';
import { nowIso } from '../../db/values.js';
import { AppError } from '../../errors.js';
import type { ConversationsService } from '../conversations/index.js';
import type { FeedbackRating, FeedbackRecord, FeedbackService } from '../feedback/index.js';
import type { QuestionDefinition, QuestionsService } from '../questions/index.js';
import {
  isQuestionCode,
  kindOf,
  resolveLanguage,
  type AnyQuestionKind,
  type Language,
  type RatingConfigService,
  type ResolvedSettings,
} from '../rating-config/index.js';
import type { AnswerInput, Rating, RatingsService } from '../ratings/index.js';
import { demoWidgetToken, hashWidgetToken, looksLikeWidgetToken, newWidgetToken } from './tokens.js';
import { WidgetRepository } from './widget.repository.js';

export const DEFAULT_WIDGET_TOKEN_HOURS = 24;
export const MAX_WIDGET_TOKEN_HOURS = 168;

const HOUR = 3_600_000;
const SWEEP_BATCH = 1000;

/** What a widget token grants: one conversation of one organization. */
export interface WidgetGrant {
  orgId: number;
  conversationId: number;
  conversationUid: string;
}

/** What `/widget-demo` shows: the demo conversation's messages and a widget token for them. */
export interface WidgetDemo {
  token: string;
  messages: Array<{ uid: string; role: string; text: string | null }>;
}

/** What the popup and the message buttons need to render. */
export interface WidgetSession {
  conversationUid: string;
  language: Language;
  settings: ResolvedSettings;
  popupActive: boolean;
  /** The popup's questions; an organization's own carry their current definition. */
  questions: Array<{ code: string; kind: AnyQuestionKind; definition: QuestionDefinition | null }>;
  /** The messages, each with the contact's current like or dislike. */
  messages: Array<{ uid: string; role: string; rating: FeedbackRating | null }>;
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
    private readonly questions?: QuestionsService,
  ) {
    this.repository = new WidgetRepository(database.db, database.dialect);
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
    const token = newWidgetToken();
    const now = nowIso();
    const expiresAt = new Date(Date.parse(now) + hours * HOUR).toISOString();
    await this.repository.insertToken({
      token_hash: hashWidgetToken(token),
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
    if (!looksLikeWidgetToken(token)) throw invalidToken();
    const row = await this.repository.findToken(hashWidgetToken(token));
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
      language: resolveLanguage({
        conversation: conversation.language,
        organization: settings.language,
        acceptLanguage,
      }),
      settings,
      // The survey rules, while on, decide who the popup asks, as they decide who is invited on close.
      popupActive:
        settings.conv_rating_active &&
        settings.conv_rating_popup_active &&
        (await this.ratings.popupAllowed(grant.orgId, conversation)),
      questions: await this.popupQuestions(grant.orgId, settings.conv_rating_question_codes),
      messages: messages.map(({ id, message }) => ({
        uid: message.uid,
        role: message.role,
        rating: feedback.get(id)?.my_feedback?.rating ?? null,
      })),
    };
  }

  /** The configured codes as the popup asks them: a question archived meanwhile is left out. */
  private async popupQuestions(orgId: number, codes: string[]): Promise<WidgetSession['questions']> {
    if (codes.every((code) => isQuestionCode(code)) || !this.questions) {
      return codes.filter(isQuestionCode).map((code) => ({ code, kind: kindOf(code), definition: null }));
    }
    return (await this.questions.resolveKnown(orgId, codes)).map(({ code, kind, definition }) => ({
      code,
      kind,
      definition,
    }));
  }

  /**
   * Stores the popup's answers as the conversation's rating: its open popup survey, or a new one of the configured
   * questions (source `popup`), in one transaction with the answers. Refused while the popup is switched off, or
   * while the survey rules are on and do not survey the conversation.
   */
  async submitPopup(grant: WidgetGrant, input: { answers: AnswerInput[]; comment?: string | null }): Promise<Rating> {
    const settings = await this.ratingConfig.getSettings(grant.orgId);
    if (!settings.conv_rating_active || !settings.conv_rating_popup_active) {
      throw new AppError('rating_popup_inactive', 'The rating popup is switched off for this organization.');
    }
    const conversation = await this.conversations.findConversation(grant.orgId, String(grant.conversationId));
    if (!(await this.ratings.popupAllowed(grant.orgId, conversation))) {
      throw new AppError(
        'survey_not_eligible',
        "The organization's survey rules do not survey this conversation; GET /v1/conversations/{id}/survey-eligibility says why.",
      );
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

  /** Makes a conversation the organization's widget demo conversation, the one `/widget-demo` shows. */
  async markDemoConversation(orgId: number, conversationIdOrUid: string): Promise<void> {
    const conversation = await this.conversations.findConversation(orgId, conversationIdOrUid);
    await this.repository.insertDemoConversation({
      org_id: orgId,
      conversation_id: conversation.id,
      created_at: nowIso(),
    });
  }

  /**
   * The widget demo of a signed-in user's organization: its demo conversation with a token derived from the session
   * (the same one for every view within the hour; see `demoWidgetToken`). Undefined when the organization has no
   * demo conversation: no other conversation is ever shown, so that the page never exposes a real contact's chat.
   */
  async demo(orgId: number, sessionToken: string, now = Date.now()): Promise<WidgetDemo | undefined> {
    const found = await this.repository.demoConversation(orgId);
    if (!found) return undefined;
    const conversationId = Number(found.id);
    const { token, expiresAt } = demoWidgetToken(sessionToken, conversationId, now);
    await this.repository.insertTokenOnce({
      token_hash: hashWidgetToken(token),
      org_id: orgId,
      conversation_id: conversationId,
      created_at: new Date(now).toISOString(),
      expires_at: expiresAt,
    });
    const conversation = await this.conversations.findConversation(orgId, found.uid);
    const messages = await this.conversations.listMessagesWithIds(conversation);
    return {
      token,
      messages: messages.map(({ message }) => ({ uid: message.uid, role: message.role, text: message.text })),
    };
  }

  /** Deletes the tokens that have expired, in batches; answers how many. Any number of nodes may run it at once. */
  async deleteExpiredTokens(now = new Date()): Promise<number> {
    let deleted = 0;
    for (;;) {
      const batch = await this.repository.deleteExpiredTokens(now.toISOString(), SWEEP_BATCH);
      deleted += batch;
      if (batch < SWEEP_BATCH) return deleted;
    }
  }
}
