import { Type } from 'typebox';
import { Nullable } from '../../http/schemas.js';
import { AnalyticsFilterQuery } from './filters.js';

/** The request and response schemas of /v1/analytics/*. */

const Percent = Nullable(Type.Number({ description: 'Percent, 0-100; null without answers.' }));
const Rate = Nullable(
  Type.Number({ minimum: 0, maximum: 1, description: 'A share, 0-1; null without a denominator.' }),
);
const LowSample = Type.Boolean({ description: 'True when the figure rests on fewer than 30 answers.' });
const Count = Type.Integer({ minimum: 0 });
const Day = (description: string) => Type.String({ format: 'date', description });
const AgentType = Type.Union([Type.Literal('human'), Type.Literal('ai')]);

// Every analytics endpoint refuses a parameter it does not know, rather than answer as if it had not been sent.
const closed = { additionalProperties: false } as const;

export const FilterQuery = Type.Object(AnalyticsFilterQuery, closed);

export const TimeseriesQuery = Type.Object(
  {
    ...AnalyticsFilterQuery,
    interval: Type.Union([Type.Literal('day'), Type.Literal('week'), Type.Literal('month')], { default: 'day' }),
    metric: Type.Union(
      [
        Type.Literal('csat'),
        Type.Literal('nps'),
        Type.Literal('ces'),
        Type.Literal('thumbs'),
        Type.Literal('message_likes'),
      ],
      { default: 'csat' },
    ),
  },
  closed,
);

export const KnowledgeGapsQuery = Type.Object(
  { ...AnalyticsFilterQuery, limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 10 })) },
  closed,
);

const Csat = Type.Object({
  score: {
    ...Percent,
    description:
      "Share of 4-5 answers among answered CSAT and STARS questions and the organization's own stars and CSAT " +
      'questions, 0-100.',
  },
  responses: Count,
  offered: Count,
  response_rate: Rate,
  average: Nullable(Type.Number({ description: 'Mean answer, 1-5.' })),
  ci_low: { ...Percent, description: 'Lower bound of the 95% Wilson interval of `score`.' },
  ci_high: { ...Percent, description: 'Upper bound of the 95% Wilson interval of `score`.' },
  low_sample: LowSample,
});
const Nps = Type.Object({
  score: Nullable(Type.Number({ description: '% promoters (9-10) minus % detractors (0-6), -100 to 100.' })),
  responses: Count,
  promoters: Count,
  passives: Count,
  detractors: Count,
  low_sample: LowSample,
});
const Ces = Type.Object(
  {
    average: Nullable(
      Type.Number({ description: 'Mean answer, 1-7 (7: easiest), two decimals; null without answers.' }),
    ),
    responses: Count,
    low_sample: LowSample,
  },
  { description: "Customer effort: the answers to the organization's own CES questions." },
);
const Thumbs = Type.Object({ up: Count, down: Count, up_rate: Rate, low_sample: LowSample });
const Messages = Type.Object(
  { likes: Count, dislikes: Count, like_rate: Rate, low_sample: LowSample },
  {
    description:
      'Likes and dislikes of single messages. Message feedback answers no question: with `question_code` it is 0.',
  },
);

const SummaryFigures = {
  csat: Csat,
  nps: Nps,
  ces: Ces,
  thumbs: Type.Record(Type.String(), Thumbs, { description: 'Per thumbs question code.' }),
  messages: Messages,
};

export const Summary = Type.Object({
  from: Day('First day counted, in `tz`.'),
  to: Day('Last day counted, in `tz`.'),
  tz: Type.String(),
  ...SummaryFigures,
  previous: Type.Object(
    {
      from: Day('First day of the previous period, in `tz`.'),
      to: Day('Last day of the previous period: the day before `from`.'),
      ...SummaryFigures,
    },
    { description: 'The same figures over the period of the same length just before `from`, to compare with.' },
  ),
});

export const Point = Type.Object({
  period: Day('First day of the period, in `tz` (weeks start on Monday).'),
  from: Day("First day the point counts: the period's first day, or the range's `from` when that is later."),
  to: Day("Last day the point counts: the period's last day, or the range's `to` when that is earlier."),
  value: Nullable(
    Type.Number({
      description:
        'csat: % of 4-5 answers; nps: the NPS; ces: the mean effort answer, 1-7; thumbs: % thumbs up; ' +
        'message_likes: % likes. Null without answers.',
    }),
  ),
  responses: { ...Count, description: "This period's own answers (or likes and dislikes)." },
  partial: Type.Boolean({
    description:
      'True when the point does not cover its whole period: the period is not over yet (it holds today, or lies ' +
      'ahead), or the range cuts it (`from` after its first day, `to` before its last).',
  }),
  low_sample: LowSample,
});

export const Agent = Type.Object({
  agent_id: Type.String(),
  agent_type: Nullable(AgentType),
  agent_name: Nullable(
    Type.String({ description: "The agent's name in the agents directory (or its linked user's); null if unnamed." }),
  ),
  csat: Type.Object({ score: Percent, responses: Count, average: Nullable(Type.Number()), low_sample: LowSample }),
  nps: Type.Object({ score: Nullable(Type.Number()), responses: Count, low_sample: LowSample }),
  ces: Ces,
  thumbs: Thumbs,
  messages: Messages,
});

const FunnelFigures = {
  offered: { ...Count, description: 'Questions offered in the range.' },
  opened: { ...Count, description: 'Of those, seen: the rating page or popup was opened, or the question answered.' },
  answered: Count,
  expired: { ...Count, description: 'Left unanswered until their rating expired.' },
  cancelled: Count,
  open_rate: Rate,
  response_rate: Rate,
};

