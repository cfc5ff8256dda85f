import type { Kysely } from 'kysely';
import { columnTypes, withIdColumn } from './columns.js';

/**
 * Questions of an organization's own, beside the built-in codes. A question keeps its code and kind; each edit of its
 * wording, options or follow-up is a new row of `question_versions`, and a rating's question records the version it
 * was asked in, so earlier answers stay readable after an edit. Archiving (`archived_at`) stops a question being
 * offered and keeps its answers.
 *
 * Rating questions gain what the new kinds answer: the options chosen (`choices`), the follow-up reasons chosen
 * (`reasons`), a free text (`answer_text`), and the question's version (null for built-in codes). Existing rows keep
 * null in each, which is what a built-in question's answer reads.
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
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['answer_text', 'reasons', 'choices', 'question_version']) {
    await db.schema.alterTable('rating_questions').dropColumn(column).execute();
  }
  await db.schema.dropTable('question_versions').execute();
  await db.schema.dropTable('questions').execute();
}
