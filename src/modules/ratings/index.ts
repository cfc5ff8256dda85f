export {
  MAX_COMMENT_LENGTH,
  RatingsService,
  type AnswerInput,
  type ListRatingsQuery,
  type Rating,
  type RatingQuestion,
  type RatingStatus,
} from './ratings.service.js';
export type { QuestionStatus, RatingQuestionsTable, RatingsTable, RatingSource } from './ratings.table.js';
export { looksLikeRatingCode } from './codes.js';
export { ratingsRoutes } from './ratings.routes.js';
