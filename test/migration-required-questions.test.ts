import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Migrator, type Kysely } from 'kysely';
import { openDatabase, type Database } from '../src/db/database.js';
import { migrations } from '../src/db/migrations/index.js';
import { migrateDatabase } from '../src/migrate.js';
import { createServices, type Services } from '../src/services.js';
import { createPostgresDatabase, dialects } from './helpers/databases.js';

/**
 * Ratings stored before questions had a `required` flag keep a sensible status after the migration: invites required
 * their first stars question, the popup nothing, native surveys and Dixa offers every question.
 */

const BEFORE = '0006_widget_tokens';
const T0 = '2026-03-02T10:00:00.000Z';
const T1 = '2026-03-02T11:00:00.000Z';

async function migrateUpTo(db: Kysely<any>, last: string): Promise<void> {
  const names = Object.keys(migrations);
  const kept = Object.fromEntries(names.slice(0, names.indexOf(last) + 1).map((name) => [name, migrations[name]!]));
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => kept },
    migrationTableName: 'plaudit_migration',
    migrationLockTableName: 'plaudit_migration_lock',
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}

type Stored = { code: string; kind: string; status: 'Offered' | 'Rated' | 'Cancelled'; value?: number };

for (const dialect of dialects) {
  describe(`Migration 0007: required questions [${dialect}]`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    let services: Services;
    let orgId: number;
    const ids: Record<string, number> = {};

    before(async () => {
      if (dialect === 'sqlite') {
        database = openDatabase({ dialect: 'sqlite', path: ':memory:' });
        drop = () => database.close();
      } else {
        const created = await createPostgresDatabase();
        database = openDatabase({ dialect: 'postgres', url: created.url, poolSize: 2 });
        drop = async () => {
          await database.close();
          await created.drop();
        };
      }
      const db = database.db as unknown as Kysely<any>;
      await migrateUpTo(db, BEFORE);

      const org = await db
        .insertInto('organizations')
        .values({ name: 'Before', created_at: T0 })
        .returning('id')
        .executeTakeFirstOrThrow();
      orgId = Number(org.id);
      const conversation = await db
        .insertInto('conversations')
        .values({
          uid: randomUUID(),
          org_id: orgId,
          status: 'closed',
          contact_id: randomUUID(),
          agent_id: randomUUID(),
          agent_type: 'ai',
          metadata: '{}',
          created_at: T0,
          updated_at: T0,
        })
        .returning('id')
        .executeTakeFirstOrThrow();

      const rating = async (
        name: string,
        source: string,
        status: string,
        questions: Stored[],
        cancelledAt: string | null = null,
      ) => {
        const inserted = await db
          .insertInto('ratings')
          .values({
            uid: randomUUID(),
            code: randomBytes(18).toString('base64url'),
            org_id: orgId,
            conversation_id: Number(conversation.id),
            source,
            status,
            contact_id: randomUUID(),
            created_at: T0,
            updated_at: T0,
            offered_at: T0,
            cancelled_at: cancelledAt,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        ids[name] = Number(inserted.id);
        await db
          .insertInto('rating_questions')
          .values(
            questions.map((question, position) => ({
              rating_id: Number(inserted.id),
              org_id: orgId,
              position,
              code: question.code,
              kind: question.kind,
              status: question.status,
              value: question.value ?? null,
              offered_at: T0,
              answered_at: question.status === 'Rated' ? T1 : null,
              updated_at: T1,
            })),
          )
          .execute();
      };
      const stars = (status: Stored['status'], value?: number): Stored => ({
        code: 'STARS',
        kind: 'stars',
        status,
        value,
      });
      const thumbs = (code: string, status: Stored['status'], value?: number): Stored => ({
        code,
        kind: 'thumbs',
        status,
        value,
      });

      // An invite whose stars were answered and whose optional thumbs were skipped: it read "partly answered".
      await rating('inviteStarsOnly', 'invite', 'partially_rated', [
        stars('Rated', 4),
        thumbs('HELPFUL_THUMBS', 'Offered'),
        thumbs('EXPERIENCE_THUMBS', 'Offered'),
      ]);
      // An invite whose thumbs were answered but not its stars: still partly answered.
      await rating('inviteThumbsOnly', 'invite', 'partially_rated', [
        stars('Offered'),
        thumbs('HELPFUL_THUMBS', 'Rated', 1),
      ]);
      // A popup with one of its two questions answered.
      await rating('popupHalf', 'popup', 'partially_rated', [
        thumbs('HELPFUL_THUMBS', 'Rated', 0),
        thumbs('EXPERIENCE_THUMBS', 'Offered'),
      ]);
      // A native survey with one of two questions answered: every question was required, so it stays partial.
      await rating('apiHalf', 'api', 'partially_rated', [
        { code: 'CSAT', kind: 'stars', status: 'Rated', value: 5 },
        { code: 'NPS', kind: 'nps', status: 'Offered' },
      ]);
      // An answered survey that was cancelled afterwards: it read "Cancelled" although its answer stood.
      await rating(
        'cancelledAnswered',
        'api',
        'cancelled',
        [
          { code: 'CSAT', kind: 'stars', status: 'Rated', value: 2 },
          { code: 'NPS', kind: 'nps', status: 'Cancelled' },
        ],
        T1,
      );
      // A survey cancelled before any answer, and one never answered.
      await rating('cancelledUnanswered', 'offer', 'cancelled', [thumbs('EXPERIENCE_THUMBS', 'Cancelled')], T1);
      await rating('waiting', 'offer', 'offered', [{ code: 'NPS', kind: 'nps', status: 'Offered' }]);

      await migrateDatabase(database);
      services = createServices(database, { publicUrl: 'https://plaudit.test' });
    });

    after(() => drop());

    const read = (name: string) => services.ratings.getRating(orgId, String(ids[name]));

    it('marks invites’ first stars question, native and Dixa questions required; the popup’s optional', async () => {
      const required = async (name: string) => (await read(name)).questions.map((question) => question.required);
      assert.deepEqual(await required('inviteStarsOnly'), [true, false, false]);
      assert.deepEqual(await required('inviteThumbsOnly'), [true, false]);
      assert.deepEqual(await required('popupHalf'), [false, false]);
      assert.deepEqual(await required('apiHalf'), [true, true]);
      assert.deepEqual(await required('waiting'), [true]);
    });

    it('recomputes the statuses: only a required question still waiting leaves a survey partial', async () => {
      const statuses = Object.fromEntries(
        await Promise.all(Object.keys(ids).map(async (name) => [name, (await read(name)).status])),
      );
      assert.deepEqual(statuses, {
        inviteStarsOnly: 'rated',
        inviteThumbsOnly: 'partially_rated',
        popupHalf: 'rated',
        apiHalf: 'partially_rated',
        cancelledAnswered: 'rated',
        cancelledUnanswered: 'cancelled',
        waiting: 'offered',
      });
      const cancelled = await read('cancelledAnswered');
      assert.equal(cancelled.cancelled_at, T1, 'when the rest was withdrawn stays recorded');
      assert.deepEqual(
        cancelled.questions.map((question) => [question.status, question.value]),
        [
          ['Rated', 2],
          ['Cancelled', null],
        ],
        'question statuses and values do not change',
      );
    });

    it('answers on the migrated records follow the same rule', async () => {
      const answered = await services.ratings.answerRating(orgId, String(ids.inviteThumbsOnly), {
        answers: [{ code: 'STARS', value: 5 }],
      });
      assert.equal(answered.status, 'rated');
    });
  });
}
