import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dialects } from './helpers/databases.js';
import { runCrashDrill } from './helpers/crash.js';

// A few cycles here; `npm run bench:crash` runs many (CRASH_CYCLES).
const CYCLES = 3;

for (const dialect of dialects) {
  describe(`a server killed under concurrent writes loses nothing it acknowledged [${dialect}]`, () => {
    it(`keeps every acknowledged message, feedback record and rating answer over ${CYCLES} SIGKILLs`, async () => {
      const report = await runCrashDrill({ dialect, cycles: CYCLES });
      // The drill must have had something to lose: writes were acknowledged before each kill.
      assert.ok(
        report.checked.messages > 0 && report.checked.feedback > 0 && report.checked.answers > 0,
        JSON.stringify(report),
      );
    });
  });
}
