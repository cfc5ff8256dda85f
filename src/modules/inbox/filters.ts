import { sql, type Expression, type SqlBool } from 'kysely';
import { Type, type Static } from 'typebox';
import type { Database, Db } from '../../db/database.js';
import { AnalyticsFilterQuery, resolveFilters } from '../analytics/index.js';
import { conversationHasLabels, VersionQuery, type VersionFilter } from '../conversations/index.js';
import {
  activityConditions,
  ActivityQuery,
  hasActivity,
  resolveActivity,
  type ActivityFilters,
} from './inbox.activity.js';
import { MAX_SEARCH_TERMS, parseSearch, SearchIndex, type SearchTerm } from '../search/index.js';

const Flag = (description: string) => Type.Optional(Type.Boolean({ description }));

/**
 * The inbox's filters, as `GET /v1/inbox` takes them and the exports with `scope=conversations` too: which
 * conversations are shown. This file is the one definition of what each of them means.
 */
export const InboxFilterQuery = {
  rated: Flag('true: some rating of the conversation has an answer; false: none has.'),
  low_rating: Flag(
    'true: some answer is low — stars or CSAT 2 or less, NPS 6 or less, CES 3 or less, a thumbs down; false: no ' +
      'answer is.',
  ),
  has_comment: Flag('true: a rating or some message feedback carries a comment; false: none does.'),
  agent_id: Type.Optional({ ...AnalyticsFilterQuery.agent_id, description: "The conversation's agent (human or AI)." }),
  agent_type: AnalyticsFilterQuery.agent_type,
  channel: AnalyticsFilterQuery.channel,
  status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('closed')])),
  from: Type.Optional({ ...AnalyticsFilterQuery.from, description: 'First day the conversation began, in `tz`.' }),
  to: Type.Optional({ ...AnalyticsFilterQuery.to, description: 'Last day the conversation began, in `tz`.' }),
  tz: AnalyticsFilterQuery.tz,
  q: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 200,
      description:
        'Search the contact (name, email, external id), the messages, the ratings’ comments and the current ' +
        'message-feedback comments. Words are matched whole or by their beginning (`refu` finds “refunded”), ' +
        'ignoring case and accents, in any language; a "quoted phrase" matches those words in a row, whole; ' +
        'punctuation joins words into a phrase (`anna@example`, `ORD-1001`). Every term (at most ' +
        `${MAX_SEARCH_TERMS}) must be found in the conversation, each in one of its texts. A whole number also ` +
        'finds the conversation with that id, a UUID the one with that uid.',
    }),
  ),
  ...ActivityQuery,
  ...VersionQuery,
};
export const InboxFilterSchema = Type.Object(InboxFilterQuery);
export type InboxFilterInput = Static<typeof InboxFilterSchema>;

/** The inbox's filters, checked and resolved: days as UTC bounds, the search as terms. */
export interface ConversationFilter extends VersionFilter {
  rated?: boolean;
  lowRating?: boolean;
  hasComment?: boolean;
  agentId?: string;
  agentType?: 'human' | 'ai';
  channel?: string;
  status?: 'open' | 'closed';
  createdFrom?: string;
  createdTo?: string;
  /** The search's terms; a search without a single word has none, and matches no conversation. */
  search?: SearchTerm[];
  /** Answers or message feedback given on some days. */
  activity?: ActivityFilters;
}

/**
 * Checks the inbox's filters (400 on a bad day, range, time zone or search) and resolves them. The organization's
 * time zone is asked for only when days are given.
 */
export async function resolveConversationFilter(
  input: InboxFilterInput,
  organizationTimezone: () => Promise<string>,
): Promise<ConversationFilter> {
  let zone: Promise<string> | undefined;
  const timezone = () => (zone ??= organizationTimezone());
  const filter: ConversationFilter = {
    rated: input.rated,
    lowRating: input.low_rating,
    hasComment: input.has_comment,
    agentId: input.agent_id?.toLowerCase(),
    agentType: input.agent_type,
    channel: input.channel,
    status: input.status,
    model: input.model,
    promptVersion: input.prompt_version,
    tag: input.tag,
  };
  const q = input.q?.trim();
  if (q) filter.search = parseSearch(q);
  if (input.from || input.to || input.tz) {
    // Days are the organization's (or `tz`'s) days, as in analytics.
    const range = resolveFilters({ from: input.from, to: input.to, tz: input.tz }, await timezone());
    filter.createdFrom = range.fromUtc;
    filter.createdTo = range.toUtc;
  }
  if (hasActivity(input)) filter.activity = resolveActivity(input, input.tz ?? (await timezone()));
  return filter;
}

