import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { Database, Db } from '../../db/database.js';
import {
  acceptedTimestamp,
  fromJson,
  nowIso,
  recordRef,
  toJson,
  toStoredTimestamp,
  type RecordRef,
} from '../../db/values.js';
import { AppError } from '../../errors.js';
import { decodeCursor, splitPage } from '../../http/pagination.js';
import type { Principal } from '../accounts/index.js';
import { ensureAgents, type NamedAgent } from '../agents/index.js';
import { recordAudit } from '../audit/index.js';
import { SearchIndex } from '../search/index.js';
import type { WebhooksService } from '../webhooks/index.js';
import {
  ConversationsRepository,
  type AppendedMessage,
  type ConversationRow,
  type MessageRow,
} from './conversations.repository.js';
import type {
  Conversation,
  ConversationInput,
  ConversationPatch,
  ImportInput,
  ImportResult,
  ListQuery,
  Message,
  MessageInput,
} from './conversations.schemas.js';
import type { ConversationsTable, MessagesTable } from './conversations.table.js';
import {
  distinctLabels,
  labelsMissing,
  messageLabels,
  storedTags,
  uniqueTags,
  type VersionLabel,
  type VersionListener,
} from './versions.js';
import { VersionLabelsRepository, type LabelRow } from './versions.repository.js';
import { groupCommit } from '../../db/group-commit.js';

const toJsonOrNull = (value: unknown[] | null) => (value === null ? null : toJson(value));

/** The bounds of a conversation's metadata: its size as JSON, and how deeply its objects and arrays nest. */
const MAX_METADATA_BYTES = 16 * 1024;
const MAX_METADATA_DEPTH = 10;
// Keeps every multi-row insert well under both engines' bound-parameter limits.
const CONVERSATION_CHUNK = 500;
const MESSAGE_CHUNK = 1000;

function notFound(idOrUid: string): AppError {
  return new AppError('conversation_not_found', `No conversation ${idOrUid} in this organization.`);
}

