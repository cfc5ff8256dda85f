import { sql, type Expression, type SqlBool } from 'kysely';
import type { Database, Db } from '../../db/database.js';
import type { RecordRef } from '../../db/values.js';
import { groupCommit } from '../../db/group-commit.js';
import { preparedQuery } from '../../db/prepared.js';
import type { CreatedCursor } from '../../http/pagination.js';
import { agentNameSql } from '../agents/index.js';
import type { SearchIndex } from '../search/index.js';
import type { ConversationsTable, MessagesTable } from './conversations.table.js';
import { conversationHasLabels, type VersionFilter } from './versions.repository.js';
import type { Insertable, Selectable } from 'kysely';

export type ConversationRow = Selectable<ConversationsTable> & {
  message_count: number | string;
  agent_name?: string | null;
};
export type MessageRow = Omit<Selectable<MessagesTable>, 'search_words'>;
/** A message as a conversation's list reads it. */
export type ListedMessageRow = Omit<MessageRow, 'org_id' | 'conversation_id'>;
/** A message to insert; its words for the search index are made from its text. */
export type NewMessage = Omit<Insertable<MessagesTable>, 'search_words'>;

/** A conversation named by integer id or by UUID. */
export type ConversationRef = RecordRef;

export interface ConversationFilters extends VersionFilter {
  status?: string;
  channel?: string;
  agentId?: string;
  contactId?: string;
  externalId?: string;
  createdFrom?: string;
  createdTo?: string;
}

/**
 * SQL for conversations and messages. Every query is bound to one organization. Every insert of a conversation or a
 * message writes its words for the search index in the same statement or transaction.
 */
export class ConversationsRepository {
  private readonly db: Db;

  constructor(
    database: Database,
    private readonly search: SearchIndex,
  ) {
    this.db = database.db;
    this.insertMessage = groupCommit(database, (executor, row: NewMessage) => this.insertOneMessage(row, executor));
  }

  private selectConversations(db: Db, orgId: number) {
    return db
      .selectFrom('conversations as c')
      .selectAll('c')
      .select((eb) =>
        eb
          .selectFrom('messages as m')
          .whereRef('m.conversation_id', '=', 'c.id')
          .select(eb.fn.countAll<number>().as('n'))
          .as('message_count'),
      )
      .select(agentNameSql('c.org_id', 'c.agent_id').as('agent_name'))
      .where('c.org_id', '=', orgId);
  }

  findConversation(orgId: number, ref: ConversationRef, db: Db = this.db): Promise<ConversationRow | undefined> {
    const query = this.selectConversations(db, orgId);
    return (
      'id' in ref ? query.where('c.id', '=', ref.id) : query.where('c.uid', '=', ref.uid)
    ).executeTakeFirst() as Promise<ConversationRow | undefined>;
  }

  private readonly conversationKeyById = preparedQuery(
    () => this.db,
    (db, params: { orgId: number; id: number }) =>
      db
        .selectFrom('conversations')
        .select(['id', 'uid', 'anonymized_at'])
        .where('org_id', '=', params.orgId)
        .where('id', '=', params.id),
  );

  private readonly conversationKeyByUid = preparedQuery(
    () => this.db,
    (db, params: { orgId: number; uid: string }) =>
      db
        .selectFrom('conversations')
        .select(['id', 'uid', 'anonymized_at'])
        .where('org_id', '=', params.orgId)
        .where('uid', '=', params.uid),
  );

  private readonly recordById = preparedQuery(
    () => this.db,
    (db, params: { orgId: number; id: number }) =>
      db.selectFrom('conversations').selectAll().where('org_id', '=', params.orgId).where('id', '=', params.id),
  );

  private readonly recordByUid = preparedQuery(
    () => this.db,
    (db, params: { orgId: number; uid: string }) =>
      db.selectFrom('conversations').selectAll().where('org_id', '=', params.orgId).where('uid', '=', params.uid),
  );

  /** The conversation's row without counting its messages: for modules that hang records off a conversation. */
  async findConversationRecord(orgId: number, ref: ConversationRef) {
    const rows =
      'id' in ref ? await this.recordById({ orgId, id: ref.id }) : await this.recordByUid({ orgId, uid: ref.uid });
    return rows[0];
  }

  /** The internal id and state of a conversation, for the hot message path: one indexed lookup, no counting. */
  async findConversationKey(orgId: number, ref: ConversationRef) {
    const rows =
      'id' in ref
        ? await this.conversationKeyById({ orgId, id: ref.id })
        : await this.conversationKeyByUid({ orgId, uid: ref.uid });
    return rows[0];
  }

