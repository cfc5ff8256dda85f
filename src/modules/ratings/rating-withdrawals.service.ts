import { nowIso, recordRef } from '../../db/values.js';
import { AppError } from '../../errors.js';
import { ratingNotFound, type RatingRecords } from './rating-records.service.js';
import type { Rating } from './ratings.types.js';
import { isExpired } from './survey-status.js';

/** Ending what a survey still waits for: cancelling it, and counting its expiry. */
export class RatingWithdrawals {
  constructor(private readonly records: RatingRecords) {}

  /** Cancels the questions still waiting for an answer; answered ones keep their values. */
  async cancelRating(orgId: number, ratingIdOrUid: string): Promise<Rating> {
    const { records } = this;
    const { repository } = records;
    const row = await repository.findRating(orgId, recordRef(ratingIdOrUid));
    if (!row) throw ratingNotFound(ratingIdOrUid);
    if (row.status !== 'cancelled') {
      // An expired rating stays as it expired: its unanswered questions count as expired, not cancelled.
      if (row.status !== 'rated' && isExpired(row, nowIso())) {
        throw new AppError('rating_expired', `Rating ${row.id} expired at ${row.expires_at}; it cannot be cancelled.`);
      }
      await records.database.db.transaction().execute(async (trx) => {
        await repository.lockRating(trx, Number(row.id));
        await records.tracked(trx, orgId, Number(row.id), async () => {
          const now = nowIso();
          for (const question of await repository.questionsOf(trx, [Number(row.id)])) {
            if (question.status === 'Offered') {
              await repository.updateQuestion(trx, Number(question.id), { status: 'Cancelled', updated_at: now });
            }
          }
          await repository.updateRating(trx, Number(row.id), {
            status: 'cancelled',
            cancelled_at: now,
            updated_at: now,
          });
        });
      });
    }
    return (await records.load(records.database.db, orgId, { id: Number(row.id) }))!;
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
