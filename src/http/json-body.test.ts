import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { nestsDeeperThan } from './json-body.js';

/** How deeply the arrays and objects of a parsed JSON value nest. */
function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  return 1 + Math.max(0, ...Object.values(value).map(depthOf));
}

describe('the JSON nesting scan', () => {
  it('agrees with the depth of the parsed document, whatever its strings hold', () => {
    // Strings full of brackets, quotes and backslashes: the scan must skip them as text.
    const text = fc.string({ unit: fc.constantFrom('[', ']', '{', '}', '"', '\\', 'a', ' ') });
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, text, fc.integer(), tie('array'), tie('object')),
      array: fc.array(tie('value'), { maxLength: 3 }),
      object: fc.dictionary(text, tie('value'), { maxKeys: 3 }),
    })).value;
    fc.assert(
      fc.property(json, fc.integer({ min: 0, max: 6 }), (value, limit) => {
        const written = JSON.stringify(value);
        assert.equal(nestsDeeperThan(written, limit), depthOf(value) > limit, written);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads thousands of levels without recursing', () => {
    assert.equal(nestsDeeperThan('['.repeat(100_000) + ']'.repeat(100_000), 32), true);
    assert.equal(nestsDeeperThan(`{"a":"${'['.repeat(100_000)}"}`, 32), false);
    assert.equal(nestsDeeperThan('{"a":"unterminated', 32), false);
  });
});
