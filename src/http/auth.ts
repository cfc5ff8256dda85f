import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest, RouteOptions } from 'fastify';
import { AppError } from '../errors.js';
import type { AccountsService, Principal, SessionsService } from '../modules/accounts/index.js';
import { grants, type Scope } from '../modules/accounts/index.js';
import type { Surface } from './errors.js';
import { checkSameOrigin } from './origin.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The scope a route needs; by default `read_all` for GET and HEAD, `write_all` for the rest. */
    scope?: Scope;
    /** The role a route needs beyond its scope: `admin` for what changes how the organization is set up. */
    role?: 'admin';
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

/** The dashboard's session cookie: HttpOnly, SameSite=Lax, path `/`; it holds a random token. */
export const SESSION_COOKIE = 'plaudit_session';
/** The header a session's writes carry: the CSRF token handed out at sign-in. */
export const CSRF_HEADER = 'x-csrf-token';

const READ_METHODS = new Set(['GET', 'HEAD']);

/**
 * The session token in the request's Cookie header, if any (the first, as browsers send the most specific first). Read
 * here, when needed, rather than by the cookie plugin on every request: API clients send no cookies, and the hot paths
 * should not pay for the dashboard's. The token is base64url, so it needs no decoding.
 */
export function sessionTokenOf(request: FastifyRequest): string | undefined {
  return cookieOf(request, SESSION_COOKIE);
}

/** The first cookie of that name in the request's Cookie header, undecoded; undefined when absent or empty. */
export function cookieOf(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const pair of header.split(';')) {
    const equals = pair.indexOf('=');
    if (equals > 0 && pair.slice(0, equals).trim() === name) {
      return pair.slice(equals + 1).trim() || undefined;
    }
  }
  return undefined;
}

/**
 * Refuses a request that changes something unless it carries the session's CSRF token in `x-csrf-token`. Another site
 * can make the browser send the cookie, but cannot read the token nor set a custom header without a CORS preflight,
 * which Plaudit never grants.
 */
export function checkCsrf(request: FastifyRequest, expected: string): void {
  if (READ_METHODS.has(request.method)) return;
  const sent = request.headers[CSRF_HEADER];
  const given = Buffer.from(typeof sent === 'string' ? sent : '');
  const wanted = Buffer.from(expected);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
    throw new AppError('csrf_token_invalid', `Send the session's CSRF token in the ${CSRF_HEADER} header.`);
  }
}

/**
 * Authenticates a request by its session cookie, the dashboard's way in. A change must also come from this server's
 * own pages (`checkSameOrigin`, against PUBLIC_URL's origin `publicOrigin`) and carry the session's CSRF token.
 */
export async function authenticateSession(
  sessions: SessionsService,
  request: FastifyRequest,
  publicOrigin: string,
): Promise<Principal> {
  checkSameOrigin(request, publicOrigin);
  const token = sessionTokenOf(request);
  if (!token) throw new AppError('not_signed_in', 'Sign in first: there is no session, or it has ended.');
  const { principal, csrfToken } = await sessions.authenticateSession(token);
  checkCsrf(request, csrfToken);
  return principal;
}

/**
 * An onRequest hook for every API surface: authenticates the caller before the body is even read, then checks the
 * scope. An `Authorization` header means an API key and takes precedence; without one, the native API also takes the
 * dashboard's session cookie (vendor surfaces take keys only), by `authenticateSession`'s rules. Neither: 401 `missing_api_key`, as API clients expect.
 */
export function apiKeyAuth(accounts: AccountsService, sessions: SessionsService, publicOrigin: string) {
  return async function authenticate(request: FastifyRequest): Promise<void> {
    const native = (request.routeOptions.config.surface ?? 'native') === 'native';
    const principal =
      request.headers.authorization === undefined && native && sessionTokenOf(request)
        ? await authenticateSession(sessions, request, publicOrigin)
        : await accounts.authenticate(request.headers.authorization);
    const scope = requiredScope(request);
    if (!grants(principal.scopes, scope)) {
      throw new AppError('insufficient_scope', `Insufficient token scope. Required: ${scope}`);
    }
    checkRole(request, principal);
    request.principal = principal;
  };
}

/** Where the OpenAPI document says which role an operation needs: `"x-plaudit-role": "admin"`. */
export const ROLE_EXTENSION = 'x-plaudit-role';

/** What a route does, as the middle of a sentence: its summary, first letter lowered, without a vendor's name. */
function actionOf(request: FastifyRequest): string {
  const summary = (request.routeOptions.schema as { summary?: string } | undefined)?.summary;
  if (!summary) return 'do this';
  const plain = summary.replace(/\s*\([^)]*\)\s*$/, '');
  return plain.charAt(0).toLowerCase() + plain.slice(1);
}

/**
 * Refuses a route that declares `config: { role: 'admin' }` to an agent, with 403 `forbidden_role` and a sentence
 * naming the role needed. An API key acts with its owner's role, a session with its user's.
 */
export function checkRole(request: FastifyRequest, principal: Principal): void {
  const needed = request.routeOptions.config.role;
  if (!needed || principal.role === needed) return;
  const who = principal.via === 'session' ? 'you are signed in as an agent' : 'this key belongs to an agent';
  throw new AppError('forbidden_role', `Only an admin may ${actionOf(request)}; ${who}.`, { required_role: needed });
}

/**
 * An onRoute hook: a route that needs the admin role says so in its OpenAPI operation (`x-plaudit-role` and a
 * sentence in its description), so the document, the client and the tests that walk it see every such route.
 */
export function documentRole(route: RouteOptions): void {
  const role = (route.config as { role?: 'admin' } | undefined)?.role;
  if (!role || !route.schema) return;
  const schema = route.schema as Record<string, unknown> & { description?: string };
  const note = 'Admins only: an agent is refused with 403 `forbidden_role`.';
  route.schema = {
    ...schema,
    [ROLE_EXTENSION]: role,
    description: schema.description ? `${schema.description} ${note}` : note,
  } as RouteOptions['schema'];
}

/** The authenticated caller; routes behind `apiKeyAuth` always have one. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('missing_api_key', 'Send an API key in the Authorization header.');
  return request.principal;
}
