import { Type, type Static } from 'typebox';

/** Longest text an override may hold. */
export const MAX_TEXT_LENGTH = 1000;

// Written out, so that the static type is the union of the codes; a test checks it lists exactly `languages`.
export const LanguageSchema = Type.Union(
  [
    Type.Literal('en'),
    Type.Literal('de'),
    Type.Literal('fr'),
    Type.Literal('es'),
    Type.Literal('it'),
    Type.Literal('pt'),
    Type.Literal('nl'),
    Type.Literal('da'),
    Type.Literal('sv'),
    Type.Literal('nb'),
    Type.Literal('fi'),
    Type.Literal('pl'),
    Type.Literal('ja'),
    Type.Literal('ar'),
  ],
  { description: 'A language of the rating page, the widget, the invite message and the thank-you page.' },
);

const LanguageFields = {
  language: LanguageSchema,
  name: Type.String({ description: 'The language in its own words, e.g. `Deutsch`.' }),
  english_name: Type.String({ description: 'The language in English, e.g. `German`.' }),
  dir: Type.Union([Type.Literal('ltr'), Type.Literal('rtl')], { description: 'The direction it is written in.' }),
};

export const TextLanguage = Type.Object({
  ...LanguageFields,
  override_count: Type.Integer({ description: 'How many of its texts the organization overrides.' }),
});
export type TextLanguage = Static<typeof TextLanguage>;

export const TextGroupSchema = Type.Union(
  [
    Type.Literal('rating_page'),
    Type.Literal('thank_you_page'),
    Type.Literal('closed_pages'),
    Type.Literal('widget'),
    Type.Literal('invite'),
  ],
  { description: 'Where the text shows.' },
);

export const TextEntry = Type.Object({
  key: Type.String(),
  group: TextGroupSchema,
  default: Type.String({ description: "The text Plaudit says in this language when it isn't overridden." }),
  override: Type.Union([Type.String(), Type.Null()], { description: "The organization's text; null: the default." }),
  placeholders: Type.Array(Type.String(), {
    description: 'The placeholders the text may use, such as `{brand}` (without braces).',
  }),
});
export type TextEntry = Static<typeof TextEntry>;

export const LanguageTexts = Type.Object({ ...LanguageFields, texts: Type.Array(TextEntry) });
export type LanguageTexts = Static<typeof LanguageTexts>;

export const TextsPatch = Type.Object(
  {
    texts: Type.Record(Type.String({ maxLength: 64 }), Type.String({ maxLength: MAX_TEXT_LENGTH }), {
      maxProperties: 200,
      description:
        'Keys to change, each with its new text; an empty text removes the override, so the default shows again. ' +
        'Keys not named stay as they are.',
    }),
  },
  { additionalProperties: false },
);
export type TextsPatch = Static<typeof TextsPatch>;
