import type { Insertable } from 'kysely';
import type { Database, Db } from '../../db/database.js';
import { nowIso, recordRef, toJson, toStoredTimestamp } from '../../db/values.js';
import { decodeCursor, splitPage } from '../../http/pagination.js';
import type { Principal } from '../accounts/index.js';
import { ensureAgents } from '../agents/index.js';
import type { WebhooksService } from '../webhooks/index.js';
import { ConversationAnonymization } from './conversation-anonymization.service.js';
import { ConversationImports } from './conversation-imports.service.js';
import { ConversationMessages } from './conversation-messages.service.js';
import {
  checkMetadata,
  ConversationRecords,
  notFound,
  toConversation,
  type AnonymizeListener,
  type CloseListener,
  type ConversationRecord,
} from './conversation-records.js';
import type { Conversation, ConversationPatch, ListQuery } from './conversations.schemas.js';
import type { ConversationsTable } from './conversations.table.js';
import { distinctLabels, uniqueTags, type VersionLabel, type VersionListener } from './versions.js';

export type { AnonymizeListener, CloseListener, ConversationRecord } from './conversation-records.js';

/**
 * Conversations and their messages: what customers push in, and what every other module hangs off. Each use case
 * lives in a file of its own (`conversation-imports`, `conversation-messages`, `conversation-anonymization`) over the
 * shared `ConversationRecords`; reading and changing one conversation stay here. This class is the one entry point
 * other modules use.
 */
export class ConversationsService {
  private readonly records: ConversationRecords;
  private readonly imports: ConversationImports;
  private readonly messages: ConversationMessages;
  private readonly anonymization: ConversationAnonymization;

  constructor(database: Database, webhooks?: WebhooksService) {
    this.records = new ConversationRecords(database, webhooks);
    this.imports = new ConversationImports(this.records);
    this.messages = new ConversationMessages(this.records);
    this.anonymization = new ConversationAnonymization(this.records);
  }

  createConversation(...args: Parameters<ConversationImports['createConversation']>) {
    return this.imports.createConversation(...args);
  }

  importConversations(...args: Parameters<ConversationImports['importConversations']>) {
    return this.imports.importConversations(...args);
  }

  addMessage(...args: Parameters<ConversationMessages['addMessage']>) {
    return this.messages.addMessage(...args);
  }

  listMessagesWithIds(...args: Parameters<ConversationMessages['listMessagesWithIds']>) {
    return this.messages.listMessagesWithIds(...args);
  }

  latestAgentAuthor(...args: Parameters<ConversationMessages['latestAgentAuthor']>) {
    return this.messages.latestAgentAuthor(...args);
  }

  anonymizeConversation(principal: Principal, idOrUid: string): Promise<Conversation> {
    return this.anonymization.anonymizeConversation(principal, idOrUid);
  }

  /** Registers what another module does when conversations close (the survey rules offer an invite). */
  onClose(listener: CloseListener): void {
    this.records.closeListeners.push(listener);
  }

  /** Registers what counts per label (the analytics rollups): told, in the transaction, when a conversation's change. */
  onVersionsChange(listener: VersionListener): void {
    this.records.versionListeners.push(listener);
  }

  /** Registers what another module must remove when a conversation is anonymized (ratings blank their comments). */
  onAnonymize(listener: AnonymizeListener): void {
    this.records.anonymizeListeners.push(listener);
  }

  async getConversation(orgId: number, idOrUid: string): Promise<Conversation> {
    const ref = recordRef(idOrUid);
    const row = ref && (await this.records.repository.findConversation(orgId, ref));
    if (!row) throw notFound(idOrUid);
    return toConversation(row);
  }

  /**
   * The conversation as other modules need it (ratings, feedback): everything but the message count, which costs a
   * count over its messages. 404 when it is not in the organization.
   */
  async findConversation(orgId: number, idOrUid: string): Promise<ConversationRecord> {
    const ref = recordRef(idOrUid);
    const row = ref && (await this.records.repository.findConversationRecord(orgId, ref));
    if (!row) throw notFound(idOrUid);
    const { message_count: _count, agent_name: _name, ...conversation } = toConversation({ ...row, message_count: 0 });
    return conversation;
  }

