import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Type } from 'typebox';
import { Ajv } from 'ajv';
import { describeValidationErrors } from './validation.js';

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
});
