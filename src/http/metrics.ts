import { createHash, timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import type { Metrics } from '../metrics/index.js';
import { handleError } from './errors.js';
import { ErrorBody } from './schemas.js';

/** Where `/metrics` is served: on the main port (with METRICS_TOKEN), on its own (METRICS_PORT), or not at all. */
export type MetricsExposure = 'main' | 'own-port' | 'none';

/**
 * METRICS_PORT: on a listener of its own, never on the main port. Else METRICS_TOKEN: on the main port, to bearers of
 * the token. Neither: not served. Request counts and timings tell a stranger what the service is used for, so they are
 * never open on the port the public reaches.
 */
export function metricsExposure(config: Pick<Config, 'metricsPort' | 'metricsToken'>): MetricsExposure {
  if (config.metricsPort !== undefined) return 'own-port';
  return config.metricsToken !== undefined ? 'main' : 'none';
}

/** Records every answered request by its route's pattern (never the raw URL, so the series stay few) and status. */
export function recordRequests(app: FastifyInstance, metrics: Metrics): void {
  app.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    // A path that matches no route has no pattern; it counts as one series, whatever the path.
    const route = request.is404 ? 'unmatched' : (request.routeOptions.url ?? 'unmatched');
    metrics.observeRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Refuses a request without `Authorization: Bearer <token>`; compares in constant time. */
function requireToken(token: string | undefined) {
  const expected = token === undefined ? undefined : digest(token);
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (!expected) return;
    const given = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
    // Hashing first makes both sides the same length, so the comparison says nothing about the token's length.
    if (given !== undefined && timingSafeEqual(digest(given), expected)) return;
    reply.header('www-authenticate', 'Bearer realm="metrics"');
    throw new AppError('invalid_metrics_token', 'Send the metrics token: Authorization: Bearer <METRICS_TOKEN>.');
  };
}

/** `GET /metrics` in the Prometheus text format, behind the token when one is set. */
export function metricsRoute(app: FastifyInstance, metrics: Metrics, token: string | undefined): void {
  app.get(
    '/metrics',
    // Not in the API document: it exists only when configured, and it is for Prometheus, not API clients.
    {
      schema: {
        hide: true,
        response: { 200: Type.String(), 400: Type.Ref('ErrorBody'), 401: Type.Ref('ErrorBody') },
      },
      onRequest: requireToken(token),
    },
    async (_request, reply) => {
      const text = await metrics.scrape();
      return reply.type(metrics.contentType).send(text);
    },
  );
}

export interface MetricsListener {
  /** Where it listens, e.g. `http://127.0.0.1:9464`. */
  url: string;
  close(): Promise<void>;
}

/**
 * METRICS_PORT's listener: `/metrics` and nothing else (404 in the native error shape), on METRICS_HOST, behind
 * METRICS_TOKEN when it is set too.
 */
export async function startMetricsListener(
  metrics: Metrics,
  config: Pick<Config, 'metricsPort' | 'metricsHost' | 'metricsToken'>,
): Promise<MetricsListener> {
  const server = Fastify({ logger: false, return503OnClosing: true });
  server.addSchema(ErrorBody);
  server.setErrorHandler(handleError);
  server.setNotFoundHandler((request) => {
    throw new AppError('route_not_found', `No route ${request.method} ${request.url.split('?')[0]}.`);
  });
  metricsRoute(server, metrics, config.metricsToken);
  const url = await server.listen({ port: config.metricsPort ?? 0, host: config.metricsHost });
  return { url, close: () => server.close() };
}
