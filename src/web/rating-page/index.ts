/** The public rating page `/r/{code}`. */
export { ratingPageRoutes } from './routes.js';
export { ratingPagePreview, type RatingPagePreview } from './preview.js';
