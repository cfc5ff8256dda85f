import type { Database } from '../../db/database.js';
import { nowIso } from '../../db/values.js';
import { decodeCursor, splitPage } from '../../http/pagination.js';
import { resolveFilters } from '../analytics/index.js';
import { hasActivity, resolveActivity } from './inbox.activity.js';
import { InboxRepository, type InboxFilters } from './inbox.repository.js';
import { LAST_MESSAGE_PREVIEW, type InboxItem, type InboxQuery, type InboxRating } from './inbox.schemas.js';

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

  constructor(database: Database) {
    this.repository = new InboxRepository(database.db, database.dialect);
  }

  /** One page of the inbox: a list query, then four batched queries for the page's rows, however long the page. */
  async listInbox(orgId: number, query: InboxQuery): Promise<{ data: InboxItem[]; next_cursor: string | null }> {
    const limit = query.limit ?? 25;
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    const filters: InboxFilters = {
      rated: query.rated,
      lowRating: query.low_rating,
      hasComment: query.has_comment,
      agentId: query.agent_id?.toLowerCase(),
      agentType: query.agent_type,
      channel: query.channel,
      status: query.status,
      search: query.q?.trim() || undefined,
    };
    if (query.from || query.to || query.tz) {
      // Days are the organization's (or `tz`'s) days, as in analytics.
      const range = resolveFilters(
        { from: query.from, to: query.to, tz: query.tz },
        await this.repository.organizationTimezone(orgId),
      );
      filters.createdFrom = range.fromUtc;
      filters.createdTo = range.toUtc;
    }
    if (hasActivity(query)) {
      filters.activity = resolveActivity(query, query.tz ?? (await this.repository.organizationTimezone(orgId)));
    }

    const rows = await this.repository.listConversations(orgId, filters, limit + 1, after);
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
}
