import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { MAX_COMMENT_LENGTH } from '../../modules/ratings/index.js';
import { parseForm, type FormQuestion } from './form.js';

const questions: FormQuestion[] = [
  { code: 'STARS', kind: 'stars', field: 'stars', required: true },
  { code: 'HELPFUL_THUMBS', kind: 'thumbs', field: 'HELPFUL_THUMBS', required: false },
  { code: 'NPS', kind: 'nps', field: 'NPS', required: false },
];

describe('parseForm', () => {
  it('maps the fields onto answers: stars on its question code, thumbs up 1 and down 0, NPS 0-10', () => {
    const parsed = parseForm(
      { stars: '4', HELPFUL_THUMBS: 'down', NPS: '0', comment: ' Fine. ', other: 'x' },
      questions,
    );
    assert.deepEqual(parsed, {
      ok: true,
      answers: [
        { code: 'STARS', value: 4 },
        { code: 'HELPFUL_THUMBS', value: 0 },
        { code: 'NPS', value: 0 },
      ],
      comment: 'Fine.',
      values: { choices: { stars: '4', HELPFUL_THUMBS: 'down', NPS: '0' }, comment: ' Fine. ' },
    });
    const up = parseForm({ stars: '5', HELPFUL_THUMBS: 'up', NPS: '10', comment: '   ' }, questions);
    assert.ok(up.ok);
    assert.deepEqual(up.answers, [
      { code: 'STARS', value: 5 },
      { code: 'HELPFUL_THUMBS', value: 1 },
      { code: 'NPS', value: 10 },
    ]);
    assert.equal(up.comment, null, 'a blank comment is no comment');
  });

  it('counts a CRLF line break as one character, as the textarea does', () => {
    const comment = 'a\r\n'.repeat(MAX_COMMENT_LENGTH / 2);
    const parsed = parseForm({ stars: '3', comment }, questions);
    assert.ok(parsed.ok);
    assert.equal(parsed.comment, 'a\n'.repeat(MAX_COMMENT_LENGTH / 2).trim());
  });

  it('accepts exactly the allowed options and nothing else', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.constantFrom('1', '5', '0', '6', ' 4', '4 ', '04', '+4', '4.0')),
        (stars) => {
          const parsed = parseForm({ stars }, questions);
          assert.equal(parsed.ok, ['1', '2', '3', '4', '5'].includes(stars), JSON.stringify(stars));
        },
      ),
    );
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom('up', 'down', 'Up', '1', '0')), (thumbs) => {
        const parsed = parseForm({ stars: '3', HELPFUL_THUMBS: thumbs }, questions);
        assert.equal(parsed.ok, ['up', 'down', ''].includes(thumbs), JSON.stringify(thumbs));
      }),
    );
  });

  it('names each problem, keeps the valid choices, and refuses a field sent twice', () => {
    const parsed = parseForm(
      { stars: ['4', '5'], HELPFUL_THUMBS: 'up', NPS: '11', comment: 'x'.repeat(MAX_COMMENT_LENGTH + 1) },
      questions,
    );
    assert.equal(parsed.ok, false);
    assert.deepEqual(parsed.errors, {
      stars: { kind: 'starsInvalid' },
      NPS: { kind: 'npsInvalid' },
      comment: { kind: 'commentTooLong', length: MAX_COMMENT_LENGTH + 1 },
    });
    assert.deepEqual(parsed.values.choices, { HELPFUL_THUMBS: 'up' });
    assert.deepEqual(parseForm({}, questions), {
      ok: false,
      errors: { stars: { kind: 'starsMissing' } },
      values: { choices: {}, comment: '' },
    });
  });

  it('asks for one answer when the survey has no stars question', () => {
    const optional = questions.slice(1);
    assert.deepEqual(parseForm({ comment: 'Hi' }, optional), {
      ok: false,
      errors: { HELPFUL_THUMBS: { kind: 'answerMissing' } },
      values: { choices: {}, comment: 'Hi' },
    });
    assert.ok(parseForm({ NPS: '7' }, optional).ok);
  });
});
