import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { Migrator, type Kysely } from 'kysely';
import { openDatabase } from '../src/db/database.js';
import { migrations } from '../src/db/migrations/index.js';
import { migrateDatabase } from '../src/migrate.js';
import { createPostgresDatabase, dialects } from './helpers/databases.js';

for (const dialect of dialects) {
  describe(`The agents directory of a database that existed before it [${dialect}]`, () => {
    it('holds every agent the conversations named, unnamed, and links the users who were agents', async () => {
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
        assert.equal((await migrator.migrateTo('0010_search')).error, undefined);
        const db = database.db as unknown as Kysely<any>;
        const organization = async (name: string) =>
          (
            await db
              .insertInto('organizations')
              .values({ name, created_at: '2026-03-01T08:00:00.000Z', timezone: 'UTC' })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id;
        const [north, south] = [await organization('North'), await organization('South')];
        const maja = randomUUID();
        await db
          .insertInto('users')
          .values({
            id: maja,
            org_id: north,
            email: `maja-${maja}@example.com`,
            name: 'Maja Lind',
            role: 'agent',
            created_at: '2026-03-01T08:00:00.000Z',
          })
          .execute();
        const bot = randomUUID();
        const conversation = (orgId: unknown, agentId: string | null, agentType: string | null, day: string) =>
          db
            .insertInto('conversations')
            .values({
              uid: randomUUID(),
              org_id: orgId,
              status: 'closed',
              contact_id: randomUUID(),
              agent_id: agentId,
              agent_type: agentType,
              metadata: '{}',
              created_at: `2026-03-${day}T10:00:00.000Z`,
              updated_at: `2026-03-${day}T10:00:00.000Z`,
            })
            .execute();
        await conversation(north, bot, 'ai', '05');
        await conversation(north, bot, 'ai', '03');
        await conversation(north, maja, 'human', '04');
        await conversation(north, null, null, '04');
        // The same UUID in another organization is another agent.
        await conversation(south, bot, null, '06');

        assert.equal((await migrateDatabase(database))[0], '0011_agents');
        const agents = await db
          .selectFrom('agents')
          .select(['org_id', 'uid', 'type', 'name', 'created_at'])
          .orderBy('org_id')
          .orderBy('created_at')
          .execute();
        assert.deepEqual(
          agents.map((row) => [
            Number(row.org_id),
            row.uid,
            row.type,
            row.name,
            new Date(row.created_at).toISOString(),
          ]),
          [
            [Number(north), bot, 'ai', null, '2026-03-03T10:00:00.000Z'],
            [Number(north), maja, 'human', null, '2026-03-04T10:00:00.000Z'],
            [Number(south), bot, null, null, '2026-03-06T10:00:00.000Z'],
          ],
        );
        const user = await db.selectFrom('users').select('agent_id').where('id', '=', maja).executeTakeFirstOrThrow();
        assert.equal(user.agent_id, maja, 'Maja, named as an agent by her own id, is linked to that agent');
      } finally {
        await database.close();
        await created?.drop();
      }
    });
  });
}