  async listConversations(orgId: number, filters: ConversationFilters, limit: number, after?: CreatedCursor) {
    let query = this.selectConversations(this.db, orgId);
    if (filters.status) query = query.where('c.status', '=', filters.status as ConversationsTable['status']);
    if (filters.channel) query = query.where('c.channel', '=', filters.channel);
    if (filters.agentId) query = query.where('c.agent_id', '=', filters.agentId);
    if (filters.contactId) query = query.where('c.contact_id', '=', filters.contactId);
    if (filters.externalId) query = query.where('c.external_id', '=', filters.externalId);
    if (filters.createdFrom) query = query.where('c.created_at', '>=', filters.createdFrom);
    if (filters.createdTo) query = query.where('c.created_at', '<', filters.createdTo);
    for (const condition of conversationHasLabels(sql.ref('c.id'), filters)) query = query.where(condition);
    if (after) {
      query = query.where((eb): Expression<SqlBool> =>
        eb.or([
          eb('c.created_at', '<', after.createdAt),
          eb.and([eb('c.created_at', '=', after.createdAt), eb('c.id', '<', after.id)]),
        ]),
      );
    }
    return (await query
      .orderBy('c.created_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(limit)
      .execute()) as ConversationRow[];
  }

  /** Inserts a conversation unless its external id is taken; returns its id, or undefined when it was taken. */
  async insertConversation(db: Db, row: Insertable<ConversationsTable>) {
    const inserted = await db
      .insertInto('conversations')
      .values(row)
      .onConflict((oc) => oc.columns(['org_id', 'external_id']).doNothing())
      .returning(['id'])
      .executeTakeFirst();
    if (inserted) await this.search.addContacts(db, [contactOf(row, Number(inserted.id))]);
    return inserted;
  }

  /** Inserts many conversations, skipping external ids already taken; returns the ones inserted. */
  async insertConversations(db: Db, rows: Insertable<ConversationsTable>[]) {
    if (rows.length === 0) return [];
    const inserted = await db
      .insertInto('conversations')
      .values(rows)
      .onConflict((oc) => oc.columns(['org_id', 'external_id']).doNothing())
      .returning(['id', 'uid', 'external_id'])
      .execute();
    const byUid = new Map(rows.map((row) => [row.uid, row]));
    await this.search.addContacts(
      db,
      inserted.map((row) => contactOf(byUid.get(row.uid)!, Number(row.id))),
    );
    return inserted;
  }

  findByExternalIds(db: Db, orgId: number, externalIds: string[]) {
    return db
      .selectFrom('conversations')
      .select(['id', 'uid', 'external_id'])
      .where('org_id', '=', orgId)
      .where('external_id', 'in', externalIds)
      .execute();
  }

  async updateConversation(db: Db, id: number, changes: Partial<Insertable<ConversationsTable>>): Promise<void> {
    await db.updateTable('conversations').set(changes).where('id', '=', id).execute();
  }

  /** Inserts messages; answers their ids by uid. */
  async insertMessages(db: Db, rows: NewMessage[]): Promise<Map<string, number>> {
    if (rows.length === 0) return new Map();
    const inserted = await db
      .insertInto('messages')
      .values(rows.map((row) => ({ ...row, search_words: this.search.messageWords(row.text) })))
      .returning(['id', 'uid'])
      .execute();
    return new Map(inserted.map((row) => [row.uid, Number(row.id)]));
  }

  // One prepared insert for both paths; the group-committed one ignores the id it answers.
  private readonly insertPrepared = preparedQuery(
    () => this.db,
    (db, row: Insertable<MessagesTable>) =>
      db
        .insertInto('messages')
        .values({
          uid: row.uid,
          org_id: row.org_id,
          conversation_id: row.conversation_id,
          role: row.role,
          text: row.text,
          search_words: row.search_words,
          author_id: row.author_id,
          model: row.model,
          prompt_version: row.prompt_version,
          trace_id: row.trace_id,
          span_id: row.span_id,
          tags: row.tags,
          created_at: row.created_at,
        })
        .returning('id'),
  );

  /** One message, with its words for the search index: one prepared insert. */
  private insertOneMessage(row: NewMessage, executor: Db) {
    return this.insertPrepared({ ...row, search_words: this.search.messageWords(row.text) }, executor);
  }

  /** One message inside the caller's transaction; answers its id. */
  async insertMessageReturningId(db: Db, row: NewMessage): Promise<number> {
    const [inserted] = await this.insertOneMessage(row, db);
    return Number(inserted!.id);
  }

  /** Appends one message: the hottest write of this module, group-committed on SQLite. */
  readonly insertMessage: (row: NewMessage) => Promise<void>;

  /** The messages of a conversation in conversation order: by time, then by arrival. */
  private readonly messagesOf = preparedQuery(
    () => this.db,
    (db, params: { conversationId: number }) =>
      db
        .selectFrom('messages')
        // The conversation and its organization are the caller's already: not read 200 times over.
        .select([
          'id',
          'uid',
          'role',
          'text',
          'author_id',
          'model',
          'prompt_version',
          'trace_id',
          'span_id',
          'tags',
          'created_at',
        ])
        .where('conversation_id', '=', params.conversationId)
        .orderBy('created_at')
        .orderBy('id'),
  );

  /** The messages of a conversation in conversation order, without the columns the conversation gives. */
  listMessages(conversationId: number): Promise<ListedMessageRow[]> {
    return this.messagesOf({ conversationId });
  }

  async latestAgentAuthor(orgId: number, conversationId: number): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('messages')
      .select('author_id')
      .where('org_id', '=', orgId)
      .where('conversation_id', '=', conversationId)
      .where('role', 'in', ['agent', 'ai'])
      .where('author_id', 'is not', null)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.author_id ?? undefined;
  }

  /** Removes what identifies the contact from the messages: texts, and the contact as author. */
  async redactMessages(db: Db, conversationId: number): Promise<void> {
    await db
      .updateTable('messages')
      .set({ text: null, search_words: null })
      .where('conversation_id', '=', conversationId)
      .execute();
    await db
      .updateTable('messages')
      .set({ author_id: null })
      .where('conversation_id', '=', conversationId)
      .where('role', '=', 'user')
      .execute();
  }
}

/** A conversation row as its search document reads it. */
function contactOf(row: Insertable<ConversationsTable>, id: number) {
  return {
    id,
    org_id: row.org_id,
    external_id: row.external_id ?? null,
    contact_name: row.contact_name ?? null,
    contact_email: row.contact_email ?? null,
  };
}
