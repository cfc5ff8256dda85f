import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { nextFeedback, type FeedbackState, type FeedbackSubmission } from './matrix.js';

const current: FeedbackState = { rating: 'dislike', comment: 'old comment' };

describe('the feedback behaviour matrix', () => {
  const rows: Array<[string, FeedbackSubmission, FeedbackState | null]> = [
    [
      'like, comment omitted: save rating, carry the comment',
      { rating: 'like' },
      { rating: 'like', comment: 'old comment' },
    ],
    ['dislike, "text": save both', { rating: 'dislike', comment: 'text' }, { rating: 'dislike', comment: 'text' }],
    ['like, null: save rating, clear comment', { rating: 'like', comment: null }, { rating: 'like', comment: null }],
    ['null, "text": clear rating, save comment', { rating: null, comment: 'text' }, { rating: null, comment: 'text' }],
    ['omitted, "text": keep rating, save comment', { comment: 'text' }, { rating: 'dislike', comment: 'text' }],
    ['null, null: no-op', { rating: null, comment: null }, null],
    ['omitted, omitted: no-op', {}, null],
    ['null, omitted: clear rating, carry the comment', { rating: null }, { rating: null, comment: 'old comment' }],
    ['omitted, null: keep rating, clear comment', { comment: null }, { rating: 'dislike', comment: null }],
  ];
  for (const [row, submission, expected] of rows) {
    it(row, () => assert.deepEqual(nextFeedback(current, submission), expected));
  }

  it('carries nothing forward when there is no earlier record', () => {
    assert.deepEqual(nextFeedback(undefined, { rating: 'like' }), { rating: 'like', comment: null });
    assert.deepEqual(nextFeedback(undefined, { comment: 'x' }), { rating: null, comment: 'x' });
  });

  it('keeps what is sent and carries exactly what is omitted, for any state and submission', () => {
    const rating = fc.constantFrom('like' as const, 'dislike' as const, null);
    const comment = fc.option(fc.string(), { nil: null });
    fc.assert(
      fc.property(
        fc.option(fc.record({ rating, comment }), { nil: undefined }),
        fc.record({ rating, comment }, { requiredKeys: [] }),
        (state, submission) => {
          const next = nextFeedback(state, submission);
          const noOp =
            (submission.rating === undefined && submission.comment === undefined) ||
            (submission.rating === null && submission.comment === null);
          if (noOp) return assert.equal(next, null);
          assert.ok(next);
          assert.equal(next.rating, submission.rating === undefined ? (state?.rating ?? null) : submission.rating);
          assert.equal(next.comment, submission.comment === undefined ? (state?.comment ?? null) : submission.comment);
        },
      ),
    );
  });
});
