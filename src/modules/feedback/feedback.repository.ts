import type { Expression, Insertable, SqlBool } from 'kysely';
import type { Db, Dialect } from '../../db/database.js';
import { preparedQuery } from '../../db/prepared.js';
import type { CreatedCursor } from '../../http/pagination.js';
import { agentNameSql, authorNameSql } from '../agents/index.js';
import type { SearchIndex } from '../search/index.js';
import type { MessageFeedbackTable } from './feedback.table.js';

export interface FeedbackFilters {
  rating?: 'like' | 'dislike' | 'none';
  hasComment?: boolean;
  agentType?: string;
  createdFrom?: string;
  createdTo?: string;
}

/** SQL for message feedback. Inserts and reads only: the log is never updated, except to blank comments. */
export class FeedbackRepository {
  private readonly db: Db;
  private readonly dialect: Dialect;

  constructor(
    db: Db,
    dialect: Dialect,
    private readonly search: SearchIndex,
  ) {
    this.db = db;
    this.dialect = dialect;
  }

  private readonly messageByUid = preparedQuery(
    () => this.db,
    (db, params: { uid: string }) =>
      db
        .selectFrom('messages as m')
        .innerJoin('conversations as c', 'c.id', 'm.conversation_id')
        .select([
          'm.id as message_id',
          'm.uid as message_uid',
          'm.org_id',
          'c.id as conversation_id',
          'c.uid as conversation_uid',
          'c.anonymized_at',
          'm.role',
          'm.author_id',
          'c.agent_id',
          'c.agent_type',
          'c.channel',
        ])
        .where('m.uid', '=', params.uid),
  );

  /** A message with its conversation, by UUID, whichever organization it belongs to (the caller checks). */
  async findMessage(uid: string) {
    return (await this.messageByUid({ uid }))[0];
  }

  private readonly conversationByUid = preparedQuery(
    () => this.db,
    (db, params: { uid: string }) =>
      db.selectFrom('conversations').select(['id', 'uid', 'org_id']).where('uid', '=', params.uid),
  );

  /** A conversation by UUID, whichever organization it belongs to (the caller checks). */
  async findConversation(uid: string) {
    return (await this.conversationByUid({ uid }))[0];
  }

  private readonly lockOne = preparedQuery(
    () => this.db,
    (db, params: { messageId: number }) =>
      db.selectFrom('messages').select('id').where('id', '=', params.messageId).forUpdate(),
  );

  /**
   * Locks the message row on PostgreSQL, so that concurrent submissions on it carry forward one after another. SQLite's
   * one writer already holds the lock (every transaction begins IMMEDIATE): nothing is built or run there.
   */
  async lockMessage(db: Db, messageId: number): Promise<void> {
    if (this.dialect === 'postgres') await this.lockOne({ messageId }, db);
  }

  private readonly current = preparedQuery(
    () => this.db,
    (db, params: { messageId: number; userId: string }) =>
      db
        .selectFrom('message_feedback_current')
        .select(['rating', 'comment', 'created_at'])
        .where('message_id', '=', params.messageId)
        .where('user_id', '=', params.userId),
  );

  /** The author's current feedback on a message: the latest record of the pair, by primary key. */
  async currentOf(db: Db, messageId: number, userId: string) {
    return (await this.current({ messageId, userId }, db))[0];
  }

  private readonly insertOne = preparedQuery(
    () => this.db,
    (db, row: Insertable<MessageFeedbackTable>) =>
      db.insertInto('message_feedback').values({
        uid: row.uid,
        org_id: row.org_id,
        conversation_id: row.conversation_id,
        message_id: row.message_id,
        user_id: row.user_id,
        rating: row.rating,
        comment: row.comment,
        created_at: row.created_at,
      }),
  );

  private readonly upsertCurrent = preparedQuery(
    () => this.db,
    (db, row: Insertable<MessageFeedbackTable>) =>
      db
        .insertInto('message_feedback_current')
        .values({
          message_id: row.message_id,
          user_id: row.user_id,
          org_id: row.org_id,
          conversation_id: row.conversation_id,
          feedback_uid: row.uid,
          rating: row.rating,
          comment: row.comment,
          created_at: row.created_at,
        })
        .onConflict((oc) =>
          oc.columns(['message_id', 'user_id']).doUpdateSet((eb) => ({
            feedback_uid: eb.ref('excluded.feedback_uid'),
            rating: eb.ref('excluded.rating'),
            comment: eb.ref('excluded.comment'),
            created_at: eb.ref('excluded.created_at'),
          })),
        ),
  );

