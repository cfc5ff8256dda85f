import type { Database, Db } from '../../db/database.js';
import type { AnalyticsService } from '../analytics/index.js';
import type { ConversationsService } from '../conversations/index.js';
import type { QuestionsService } from '../questions/index.js';
import type { RatingConfigService } from '../rating-config/index.js';
import type { ReviewsService } from '../reviews/index.js';
import type { WebhooksService } from '../webhooks/index.js';
import { RatingAnswers, type PageAnswers, type PageRating } from './rating-answers.service.js';
import { RatingOffers } from './rating-offers.service.js';
import { RatingReads } from './rating-reads.service.js';
import type { RatingEvents } from './rating-events.service.js';
import { RatingRecords } from './rating-records.service.js';
import { RatingReminders } from './rating-reminders.service.js';
import { RatingRules } from './rating-rules.service.js';
import { RatingWithdrawals } from './rating-withdrawals.service.js';

/**
 * Ratings: offering surveys, inviting contacts to the rating page, recording answers, cancelling, reading. Healvi
 * invites, Dixa offers and results, the native API, the rating page and the widget all go through here, on one set of
 * records. Each use case lives in a file of its own (`rating-offers`, `rating-answers`, `rating-withdrawals`,
 * `rating-reads`) over the shared `RatingRecords`; this class is the one entry point other modules use.
 */
export class RatingsService {
  private readonly records: RatingRecords;
  private readonly offers: RatingOffers;
  private readonly answers: RatingAnswers;
  private readonly withdrawals: RatingWithdrawals;
  private readonly reads: RatingReads;
  private readonly rules: RatingRules;
  private readonly reminders: RatingReminders;

  constructor(
    database: Database,
    conversations: ConversationsService,
    ratingConfig: RatingConfigService,
    analytics: AnalyticsService,
    webhooks: WebhooksService,
    publicUrl: string,
    reviews?: ReviewsService,
    questions?: QuestionsService,
  ) {
    this.records = new RatingRecords(database, analytics, webhooks, publicUrl, ratingConfig, reviews, questions);
    this.offers = new RatingOffers(this.records, conversations, ratingConfig);
    this.answers = new RatingAnswers(this.records, conversations, ratingConfig);
    this.withdrawals = new RatingWithdrawals(this.records);
    this.reads = new RatingReads(this.records, conversations);
    this.rules = new RatingRules(this.records, conversations, ratingConfig, this.offers);
    this.reminders = new RatingReminders(this.records);
    // Closing a conversation offers an invite when the survey rules say so, in the closing transaction.
    conversations.onClose((trx, orgId, closed) => this.rules.offerOnClose(trx, orgId, closed));
    conversations.onAnonymize((db, _orgId, conversationId) =>
      this.records.repository.blankComments(db, conversationId),
    );
  }

  /** Registers what else an answer makes (a Langfuse score): told in the writing transaction. */
  onAnswers(...args: Parameters<RatingEvents['onAnswers']>): void {
    this.records.events.onAnswers(...args);
  }

  /** Registers more content for an invite's events (the deliverables): read in the writing transaction. */
  onInviteContent(...args: Parameters<RatingEvents['onInviteContent']>): void {
    this.records.events.onInviteContent(...args);
  }

  linkOf(...args: Parameters<RatingRecords['linkOf']>) {
    return this.records.linkOf(...args);
  }

  createInvite(...args: Parameters<RatingOffers['createInvite']>) {
    return this.offers.createInvite(...args);
  }

  offerQuestion(...args: Parameters<RatingOffers['offerQuestion']>) {
    return this.offers.offerQuestion(...args);
  }

  offerSurvey(...args: Parameters<RatingOffers['offerSurvey']>) {
    return this.offers.offerSurvey(...args);
  }

  answerRating(...args: Parameters<RatingAnswers['answerRating']>) {
    return this.answers.answerRating(...args);
  }

  submitResult(...args: Parameters<RatingAnswers['submitResult']>) {
    return this.answers.submitResult(...args);
  }

  answerPopup(...args: Parameters<RatingAnswers['answerPopup']>) {
    return this.answers.answerPopup(...args);
  }

  findByCode(...args: Parameters<RatingAnswers['findByCode']>) {
    return this.answers.findByCode(...args);
  }

  openByCode(...args: Parameters<RatingAnswers['openByCode']>) {
    return this.answers.openByCode(...args);
  }

  answerPage<T>(code: string, decide: (found: PageRating, db: Db) => Promise<PageAnswers | { refused: T }>) {
    return this.answers.answerPage(code, decide);
  }

  answerChoice(...args: Parameters<RatingAnswers['answerChoice']>) {
    return this.answers.answerChoice(...args);
  }

  cancelRating(...args: Parameters<RatingWithdrawals['cancelRating']>) {
    return this.withdrawals.cancelRating(...args);
  }

  sweepExpired(...args: Parameters<RatingWithdrawals['sweepExpired']>) {
    return this.withdrawals.sweepExpired(...args);
  }

  sweepReminders(...args: Parameters<RatingReminders['sweepReminders']>) {
    return this.reminders.sweepReminders(...args);
  }

  surveyEligibility(...args: Parameters<RatingRules['eligibility']>) {
    return this.rules.eligibility(...args);
  }

  popupAllowed(...args: Parameters<RatingRules['popupAllowed']>) {
    return this.rules.popupAllowed(...args);
  }

  getRating(...args: Parameters<RatingReads['getRating']>) {
    return this.reads.getRating(...args);
  }

  conversationRatings(...args: Parameters<RatingReads['conversationRatings']>) {
    return this.reads.conversationRatings(...args);
  }

  listRatings(...args: Parameters<RatingReads['listRatings']>) {
    return this.reads.listRatings(...args);
  }

  pageOfRatings(...args: Parameters<RatingReads['pageOfRatings']>) {
    return this.reads.pageOfRatings(...args);
  }
}
