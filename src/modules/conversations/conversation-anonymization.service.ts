import { randomUUID } from 'node:crypto';
import { recordRef, nowIso, toJson } from '../../db/values.js';
import type { Principal } from '../accounts/index.js';
import { recordAudit } from '../audit/index.js';
import { notFound, toConversation, type ConversationRecords } from './conversation-records.js';
import type { Conversation } from './conversations.schemas.js';

/** Anonymizing a conversation: the contact's data removed for good, the numbers kept. */
export class ConversationAnonymization {
  constructor(private readonly records: ConversationRecords) {}

  /**
   * Removes the message texts and everything that identifies the contact, for good, and keeps the numbers (message
   * counts, and the ratings and feedback hung on the conversation) so that statistics survive. The external_id stays:
   * without it a later import would bring the removed data back. Idempotent; recorded in the audit log.
   */
  async anonymizeConversation(principal: Principal, idOrUid: string): Promise<Conversation> {
    const ref = recordRef(idOrUid);
    if (!ref) throw notFound(idOrUid);
    return this.records.database.db.transaction().execute(async (trx) => {
      const row = await this.records.repository.findConversation(principal.orgId, ref, trx);
      if (!row) throw notFound(idOrUid);
      if (row.anonymized_at) return toConversation(row);
      const id = Number(row.id);
      const now = nowIso();
      await this.records.repository.redactMessages(trx, id);
      for (const listener of this.records.anonymizeListeners) await listener(trx, principal.orgId, id);
      await this.records.search.forgetConversation(trx, { ...row, id, org_id: principal.orgId });
      await this.records.repository.updateConversation(trx, id, {
        // A fresh random contact id keeps the column meaningful (one contact) while unlinking the person.
        contact_id: randomUUID(),
        contact_name: null,
        contact_email: null,
        metadata: toJson({}),
        anonymized_at: now,
        updated_at: now,
      });
      await this.records.webhooks?.enqueue(trx, principal.orgId, 'conversation.anonymized', {
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
      return toConversation((await this.records.repository.findConversation(principal.orgId, { id }, trx))!);
    });
  }
}