  /**
   * Appends a record to the log and makes it its author's current feedback on the message. When a comment comes or
   * goes (`previousComment` is the author's current one), the message's search document takes every author's current
   * comments, in the same transaction.
   */
  async append(db: Db, row: Insertable<MessageFeedbackTable>, previousComment: string | null): Promise<void> {
    await this.insertOne(row, db);
    await this.upsertCurrent(row, db);
    if ((row.comment ?? null) === previousComment) return;
    const current = await db
      .selectFrom('message_feedback_current')
      .select('comment')
      .where('message_id', '=', row.message_id)
      .where('comment', 'is not', null)
      .execute();
    await this.search.saveFeedbackComments(db, {
      orgId: row.org_id,
      conversationId: row.conversation_id,
      messageId: row.message_id,
      comments: current.map((feedback) => feedback.comment),
    });
  }

  /** Every record on a message, every author, in insertion order. */
  history(messageId: number) {
    return this.db
      .selectFrom('message_feedback as f')
      .select(['f.uid', 'f.user_id', 'f.rating', 'f.comment', 'f.created_at'])
      .select(authorNameSql('f.org_id', 'f.user_id', 'f.conversation_id').as('author_name'))
      .where('f.message_id', '=', messageId)
      .orderBy('f.id')
      .execute();
  }

  private readonly currentOfConversation = preparedQuery(
    () => this.db,
    (db, params: { conversationId: number }) =>
      db
        .selectFrom('message_feedback_current')
        .select(['feedback_uid as uid', 'message_id', 'user_id', 'rating', 'comment', 'created_at'])
        .where('conversation_id', '=', params.conversationId),
  );

  /** The current feedback of every author on every message of a conversation. */
  currentByConversation(conversationId: number) {
    return this.currentOfConversation({ conversationId });
  }

  /** Recent records across the organization, newest first, with their message and conversation. */
  list(orgId: number, filters: FeedbackFilters, limit: number, after?: CreatedCursor) {
    let query = this.db
      .selectFrom('message_feedback as f')
      .innerJoin('messages as m', 'm.id', 'f.message_id')
      .innerJoin('conversations as c', 'c.id', 'f.conversation_id')
      .select([
        'f.id',
        'f.uid',
        'f.user_id',
        'f.rating',
        'f.comment',
        'f.created_at',
        'm.uid as message_uid',
        'm.role as message_role',
        'm.text as message_text',
        'c.id as conversation_id',
        'c.uid as conversation_uid',
        'c.agent_id',
        'c.agent_type',
        'c.channel',
      ])
      .select([
        authorNameSql('f.org_id', 'f.user_id', 'f.conversation_id').as('author_name'),
        agentNameSql('c.org_id', 'c.agent_id').as('agent_name'),
      ])
      .where('f.org_id', '=', orgId);
    if (filters.rating === 'none') query = query.where('f.rating', 'is', null);
    else if (filters.rating) query = query.where('f.rating', '=', filters.rating);
    if (filters.hasComment !== undefined) {
      query = filters.hasComment
        ? query.where('f.comment', 'is not', null).where('f.comment', '!=', '')
        : query.where((eb) => eb.or([eb('f.comment', 'is', null), eb('f.comment', '=', '')]));
    }
    if (filters.agentType) query = query.where('c.agent_type', '=', filters.agentType as 'human' | 'ai');
    if (filters.createdFrom) query = query.where('f.created_at', '>=', filters.createdFrom);
    if (filters.createdTo) query = query.where('f.created_at', '<', filters.createdTo);
    if (after) {
      query = query.where((eb): Expression<SqlBool> =>
        eb.or([
          eb('f.created_at', '<', after.createdAt),
          eb.and([eb('f.created_at', '=', after.createdAt), eb('f.id', '<', after.id)]),
        ]),
      );
    }
    return query.orderBy('f.created_at', 'desc').orderBy('f.id', 'desc').limit(limit).execute();
  }

  /** Blanks the comments of a conversation's feedback, the log's and the current ones (anonymization); ratings stay. */
  async blankComments(db: Db, conversationId: number): Promise<void> {
    for (const table of ['message_feedback', 'message_feedback_current'] as const) {
      await db.updateTable(table).set({ comment: null }).where('conversation_id', '=', conversationId).execute();
    }
  }
}
