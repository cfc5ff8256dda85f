import { nowIso, recordRef } from '../../db/values.js';
import { AppError } from '../../errors.js';
import { ratingNotFound, statusOfRows, type RatingRecords } from './rating-records.service.js';
import type { Rating } from './ratings.types.js';
import { isExpired } from './survey-status.js';

/** Ending what a survey still waits for: cancelling it, and counting its expiry. */
export class RatingWithdrawals {
  constructor(private readonly records: RatingRecords) {}

  /**
   * Withdraws the questions still waiting for an answer; answered ones keep their values and keep counting, and the
   * survey takes no more answers. A survey with answers is then `rated` (with `cancelled_at`), one without `cancelled`.
   * Nothing left to withdraw is 409 `rating_already_answered`; an expired survey stays as it expired (410). Cancelling
   * again answers the survey as the first cancel left it, changing nothing.
   */
  async cancelRating(orgId: number, ratingIdOrUid: string): Promise<Rating> {
    const { records } = this;
    const { repository } = records;
    const ref = recordRef(ratingIdOrUid);
    const found = ref && (await repository.findRating(orgId, ref));
    if (!found) throw ratingNotFound(ratingIdOrUid);
    const id = Number(found.id);
    await records.database.db.transaction().execute((trx) =>
      records.changeRating(trx, orgId, id, async (row, questions) => {
        if (row.cancelled_at !== null || row.status === 'cancelled') return;
        const waiting = questions.filter((question) => question.status === 'Offered');
        if (waiting.length === 0) {
          throw new AppError(
            'rating_already_answered',
            `Rating ${id} has an answer to every question: there is nothing left to withdraw.`,
          );
        }
        const now = nowIso();
        // Its unanswered questions count as expired, not cancelled: what expired stays expired.
        if (isExpired(row, now)) {
          throw new AppError('rating_expired', `Rating ${id} expired at ${row.expires_at}; it cannot be cancelled.`);
        }
        for (const question of waiting) {
          await repository.updateQuestion(trx, Number(question.id), { status: 'Cancelled', updated_at: now });
          question.status = 'Cancelled';
        }
        await repository.updateRating(trx, id, {
          status: statusOfRows(questions, true),
          cancelled_at: now,
          updated_at: now,
        });
      }),
    );
    return (await records.load(records.database.db, orgId, { id }))!;
  }

  /**
   * Counts the unanswered questions of ratings that expired since the last sweep as expired, in the analytics
   * rollups, and marks them counted. Several processes may sweep at once: each rating is counted by one of them.
   * Returns how many ratings it counted.
   */
  async sweepExpired(limit = 500): Promise<number> {
    const { records } = this;
    const due = await records.repository.unrecordedExpiries(nowIso(), limit);
    let counted = 0;
    for (const { id, org_id } of due) {
      await records.database.db.transaction().execute(async (trx) => {
        await records.repository.lockRating(trx, Number(id));
        const recorded = await records.tracked(trx, Number(org_id), Number(id), () =>
          records.repository.recordExpiry(trx, Number(id)),
        );
        if (recorded) counted += 1;
      });
    }
    return counted;
  }
}
