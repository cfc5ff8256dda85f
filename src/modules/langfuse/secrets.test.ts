import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SecretBox } from './secrets.js';

describe('SecretBox', () => {
  const box = new SecretBox('a'.repeat(32));

  it('opens what it sealed, and a fresh nonce each time', () => {
    const sealed = box.seal('sk-lf-secret', 'org:1');
    assert.match(sealed, /^v1\.[A-Za-z0-9_-]+$/);
    assert.ok(!sealed.includes('sk-lf-secret'));
    assert.notEqual(box.seal('sk-lf-secret', 'org:1'), sealed);
    assert.equal(box.open(sealed, 'org:1'), 'sk-lf-secret');
  });

  it('opens nothing under another key, another context, or after a change', () => {
    const sealed = box.seal('sk-lf-secret', 'org:1');
    assert.equal(new SecretBox('b'.repeat(32)).open(sealed, 'org:1'), undefined);
    assert.equal(box.open(sealed, 'org:2'), undefined);
    const bytes = Buffer.from(sealed.slice(3), 'base64url');
    bytes[bytes.length - 1]! ^= 1;
    assert.equal(box.open(`v1.${bytes.toString('base64url')}`, 'org:1'), undefined);
    assert.equal(box.open('garbage', 'org:1'), undefined);
  });
});
