import type { Db } from '../../db/database.js';
import { groupCommit } from '../../db/group-commit.js';
import { nowIso, recordRef, type RecordRef } from '../../db/values.js';
import { AppError } from '../../errors.js';
import {
  notFound,
  prepareMessage,
  toMessage,
  type ConversationRecord,
  type ConversationRecords,
  type LabeledMessage,
} from './conversation-records.js';
import type { Message, MessageInput } from './conversations.schemas.js';
import { distinctLabels, labelsMissing, messageLabels, storedTags } from './versions.js';

/** The messages of conversations: appended one at a time (the hot write path), and read back with their ids. */
export class ConversationMessages {
  /** Appends a message with labels: group-committed on SQLite, each in a transaction of its own elsewhere. */
  private readonly insertLabeledMessage: (item: LabeledMessage) => Promise<void>;

  constructor(private readonly records: ConversationRecords) {
    this.insertLabeledMessage = groupCommit(
      records.database,
      (trx, item: LabeledMessage) => this.writeLabeledMessage(trx, item),
      { transactional: true },
    );
  }

  /**
   * Appends a message. The hot write path: one prepared statement that checks the conversation as it inserts; the
   * conversation is looked up only when nothing was written, to say why (404, or anonymized).
   */
  async addMessage(orgId: number, idOrUid: string, input: MessageInput): Promise<Message> {
    const ref = recordRef(idOrUid);
    if (!ref) throw notFound(idOrUid);
    const row = prepareMessage(orgId, input, nowIso(), 'body.created_at');
    const labels = messageLabels({ ...input, tags: storedTags(row.tags) });
    const inserted =
      labels.length === 0
        ? await this.records.repository.appendMessageAlone(ref, row)
        : await this.appendLabeledMessage({ orgId, ref, message: row, labels });
    if (!inserted) throw await this.whyNoMessage(orgId, ref, idOrUid);
    return toMessage({ ...row, conversation_id: inserted.conversationId });
  }

  /** The error for a message the conversation did not take: it is not the organization's, or it was anonymized. */
  private async whyNoMessage(orgId: number, ref: RecordRef, idOrUid: string): Promise<AppError> {
    const conversation = await this.records.repository.findConversationKey(orgId, ref);
    if (!conversation) return notFound(idOrUid);
    return new AppError('conversation_anonymized', `Conversation ${idOrUid} was anonymized; it takes no new messages.`);
  }

  /** Appends a message with labels; answers as `appendMessage` does. */
  private async appendLabeledMessage(item: LabeledMessage) {
    await this.insertLabeledMessage(item);
    return item.inserted;
  }

  private async writeLabeledMessage(trx: Db, item: LabeledMessage): Promise<void> {
    const { orgId, ref, message, labels } = item;
    const inserted = await this.records.repository.appendMessage(trx, ref, message);
    item.inserted = inserted;
    if (!inserted) return;
    const conversationId = inserted.conversationId;
    // Read after the message's insert and before its labels': the conversation's labels as they were.
    const before = await this.records.labels.rows(trx, conversationId);
    await this.records.labels.insert(
      trx,
      labels.map((label) => ({ org_id: orgId, conversation_id: conversationId, message_id: inserted.id, ...label })),
    );
    const beforeLabels = distinctLabels(before);
    if (this.records.versionListeners.length === 0 || labelsMissing(labels, beforeLabels).length === 0) return;
    const tags = before.filter((label) => label.message_id === null).map((label) => label.value);
    await this.records.notifyVersions(trx, orgId, {
      conversationId,
      before: { labels: beforeLabels, tags },
      after: { labels: distinctLabels([...beforeLabels, ...labels]), tags },
    });
  }

  /**
   * The messages of a conversation with their internal ids, for modules that hang records off messages. Takes the
   * record `findConversation` answered, so the organization is checked already.
   */
  async listMessagesWithIds(conversation: ConversationRecord): Promise<Array<{ id: number; message: Message }>> {
    const conversationId = conversation.id;
    return (await this.records.repository.listMessages(conversationId)).map((row) => ({
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

  /** The author of the conversation's latest agent or AI message: the agent most likely to be rated. */
  async latestAgentAuthor(orgId: number, conversationId: number): Promise<string | null> {
    return (await this.records.repository.latestAgentAuthor(orgId, conversationId)) ?? null;
  }
}
