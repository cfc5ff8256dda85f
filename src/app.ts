import { randomUUID } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type RouteOptions } from 'fastify';
import { Type } from 'typebox';
import type { Config } from './config.js';
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import { postgresPool, type Database } from './db/database.js';
import { AppError } from './errors.js';
import { apiKeyAuth, documentRole } from './http/auth.js';
import { docsRoutes } from './http/docs.js';
import { handleError } from './http/errors.js';
import { metricsExposure, metricsRoute, recordRequests } from './http/metrics.js';
import { useJsonBodies } from './http/json-body.js';
import { apiLimits, connectRedis, countsInProcess, type RateLimitCounts } from './http/rate-limits.js';
import { ErrorBody } from './http/schemas.js';
import { refuseInvalidText } from './http/text.js';
import { responseMismatch, validatorCompiler } from './http/validation.js';
import { accountsRoutes, invitationRoutes, sessionsRoutes, teamRoutes, type Mailer } from './modules/accounts/index.js';
import { analyticsRoutes } from './modules/analytics/index.js';
import { topicsRoutes } from './modules/topics/index.js';
import { reviewsRoutes } from './modules/reviews/index.js';
import { auditRoutes } from './modules/audit/index.js';
import { conversationsRoutes } from './modules/conversations/index.js';
import { ratingConfigRoutes } from './modules/rating-config/index.js';
import { ratingsRoutes } from './modules/ratings/index.js';
import { deliverablesRoutes } from './modules/deliverables/index.js';
import { questionsRoutes } from './modules/questions/index.js';
import { feedbackRoutes } from './modules/feedback/index.js';
import { exportsRoutes } from './modules/exports/index.js';
import { inboxRoutes } from './modules/inbox/index.js';
import { setupRoutes } from './modules/setup/index.js';
import { webhooksRoutes } from './modules/webhooks/index.js';
import { langfuseRoutes } from './modules/langfuse/index.js';
import { agentsRoutes } from './modules/agents/index.js';
import { widgetTokenRoutes } from './modules/widget/index.js';
import { dixaRoutes } from './compat/dixa.js';
import { exanteRoutes } from './compat/exante.js';
import { healviRoutes } from './compat/healvi.js';
import { quickchatRoutes } from './compat/quickchat.js';
import { ratingPageRoutes } from './web/rating-page/index.js';
import { dashboardRoutes } from './web/dashboard/index.js';
import { ratingPagePreviewRoutes } from './web/dashboard/preview.js';
import { widgetRoutes } from './web/widget/index.js';
import { prometheusMetrics } from './metrics/index.js';
import { createServices, type Services } from './services.js';
import { openReadReplica, type ReadReplica } from './db/read-replica.js';
import { readsFromReplica, recordWrites, WritePositions } from './http/read-routing.js';

export interface AppOptions {
  config: Config;
  database: Database;
  /** A pino logger; none (tests) means no logs. */
  logger?: FastifyBaseLogger;
  /**
   * Check every response against its declared schema and record mismatches in `app.schemaMismatches`. Tests turn it
   * on so that the OpenAPI document generated from those schemas cannot drift from what the API sends.
   */
  validateResponses?: boolean;
  /** Sends email in place of SMTP_URL's server (tests). */
  mailer?: Mailer;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
    schemaMismatches: string[];
  }
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
/** A year, and for the subdomains too: a browser that reached Plaudit over HTTPS never falls back to plain HTTP. */
const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

const DEFAULT_BODY_LIMIT = 1024 * 1024;
const INVITATION_TOKEN_IN_URL = /^(\/v1\/invitations\/)[A-Za-z0-9_-]{43}/;

export type App = FastifyInstance;

/** How often at most a Redis failure is logged: while it is down every request would otherwise log one. */
const REDIS_ERROR_LOG_INTERVAL_MS = 10_000;

/**
 * Every API route may answer 429 once its key is past API_RATE_LIMIT: its schema says so, in the error shape the route
 * already declares for its 400 (the native one, or its vendor's).
 */
