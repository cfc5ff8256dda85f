import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import type { AccountsService, Principal } from '../modules/accounts/index.js';
import { grants, type Scope } from '../modules/accounts/index.js';
import type { Surface } from './errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The scope a route needs; by default `read_all` for GET and HEAD, `write_all` for the rest. */
    scope?: Scope;
    /** Which API the route belongs to; decides the error shape. */
    surface?: Surface;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** The scope a request needs: the route's own, or the one its method implies. */
export function requiredScope(request: FastifyRequest): Scope {
  const declared = request.routeOptions.config.scope;
  if (declared) return declared;
  return request.method === 'GET' || request.method === 'HEAD' ? 'read_all' : 'write_all';
}

/**
 * An onRequest hook for every API surface: authenticates the key before the body is even read, then checks the scope.
 */
export function apiKeyAuth(accounts: AccountsService) {
  return async function authenticate(request: FastifyRequest): Promise<void> {
    const principal = await accounts.authenticate(request.headers.authorization);
    const scope = requiredScope(request);
    if (!grants(principal.scopes, scope)) {
      throw new AppError('insufficient_scope', `Insufficient token scope. Required: ${scope}`);
    }
    request.principal = principal;
  };
}

/** The authenticated caller; routes behind `apiKeyAuth` always have one. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('missing_api_key', 'Send an API key in the Authorization header.');
  return request.principal;
}
