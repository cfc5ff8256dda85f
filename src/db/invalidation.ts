import pg from 'pg';
import { sql } from 'kysely';
import type { Db, Dialect } from './database.js';

/** The per-process caches a change elsewhere can make stale, as named in a notification. */
export type CacheName = 'api_keys' | 'settings' | 'langfuse' | 'webhooks';

const CACHES: readonly CacheName[] = ['api_keys', 'settings', 'langfuse', 'webhooks'];

/** The PostgreSQL channel every process listens on. */
export const INVALIDATION_CHANNEL = 'plaudit_invalidate';

/** Called with the organization whose values changed, or undefined when this process cannot tell what it missed. */
export type Forget = (orgId: number | undefined) => void;

/** The first wait before the listener connects again, doubled after each failure up to the most. */
const RECONNECT_FIRST_MS = 100;
const RECONNECT_MOST_MS = 5_000;

/**
 * Tells every process of a database when a change that its caches hold has committed, so that a revoked key or new
 * settings take effect at once on every node, not after the caches' time to live (kept as a backstop for when the
 * signal is lost).
 *
 * PostgreSQL: a writing transaction calls `publish`, a `pg_notify` in that transaction, which PostgreSQL delivers at
 * commit and never on rollback; each process that `listen`s holds one connection of its own (not one of the pool's)
 * that LISTENs on `plaudit_invalidate` and forgets the named cache's entries of the named organization, the writer
 * included. When that connection drops, everything is forgotten and it connects again with backoff; meanwhile the
 * time to live bounds what a change elsewhere takes to be seen. SQLite: there is one server per file; `publish` does
 * nothing, the writer forgets in its own process and the caches see the command line's commits by `PRAGMA
 * data_version`.
 */
export class Invalidation {
  readonly #subscribers = new Map<CacheName, Set<Forget>>();
  #client: pg.Client | undefined;
  #pid: number | undefined;
  #listening = false;
  #closed = true;
  /** Bumped by each `listen` and `close`: a connection attempt of an earlier one gives up. */
  #session = 0;
  #retryMs = RECONNECT_FIRST_MS;
  #retry: NodeJS.Timeout | undefined;
  #connected: Promise<void> | undefined;
  #onConnected: (() => void) | undefined;

  constructor(
    readonly dialect: Dialect,
    /** The primary's URL (DATABASE_URL), never a replica's: a replica does not deliver notifications. */
    private readonly url?: string,
  ) {}

  #onError: (error: Error) => void = () => {};

  /** Calls `forget` whenever a change of `cache` may have made its entries stale; returns what stops it. */
  subscribe(cache: CacheName, forget: Forget): () => void {
    let set = this.#subscribers.get(cache);
    if (!set) this.#subscribers.set(cache, (set = new Set()));
    set.add(forget);
    return () => set.delete(forget);
  }

  /**
   * Announces, inside the writing transaction `trx`, that the organization's entries of `cache` change: every
   * listening process forgets them when the transaction commits. One statement, on rare writes only.
   */
  async publish(trx: Db, cache: CacheName, orgId: number): Promise<void> {
    if (this.dialect !== 'postgres') return;
    await sql`select pg_notify(${INVALIDATION_CHANNEL}, ${`${cache}:${orgId}`})`.execute(trx);
  }

  /** Forgets the organization's entries of `cache` in this process (the writer, once its change has committed). */
  forget(cache: CacheName, orgId: number | undefined): void {
    for (const forget of this.#subscribers.get(cache) ?? []) forget(orgId);
  }

  /** Forgets every entry of every cache in this process. */
  forgetEverything(): void {
    for (const cache of CACHES) this.forget(cache, undefined);
  }

  /**
   * Starts listening (PostgreSQL; nothing on SQLite), telling `onError` when the connection is lost or cannot be made.
   * Resolves once the first LISTEN is in place or has failed; it is tried again either way.
   */
  listen(onError?: (error: Error) => void): Promise<void> {
    if (this.dialect !== 'postgres' || !this.url) return Promise.resolve();
    if (onError) this.#onError = onError;
    if (!this.#closed) return this.#connected ?? Promise.resolve();
    this.#closed = false;
    this.#session += 1;
    this.#connected = new Promise((resolve) => (this.#onConnected = resolve));
    void this.#connect();
    return this.#connected;
  }

  /** Whether notifications arrive now: false while the listener is away, when only the time to live holds. */
  get listening(): boolean {
    return this.#listening;
  }

  /** The listening connection's backend pid, while connected (the tests end it to see the reconnection). */
  get listenerPid(): number | undefined {
    return this.#listening ? this.#pid : undefined;
  }

  async #connect(): Promise<void> {
    const session = this.#session;
    const stale = () => this.#closed || session !== this.#session;
    const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 5_000 });
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      if (error && !this.#closed) this.#onError(error);
      client.end().catch(() => {});
      if (this.#client !== client) return;
      this.#client = undefined;
      this.#listening = false;
      this.#pid = undefined;
      this.forgetEverything();
      this.#scheduleReconnect();
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    client.on('notification', (message) => {
      if (message.channel === INVALIDATION_CHANNEL) this.#received(message.payload);
    });
    try {
      await client.connect();
      if (stale()) {
        lost = true;
        await client.end().catch(() => {});
        return;
      }
      await client.query(`listen ${INVALIDATION_CHANNEL}`);
      const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
      if (stale()) {
        lost = true;
        await client.end().catch(() => {});
        return;
      }
      this.#pid = rows[0]?.pid;
      this.#client = client;
      this.#listening = true;
      this.#retryMs = RECONNECT_FIRST_MS;
      // Whatever changed while nobody listened is no longer known: forget it all once.
      this.forgetEverything();
    } catch (error) {
      onLost(error as Error);
      // Never connected: nothing was listening, so only try again.
      if (!stale() && this.#client === undefined) this.#scheduleReconnect();
    } finally {
      this.#onConnected?.();
      this.#onConnected = undefined;
    }
  }

  #scheduleReconnect(): void {
    if (this.#closed || this.#retry) return;
    const wait = this.#retryMs;
    this.#retryMs = Math.min(this.#retryMs * 2, RECONNECT_MOST_MS);
    this.#retry = setTimeout(() => {
      this.#retry = undefined;
      if (!this.#closed) void this.#connect();
    }, wait);
    this.#retry.unref();
  }

  #received(payload: string | undefined): void {
    const [cache, org] = (payload ?? '').split(':');
    const orgId = Number(org);
    if (!CACHES.includes(cache as CacheName)) return;
    this.forget(cache as CacheName, Number.isSafeInteger(orgId) && org !== '' ? orgId : undefined);
  }

  /** Stops listening; the caches keep their time to live. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#session += 1;
    if (this.#retry) clearTimeout(this.#retry);
    this.#retry = undefined;
    this.#listening = false;
    const client = this.#client;
    this.#client = undefined;
    this.#onConnected?.();
    if (client) await client.end().catch(() => {});
  }
}