function documentRateLimit(route: RouteOptions): void {
  const schema = route.schema as { response?: Record<string, unknown> } | undefined;
  const responses = schema?.response;
  if (!responses || responses['429'] !== undefined) return;
  const errorBody = responses['400'] ?? responses['401'];
  if (errorBody !== undefined) route.schema = { ...schema, response: { ...responses, 429: errorBody } };
}

/** The read replica `DATABASE_READ_URL` names, beside a PostgreSQL primary; none without it. */
function openReplicaFor(options: AppOptions): ReadReplica | undefined {
  const pool = postgresPool(options.database);
  if (!options.config.readDatabaseUrl || !pool) return undefined;
  const poolSize = options.config.database.dialect === 'postgres' ? options.config.database.poolSize : undefined;
  return openReadReplica({ database: options.database, pool }, options.config.readDatabaseUrl, poolSize);
}

/**
 * Response serializers as Fastify makes them (fast-json-stringify, with the shared schemas), each compiled on its
 * route's first answer instead of at start: compiling the serializers of every route was most of a start's CPU.
 */
function lazySerializers(externalSchemas: unknown, options: unknown) {
  const build = SerializerSelector()(externalSchemas as never, options as never);
  return (routeSchema: Parameters<typeof build>[0]) => {
    let serialize: ((data: unknown) => string) | undefined;
    return (data: unknown) => (serialize ??= build(routeSchema))(data);
  };
}

