import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { RateLimitPluginOptions, FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import { Redis } from 'ioredis';
import { AppError } from '../errors.js';

/**
 * Where the rate limits count: in this process (no `REDIS_URL`), or in Redis, shared by every node. Each scope that
 * limits registers @fastify/rate-limit with `limitsIn(counts, name)`, so one setting decides for all of them.
 */
export interface RateLimitCounts {
  /** The Redis client when REDIS_URL is set; undefined: each process counts on its own. */
  readonly redis: Redis | undefined;
  /** Put before every Redis key Plaudit writes (REDIS_KEY_PREFIX), so installations and tests can share a server. */
  readonly prefix: string;
  /** Called when a count could not be made in Redis and was made in this process instead. */
  readonly onRedisError: (error: Error) => void;
}

/** Counts in this process only: what Plaudit does without REDIS_URL. */
export const countsInProcess: RateLimitCounts = { redis: undefined, prefix: '', onRedisError: () => {} };

/** Raised when REDIS_URL's server does not answer at start: the command line prints the sentence. */
export class RedisUnavailableError extends Error {
  constructor(address: string, reason: string) {
    super(
      `Redis at ${address}, where REDIS_URL points, did not answer (${reason}); start Redis there, set REDIS_URL to ` +
        'where it runs, or unset it to count rate limits in each process.',
    );
    this.name = 'RedisUnavailableError';
  }
}

/** How long one Redis command may take before the count falls back to this process: a request never waits longer. */
const COMMAND_TIMEOUT_MS = 500;

/**
 * Connects to REDIS_URL and checks that it answers, so that a wrong URL stops the start instead of every limit quietly
 * falling back. Later, a lost connection is retried in the background; commands meanwhile fail at once (no queue).
 */
export async function connectRedis(url: string): Promise<Redis> {
  const parsed = new URL(url);
  const address = `${parsed.hostname || '127.0.0.1'}:${parsed.port || '6379'}`;
  let lastError: Error | undefined;
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 3000,
    commandTimeout: COMMAND_TIMEOUT_MS,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  const remember = (error: Error) => (lastError = error);
  redis.on('error', remember);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    const reason = (lastError ?? (error as Error)).message;
    throw new RedisUnavailableError(address, reason);
  }
  redis.off('error', remember);
  return redis;
}

interface StoreCtor {
  new (...args: unknown[]): FastifyRateLimitStore & {
    read(key: string, callback: Callback, timeWindow: number, max: number): void;
  };
}
type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

// The plugin's own stores: its Redis store (one Lua script per count, shared by every node) and its in-process LRU.
const require = createRequire(import.meta.url);
const RedisStore = require('@fastify/rate-limit/store/RedisStore.js') as StoreCtor;
const LocalStore = require('@fastify/rate-limit/store/LocalStore.js') as StoreCtor;

type RouteParams = Parameters<FastifyRateLimitStore['child']>[0];

/**
 * The plugin's Redis store, with its in-process store behind it: a count Redis cannot make (down, or slower than
 * COMMAND_TIMEOUT_MS) is made in this process. While Redis is away each node therefore limits on its own, as without
 * REDIS_URL — limits loosen to at most one allowance per node, never vanish, and no request fails for Redis.
 */
class RedisWithFallback {
  constructor(
    private readonly shared: InstanceType<StoreCtor>,
    private readonly local: InstanceType<StoreCtor>,
    private readonly onRedisError: (error: Error) => void,
  ) {}

  incr(key: string, callback: Callback, timeWindow: number, max: number): void {
    this.shared.incr(
      key,
      (error, result) => {
        if (!error) return callback(null, result);
        this.onRedisError(error);
        this.local.incr(key, callback, timeWindow, max);
      },
      timeWindow,
      max,
    );
  }

  read(key: string, callback: Callback, timeWindow: number, max: number): void {
    this.shared.read(
      key,
      (error, result) => {
        if (!error) return callback(null, result);
        this.onRedisError(error);
        this.local.read(key, callback, timeWindow, max);
      },
      timeWindow,
      max,
    );
  }

  child(routeOptions: RouteParams): RedisWithFallback {
    return new RedisWithFallback(
      this.shared.child(routeOptions) as InstanceType<StoreCtor>,
      this.local.child(routeOptions) as InstanceType<StoreCtor>,
      this.onRedisError,
    );
  }
}

/**
 * The options to register @fastify/rate-limit with in one scope: counts in Redis under `<prefix>rate-limit:<name>:`
 * when REDIS_URL is set, else in this process. `global: false` unless given: routes opt in with `config.rateLimit`.
 */
export function limitsIn(
  counts: RateLimitCounts,
  name: string,
  options: RateLimitPluginOptions = {},
): RateLimitPluginOptions {
  const base: RateLimitPluginOptions = { global: false, ...options };
  const { redis } = counts;
  if (!redis) return base;
  const nameSpace = `${counts.prefix}rate-limit:${name}:`;
  const store = class extends RedisWithFallback {
    constructor(params: { continueExceeding?: boolean; exponentialBackoff?: boolean }) {
      super(
        new RedisStore(params.continueExceeding ?? false, params.exponentialBackoff ?? false, redis, nameSpace),
        new LocalStore(params.continueExceeding ?? false, params.exponentialBackoff ?? false),
        counts.onRedisError,
      );
    }
  };
  return { ...base, store: store as unknown as FastifyRateLimitStoreCtor };
}

/**
 * A credential as a rate-limit key: its SHA-256, so that no token is ever written to Redis (or kept in memory) as is.
 */
export function credentialKey(credential: string): string {
  return createHash('sha256').update(credential).digest('base64url');
}

/**
 * The per-key limit of every API surface (API_RATE_LIMIT a minute): counted by the API key's id — never the key — or,
 * for the dashboard, by the signed-in user. Runs after authentication (a route's own onRequest hooks follow the
 * scope's), so an unauthenticated request is answered 401 and not counted. Answers carry the `RateLimit-Limit`,
 * `RateLimit-Remaining` and `RateLimit-Reset` headers; past the limit, 429 `rate_limited` with `Retry-After`.
 */
export function apiLimits(counts: RateLimitCounts, perMinute: number): RateLimitPluginOptions {
  return limitsIn(counts, 'api', {
    global: true,
    max: perMinute,
    timeWindow: 60_000,
    enableDraftSpec: true,
    keyGenerator: (request: FastifyRequest) => {
      const principal = request.principal;
      if (principal?.keyId != null) return `key:${principal.keyId}`;
      return principal ? `user:${principal.userId}` : `address:${request.ip}`;
    },
    errorResponseBuilder: (request, context) => {
      const who = request.principal?.via === 'session' ? 'this user' : 'this API key';
      return new AppError(
        'rate_limited',
        `Too many requests with ${who}: ${context.max} a minute are allowed; try again in ${context.after}.`,
        { limit: context.max, retry_after_seconds: Math.ceil(context.ttl / 1000) },
      );
    },
  });
}
