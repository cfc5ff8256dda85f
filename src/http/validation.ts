import { Ajv, type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import type { FastifySchemaCompiler } from 'fastify';
import { isAcceptedTimestamp } from '../db/values.js';
import { phraseOfPattern } from './schemas.js';

const rfc3339 = fullFormats['date-time'] as { validate: (value: string) => boolean };

/**
 * Two formats are narrowed to what both database engines take, so that whatever passes validation — in a body, a
 * query or a path — can be stored and compared on either: a `date-time` is an RFC 3339 instant that exists (no leap
 * second, which JavaScript cannot represent) between 1970 and 9999, the rule of `acceptedTimestamp`; a `uuid` is the
 * plain 8-4-4-4-12 form (PostgreSQL refuses the `urn:uuid:` prefix the standard format allows).
 */
const storableFormats = {
  'date-time': { type: 'string', validate: (value: string) => rfc3339.validate(value) && isAcceptedTimestamp(value) },
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
} as const;

function makeAjv(options: Options): Ajv {
  const ajv = new Ajv({ allErrors: false, useDefaults: true, removeAdditional: false, strict: false, ...options });
  addFormats.default(ajv);
  for (const [name, format] of Object.entries(storableFormats)) ajv.addFormat(name, format);
  return ajv;
}

// Query strings and path parameters arrive as text and need coercion; JSON bodies must be taken as sent, so that
// `"comment": 5` is rejected instead of quietly becoming "5".
const coercing = makeAjv({ coerceTypes: 'array' });
const strict = makeAjv({ coerceTypes: false });

/**
 * Fastify validator compiler: strict for bodies, coercing for everything that arrives as text. Each validator is
 * compiled on its route's first request, not at start: compiling all of them took about a second of every start.
 */
export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? strict : coercing;
  let compiled: ValidateFunction | undefined;
  // Fastify reads the errors of a failed validation from the function it was given.
  const validate = (data: unknown) => {
    compiled ??= ajv.compile(schema as object);
    // No schema here is $async, so the answer is a boolean.
    const valid = compiled(data) as boolean;
    validate.errors = compiled.errors;
    return valid;
  };
  validate.errors = null as ErrorObject[] | null | undefined;
  return validate;
};

const responseAjv = makeAjv({ coerceTypes: false });
const responseValidators = new WeakMap<object, ReturnType<Ajv['compile']>>();

/**
 * Checks a response body against its declared schema; returns a description of the first mismatch, or null. Used in
 * tests so that the OpenAPI document generated from those schemas cannot drift from what the API sends.
 */
export function responseMismatch(schema: object, payload: unknown): string | null {
  let validate = responseValidators.get(schema);
  if (!validate) {
    validate = responseAjv.compile(schema);
    responseValidators.set(schema, validate);
  }
  if (validate(payload)) return null;
  return responseAjv.errorsText(validate.errors);
}

/**
 * Turns Ajv's errors into one sentence that names the field, e.g. `body.messages[0].role must be one of: user, ai`.
 * For a failed union (`string | null`) it lists what the alternatives accept instead of the first branch's complaint.
 */
export function describeValidationErrors(errors: ErrorObject[], context: string): string {
  const union = errors.find((error) => error.keyword === 'anyOf' || error.keyword === 'oneOf');
  if (union) {
    // A branch whose type matched but whose constraint failed (a string too long for `string | null`) says most.
    const specific = errors.find(
      (error) =>
        error !== union &&
        error.instancePath.startsWith(union.instancePath) &&
        !['type', 'const', 'enum', 'anyOf', 'oneOf'].includes(error.keyword),
    );
    if (specific) return describeValidationError(specific, context);
    const branches = errors.filter((error) => error.instancePath === union.instancePath && error !== union);
    const values = branches.flatMap((error) => {
      const params = error.params as { allowedValue?: unknown; allowedValues?: unknown[] };
      if (error.keyword === 'const') return [String(params.allowedValue)];
      if (error.keyword === 'enum') return (params.allowedValues ?? []).map(String);
      return [];
    });
    const types = [
      ...new Set(
        branches
          .filter((error) => error.keyword === 'type')
          .map((error) => String((error.params as { type: string }).type)),
      ),
    ];
    if (values.length > 0 || types.length > 0) {
      const accepted = [...(values.length > 0 ? [`one of: ${values.join(', ')}`] : []), ...types.map(withArticle)];
      return `${fieldPath(union, context)} must be ${accepted.join(' or ')}`;
    }
    const first = errors.find((error) => error !== union);
    return first ? describeValidationError(first, context) : `${fieldPath(union, context)} is not valid`;
  }
  return errors[0] ? describeValidationError(errors[0], context) : `${context} is not valid`;
}

function withArticle(type: string): string {
  if (type === 'null') return 'null';
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
}

function fieldPath(error: ErrorObject, context: string): string {
  return `${context}${error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => (/^\d+$/.test(segment) ? `[${segment}]` : `.${segment.replace(/~1/g, '/').replace(/~0/g, '~')}`))
    .join('')}`;
}

function describeValidationError(error: ErrorObject, context: string): string {
  const path = fieldPath(error, context);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `${path}.${String(params.missingProperty)} is required`;
    case 'additionalProperties':
      return `${path} has an unknown field "${String(params.additionalProperty)}"`;
    case 'enum':
      return `${path} must be one of: ${(params.allowedValues as unknown[]).map(String).join(', ')}`;
    case 'const':
      return `${path} must be ${JSON.stringify(params.allowedValue)}`;
    case 'pattern': {
      const phrase = phraseOfPattern(String(params.pattern));
      return phrase ? `${path} must be ${phrase}` : `${path} ${error.message ?? 'is not valid'}`;
    }
    case 'format':
      if (params.format === 'date-time') {
        return `${path} must be a valid date-time between 1970 and 9999, written as RFC 3339 (2026-03-11T16:39:30Z)`;
      }
      return `${path} must be a valid ${String(params.format)}`;
    case 'type':
      return `${path} must be ${String(params.type).split(',').map(withArticle).join(' or ')}`;
    default:
      return `${path} ${error.message ?? 'is not valid'}`;
  }
}
