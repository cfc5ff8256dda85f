import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { AppError } from '../errors.js';
import { decodeCursor, encodeCursor } from './pagination.js';

describe('cursors', () => {
  it('decode to the position they encode', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1970-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }),
        fc.nat(),
        (date, id) => {
          const position = { createdAt: date.toISOString(), id };
          assert.deepEqual(decodeCursor(encodeCursor(position)), position);
        },
      ),
    );
  });

  it('refuse anything they did not make with invalid_cursor, never another error', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        try {
          decodeCursor(text);
        } catch (error) {
          assert.ok(error instanceof AppError);
          assert.equal(error.code, 'invalid_cursor');
        }
      }),
    );
    assert.throws(() => decodeCursor(Buffer.from('[1,2]').toString('base64url')), /cursor/);
    assert.throws(() => decodeCursor(Buffer.from('["not a date",2]').toString('base64url')), /cursor/);
  });
});
