import { sql, type Expression, type Insertable, type RawBuilder, type SqlBool } from 'kysely';
import type { Db, Dialect } from '../../db/database.js';
import { preparedQuery } from '../../db/prepared.js';
import type { SearchDocumentsTable, SearchSource } from './search.table.js';
import type { SearchTerm } from './words.js';

export type SearchDocument = Insertable<SearchDocumentsTable>;

// Keeps every multi-row statement under both engines' bound-parameter limits.
const CHUNK = 1000;
/** The bounds of SQLite's packed FTS5 rowid (see migration 0007): 21 bits of organization, 41 of row id. */
const MAX_PACKED_ORG = 2_097_152;
const MAX_PACKED_ID = 2_199_023_255_552;

/** The two places words are kept: on each message, and in `search_documents` for the other texts. */
const STORES = [
  { table: 'messages', column: 'search_words', kind: 0 },
  { table: 'search_documents', column: 'words', kind: 1 },
] as const;
type Store = (typeof STORES)[number];

/**
 * The PostgreSQL expression the GIN indexes of migration 0007 are built on, exactly: a query that names it otherwise
 * cannot use them.
 */
function postgresVector(store: Store): RawBuilder<unknown> {
  return sql.raw(
    `(array_to_tsvector(string_to_array(trim(${store.column}), ' ')) || array_to_tsvector(array['#' || org_id::text]))`,
  );
}

/**
 * SQL of the search index: its documents, the two ways of reading it — a probe of one conversation's words
 * (`containsTerm`), and the engine's inverted index for the conversations holding a term (`conversationsWithTerm`) —
 * and, on SQLite, the step that moves new rows into FTS5. Every read is bound to one organization.
 */
export class SearchRepository {
  constructor(
    private readonly db: Db,
    private readonly dialect: Dialect,
  ) {}

  async insertDocuments(db: Db, documents: SearchDocument[]): Promise<void> {
    for (let start = 0; start < documents.length; start += CHUNK) {
      await db
        .insertInto('search_documents')
        .values(documents.slice(start, start + CHUNK))
        .execute();
    }
  }

  /** Replaces the document of one text (unless it holds the same words), or removes it when the text has none. */
  async saveDocument(db: Db, document: SearchDocument): Promise<void> {
    if (document.words === '') {
      await this.deleteDocuments(db, Number(document.conversation_id), [document.source], Number(document.source_id));
      return;
    }
    await this.upsertDocument(document, db);
  }

  /** Every rating comment and feedback comment saves its document: prepared once. */
  private readonly upsertDocument = preparedQuery(
    () => this.db,
    (db, document: SearchDocument) =>
      db
        .insertInto('search_documents')
        .values({
          org_id: document.org_id,
          conversation_id: document.conversation_id,
          source: document.source,
          source_id: document.source_id,
          words: document.words,
        })
        .onConflict((oc) =>
          oc
            .columns(['conversation_id', 'source', 'source_id'])
            .doUpdateSet((eb) => ({ words: eb.ref('excluded.words') }))
            .where((eb) => eb('search_documents.words', '!=', eb.ref('excluded.words'))),
        ),
  );

  /** Removes a conversation's documents of the given sources (one of them, with `sourceId`). */
  async deleteDocuments(db: Db, conversationId: number, sources: SearchSource[], sourceId?: number): Promise<void> {
    let query = db
      .deleteFrom('search_documents')
      .where('conversation_id', '=', conversationId)
      .where('source', 'in', sources);
    if (sourceId !== undefined) query = query.where('source_id', '=', sourceId);
    await query.execute();
  }

