import { Type, type Static, type TSchema, type TUnsafe } from 'typebox';
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

const INTEGER_OR_UUID = '^(?:[0-9]{1,15}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$';

/** A path parameter that takes the integer id or the UUID of a record. */
export const IdOrUid = Type.String({
  pattern: INTEGER_OR_UUID,
  description: 'The integer id or the UUID.',
  examples: ['42', '0b6f7c1e-2b1a-4a8e-9b7e-5f1d2c3a4b5c'],
});

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