/** Builds the whole application without listening: the server and the tests use exactly this. */
export async function buildApp(options: AppOptions): Promise<App> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    bodyLimit: DEFAULT_BODY_LIMIT,
    // Take the caller's request id when it is a sane token, so that logs line up across services.
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    return503OnClosing: true,
    // `/v1/conversations/` is `/v1/conversations`, on every surface.
    routerOptions: { ignoreTrailingSlash: true },
    trustProxy: options.config.trustProxy,
    schemaController: { compilersFactory: { buildSerializer: lazySerializers } },
    // One line per request (below) instead of Fastify's two: half the log volume on the hot paths.
    logController: new LogController({ disableRequestLogging: true }),
  }).withTypeProvider<TypeBoxTypeProvider>();

  const replica = openReplicaFor(options);
  const writePositions = new WritePositions();
  if (replica) app.addHook('onClose', () => replica.close());
  // Nothing is recorded, and prom-client is not even loaded, unless the metrics are served (see metricsExposure).
  const exposure = metricsExposure(options.config);
  const metrics = exposure === 'none' ? undefined : await prometheusMetrics();
  const services = createServices(options.database, {
    ...(replica ? { reads: replica.routed } : {}),
    ...(metrics ? { metrics } : {}),
    publicUrl: options.config.publicUrl,
    webhookAllowPrivateNetworks: options.config.webhookAllowPrivateNetworks,
    secretKey: options.config.secretKey,
    topics: { intervalMs: options.config.topicsIntervalMs },
    ...(options.mailer ? { mailer: options.mailer } : {}),
    ...(options.config.smtpUrl ? { smtpUrl: options.config.smtpUrl } : {}),
    smtpFrom: options.config.smtpFrom,
    onMailError: (error) => app.log.error({ err: error }, 'an invitation email could not be sent'),
  });
  app.decorate('services', services);
  // Changes other processes commit to what this one caches (keys, settings, webhooks) are announced on PostgreSQL;
  // this app listens until it closes (db/invalidation.ts). Its own pg connection, not one of the pool's.
  await options.database.invalidation.listen((error) =>
    app.log.warn({ err: error }, 'the cache invalidation listener lost its connection: caches expire until it is back'),
  );
  app.addHook('onClose', () => options.database.invalidation.close());
  app.addHook('onClose', async () => services.metrics.close());
  if (metrics) recordRequests(app, metrics);
  const limits = await rateLimitCounts(app, options.config);
  // Cookie-authenticated changes must come from this origin (or the request's own): see http/origin.ts.
  const publicOrigin = new URL(options.config.publicUrl).origin;
  app.decorate('schemaMismatches', [] as string[]);
  app.decorateRequest('principal', null);
  app.setValidatorCompiler(validatorCompiler);
  // The API speaks JSON only; a text body is refused with 415 rather than validated as a string.
  app.removeContentTypeParser('text/plain');
  useJsonBodies(app);
  // Added before any route or plugin, so that it reaches all of them: one rule for text on every surface.
  app.addHook('preValidation', refuseInvalidText);
  // A route that needs the admin role says so in the API docs.
  app.addHook('onRoute', documentRole);
  app.addSchema(ErrorBody);
  app.setErrorHandler(handleError);
  // Rendered by handleError in the shape of the surface whose prefix the path is under.
  app.setNotFoundHandler((request) => {
    throw new AppError('route_not_found', `No route ${request.method} ${request.url.split('?')[0]}.`);
  });

  // The hooks every request runs take a callback: an async hook costs a promise and a turn of the microtask queue.
  app.addHook('onResponse', (request, reply, done) => {
    request.log.info(
      {
        method: request.method,
        // An invitation's token is its credential: it stays out of the logs.
        url: request.url.replace(INVITATION_TOKEN_IN_URL, '$1<token>'),
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request completed',
    );
    done();
  });

  // Once the server is closing, answers in flight end their connection: a keep-alive client would otherwise hold it
  // open and keep the process from exiting until the grace period runs out.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });

  app.addHook('onSend', (request, reply, payload, done) => {
    if (closing) reply.header('connection', 'close');
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    // Only over HTTPS (directly, or as a trusted proxy forwards it): browsers ignore it on plain HTTP, and a plain-HTTP
    // answer claiming it would only mislead.
    if (request.protocol === 'https') reply.header('strict-transport-security', STRICT_TRANSPORT_SECURITY);
    done(null, payload);
  });

  if (options.validateResponses) {
    app.addHook('preSerialization', async (request, reply, payload) => {
      const responses = request.routeOptions.schema?.response as Record<string, object> | undefined;
      if (request.is404) return payload;
      const status = String(reply.statusCode);
      const schema = responses?.[status] ?? responses?.[`${status[0]}xx`] ?? responses?.default;
      const where = `${request.method} ${request.routeOptions.url} -> ${status}`;
      if (!schema) app.schemaMismatches.push(`${where}: no response schema declared`);
      else {
        const resolved = '$ref' in schema && schema.$ref === 'ErrorBody' ? ErrorBody : schema;
        const mismatch = responseMismatch(resolved, payload);
        if (mismatch) app.schemaMismatches.push(`${where}: ${mismatch}`);
      }
      return payload;
    });
  }

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Plaudit API',
        version: '0.1.0',
        description:
          'Ratings of chat conversations and feedback on chat messages. Authenticate with `Authorization: Bearer <key>` ' +
          '(the bare `Authorization: <key>` works too). Errors answer `{"error":{"code","message"}}`; see docs/errors.md. ' +
          'Each key may make API_RATE_LIMIT requests a minute (6,000 by default): every answer carries ' +
          '`RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset` (seconds), and past the limit the API ' +
          'answers 429 `rate_limited` with `Retry-After`.',
      },
      servers: [{ url: options.config.publicUrl }],
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer' } } },
      security: [{ apiKey: [] }],
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(docsRoutes, { publicOrigin });

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get(
    '/health',
    {
      schema: {
        tags: ['Operations'],
        summary: 'Liveness',
        description: 'Answers 200 while the process serves requests.',
        security: [],
        // A probe's query string is not read, but it is held to the one rule for text all the same.
        response: { 200: Type.Object({ status: Type.Literal('ok') }), 400: Type.Ref('ErrorBody') },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/ready',
    {
      schema: {
        tags: ['Operations'],
        summary: 'Readiness',
        description: 'Answers 200 when the database answers a query, 503 otherwise.',
        security: [],
        response: {
          200: Type.Object({ status: Type.Literal('ready') }),
          400: Type.Ref('ErrorBody'),
          503: Type.Object({ status: Type.Literal('unavailable') }),
        },
      },
    },
    async (_request, reply) => {
      if (await options.database.ping()) return { status: 'ready' as const };
      return reply.status(503).send({ status: 'unavailable' as const });
    },
  );

  // For Prometheus, with METRICS_TOKEN (METRICS_PORT serves it on a listener of its own instead: server.ts).
  if (metrics && exposure === 'main') metricsRoute(app, metrics, options.config.metricsToken);

  // Every API surface sits behind the API-key check; public pages register outside this scope.
  await app.register(async (api) => {
    api.addHook('onRequest', apiKeyAuth(services.accounts, services.sessions, publicOrigin));
    if (replica) api.addHook('onSend', recordWrites(replica, writePositions));
    api.addHook('onRoute', documentRateLimit);
    await api.register(rateLimit, apiLimits(limits, options.config.apiRateLimit));
    await api.register(accountsRoutes, { accounts: services.accounts });
    await api.register(teamRoutes, { team: services.team, profile: services.profile });
    await api.register(conversationsRoutes, { conversations: services.conversations });
    await api.register(ratingConfigRoutes, {
      ratingConfig: services.ratingConfig,
      publicUrl: options.config.publicUrl,
    });
    await api.register(questionsRoutes, { questions: services.questions });
    await api.register(ratingsRoutes, { ratings: services.ratings });
    await api.register(deliverablesRoutes, { deliverables: services.deliverables });
    await api.register(feedbackRoutes, { feedback: services.feedback });
    // The reads a replica may serve: analytics, exports and the inbox (see db/read-replica.ts).
    await api.register(async (reads) => {
      if (replica) reads.addHook('preHandler', readsFromReplica(replica, writePositions));
      await reads.register(exportsRoutes, { exports: services.exports });
      await reads.register(inboxRoutes, { inbox: services.inbox });
      await reads.register(analyticsRoutes, {
        analytics: services.analytics,
        compare: services.compare,
        questions: services.questionFigures,
      });
    });
    await api.register(topicsRoutes, { topics: services.topics });
    await api.register(reviewsRoutes, { reviews: services.reviews });
    await api.register(webhooksRoutes, { webhooks: services.webhooks });
    await api.register(langfuseRoutes, { langfuse: services.langfuse });
    await api.register(auditRoutes, { audit: services.audit });
    await api.register(setupRoutes, { setup: services.setup });
    await api.register(agentsRoutes, { agents: services.agents });
    await api.register(widgetTokenRoutes, { widget: services.widget });
    await api.register(healviRoutes, { services });
    await api.register(quickchatRoutes, { services });
    await api.register(dixaRoutes, { services });
    await api.register(exanteRoutes, { services });
  });

  await app.register(ratingPageRoutes, { services, config: options.config, limits });
  await app.register(sessionsRoutes, {
    sessions: services.sessions,
    signInRateLimit: options.config.signInRateLimit,
    limits,
    publicOrigin,
  });
  await app.register(invitationRoutes, {
    team: services.team,
    sessions: services.sessions,
    signInRateLimit: options.config.signInRateLimit,
    limits,
    publicOrigin,
  });
  await app.register(ratingPagePreviewRoutes, { services, publicOrigin });
  await app.register(dashboardRoutes);
  // The embeddable widget: its script, its own token-authenticated API (CORS for any origin) and the demo page.
  await app.register(widgetRoutes, { services, config: options.config, limits });

  return app;
}

/**
 * Where this app's rate limits count: with REDIS_URL, in Redis (connected now, so that a Redis that does not answer
 * stops the start; closed with the app), else in this process.
 */
async function rateLimitCounts(app: App, config: Config): Promise<RateLimitCounts> {
  if (!config.redisUrl) return countsInProcess;
  const redis = await connectRedis(config.redisUrl);
  app.addHook('onClose', async () => {
    await redis.quit().catch(() => redis.disconnect());
  });
  let loggedAt = 0;
  const onRedisError = (error: Error) => {
    if (Date.now() - loggedAt < REDIS_ERROR_LOG_INTERVAL_MS) return;
    loggedAt = Date.now();
    app.log.warn({ err: error }, 'Redis did not answer: rate limits count in this process until it does');
  };
  // A lost connection is retried in the background; meanwhile each count falls back to this process.
  redis.on('error', onRedisError);
  return { redis, prefix: config.redisKeyPrefix, onRedisError };
}
