export {
  DEFAULT_WIDGET_TOKEN_HOURS,
  MAX_WIDGET_TOKEN_HOURS,
  WidgetService,
  type WidgetDemo,
  type WidgetGrant,
  type WidgetSession,
} from './widget.service.js';
export { WIDGET_TOKEN_PREFIX } from './tokens.js';
export type { WidgetDemoConversationsTable, WidgetTokensTable } from './widget.table.js';
export { widgetTokenRoutes } from './widget.routes.js';
