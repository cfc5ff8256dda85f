import { sql, type Expression, type SqlBool } from 'kysely';
import type { Database, Db } from '../../db/database.js';
import type { RecordRef } from '../../db/values.js';
import { groupCommit } from '../../db/group-commit.js';
import { preparedQuery, preparedSql } from '../../db/prepared.js';
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

/** A message to append to a conversation (`appendMessage`), which names the conversation. */
export type AppendedMessage = Omit<NewMessage, 'conversation_id'>;

interface PendingAppend {
  ref: RecordRef;
  row: AppendedMessage;
  /** Filled in by the write: the ids, or undefined when the conversation took no message. */
  inserted?: { id: number; conversationId: number } | undefined;
}

/** PostgreSQL's insert of many appended messages (`appendMany`): the columns as arrays, in the order given. */
const appendManySql = preparedSql<{ uid: string; id: number | string; conversation_id: number | string }>(
  `insert into messages (uid, org_id, conversation_id, role, text, search_words, author_id, model, prompt_version,
  trace_id, span_id, tags, created_at)
select v.uid, c.org_id, c.id, v.role, v.text, v.search_words, v.author_id, v.model, v.prompt_version, v.trace_id,
  v.span_id, v.tags, v.created_at
from unnest($1::uuid[], $2::bigint[], $3::bigint[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::uuid[],
  $9::text[], $10::text[], $11::text[], $12::text[], $13::jsonb[], $14::timestamptz[]) with ordinality
  as v(uid, org_id, conversation_id, conversation_uid, role, text, search_words, author_id, model, prompt_version,
  trace_id, span_id, tags, created_at, arrival)
join conversations c on c.id = coalesce(v.conversation_id, (select id from conversations where uid = v.conversation_uid))
where c.org_id = v.org_id and c.anonymized_at is null
order by v.arrival
returning uid, id, conversation_id`,
);

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
    this.appendGrouped = groupCommit(
      database,
      async (executor, pending: PendingAppend) => {
        pending.inserted = await this.appendMessage(executor, pending.ref, pending.row);
      },
      { many: (executor, pending) => this.appendMany(executor, pending) },
    );
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

  /**
   * The insert of one message into a conversation named by id or by UUID, in one statement that also checks the
   * conversation: `INSERT … SELECT … FROM conversations WHERE` it is the organization's and not anonymized. No row
   * answered means nothing was written, and the caller asks why (`findConversationKey`) only then: the hot path makes
   * one round trip to the database instead of two.
   */
  private appendInto(by: 'id' | 'uid') {
    return preparedQuery(
      () => this.db,
      (db, row: AppendedMessage & { search_words: string | null; ref: string | number }) =>
        db
          .insertInto('messages')
          .columns([
            'uid',
            'org_id',
            'conversation_id',
            'role',
            'text',
            'search_words',
            'author_id',
            'model',
            'prompt_version',
            'trace_id',
            'span_id',
            'tags',
            'created_at',
          ])
          .expression((eb) =>
            eb
              .selectFrom('conversations as c')
              .select([
                eb.val(row.uid).as('uid'),
                'c.org_id',
                'c.id',
                eb.val(row.role).as('role'),
                eb.val(row.text).as('text'),
                eb.val(row.search_words).as('search_words'),
                eb.val(row.author_id).as('author_id'),
                eb.val(row.model).as('model'),
                eb.val(row.prompt_version).as('prompt_version'),
                eb.val(row.trace_id).as('trace_id'),
                eb.val(row.span_id).as('span_id'),
                eb.val(row.tags).as('tags'),
                eb.val(row.created_at).as('created_at'),
              ])
              .where('c.org_id', '=', row.org_id)
              .where(by === 'id' ? 'c.id' : 'c.uid', '=', row.ref as never)
              .where('c.anonymized_at', 'is', null),
          )
          .returning(['id', 'conversation_id']),
    );
  }

  private readonly appendById = this.appendInto('id');
  private readonly appendByUid = this.appendInto('uid');

  /**
   * Appends one message, with its words for the search index, to the conversation `ref` names if it is the
   * organization's and takes messages; answers the message's and the conversation's ids, or undefined when nothing was
   * written.
   */
  async appendMessage(
    db: Db,
    ref: ConversationRef,
    row: AppendedMessage,
  ): Promise<{ id: number; conversationId: number } | undefined> {
    const values = { ...row, search_words: this.search.messageWords(row.text) };
    const [inserted] =
      'id' in ref
        ? await this.appendById({ ...values, ref: ref.id }, db)
        : await this.appendByUid({ ...values, ref: ref.uid }, db);
    return inserted && { id: Number(inserted.id), conversationId: Number(inserted.conversation_id) };
  }

  /**
   * PostgreSQL: the appends of one turn in one statement. Each column goes in as one array parameter, and the join keeps
   * the rows whose conversation (by id, or by UUID) is the organization's and not anonymized, as `appendInto` does for
   * one; a row the join drops is answered undefined. Rows are numbered as they arrive and inserted in that order, so
   * that messages sent back to back on one connection keep their order in the conversation.
   */
  private async appendMany(db: Db, pending: PendingAppend[]): Promise<void> {
    const column = <V>(value: (entry: PendingAppend) => V) => pending.map(value);
    const rows = await appendManySql(db, [
      column(({ row }) => row.uid),
      column(({ row }) => row.org_id),
      column(({ ref }) => ('id' in ref ? ref.id : null)),
      column(({ ref }) => ('uid' in ref ? ref.uid : null)),
      column(({ row }) => row.role),
      column(({ row }) => row.text ?? null),
      column(({ row }) => this.search.messageWords(row.text)),
      column(({ row }) => row.author_id ?? null),
      column(({ row }) => row.model ?? null),
      column(({ row }) => row.prompt_version ?? null),
      column(({ row }) => row.trace_id ?? null),
      column(({ row }) => row.span_id ?? null),
      column(({ row }) => row.tags ?? null),
      column(({ row }) => row.created_at),
    ]);
    const inserted = new Map(rows.map((row) => [row.uid.toLowerCase(), row]));
    for (const entry of pending) {
      const row = inserted.get(String(entry.row.uid).toLowerCase());
      entry.inserted = row && { id: Number(row.id), conversationId: Number(row.conversation_id) };
    }
  }

  /** `appendMessage` outside a transaction: the hottest write of this module, group-committed. */
  async appendMessageAlone(
    ref: ConversationRef,
    row: AppendedMessage,
  ): Promise<{ id: number; conversationId: number } | undefined> {
    const pending: PendingAppend = { ref, row };
    await this.appendGrouped(pending);
    return pending.inserted;
  }

  private readonly appendGrouped: (pending: PendingAppend) => Promise<void>;

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
