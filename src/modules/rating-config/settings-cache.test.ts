import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OrganizationCache } from './settings-cache.js';

describe('OrganizationCache', () => {
  it('reads once while fresh, again once the time is up, and per organization', async () => {
    let now = 0;
    let reads = 0;
    const cache = new OrganizationCache<string>(1000, () => now);
    const read = (value: string) => async () => {
      reads += 1;
      return value;
    };
    assert.equal(await cache.get(1, read('a')), 'a');
    now = 999;
    assert.equal(await cache.get(1, read('b')), 'a');
    assert.equal(await cache.get(2, read('c')), 'c');
    now = 1000;
    assert.equal(await cache.get(1, read('d')), 'd');
    assert.equal(reads, 3);
  });

  it('reads again after a change, and never stores a read that began before the change', async () => {
    const cache = new OrganizationCache<string>(60_000);
    assert.equal(await cache.get(1, async () => 'old'), 'old');
    cache.forget(1);
    let finish!: (value: string) => void;
    const racing = cache.get(1, () => new Promise<string>((resolve) => (finish = resolve)));
    cache.forget(1); // a second change commits while the read is under way
    finish('stale');
    assert.equal(await racing, 'stale');
    assert.equal(await cache.get(1, async () => 'new'), 'new');
    assert.equal(await cache.get(1, async () => 'unread'), 'new');
  });

  it('forgets every organization at once when it cannot tell which changed, reads in flight included', async () => {
    const cache = new OrganizationCache<string>(60_000);
    assert.equal(await cache.get(1, async () => 'one'), 'one');
    let finish!: (value: string) => void;
    const racing = cache.get(2, () => new Promise<string>((resolve) => (finish = resolve)));
    cache.forgetAll();
    finish('stale');
    assert.equal(await racing, 'stale');
    assert.equal(await cache.get(1, async () => 'one again'), 'one again');
    assert.equal(await cache.get(2, async () => 'two'), 'two');
  });
});
