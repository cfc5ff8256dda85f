import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { olderThanNeeded } from '../bin/node-version.js';

describe('the Node.js version check at start', () => {
  it('names the version needed when the running one is older, and nothing otherwise', () => {
    assert.equal(olderThanNeeded('20.18.3', '>=20.19'), '20.19.0');
    assert.equal(olderThanNeeded('18.20.0', '>=20.19'), '20.19.0');
    assert.equal(olderThanNeeded('v20.19.0', '>=20.19'), undefined);
    assert.equal(olderThanNeeded('20.20.2', '>=20.19'), undefined);
    assert.equal(olderThanNeeded('22.1.0', '>=20.19'), undefined);
    assert.equal(olderThanNeeded('20.19.1', '>=20.19.2'), '20.19.2');
    assert.equal(olderThanNeeded('20.0.0', 'not a range'), undefined);
  });
});
