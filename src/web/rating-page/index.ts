/** The public rating page `/r/{code}`. */
export { ratingPageRoutes } from './routes.js';
export { ratingPagePreview, type RatingPagePreview } from './preview.js';
export { accentColors, type AccentColors } from './colors.js';
export { questionText, textFor, type PageText } from './i18n.js';
export { newNonce, setPageHeaders } from './security.js';
export { escapeHtml } from './html.js';
