import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { preparedStatementName } from './prepared.js';

const INT8 = 20;
const TIMESTAMPTZ = 1184;
const TIMESTAMP = 1114;

/**
 * pg returns int8 as a string and timestamps as Date objects. Plaudit's ids and counts fit in a double and the API
 * speaks ISO 8601, so both are converted here once, matching what the SQLite side stores.
 */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8) return (value: string) => Number(value);
    if (oid === TIMESTAMPTZ || oid === TIMESTAMP) return (value: string) => new Date(value).toISOString();
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as pg.CustomTypesConfig;

export interface PostgresOptions {
  connectionString: string;
  poolSize?: number;
}

/**
 * Runs the prepared queries' SQL (db/prepared.ts) as named prepared statements on this connection. Kysely hands pg
 * every query as bare text, which PostgreSQL parses, analyses and plans anew each time; a named statement is parsed
 * once per connection and its plan reused, which on the hot paths (a key lookup, an insert) is about a third of a
 * query's time. Any other text, and pg's other calling forms (config objects, cursors), pass through unchanged.
 */
function namePreparedStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  client.query = ((...args: unknown[]) => {
    const [text, values] = args;
    const name = typeof text === 'string' && args.length <= 2 ? preparedStatementName(text) : undefined;
    return name === undefined ? query(...args) : query({ name, text, values });
  }) as typeof client.query;
}

/** Opens a pooled PostgreSQL connection. Connections are made lazily, on the first query. */
export function openPostgres(options: PostgresOptions): { kysely: Kysely<unknown>; pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolSize ?? 10,
    types,
    // Fail a request instead of hanging when the database is unreachable.
    connectionTimeoutMillis: 5000,
  });
  // An idle client that loses its connection emits 'error'; without a listener it would crash the process.
  pool.on('error', () => {});
  pool.on('connect', namePreparedStatements);
  const kysely = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
  return { kysely, pool };
}
