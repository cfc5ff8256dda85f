import { Type } from 'typebox';
import { Nullable } from '../../http/schemas.js';
import { MAX_FEEDBACK_COMMENT_LENGTH } from './feedback.service.js';

export const FeedbackRating = Type.Union([Type.Literal('like'), Type.Literal('dislike')]);

/** A submission: each field a value, `null` (clear it) or absent (keep it). Unknown fields are refused. */
export const FeedbackInput = Type.Object(
  {
    rating: Type.Optional(Nullable(FeedbackRating)),
    comment: Type.Optional(Nullable(Type.String({ maxLength: MAX_FEEDBACK_COMMENT_LENGTH }))),
  },
  { additionalProperties: false },
);
