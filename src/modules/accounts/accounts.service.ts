import { randomUUID } from 'node:crypto';
import type { Database, Db } from '../../db/database.js';
import { isUniqueViolation } from '../../db/errors.js';
import { integerId, nowIso } from '../../db/values.js';
import { AppError } from '../../errors.js';
import { isTimeZone } from '../analytics/index.js';
import { recordAudit, SYSTEM_ACTOR, type AuditActor } from '../audit/index.js';
import { AccountsRepository } from './accounts.repository.js';
import type { Role } from './accounts.table.js';
import { announceKeyChange, apiKeyCacheOf, forgettingKeys, type ApiKeyCache } from './api-key-cache.js';
import { apiKeyFromHeader, generateApiKey, hashApiKey, type Scope } from './api-keys.js';
import { checkNewPassword } from './password-policy.js';
import { hashPassword } from './passwords.js';

/** Who is calling: the user, their organization, and how they proved it (an API key, or a dashboard session). */
export interface Principal {
  orgId: number;
  userId: string;
  via: 'api_key' | 'session';
  /** The API key's id; null for a session. */
  keyId: number | null;
  scopes: Scope[];
  /** The user's role: a key acts with its owner's, a session with its user's. */
  role: Role;
}

export interface OrganizationView {
  id: number;
  name: string;
  /** The IANA time zone the organization's days are counted in. */
  timezone: string;
  created_at: string;
}

export interface UserView {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  /** The agent this user is, by the UUID conversations name it; null for a user who is no agent. */
  agent_id?: string | null;
}

export interface ApiKeyView {
  id: number;
  user_id: string;
  /** The user the key belongs to, by name: people see names, not ids. */
  owner: { id: string; name: string | null; email: string };
  name: string | null;
  prefix: string;
  scopes: Scope[];
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface IssuedApiKey extends ApiKeyView {
  /** The key itself, shown this once. */
  api_key: string;
}

// Writing last_used_at on every request would turn each read into a write; a minute's precision is plenty.
const LAST_USED_PRECISION_MS = 60_000;

/** What authentication reads about a key. */
type KeyForAuth = NonNullable<Awaited<ReturnType<AccountsRepository['findApiKeyForAuth']>>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function normaliseEmail(email: string): string {
  const trimmed = email.trim().toLowerCase();
  if (!EMAIL.test(trimmed) || trimmed.length > 254) {
    throw new AppError('validation_failed', `"${email}" is not a valid email address.`);
  }
  return trimmed;
}

/**
 * The hash of a password a person chose for a new user, after the rules every new password follows (at least 12
 * characters, not a common one) — from the command line as from an invitation; null without a password.
 */
async function newPasswordHash(password: string | undefined): Promise<string | null> {
  if (password === undefined) return null;
  checkNewPassword(password);
  return hashPassword(password);
}

function toKeyView(row: {
  id: number;
  user_id: string;
  owner_name: string | null;
  owner_email: string;
  name: string | null;
  key_prefix: string;
  scopes: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}): ApiKeyView {
  return {
    id: Number(row.id),
    user_id: row.user_id,
    owner: { id: row.user_id, name: row.owner_name, email: row.owner_email },
    name: row.name,
    prefix: row.key_prefix,
    scopes: row.scopes.split(',') as Scope[],
    created_at: row.created_at,
    last_used_at: row.last_used_at,
    revoked_at: row.revoked_at,
  };
}

/** Organizations, their users, API keys, and who a request comes from. */
export class AccountsService {
  private readonly repository: AccountsRepository;

  private readonly keys: ApiKeyCache<KeyForAuth>;

  constructor(private readonly database: Database) {
    this.repository = new AccountsRepository(database.db);
    this.keys = apiKeyCacheOf(database);
  }

