import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/** The Redis the shared-limit tests use: `PLAUDIT_TEST_REDIS_URL`, by default the one on 127.0.0.1:6379. */
export const testRedisUrl = process.env.PLAUDIT_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const ci = process.env.CI === 'true' || process.env.CI === '1';

/**
 * Whether the test Redis answers. Without it the Redis suites are skipped with a loud line, except under CI=true,
 * where a missing Redis fails the run (`.ci/run` starts one), so that a silent skip can never look green.
 */
export async function redisAnswers(): Promise<boolean> {
  const redis = new Redis(testRedisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
    return true;
  } catch (error) {
    if (ci) throw new Error(`CI=true and Redis at ${testRedisUrl} does not answer: ${(error as Error).message}`);
    process.stderr.write(`\nRedis at ${testRedisUrl} does not answer: the shared rate-limit suites are SKIPPED.\n\n`);
    return false;
  } finally {
    redis.disconnect();
  }
}

/** A key prefix of one test's own, so that tests sharing the Redis never see each other's counts. */
export function randomKeyPrefix(): string {
  return `plaudit-test-${process.pid}-${randomBytes(4).toString('hex')}:`;
}

/** Every key under `prefix` (the test's own), and a way to delete them afterwards. */
export async function keysUnder(prefix: string, drop = false): Promise<string[]> {
  const redis = new Redis(testRedisUrl, { maxRetriesPerRequest: 1 });
  try {
    const keys = await redis.keys(`${prefix}*`);
    if (drop && keys.length > 0) await redis.del(...keys);
    return keys;
  } finally {
    redis.disconnect();
  }
}