/** How deeply the objects and arrays of a JSON value nest (`{}` is 1, `{"a":[1]}` is 2); walked without recursion. */
function nestingDepth(value: unknown): number {
  let deepest = 0;
  const pending: Array<[unknown, number]> = [[value, 1]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [current, depth] = next;
    if (current === null || typeof current !== 'object') continue;
    deepest = Math.max(deepest, depth);
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return deepest;
}

function checkMetadata(metadata: Record<string, unknown> | undefined, field = 'body'): void {
  if (!metadata) return;
  // Depth first: JSON.stringify recurses.
  const depth = nestingDepth(metadata);
  if (depth > MAX_METADATA_DEPTH) {
    throw new AppError(
      'validation_failed',
      `${field}.metadata nests ${depth} levels deep; at most ${MAX_METADATA_DEPTH} are allowed.`,
    );
  }
  if (Buffer.byteLength(JSON.stringify(metadata)) > MAX_METADATA_BYTES) {
    throw new AppError('validation_failed', `${field}.metadata is larger than ${MAX_METADATA_BYTES} bytes as JSON.`);
  }
}

function toConversation(row: ConversationRow): Conversation {
  return {
    id: Number(row.id),
    uid: row.uid,
    external_id: row.external_id,
    channel: row.channel,
    status: row.status,
    contact_id: row.contact_id,
    contact_name: row.contact_name,
    contact_email: row.contact_email,
    agent_id: row.agent_id,
    agent_type: row.agent_type,
    agent_name: row.agent_name ?? null,
    language: row.language,
    metadata: fromJson<Record<string, unknown>>(row.metadata, {}),
    tags: storedTags(row.tags),
    message_count: Number(row.message_count),
    created_at: row.created_at,
    updated_at: row.updated_at,
    closed_at: row.closed_at,
    anonymized_at: row.anonymized_at,
  };
}

function toMessage(row: Insertable<MessagesTable> | MessageRow): Message {
  return {
    uid: row.uid,
    conversation_id: Number(row.conversation_id),
    role: row.role,
    text: row.text ?? null,
    author_id: row.author_id ?? null,
    model: row.model ?? null,
    prompt_version: row.prompt_version ?? null,
    trace_id: row.trace_id ?? null,
    span_id: row.span_id ?? null,
    tags: storedTags(row.tags),
    created_at: row.created_at,
  };
}

type PreparedMessage = Omit<Insertable<MessagesTable>, 'conversation_id' | 'search_words'>;

/** A message with labels, to insert and count under them. */
interface LabeledMessage {
  orgId: number;
  ref: RecordRef;
  message: AppendedMessage;
  labels: VersionLabel[];
  /** Filled in by the write: the ids, or undefined when the conversation took no message. */
  inserted?: { id: number; conversationId: number } | undefined;
}

/** The agents some conversations name, for the directory. */
function agentsNamedBy(conversations: Insertable<ConversationsTable>[]): NamedAgent[] {
  return conversations.flatMap(({ agent_id, agent_type }) =>
    agent_id ? [{ uid: agent_id, type: agent_type ?? null }] : [],
  );
}

/** A conversation without its message count. */
export type ConversationRecord = Omit<Conversation, 'message_count' | 'agent_name'>;

/** Runs inside the anonymization's transaction, so that other modules remove what they hold about the contact. */
export type AnonymizeListener = (db: Db, orgId: number, conversationId: number) => Promise<void>;

/**
 * Runs inside the transaction that closed conversations — a `PATCH` to `closed`, or a create or import of closed ones —
 * after their messages are stored, so that other modules act on the close in the same commit (the survey rules).
 */
export type CloseListener = (db: Db, orgId: number, closed: ConversationRecord[]) => Promise<void>;

/** A conversation just inserted, as other modules see it. */
function insertedRecord(row: Insertable<ConversationsTable>, id: number): ConversationRecord {
  return {
    id,
    uid: row.uid,
    external_id: row.external_id ?? null,
    channel: row.channel ?? null,
    status: row.status,
    contact_id: row.contact_id,
    contact_name: row.contact_name ?? null,
    contact_email: row.contact_email ?? null,
    agent_id: row.agent_id ?? null,
    agent_type: row.agent_type ?? null,
    language: row.language ?? null,
    metadata: fromJson<Record<string, unknown>>(row.metadata, {}),
    tags: storedTags(row.tags),
    created_at: row.created_at,
    updated_at: row.updated_at,
    closed_at: row.closed_at ?? null,
    anonymized_at: row.anonymized_at ?? null,
  };
}

/** Conversations and their messages: what customers push in, and what every other module hangs off. */
export class ConversationsService {
  private readonly repository: ConversationsRepository;
  private readonly search: SearchIndex;
  private readonly anonymizeListeners: AnonymizeListener[] = [];
  private readonly closeListeners: CloseListener[] = [];
  private readonly versionListeners: VersionListener[] = [];
  private readonly labels: VersionLabelsRepository;
  /** Appends a message with labels: group-committed on SQLite, each in a transaction of its own elsewhere. */
  private readonly insertLabeledMessage: (item: LabeledMessage) => Promise<void>;

  /** Appends a message with labels; answers as `appendMessage` does. */
  private async appendLabeledMessage(item: LabeledMessage) {
    await this.insertLabeledMessage(item);
    return item.inserted;
  }

  constructor(
    private readonly database: Database,
    private readonly webhooks?: WebhooksService,
  ) {
    this.search = new SearchIndex(database);
    this.repository = new ConversationsRepository(database, this.search);
    this.labels = new VersionLabelsRepository(() => database.db);
    this.insertLabeledMessage = groupCommit(
      database,
      (trx, item: LabeledMessage) => this.writeLabeledMessage(trx, item),
      {
        transactional: true,
      },
    );
  }

  /** Creates a conversation with its first messages. An external_id already in use is a 409. */
  async createConversation(orgId: number, input: ConversationInput): Promise<Conversation & { messages: Message[] }> {
    const { conversation, messages } = this.prepareConversation(orgId, input, nowIso());
    return this.database.db.transaction().execute(async (trx) => {
      const inserted = await this.repository.insertConversation(trx, conversation);
      if (!inserted) {
        const existing = await this.repository.findByExternalIds(trx, orgId, [input.external_id!]);
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
      if (conversation.status === 'closed') await this.notifyClosed(trx, orgId, [insertedRecord(conversation, id)]);
      const row = await this.repository.findConversation(orgId, { id }, trx);
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
      this.prepareConversation(orgId, item, now, `body.conversations[${index}]`),
    );

    return this.database.db.transaction().execute(async (trx) => {
      const created = new Map<string, { id: number; uid: string }>();
      for (let start = 0; start < prepared.length; start += CONVERSATION_CHUNK) {
        const chunk = prepared.slice(start, start + CONVERSATION_CHUNK);
        const rows = await this.repository.insertConversations(
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
      if (closed.length > 0) await this.notifyClosed(trx, orgId, closed);

      const existing = new Map<string, { id: number; uid: string }>();
      const missing = [...seen].filter((externalId) => !created.has(externalId));
      for (let start = 0; start < missing.length; start += CONVERSATION_CHUNK) {
        const rows = await this.repository.findByExternalIds(
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

  async getConversation(orgId: number, idOrUid: string): Promise<Conversation> {
    const ref = recordRef(idOrUid);
    const row = ref && (await this.repository.findConversation(orgId, ref));
    if (!row) throw notFound(idOrUid);
    return toConversation(row);
  }

  /**
   * The conversation as other modules need it (ratings, feedback): everything but the message count, which costs a
   * count over its messages. 404 when it is not in the organization.
   */
  async findConversation(orgId: number, idOrUid: string): Promise<ConversationRecord> {
    const ref = recordRef(idOrUid);
    const row = ref && (await this.repository.findConversationRecord(orgId, ref));
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
    const rows = await this.repository.listConversations(
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
    return this.database.db.transaction().execute(async (trx) => {
      const row = await this.repository.findConversation(orgId, ref, trx);
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
      await this.repository.updateConversation(trx, Number(row.id), changes);
      const updated = toConversation((await this.repository.findConversation(orgId, { id: Number(row.id) }, trx))!);
      if (changes.status === 'closed') {
        const { message_count: _count, agent_name: _name, ...record } = updated;
        await this.notifyClosed(trx, orgId, [record]);
      }
      return updated;
    });
  }

  /** Registers what another module does when conversations close (the survey rules offer an invite). */
  onClose(listener: CloseListener): void {
    this.closeListeners.push(listener);
  }

  private async notifyClosed(trx: Db, orgId: number, closed: ConversationRecord[]): Promise<void> {
    for (const listener of this.closeListeners) await listener(trx, orgId, closed);
  }

  /**
   * Appends a message. The hot write path: one prepared statement that checks the conversation as it inserts; the
   * conversation is looked up only when nothing was written, to say why (404, or anonymized).
   */
  async addMessage(orgId: number, idOrUid: string, input: MessageInput): Promise<Message> {
    const ref = recordRef(idOrUid);
    if (!ref) throw notFound(idOrUid);
    const row = this.prepareMessage(orgId, input, nowIso(), 'body.created_at');
    const labels = messageLabels({ ...input, tags: storedTags(row.tags) });
    const inserted =
      labels.length === 0
        ? await this.repository.appendMessageAlone(ref, row)
        : await this.appendLabeledMessage({ orgId, ref, message: row, labels });
    if (!inserted) throw await this.whyNoMessage(orgId, ref, idOrUid);
    return toMessage({ ...row, conversation_id: inserted.conversationId });
  }

  /** The error for a message the conversation did not take: it is not the organization's, or it was anonymized. */
  private async whyNoMessage(orgId: number, ref: RecordRef, idOrUid: string): Promise<AppError> {
    const conversation = await this.repository.findConversationKey(orgId, ref);
    if (!conversation) return notFound(idOrUid);
    return new AppError('conversation_anonymized', `Conversation ${idOrUid} was anonymized; it takes no new messages.`);
  }

  /** Registers what counts per label (the analytics rollups): told, in the transaction, when a conversation's change. */
  onVersionsChange(listener: VersionListener): void {
    this.versionListeners.push(listener);
  }

  private async writeLabeledMessage(trx: Db, item: LabeledMessage): Promise<void> {
    const { orgId, ref, message, labels } = item;
    const inserted = await this.repository.appendMessage(trx, ref, message);
    item.inserted = inserted;
    if (!inserted) return;
    const conversationId = inserted.conversationId;
    // Read after the message's insert and before its labels': the conversation's labels as they were.
    const before = await this.labels.rows(trx, conversationId);
    await this.labels.insert(
      trx,
      labels.map((label) => ({ org_id: orgId, conversation_id: conversationId, message_id: inserted.id, ...label })),
    );
    const beforeLabels = distinctLabels(before);
    if (this.versionListeners.length === 0 || labelsMissing(labels, beforeLabels).length === 0) return;
    const tags = before.filter((label) => label.message_id === null).map((label) => label.value);
    await this.notifyVersions(trx, orgId, {
      conversationId,
      before: { labels: beforeLabels, tags },
      after: { labels: distinctLabels([...beforeLabels, ...labels]), tags },
    });
  }

  /** Replaces a conversation's own tags, and tells the listeners what that changed. */
  private async replaceTags(trx: Db, orgId: number, conversationId: number, tags: string[]): Promise<void> {
    const before = await this.labels.rows(trx, conversationId);
    await this.labels.replaceConversationTags(trx, orgId, conversationId, tags);
    const ofMessages = before.filter((label) => label.message_id !== null);
    const tagLabels = tags.map((value): VersionLabel => ({ dimension: 'tag', value }));
    await this.notifyVersions(trx, orgId, {
      conversationId,
      before: {
        labels: distinctLabels(before),
        tags: before.filter((label) => label.message_id === null).map((label) => label.value),
      },
      after: { labels: distinctLabels([...ofMessages, ...tagLabels]), tags },
    });
  }

  private async notifyVersions(trx: Db, orgId: number, change: Parameters<VersionListener>[2]): Promise<void> {
    for (const listener of this.versionListeners) await listener(trx, orgId, change);
  }

  /**
   * The messages of a conversation with their internal ids, for modules that hang records off messages. Takes the
   * record `findConversation` answered, so the organization is checked already.
   */
  async listMessagesWithIds(conversation: ConversationRecord): Promise<Array<{ id: number; message: Message }>> {
    const conversationId = conversation.id;
    return (await this.repository.listMessages(conversationId)).map((row) => ({
      id: Number(row.id),
      message: {
        uid: row.uid,
        conversation_id: conversationId,
        role: row.role,
        text: row.text,
        author_id: row.author_id,
        model: row.model,
        prompt_version: row.prompt_version,
        trace_id: row.trace_id,
        span_id: row.span_id,
        tags: storedTags(row.tags),
        created_at: row.created_at,
      },
    }));
  }

  /**
   * Removes the message texts and everything that identifies the contact, for good, and keeps the numbers (message
   * counts, and the ratings and feedback hung on the conversation) so that statistics survive. The external_id stays:
   * without it a later import would bring the removed data back. Idempotent; recorded in the audit log.
   */
  async anonymizeConversation(principal: Principal, idOrUid: string): Promise<Conversation> {
    const ref = recordRef(idOrUid);
    if (!ref) throw notFound(idOrUid);
    return this.database.db.transaction().execute(async (trx) => {
      const row = await this.repository.findConversation(principal.orgId, ref, trx);
      if (!row) throw notFound(idOrUid);
      if (row.anonymized_at) return toConversation(row);
      const id = Number(row.id);
      const now = nowIso();
      await this.repository.redactMessages(trx, id);
      for (const listener of this.anonymizeListeners) await listener(trx, principal.orgId, id);
      await this.search.forgetConversation(trx, { ...row, id, org_id: principal.orgId });
      await this.repository.updateConversation(trx, id, {
        // A fresh random contact id keeps the column meaningful (one contact) while unlinking the person.
        contact_id: randomUUID(),
        contact_name: null,
        contact_email: null,
        metadata: toJson({}),
        anonymized_at: now,
        updated_at: now,
      });
      await this.webhooks?.enqueue(trx, principal.orgId, 'conversation.anonymized', {
        conversation_id: id,
        conversation_uid: row.uid,
        external_id: row.external_id,
        anonymized_at: now,
      });
      await recordAudit(trx, {
        orgId: principal.orgId,
        actorUserId: principal.userId,
        actorKeyId: principal.keyId,
        action: 'conversation.anonymized',
        subjectType: 'conversation',
        subjectId: String(id),
        details: { uid: row.uid, messages: Number(row.message_count) },
      });
      return toConversation((await this.repository.findConversation(principal.orgId, { id }, trx))!);
    });
  }

  /** Registers what another module must remove when a conversation is anonymized (ratings blank their comments). */
  onAnonymize(listener: AnonymizeListener): void {
    this.anonymizeListeners.push(listener);
  }

  /** The author of the conversation's latest agent or AI message: the agent most likely to be rated. */
  async latestAgentAuthor(orgId: number, conversationId: number): Promise<string | null> {
    return (await this.repository.latestAgentAuthor(orgId, conversationId)) ?? null;
  }

  private prepareConversation(orgId: number, input: ConversationInput, now: string, field = 'body') {
    checkMetadata(input.metadata, field);
    const createdAt = acceptedTimestamp(input.created_at, `${field}.created_at`) ?? now;
    const status = input.status ?? 'open';
    const conversation: Insertable<ConversationsTable> = {
      uid: randomUUID(),
      org_id: orgId,
      external_id: input.external_id ?? null,
      channel: input.channel ?? null,
      status,
      contact_id: input.contact_id?.toLowerCase() ?? randomUUID(),
      contact_name: input.contact_name ?? null,
      contact_email: input.contact_email ?? null,
      agent_id: input.agent_id?.toLowerCase() ?? null,
      agent_type: input.agent_type ?? null,
      language: input.language ?? null,
      metadata: toJson(input.metadata ?? {}),
      tags: toJsonOrNull(uniqueTags(input.tags)),
      created_at: createdAt,
      updated_at: now,
      closed_at: status === 'closed' ? now : null,
      anonymized_at: null,
    };
    const messages = (input.messages ?? []).map((message, index) =>
      this.prepareMessage(orgId, message, now, `${field}.messages[${index}].created_at`),
    );
    return { conversation, messages };
  }

  private prepareMessage(orgId: number, input: MessageInput, now: string, field: string): PreparedMessage {
    return {
      uid: randomUUID(),
      org_id: orgId,
      role: input.role,
      text: input.text,
      author_id: input.author_id?.toLowerCase() ?? null,
      model: input.model ?? null,
      prompt_version: input.prompt_version ?? null,
      trace_id: input.trace_id ?? null,
      span_id: input.span_id ?? null,
      tags: toJsonOrNull(uniqueTags(input.tags)),
      created_at: acceptedTimestamp(input.created_at, field) ?? now,
    };
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
      const ids = await this.repository.insertMessages(db, chunk);
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
    await this.labels.insert(db, labels);
  }
}