  /** Sets the words of many messages at once (the index's rebuild). */
  async setMessageWords(db: Db, rows: Array<{ id: number; words: string | null }>): Promise<void> {
    for (let start = 0; start < rows.length; start += CHUNK) {
      const chunk = rows.slice(start, start + CHUNK);
      if (this.dialect === 'postgres') {
        await sql`update messages as m set search_words = v.words
          from (select unnest(${chunk.map((row) => row.id)}::bigint[]) as id,
                       unnest(${chunk.map((row) => row.words)}::text[]) as words) as v
          where m.id = v.id`.execute(db);
      } else {
        for (const row of chunk) {
          await db.updateTable('messages').set({ search_words: row.words }).where('id', '=', row.id).execute();
        }
      }
    }
  }

  /**
   * Whether the conversation `conversation.id` (a column of the outer query) holds the term: one of its messages or
   * documents contains the term's pattern, or the term names the conversation by id or UUID. Reads the conversation's
   * rows by their conversation indexes; the pattern search is exact (`instr`, `strpos`), so it decides what the
   * inverted index only narrows down.
   */
  containsTerm(conversation: { id: Expression<number>; uid: Expression<string> }, term: SearchTerm) {
    const contains = sql.raw(this.dialect === 'postgres' ? 'strpos' : 'instr');
    // One EXISTS over both tables: PostgreSQL turns two EXISTS joined by OR into hashed subplans that read every
    // message of every conversation, where this one probes the conversation's rows by index.
    const found: Expression<SqlBool>[] = [
      sql<SqlBool>`exists (select 1 from messages as m where m.conversation_id = ${conversation.id}
          and ${contains}(m.search_words, ${term.pattern}) > 0
        union all select 1 from search_documents as d where d.conversation_id = ${conversation.id}
          and ${contains}(d.words, ${term.pattern}) > 0)`,
    ];
    if (term.conversationId !== undefined) found.push(sql<SqlBool>`${conversation.id} = ${term.conversationId}`);
    if (term.conversationUid !== undefined) found.push(sql<SqlBool>`${conversation.uid} = ${term.conversationUid}`);
    return sql<SqlBool>`(${sql.join(found, sql` or `)})`;
  }

  /**
   * The ids of the organization's conversations with a message or document holding every word of the term (the last
   * one as a prefix when the term is), read from the inverted index — a superset of the term's matches, as phrases are
   * decided by `containsTerm`. Undefined when more than `limit` rows hold them: then the term is too common for the
   * index to be the faster way.
   */
  async conversationsWithTerm(orgId: number, term: SearchTerm, limit: number): Promise<number[] | undefined> {
    return this.dialect === 'postgres'
      ? this.postgresConversationsWithTerm(orgId, term, limit)
      : this.sqliteConversationsWithTerm(orgId, term, limit);
  }

  private async postgresConversationsWithTerm(orgId: number, term: SearchTerm, limit: number) {
    const lexemes = [
      `'#${orgId}'`,
      ...term.words.map((word, i) => `'${word}'${term.prefix && i === term.words.length - 1 ? ':*' : ''}`),
    ].join(' & ');
    const conversations = new Set<number>();
    let rows = 0;
    for (const store of STORES) {
      const found = await sql<{ conversation_id: number }>`select conversation_id from ${sql.table(store.table)}
        where ${postgresVector(store)} @@ ${lexemes}::tsquery limit ${limit + 1 - rows}`.execute(this.db);
      rows += found.rows.length;
      if (rows > limit) return undefined;
      for (const row of found.rows) conversations.add(Number(row.conversation_id));
    }
    return [...conversations];
  }

