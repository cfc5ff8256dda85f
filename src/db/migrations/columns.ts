import { PostgresAdapter, type ColumnDataType, type CreateTableBuilder, type Kysely } from 'kysely';

/**
 * Column types per engine, for migrations only. Migrations receive an untyped Kysely and must not import application
 * code; these helpers are part of the migration set and never change meaning once a migration uses them.
 */
export interface ColumnTypes {
  uuid: ColumnDataType;
  timestamp: ColumnDataType;
  json: ColumnDataType;
  boolean: ColumnDataType;
  bigint: ColumnDataType;
}

export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export function columnTypes(db: Kysely<any>): ColumnTypes {
  return isPostgres(db)
    ? { uuid: 'uuid', timestamp: 'timestamptz', json: 'jsonb', boolean: 'boolean', bigint: 'bigint' }
    : { uuid: 'text', timestamp: 'text', json: 'text', boolean: 'integer', bigint: 'integer' };
}

/** Adds an auto-incrementing integer primary key named `id`. */
export function withIdColumn<T extends string>(db: Kysely<any>, table: CreateTableBuilder<T, never>) {
  return isPostgres(db)
    ? table.addColumn('id', 'bigint', (col) => col.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement());
}
