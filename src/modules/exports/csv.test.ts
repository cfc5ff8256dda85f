import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { csvField, csvRecord, parseCsv, type Cell } from './csv.js';

describe('CSV', () => {
  it('quotes exactly the fields that hold a comma, a quote, CR or LF, doubling quotes', () => {
    assert.equal(csvField('plain text'), 'plain text');
    assert.equal(csvField('a, b'), '"a, b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField('cr\ronly'), '"cr\ronly"');
    assert.equal(csvField('Grüße, 👍'), '"Grüße, 👍"');
  });

  it('writes numbers as numbers and nothing as an empty cell', () => {
    assert.equal(csvField(0), '0');
    assert.equal(csvField(-3), '-3', 'a negative number is not a formula');
    assert.equal(csvField(4.5), '4.5');
    assert.equal(csvField(null), '');
    assert.equal(csvField(''), '');
  });

  it("neutralises text that a spreadsheet would run as a formula with a leading '", () => {
    assert.equal(csvField('=HYPERLINK("http://evil.test","click")'), `"'=HYPERLINK(""http://evil.test"",""click"")"`);
    assert.equal(csvField('+1'), "'+1");
    assert.equal(csvField('-2+3'), "'-2+3");
    assert.equal(csvField('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvField('\tcmd'), "'\tcmd");
    assert.equal(csvField('\rcmd'), `"'\rcmd"`);
    assert.equal(csvField('a=b'), 'a=b', 'only a leading character counts');
  });

  it('ends every record with CRLF', () => {
    assert.equal(csvRecord(['a', 1, null, 'b,c']), 'a,1,,"b,c"\r\n');
  });

  it('reads back what it writes, for any text (neutralised cells keep their leading quote)', () => {
    const cell = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom('=1+1', '"', ',', '\r\n', '\n', '-', '@', '\t'),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 6 }), { minLength: 1, maxLength: 8 }), (rows) => {
        const text = rows.map((row) => csvRecord(row)).join('');
        const expected = rows.map((row) =>
          row.map((value: Cell) => {
            if (value === null) return '';
            if (typeof value === 'number' || typeof value === 'boolean') return String(value);
            if (typeof value !== 'string') return value.length === 0 ? '' : JSON.stringify(value);
            return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
          }),
        );
        assert.deepEqual(parseCsv(text), expected);
      }),
    );
  });

  it('reads LF line ends and refuses an unclosed quote', () => {
    assert.deepEqual(parseCsv('a,b\n1,2\n'), [
      ['a', 'b'],
      ['1', '2'],
    ]);
    assert.throws(() => parseCsv('"open'), /not closed/);
  });
});
