import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Migrator, sql, type Kysely } from 'kysely';
import { buildApp, type App } from '../src/app.js';
import { openDatabase, type Database, type DatabaseTarget } from '../src/db/database.js';
import { migrations } from '../src/db/migrations/index.js';
import { migrateDatabase } from '../src/migrate.js';
import { seedDemo, type DemoCredentials } from '../src/modules/demo/index.js';
import { testConfig } from './helpers/app.js';
import { createPostgresDatabase, dialects } from './helpers/databases.js';

/**
 * A database made at every earlier schema version, with data, brought to the latest: the upgrade a team runs. The data
 * is the demo organization's, made at the latest version and copied into a database stopped at version N — every
 * column that existed then, no column that came later — so each step of every later migration (its new columns, its
 * backfills, its rebuilt rollups) runs over realistic records, and a new migration is covered the day it is added.
 * After the upgrade the organization's own key must still open it, and what it shows must equal the original.
 */
const names = Object.keys(migrations);
const earlier = names.slice(0, -1);

interface Store {
  target: DatabaseTarget;
  drop(): Promise<void>;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

function migrator(db: Kysely<any>) {
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'plaudit_migration',
    migrationLockTableName: 'plaudit_migration_lock',
  });
}

/** The tables of a store and their stored (not generated) columns, in the order they were created. */
async function tablesOf(database: Database): Promise<Map<string, string[]>> {
  const db = database.db as unknown as Kysely<any>;
  const tables = new Map<string, string[]>();
  if (database.dialect === 'sqlite') {
    const rows = await sql<{ name: string; sql: string }>`
      select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%' order by rowid`.execute(db);
    const virtual = rows.rows.filter((row) => /^create virtual table/i.test(row.sql)).map((row) => row.name);
    for (const { name } of rows.rows) {
      // The shadow tables of a full-text index are its own business: it is copied through its virtual table.
      if (virtual.some((table) => name.startsWith(`${table}_`))) continue;
      const columns = await sql<{ name: string; hidden: number }>`
        select name, hidden from pragma_table_xinfo(${name})`.execute(db);
      tables.set(
        name,
        columns.rows.filter((column) => column.hidden === 0).map((column) => column.name),
      );
    }
  } else {
    const columns = await sql<{ table_name: string; column_name: string }>`
      select c.table_name, c.column_name from information_schema.columns c
        join pg_class k on k.relname = c.table_name and k.relnamespace = current_schema()::regnamespace
      where c.table_schema = current_schema() and c.is_generated = 'NEVER'
        and k.relkind = 'r'
      order by k.oid, c.ordinal_position`.execute(db);
    for (const row of columns.rows)
      tables.set(row.table_name, [...(tables.get(row.table_name) ?? []), row.column_name]);
  }
  for (const table of ['plaudit_migration', 'plaudit_migration_lock']) tables.delete(table);
  return tables;
}

/** Copies what `source` holds into `copy`, table by table, only the columns `copy`'s older schema has. */
async function copyInto(copy: Database, source: Database, sourceTarget: DatabaseTarget): Promise<void> {
  const tables = await tablesOf(copy);
  await (copy.db as unknown as Kysely<any>).connection().execute(async (connection) => {
    // The rows go in table by table, in creation order, but rows of one table may point at each other: the keys are
    // the origin's, which held them.
    if (copy.dialect === 'sqlite') {
      const path = sourceTarget.dialect === 'sqlite' ? sourceTarget.path : '';
      await sql`pragma foreign_keys = off`.execute(connection);
      await sql.raw(`attach database '${path.replaceAll("'", "''")}' as source`).execute(connection);
      try {
        for (const [table, columns] of tables) {
          const list = columns.map(quote).join(', ');
          await sql
            .raw(`insert into ${quote(table)} (${list}) select ${list} from source.${quote(table)}`)
            .execute(connection);
        }
      } finally {
        await sql`detach database source`.execute(connection);
        await sql`pragma foreign_keys = on`.execute(connection);
      }
      return;
    }
    // PostgreSQL: the origin is another database. Its rows travel as JSON and land through the older table's own row
    // type, which keeps every value's type (jsonb, arrays, timestamps) and drops the columns that came later.
    await sql`set session_replication_role = replica`.execute(connection);
    try {
      for (const [table, columns] of tables) {
        const rows = await sql<{ rows: unknown }>`
          select coalesce(json_agg(t), '[]'::json) as rows from ${sql.table(table)} t`.execute(source.db);
        const list = columns.map(quote).join(', ');
        const identity = await sql<{ sequence: string | null }>`
          select pg_get_serial_sequence(${quote(table)}, 'id') as sequence
          where exists (select 1 from information_schema.columns where table_schema = current_schema()
            and table_name = ${table} and column_name = 'id' and is_identity = 'YES')`.execute(connection);
        const sequence = identity.rows[0]?.sequence;
        const overriding = sequence ? 'overriding system value' : '';
        const into = `insert into ${quote(table)} (${list}) ${overriding} select ${list}`;
        await sql`${sql.raw(into)} from json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(rows.rows[0]!.rows)}::json)`.execute(
          connection,
        );
        // New rows go on after the copied ones.
        if (sequence) {
          await sql`select setval(${sequence}, coalesce(max(id), 0) + 1, false) from ${sql.table(table)}`.execute(
            connection,
          );
        }
      }
    } finally {
      await sql`set session_replication_role = default`.execute(connection);
    }
  });
}

