import { Type, type Static, type TSchema, type TString, type TUnsafe } from 'typebox';
import { errorStatus, type ErrorCode } from '../errors.js';

/** The native error body. */
export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable, machine-readable code; see docs/errors.md.' }),
      message: Type.String({ description: 'What went wrong, in a sentence.' }),
      details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    }),
  },
  { $id: 'ErrorBody', title: 'Error' },
);

/**
 * Declares the error responses of a route, by code. Every API route can answer 400 (bad input), 401 (key), 403
 * (scope), 413 and 415 (body), 500 and 503; routes add what else they may answer.
 */
export function errorResponses(...codes: ErrorCode[]): Record<number, TSchema> {
  return errorResponsesIn(Type.Ref('ErrorBody'), ...codes);
}

/** The same error responses with another body: each vendor-compatible surface declares its own error shape. */
export function errorResponsesIn(body: TSchema, ...codes: ErrorCode[]): Record<number, TSchema> {
  const statuses = new Set<number>([400, 401, 403, 413, 415, 500, 503, ...codes.map((code) => errorStatus[code])]);
  return Object.fromEntries([...statuses].map((status) => [status, body]));
}

/**
 * A regular expression (without anchors) for the decimal numbers from 0 to `bound`, leading zeros allowed up to
 * `bound`'s length: shorter numbers, then for each digit of `bound` the numbers that share its digits before that one
 * and are smaller at it.
 */
function decimalsUpTo(bound: string): string {
  const alternatives = [`[0-9]{1,${bound.length - 1}}`];
  for (let index = 0; index < bound.length; index += 1) {
    const digit = Number(bound[index]);
    const rest = bound.length - index - 1;
    if (digit > 0) alternatives.push(`${bound.slice(0, index)}[0-${digit - 1}]${rest > 0 ? `[0-9]{${rest}}` : ''}`);
  }
  alternatives.push(bound);
  return alternatives.join('|');
}

/**
 * Integer ids in paths: any int64 (what PostgreSQL's bigint holds), so that an id no row has answers the route's 404,
 * whatever its size; a number beyond int64 is no id at all.
 */
export const INT64_MAX = '9223372036854775807';
export const INTEGER_ID_PATTERN = decimalsUpTo(INT64_MAX);
const UUID_PATTERN = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

const patternPhrases = new Map<string, string>();

/**
 * A string schema that must match `pattern`, whose refusal says what it must be in words (`phrase`, e.g. "an integer
 * id or a UUID") rather than quoting an expression few people can read.
 */
export function PatternString(pattern: string, phrase: string, options: Record<string, unknown> = {}): TString {
  patternPhrases.set(pattern, phrase);
  return Type.String({ ...options, pattern });
}

/** The words a `PatternString` gave its pattern, if any. */
export function phraseOfPattern(pattern: string): string | undefined {
  return patternPhrases.get(pattern);
}

/** A path parameter that takes the integer id of a record. */
export const IntegerId = PatternString(`^(?:${INTEGER_ID_PATTERN})$`, `an integer id (at most ${INT64_MAX})`, {
  description: `The integer id (at most ${INT64_MAX}).`,
  examples: ['42'],
});

/** A path parameter that takes the integer id or the UUID of a record. */
export const IdOrUid = PatternString(
  `^(?:${INTEGER_ID_PATTERN}|${UUID_PATTERN})$`,
  `an integer id (at most ${INT64_MAX}) or a UUID`,
  {
    description: `The integer id (at most ${INT64_MAX}) or the UUID.`,
    examples: ['42', '0b6f7c1e-2b1a-4a8e-9b7e-5f1d2c3a4b5c'],
  },
);

export const Uuid = Type.String({ format: 'uuid' });

export const DateTime = Type.String({ format: 'date-time', examples: ['2026-03-11T16:39:30.000Z'] });

/**
 * `T | null`. A schema with a single JSON type becomes a type array (`["string", "null"]`, as OpenAPI 3.1 writes it),
 * so that a refusal names the constraint that failed ("must NOT have more than 1000 characters") and adapters can reuse
 * the native field schemas as they are. Unions and enums stay an `anyOf` with `null`.
 */
export function Nullable<T extends TSchema>(schema: T): TUnsafe<Static<T> | null> {
  const type = (schema as { type?: unknown }).type;
  if (typeof type === 'string' && !('anyOf' in schema) && !('const' in schema) && !('enum' in schema)) {
    return Type.Unsafe<Static<T> | null>({ ...schema, type: [type, 'null'] });
  }
  return Type.Unsafe<Static<T> | null>(Type.Union([schema, Type.Null()]));
}

/** Query parameters of every cursor-paginated list. */
export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50, description: 'Page size.' })),
  cursor: Type.Optional(Type.String({ maxLength: 200, description: 'The `next_cursor` of the previous page.' })),
};

export const NextCursor = Nullable(
  Type.String({ description: 'Pass as `cursor` to get the next page; null on the last page.' }),
);
