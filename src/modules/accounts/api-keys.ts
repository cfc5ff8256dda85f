import { createHash, randomBytes } from 'node:crypto';

export const scopes = ['read_all', 'write_all'] as const;
export type Scope = (typeof scopes)[number];

const KEY_PREFIX = 'plaudit_';

export interface GeneratedApiKey {
  /** The key itself: shown once, never stored. */
  key: string;
  /** The first characters, stored so that people can tell keys apart. */
  prefix: string;
  /** What is stored and looked up. */
  hash: string;
}

/** A new key: `plaudit_` and 256 random bits, base64url. The prefix lets secret scanners recognise a leaked key. */
export function generateApiKey(): GeneratedApiKey {
  const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { key, prefix: key.slice(0, KEY_PREFIX.length + 8), hash: hashApiKey(key) };
}

/** SHA-256, hex. Keys carry 256 random bits, so a fast hash is enough: there is nothing to brute-force. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Reads the key from `Authorization: Bearer <key>` or the bare `Authorization: <key>`. */
export function apiKeyFromHeader(header: string | undefined): string | null {
  if (!header) return null;
  const value = header.trim();
  const bearer = /^bearer\s+(.+)$/i.exec(value);
  const key = (bearer ? bearer[1] : value)?.trim();
  return key ? key : null;
}

/** Parses `read_all,write_all`; returns null when a scope is unknown or none is given. */
export function parseScopes(text: string): Scope[] | null {
  const parts = [
    ...new Set(
      text
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    ),
  ];
  if (parts.length === 0 || !parts.every((part): part is Scope => (scopes as readonly string[]).includes(part))) {
    return null;
  }
  return scopes.filter((scope) => parts.includes(scope));
}

/** GET needs `read_all` or `write_all`; anything that writes needs `write_all`. */
export function grants(held: readonly Scope[], required: Scope): boolean {
  return required === 'read_all' ? held.length > 0 : held.includes('write_all');
}
