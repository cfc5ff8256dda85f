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

  it('refuse instants that are not stored ones: outside 1970-9999, or not in the stored form', () => {
    for (const instant of [
      '0000-01-01T00:00:00.000Z',
      '1969-12-31T23:59:59.999Z',
      '+010000-01-01T00:00:00.000Z',
      '2026-01-01T00:00:00Z',
      '2026-01-01T00:00:00.000Z\u0000',
    ]) {
      const cursor = Buffer.from(JSON.stringify([instant, 1])).toString('base64url');
      assert.throws(() => decodeCursor(cursor), /cursor/, instant);
    }
  });
});
