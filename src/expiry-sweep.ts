import type { Services } from './services.js';

/** What one round of the expiry sweep did. */
export interface SweepResult {
  /** Ratings whose expiry was counted into the analytics rollups. */
  expiredRatings: number;
  deletedWidgetTokens: number;
  deletedSessions: number;
  /** Invites whose one reminder (`rating.reminder_due`) was sent. */
  remindersSent: number;
}

/**
 * One round of the periodic expiry sweep: counts ratings that expired into the analytics rollups, deletes the widget
 * tokens and dashboard sessions (idle or past their absolute expiry) that have ended, and sends the invite reminders
 * that fell due (each claimed under its rating's lock, like an expiry). Every node of a cluster
 * runs it: each rating's expiry is counted once under its row lock, and the deletes claim their rows with SKIP LOCKED,
 * so nodes neither wait for nor deadlock on each other. Each part runs even when another fails; then it throws.
 */
export async function sweepExpiries(services: Services, now = new Date()): Promise<SweepResult> {
  const [expiredRatings, deletedWidgetTokens, deletedSessions, remindersSent] = await Promise.allSettled([
    services.ratings.sweepExpired(),
    services.widget.deleteExpiredTokens(now),
    services.sessions.deleteEndedSessions(now),
    services.ratings.sweepReminders(),
  ]);
  const failures = [expiredRatings, deletedWidgetTokens, deletedSessions, remindersSent].flatMap((outcome) =>
    outcome.status === 'rejected' ? [outcome.reason as unknown] : [],
  );
  const value = (outcome: PromiseSettledResult<number>) => (outcome.status === 'fulfilled' ? outcome.value : 0);
  const swept = {
    expiredRatings: value(expiredRatings),
    deletedWidgetTokens: value(deletedWidgetTokens),
    deletedSessions: value(deletedSessions),
    remindersSent: value(remindersSent),
  };
  // What a failed round did manage is counted too: those rows are gone, and a later round will not count them.
  services.metrics.recordExpirySweep(swept, failures.length === 0);
  if (failures.length > 0) throw new AggregateError(failures, 'expiry sweep failed');
  return swept;
}
