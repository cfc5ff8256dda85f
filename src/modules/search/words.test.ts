import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { AppError } from '../../errors.js';
import { indexedText, MAX_SEARCH_TERMS, MAX_WORD_LENGTH, parseSearch, wordsOf } from './words.js';

describe('wordsOf', () => {
  it('lower-cases, drops accents and splits at everything but letters and digits', () => {
    assert.deepEqual(wordsOf('Où est ma COMMANDE #4711?'), ['ou', 'est', 'ma', 'commande', '4711']);
    assert.deepEqual(wordsOf('Jürgen Groß, Ærø, Łódź'), ['jurgen', 'gross', 'aero', 'lodz']);
    assert.deepEqual(wordsOf('İstanbul ﬁle ＡＢＣ１２'), ['istanbul', 'file', 'abc12']);
    assert.deepEqual(wordsOf('anna.smith@example.com'), ['anna', 'smith', 'example', 'com']);
    assert.deepEqual(wordsOf('ticket-1001_b'), ['ticket', '1001', 'b']);
    assert.deepEqual(wordsOf('Спасибо, всё ясно'), ['спасибо', 'все', 'ясно']);
    assert.deepEqual(wordsOf('👍 -- ...'), []);
  });

  it('makes every character of a script written without spaces a word of its own', () => {
    assert.deepEqual(wordsOf('我的订单在哪里?'), ['我', '的', '订', '单', '在', '哪', '里']);
    assert.deepEqual(wordsOf('注文ABC'), ['注', '文', 'abc']);
  });

  it(`cuts words after ${MAX_WORD_LENGTH} characters`, () => {
    assert.deepEqual(wordsOf(`${'x'.repeat(1000)} y`), ['x'.repeat(MAX_WORD_LENGTH), 'y']);
    assert.equal(wordsOf('é'.repeat(100))[0], 'e'.repeat(MAX_WORD_LENGTH));
  });

  it('reads ASCII text the quick way exactly as the general way would', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 80 }), (text) => {
        // A word outside ASCII sends the text the general way, and adds itself at the end.
        assert.deepEqual([...wordsOf(text), 'e'], wordsOf(`${text} é`));
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves its own output as it is, so that a word searched for is the word indexed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
        const words = wordsOf(text);
        assert.deepEqual(wordsOf(words.join(' ')), words);
        for (const word of words) assert.deepEqual(wordsOf(word), [word]);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('indexedText', () => {
  it('joins the words of every text with single spaces, a space on either end', () => {
    assert.equal(indexedText('Ada Lovelace', null, 'ada@example.com'), ' ada lovelace ada example com ');
    assert.equal(indexedText('?!', undefined, ''), '');
  });
});

describe('parseSearch', () => {
  it('reads words as prefixes and quoted phrases word for word', () => {
    assert.deepEqual(parseSearch('Refu'), [{ words: ['refu'], prefix: true, pattern: ' refu' }]);
    assert.deepEqual(parseSearch('"refund"'), [{ words: ['refund'], prefix: false, pattern: ' refund ' }]);
    assert.deepEqual(parseSearch('"order  Number" late'), [
      { words: ['order', 'number'], prefix: false, pattern: ' order number ' },
      { words: ['late'], prefix: true, pattern: ' late' },
    ]);
    // An unclosed quote runs to the end.
    assert.deepEqual(parseSearch('"wrong link'), [
      { words: ['wrong', 'link'], prefix: false, pattern: ' wrong link ' },
    ]);
  });

  it('joins the words of a term with punctuation into a phrase, the last word a prefix', () => {
    assert.deepEqual(parseSearch('anna@exam'), [{ words: ['anna', 'exam'], prefix: true, pattern: ' anna exam' }]);
    assert.deepEqual(parseSearch('ORD-1-150000'), [
      { words: ['ord', '1', '150000'], prefix: true, pattern: ' ord 1 150000' },
    ]);
  });

  it('lets a whole number or a UUID name a conversation too', () => {
    assert.deepEqual(parseSearch('241'), [{ words: ['241'], prefix: true, pattern: ' 241', conversationId: 241 }]);
    const [uid] = parseSearch('5B0E6F2A-6A4F-4B8E-9A56-2F7D0C1E9A11');
    assert.equal(uid?.conversationUid, '5b0e6f2a-6a4f-4b8e-9a56-2f7d0c1e9a11');
    assert.equal(uid?.pattern, ' 5b0e6f2a 6a4f 4b8e 9a56 2f7d0c1e9a11');
    assert.equal(parseSearch('"241"')[0]?.conversationId, undefined, 'a quoted number is only a word');
  });

  it('has no term without a word, each term once, and refuses too many', () => {
    assert.deepEqual(parseSearch(' -- "" ?! '), []);
    assert.equal(parseSearch('late LATE Late').length, 1);
    const many = Array.from({ length: MAX_SEARCH_TERMS + 1 }, (_, i) => `w${i}`).join(' ');
    assert.throws(
      () => parseSearch(many),
      (error: unknown) => error instanceof AppError && error.code === 'validation_failed',
    );
    assert.equal(parseSearch(many.split(' ').slice(1).join(' ')).length, MAX_SEARCH_TERMS);
  });

  it('finds every word of a text by the word, and by any of its beginnings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.nat(), fc.nat(), (text, pick, cut) => {
        const words = wordsOf(text);
        fc.pre(words.length > 0);
        const word = words[pick % words.length]!;
        const beginning = Array.from(word)
          .slice(0, 1 + (cut % Array.from(word).length))
          .join('');
        const indexed = indexedText(text);
        for (const query of [word, `"${word}"`, beginning, beginning.toUpperCase()]) {
          const terms = parseSearch(query);
          assert.ok(
            terms.length > 0 && terms.every((term) => indexed.includes(term.pattern)),
            `${query} in ${indexed}`,
          );
        }
      }),
      { numRuns: 2000 },
    );
  });
});
