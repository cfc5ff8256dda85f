import { CompiledQuery, type Compilable, type Kysely } from 'kysely';

const PARAMETER = '\u0000plaudit-parameter:';

/** The SQL text of every prepared query compiled in this process, with the statement name PostgreSQL knows it by. */
const statementNames = new Map<string, string>();

/**
 * The name a prepared query's SQL runs under on PostgreSQL (see db/postgres.ts), or undefined for any other text. A
 * name always stands for the same text, so a connection may prepare it once and run it for good.
 */
export function preparedStatementName(sql: string): string | undefined {
  return statementNames.get(sql);
}

function nameStatement(sql: string): void {
  if (!statementNames.has(sql)) statementNames.set(sql, `plaudit_${statementNames.size + 1}`);
}

/**
 * A statement written as SQL text, for what the query builder does not say (a PostgreSQL `unnest` of array
 * parameters), run as a named prepared statement on PostgreSQL like the prepared queries below.
 */
export function preparedSql<R>(sql: string): (executor: Kysely<any>, values: unknown[]) => Promise<R[]> {
  nameStatement(sql);
  return async (executor, values) => (await executor.executeQuery<R>(CompiledQuery.raw(sql, values))).rows;
}

/**
 * A query built and compiled by Kysely once, then run again and again with new parameters: for the hot paths, where
 * building and compiling the query would cost more than running it (SQLite answers an indexed lookup in ~3 µs).
 *
 * `build` receives named placeholders and must pass every value through them (no literals, `limit(1)` included), so
 * that each compiled parameter maps back to a name. The SQL text is the same on every call, which also lets the SQLite
 * driver's statement cache hand back the same prepared statement, and PostgreSQL's connections run it as a named
 * prepared statement: parsed and planned once per connection instead of on every call. Runs on the database `database()` answers (read
 * lazily, so that a class field can declare the query), or on the transaction given.
 */
export function preparedQuery<DB, P extends Record<string, unknown>, R>(
  database: () => Kysely<DB>,
  build: (db: Kysely<DB>, params: P) => Compilable<R>,
): (params: P, executor?: Kysely<DB>) => Promise<R[]> {
  let compiled: { sql: string; names: string[] } | undefined;
  return async (params, executor) => {
    const db = database();
    if (!compiled) {
      const placeholders = new Proxy({}, { get: (_target, name) => `${PARAMETER}${String(name)}` }) as P;
      const query = build(db, placeholders).compile();
      const names = query.parameters.map((value) => {
        if (typeof value !== 'string' || !value.startsWith(PARAMETER)) {
          throw new Error(
            `preparedQuery: pass every value as a parameter (found the literal ${JSON.stringify(value)})`,
          );
        }
        return value.slice(PARAMETER.length);
      });
      compiled = { sql: query.sql, names };
      nameStatement(query.sql);
    }
    const { sql, names } = compiled;
    const result = await (executor ?? db).executeQuery<R>(
      CompiledQuery.raw(
        sql,
        names.map((name) => params[name]),
      ),
    );
    return result.rows;
  };
}
