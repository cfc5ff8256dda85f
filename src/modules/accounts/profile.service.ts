import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../audit/index.js';
import type { Principal, UserView } from './accounts.service.js';
import { checkNewPassword } from './password-policy.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { hashSessionToken } from './sessions.js';
import { TeamRepository } from './team.repository.js';

/** What every user may change of their own: their name and their password. */
export class ProfileService {
  private readonly repository: TeamRepository;

  constructor(private readonly database: Database) {
    this.repository = new TeamRepository(database.db, database.dialect);
  }

  async rename(principal: Principal, name: string): Promise<UserView> {
    const trimmed = name.trim();
    if (!trimmed) throw new AppError('validation_failed', 'Your name cannot be blank.');
    const user = await this.repository.findUser(this.database.db, principal.orgId, principal.userId);
    if (!user) throw new AppError('user_not_found', 'Your user no longer exists.');
    if (user.name !== trimmed) {
      await this.database.db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ name: trimmed }).where('id', '=', user.id).execute();
        await recordAudit(trx, {
          orgId: principal.orgId,
          actorUserId: principal.userId,
          actorKeyId: principal.keyId,
          action: 'user.renamed',
          subjectType: 'user',
          subjectId: user.id,
          details: { from: user.name, to: trimmed },
        });
      });
    }
    return { id: user.id, email: user.email, name: trimmed, role: user.role };
  }

  /**
   * Changes the caller's password, given the current one. Every other session of the user ends (the one making the
   * change, `keepSessionToken`, stays signed in); API keys are not touched.
   */
  async changePassword(
    principal: Principal,
    input: { currentPassword: string; newPassword: string; keepSessionToken?: string },
  ): Promise<{ ended_sessions: number }> {
    const user = await this.repository.findUser(this.database.db, principal.orgId, principal.userId);
    if (!user) throw new AppError('user_not_found', 'Your user no longer exists.');
    if (!user.password_hash || !(await verifyPassword(input.currentPassword, user.password_hash))) {
      throw new AppError('current_password_incorrect', 'The current password is not right; nothing changed.');
    }
    checkNewPassword(input.newPassword);
    const hash = await hashPassword(input.newPassword);
    return this.database.db.transaction().execute(async (trx) => {
      await this.repository.setPasswordHash(trx, user.id, hash);
      const keep =
        principal.via === 'session' && input.keepSessionToken ? hashSessionToken(input.keepSessionToken) : undefined;
      const ended = await this.repository.deleteSessionsOf(trx, user.id, keep);
      await recordAudit(trx, {
        orgId: principal.orgId,
        actorUserId: principal.userId,
        actorKeyId: principal.keyId,
        action: 'user.password_changed',
        subjectType: 'user',
        subjectId: user.id,
        details: { ended_sessions: ended },
      });
      return { ended_sessions: ended };
    });
  }
}
