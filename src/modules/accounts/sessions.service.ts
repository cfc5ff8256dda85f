import type { Database, Db } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../audit/index.js';
import { AccountsRepository } from './accounts.repository.js';
import type { Principal, UserView } from './accounts.service.js';
import type { Role } from './accounts.table.js';
import { hashPassword, verifyPassword } from './passwords.js';
import {
  hashSessionToken,
  looksLikeSessionToken,
  newSessionToken,
  SESSION_IDLE_MS,
  sessionExpired,
  sessionExpiry,
  sessionNeedsTouch,
} from './sessions.js';
import { SessionsRepository } from './sessions.repository.js';

/** A signed-in dashboard user: who, in which organization, and the token to send back in `x-csrf-token`. */
export interface SessionView {
  user: UserView;
  organization: { id: number; name: string; timezone: string };
  csrf_token: string;
}

/** A session just begun: the token goes into the cookie (and nowhere else), until `expiresAt`. */
export interface NewSession {
  token: string;
  expiresAt: string;
  session: SessionView;
}

const INVALID_CREDENTIALS = 'The email or password is wrong.';
const NOT_SIGNED_IN = 'Sign in first: there is no session, or it has ended.';
const SWEEP_BATCH = 1000;

// An unknown email or a user without a password is checked against this hash, so that a wrong email costs the same
// scrypt work as a wrong password and the answer's timing does not tell which it was. Made once, on first use.
let decoyHash: Promise<string> | undefined;
function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(newSessionToken());
  return decoyHash;
}

/** Dashboard sessions: signing in and out, and who a session cookie belongs to. */
export class SessionsService {
  private readonly accounts: AccountsRepository;
  private readonly sessions: SessionsRepository;

  constructor(private readonly database: Database) {
    this.accounts = new AccountsRepository(database.db);
    this.sessions = new SessionsRepository(database.db, database.dialect);
  }

  /**
   * Signs a dashboard user in by email and password and begins a session. A wrong email, a wrong password and a user
   * without a password are one and the same 401, and cost the same scrypt work.
   */
  async signIn(email: string, password: string): Promise<NewSession> {
    const user = await this.accounts.findUserByEmail(email.trim().toLowerCase());
    const hash = user?.password_hash ?? (await decoyPasswordHash());
    const matches = await verifyPassword(password, hash);
    if (user && !matches) {
      await recordAudit(this.database.db, {
        orgId: Number(user.org_id),
        actorUserId: null,
        actorKeyId: null,
        action: 'user.sign_in_failed',
        subjectType: 'user',
        subjectId: user.id,
        details: { reason: user.password_hash ? 'wrong_password' : 'no_password' },
      });
    }
    if (!user || !user.password_hash || !matches) throw new AppError('invalid_credentials', INVALID_CREDENTIALS);
    // Said only to whoever knows the password, so it tells no one else that the address has an account.
    if (user.deactivated_at) {
      await recordAudit(this.database.db, {
        orgId: Number(user.org_id),
        actorUserId: null,
        actorKeyId: null,
        action: 'user.sign_in_failed',
        subjectType: 'user',
        subjectId: user.id,
        details: { reason: 'deactivated' },
      });
      throw new AppError(
        'invalid_credentials',
        'This account has been deactivated; ask an admin of your organization to invite you again.',
      );
    }
    return this.beginSession(this.database.db, user, 'user.signed_in');
  }

