export {
  DEFAULT_WIDGET_TOKEN_HOURS,
  MAX_WIDGET_TOKEN_HOURS,
  WIDGET_TOKEN_PREFIX,
  WidgetService,
  type WidgetGrant,
  type WidgetSession,
} from './widget.service.js';
export type { WidgetTokensTable } from './widget.table.js';
export { widgetTokenRoutes } from './widget.routes.js';
