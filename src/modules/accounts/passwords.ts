import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// OWASP's scrypt minimum (N=2^17, r=8, p=1) costs about 128 MiB and 0.2 s per hash; 2^15 keeps sign-in fast on small
// machines while staying far from brute-forceable, and the parameters travel with each hash so they can grow.
export const PASSWORD_COST = { N: 2 ** 15, r: 8, p: 1 } as const;
let params: { N: number; r: number; p: number } = PASSWORD_COST;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, KEY_LENGTH, { ...options, maxmem: 256 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/**
 * Tests only: new hashes use scrypt cost `N` instead of PASSWORD_COST, so that suites which create and sign in
 * hundreds of users do not spend minutes of CPU in scrypt. Nothing in the product calls it; a hash made either way
 * verifies by the parameters stored in it.
 */
export function lowerPasswordCostForTests(N: number): void {
  params = { ...PASSWORD_COST, N };
}

/** Hashes a password as `scrypt$N$r$p$salt$hash` (base64url parts). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Checks a password against a stored hash in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