  /** Creates an organization with an admin user and a key holding both scopes, all or nothing. */
  async createOrganization(input: {
    name: string;
    adminEmail?: string;
    adminName?: string;
    password?: string;
    /** The IANA zone whose days analytics count in; fixed once the organization exists. */
    timezone?: string;
  }) {
    const name = input.name.trim();
    if (!name) throw new AppError('validation_failed', 'The organization needs a name.');
    const timezone = input.timezone ?? 'UTC';
    if (!isTimeZone(timezone)) {
      throw new AppError(
        'invalid_timezone',
        `"${timezone}" is not a time zone; use an IANA name such as Europe/Berlin.`,
      );
    }
    const passwordHash = await newPasswordHash(input.password);
    return this.database.db.transaction().execute(async (trx) => {
      const createdAt = nowIso();
      const org = await this.repository.insertOrganization(trx, name, timezone, createdAt);
      const organization: OrganizationView = {
        id: Number(org.id),
        name: org.name,
        timezone: org.timezone,
        created_at: org.created_at,
      };
      const email = input.adminEmail ?? `admin+${organization.id}@plaudit.invalid`;
      const user = await this.insertUser(trx, {
        orgId: organization.id,
        email,
        name: input.adminName ?? null,
        role: 'admin',
        passwordHash,
      });
      const apiKey = await this.insertApiKey(trx, {
        orgId: organization.id,
        userId: user.id,
        scopes: ['read_all', 'write_all'],
      });
      return { organization, user, apiKey };
    });
  }

  /** Adds a user to an organization and issues them a key with both scopes. */
  async createUser(input: { orgId: number; email: string; role?: Role; name?: string; password?: string }) {
    await this.requireOrganization(input.orgId);
    const passwordHash = await newPasswordHash(input.password);
    return this.database.db.transaction().execute(async (trx) => {
      const user = await this.insertUser(trx, {
        orgId: input.orgId,
        email: input.email,
        name: input.name ?? null,
        role: input.role ?? 'agent',
        passwordHash,
      });
      const apiKey = await this.insertApiKey(trx, {
        orgId: input.orgId,
        userId: user.id,
        scopes: ['read_all', 'write_all'],
      });
      return { user, apiKey };
    });
  }

  /** Issues a key to a user of the organization (by default its first admin), with an audit entry in its transaction. */
  async createApiKey(
    input: { orgId: number; userId?: string; scopes: Scope[]; name?: string },
    actor: AuditActor = SYSTEM_ACTOR,
  ): Promise<IssuedApiKey> {
    await this.requireOrganization(input.orgId);
    let userId = input.userId;
    if (userId) {
      const user = await this.repository.findUser(userId);
      if (!user || Number(user.org_id) !== input.orgId) {
        throw new AppError('user_not_found', `No user ${userId} in organization ${input.orgId}.`);
      }
    } else {
      const admin = await this.repository.findFirstAdmin(input.orgId);
      if (!admin) throw new AppError('user_not_found', `Organization ${input.orgId} has no admin to issue the key to.`);
      userId = admin.id;
    }
    const owner = userId;
    return this.database.db.transaction().execute(async (trx) => {
      const key = await this.insertApiKey(trx, {
        orgId: input.orgId,
        userId: owner,
        scopes: input.scopes,
        name: input.name,
      });
      await recordAudit(trx, {
        orgId: input.orgId,
        actorUserId: actor.userId,
        actorKeyId: actor.keyId,
        action: 'api_key.created',
        subjectType: 'api_key',
        subjectId: String(key.id),
        details: { name: key.name, prefix: key.prefix, scopes: key.scopes, owner: key.owner },
      });
      return key;
    });
  }

  /** Lists an organization's keys; the keys themselves are never shown again. */
  async listApiKeys(orgId: number): Promise<ApiKeyView[]> {
    return (await this.repository.listApiKeys(orgId)).map(toKeyView);
  }

  /**
   * Revokes a key, named by its id as a path or the command line writes it. With `orgId`, a key of another
   * organization does not exist for the caller.
   */
  async revokeApiKey(digits: string, orgId?: number, actor: AuditActor = SYSTEM_ACTOR): Promise<ApiKeyView> {
    const id = integerId(digits);
    const key = id === undefined ? undefined : await this.repository.findApiKey(id);
    if (id === undefined || !key || (orgId !== undefined && Number(key.org_id) !== orgId)) {
      throw new AppError(
        'api_key_not_found',
        `No API key ${digits}${orgId !== undefined ? ' in this organization' : ''}.`,
      );
    }
    return forgettingKeys(this.database, () =>
      this.database.db.transaction().execute(async (trx) => {
        // Only the call that revoked it is recorded: revoking twice changes nothing, so it says nothing either.
        if (await this.repository.revokeApiKey(trx, id, nowIso())) {
          await announceKeyChange(this.database, trx, Number(key.org_id));
          await recordAudit(trx, {
            orgId: Number(key.org_id),
            actorUserId: actor.userId,
            actorKeyId: actor.keyId,
            action: 'api_key.revoked',
            subjectType: 'api_key',
            subjectId: String(id),
            details: {
              name: key.name,
              prefix: key.key_prefix,
              owner: { id: key.user_id, name: key.owner_name, email: key.owner_email },
            },
          });
        }
        return toKeyView((await this.repository.findApiKey(id, trx))!);
      }),
    );
  }

