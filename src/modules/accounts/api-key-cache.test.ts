import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiKeyCache } from './api-key-cache.js';

describe('the API key cache', () => {
  it('reads a key once within its time, and again after it', async () => {
    const cache = new ApiKeyCache<{ id: number }>(30);
    let reads = 0;
    const load = async () => ({ id: (reads += 1) });
    assert.deepEqual(await cache.get('a', load), { id: 1 });
    assert.deepEqual(await cache.get('a', load), { id: 1 });
    await new Promise((resolve) => setTimeout(resolve, 40));
    assert.deepEqual(await cache.get('a', load), { id: 2 });
  });

  it('never remembers an unknown key', async () => {
    const cache = new ApiKeyCache<{ id: number }>(60_000);
    let reads = 0;
    const load = async () => void (reads += 1);
    await cache.get('unknown', load);
    await cache.get('unknown', load);
    assert.equal(reads, 2);
  });

  it('forgets every key at once, and does not store a read that began before', async () => {
    const cache = new ApiKeyCache<{ revoked: boolean }>(60_000);
    await cache.get('a', async () => ({ revoked: false }));
    cache.forgetAll();
    assert.deepEqual(await cache.get('a', async () => ({ revoked: true })), { revoked: true });

    // A read in flight while a revocation commits answers what it read, but is not remembered.
    let finish!: (row: { revoked: boolean }) => void;
    const inFlight = cache.get('b', () => new Promise((resolve) => (finish = resolve)));
    cache.forgetAll();
    finish({ revoked: false });
    assert.deepEqual(await inFlight, { revoked: false });
    assert.deepEqual(await cache.get('b', async () => ({ revoked: true })), { revoked: true });
  });

  it("forgets one organization's keys and keeps the others'", async () => {
    const cache = new ApiKeyCache<{ org_id: number; read: number }>(60_000);
    await cache.get('mine', async () => ({ org_id: 1, read: 1 }));
    await cache.get('theirs', async () => ({ org_id: 2, read: 1 }));
    cache.forgetWhere((row) => row.org_id === 1);
    assert.deepEqual(await cache.get('mine', async () => ({ org_id: 1, read: 2 })), { org_id: 1, read: 2 });
    assert.deepEqual(await cache.get('theirs', async () => ({ org_id: 2, read: 2 })), { org_id: 2, read: 1 });
  });

  it('forgets every key once the database says another process committed', async () => {
    let version = 1;
    const cache = new ApiKeyCache<{ revoked: boolean }>(60_000, () => version);
    await cache.get('a', async () => ({ revoked: false }));
    assert.deepEqual(await cache.get('a', async () => ({ revoked: true })), { revoked: false });
    version = 2;
    assert.deepEqual(await cache.get('a', async () => ({ revoked: true })), { revoked: true });
  });
});
