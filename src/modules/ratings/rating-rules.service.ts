import type { Db } from '../../db/database.js';
import { nowIso } from '../../db/values.js';
import type { ConversationRecord, ConversationsService } from '../conversations/index.js';
import type { RatingConfigService, SurveyRules } from '../rating-config/index.js';
import type { RatingOffers } from './rating-offers.service.js';
import type { RatingRecords } from './rating-records.service.js';
import { RatingRulesRepository } from './rating-rules.repository.js';
import { cooldownSince, judgeConversation, popupAllowed, type Eligibility } from './survey-eligibility.js';

/**
 * Who is asked, and when: the survey rules judged on a conversation (`survey-eligibility.ts`), the invite they offer
 * when a conversation closes, and whether the widget's popup may ask.
 */
export class RatingRules {
  private readonly repository: RatingRulesRepository;

  constructor(
    private readonly records: RatingRecords,
    private readonly conversations: ConversationsService,
    private readonly ratingConfig: RatingConfigService,
    private readonly offers: RatingOffers,
  ) {
    this.repository = new RatingRulesRepository(records.database.db);
  }

  /** Whether closing the conversation now would offer an invite, and the verdict of every rule. */
  async eligibility(orgId: number, conversationIdOrUid: string): Promise<Eligibility> {
    const conversation = await this.conversations.findConversation(orgId, conversationIdOrUid);
    const db = this.records.database.db;
    const rules = await this.ratingConfig.surveyRules.get(orgId, db);
    const settings = await this.ratingConfig.getSettings(orgId, db);
    return this.judge(db, orgId, conversation, rules, settings.conv_rating_active, nowIso());
  }

  /**
   * Offers an invite on each conversation just closed that the rules survey, in the closing transaction: the
   * conversation's open invite if it has one, else a new one (with its `rating.offered` event). Nothing while the rules
   * are off or ratings are switched off.
   */
  async offerOnClose(trx: Db, orgId: number, closed: ConversationRecord[]): Promise<void> {
    const rules = await this.ratingConfig.surveyRules.get(orgId, trx);
    if (!rules.enabled) return;
    const settings = await this.ratingConfig.resolvedSettings(orgId, trx);
    if (!settings.conv_rating_active) return;
    const now = nowIso();
    for (const conversation of closed) {
      const judged = await this.judge(trx, orgId, conversation, rules, true, now);
      if (!judged.eligible) continue;
      await this.offers.openOrNewInvite(trx, orgId, conversation, settings, rules.reminder_after_hours, now);
    }
  }

  /** Whether the widget's popup may ask on this conversation (see `popupAllowed`). */
  async popupAllowed(orgId: number, conversation: ConversationRecord): Promise<boolean> {
    const db = this.records.database.db;
    const rules = await this.ratingConfig.surveyRules.get(orgId, db);
    if (!rules.enabled) return true;
    return popupAllowed(rules, await this.judge(db, orgId, conversation, rules, true, nowIso()));
  }

  private async judge(
    db: Db,
    orgId: number,
    conversation: ConversationRecord,
    rules: SurveyRules,
    ratingsActive: boolean,
    now: string,
  ): Promise<Eligibility> {
    const contactMessages =
      rules.min_contact_messages === 0 ? 0 : await this.repository.contactMessages(db, conversation.id);
    const lastSurveyedAt =
      rules.cooldown_days === 0
        ? null
        : await this.repository.lastSurveyedAt(
            db,
            orgId,
            conversation.contact_id,
            conversation.id,
            cooldownSince(rules, now),
          );
    return judgeConversation(rules, { conversation, ratingsActive, contactMessages, lastSurveyedAt });
  }
}