export const Funnel = Type.Object({
  ...FunnelFigures,
  previous: Type.Object(
    { from: Day('First day of the previous period.'), to: Day('Last day of the previous period.'), ...FunnelFigures },
    { description: 'The same funnel over the period of the same length just before `from`.' },
  ),
});

const GapMessage = Type.Object({
  message_uid: Type.String(),
  conversation_id: Type.Integer(),
  conversation_uid: Type.String(),
  text: Nullable(Type.String()),
  agent_id: Nullable(Type.String()),
  agent_type: { ...AgentType, description: '`ai` for an AI agent’s answer, `human` for a human agent’s.' },
  agent_name: Nullable(Type.String({ description: "The agent's name in the agents directory; null if unnamed." })),
  likes: Count,
  dislikes: Count,
  comments: Type.Array(Type.String(), { description: 'Up to five comments given in the range, newest first.' }),
  last_feedback_at: Type.String(),
});

const GapAnswer = Type.Object({
  code: Type.String(),
  kind: Type.Union([
    Type.Literal('stars'),
    Type.Literal('csat'),
    Type.Literal('nps'),
    Type.Literal('ces'),
    Type.Literal('thumbs'),
  ]),
  value: Type.Integer(),
  low: Type.Boolean({ description: 'Stars and CSAT 1-2, NPS 0-6, CES 1-3 or a thumbs down.' }),
  comment: Nullable(Type.String()),
  answered_at: Type.String(),
});

const GapRating = Type.Object({
  conversation_id: Type.Integer(),
  conversation_uid: Type.String(),
  rating_uid: Type.String(),
  agent_id: Nullable(Type.String()),
  agent_type: Nullable(AgentType),
  agent_name: Nullable(Type.String({ description: "The agent's name in the agents directory; null if unnamed." })),
  question_code: Type.String({ description: 'The latest low answer in the range (it is also in `questions`).' }),
  value: Type.Integer({ description: 'The value of that answer.' }),
  comment: Nullable(Type.String({ description: "The rating's comment, else that answer's." })),
  answered_at: Type.String({ description: 'When that answer was given.' }),
  questions: Type.Array(GapAnswer, { description: 'Every answered question of the rating, in its order.' }),
});

export const KnowledgeGaps = Type.Object({
  messages: Type.Array(GapMessage, { description: 'Agents’ answers by number of dislikes in the range.' }),
  conversations: Type.Array(GapRating, {
    description: 'Ratings with a low answer in the range, each once, the latest first.',
  }),
});

const Dimension = Type.Union([Type.Literal('prompt_version'), Type.Literal('model'), Type.Literal('tag')], {
  description: 'What the sides are: two prompt versions, two models or two tags.',
});
const CompareMetric = Type.Union([Type.Literal('message_likes'), Type.Literal('csat'), Type.Literal('thumbs')], {
  description:
    'message_likes: likes / (likes + dislikes) of messages; csat: share of 4-5 answers to the stars questions (CSAT, ' +
    'STARS); thumbs: thumbs up / all thumbs answers.',
});
const SideValue = (description: string, example: string) =>
  Type.String({ minLength: 1, maxLength: 200, description, examples: [example] });

export const CompareQuery = Type.Object(
  {
    ...AnalyticsFilterQuery,
    dimension: Dimension,
    a: SideValue('Side A: a value of `dimension`, such as `v13`.', 'v13'),
    b: SideValue('Side B, compared with A: the difference is A − B.', 'v12'),
    metric: { ...CompareMetric, default: 'message_likes' },
  },
  closed,
);

const ComparedSide = Type.Object({
  value: Type.String(),
  successes: { ...Count, description: 'Likes, 4-5 answers or thumbs up.' },
  total: { ...Count, description: 'Every answer the share is of: likes and dislikes, stars answers, thumbs answers.' },
  rate: { ...Percent, description: 'successes / total in percent.' },
  ci_low: { ...Percent, description: 'Lower bound of the 95% Wilson interval of `rate`.' },
  ci_high: { ...Percent, description: 'Upper bound of the 95% Wilson interval of `rate`.' },
  low_sample: LowSample,
});
const Points = (description: string) => Nullable(Type.Number({ description }));

export const Comparison = Type.Object({
  dimension: Dimension,
  metric: CompareMetric,
  from: Day('First day counted, in `tz`.'),
  to: Day('Last day counted, in `tz`.'),
  tz: Type.String(),
  a: ComparedSide,
  b: ComparedSide,
  difference: Points('`a.rate` − `b.rate` in percentage points; null when a side has no answers.'),
  ci_low: Points("Lower bound of the difference's 95% interval (Newcombe's hybrid score method), in points."),
  ci_high: Points("Upper bound of the difference's 95% interval, in points."),
  excludes_zero: Type.Boolean({ description: 'True when the interval lies wholly above or below zero.' }),
  low_sample: Type.Boolean({ description: 'True when either side rests on fewer than 30 answers.' }),
  verdict: Type.Union(
    [Type.Literal('a_higher'), Type.Literal('b_higher'), Type.Literal('no_clear_difference'), Type.Literal('no_data')],
    { description: 'a_higher / b_higher when the interval excludes zero; no_data when a side has no answers.' },
  ),
  sentence: Type.String({
    description: 'The comparison in words, for people.',
    examples: ['v13 is liked more: +6.2 points (95% CI +1.1 to +11.3), 412 vs 389 answers'],
  }),
});

export const VersionsQuery = Type.Object(
  {
    ...AnalyticsFilterQuery,
    dimension: { ...Dimension, description: 'Which labels to list: prompt versions, models or tags.' },
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  closed,
);

export const VersionValue = Type.Object({
  value: Type.String(),
  answers: Type.Object(
    { message_likes: Count, csat: Count, thumbs: Count },
    { description: 'The answers each metric of the comparison would count under this value.' },
  ),
});
