import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Type } from 'typebox';
import { Ajv, type ValidateFunction } from 'ajv';
import fc from 'fast-check';
import { DateTime, IdOrUid, INT64_MAX, INTEGER_ID_PATTERN, Uuid } from './schemas.js';
import { describeValidationErrors, validatorCompiler } from './validation.js';

const ajv = new Ajv({ allErrors: false });

function message(schema: object, value: unknown): string {
  const validate = ajv.compile(schema);
  assert.ok(!validate(value));
  return describeValidationErrors(validate.errors!, 'body');
}

describe('validation messages', () => {
  const schema = Type.Object(
    {
      rating: Type.Union([Type.Literal('like'), Type.Literal('dislike'), Type.Null()]),
      comment: Type.Optional(Type.Union([Type.String(), Type.Null()])),
      items: Type.Optional(Type.Array(Type.Object({ role: Type.String() }, { additionalProperties: false }))),
    },
    { additionalProperties: false },
  );

  it('name the field and say what it accepts', () => {
    assert.equal(message(schema, { rating: 'like', comment: 5 }), 'body.comment must be a string or null');
    assert.equal(message(schema, {}), 'body.rating is required');
    assert.equal(message(schema, { rating: null, extra: 1 }), 'body has an unknown field "extra"');
    assert.equal(message(schema, { rating: null, items: [{ role: 'x' }, {}] }), 'body.items[1].role is required');
    assert.equal(message(schema, 'text'), 'body must be an object');
  });

  it('name the broken constraint of a nullable field rather than its null branch', () => {
    const nullable = Type.Object({ note: Type.Union([Type.String({ maxLength: 3 }), Type.Null()]) });
    assert.equal(message(nullable, { note: 'toolong' }), 'body.note must NOT have more than 3 characters');
    assert.equal(message(nullable, { note: 5 }), 'body.note must be a string or null');
  });

  it('list the allowed values of an enum', () => {
    assert.equal(
      message(Type.Object({ s: Type.Union([Type.Literal('open'), Type.Literal('closed')]) }), { s: 'x' }),
      'body.s must be one of: open, closed',
    );
    assert.equal(message(schema, { rating: 'Like' }), 'body.rating must be one of: like, dislike or null');
    const enumSchema = { type: 'object', properties: { s: { enum: ['open', 'closed'] } } };
    assert.equal(message(enumSchema, { s: 'x' }), 'body.s must be one of: open, closed');
  });

  it('say what a pattern means instead of quoting it', () => {
    assert.equal(
      message(Type.Object({ id: IdOrUid }), { id: '9223372036854775808' }),
      `body.id must be an integer id (at most ${INT64_MAX}) or a UUID`,
    );
  });
});

/** The validator Fastify uses for a query string. */
function queryValidator(schema: object): ValidateFunction {
  return validatorCompiler({ schema, httpPart: 'querystring', method: 'GET', url: '' }) as unknown as ValidateFunction;
}

describe('formats both engines can store', () => {
  it('take date-times between 1970 and 9999 that exist, and nothing else', () => {
    const validate = queryValidator(Type.Object({ at: DateTime }));
    for (const at of ['1970-01-01T00:00:00Z', '2026-03-11T16:39:30.123+05:30', '9999-12-31T23:59:59.999Z']) {
      assert.ok(validate({ at }), at);
    }
    for (const at of [
      '2026-06-30T23:59:60Z',
      '0000-01-01T00:00:00Z',
      '1969-12-31T23:59:59Z',
      '2026-02-30T00:00:00Z',
      '2026-03-11',
      'yesterday',
    ]) {
      assert.ok(!validate({ at }), at);
      assert.match(
        describeValidationErrors(validate.errors!, 'query'),
        /^query\.at must be a valid date-time between 1970 and 9999/,
      );
    }
  });

  it('take UUIDs in the plain 8-4-4-4-12 form only', () => {
    const validate = queryValidator(Type.Object({ id: Uuid }));
    assert.ok(validate({ id: '0B6F7C1E-2B1A-4A8E-9B7E-5F1D2C3A4B5C' }));
    assert.ok(!validate({ id: 'urn:uuid:0b6f7c1e-2b1a-4a8e-9b7e-5f1d2c3a4b5c' }));
    assert.ok(!validate({ id: '{0b6f7c1e-2b1a-4a8e-9b7e-5f1d2c3a4b5c}' }));
  });
});

describe('integer ids', () => {
  it('are every decimal from 0 to the largest int64, and no larger one', () => {
    const pattern = new RegExp(`^(?:${INTEGER_ID_PATTERN})$`);
    const max = BigInt(INT64_MAX);
    const near = fc.bigInt({ min: max - 100_000n, max: max + 100_000n }).map(String);
    const any = fc.stringMatching(/^[0-9]{1,21}$/);
    fc.assert(
      fc.property(fc.oneof(near, any), (digits) => {
        assert.equal(pattern.test(digits), digits.length <= 19 && BigInt(digits) <= max, digits);
      }),
      { numRuns: 2000 },
    );
  });
});
