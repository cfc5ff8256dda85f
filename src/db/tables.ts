import type { AgentsTable } from '../modules/agents/index.js';
import type {
  ApiKeysTable,
  InvitationsTable,
  OrganizationsTable,
  SessionsTable,
  UsersTable,
} from '../modules/accounts/index.js';
import type {
  MessageDaysTable,
  MessageVersionDaysTable,
  RatingDaysTable,
  RatingVersionDaysTable,
} from '../modules/analytics/index.js';
import type { AuditLogTable } from '../modules/audit/index.js';
import type { ConversationsTable, MessagesTable, VersionLabelsTable } from '../modules/conversations/index.js';
import type { LangfuseConnectionsTable } from '../modules/langfuse/index.js';
import type { MessageFeedbackCurrentTable, MessageFeedbackTable } from '../modules/feedback/index.js';
import type { RatingSettingsTable, RatingTextsTable, SurveyRulesTable } from '../modules/rating-config/index.js';
import type { QuestionsTable, QuestionVersionsTable } from '../modules/questions/index.js';
import type { RatingQuestionsTable, RatingsTable } from '../modules/ratings/index.js';
import type { ReviewsTable } from '../modules/reviews/index.js';
import type { SearchDocumentsTable, SearchIndexProgressTable } from '../modules/search/index.js';
import type { TopicMembersTable, TopicRunsTable, TopicsTable } from '../modules/topics/index.js';
import type { WebhookAttemptsTable, WebhookDeliveriesTable, WebhooksTable } from '../modules/webhooks/index.js';
import type { WidgetDemoConversationsTable, WidgetTokensTable } from '../modules/widget/index.js';

/** Every table, as Kysely sees it. Each module owns the row types of its tables and exports them from its index. */
export interface Tables {
  organizations: OrganizationsTable;
  users: UsersTable;
  api_keys: ApiKeysTable;
  conversations: ConversationsTable;
  messages: MessagesTable;
  version_labels: VersionLabelsTable;
  audit_log: AuditLogTable;
  rating_settings: RatingSettingsTable;
  rating_texts: RatingTextsTable;
  survey_rules: SurveyRulesTable;
  ratings: RatingsTable;
  rating_questions: RatingQuestionsTable;
  questions: QuestionsTable;
  question_versions: QuestionVersionsTable;
  message_feedback: MessageFeedbackTable;
  message_feedback_current: MessageFeedbackCurrentTable;
  analytics_rating_days: RatingDaysTable;
  analytics_message_days: MessageDaysTable;
  analytics_rating_version_days: RatingVersionDaysTable;
  analytics_message_version_days: MessageVersionDaysTable;
  sessions: SessionsTable;
  invitations: InvitationsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
  langfuse_connections: LangfuseConnectionsTable;
  widget_tokens: WidgetTokensTable;
  widget_demo_conversations: WidgetDemoConversationsTable;
  search_documents: SearchDocumentsTable;
  search_index_progress: SearchIndexProgressTable;
  topic_runs: TopicRunsTable;
  topics: TopicsTable;
  topic_members: TopicMembersTable;
  reviews: ReviewsTable;
  agents: AgentsTable;
}
