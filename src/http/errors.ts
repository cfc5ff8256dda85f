import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, isAppError } from '../errors.js';
import { describeValidationErrors } from './validation.js';

/** Which API a route belongs to; each renders errors in its own shape. */
export type Surface = 'native' | 'healvi' | 'quickchat' | 'dixa' | 'exante';

export interface RenderedError {
  status: number;
  body: unknown;
}

export type ErrorRenderer = (error: AppError) => RenderedError;

/** The native shape: `{"error":{"code","message"}}`. */
export const renderNativeError: ErrorRenderer = (error) => ({
  status: error.status,
  body: { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } },
});

/**
 * The vendor-compatible surfaces render the same error codes in their vendor's shape, with the same statuses:
 * Quickchat `{"errors":{"root":[{"message","code"}]}}`, Healvi and Dixa `{"message"}`, Exante
 * `{"status":"error","message"}`.
 */
const renderers: Record<Surface, ErrorRenderer> = {
  native: renderNativeError,
  quickchat: (error) => ({
    status: error.status,
    body: { errors: { root: [{ message: error.message, code: error.code }] } },
  }),
  healvi: (error) => ({ status: error.status, body: { message: error.message } }),
  dixa: (error) => ({ status: error.status, body: { message: error.message } }),
  exante: (error) => ({ status: error.status, body: { status: 'error', message: error.message } }),
};

/**
 * Where the paths of each vendor-compatible surface begin. A path under one of them that matches no route answers 404
 * in that vendor's shape, as its clients expect; `useSurface` keeps every route of a surface under its prefix.
 */
export const surfacePrefixes: Record<Exclude<Surface, 'native'>, string> = {
  healvi: '/third-party/',
  quickchat: '/v1/api/',
  dixa: '/beta/',
  exante: '/api/agents/',
};

/**
 * Marks every route registered in a plugin as belonging to a surface (call first thing in the plugin). A route outside
 * the surface's prefix is a mistake of the code, caught when the app is built.
 */
export function useSurface(
  app: { addHook: (name: 'onRoute', hook: (route: { url: string; config?: object }) => void) => unknown },
  surface: Surface,
): void {
  app.addHook('onRoute', (route) => {
    if (surface !== 'native' && !route.url.startsWith(surfacePrefixes[surface])) {
      throw new Error(`The ${surface} route ${route.url} lies outside its prefix ${surfacePrefixes[surface]}.`);
    }
    route.config = { ...route.config, surface };
  });
}

/** The surface of a request: its route's, or for a path no route matches, the one whose prefix the path is under. */
export function surfaceOf(request: FastifyRequest): Surface {
  const declared = request.routeOptions.config.surface;
  if (declared) return declared;
  if (request.is404) {
    for (const [surface, prefix] of Object.entries(surfacePrefixes) as Array<[Surface, string]>) {
      if (request.url.startsWith(prefix)) return surface;
    }
  }
  return 'native';
}

const validationContexts: Record<string, string> = { querystring: 'query', params: 'path', headers: 'headers' };

/** Maps anything thrown while serving a request onto an AppError with a stable code. */
export function toAppError(error: FastifyError | Error, requestId: string): AppError {
  if (isAppError(error)) return error;
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    const context = validationContexts[fastifyError.validationContext ?? 'body'] ?? 'body';
    return new AppError('validation_failed', describeValidationErrors(fastifyError.validation as never, context));
  }
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large', 'The request body is larger than this endpoint accepts.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type', 'Send the request body as JSON (Content-Type: application/json).');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('invalid_json', 'The body is empty although Content-Type says it is JSON.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('invalid_json', 'The body is not valid JSON.');
  }
  const status = fastifyError.statusCode ?? 500;
  if (error instanceof SyntaxError && status === 400)
    return new AppError('invalid_json', 'The body is not valid JSON.');
  if (status === 413)
    return new AppError('payload_too_large', 'The request body is larger than this endpoint accepts.');
  if (status >= 400 && status < 500) return new AppError('bad_request', fastifyError.message);
  if (status === 503) return new AppError('service_unavailable', 'The service is shutting down or not ready.');
  return new AppError('internal_error', `Something went wrong on our side. Request id: ${requestId}.`);
}

/** The one error handler: logs, then renders the error in the shape of the route's surface. */
export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): void {
  const appError = toAppError(error, request.id);
  if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.info({ code: appError.code, reason: appError.message }, 'request rejected');
  const { status, body } = renderers[surfaceOf(request)](appError);
  if (appError.code === 'missing_api_key' || appError.code === 'invalid_api_key') {
    reply.header('www-authenticate', 'Bearer');
  }
  void reply.status(status).send(body);
}
