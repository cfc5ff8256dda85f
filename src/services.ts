import type { Database } from './db/database.js';
import { noMetrics, type Metrics } from './metrics/index.js';
import { AgentsService } from './modules/agents/index.js';
import {
  AccountsService,
  ProfileService,
  SessionsService,
  smtpMailer,
  TeamService,
  type Mailer,
} from './modules/accounts/index.js';
import { AnalyticsService, CompareService, QuestionFiguresService } from './modules/analytics/index.js';
import { AuditService } from './modules/audit/index.js';
import { ConversationsService } from './modules/conversations/index.js';
import { DeliverablesService } from './modules/deliverables/index.js';
import { ExportsService } from './modules/exports/index.js';
import { FeedbackService } from './modules/feedback/index.js';
import { InboxService } from './modules/inbox/index.js';
import { LangfuseService } from './modules/langfuse/index.js';
import { RatingConfigService } from './modules/rating-config/index.js';
import { QuestionsService } from './modules/questions/index.js';
import { RatingsService } from './modules/ratings/index.js';
import { ReviewsService } from './modules/reviews/index.js';
import { SearchIndex } from './modules/search/index.js';
import { TopicsService, type TopicsOptions } from './modules/topics/index.js';
import { SetupService } from './modules/setup/index.js';
import { WebhooksService } from './modules/webhooks/index.js';
import { WidgetService } from './modules/widget/index.js';

/** The application's services, built once over one database and shared by the HTTP layer and the CLI. */
export interface Services {
  accounts: AccountsService;
  agents: AgentsService;
  sessions: SessionsService;
  team: TeamService;
  profile: ProfileService;
  conversations: ConversationsService;
  ratingConfig: RatingConfigService;
  /** The organization's own questions beside the built-in codes. */
  questions: QuestionsService;
  ratings: RatingsService;
  deliverables: DeliverablesService;
  feedback: FeedbackService;
  analytics: AnalyticsService;
  compare: CompareService;
  /** The figures of the organization's own questions: choices, reasons, averages. */
  questionFigures: QuestionFiguresService;
  audit: AuditService;
  exports: ExportsService;
  inbox: InboxService;
  langfuse: LangfuseService;
  reviews: ReviewsService;
  search: SearchIndex;
  topics: TopicsService;
  setup: SetupService;
  webhooks: WebhooksService;
  widget: WidgetService;
  /** Where the services and the HTTP layer record metrics; dropped unless `/metrics` is served. */
  metrics: Metrics;
}

export interface ServiceOptions {
  /**
   * Where analytics, exports and the inbox read: a database routed to a read replica (db/read-replica.ts). Their
   * writes, and every other service, use the primary.
   */
  reads?: Database;
  /** Base of the links handed out (rating pages). */
  publicUrl: string;
  /** Let webhooks reach private networks (`WEBHOOK_ALLOW_PRIVATE_NETWORKS`); off when not given. */
  webhookAllowPrivateNetworks?: boolean;
  /** `PLAUDIT_SECRET_KEY`: seals stored credentials (a Langfuse secret key). */
  secretKey?: string | undefined;
  /** The topic job's settings (`TOPICS_INTERVAL_MS`). */
  topics?: TopicsOptions;
  /** Sends invitations by email: a given mailer (tests), or SMTP at `smtpUrl` from `smtpFrom`; none without. */
  mailer?: Mailer;
  smtpUrl?: string;
  smtpFrom?: string;
  /** Told when an email could not be sent (the invitation stands; its link is in the answer). */
  onMailError?: (error: unknown) => void;
  /** Where the services record their metrics; nowhere when not given. */
  metrics?: Metrics;
}

export function createServices(database: Database, options: ServiceOptions): Services {
  const metrics = options.metrics ?? noMetrics;
  const webhooks = new WebhooksService(database, {
    allowPrivateNetworks: options.webhookAllowPrivateNetworks ?? false,
    onAttempt: (outcome) => metrics.recordWebhookAttempt(outcome),
  });
  metrics.watch(database, () => webhooks.pendingDeliveries());
  const conversations = new ConversationsService(database, webhooks);
  const questions = new QuestionsService(database);
  const ratingConfig = new RatingConfigService(database, (orgId, db) => questions.activeCodes(orgId, db));
  const defaultLanguage = async (orgId: number) => (await ratingConfig.getSettings(orgId)).language;
  const reads = options.reads ?? database;
  const analytics = new AnalyticsService(reads);
  conversations.onVersionsChange((trx, orgId, change) => analytics.recordVersionChange(trx, orgId, change));
  const reviews = new ReviewsService(database, webhooks);
  const ratings = new RatingsService(
    database,
    conversations,
    ratingConfig,
    analytics,
    webhooks,
    options.publicUrl,
    reviews,
    questions,
  );
  const feedback = new FeedbackService(database, conversations, analytics, webhooks, reviews);
  const langfuse = new LangfuseService(database, webhooks, {
    secretKey: options.secretKey,
    allowPrivateNetworks: options.webhookAllowPrivateNetworks ?? false,
  });
  feedback.onFeedback((trx, orgId, written) => langfuse.recordFeedback(trx, orgId, written));
  ratings.onAnswers((trx, orgId, ratingId, answered) => langfuse.recordRatingAnswers(trx, orgId, ratingId, answered));
  const deliverables = new DeliverablesService(ratings, ratingConfig, (db, orgId, question, language) =>
    questions.wording(db, orgId, question, language),
  );
  // An invite's events carry its ready-to-send messages, so the platform sends them without asking again.
  ratings.onInviteContent((trx, orgId, rating) => deliverables.forInvite(trx, orgId, rating));
  const sessions = new SessionsService(database);
  const mailer =
    options.mailer ??
    (options.smtpUrl ? smtpMailer(options.smtpUrl, options.smtpFrom ?? 'Plaudit <no-reply@localhost>') : undefined);
  return {
    accounts: new AccountsService(database),
    agents: new AgentsService(database),
    sessions,
    team: new TeamService(database, sessions, {
      publicUrl: options.publicUrl,
      ...(mailer ? { mailer } : {}),
      ...(options.onMailError ? { onMailError: options.onMailError } : {}),
    }),
    profile: new ProfileService(database),
    conversations,
    ratingConfig,
    questions,
    ratings,
    deliverables,
    feedback,
    analytics,
    compare: new CompareService(reads, analytics),
    questionFigures: new QuestionFiguresService(reads, analytics, questions, defaultLanguage),
    audit: new AuditService(database),
    exports: new ExportsService(reads, analytics, { questions, defaultLanguage }),
    inbox: new InboxService(reads),
    langfuse,
    reviews,
    search: new SearchIndex(database),
    topics: new TopicsService(database, analytics, {
      ...options.topics,
      onRun: (run) => metrics.recordTopicRun(run),
    }),
    setup: new SetupService(database, options.publicUrl),
    webhooks,
    widget: new WidgetService(database, conversations, ratingConfig, ratings, feedback, questions),
    metrics,
  };
}
