import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { errorStatus } from '../src/errors.js';

describe('docs/errors.md', () => {
  it('lists every error code with its status', () => {
    const doc = readFileSync(new URL('../docs/errors.md', import.meta.url), 'utf8');
    for (const [code, status] of Object.entries(errorStatus)) {
      assert.match(
        doc,
        new RegExp(`\\|\\s*\`${code}\`\\s*\\|\\s*${status}\\s*\\|`),
        `${code} (${status}) is documented`,
      );
    }
  });
});
