import { Type, type Static } from 'typebox';
import { AnalyticsFilterQuery } from '../analytics/index.js';
import { InboxFilterQuery } from '../inbox/index.js';

/** Which rows an export's filters select; see docs/exports.md. */
export const ExportScope = Type.Union([Type.Literal('records'), Type.Literal('conversations')], {
  description:
    '`records` (the default): `from`/`to`, `agent_id`, `agent_type` and `channel` select each row by its own time ' +
    'and agent, as analytics counts it. `conversations`: they select conversations exactly as `GET /v1/inbox` does ' +
    "(the inbox's export menu sends this), and each export holds those conversations' rows.",
});

/**
 * The filters of every export: the analytics filters, the inbox's filters of conversations (`q`, `rated`,
 * `low_rating`, `has_comment`, `status` and the activity filters `answered_*` and `feedback_*`, with the inbox's
 * meaning and code), and the scope that says which of the two
 * meanings the shared ones take.
 */
export const ExportQuery = Type.Object(
  {
    scope: Type.Optional(ExportScope),
    ...AnalyticsFilterQuery,
    q: InboxFilterQuery.q,
    rated: InboxFilterQuery.rated,
    low_rating: InboxFilterQuery.low_rating,
    has_comment: InboxFilterQuery.has_comment,
    status: InboxFilterQuery.status,
    answered_from: InboxFilterQuery.answered_from,
    answered_to: InboxFilterQuery.answered_to,
    answered_kind: InboxFilterQuery.answered_kind,
    answered_question: InboxFilterQuery.answered_question,
    feedback_from: InboxFilterQuery.feedback_from,
    feedback_to: InboxFilterQuery.feedback_to,
  },
  { additionalProperties: false },
);
export type ExportQuery = Static<typeof ExportQuery>;
