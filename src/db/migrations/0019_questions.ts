import { sql, type Kysely } from 'kysely';
import { columnTypes, isPostgres, withIdColumn } from './columns.js';

const OLD_KINDS = "kind in ('stars', 'nps', 'thumbs')";
const KINDS = "kind in ('stars', 'csat', 'nps', 'ces', 'thumbs', 'choice', 'text')";

/**
 * Widens the check on `rating_questions.kind` to every kind. PostgreSQL swaps the constraint; SQLite cannot alter a
 * check, so the table is made again from its own definition with the new check, its rows copied as they are (ids
 * included) and its indexes made again.
 */
async function widenKinds(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`alter table rating_questions drop constraint rating_questions_kind_check`.execute(db);
    await sql
      .raw(`alter table rating_questions add constraint rating_questions_kind_check check (${KINDS})`)
      .execute(db);
    return;
  }
  const { rows } = await sql<{ sql: string }>`
    select sql from sqlite_master where type = 'table' and name = 'rating_questions'
  `.execute(db);
  const definition = rows[0]!.sql;
  if (!definition.includes(OLD_KINDS)) throw new Error('rating_questions has an unexpected kind check');
  const indexes = await sql<{ sql: string }>`
    select sql from sqlite_master where type = 'index' and tbl_name = 'rating_questions' and sql is not null
  `.execute(db);
  await sql
    .raw(definition.replace(OLD_KINDS, KINDS).replace(/"rating_questions"/, '"rating_questions_widened"'))
    .execute(db);
  await sql`insert into rating_questions_widened select * from rating_questions`.execute(db);
  await sql`drop table rating_questions`.execute(db);
  await sql`alter table rating_questions_widened rename to rating_questions`.execute(db);
  for (const index of indexes.rows) await sql.raw(index.sql).execute(db);
}

/**
 * Questions of an organization's own, beside the built-in codes. A question keeps its code and kind; each edit of its
 * wording, options or follow-up is a new row of `question_versions`, and a rating's question records the version it
 * was asked in, so earlier answers stay readable after an edit. Archiving (`archived_at`) stops a question being
 * offered and keeps its answers.
 *
 * Rating questions gain what the new kinds answer: the options chosen (`choices`), the follow-up reasons chosen
 * (`reasons`), a free text (`answer_text`), and the question's version (null for built-in codes). Existing rows keep
 * null in each, which is what a built-in question's answer reads, and the check on their kind takes the new kinds.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await withIdColumn(db, db.schema.createTable('questions'))
    .addColumn('org_id', t.bigint, (col) => col.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('code', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('archived_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (col) => col.notNull())
    .addColumn('updated_at', t.timestamp, (col) => col.notNull())
    .addUniqueConstraint('questions_org_code_key', ['org_id', 'code'])
    .execute();

  await db.schema
    .createTable('question_versions')
    .addColumn('org_id', t.bigint, (col) => col.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('question_id', t.bigint, (col) => col.notNull().references('questions.id').onDelete('cascade'))
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('definition', 'text', (col) => col.notNull())
    .addColumn('created_at', t.timestamp, (col) => col.notNull())
    .addPrimaryKeyConstraint('question_versions_pkey', ['question_id', 'version'])
    .execute();

  await db.schema.alterTable('rating_questions').addColumn('question_version', 'integer').execute();
  await db.schema.alterTable('rating_questions').addColumn('choices', 'text').execute();
  await db.schema.alterTable('rating_questions').addColumn('reasons', 'text').execute();
  await db.schema.alterTable('rating_questions').addColumn('answer_text', 'text').execute();
  await widenKinds(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['answer_text', 'reasons', 'choices', 'question_version']) {
    await db.schema.alterTable('rating_questions').dropColumn(column).execute();
  }
  await db.schema.dropTable('question_versions').execute();
  await db.schema.dropTable('questions').execute();
}