  /** Newest first, with a keyset cursor: pages stay stable while conversations arrive. */
  async listConversations(
    orgId: number,
    query: ListQuery,
  ): Promise<{ data: Conversation[]; next_cursor: string | null }> {
    const limit = query.limit ?? 50;
    const rows = await this.records.repository.listConversations(
      orgId,
      {
        status: query.status,
        channel: query.channel,
        agentId: query.agent_id,
        contactId: query.contact_id,
        externalId: query.external_id,
        createdFrom: query.created_from && toStoredTimestamp(query.created_from),
        createdTo: query.created_to && toStoredTimestamp(query.created_to),
        model: query.model,
        promptVersion: query.prompt_version,
        tag: query.tag,
      },
      limit + 1,
      query.cursor ? decodeCursor(query.cursor) : undefined,
    );
    const { page, next_cursor } = splitPage(rows, limit);
    return { data: page.map(toConversation), next_cursor };
  }

  /** Changes status, agent, channel, language or metadata. Closing stamps closed_at; reopening clears it. */
  async updateConversation(orgId: number, idOrUid: string, patch: ConversationPatch): Promise<Conversation> {
    checkMetadata(patch.metadata);
    const ref = recordRef(idOrUid);
    if (!ref) throw notFound(idOrUid);
    return this.records.database.db.transaction().execute(async (trx) => {
      const row = await this.records.repository.findConversation(orgId, ref, trx);
      if (!row) throw notFound(idOrUid);
      const now = nowIso();
      const changes: Partial<Insertable<ConversationsTable>> = { updated_at: now };
      if (patch.status !== undefined && patch.status !== row.status) {
        changes.status = patch.status;
        changes.closed_at = patch.status === 'closed' ? now : null;
      }
      if (patch.agent_id !== undefined) changes.agent_id = patch.agent_id;
      if (patch.agent_type !== undefined) changes.agent_type = patch.agent_type;
      if (patch.channel !== undefined) changes.channel = patch.channel;
      if (patch.language !== undefined) changes.language = patch.language;
      if (patch.metadata !== undefined) changes.metadata = toJson(patch.metadata);
      if (patch.agent_id) {
        const uid = patch.agent_id.toLowerCase();
        changes.agent_id = uid;
        await ensureAgents(trx, orgId, [{ uid, type: changes.agent_type ?? row.agent_type }], now);
      }
      if (patch.tags !== undefined) {
        const tags = uniqueTags(patch.tags);
        changes.tags = tags && toJson(tags);
        await this.replaceTags(trx, orgId, Number(row.id), tags ?? []);
      }
      await this.records.repository.updateConversation(trx, Number(row.id), changes);
      const updated = toConversation(
        (await this.records.repository.findConversation(orgId, { id: Number(row.id) }, trx))!,
      );
      if (changes.status === 'closed') {
        const { message_count: _count, agent_name: _name, ...record } = updated;
        await this.records.notifyClosed(trx, orgId, [record]);
      }
      return updated;
    });
  }

  /** Replaces a conversation's own tags, and tells the listeners what that changed. */
  private async replaceTags(trx: Db, orgId: number, conversationId: number, tags: string[]): Promise<void> {
    const before = await this.records.labels.rows(trx, conversationId);
    await this.records.labels.replaceConversationTags(trx, orgId, conversationId, tags);
    const ofMessages = before.filter((label) => label.message_id !== null);
    const tagLabels = tags.map((value): VersionLabel => ({ dimension: 'tag', value }));
    await this.records.notifyVersions(trx, orgId, {
      conversationId,
      before: {
        labels: distinctLabels(before),
        tags: before.filter((label) => label.message_id === null).map((label) => label.value),
      },
      after: { labels: distinctLabels([...ofMessages, ...tagLabels]), tags },
    });
  }
}
