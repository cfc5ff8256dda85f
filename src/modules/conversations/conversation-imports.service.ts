import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import { nowIso } from '../../db/values.js';
import { AppError } from '../../errors.js';
import { ensureAgents } from '../agents/index.js';
import {
  agentsNamedBy,
  insertedRecord,
  prepareConversation,
  toConversation,
  toMessage,
  type ConversationRecords,
} from './conversation-records.js';
import type { Conversation, ConversationInput, ImportInput, ImportResult, Message } from './conversations.schemas.js';
import type { MessagesTable } from './conversations.table.js';
import { messageLabels, storedTags, uniqueTags } from './versions.js';
import type { LabelRow } from './versions.repository.js';

// Keeps every multi-row insert well under both engines' bound-parameter limits.
const CONVERSATION_CHUNK = 500;
const MESSAGE_CHUNK = 1000;

/** Conversations coming in whole: one created with its first messages, or many imported at once. */
export class ConversationImports {
  constructor(private readonly records: ConversationRecords) {}

  /** Creates a conversation with its first messages. An external_id already in use is a 409. */
  async createConversation(orgId: number, input: ConversationInput): Promise<Conversation & { messages: Message[] }> {
    const { conversation, messages } = prepareConversation(orgId, input, nowIso());
    return this.records.database.db.transaction().execute(async (trx) => {
      const inserted = await this.records.repository.insertConversation(trx, conversation);
      if (!inserted) {
        const existing = await this.records.repository.findByExternalIds(trx, orgId, [input.external_id!]);
        throw new AppError(
          'conversation_exists',
          `A conversation with external_id "${input.external_id}" exists already (id ${existing[0]?.id}).`,
          existing[0] ? { id: Number(existing[0].id), uid: existing[0].uid } : undefined,
        );
      }
      const id = Number(inserted.id);
      await ensureAgents(trx, orgId, agentsNamedBy([conversation]), conversation.updated_at);
      const rows = messages.map((message) => ({ ...message, conversation_id: id }));
      await this.insertMessagesInChunks(trx, orgId, rows, [{ id, tags: input.tags }]);
      if (conversation.status === 'closed')
        await this.records.notifyClosed(trx, orgId, [insertedRecord(conversation, id)]);
      const row = await this.records.repository.findConversation(orgId, { id }, trx);
      return { ...toConversation(row!), messages: rows.map(toMessage) };
    });
  }

  /**
   * Imports many conversations with their messages in one transaction. Idempotent by external_id: a conversation whose
   * external_id exists already is left exactly as it is and reported as not created.
   */
  async importConversations(orgId: number, input: ImportInput): Promise<ImportResult> {
    const seen = new Set<string>();
    for (const [index, item] of input.conversations.entries()) {
      if (seen.has(item.external_id)) {
        throw new AppError(
          'validation_failed',
          `body.conversations[${index}].external_id "${item.external_id}" appears twice in this import.`,
        );
      }
      seen.add(item.external_id);
    }
    const now = nowIso();
    const prepared = input.conversations.map((item, index) =>
      prepareConversation(orgId, item, now, `body.conversations[${index}]`),
    );

    return this.records.database.db.transaction().execute(async (trx) => {
      const created = new Map<string, { id: number; uid: string }>();
      for (let start = 0; start < prepared.length; start += CONVERSATION_CHUNK) {
        const chunk = prepared.slice(start, start + CONVERSATION_CHUNK);
        const rows = await this.records.repository.insertConversations(
          trx,
          chunk.map((item) => item.conversation),
        );
        for (const row of rows) created.set(row.external_id!, { id: Number(row.id), uid: row.uid });
      }
      const inserted = prepared.filter(({ conversation }) => created.has(conversation.external_id!));
      await ensureAgents(trx, orgId, agentsNamedBy(inserted.map(({ conversation }) => conversation)), now);
      const messages = prepared.flatMap(({ conversation, messages }) => {
        const target = created.get(conversation.external_id!);
        return target ? messages.map((message) => ({ ...message, conversation_id: target.id })) : [];
      });
      const tagged = input.conversations.flatMap((item) => {
        const target = created.get(item.external_id);
        return target && item.tags ? [{ id: target.id, tags: item.tags }] : [];
      });
      await this.insertMessagesInChunks(trx, orgId, messages, tagged);
      const closed = inserted
        .filter(({ conversation }) => conversation.status === 'closed')
        .map(({ conversation }) => insertedRecord(conversation, created.get(conversation.external_id!)!.id));
      if (closed.length > 0) await this.records.notifyClosed(trx, orgId, closed);

      const existing = new Map<string, { id: number; uid: string }>();
      const missing = [...seen].filter((externalId) => !created.has(externalId));
      for (let start = 0; start < missing.length; start += CONVERSATION_CHUNK) {
        const rows = await this.records.repository.findByExternalIds(
          trx,
          orgId,
          missing.slice(start, start + CONVERSATION_CHUNK),
        );
        for (const row of rows) existing.set(row.external_id!, { id: Number(row.id), uid: row.uid });
      }
      return {
        created: created.size,
        unchanged: existing.size,
        conversations: input.conversations.map(({ external_id }) => {
          const found = created.get(external_id) ?? existing.get(external_id)!;
          return { external_id, id: found.id, uid: found.uid, created: created.has(external_id) };
        }),
      };
    });
  }

  /**
   * Inserts new conversations' messages, and the labels of those messages and of the conversations' own tags. New
   * conversations have no ratings or feedback yet, so nothing counted per label changes.
   */
  private async insertMessagesInChunks(
    db: Db,
    orgId: number,
    rows: Array<Omit<Insertable<MessagesTable>, 'search_words'>>,
    conversations: Array<{ id: number; tags?: string[] }>,
  ): Promise<void> {
    const labels: LabelRow[] = conversations.flatMap(({ id, tags }) =>
      (uniqueTags(tags) ?? []).map((value) => ({
        org_id: orgId,
        conversation_id: id,
        message_id: null,
        dimension: 'tag' as const,
        value,
      })),
    );
    for (let start = 0; start < rows.length; start += MESSAGE_CHUNK) {
      const chunk = rows.slice(start, start + MESSAGE_CHUNK);
      const ids = await this.records.repository.insertMessages(db, chunk);
      for (const row of chunk) {
        for (const label of messageLabels({ ...row, tags: storedTags(row.tags) })) {
          labels.push({
            org_id: orgId,
            conversation_id: Number(row.conversation_id),
            message_id: ids.get(row.uid)!,
            ...label,
          });
        }
      }
    }
    await this.records.labels.insert(db, labels);
  }
}
