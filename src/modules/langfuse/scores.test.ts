import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { feedbackScore, maskKey, ratingAnswerScore } from './scores.js';

describe('Langfuse scores', () => {
  const feedback = {
    messageUid: 'b5c1f3de-0000-4000-8000-000000000001',
    userId: 'u-1',
    comment: null,
    traceId: 't-1',
    spanId: 's-1',
  };

  it('scores feedback as BOOLEAN user_feedback on the span, one id per user and message', () => {
    const like = feedbackScore({ ...feedback, rating: 'like' })!;
    const dislike = feedbackScore({ ...feedback, rating: 'dislike', comment: 'Wrong' })!;
    assert.deepEqual(
      [like.name, like.value, like.dataType, like.observationId],
      ['user_feedback', 1, 'BOOLEAN', 's-1'],
    );
    assert.deepEqual([dislike.value, dislike.comment], [0, 'Wrong']);
    assert.equal(like.id, dislike.id);
    assert.notEqual(feedbackScore({ ...feedback, userId: 'u-2', rating: 'like' })!.id, like.id);
    assert.equal(like.comment, undefined);
    assert.equal(feedbackScore({ ...feedback, rating: null }), null);
    assert.equal(feedbackScore({ ...feedback, spanId: null, rating: 'like' })!.observationId, undefined);
  });

  it('scores rating answers by question code, thumbs BOOLEAN and the rest NUMERIC', () => {
    const base = { ratingUid: 'r-1', conversationUid: 'c-1', comment: null, traceId: 't-1' };
    const csat = ratingAnswerScore({ ...base, questionCode: 'CSAT', kind: 'stars', value: 4 });
    const thumbs = ratingAnswerScore({ ...base, questionCode: 'HELPFUL_THUMBS', kind: 'thumbs', value: 1 });
    assert.deepEqual(
      [csat.name, csat.dataType, csat.value, csat.id],
      ['csat', 'NUMERIC', 4, 'plaudit-rating-r-1-csat'],
    );
    assert.deepEqual([thumbs.name, thumbs.dataType], ['helpful_thumbs', 'BOOLEAN']);
    assert.equal(ratingAnswerScore({ ...base, questionCode: 'NPS', kind: 'nps', value: 9 }).dataType, 'NUMERIC');
  });

  it('masks keys to their start and last four characters', () => {
    assert.equal(maskKey('pk-lf-1234567890'), 'pk-lf-••••7890');
    assert.equal(maskKey('short'), '••••');
  });
});
