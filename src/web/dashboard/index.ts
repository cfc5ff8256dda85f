/** The dashboard: a single-page app built by Vite into dist/dashboard and served here. */
export { ASSETS_PREFIX, DASHBOARD_CSP, DASHBOARD_PAGES, dashboardRoutes } from './static.js';
