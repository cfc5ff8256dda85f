/** The public rating page `/r/{code}`. */
export { ratingPageRoutes } from './routes.js';
