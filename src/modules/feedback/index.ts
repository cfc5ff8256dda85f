export {
  FeedbackService,
  MAX_FEEDBACK_COMMENT_LENGTH,
  type FeedbackRecord,
  type FeedbackTarget,
  type MessageFeedbackSummary,
} from './feedback.service.js';
export type { FeedbackRating, MessageFeedbackCurrentTable, MessageFeedbackTable } from './feedback.table.js';
export { nextFeedback, type FeedbackSubmission } from './matrix.js';
export { feedbackRoutes } from './feedback.routes.js';
export { FeedbackInput } from './feedback.schemas.js';
