export { AnalyticsService, type Metric } from './analytics.service.js';
export { CompareService } from './compare.service.js';
export { QuestionFiguresService, type QuestionCatalogue } from './question-figures.service.js';
export type { FeedbackSnapshot, RatingSnapshot } from './rollups.js';
export type {
  MessageDaysTable,
  MessageVersionDaysTable,
  RatingDaysTable,
  RatingVersionDaysTable,
  RollupDimensions,
} from './analytics.table.js';
export {
  AnalyticsFilterQuery,
  resolveFilters,
  type AnalyticsFilterInput,
  type ResolvedFilters,
  type ResolveOptions,
} from './filters.js';
export { isTimeZone, localDay, periodStart, periodsBetween, startOfDay, type Interval } from './time.js';
export { checkQuestionFilter, QuestionFilterCode } from './question-filter.js';
export { messageAgent } from './analytics.repository.js';
export { analyticsRoutes } from './analytics.routes.js';
