import type { Database, Db } from '../../db/database.js';

/**
 * How long a node trusts what it read about an API key. A change made through this node (revoking the key,
 * deactivating its user, changing the user's role) takes effect at once here; on SQLite, so does one the command line
 * makes beside the running server (the database says another connection committed); on PostgreSQL, so does one made
 * elsewhere (another node, the command line) while this node listens for it (db/invalidation.ts), and within this
 * time when it does not (its listening connection was lost).
 */
export const API_KEY_CACHE_MS = 5_000;

/** How many keys a node remembers at most; past it, the longest remembered is forgotten first. */
const CAPACITY = 10_000;

interface Entry<T> {
  row: T;
  until: number;
}

/**
 * What authentication read about each key lately, by the key's SHA-256 (never the key itself): on PostgreSQL the
 * lookup is a round trip of its own on every request, which cost the hot writes more than their own insert. Only keys
 * that exist are remembered, so unknown keys cannot fill it.
 */
export class ApiKeyCache<T> {
  readonly #entries = new Map<string, Entry<T>>();
  /** Bumped by `forgetAll`: a lookup that began before it does not store what it read, which may be stale already. */
  #generation = 0;

  #seenVersion: number | undefined;

  /**
   * `dataVersion` (the database's, where it has one) changes when another process committed: then every key is
   * forgotten before the next lookup.
   */
  constructor(
    private readonly ttlMs: number = API_KEY_CACHE_MS,
    private readonly dataVersion: () => number | undefined = () => undefined,
  ) {
    this.#seenVersion = dataVersion();
  }

  /** The key's row, remembered or read by `load`. */
  async get(hash: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
    const version = this.dataVersion();
    if (version !== this.#seenVersion) {
      this.forgetAll();
      this.#seenVersion = version;
    }
    const now = Date.now();
    const entry = this.#entries.get(hash);
    if (entry && entry.until > now) return entry.row;
    if (entry) this.#entries.delete(hash);
    const generation = this.#generation;
    const row = await load();
    if (row !== undefined && this.ttlMs > 0 && generation === this.#generation) {
      if (this.#entries.size >= CAPACITY) {
        const oldest = this.#entries.keys().next().value;
        if (oldest !== undefined) this.#entries.delete(oldest);
      }
      this.#entries.set(hash, { row, until: now + this.ttlMs });
    }
    return row;
  }

  /** Forgets the keys whose rows `match`; a lookup in flight meanwhile is not remembered either. */
  forgetWhere(match: (row: T) => boolean): void {
    for (const [hash, entry] of this.#entries) if (match(entry.row)) this.#entries.delete(hash);
    this.#generation += 1;
  }

  /** Forgets every key: called once a change that may refuse a key or lower what it may do has committed. */
  forgetAll(): void {
    this.#entries.clear();
    this.#generation += 1;
  }
}

const caches = new WeakMap<Database, ApiKeyCache<unknown>>();

/** What a remembered key's row must tell: its organization, whose changes forget it. */
interface KeyRow {
  org_id: number | string;
}

/**
 * The one cache of a database's keys in this process, shared by the services that read and change them. A change
 * announced for an organization (db/invalidation.ts) forgets that organization's keys.
 */
export function apiKeyCacheOf<T extends KeyRow>(database: Database): ApiKeyCache<T> {
  let cache = caches.get(database) as ApiKeyCache<T> | undefined;
  if (!cache) {
    const created = new ApiKeyCache<T>(API_KEY_CACHE_MS, () => database.dataVersion());
    database.invalidation.subscribe('api_keys', (orgId) =>
      orgId === undefined ? created.forgetAll() : created.forgetWhere((row) => Number(row.org_id) === orgId),
    );
    caches.set(database, created as ApiKeyCache<unknown>);
    cache = created;
  }
  return cache;
}

/**
 * Runs a change that may refuse keys or lower their rights, and forgets the cached keys once it has committed. The
 * change announces itself to the other processes inside its transaction (`announceKeyChange`).
 */
export async function forgettingKeys<R>(database: Database, change: () => Promise<R>): Promise<R> {
  try {
    return await change();
  } finally {
    // Also after a failure: whether the transaction committed cannot always be told, and forgetting costs little.
    database.invalidation.forget('api_keys', undefined);
  }
}

/** Tells every process, when `trx` commits, that keys of the organization may be refused or may do less now. */
export function announceKeyChange(database: Database, trx: Db, orgId: number): Promise<void> {
  return database.invalidation.publish(trx, 'api_keys', orgId);
}
