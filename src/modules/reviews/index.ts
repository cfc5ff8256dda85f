export { ReviewsService } from './reviews.service.js';
export { reviewsRoutes } from './reviews.routes.js';
export type { ReviewKind, ReviewStatus, ReviewsTable } from './reviews.table.js';
