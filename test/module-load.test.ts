import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const MODULES = new URL('../src/modules/', import.meta.url);

/**
 * Each module's index loaded first, alone, in a fresh process: an import cycle between modules shows up only in the
 * process that enters it at one particular point, as "Cannot access … before initialization", and the app's own
 * start enters at one point only.
 */
describe('every module loads on its own', () => {
  const names = readdirSync(fileURLToPath(MODULES), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

  it('finds the modules', () => assert.ok(names.length >= 10, names.join(', ')));

  for (const name of names) {
    it(name, async () => {
      const index = new URL(`${name}/index.js`, MODULES).href;
      await assert.doesNotReject(
        run(process.execPath, ['--input-type=module', '-e', `await import(${JSON.stringify(index)});`]),
        `src/modules/${name}/index.ts cannot be the first module a process loads`,
      );
    });
  }
});
