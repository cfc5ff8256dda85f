import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { Migrator, type Kysely } from 'kysely';
import { openDatabase } from '../src/db/database.js';
import { migrations } from '../src/db/migrations/index.js';
import { migrateDatabase } from '../src/migrate.js';
import { parseSearch, SearchIndex } from '../src/modules/search/index.js';
import { createPostgresDatabase, dialects } from './helpers/databases.js';

for (const dialect of dialects) {
  describe(`The search index of a database that existed before it [${dialect}]`, () => {
    it('is filled from the stored texts by the migration that creates it', async () => {
      const created = dialect === 'postgres' ? await createPostgresDatabase() : undefined;
      const database = created
        ? openDatabase({ dialect: 'postgres', url: created.url, poolSize: 2 })
        : openDatabase({ dialect: 'sqlite', path: ':memory:' });
      try {
        const migrator = new Migrator({
          db: database.db,
          provider: { getMigrations: async () => migrations },
          migrationTableName: 'plaudit_migration',
          migrationLockTableName: 'plaudit_migration_lock',
        });
        const before = await migrator.migrateTo('0009_expiry_sweep');
        assert.equal(before.error, undefined);
        // Written before the index existed, as the previous version wrote them.
        const db = database.db as unknown as Kysely<any>;
        const now = new Date().toISOString();
        const org = await db
          .insertInto('organizations')
          .values({ name: 'Old', created_at: now, timezone: 'UTC' })
          .returning('id')
          .executeTakeFirstOrThrow();
        const conversation = await db
          .insertInto('conversations')
          .values({
            uid: randomUUID(),
            org_id: org.id,
            external_id: 'LEGACY-9',
            status: 'open',
            contact_id: randomUUID(),
            contact_name: 'Olga Oldtimer',
            metadata: '{}',
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const message = await db
          .insertInto('messages')
          .values({
            uid: randomUUID(),
            org_id: org.id,
            conversation_id: conversation.id,
            role: 'user',
            text: 'My toaster broke',
            created_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await db
          .insertInto('ratings')
          .values({
            uid: randomUUID(),
            code: 'legacy-code-0000000000000',
            org_id: org.id,
            conversation_id: conversation.id,
            source: 'api',
            status: 'rated',
            contact_id: randomUUID(),
            comment: 'Grumpy but fair',
            created_at: now,
            updated_at: now,
            offered_at: now,
          })
          .execute();
        for (const [user, comment] of [
          [randomUUID(), 'Wrong voltage'],
          [randomUUID(), 'Mentions warranty'],
        ]) {
          await db
            .insertInto('message_feedback_current')
            .values({
              message_id: message.id,
              user_id: user,
              org_id: org.id,
              conversation_id: conversation.id,
              feedback_uid: randomUUID(),
              rating: 'dislike',
              comment,
              created_at: now,
            })
            .execute();
        }

        // Later migrations run too; this one is the first of them.
        assert.equal((await migrateDatabase(database))[0], '0010_search');
        const index = new SearchIndex(database);
        for (const word of ['olga', 'legacy', 'toaster', 'grumpy', 'voltage', 'warranty']) {
          const term = parseSearch(word)[0]!;
          assert.deepEqual(
            await index.conversationsWithTerm(Number(org.id), term, 10),
            [Number(conversation.id)],
            word,
          );
        }
      } finally {
        await database.close();
        await created?.drop();
      }
    });
  });
}
