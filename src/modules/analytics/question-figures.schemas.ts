import { Type, type Static } from 'typebox';
import { Nullable } from '../../http/schemas.js';
// The catalogue itself, not the module's index: that index reaches the HTTP layer, which reaches back here.
import { languages } from '../rating-config/locales/index.js';
import { AnalyticsFilterQuery } from './filters.js';
import { QuestionFilterCode } from './question-filter.js';

/** The request and response schemas of /v1/analytics/questions. */

const Count = Type.Integer({ minimum: 0 });
const Share = Nullable(Type.Number({ minimum: 0, maximum: 100, description: 'Percent, 0-100, two decimals.' }));
const LowSample = Type.Boolean({ description: 'True when the figure rests on fewer than 30 answers.' });
const AgentType = Nullable(Type.Union([Type.Literal('human'), Type.Literal('ai')]));

export const QuestionFiguresQuery = Type.Object(
  {
    ...AnalyticsFilterQuery,
    question_code: Type.Optional({
      ...QuestionFilterCode,
      description:
        'Only this question of the organization’s own (a built-in code lists none); a code the organization does ' +
        'not know is `unknown_question_code`.',
    }),
    language: Type.Optional(
      Type.Union(
        languages.map((language) => Type.Literal(language)),
        {
          description:
            'The language of the labels (`de`, `ar`…): each falls back to the organization’s default language, then ' +
            'English, then the first language it has.',
        },
      ),
    ),
  },
  { additionalProperties: false },
);
export type QuestionFiguresInput = Static<typeof QuestionFiguresQuery>;

const Item = Type.Object({
  id: Type.String({ description: 'The option’s or reason’s id, as exports and the API name it.' }),
  label: Type.String({
    description:
      'Its label in `language`, from the newest version of the question it was chosen in (or, chosen in none, the ' +
      'current version).',
  }),
  count: Count,
  share: Share,
});

const Value = Type.Object({ value: Type.Integer(), count: Count, share: Share });

const AgentReasons = Type.Object({
  agent_id: Type.String(),
  agent_type: AgentType,
  agent_name: Nullable(Type.String({ description: 'The directory’s name, else the linked user’s; null: unnamed.' })),
  chosen: { ...Count, description: 'Reasons chosen in this agent’s ratings (one answer may choose several).' },
  reasons: Type.Array(Item, { description: 'Every reason with its count and share of the reasons this agent got.' }),
});

const Reasons = Type.Object({
  chosen: { ...Count, description: 'Reasons chosen in all, the denominator of each share.' },
  answers: { ...Count, description: 'Answers that chose at least one reason.' },
  reasons: Type.Array(Item),
  agents: Type.Array(AgentReasons, { description: 'Per agent, by most reasons chosen.' }),
});

export const QuestionFigures = Type.Object({
  code: Type.String(),
  kind: Type.String({ description: '`stars`, `csat`, `nps`, `ces`, `thumbs`, `choice` or `text`.' }),
  label: Type.String({ description: 'The question in `language`, as its current version asks it.' }),
  archived: Type.Boolean(),
  versions: Type.Array(Type.Integer(), { description: 'The versions of the question the answers were given to.' }),
  responses: { ...Count, description: 'Answers given in the range.' },
  average: Nullable(
    Type.Number({ description: 'Mean answer (stars and CSAT 1-5, NPS 0-10, CES 1-7), two decimals; null otherwise.' }),
  ),
  low: Nullable(
    Type.Integer({
      minimum: 0,
      description: 'Low answers (stars and CSAT 1-2, NPS 0-6, CES 1-3, thumbs down); null for choice and text.',
    }),
  ),
  values: Type.Array(Value, {
    description: 'Each answer of the scale with its count and share of the answers; empty for choice and text.',
  }),
  options: Nullable(
    Type.Array(Item, {
      description:
        'Choice only: each option with how many answers chose it and their share of the answers (with `multiple` ' +
        'the shares may add up to more than 100).',
    }),
  ),
  reasons: { ...Nullable(Reasons), description: 'The follow-up reasons chosen; null for a question without reasons.' },
  low_sample: LowSample,
});
export type QuestionFiguresView = Static<typeof QuestionFigures>;

export const QuestionFiguresAnswer = Type.Object({
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  tz: Type.String(),
  language: Type.String(),
  data: Type.Array(QuestionFigures),
});