const one = sql<number>`1`.as('one');

/**
 * The filters as SQL conditions on a conversation aliased `c` in the caller's query: the inbox's list, its search and
 * every export. The caller binds the organization (`c.org_id`).
 */
export class ConversationConditions {
  private readonly db: Db;
  readonly search: SearchIndex;

  constructor(database: Database) {
    this.db = database.db;
    this.search = new SearchIndex(database);
  }

  /** Conditions on the conversation's own columns: what a walk of the `(org_id, created_at, id)` index can test. */
  fields(filter: ConversationFilter): Expression<SqlBool>[] {
    const conditions: Expression<SqlBool>[] = [];
    if (filter.status) conditions.push(sql`c.status = ${filter.status}`);
    if (filter.channel) conditions.push(sql`c.channel = ${filter.channel}`);
    if (filter.agentId) conditions.push(sql`c.agent_id = ${filter.agentId}`);
    if (filter.agentType) conditions.push(sql`c.agent_type = ${filter.agentType}`);
    if (filter.createdFrom) conditions.push(sql`c.created_at >= ${filter.createdFrom}`);
    if (filter.createdTo) conditions.push(sql`c.created_at < ${filter.createdTo}`);
    return conditions;
  }

  /** Conditions on what hangs off the conversation: its ratings and its message feedback. */
  related(filter: ConversationFilter): Expression<SqlBool>[] {
    const conversation = sql.ref<number>('c.id');
    const conditions: Expression<SqlBool>[] = conversationHasLabels(conversation, filter);
    if (filter.activity) conditions.push(...activityConditions(this.db, filter.activity));
    const either = (wanted: boolean, found: Expression<SqlBool>) => (wanted ? found : sql<SqlBool>`not ${found}`);
    if (filter.rated !== undefined) {
      const answered = this.db
        .selectFrom('ratings as r')
        .select(one)
        .where('r.conversation_id', '=', conversation)
        .where('r.status', 'in', ['partially_rated', 'rated']);
      conditions.push(either(filter.rated, sql<SqlBool>`exists ${answered}`));
    }
    if (filter.lowRating !== undefined) {
      const low = this.db
        .selectFrom('ratings as r')
        .innerJoin('rating_questions as q', 'q.rating_id', 'r.id')
        .select(one)
        .where('r.conversation_id', '=', conversation)
        .where('q.status', '=', 'Rated')
        .where((eb) =>
          eb.or([
            eb.and([eb('q.kind', 'in', ['stars', 'csat']), eb('q.value', '<=', 2)]),
            eb.and([eb('q.kind', '=', 'nps'), eb('q.value', '<=', 6)]),
            eb.and([eb('q.kind', '=', 'ces'), eb('q.value', '<=', 3)]),
            eb.and([eb('q.kind', '=', 'thumbs'), eb('q.value', '=', 0)]),
          ]),
        );
      conditions.push(either(filter.lowRating, sql<SqlBool>`exists ${low}`));
    }
    if (filter.hasComment !== undefined) {
      // One EXISTS over both: PostgreSQL turns two EXISTS joined by OR into hashed subplans reading whole tables.
      const commented = this.db
        .selectFrom('ratings as r')
        .select(one)
        .where('r.conversation_id', '=', conversation)
        .where('r.comment', 'is not', null)
        .where('r.comment', '!=', '')
        .unionAll(
          this.db
            .selectFrom('message_feedback_current as f')
            .select(one)
            .where('f.conversation_id', '=', conversation)
            .where('f.comment', 'is not', null)
            .where('f.comment', '!=', ''),
        );
      conditions.push(either(filter.hasComment, sql<SqlBool>`exists ${commented}`));
    }
    return conditions;
  }

  /** The search: one condition per term, each found in one of the conversation's texts. */
  terms(filter: ConversationFilter): Expression<SqlBool>[] {
    if (!filter.search) return [];
    // Without a word to look for, nothing is found.
    if (filter.search.length === 0) return [sql<SqlBool>`1 = 0`];
    const conversation = { id: sql.ref<number>('c.id'), uid: sql.ref<string>('c.uid') };
    return filter.search.map((term) => this.search.containsTerm(conversation, term));
  }

  /** Every condition of the filter. */
  all(filter: ConversationFilter): Expression<SqlBool>[] {
    return [...this.fields(filter), ...this.related(filter), ...this.terms(filter)];
  }
}
