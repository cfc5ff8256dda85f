import type { Database, Db } from '../../db/database.js';
import { checkQuestionFilter } from '../analytics/index.js';
import { nowIso } from '../../db/values.js';
import { decodeCursor, splitPage, type CreatedCursor } from '../../http/pagination.js';
import type { SearchIndex, SearchTerm } from '../search/index.js';
import { ConversationConditions, resolveConversationFilter, type ConversationFilter } from './filters.js';
import { InboxRepository, type ListedRow } from './inbox.repository.js';
import { LAST_MESSAGE_PREVIEW, type InboxItem, type InboxQuery, type InboxRating } from './inbox.schemas.js';

/**
 * How many of the newest conversations a search reads first. They are the first part of its answer, and a sample: a
 * term that many of them hold fills the page among them or soon after, where the search index would have to list all
 * of its matches to find the newest; a term that few of them hold is asked of the index.
 */
export const SEARCH_WALK = 200;
/** A term held by at most this many of the sample is rare enough to be read from the search index. */
export const SEARCH_SAMPLE_HITS = 5;
/** Rows the index may name for a term before the term counts as too common to be read from it after all. */
export const SEARCH_INDEX_LIMIT = 4000;

/** Among terms as rare in the sample, the one likely to match least first: quoted, longest phrase, longest word. */
function weight(term: SearchTerm): number {
  return (term.prefix ? 0 : 1_000_000) + term.words.length * 1000 + Array.from(term.words.at(-1)!).length;
}

export interface InboxOptions {
  /** SEARCH_WALK, for tests that take each way a search can go. */
  searchWalk?: number;
  /** SEARCH_INDEX_LIMIT, likewise. */
  searchIndexLimit?: number;
}

type RatingRow = Awaited<ReturnType<InboxRepository['latestRatings']>>[number];
type QuestionRow = Awaited<ReturnType<InboxRepository['answeredQuestions']>>[number];

/** The rating as the inbox shows it: its state and the answers that matter at a glance. */
function toInboxRating(row: RatingRow, answers: QuestionRow[], now: string): InboxRating {
  const open = row.status === 'offered' || row.status === 'partially_rated';
  const stars = answers.find((answer) => answer.kind === 'stars');
  const nps = answers.find((answer) => answer.kind === 'nps');
  const thumbs: InboxRating['thumbs'] = {};
  for (const answer of answers) {
    if (answer.kind === 'thumbs' && (answer.code === 'HELPFUL_THUMBS' || answer.code === 'EXPERIENCE_THUMBS')) {
      thumbs[answer.code] = Number(answer.value) === 1 ? 'up' : 'down';
    }
  }
  return {
    uid: row.uid,
    status: open && row.expires_at !== null && row.expires_at <= now ? 'expired' : row.status,
    source: row.source,
    stars: stars?.value == null ? null : Number(stars.value),
    nps: nps?.value == null ? null : Number(nps.value),
    thumbs,
    comment: row.comment,
    offered_at: row.offered_at,
    submitted_at: row.submitted_at,
  };
}

/** The dashboard's inbox: conversations newest first, each with its latest rating and its message feedback. */
export class InboxService {
  private readonly repository: InboxRepository;
  private readonly search: SearchIndex;
  private readonly searchWalk: number;
  private readonly searchIndexLimit: number;
  private readonly db: Db;

  constructor(database: Database, options: InboxOptions = {}) {
    this.db = database.db;
    const conditions = new ConversationConditions(database);
    this.search = conditions.search;
    this.repository = new InboxRepository(database.db, database.dialect, conditions);
    this.searchWalk = options.searchWalk ?? SEARCH_WALK;
    this.searchIndexLimit = options.searchIndexLimit ?? SEARCH_INDEX_LIMIT;
  }

