import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../db/database.js';
import { preparedQuery } from '../../db/prepared.js';
import type { VersionDimension } from './conversations.table.js';
import { distinctLabels, type VersionLabel } from './versions.js';

// Rows per multi-row insert: well under both engines' bound-parameter limits.
const CHUNK = 1000;

export interface LabelRow {
  org_id: number;
  conversation_id: number;
  message_id: number | null;
  dimension: VersionDimension;
  value: string;
}

/** SQL for the version labels of conversations and messages. */
export class VersionLabelsRepository {
  private readonly db: () => Db;

  constructor(db: () => Db) {
    this.db = db;
  }

  async insert(db: Db, rows: LabelRow[]): Promise<void> {
    for (let at = 0; at < rows.length; at += CHUNK) {
      await db
        .insertInto('version_labels')
        .values(rows.slice(at, at + CHUNK))
        .execute();
    }
  }

  private readonly ofConversation = preparedQuery(
    () => this.db(),
    (db, params: { conversationId: number }) =>
      db
        .selectFrom('version_labels')
        .select(['message_id', 'dimension', 'value'])
        .where('conversation_id', '=', params.conversationId),
  );

  /** Every label of the conversation with the message carrying it (null: a tag of the conversation itself). */
  async rows(db: Db, conversationId: number) {
    return (await this.ofConversation({ conversationId }, db)).map((row) => ({
      message_id: row.message_id === null ? null : Number(row.message_id),
      dimension: row.dimension,
      value: row.value,
    }));
  }

  /** The conversation's labels, each once: its tags and every label of its messages. */
  async labelsOf(db: Db, conversationId: number): Promise<VersionLabel[]> {
    return distinctLabels(await this.rows(db, conversationId));
  }

  private readonly ofMessage = preparedQuery(
    () => this.db(),
    (db, params: { conversationId: number; messageId: number }) =>
      db
        .selectFrom('version_labels')
        .select(['dimension', 'value'])
        .where('conversation_id', '=', params.conversationId)
        .where((eb) => eb.or([eb('message_id', '=', params.messageId), eb('message_id', 'is', null)])),
  );

  /** A message's labels, each once: its own and its conversation's tags. */
  async labelsOfMessage(db: Db, conversationId: number, messageId: number): Promise<VersionLabel[]> {
    const rows = await this.ofMessage({ conversationId, messageId }, db);
    return rows.length === 0 ? [] : distinctLabels(rows);
  }

  async replaceConversationTags(db: Db, orgId: number, conversationId: number, tags: string[]): Promise<void> {
    await db
      .deleteFrom('version_labels')
      .where('conversation_id', '=', conversationId)
      .where('message_id', 'is', null)
      .execute();
    await this.insert(
      db,
      tags.map((value) => ({
        org_id: orgId,
        conversation_id: conversationId,
        message_id: null,
        dimension: 'tag',
        value,
      })),
    );
  }
}

/** A version filter: the conversations or messages carrying one label. */
export interface VersionFilter {
  model?: string;
  promptVersion?: string;
  tag?: string;
}

/** The labels a filter asks for. */
export function filterLabels(filter: VersionFilter): VersionLabel[] {
  const labels: VersionLabel[] = [];
  if (filter.model) labels.push({ dimension: 'model', value: filter.model });
  if (filter.promptVersion) labels.push({ dimension: 'prompt_version', value: filter.promptVersion });
  if (filter.tag) labels.push({ dimension: 'tag', value: filter.tag });
  return labels;
}

/**
 * The conversation `conversation` (a column reference) carries every label of the filter: on one of its messages or
 * as its own tag.
 */
export function conversationHasLabels(conversation: Expression<number>, filter: VersionFilter): Expression<SqlBool>[] {
  return filterLabels(filter).map(
    ({ dimension, value }) =>
      sql<SqlBool>`exists (select 1 from version_labels vl where vl.conversation_id = ${conversation}
        and vl.dimension = ${dimension} and vl.value = ${value})`,
  );
}

/**
 * The message `message` of the conversation `conversation` carries every label of the filter: as its own, or as a
 * tag of its conversation.
 */
export function messageHasLabels(
  conversation: Expression<number>,
  message: Expression<number>,
  filter: VersionFilter,
): Expression<SqlBool>[] {
  return filterLabels(filter).map(
    ({ dimension, value }) =>
      sql<SqlBool>`exists (select 1 from version_labels vl where vl.conversation_id = ${conversation}
        and (vl.message_id = ${message} or vl.message_id is null)
        and vl.dimension = ${dimension} and vl.value = ${value})`,
  );
}
