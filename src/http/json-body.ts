import { isUtf8 } from 'node:buffer';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';

/**
 * How deeply a JSON body's arrays and objects may nest. The deepest document the API takes (an import's conversation
 * with metadata at its own bound) nests 14 levels; a body beyond this is refused before it is parsed, so that nothing
 * after — validation, serialization, the drivers — ever walks a structure thousands of levels deep.
 */
export const MAX_BODY_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/**
 * Whether the arrays and objects of a JSON text nest deeper than `limit`: one pass over the text, skipping strings
 * (brackets in them are text), without building anything. Malformed text is left for the parser to refuse.
 */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (char === QUOTE) {
      // The closing quote is the next one not escaped by an odd run of backslashes.
      let end = index;
      for (;;) {
        end = text.indexOf('"', end + 1);
        if (end < 0) return false;
        let backslashes = 0;
        while (text.charCodeAt(end - 1 - backslashes) === BACKSLASH) backslashes += 1;
        if (backslashes % 2 === 0) break;
      }
      index = end;
    } else if (char === OPEN_BRACKET || char === OPEN_BRACE) {
      depth += 1;
      if (depth > limit) return true;
    } else if (char === CLOSE_BRACKET || char === CLOSE_BRACE) {
      depth -= 1;
    }
  }
  return false;
}

/**
 * The JSON body parser of every route. Before Fastify's own hardened parser sees the text, it refuses a body that is
 * not UTF-8 (400 `invalid_text`: decoding would quietly turn the bytes into U+FFFD) and one nested deeper than
 * MAX_BODY_DEPTH (400 `body_too_deep`). Many HTTP clients send `Content-Type: application/json` with an empty body on
 * POSTs that take none (an invite, a cancel): that reads as no body.
 */
export function useJsonBodies(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body: Buffer, done) => {
    if (!isUtf8(body)) {
      return done(new AppError('invalid_text', 'The body is not valid UTF-8; send JSON encoded as UTF-8.'), undefined);
    }
    const text = body.toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    if (nestsDeeperThan(text, MAX_BODY_DEPTH)) {
      return done(
        new AppError(
          'body_too_deep',
          `The body nests arrays and objects more than ${MAX_BODY_DEPTH} levels deep; no request needs that many.`,
        ),
        undefined,
      );
    }
    return parseJson(request, text, done);
  });
}
