import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  hashSessionToken,
  looksLikeSessionToken,
  newSessionToken,
  SESSION_IDLE_MS,
  SESSION_LIFETIME_MS,
  sessionExpired,
  sessionExpiry,
  sessionNeedsTouch,
} from './sessions.js';

describe('session tokens', () => {
  it('are 256 random bits, base64url, and stored only as a SHA-256 hash', () => {
    const tokens = Array.from({ length: 200 }, newSessionToken);
    assert.equal(new Set(tokens).size, 200);
    for (const token of tokens) {
      assert.ok(looksLikeSessionToken(token));
      assert.match(hashSessionToken(token), /^[0-9a-f]{64}$/);
    }
    assert.ok(!looksLikeSessionToken('short'));
    assert.ok(!looksLikeSessionToken(`${tokens[0]}x`));
  });
});

describe('session expiry', () => {
  const start = Date.parse('2026-03-01T08:00:00.000Z');
  const at = (ms: number) => new Date(ms).toISOString();

  it('ends after twelve idle hours', () => {
    const session = { last_seen_at: at(start), expires_at: sessionExpiry(start) };
    assert.ok(!sessionExpired(session, start + SESSION_IDLE_MS - 1));
    assert.ok(sessionExpired(session, start + SESSION_IDLE_MS));
  });

  it('ends seven days after sign-in however active', () => {
    const end = start + SESSION_LIFETIME_MS;
    const session = { last_seen_at: at(end - 1000), expires_at: sessionExpiry(start) };
    assert.ok(!sessionExpired(session, end - 1));
    assert.ok(sessionExpired(session, end));
  });

  it('writes last_seen_at at most once a minute', () => {
    const session = { last_seen_at: at(start) };
    assert.ok(!sessionNeedsTouch(session, start + 59_999));
    assert.ok(sessionNeedsTouch(session, start + 60_000));
  });
});