  /**
   * Resolves the `Authorization` header to a principal. Missing, unknown and revoked keys are 401; the scope check is
   * the caller's, since it depends on the route. What the key's row says is remembered for API_KEY_CACHE_MS (see
   * api-key-cache.ts): a change through this node takes effect at once, one made elsewhere within that time.
   */
  async authenticate(header: string | undefined): Promise<Principal> {
    const key = apiKeyFromHeader(header);
    if (!key) throw new AppError('missing_api_key', 'Send an API key in the Authorization header.');
    const hash = hashApiKey(key);
    const row = await this.keys.get(hash, () => this.repository.findApiKeyForAuth(hash));
    if (!row) throw new AppError('invalid_api_key', 'The API key is not valid.');
    if (row.revoked_at) throw new AppError('invalid_api_key', 'The API key has been revoked.');
    // Deactivation revokes the user's keys in the same transaction; this is the second lock on the same door.
    if (row.deactivated_at)
      throw new AppError('invalid_api_key', 'The API key has been revoked: its user was deactivated.');
    const now = Date.now();
    if (!row.last_used_at || now - Date.parse(row.last_used_at) > LAST_USED_PRECISION_MS) {
      const usedAt = new Date(now).toISOString();
      // The remembered row too, so that the next requests do not write it again.
      row.last_used_at = usedAt;
      await this.repository.touchApiKey(Number(row.id), usedAt);
    }
    return {
      orgId: Number(row.org_id),
      userId: row.user_id,
      via: 'api_key',
      keyId: Number(row.id),
      scopes: row.scopes.split(',') as Scope[],
      role: row.role,
    };
  }

  async findOrganization(id: number): Promise<OrganizationView | undefined> {
    const row = await this.repository.findOrganization(id);
    return row && { id: Number(row.id), name: row.name, timezone: row.timezone, created_at: row.created_at };
  }

  async findUser(id: string): Promise<UserView | undefined> {
    const row = await this.repository.findUser(id);
    return row && { id: row.id, email: row.email, name: row.name, role: row.role, agent_id: row.agent_id ?? null };
  }

  countOrganizations(): Promise<number> {
    return this.repository.countOrganizations();
  }

  private async requireOrganization(id: number): Promise<void> {
    if (!(await this.repository.findOrganization(id))) {
      throw new AppError('organization_not_found', `No organization ${id}.`);
    }
  }

  private async insertUser(
    db: Db,
    input: { orgId: number; email: string; name: string | null; role: Role; passwordHash: string | null },
  ): Promise<UserView> {
    const user = { id: randomUUID(), ...input, email: normaliseEmail(input.email) };
    try {
      await this.repository.insertUser(db, user, nowIso());
    } catch (error) {
      if (isUniqueViolation(error))
        throw new AppError('email_taken', `A user with the email ${user.email} already exists.`);
      throw error;
    }
    return { id: user.id, email: user.email, name: user.name, role: user.role };
  }

  private async insertApiKey(
    db: Db,
    input: { orgId: number; userId: string; scopes: Scope[]; name?: string },
  ): Promise<IssuedApiKey> {
    const generated = generateApiKey();
    const row = await this.repository.insertApiKey(
      db,
      {
        orgId: input.orgId,
        userId: input.userId,
        name: input.name ?? null,
        prefix: generated.prefix,
        hash: generated.hash,
        scopes: input.scopes.join(','),
      },
      nowIso(),
    );
    return { ...toKeyView((await this.repository.findApiKey(Number(row.id), db))!), api_key: generated.key };
  }
}
