/**
 * How long this process serves an organization's resolved settings without reading them again. A change made through
 * this process is seen at once (the cache forgets the organization when its change commits), and so is one made
 * through another node while this one listens (db/invalidation.ts); this bound is the backstop for when it does not.
 */
export const SETTINGS_CACHE_TTL_MS = 5_000;

interface Entry<T> {
  value: T;
  expiresAt: number;
}

/**
 * Per-organization values read on every rating page (its settings, brand and texts), kept in memory for a bounded
 * time. A read that began before a change committed does not store what it read, so a change is never hidden by a
 * read that raced it.
 */
export class OrganizationCache<T> {
  readonly #entries = new Map<number, Entry<T>>();
  /** Bumped per organization when its values change: a read stores only if none happened meanwhile. */
  readonly #generations = new Map<number, number>();
  /** Bumped by `forgetAll`, for the reads in flight of organizations it had nothing of. */
  #epoch = 0;

  constructor(
    private readonly ttlMs: number = SETTINGS_CACHE_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The organization's value, from memory while it is fresh, else from `read`. */
  async get(orgId: number, read: () => Promise<T>): Promise<T> {
    const cached = this.fresh(orgId);
    if (cached !== undefined) return cached;
    const generation = this.#generations.get(orgId) ?? 0;
    const epoch = this.#epoch;
    const value = await read();
    if ((this.#generations.get(orgId) ?? 0) === generation && this.#epoch === epoch) {
      this.#entries.set(orgId, { value, expiresAt: this.now() + this.ttlMs });
    }
    return value;
  }

  /** The organization's value while it is fresh in memory, else undefined. */
  fresh(orgId: number): T | undefined {
    const entry = this.#entries.get(orgId);
    return entry && entry.expiresAt > this.now() ? entry.value : undefined;
  }

  /** Forgets every organization's value: what was missed cannot be told. */
  forgetAll(): void {
    this.#entries.clear();
    this.#epoch += 1;
  }

  /** Forgets the organization's value: call it once its change has committed. */
  forget(orgId: number): void {
    this.#entries.delete(orgId);
    this.#generations.set(orgId, (this.#generations.get(orgId) ?? 0) + 1);
  }
}
