export { RatingsService } from './ratings.service.js';
export { MAX_COMMENT_LENGTH } from './rating-answers.service.js';
export type { AnswerInput, ListRatingsQuery, Rating, RatingQuestion, RatingStatus } from './ratings.types.js';
export type { QuestionStatus, RatingQuestionsTable, RatingsTable, RatingSource } from './ratings.table.js';
export { looksLikeRatingCode } from './codes.js';
export { ratingsRoutes } from './ratings.routes.js';
export { Rating as RatingSchema } from './ratings.schemas.js';
export { AnswerItem } from './ratings.schemas.js';