/**
 * What a version's schema could hold, by the migration that brought it: a database stopped before that migration had
 * no place for it, and the upgrade cannot invent it.
 */
const arrivals = {
  ratings: '0002_ratings',
  feedback: '0003_message_feedback',
  agents: '0011_agents',
  versions: '0016_versions',
} as const;

const had = (version: string, part: keyof typeof arrivals) => version >= arrivals[part];

/** What the organization's key shows of what a database at `version` could hold. */
async function view(app: App, key: string, from: string, to: string, version: string) {
  const get = async (url: string) => {
    const response = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${key}` } });
    assert.equal(response.statusCode, 200, `${url}: ${response.body}`);
    return JSON.parse(response.body);
  };
  const range = `from=${from}&to=${to}`;
  const summary = (await get(`/v1/analytics/summary?${range}`)).data;
  const conversations: Array<Record<string, unknown>> = [];
  let cursor: string | undefined;
  do {
    const page = await get(`/v1/conversations?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
    conversations.push(...page.data);
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  const messages = [];
  for (const conversation of conversations.slice(0, 5)) {
    const page = await get(`/v1/conversations/${conversation.id}/messages`);
    messages.push(
      page.data.map(
        ({
          model,
          prompt_version,
          trace_id,
          span_id,
          tags,
          likes,
          dislikes,
          comments,
          my_feedback,
          ...message
        }: any) => ({
          ...message,
          ...(had(version, 'versions') ? { model, prompt_version, trace_id, span_id, tags } : {}),
          ...(had(version, 'feedback') ? { likes, dislikes, comments, my_feedback } : {}),
        }),
      ),
    );
  }
  return {
    ...(had(version, 'ratings') ? { csat: summary.csat, nps: summary.nps, thumbs: summary.thumbs } : {}),
    ...(had(version, 'feedback') ? { messages: summary.messages } : {}),
    conversations: conversations.map(({ tags, agent_name, ...conversation }) => ({
      ...conversation,
      ...(had(version, 'versions') ? { tags } : {}),
      // Before the agents directory a name came from the teammate the agent was, which the directory's backfill links.
      ...(had(version, 'agents') || conversation.agent_type === 'human' ? { agent_name } : {}),
    })),
    firstMessages: messages,
  };
}

for (const dialect of dialects) {
  describe(`upgrading a database made at every earlier schema version, with data [${dialect}]`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'plaudit-upgrades-'));
    const stores: Store[] = [];
    let source: Store;
    let demo: DemoCredentials;
    let latest: App;
    let sourceDatabase: Database;
    // The demo's four weeks, and a day either side.
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const [from, to] = [day(-30), day(1)];

    /** A new, empty store: a SQLite file, or a PostgreSQL database of its own. */
    async function store(name: string): Promise<Store> {
      if (dialect === 'sqlite') return { target: { dialect, path: join(dir, `${name}.db`) }, drop: async () => {} };
      const created = await createPostgresDatabase();
      return { target: { dialect, url: created.url, poolSize: 2 }, drop: created.drop };
    }

    before(async () => {
      source = await store('latest');
      stores.push(source);
      sourceDatabase = openDatabase(source.target);
      await migrateDatabase(sourceDatabase);
      latest = await buildApp({ config: { ...testConfig, database: source.target }, database: sourceDatabase });
      demo = await seedDemo(latest.services, { conversations: 30 });
      const everything = await view(latest, demo.apiKey, from, to, names.at(-1)!);
      assert.ok(everything.conversations.length === 30 && everything.messages!.likes > 0);
      assert.ok(everything.csat!.responses > 0 && everything.firstMessages.flat().some((m) => m.model));
    });

    after(async () => {
      await latest?.close();
      await sourceDatabase?.close();
      for (const made of stores) await made.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    for (const version of earlier) {
      it(`from ${version}: the demo's key opens it and it shows what it showed`, async () => {
        const expected = await view(latest, demo.apiKey, from, to, version);
        const copy = await store(`v${version.slice(0, 4)}`);
        stores.push(copy);
        const database = openDatabase(copy.target);
        try {
          const stopped = await migrator(database.db as unknown as Kysely<any>).migrateTo(version);
          assert.equal(stopped.error, undefined, String(stopped.error));
          await copyInto(database, sourceDatabase, source.target);
          const applied = await migrateDatabase(database);
          assert.deepEqual(applied, names.slice(names.indexOf(version) + 1));

          const app = await buildApp({ config: { ...testConfig, database: copy.target }, database });
          try {
            assert.deepEqual(await view(app, demo.apiKey, from, to, version), expected);
            // And it takes new writes: the identity columns go on after the copied rows.
            const created = await app.inject({
              method: 'POST',
              url: '/v1/conversations',
              headers: { authorization: `Bearer ${demo.apiKey}` },
              payload: { external_id: `after-upgrade-${version}`, messages: [{ role: 'ai', text: 'Still here.' }] },
            });
            assert.equal(created.statusCode, 201, created.body);
          } finally {
            await app.close();
          }
        } finally {
          await database.close();
        }
      });
    }
  });
}

describe('the changelog', () => {
  it('names every migration, so that each release says what it changes in the schema', () => {
    const changelog = readFileSync(new URL('../CHANGELOG.md', import.meta.url), 'utf8');
    assert.deepEqual(
      names.filter((name) => !changelog.includes(`\`${name}\``)),
      [],
    );
  });
});
