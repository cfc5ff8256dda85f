import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { Database, Db } from '../../db/database.js';
import { acceptedTimestamp, fromJson, toJson, type RecordRef } from '../../db/values.js';
import { AppError } from '../../errors.js';
import type { NamedAgent } from '../agents/index.js';
import { SearchIndex } from '../search/index.js';
import type { WebhooksService } from '../webhooks/index.js';
import {
  ConversationsRepository,
  type AppendedMessage,
  type ConversationRow,
  type MessageRow,
} from './conversations.repository.js';
import type { Conversation, ConversationInput, Message, MessageInput } from './conversations.schemas.js';
import type { ConversationsTable, MessagesTable } from './conversations.table.js';
import { storedTags, uniqueTags, type VersionLabel, type VersionListener } from './versions.js';
import { VersionLabelsRepository } from './versions.repository.js';

const toJsonOrNull = (value: unknown[] | null) => (value === null ? null : toJson(value));

/** The bounds of a conversation's metadata: its size as JSON, and how deeply its objects and arrays nest. */
const MAX_METADATA_BYTES = 16 * 1024;
const MAX_METADATA_DEPTH = 10;

export function notFound(idOrUid: string): AppError {
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

export function checkMetadata(metadata: Record<string, unknown> | undefined, field = 'body'): void {
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

export function toConversation(row: ConversationRow): Conversation {
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

export function toMessage(row: Insertable<MessagesTable> | MessageRow): Message {
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

export type PreparedMessage = Omit<Insertable<MessagesTable>, 'conversation_id' | 'search_words'>;

/** A message with labels, to insert and count under them. */
export interface LabeledMessage {
  orgId: number;
  ref: RecordRef;
  message: AppendedMessage;
  labels: VersionLabel[];
  /** Filled in by the write: the ids, or undefined when the conversation took no message. */
  inserted?: { id: number; conversationId: number } | undefined;
}

/** The agents some conversations name, for the directory. */
export function agentsNamedBy(conversations: Insertable<ConversationsTable>[]): NamedAgent[] {
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
export function insertedRecord(row: Insertable<ConversationsTable>, id: number): ConversationRecord {
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
/** A conversation's fields from what a client sent, checked, with its messages: ready to insert. */
export function prepareConversation(orgId: number, input: ConversationInput, now: string, field = 'body') {
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
    prepareMessage(orgId, message, now, `${field}.messages[${index}].created_at`),
  );
  return { conversation, messages };
}

/** A message's fields from what a client sent: ready to insert once its conversation is known. */
export function prepareMessage(orgId: number, input: MessageInput, now: string, field: string): PreparedMessage {
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
 * What every use case of conversations shares: the SQL, the search index, the version labels, the webhooks, and the
 * other modules' listeners, told inside the writing transaction.
 */
export class ConversationRecords {
  readonly repository: ConversationsRepository;
  readonly search: SearchIndex;
  readonly labels: VersionLabelsRepository;
  readonly anonymizeListeners: AnonymizeListener[] = [];
  readonly closeListeners: CloseListener[] = [];
  readonly versionListeners: VersionListener[] = [];

  constructor(
    readonly database: Database,
    readonly webhooks?: WebhooksService,
  ) {
    this.search = new SearchIndex(database);
    this.repository = new ConversationsRepository(database, this.search);
    this.labels = new VersionLabelsRepository(() => database.db);
  }

  async notifyClosed(trx: Db, orgId: number, closed: ConversationRecord[]): Promise<void> {
    for (const listener of this.closeListeners) await listener(trx, orgId, closed);
  }

  async notifyVersions(trx: Db, orgId: number, change: Parameters<VersionListener>[2]): Promise<void> {
    for (const listener of this.versionListeners) await listener(trx, orgId, change);
  }
}
