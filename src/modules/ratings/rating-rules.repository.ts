import type { Db } from '../../db/database.js';
import { booleanParam } from '../../db/values.js';

/** SQL the survey rules and the reminders read and write: always bound to one organization or one rating. */
export class RatingRulesRepository {
  constructor(private readonly db: Db) {}

  /** How many messages the contact (role `user`) wrote in the conversation. */
  async contactMessages(db: Db, conversationId: number): Promise<number> {
    const row = await db
      .selectFrom('messages')
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .where('conversation_id', '=', conversationId)
      .where('role', '=', 'user')
      .executeTakeFirst();
    return Number(row?.count ?? 0);
  }

  /** When the contact was last offered a survey of another conversation, at or after `since`; null when not. */
  async lastSurveyedAt(
    db: Db,
    orgId: number,
    contactId: string,
    conversationId: number,
    since: string,
  ): Promise<string | null> {
    const row = await db
      .selectFrom('ratings')
      .select('offered_at')
      .where('org_id', '=', orgId)
      .where('contact_id', '=', contactId)
      .where('offered_at', '>=', since)
      .where('conversation_id', '!=', conversationId)
      .orderBy('offered_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.offered_at ?? null;
  }

  /** Invites whose reminder is due and not sent yet, oldest first (the partial index `ratings_remind_due_idx`). */
  dueReminders(now: string, limit: number) {
    return this.db
      .selectFrom('ratings')
      .select(['id', 'org_id'])
      .where('reminded_at', 'is', null)
      .where('remind_at', 'is not', null)
      .where('remind_at', '<=', now)
      .orderBy('remind_at')
      .limit(limit)
      .execute();
  }

  /**
   * Marks the reminder sent when the invite still waits for its first answer: not answered, not cancelled, not
   * expired, and not reminded by another node. False when any of those fails.
   */
  async claimReminder(db: Db, id: number, now: string): Promise<boolean> {
    const result = await db
      .updateTable('ratings')
      .set({ reminded_at: now })
      .where('id', '=', id)
      .where('reminded_at', 'is', null)
      .where('status', '=', 'offered')
      .where('cancelled_at', 'is', null)
      .where('expiry_recorded', '=', booleanParam(false))
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Takes a reminder that will never be sent (answered, cancelled, expired) off the due list. */
  async dropReminder(db: Db, id: number): Promise<void> {
    await db
      .updateTable('ratings')
      .set({ remind_at: null })
      .where('id', '=', id)
      .where('reminded_at', 'is', null)
      .execute();
  }
}
