import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import semver from 'semver';
import { olderThanNeeded } from '../bin/node-version.js';

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

interface Manifest {
  version?: string;
  engines?: { node?: string };
}

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

describe('the Node.js version the project states', () => {
  it('is one that every locked package supports, from its oldest to the running one, so that an install prints no engine warning', () => {
    const stated = (readJson('package.json') as Manifest).engines!.node!;
    const lock = readJson('package-lock.json') as { packages: Record<string, Manifest> };
    // The oldest version the project states, and the one running the tests: npm warns when either is refused.
    const versions = [semver.minVersion(stated)!.version, process.version.slice(1)];
    const unsupported = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && entry.engines?.node !== undefined)
      .filter(([, entry]) => versions.some((version) => !semver.satisfies(version, entry.engines!.node!)))
      .map(
        ([path, entry]) =>
          `${path.replace(/^.*node_modules\//, '')}@${entry.version} needs node ${entry.engines!.node}`,
      );
    assert.deepEqual(unsupported, [], `package.json states node ${stated}; checked ${versions.join(' and ')}`);
  });
});
