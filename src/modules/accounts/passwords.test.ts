import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hashPassword, verifyPassword } from './passwords.js';

describe('passwords', () => {
  it('are hashed with scrypt and a salt, and verified', async () => {
    const first = await hashPassword('correct horse battery staple');
    const second = await hashPassword('correct horse battery staple');
    assert.match(first, /^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/);
    assert.notEqual(first, second, 'each hash has its own salt');
    assert.ok(await verifyPassword('correct horse battery staple', first));
    assert.ok(!(await verifyPassword('correct horse battery stapler', first)));
    assert.ok(!(await verifyPassword('anything', 'not-a-hash')));
  });
});
