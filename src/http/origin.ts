import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

const READ_METHODS = new Set(['GET', 'HEAD']);
const MAX_ECHOED = 100;

/** `scheme://host[:port]` of a URL, lower-cased and without a default port; undefined for `null` and non-URLs. */
function originOf(text: string): string | undefined {
  try {
    const origin = new URL(text).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

/**
 * Refuses a change (anything but GET and HEAD) that a browser says comes from another site: `Sec-Fetch-Site:
 * cross-site`, or an `Origin` that is neither PUBLIC_URL's (`publicOrigin`) nor the request's own — its scheme and
 * Host, or with TRUST_PROXY the forwarded ones (`null`, sent from sandboxed frames and after privacy-minded redirects,
 * is neither). A browser sets `Origin` to the origin of the page that made the request, so it equals the request's own
 * only on the server's own pages; PUBLIC_URL's is accepted too because a proxy that terminates TLS without TRUST_PROXY
 * makes an HTTPS request look like plain HTTP. A request with neither header passes: browsers send `Origin` with every
 * cross-origin change, and the CSRF token still guards what this check cannot see.
 */
export function checkSameOrigin(request: FastifyRequest, publicOrigin: string): void {
  if (READ_METHODS.has(request.method)) return;
  const site = request.headers['sec-fetch-site'];
  const origin = request.headers.origin;
  if (site === 'cross-site') throw crossOrigin(`Sec-Fetch-Site: ${site}`, publicOrigin);
  if (origin === undefined) return;
  const given = originOf(origin);
  if (given !== undefined && (given === publicOrigin || given === originOf(ownOrigin(request)))) return;
  throw crossOrigin(`Origin: ${origin.slice(0, MAX_ECHOED)}`, publicOrigin);
}

function ownOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

function crossOrigin(evidence: string, publicOrigin: string): AppError {
  return new AppError(
    'cross_origin_request',
    `This change came from another site (${evidence}); the dashboard accepts changes only from its own pages at ` +
      `${publicOrigin} or the address the request was sent to. Behind a proxy, set PUBLIC_URL to the ` +
      'address people open, or TRUST_PROXY=true.',
  );
}
