import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { invalidTextIn, textFault } from './text.js';

describe('the text rule', () => {
  it('finds NUL characters and lone surrogates, and nothing in well-formed text', () => {
    assert.equal(textFault('Grüße 😀 東京'), null);
    assert.match(textFault('a\u0000b')!, /NUL character \(U\+0000\)/);
    assert.match(textFault('\ud800')!, /lone surrogate \(U\+D800\)/);
    assert.match(textFault('x\udfff')!, /lone surrogate \(U\+DFFF\)/);
    assert.match(textFault('\ude00\ud83d')!, /lone surrogate \(U\+DE00\)/, 'a pair the wrong way round is two halves');
  });

  it('names the place of the first fault, keys included', () => {
    const body = { messages: [{ text: 'fine' }, { text: 'bad\u0000' }], metadata: { 'a b': ['\ud800'] } };
    assert.match(invalidTextIn(body, 'body')!, /^body\.messages\[1\]\.text contains a NUL/);
    assert.match(invalidTextIn({ metadata: body.metadata }, 'body')!, /^body\.metadata\["a b"\]\[0\] contains a lone/);
    assert.match(invalidTextIn({ meta: { ['k\u0000']: 1 } }, 'body')!, /^body\.meta has a key that contains a NUL/);
    assert.equal(invalidTextIn({ n: 1, b: true, z: null, s: 'ok', a: [1, 'two'] }, 'body'), null);
    assert.equal(invalidTextIn(Buffer.from([0, 0]), 'body'), null, 'bytes are no text to check');
  });

  it('refuses a structure deeper than it walks instead of overflowing', () => {
    let deep: unknown = 'leaf';
    for (let level = 0; level < 10_000; level += 1) deep = [deep];
    assert.throws(() => invalidTextIn(deep, 'body'), /nests deeper/);
  });
});
