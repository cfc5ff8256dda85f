import { Type, type Static } from 'typebox';
import { DateTime, Nullable } from '../../http/schemas.js';
import { LanguageSchema } from './rating-texts.schemas.js';

export { LanguageSchema };

export const QuestionCodeSchema = Type.Union(
  [
    Type.Literal('HELPFUL_THUMBS'),
    Type.Literal('EXPERIENCE_THUMBS'),
    Type.Literal('CSAT'),
    Type.Literal('STARS'),
    Type.Literal('NPS'),
  ],
  { description: 'HELPFUL_THUMBS and EXPERIENCE_THUMBS: thumbs; CSAT and STARS: 1-5; NPS: 0-10.' },
);
/** A built-in code or one of the organization's own questions (`GET /v1/questions`). */
export const AnyQuestionCodeSchema = Type.String({
  minLength: 2,
  maxLength: 64,
  description:
    'A built-in code (HELPFUL_THUMBS and EXPERIENCE_THUMBS: thumbs; CSAT and STARS: 1-5; NPS: 0-10) or one of the ' +
    "organization's own active questions (`GET /v1/questions`).",
});
export const RedirectPolicySchema = Type.Union(
  [Type.Literal('high_ratings'), Type.Literal('everyone'), Type.Literal('off')],
  {
    description:
      '`high_ratings`: raters at or above `redirect_min_stars` are sent to the review link; `everyone`: every rater is ' +
      'offered the review link (what public review sites require); `off`: never.',
  },
);

const Url = Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2000 });
const Colour = Type.String({ pattern: '^#(?:[0-9a-fA-F]{3}){1,2}$', description: 'A CSS hex colour, e.g. `#0f766e`.' });

export const RatingSettings = Type.Object({
  conv_rating_active: Type.Boolean({ description: 'Collect ratings at the end of conversations (the popup).' }),
  conv_rating_popup_active: Type.Boolean({ description: 'Show the popup; always equal to `conv_rating_active`.' }),
  conv_rating_question_codes: Type.Array(AnyQuestionCodeSchema, { description: 'The popup questions, in order.' }),
  invite_message: Nullable(
    Type.String({
      description: 'Template of the invite text; `{link}` stands for the link. Null: a default in the page language.',
    }),
  ),
  invite_message_default: Type.String({
    description:
      "What invites say while `invite_message` is null, in the page language (read-only): the organization's own " +
      '`invite_message` text of that language (Settings → Texts) when it has one, else `invite_message_builtin`.',
  }),
  invite_message_builtin: Type.String({ description: "Plaudit's own invite text in the page language (read-only)." }),
  review_link: Nullable(Type.String({ description: 'The public review page raters are sent to.' })),
  redirect_policy: RedirectPolicySchema,
  redirect_min_stars: Type.Integer({ minimum: 1, maximum: 5 }),
  invite_expiry_hours: Type.Integer({ minimum: 1, maximum: 720 }),
  language: Nullable(LanguageSchema),
  brand_name: Nullable(Type.String({ description: "Shown on the rating page; null: the organization's name." })),
  logo_url: Nullable(Type.String()),
  primary_color: Nullable(Type.String()),
  updated_at: Nullable(DateTime),
});
export type RatingSettings = Static<typeof RatingSettings>;
/** The settings as stored: without the invite texts derived from the language and the organization's texts. */
export type StoredSettings = Omit<RatingSettings, 'invite_message_default' | 'invite_message_builtin'>;

export const RatingSettingsPatch = Type.Object(
  {
    conv_rating_active: Type.Optional(Type.Boolean()),
    conv_rating_popup_active: Type.Optional(Type.Boolean()),
    conv_rating_question_codes: Type.Optional(
      Type.Array(Type.String({ maxLength: 64 }), { maxItems: 10, uniqueItems: true }),
    ),
    invite_message: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 1000 }))),
    review_link: Type.Optional(Nullable(Url)),
    redirect_policy: Type.Optional(RedirectPolicySchema),
    redirect_min_stars: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
    invite_expiry_hours: Type.Optional(Type.Integer({ minimum: 1, maximum: 720 })),
    language: Type.Optional(Nullable(LanguageSchema)),
    brand_name: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 100 }))),
    logo_url: Type.Optional(Nullable(Url)),
    primary_color: Type.Optional(Nullable(Colour)),
  },
  { additionalProperties: false },
);
export type RatingSettingsPatch = Static<typeof RatingSettingsPatch>;
