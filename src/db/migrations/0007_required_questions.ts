import { sql, type Kysely } from 'kysely';
import { columnTypes } from './columns.js';

/**
 * Whether each rating question must be answered for its survey to count as answered. Only required questions make a
 * survey `partially_rated`; before this, every question did, so an invite whose optional thumbs were skipped read
 * "partly answered".
 *
 * Existing questions are marked as their surface asked them: invites required their first stars question (the rating
 * page's main question) and offered the rest as optional; the widget's popup asked nothing as required; Dixa offers
 * and native surveys required every question. Survey statuses are then recomputed by the rule the service applies:
 * no answer is `offered` (`cancelled` once cancelled), a required question still waiting is `partially_rated`, else
 * `rated`. A cancelled survey with answers therefore reads `rated`, with `cancelled_at` saying when the rest was
 * withdrawn. Question statuses do not change, so the analytics rollups (kept from them) stay as they are.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .alterTable('rating_questions')
    .addColumn('required', t.boolean, (col) => col.notNull().defaultTo(sql`true`))
    .execute();

  await sql`
    update rating_questions set required = false
    where rating_id in (select id from ratings where source = 'popup')
  `.execute(db);
  await sql`
    update rating_questions set required = false
    where rating_id in (select id from ratings where source = 'invite')
      and position <> coalesce(
        (select min(main.position) from rating_questions main
          where main.rating_id = rating_questions.rating_id and main.kind = 'stars'),
        -1)
  `.execute(db);

  await sql`
    update ratings set status = case
      when not exists (
        select 1 from rating_questions q where q.rating_id = ratings.id and q.status = 'Rated'
      ) then (case when ratings.cancelled_at is null then 'offered' else 'cancelled' end)
      when exists (
        select 1 from rating_questions q where q.rating_id = ratings.id and q.required = true and q.status = 'Offered'
      ) then 'partially_rated'
      else 'rated'
    end
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('rating_questions').dropColumn('required').execute();
}