  private async sqliteConversationsWithTerm(orgId: number, term: SearchTerm, limit: number) {
    const match = term.words
      .map((word, i) => `"${word}"${term.prefix && i === term.words.length - 1 ? '*' : ''}`)
      .join(' ');
    // better-sqlite3 binds numbers as REAL, and FTS5 reads a REAL rowid bound by scanning: cast, and it seeks.
    const indexed = sql`f.search_index match ${match}
      and f.rowid >= (cast(${orgId} as integer) << 42) and f.rowid < ((cast(${orgId} as integer) + 1) << 42)`;
    const counted = await sql<{ n: number }>`select count(*) as n from
      (select f.rowid from search_index as f where ${indexed} limit ${limit + 1})`.execute(this.db);
    let rows = Number(counted.rows[0]?.n ?? 0);
    if (rows > limit) return undefined;
    const conversations = new Set<number>();
    // Rows not yet moved into FTS5: read directly, with the exact pattern.
    for (const store of STORES) {
      const pending = await sql<{ conversation_id: number }>`select conversation_id from ${sql.table(store.table)}
        where id > (select indexed_up_to from search_index_progress where source = ${store.table})
        and org_id = ${orgId} and instr(${sql.ref(store.column)}, ${term.pattern}) > 0`.execute(this.db);
      rows += pending.rows.length;
      if (rows > limit) return undefined;
      for (const row of pending.rows) conversations.add(Number(row.conversation_id));
    }
    if (Number(counted.rows[0]?.n ?? 0) > 0) {
      const found = await sql<{ conversation_id: number }>`select distinct case f.rowid & 1
          when 0 then (select conversation_id from messages where id = (f.rowid >> 1) & ${sql.lit(MAX_PACKED_ID - 1)})
          else (select conversation_id from search_documents where id = (f.rowid >> 1) & ${sql.lit(MAX_PACKED_ID - 1)})
        end as conversation_id
        from search_index as f where ${indexed}`.execute(this.db);
      for (const row of found.rows) conversations.add(Number(row.conversation_id));
    }
    return [...conversations];
  }

  /**
   * SQLite: moves the words of up to `batch` new rows of each table into FTS5, in one transaction, and answers whether
   * rows are left. A transaction's FTS5 work costs a segment however few rows it adds, so this runs in batches off the
   * writes; until then searches read the new rows directly.
   */
  async catchUp(batch: number): Promise<boolean> {
    if (this.dialect !== 'sqlite' || !(await this.anythingNew())) return false;
    return this.db.transaction().execute(async (trx) => {
      let more = false;
      for (const store of STORES) {
        const progress = await trx
          .selectFrom('search_index_progress')
          .select('indexed_up_to')
          .where('source', '=', store.table)
          .executeTakeFirstOrThrow();
        const from = Number(progress.indexed_up_to);
        const last = await sql<{ id: number | null }>`select max(id) as id from ${sql.table(store.table)}`.execute(trx);
        const upTo = Math.min(from + batch, Number(last.rows[0]?.id ?? 0));
        if (upTo <= from) continue;
        more ||= upTo < Number(last.rows[0]!.id);
        await sql`insert into search_index (rowid, words)
          select (org_id << 42) | (id << 1) | ${sql.lit(store.kind)}, ${sql.ref(store.column)}
          from ${sql.table(store.table)}
          where id > ${from} and id <= ${upTo} and ${sql.ref(store.column)} is not null
            and org_id < ${MAX_PACKED_ORG} and id < ${MAX_PACKED_ID}`.execute(trx);
        await trx
          .updateTable('search_index_progress')
          .set({ indexed_up_to: upTo })
          .where('source', '=', store.table)
          .execute();
      }
      return more;
    });
  }

  /** SQLite: whether a table has rows past what FTS5 holds; a read, so that an idle server takes no write lock. */
  private async anythingNew(): Promise<boolean> {
    const { rows } = await sql<{ waiting: number }>`select
      (select max(id) from messages) > (select indexed_up_to from search_index_progress where source = 'messages')
      or (select max(id) from search_documents)
        > (select indexed_up_to from search_index_progress where source = 'search_documents') as waiting`.execute(
      this.db,
    );
    return Number(rows[0]?.waiting ?? 0) === 1;
  }

  /** SQLite: empties FTS5 and marks every row new (the index's rebuild). */
  async resetInvertedIndex(db: Db): Promise<void> {
    if (this.dialect !== 'sqlite') return;
    await sql`insert into search_index (search_index) values ('delete-all')`.execute(db);
    await db.updateTable('search_index_progress').set({ indexed_up_to: 0 }).execute();
  }
}
