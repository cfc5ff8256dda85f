import type { Db } from '../../db/database.js';
import { preparedQuery } from '../../db/prepared.js';
import type { Role } from './accounts.table.js';

/** SQL for organizations, users and API keys. */
export class AccountsRepository {
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  async insertOrganization(db: Db, name: string, timezone: string, createdAt: string) {
    return db
      .insertInto('organizations')
      .values({ name, timezone, created_at: createdAt })
      .returning(['id', 'name', 'timezone', 'created_at'])
      .executeTakeFirstOrThrow();
  }

  findOrganization(id: number, db: Db = this.db) {
    return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async countOrganizations(): Promise<number> {
    const row = await this.db
      .selectFrom('organizations')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  async insertUser(
    db: Db,
    user: { id: string; orgId: number; email: string; name: string | null; role: Role; passwordHash: string | null },
    createdAt: string,
  ) {
    await db
      .insertInto('users')
      .values({
        id: user.id,
        org_id: user.orgId,
        email: user.email,
        name: user.name,
        role: user.role,
        password_hash: user.passwordHash,
        created_at: createdAt,
      })
      .execute();
  }

  findUser(id: string) {
    return this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findUserByEmail(email: string) {
    return this.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  }

  /** The organization's first admin: the default owner of keys made without `--user`. */
  findFirstAdmin(orgId: number) {
    return this.db
      .selectFrom('users')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('role', '=', 'admin')
      .orderBy('created_at')
      .limit(1)
      .executeTakeFirst();
  }

  async insertApiKey(
    db: Db,
    key: { orgId: number; userId: string; name: string | null; prefix: string; hash: string; scopes: string },
    createdAt: string,
  ) {
    return db
      .insertInto('api_keys')
      .values({
        org_id: key.orgId,
        user_id: key.userId,
        name: key.name,
        key_prefix: key.prefix,
        key_hash: key.hash,
        scopes: key.scopes,
        created_at: createdAt,
      })
      .returning(['id', 'created_at'])
      .executeTakeFirstOrThrow();
  }

  /** The key, for authentication: one indexed lookup, on every API request. */
  private readonly apiKeyForAuth = preparedQuery(
    () => this.db,
    (db, params: { hash: string }) =>
      db
        .selectFrom('api_keys as k')
        .innerJoin('users as u', 'u.id', 'k.user_id')
        .select([
          'k.id',
          'k.org_id',
          'k.user_id',
          'k.scopes',
          'k.last_used_at',
          'k.revoked_at',
          'u.role',
          'u.deactivated_at',
        ])
        .where('k.key_hash', '=', params.hash),
  );

  async findApiKeyForAuth(hash: string) {
    return (await this.apiKeyForAuth({ hash }))[0];
  }

  async touchApiKey(id: number, usedAt: string): Promise<void> {
    await this.db.updateTable('api_keys').set({ last_used_at: usedAt }).where('id', '=', id).execute();
  }

  /** The organization's keys with their owners' names, oldest first. */
  listApiKeys(orgId: number) {
    return this.keysWithOwners(this.db).where('k.org_id', '=', orgId).orderBy('k.id').execute();
  }

  findApiKey(id: number, db: Db = this.db) {
    return this.keysWithOwners(db).where('k.id', '=', id).executeTakeFirst();
  }

  private keysWithOwners(db: Db) {
    return db
      .selectFrom('api_keys as k')
      .innerJoin('users as u', 'u.id', 'k.user_id')
      .select([
        'k.id',
        'k.org_id',
        'k.user_id',
        'u.name as owner_name',
        'u.email as owner_email',
        'k.name',
        'k.key_prefix',
        'k.scopes',
        'k.created_at',
        'k.last_used_at',
        'k.revoked_at',
      ]);
  }

  /** Revokes the key if it is still active; answers whether this call revoked it. */
  async revokeApiKey(db: Db, id: number, revokedAt: string): Promise<boolean> {
    const result = await db
      .updateTable('api_keys')
      .set({ revoked_at: revokedAt })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