  /**
   * Begins a session for a user who just proved who they are (by password, or by accepting an invitation inside the
   * transaction `db`): records the sign-in and its audit entry, and answers the token for the cookie.
   */
  async beginSession(
    db: Db,
    user: { id: string; org_id: number; email: string; name: string | null; role: Role },
    action: 'user.signed_in' | 'invitation.accepted',
    details: Record<string, unknown> = {},
  ): Promise<NewSession> {
    const organization = await this.accounts.findOrganization(Number(user.org_id), db);
    if (!organization) throw new AppError('invalid_credentials', INVALID_CREDENTIALS);
    const now = Date.now();
    const at = new Date(now).toISOString();
    const token = newSessionToken();
    const csrfToken = newSessionToken();
    const expiresAt = sessionExpiry(now);
    const begin = async (trx: Db) => {
      // Sessions that ended are removed when their user signs in again; live ones on other devices stay.
      await this.sessions.deleteEndedSessions(user.id, at, new Date(now - SESSION_IDLE_MS).toISOString(), trx);
      await this.sessions.insertSession(
        {
          token_hash: hashSessionToken(token),
          user_id: user.id,
          org_id: Number(user.org_id),
          csrf_token: csrfToken,
          created_at: at,
          last_seen_at: at,
          expires_at: expiresAt,
        },
        trx,
      );
      await trx.updateTable('users').set({ last_sign_in_at: at }).where('id', '=', user.id).execute();
      await recordAudit(trx, {
        orgId: Number(user.org_id),
        actorUserId: user.id,
        actorKeyId: null,
        action,
        subjectType: action === 'user.signed_in' ? 'user' : 'invitation',
        subjectId: action === 'user.signed_in' ? user.id : String(details.invitation_id),
        details,
      });
    };
    if (db.isTransaction) await begin(db);
    else await db.transaction().execute(begin);
    return {
      token,
      expiresAt,
      session: {
        user: { id: user.id, email: user.email, name: user.name, role: user.role },
        organization: { id: Number(organization.id), name: organization.name, timezone: organization.timezone },
        csrf_token: csrfToken,
      },
    };
  }

  /** The signed-in user behind a session token, with their organization and CSRF token; 401 when it has ended. */
  async sessionOf(token: string): Promise<SessionView> {
    const row = await this.keepAlive(
      looksLikeSessionToken(token) ? await this.sessions.findSessionWithAccount(hashSessionToken(token)) : undefined,
    );
    return {
      user: { id: row.user_id, email: row.email, name: row.user_name, role: row.role },
      organization: { id: Number(row.org_id), name: row.org_name, timezone: row.timezone },
      csrf_token: row.csrf_token,
    };
  }

  /**
   * Resolves a session token to a principal with both scopes, and the CSRF token its writes must carry. Unknown and
   * ended sessions are 401 `not_signed_in`.
   */
  async authenticateSession(token: string): Promise<{ principal: Principal; csrfToken: string }> {
    const row = await this.keepAlive(
      looksLikeSessionToken(token) ? await this.sessions.findSession(hashSessionToken(token)) : undefined,
    );
    return {
      principal: {
        orgId: Number(row.org_id),
        userId: row.user_id,
        via: 'session',
        keyId: null,
        scopes: ['read_all', 'write_all'],
        role: row.role,
      },
      csrfToken: row.csrf_token,
    };
  }

  /** Ends a session for good. */
  async signOut(token: string): Promise<void> {
    if (looksLikeSessionToken(token)) await this.sessions.deleteSession(hashSessionToken(token));
  }

  /**
   * Deletes every session that has ended (past its absolute expiry, or idle too long), in batches; answers how many.
   * Any number of nodes may run it at once.
   */
  async deleteEndedSessions(now = new Date()): Promise<number> {
    const idleBefore = new Date(now.getTime() - SESSION_IDLE_MS).toISOString();
    let deleted = 0;
    for (;;) {
      const batch = await this.sessions.deleteEnded(now.toISOString(), idleBefore, SWEEP_BATCH);
      deleted += batch;
      if (batch < SWEEP_BATCH) return deleted;
    }
  }

  /** Refuses a missing or ended session (removing an ended one), and records activity at most once a minute. */
  private async keepAlive<
    R extends { token_hash: string; last_seen_at: string; expires_at: string; deactivated_at: string | null },
  >(row: R | undefined): Promise<R> {
    if (!row) throw new AppError('not_signed_in', NOT_SIGNED_IN);
    // Deactivation deletes the user's sessions at once; this catches one begun in the same instant.
    if (row.deactivated_at) {
      await this.sessions.deleteSession(row.token_hash);
      throw new AppError('not_signed_in', NOT_SIGNED_IN);
    }
    const now = Date.now();
    if (sessionExpired(row, now)) {
      await this.sessions.deleteSession(row.token_hash);
      throw new AppError('not_signed_in', NOT_SIGNED_IN);
    }
    if (sessionNeedsTouch(row, now)) await this.sessions.touchSession(row.token_hash, new Date(now).toISOString());
    return row;
  }
}
