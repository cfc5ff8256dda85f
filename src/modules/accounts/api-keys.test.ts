import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { apiKeyFromHeader, generateApiKey, grants, hashApiKey, parseScopes } from './api-keys.js';

describe('API keys', () => {
  it('are random, recognisable by their prefix, and stored only as a SHA-256 hash', () => {
    const keys = Array.from({ length: 200 }, generateApiKey);
    assert.equal(new Set(keys.map((k) => k.key)).size, 200);
    for (const { key, prefix, hash } of keys) {
      assert.match(key, /^plaudit_[A-Za-z0-9_-]{43}$/);
      assert.ok(key.startsWith(prefix));
      assert.match(hash, /^[0-9a-f]{64}$/);
      assert.equal(hash, hashApiKey(key));
      assert.ok(!hash.includes(key.slice(8)));
    }
  });

  it('are read from "Bearer <key>" and from the bare header', () => {
    assert.equal(apiKeyFromHeader('Bearer plaudit_abc'), 'plaudit_abc');
    assert.equal(apiKeyFromHeader('bearer   plaudit_abc '), 'plaudit_abc');
    assert.equal(apiKeyFromHeader('plaudit_abc'), 'plaudit_abc');
    assert.equal(apiKeyFromHeader(undefined), null);
    assert.equal(apiKeyFromHeader('   '), null);
    assert.equal(apiKeyFromHeader('Bearer '), 'Bearer');
  });

  it('parse scopes strictly', () => {
    assert.deepEqual(parseScopes('read_all'), ['read_all']);
    assert.deepEqual(parseScopes('write_all, read_all'), ['read_all', 'write_all']);
    assert.deepEqual(parseScopes('read_all,read_all'), ['read_all']);
    assert.equal(parseScopes(''), null);
    assert.equal(parseScopes('read_all,admin'), null);
  });

  it('grant reads to either scope and writes to write_all only', () => {
    assert.ok(grants(['read_all'], 'read_all'));
    assert.ok(grants(['write_all'], 'read_all'));
    assert.ok(!grants(['read_all'], 'write_all'));
    assert.ok(grants(['read_all', 'write_all'], 'write_all'));
    assert.ok(!grants([], 'read_all'));
  });

  it('hash the same key to the same value and different keys apart', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        assert.equal(hashApiKey(a), hashApiKey(a));
        if (a !== b) assert.notEqual(hashApiKey(a), hashApiKey(b));
      }),
    );
  });
});
