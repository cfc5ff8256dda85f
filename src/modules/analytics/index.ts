export { AnalyticsService } from './analytics.service.js';
export type { MessageDaysTable, RatingDaysTable, RollupDimensions } from './analytics.table.js';
export {
  AnalyticsFilterQuery,
  resolveFilters,
  type AnalyticsFilterInput,
  type ResolvedFilters,
  type ResolveOptions,
} from './filters.js';
export { localDay, startOfDay } from './time.js';
