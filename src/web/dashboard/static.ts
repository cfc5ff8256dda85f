import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';

/** Where `npm run build` writes the dashboard: `dist/dashboard/`, both from `src/web/dashboard` and `dist/web/dashboard`. */
export const DEFAULT_DASHBOARD_DIR = fileURLToPath(new URL('../../../dist/dashboard/', import.meta.url));

/** The URL prefix of the built assets; `dashboard/vite.config.ts` builds with the same `base`. */
export const ASSETS_PREFIX = '/dashboard/assets/';

/**
 * The client-side routes of the single-page app: each answers the app's index.html. They are listed one by one so that
 * every other path keeps the API's own answers (its JSON 404 included).
 */
export const DASHBOARD_PAGES = [
  '/',
  '/sign-in',
  '/accept-invite',
  '/inbox',
  '/reviews',
  '/conversations/:id',
  '/settings',
  '/settings/questions',
  '/settings/texts',
  '/settings/team',
  '/settings/api-keys',
  '/settings/webhooks',
  '/settings/connections',
  '/settings/audit-log',
  '/profile',
  '/analytics',
] as const;

/**
 * The pages' policy: scripts and styles from this origin only. `'unsafe-inline'` is absent from `style-src`: React and
 * the chart library set styles through the CSSOM, which a CSP does not govern. Frames: the settings page previews the
 * rating page, which is on this origin.
 */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Plaudit: dashboard not built</title></head>
<body>
<h1>The dashboard has not been built</h1>
<p>The server is running, but the dashboard's files are missing. Run <code>npm run build</code> and reload this page.</p>
<p>The API answers as usual; its documentation is at <a href="/docs">/docs</a>.</p>
</body>
</html>
`;

export interface DashboardOptions {
  /** The folder holding `index.html` and `assets/`; `dist/dashboard` by default. */
  dir?: string;
}

function setPageHeaders(reply: FastifyReply): void {
  reply.header('content-security-policy', DASHBOARD_CSP);
  reply.header('referrer-policy', 'same-origin');
  reply.header('x-content-type-options', 'nosniff');
  reply.header('cross-origin-opener-policy', 'same-origin');
}

/**
 * Serves the dashboard built by Vite: the hashed assets with a year of immutable caching, and index.html, never
 * cached, for each of the app's routes. The folder is read per request, so the app starts (and its tests run) without
 * a build; a page asked for before a build answers 503 with what to do.
 */
export const dashboardRoutes: FastifyPluginAsync<DashboardOptions> = async (app, options) => {
  const dir = options.dir ?? DEFAULT_DASHBOARD_DIR;
  const indexFile = join(dir, 'index.html');

  await app.register(fastifyStatic, {
    root: join(dir, 'assets'),
    prefix: ASSETS_PREFIX,
    decorateReply: false,
    suppressWarning: true,
    index: false,
    dotfiles: 'ignore',
    // Vite puts a content hash in every file name: a changed file is a new URL.
    immutable: true,
    maxAge: '365d',
    // `npm run build` writes .br and .gz beside each asset; a client that accepts them gets the smaller file.
    preCompressed: true,
    setHeaders: (reply) => {
      reply.header('x-content-type-options', 'nosniff');
      reply.header('cross-origin-resource-policy', 'same-origin');
    },
  });

  const sendIndex = async (_request: unknown, reply: FastifyReply) => {
    setPageHeaders(reply);
    reply.header('cache-control', 'no-store');
    let html: string;
    try {
      html = await readFile(indexFile, 'utf8');
    } catch {
      return reply.status(503).type('text/html; charset=utf-8').send(NOT_BUILT_PAGE);
    }
    return reply.type('text/html; charset=utf-8').send(html);
  };

  for (const url of DASHBOARD_PAGES) app.get(url, { schema: { hide: true } }, sendIndex);
};
