import { createHash } from 'node:crypto';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyPluginAsync } from 'fastify';

/**
 * The one inline style Swagger UI writes: a `<style>` element inside the SVG logo of its top bar. It is allowed by its
 * hash, so that no other inline style can apply (the browser test of /docs fails if Swagger UI ever writes another).
 */
const LOGO_STYLE = '.logo_small_svg__cls-2{fill:#fff}.logo_small_svg__cls-3{fill:#85ea2d}';
const LOGO_STYLE_HASH = `'sha256-${createHash('sha256').update(LOGO_STYLE).digest('base64')}'`;

/**
 * The policy of the API docs (Swagger UI): its scripts and styles are files of its own, so nothing inline runs but
 * the logo's style. Its "Try it out" calls the API at PUBLIC_URL, which may be another origin than the one the docs
 * were opened at. Nothing may frame the page.
 */
export function docsContentSecurityPolicy(publicOrigin: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' ${LOGO_STYLE_HASH}`,
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self' ${publicOrigin}`,
    "form-action 'self'",
    "base-uri 'none'",
    "object-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The API docs at `/docs`, with `@fastify/swagger-ui`'s own `staticCSP` set to the policy above on every answer under
 * it (the page, its scripts and the JSON), plus a Referrer-Policy and the older X-Frame-Options for the same intent.
 */
export const docsRoutes: FastifyPluginAsync<{ publicOrigin: string }> = async (app, { publicOrigin }) => {
  app.addHook('onSend', async (_request, reply) => {
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: docsContentSecurityPolicy(publicOrigin) });
};
