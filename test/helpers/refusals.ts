import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Database } from '../../src/db/database.js';
import type { ApiResponse } from './app.js';

/**
 * The tables a request can write to, with the columns that reads also touch left out (a key's `last_used_at`, a
 * session's `last_seen_at`): a refused request must leave every one of them exactly as it was.
 */
const WRITTEN_TABLES: Record<string, string[]> = {
  organizations: [],
  users: [],
  api_keys: ['last_used_at'],
  sessions: ['last_seen_at'],
  conversations: [],
  messages: [],
  ratings: [],
  rating_questions: [],
  rating_settings: [],
  rating_texts: [],
  questions: [],
  question_versions: [],
  message_feedback: [],
  message_feedback_current: [],
  analytics_rating_days: [],
  analytics_message_days: [],
  webhooks: [],
  webhook_deliveries: [],
  langfuse_connections: [],
  widget_tokens: [],
  audit_log: [],
};

/** Every row of every table a request can write, sorted: compare it before and after a refused request. */
export async function writtenState(database: Database): Promise<Record<string, string[]>> {
  const state: Record<string, string[]> = {};
  for (const [table, volatile] of Object.entries(WRITTEN_TABLES)) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(database.db);
    state[table] = rows
      .map((row) => {
        for (const column of volatile) delete row[column];
        return JSON.stringify(row, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value));
      })
      .sort();
  }
  return state;
}

/** Runs `refused` and asserts that nothing was written meanwhile; answers what `refused` answered. */
export async function withoutWrites<T>(database: Database, refused: () => Promise<T>): Promise<T> {
  const before = await writtenState(database);
  const result = await refused();
  assert.deepEqual(await writtenState(database), before, 'a refused request writes nothing');
  return result;
}

export type Surface = 'native' | 'healvi' | 'quickchat' | 'dixa' | 'exante';

/**
 * Asserts a refusal in the error shape of a surface: the native `{"error":{"code","message"}}`, Quickchat's
 * `{"errors":{"root":[{"message","code"}]}}` (both carry the code), Healvi's and Dixa's `{"message"}`, Exante's
 * `{"status":"error","message"}`.
 */
export function assertRefused(
  response: ApiResponse,
  surface: Surface,
  status: number,
  code: string,
  message?: RegExp,
): void {
  const { body } = response;
  assert.equal(response.status, status, `expected ${status} ${code}, got ${response.status}: ${JSON.stringify(body)}`);
  let sentence: unknown;
  switch (surface) {
    case 'native':
      assert.deepEqual(Object.keys(body), ['error']);
      assert.equal(body.error.code, code);
      sentence = body.error.message;
      break;
    case 'quickchat':
      assert.equal(body.errors.root.length, 1);
      assert.equal(body.errors.root[0].code, code);
      sentence = body.errors.root[0].message;
      break;
    case 'healvi':
    case 'dixa':
      assert.deepEqual(Object.keys(body), ['message']);
      sentence = body.message;
      break;
    case 'exante':
      assert.deepEqual(Object.keys(body).sort(), ['message', 'status']);
      assert.equal(body.status, 'error');
      sentence = body.message;
      break;
  }
  assert.equal(typeof sentence, 'string');
  assert.ok((sentence as string).length > 10, `a sentence a person can act on: ${String(sentence)}`);
  if (message) assert.match(sentence as string, message);
}
