import type { Database } from '../../db/database.js';

/**
 * How long a node trusts what it read about an API key. A change made through this node (revoking the key,
 * deactivating its user, changing the user's role) takes effect at once here; on SQLite, so does one the command line
 * makes beside the running server (the database says another connection committed); on PostgreSQL, a change made
 * elsewhere (another node, the command line) takes effect here within this time.
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

  /** Forgets every key: called once a change that may refuse a key or lower what it may do has committed. */
  forgetAll(): void {
    this.#entries.clear();
    this.#generation += 1;
  }
}

const caches = new WeakMap<Database, ApiKeyCache<unknown>>();

/** The one cache of a database's keys in this process, shared by the services that read and change them. */
export function apiKeyCacheOf<T>(database: Database): ApiKeyCache<T> {
  let cache = caches.get(database);
  if (!cache) {
    cache = new ApiKeyCache<unknown>(API_KEY_CACHE_MS, () => database.dataVersion());
    caches.set(database, cache);
  }
  return cache as ApiKeyCache<T>;
}

/** Runs a change that may refuse keys or lower their rights, and forgets the cached keys once it has committed. */
export async function forgettingKeys<R>(database: Database, change: () => Promise<R>): Promise<R> {
  try {
    return await change();
  } finally {
    // Also after a failure: whether the transaction committed cannot always be told, and forgetting costs little.
    apiKeyCacheOf(database).forgetAll();
  }
}
