import type { Db } from '../../db/database.js';
import { acceptedTimestamp, booleanParam, nowIso, toBoolean } from '../../db/values.js';
import { AppError } from '../../errors.js';
import type { ConversationRecord, ConversationsService } from '../conversations/index.js';
import {
  inviteTemplate,
  isQuestionCode,
  kindOf,
  renderInviteText,
  resolveLanguage,
  vendorInviteLanguage,
  type QuestionCode,
  type RatingConfigService,
  type StoredSettings,
} from '../rating-config/index.js';
import { statusOfRows, type AskedQuestion, type RatingRecords } from './rating-records.service.js';
import type { RatingSource } from './ratings.table.js';
import type { Rating, RatingQuestion } from './ratings.types.js';

const HOUR = 3_600_000;

/** Offering surveys: invites to the rating page, Dixa's one-kind offers, and the native API's surveys. */
export class RatingOffers {
  constructor(
    private readonly records: RatingRecords,
    private readonly conversations: ConversationsService,
    private readonly ratingConfig: RatingConfigService,
  ) {}

  /**
   * Invites the conversation's contact to the rating page: the stars question, then the configured questions. While an
   * unexpired, unanswered invite exists for the conversation, that one is returned instead of a new one. The text is in
   * the conversation's language, else the organization's; `vendorLanguage` keeps the language a vendor-compatible
   * surface answered before (`vendorInviteLanguage`), so that its answers stay as they were.
   */
  async createInvite(orgId: number, conversationIdOrUid: string, options: { vendorLanguage?: boolean } = {}) {
    const { records } = this;
    const conversation = await this.conversations.findConversation(orgId, conversationIdOrUid);
    const settings = await this.ratingConfig.resolvedSettings(orgId);
    const rules = await this.ratingConfig.surveyRules.get(orgId);
    const now = nowIso();
    const { id, created } = await records.database.db
      .transaction()
      .execute((trx) => this.openOrNewInvite(trx, orgId, conversation, settings, rules.reminder_after_hours, now));
    const rating = (await records.load(records.database.db, orgId, { id }))!;
    const sources = { conversation: conversation.language, organization: settings.language };
    const language = options.vendorLanguage ? vendorInviteLanguage(sources) : resolveLanguage(sources);
    const template = inviteTemplate(settings, language);
    return { rating, link: rating.link, text: renderInviteText(template, rating.link), created };
  }

  /**
   * Inside `trx`: the conversation's open invite, else a new one — the stars question, then the configured questions,
   * expiring after `invite_expiry_hours`, with its reminder due `reminderAfterHours` after now when that is before the
   * expiry. Explicit invites and the survey rules' invites on close both come here.
   */
  async openOrNewInvite(
    trx: Db,
    orgId: number,
    conversation: ConversationRecord,
    settings: StoredSettings,
    reminderAfterHours: number | null,
    now: string,
  ): Promise<{ id: number; created: boolean }> {
    const { records } = this;
    await records.repository.lockConversation(trx, conversation.id);
    const open = await records.repository.findOpenInvite(trx, conversation.id, now);
    if (open) return { id: Number(open.id), created: false };
    // The rating page's main question is required; the configured questions come along as optional (the built-in
    // stars codes are that main question already; an organization's own questions come with their version).
    const configured = await records.askedOf(
      orgId,
      settings.conv_rating_question_codes.filter((code) => !isQuestionCode(code) || kindOf(code) !== 'stars'),
      () => false,
      { strict: false, db: trx },
    );
    const questions: AskedQuestion[] = [{ code: 'STARS', required: true }, ...configured];
    const expiresAt = new Date(Date.parse(now) + settings.invite_expiry_hours * HOUR).toISOString();
    const remindAt =
      reminderAfterHours === null ? null : new Date(Date.parse(now) + reminderAfterHours * HOUR).toISOString();
    const ratingId = await records.insertSurvey(trx, {
      orgId,
      conversation,
      questions,
      source: 'invite',
      at: now,
      expiresAt,
      // A reminder at or after the expiry would never be sent.
      remindAt: remindAt !== null && remindAt < expiresAt ? remindAt : null,
    });
    return { id: ratingId, created: true };
  }

