import { nowIso } from '../../db/values.js';
import type { RatingRecords } from './rating-records.service.js';
import { RatingRulesRepository } from './rating-rules.repository.js';

/** The one reminder of an unanswered invite (`rating.reminder_due`), sent by the periodic sweep. */
export class RatingReminders {
  private readonly repository: RatingRulesRepository;

  constructor(private readonly records: RatingRecords) {
    this.repository = new RatingRulesRepository(records.database.db);
  }

  /**
   * Sends the reminders that fell due: each invite still waiting for its first answer, not cancelled and not expired,
   * gets one `rating.reminder_due`, enqueued in the transaction that marks it sent under the rating's lock — so with
   * several nodes sweeping at once it is sent by one of them, once (the expiry sweep's claim). A due reminder that will
   * never be sent (answered, cancelled, expired) is taken off the list. Answers how many were sent.
   */
  async sweepReminders(limit = 500): Promise<number> {
    const { records, repository } = this;
    const due = await repository.dueReminders(nowIso(), limit);
    let sent = 0;
    for (const { id, org_id } of due) {
      await records.database.db.transaction().execute(async (trx) => {
        await records.repository.lockRating(trx, Number(id));
        const now = nowIso();
        if (await repository.claimReminder(trx, Number(id), now)) {
          await records.events.publishReminder(trx, Number(org_id), Number(id), now);
          sent += 1;
        } else {
          await repository.dropReminder(trx, Number(id));
        }
      });
    }
    return sent;
  }
}
