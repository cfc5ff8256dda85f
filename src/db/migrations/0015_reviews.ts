import { sql, type Kysely } from 'kysely';
import { columnTypes, withIdColumn } from './columns.js';

/**
 * The review queue: one item per disliked AI answer and per low-rated AI conversation's rating, worked through from
 * `open` to `resolved` or `wont_fix`. Filled here from the feedback and ratings stored before it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await withIdColumn(db, db.schema.createTable('reviews'))
    .addColumn('org_id', t.bigint, (col) => col.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('conversation_id', t.bigint, (col) => col.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('message_id', t.bigint, (col) => col.references('messages.id').onDelete('cascade'))
    .addColumn('rating_id', t.bigint, (col) => col.references('ratings.id').onDelete('cascade'))
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('assignee_id', t.uuid)
    .addColumn('notes', 'text')
    .addColumn('resolution', 'text')
    .addColumn('reopened', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('created_at', t.timestamp, (col) => col.notNull())
    .addColumn('updated_at', t.timestamp, (col) => col.notNull())
    // The latest dislike or low answer that put the item in the queue, or put it back.
    .addColumn('last_event_at', t.timestamp, (col) => col.notNull())
    .addColumn('resolved_at', t.timestamp)
    .execute();
  await db.schema.createIndex('reviews_message_idx').on('reviews').column('message_id').unique().execute();
  await db.schema.createIndex('reviews_rating_idx').on('reviews').column('rating_id').unique().execute();
  await db.schema
    .createIndex('reviews_org_idx')
    .on('reviews')
    .columns(['org_id', 'status', 'last_event_at', 'id'])
    .execute();

  const now = new Date().toISOString();
  // The AI answers with a current dislike, and the answered ratings of AI conversations with a low answer.
  await sql`
    insert into reviews (org_id, kind, conversation_id, message_id, status, created_at, updated_at, last_event_at)
    select m.org_id, 'answer', m.conversation_id, m.id, 'open', ${now}, ${now}, max(f.created_at)
    from message_feedback_current f join messages m on m.id = f.message_id
    where f.rating = 'dislike' and m.role = 'ai'
    group by m.org_id, m.conversation_id, m.id`.execute(db);
  await sql`
    insert into reviews (org_id, kind, conversation_id, rating_id, status, created_at, updated_at, last_event_at)
    select r.org_id, 'rating', r.conversation_id, r.id, 'open', ${now}, ${now}, max(q.answered_at)
    from ratings r
    join conversations c on c.id = r.conversation_id
    join rating_questions q on q.rating_id = r.id
    where c.agent_type = 'ai' and q.status = 'Rated' and (
      (q.kind = 'stars' and q.value <= 2) or (q.kind = 'nps' and q.value <= 6) or (q.kind = 'thumbs' and q.value = 0))
    group by r.org_id, r.conversation_id, r.id`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reviews').execute();
}
