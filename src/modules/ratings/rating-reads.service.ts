import { nowIso, recordRef, toStoredTimestamp } from '../../db/values.js';
import { decodeCursor, splitPage } from '../../http/pagination.js';
import { checkQuestionFilter } from '../analytics/index.js';
import type { ConversationsService } from '../conversations/index.js';
import { ratingNotFound, type RatingRecords } from './rating-records.service.js';
import type { RatingFilters } from './ratings.repository.js';
import type { ListRatingsQuery, Rating } from './ratings.types.js';

/** Reading ratings: one, a conversation's, and filtered lists by cursor or by page number. */
export class RatingReads {
  constructor(
    private readonly records: RatingRecords,
    private readonly conversations: ConversationsService,
  ) {}

  async getRating(orgId: number, ratingIdOrUid: string): Promise<Rating> {
    const ref = recordRef(ratingIdOrUid);
    const rating = ref && (await this.records.load(this.records.database.db, orgId, ref));
    if (!rating) throw ratingNotFound(ratingIdOrUid);
    return rating;
  }

  /** The ratings of one conversation, oldest first. */
  async conversationRatings(orgId: number, conversationIdOrUid: string): Promise<Rating[]> {
    const conversation = await this.conversations.findConversation(orgId, conversationIdOrUid);
    const rows = await this.records.repository.listRatings(orgId, { conversationId: conversation.id }, 1000);
    return (await this.records.withQuestions(rows)).reverse();
  }

  /** Newest first with a keyset cursor, filtered. */
  async listRatings(orgId: number, query: ListRatingsQuery): Promise<{ data: Rating[]; next_cursor: string | null }> {
    const limit = query.limit ?? 50;
    await checkQuestionFilter(this.records.database.db, orgId, query.question_code);
    const rows = await this.records.repository.listRatings(
      orgId,
      this.filtersOf(query),
      limit + 1,
      query.cursor ? decodeCursor(query.cursor) : undefined,
    );
    const { page, next_cursor } = splitPage(rows, limit);
    return { data: await this.records.withQuestions(page), next_cursor };
  }

  /** Newest first by page number, for surfaces that paginate by offset. */
  async pageOfRatings(orgId: number, input: { onlyRated: boolean; page: number; perPage: number }) {
    const { repository } = this.records;
    const filters: RatingFilters = input.onlyRated ? { statuses: ['partially_rated', 'rated'] } : {};
    const [total, rows] = await Promise.all([
      repository.countRatings(orgId, filters),
      repository.pageOfRatings(orgId, filters, (input.page - 1) * input.perPage, input.perPage),
    ]);
    return { total, data: await this.records.withQuestions(rows) };
  }

  private filtersOf(query: ListRatingsQuery): RatingFilters {
    const now = nowIso();
    const filters: RatingFilters = {
      conversationId: query.conversation_id,
      questionCode: query.question_code,
      kind: query.kind,
      scoreMin: query.score_min,
      scoreMax: query.score_max,
      agentId: query.agent_id?.toLowerCase(),
      hasComment: query.has_comment,
      createdFrom: query.created_from && toStoredTimestamp(query.created_from),
      createdTo: query.created_to && toStoredTimestamp(query.created_to),
    };
    switch (query.status) {
      case undefined:
        break;
      case 'expired':
        filters.statuses = ['offered', 'partially_rated'];
        filters.expired = { now, is: true };
        break;
      case 'offered':
      case 'partially_rated':
        filters.statuses = [query.status];
        filters.expired = { now, is: false };
        break;
      default:
        filters.statuses = [query.status];
    }
    return filters;
  }
}
