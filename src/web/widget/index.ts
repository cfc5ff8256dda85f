/** The embeddable widget: widget.js, its token-authenticated API under /widget/v1, and the demo page. */
export { DEFAULT_WIDGET_SCRIPT, WIDGET_RATE_LIMIT, widgetRoutes } from './routes.js';