  /** One page of the inbox: a list query, then four batched queries for the page's rows, however long the page. */
  async listInbox(orgId: number, query: InboxQuery): Promise<{ data: InboxItem[]; next_cursor: string | null }> {
    const limit = query.limit ?? 25;
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    await checkQuestionFilter(this.db, orgId, query.answered_question, 'answered_question');
    const filter = await resolveConversationFilter(query, () => this.repository.organizationTimezone(orgId));
    const rows = await this.listConversations(orgId, filter, limit + 1, after);
    const { page, next_cursor } = splitPage(rows, limit);
    const ids = page.map((row) => Number(row.id));
    const [messages, ratings, feedback] = await Promise.all([
      this.repository.lastMessages(orgId, ids, LAST_MESSAGE_PREVIEW),
      this.repository.latestRatings(orgId, ids),
      this.repository.feedbackCounts(orgId, ids),
    ]);
    const questions = await this.repository.answeredQuestions(
      orgId,
      ratings.map((rating) => Number(rating.id)),
    );

    const messageOf = new Map(messages.map((row) => [Number(row.conversation_id), row]));
    const ratingOf = new Map(ratings.map((row) => [Number(row.conversation_id), row]));
    const feedbackOf = new Map(feedback.map((row) => [Number(row.conversation_id), row]));
    const answersOf = new Map<number, QuestionRow[]>();
    for (const question of questions) {
      const id = Number(question.rating_id);
      answersOf.set(id, [...(answersOf.get(id) ?? []), question]);
    }
    const now = nowIso();

    const data = page.map((row): InboxItem => {
      const id = Number(row.id);
      const message = messageOf.get(id);
      const rating = ratingOf.get(id);
      const counts = feedbackOf.get(id);
      return {
        id,
        uid: row.uid,
        external_id: row.external_id,
        channel: row.channel,
        status: row.status,
        contact_name: row.contact_name,
        contact_email: row.contact_email,
        agent_id: row.agent_id,
        agent_type: row.agent_type,
        agent_name: row.agent_name,
        created_at: row.created_at,
        closed_at: row.closed_at,
        anonymized_at: row.anonymized_at,
        message_count: message ? Number(message.message_count) : 0,
        last_message: message ? { role: message.role, text: message.text } : null,
        rating: rating ? toInboxRating(rating, answersOf.get(Number(rating.id)) ?? [], now) : null,
        feedback: {
          likes: Number(counts?.likes ?? 0),
          dislikes: Number(counts?.dislikes ?? 0),
          comments: Number(counts?.comments ?? 0),
        },
      };
    });
    return { data, next_cursor };
  }

  /**
   * The first `limit` conversations the filter keeps after `after`. A search reads the newest SEARCH_WALK
   * conversations first; if they do not fill the page, the index is asked for the conversations holding the term the
   * fewest of them held, when few did, and those are read; otherwise every conversation is read on. Each way applies
   * every condition, so all of them find exactly the same rows.
   */
  private async listConversations(
    orgId: number,
    filter: ConversationFilter,
    limit: number,
    after: CreatedCursor | undefined,
  ): Promise<ListedRow[]> {
    const terms = filter.search;
    if (!terms || terms.length === 0) return this.repository.listConversations(orgId, filter, limit, { after });
    const sample = await this.repository.sample(orgId, filter, this.searchWalk, after);
    const kept = sample
      .filter((row) => row.related && row.terms.every(Boolean))
      .map((row) => row.conversation)
      .slice(0, limit);
    if (sample.length < this.searchWalk || kept.length >= limit) return kept;
    const last = sample.at(-1)!.conversation;
    const rest = async (among?: number[]) =>
      among?.length === 0
        ? []
        : this.repository.listConversations(orgId, filter, limit - kept.length, {
            after: { createdAt: last.created_at, id: Number(last.id) },
            among,
          });
    const hits = terms.map((_, i) => sample.filter((row) => row.terms[i]).length);
    const rarest = terms
      .map((term, i) => ({ term, hits: hits[i]! }))
      .sort((a, b) => a.hits - b.hits || weight(b.term) - weight(a.term))[0]!;
    if (rarest.hits <= SEARCH_SAMPLE_HITS) {
      const among = await this.search.conversationsWithTerm(orgId, rarest.term, this.searchIndexLimit);
      if (among) {
        if (rarest.term.conversationId !== undefined) among.push(rarest.term.conversationId);
        if (rarest.term.conversationUid !== undefined) {
          const id = await this.repository.conversationIdByUid(orgId, rarest.term.conversationUid);
          if (id !== undefined) among.push(id);
        }
        return [...kept, ...(await rest(among))];
      }
    }
    return [...kept, ...(await rest())];
  }
}
