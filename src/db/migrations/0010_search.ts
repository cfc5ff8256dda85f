import { sql, type Kysely } from 'kysely';
import { columnTypes, isPostgres, withIdColumn } from './columns.js';

/**
 * The search index of the inbox. The words of every searchable text, normalized by the application: a message's in
 * `messages.search_words`, written by the same insert as the message; the contact's (name, email, external id), a
 * rating's comment and the current feedback comments on a message in `search_documents`. Over those words each
 * engine keeps an inverted index bound to the organization:
 *
 * - PostgreSQL: a GIN index over the words plus a lexeme `#<organization id>` that no word can be, so that
 *   `'#7' & 'refund':*` is answered within organization 7 alone. (GIN's own pending list keeps inserts cheap.)
 * - SQLite: one FTS5 table without content of its own (`detail=none`: it finds the rows holding every word of a term,
 *   and the words decide phrases), whose rowid packs the organization's id (21 bits), the row's id (41 bits) and
 *   which table the row is in (1 bit), so that one organization is one rowid range. FTS5 costs a segment written per
 *   transaction, so new rows are not added by the writing transaction: like GIN's pending list, rows with an id above
 *   `search_index_progress.indexed_up_to` are read directly by a search, and the application moves them into FTS5 in
 *   batches. Triggers keep FTS5 right when an indexed row's words change or the row goes.
 *
 * The application fills the words from the stored records after this migration (src/migrate.ts).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  const postgres = isPostgres(db);
  await db.schema.alterTable('messages').addColumn('search_words', 'text').execute();
  await withIdColumn(db, db.schema.createTable('search_documents'))
    .addColumn('org_id', t.bigint, (col) => col.notNull())
    .addColumn('conversation_id', t.bigint, (col) => col.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('source', 'text', (col) => col.notNull().check(sql`source in ('contact', 'rating', 'feedback')`))
    .addColumn('source_id', t.bigint, (col) => col.notNull())
    .addColumn('words', 'text', (col) => col.notNull())
    .execute();
  // One row per text; also the way from a conversation to its texts.
  await db.schema
    .createIndex('search_documents_source_key')
    .unique()
    .on('search_documents')
    .columns(['conversation_id', 'source', 'source_id'])
    .execute();

  if (postgres) {
    const vector = (column: string) =>
      sql.raw(`(array_to_tsvector(string_to_array(trim(${column}), ' '))
        || array_to_tsvector(array['#' || org_id::text]))`);
    await sql`create index messages_search_idx on messages using gin (${vector('search_words')})`.execute(db);
    await sql`create index search_documents_search_idx on search_documents using gin (${vector('words')})`.execute(db);
    return;
  }

  await sql`create virtual table search_index using fts5(
    words, content = '', contentless_delete = 1, tokenize = 'ascii', detail = none
  )`.execute(db);
  await db.schema
    .createTable('search_index_progress')
    .addColumn('source', 'text', (col) => col.primaryKey())
    .addColumn('indexed_up_to', 'integer', (col) => col.notNull())
    .execute();
  await db
    .insertInto('search_index_progress')
    .values([
      { source: 'messages', indexed_up_to: 0 },
      { source: 'search_documents', indexed_up_to: 0 },
    ])
    .execute();
  for (const [table, column, kind] of [
    ['messages', 'search_words', 0],
    ['search_documents', 'words', 1],
  ] as const) {
    const rowid = (row: 'old' | 'new') => sql.raw(`(${row}.org_id << 42) | (${row}.id << 1) | ${kind}`);
    // Rows past the bounds of the packed rowid are never put into FTS5 (see SearchRepository.catchUp).
    const indexed = sql.raw(
      `old.id <= (select indexed_up_to from search_index_progress where source = '${table}')` +
        ' and old.org_id < 2097152 and old.id < 2199023255552',
    );
    const words = (row: 'old' | 'new') => sql.raw(`${row}.${column}`);
    await sql`create trigger ${sql.raw(`${table}_search_delete`)} after delete on ${sql.table(table)}
      when ${indexed} and ${words('old')} is not null begin
        delete from search_index where rowid = ${rowid('old')};
      end`.execute(db);
    await sql`create trigger ${sql.raw(`${table}_search_update`)} after update of ${sql.raw(column)}
      on ${sql.table(table)} when ${indexed} begin
        delete from search_index where rowid = ${rowid('old')} and ${words('old')} is not null;
        insert into search_index (rowid, words) select ${rowid('new')}, ${words('new')}
          where ${words('new')} is not null;
      end`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) {
    for (const table of ['messages', 'search_documents']) {
      for (const event of ['delete', 'update']) await sql.raw(`drop trigger ${table}_search_${event}`).execute(db);
    }
    await sql`drop table search_index`.execute(db);
    await db.schema.dropTable('search_index_progress').execute();
  }
  await db.schema.dropTable('search_documents').execute();
  await db.schema.alterTable('messages').dropColumn('search_words').execute();
}
