import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { AppError } from '../errors.js';

/**
 * The one rule for text, whatever the surface: every string a request carries — path values, query parameters, JSON
 * and form bodies, object keys included — is refused when it holds a NUL (PostgreSQL cannot store one, so SQLite must
 * not either) or a lone UTF-16 surrogate (it has no UTF-8 form: the drivers would store U+FFFD in its place). In
 * unicode mode a well-formed surrogate pair is one code point, so only lone halves match.
 */
// eslint-disable-next-line no-control-regex -- finding the NUL is the point
const NOT_TEXT = /[\u{0}\u{D800}-\u{DFFF}]/u;

/**
 * How deep a request's values may nest before the walk refuses them. JSON bodies are bounded more tightly as they are
 * parsed (`json-body.ts`); this keeps the walk itself from overflowing on whatever else a parser might produce.
 */
const MAX_WALK_DEPTH = 64;

/** What is wrong with a string as text, in words, or null when nothing is. */
export function textFault(text: string): string | null {
  const found = NOT_TEXT.exec(text);
  if (!found) return null;
  const code = found[0].charCodeAt(0);
  if (code === 0) return 'a NUL character (U+0000), which text sent to Plaudit may not contain';
  const hex = code.toString(16).toUpperCase();
  return `a lone surrogate (U+${hex}), which is no character: send well-formed UTF-8 or UTF-16`;
}

function pathOf(root: string, segments: Array<string | number>): string {
  return segments.reduce<string>((path, segment) => {
    if (typeof segment === 'number') return `${path}[${segment}]`;
    if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(segment)) return `${path}.${segment}`;
    const shown = segment.length > 40 ? `${segment.slice(0, 40)}…` : segment;
    return `${path}[${JSON.stringify(shown)}]`;
  }, root);
}

/**
 * The first string in `value` (strings, arrays and plain objects, keys and values) that is not text, described with
 * its place (`body.messages[0].text`), or null. Recursion is bounded by MAX_WALK_DEPTH.
 */
export function invalidTextIn(value: unknown, root: string): string | null {
  return walk(value, 0, [], root);
}

// The hot paths run this on every request: a test per string, and words only once something is wrong.
function walk(value: unknown, depth: number, segments: Array<string | number>, root: string): string | null {
  if (typeof value === 'string') {
    return NOT_TEXT.test(value) ? `${pathOf(root, segments)} contains ${textFault(value)}.` : null;
  }
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return null;
  if (depth > MAX_WALK_DEPTH) {
    throw new AppError('body_too_deep', `${pathOf(root, segments)} nests deeper than ${MAX_WALK_DEPTH} levels.`);
  }
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      segments.push(index);
      const found = walk(value[index], depth + 1, segments, root);
      segments.pop();
      if (found) return found;
    }
    return null;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (NOT_TEXT.test(key)) return `${pathOf(root, segments)} has a key that contains ${textFault(key)}.`;
    segments.push(key);
    const found = walk((value as Record<string, unknown>)[key], depth + 1, segments, root);
    segments.pop();
    if (found) return found;
  }
  return null;
}

/**
 * A preValidation hook for every route: refuses a request whose path values, query or body hold anything but text,
 * with 400 `invalid_text`, before validation, the handler or the database see it. It runs in the route's context, so
 * the refusal is rendered in the route's own error shape (a vendor's, or the rating page's).
 */
export function refuseInvalidText(request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void {
  // No route, nothing read: an unknown path answers 404 whatever it holds.
  if (request.is404) return done();
  try {
    const fault =
      invalidTextIn(request.params, 'path') ??
      invalidTextIn(request.query, 'query') ??
      invalidTextIn(request.body, 'body');
    done(fault ? new AppError('invalid_text', fault) : undefined);
  } catch (error) {
    done(error as Error);
  }
}