  /**
   * Offers one question kind on the conversation's open survey, as Dixa offers do. A kind already waiting for an answer
   * there is returned as it is; another kind joins that survey; with no open survey (or that kind answered already), a
   * new survey begins.
   */
  async offerQuestion(
    orgId: number,
    conversationIdOrUid: string,
    input: { code: QuestionCode; contactId?: string; agentId?: string; offeredAt?: string },
  ): Promise<{ rating: Rating; question: RatingQuestion }> {
    const { records } = this;
    const { repository } = records;
    const conversation = await this.conversations.findConversation(orgId, conversationIdOrUid);
    const givenAgent = input.agentId?.toLowerCase();
    const givenContact = input.contactId?.toLowerCase();
    const agentId =
      givenAgent ?? conversation.agent_id ?? (await this.conversations.latestAgentAuthor(orgId, conversation.id));
    const offeredAt = acceptedTimestamp(input.offeredAt, 'offeredAt') ?? nowIso();
    const kind = kindOf(input.code);
    const offered: AskedQuestion = { code: input.code, required: true };
    const now = nowIso();
    const requireAgent = () => {
      if (!agentId) {
        throw new AppError(
          'no_agent',
          `Conversation ${conversation.id} has no agent to attribute the rating to; send agentId.`,
        );
      }
      return agentId;
    };
    const id = await records.database.db.transaction().execute(async (trx) => {
      await repository.lockConversation(trx, conversation.id);
      const open = await repository.findOpenSurvey(trx, conversation.id, now);
      // A survey belongs to one contact and one agent: an offer naming others starts a survey of its own.
      const sameParties =
        open &&
        (givenContact === undefined || givenContact === open.contact_id) &&
        (givenAgent === undefined || open.agent_id === null || givenAgent === open.agent_id);
      if (open && sameParties) {
        const openId = Number(open.id);
        const joined = await records.changeRating(trx, orgId, openId, async (row, questions) => {
          // Dixa's offers ask built-in codes: an organization's own question of the same kind is another question.
          const sameKind = questions.filter((question) => question.kind === kind && isQuestionCode(question.code));
          const waiting = sameKind.find((question) => question.status === 'Offered');
          if (waiting) {
            // The offer waits already, and is now required if it was not (Dixa waits for its result); a survey begun
            // without an agent (an invite) takes the offer's.
            if (!toBoolean(waiting.required)) {
              await repository.updateQuestion(trx, Number(waiting.id), {
                required: booleanParam(true),
                updated_at: now,
              });
              waiting.required = true;
            }
            await repository.updateRating(trx, openId, {
              status: statusOfRows(questions, false),
              updated_at: now,
              ...(row.agent_id === null ? { agent_id: requireAgent() } : {}),
            });
            return true;
          }
          if (sameKind.length === 0) {
            // What a Dixa offer asks, it requires.
            const asked = records.questionRow(orgId, openId, offered, questions.length, offeredAt, now);
            await repository.insertQuestions(trx, [asked]);
            await repository.updateRating(trx, openId, {
              status: statusOfRows([...questions, { ...asked, id: 0 }], false),
              updated_at: now,
              ...(row.agent_id === null ? { agent_id: requireAgent() } : {}),
            });
            return true;
          }
          return false;
        });
        if (joined) return openId;
      }
      return records.insertSurvey(trx, {
        orgId,
        conversation,
        questions: [offered],
        source: 'offer',
        at: offeredAt,
        contactId: givenContact,
        agentId: requireAgent(),
        expiresAt: null,
      });
    });
    const rating = (await records.load(records.database.db, orgId, { id }))!;
    const question =
      rating.questions.find(
        (candidate) => candidate.kind === kind && isQuestionCode(candidate.code) && candidate.status === 'Offered',
      ) ?? rating.questions.find((candidate) => candidate.kind === kind && isQuestionCode(candidate.code))!;
    return { rating, question };
  }

  /**
   * Offers a new survey with the given questions, in order (the native API). Every question is required unless named
   * in `optionalCodes`, which must be among `codes`.
   */
  async offerSurvey(
    orgId: number,
    conversationIdOrUid: string,
    input: {
      codes: string[];
      optionalCodes?: string[];
      contactId?: string;
      agentId?: string;
      language?: string;
      expiresInHours?: number;
      offeredAt?: string;
      /** An exact expiry (imports of history); the API gives `expiresInHours` from now. */
      expiresAt?: string;
      /** Where the survey comes from: the native API by default. */
      source?: RatingSource;
    },
  ): Promise<Rating> {
    const { records } = this;
    const optional = new Set(input.optionalCodes ?? []);
    const strangers = [...optional].filter((code) => !input.codes.includes(code));
    if (strangers.length > 0) {
      throw new AppError(
        'validation_failed',
        `body.optional_codes must name questions of body.question_codes; ${strangers.join(', ')} is not one.`,
      );
    }
    const conversation = await this.conversations.findConversation(orgId, conversationIdOrUid);
    const questions = await records.askedOf(orgId, input.codes, (code) => !optional.has(code), { strict: true });
    const now = nowIso();
    const offeredAt = acceptedTimestamp(input.offeredAt, 'body.offered_at') ?? now;
    const expiresAt =
      input.expiresAt ??
      (input.expiresInHours === undefined
        ? null
        : new Date(Date.parse(now) + input.expiresInHours * HOUR).toISOString());
    const id = await records.database.db.transaction().execute((trx) =>
      records.insertSurvey(trx, {
        orgId,
        conversation,
        questions,
        source: input.source ?? 'api',
        at: offeredAt,
        contactId: input.contactId,
        agentId: input.agentId,
        language: input.language,
        expiresAt,
      }),
    );
    return (await records.load(records.database.db, orgId, { id }))!;
  }
}
