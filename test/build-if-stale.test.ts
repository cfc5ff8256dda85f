import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';

const SCRIPT = fileURLToPath(new URL('../scripts/build-if-stale.mjs', import.meta.url));
/** Stands in for `npm run build:all`: writes what a build leaves and counts how often it ran. */
const FAKE_BUILD = `
const { mkdirSync, writeFileSync, appendFileSync } = require('node:fs');
for (const file of ['dist/cli/main.js', 'dist/dashboard/index.html', 'dist/widget/widget.js']) {
  mkdirSync(require('node:path').dirname(file), { recursive: true });
  writeFileSync(file, '');
}
appendFileSync('builds.log', 'built\\n');
`;

/**
 * scripts/build-if-stale.mjs (what `npm start` runs before `plaudit serve`) on a small checkout of the same shape, with
 * a build that takes no time: the real build takes a minute, and the decision is what is under test.
 */
describe('npm start builds only when the build is stale', () => {
  let root: string;
  const run = (...args: string[]) => {
    const result = spawnSync(process.execPath, [SCRIPT, '--root', root, '--command', 'node build.cjs', ...args], {
      encoding: 'utf8',
    });
    assert.equal(result.status, 0, result.stderr);
    return result.stdout.trim();
  };
  const builds = () => readFileSync(join(root, 'builds.log'), 'utf8').split('\n').filter(Boolean).length;

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'plaudit-build-'));
    for (const dir of ['src/db', 'dashboard/src', 'widget/src']) mkdirSync(join(root, dir), { recursive: true });
    for (const file of ['src/app.ts', 'src/db/sqlite.ts', 'dashboard/src/main.tsx', 'widget/src/main.ts']) {
      writeFileSync(join(root, file), `// ${file}\n`);
    }
    writeFileSync(join(root, 'tsconfig.json'), '{}');
    writeFileSync(join(root, 'package.json'), '{}');
    writeFileSync(join(root, 'build.cjs'), FAKE_BUILD);
    writeFileSync(join(root, 'builds.log'), '');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('builds the first time, then starts without building', () => {
    assert.equal(run(), 'building (dist/cli/main.js is missing)');
    assert.equal(builds(), 1);
    const stamp = JSON.parse(readFileSync(join(root, 'dist/.build-stamp.json'), 'utf8'));
    assert.equal(stamp.files, 6);
    assert.equal(run(), 'build is up to date');
    assert.equal(run(), 'build is up to date');
    assert.equal(builds(), 1);
  });

  it('builds again after a source changes, one is added or removed, or an older copy is restored', () => {
    const changes: Array<() => void> = [
      () => writeFileSync(join(root, 'src/app.ts'), '// changed\n'),
      () => writeFileSync(join(root, 'dashboard/src/new.tsx'), '// new\n'),
      () => unlinkSync(join(root, 'dashboard/src/new.tsx')),
      // An older file put back (a checkout of another branch, a restored backup) has an older time, not a newer one.
      () => utimesSync(join(root, 'widget/src/main.ts'), new Date('2020-01-01'), new Date('2020-01-01')),
      () => writeFileSync(join(root, 'package.json'), '{"name":"changed"}'),
    ];
    let expected = builds();
    for (const change of changes) {
      change();
      assert.equal(run(), 'building (sources changed since the last build)');
      expected += 1;
      assert.equal(builds(), expected);
      assert.equal(run(), 'build is up to date');
    }
  });

  it('ignores test files, and builds when the output is gone or when asked to', () => {
    const before = builds();
    writeFileSync(join(root, 'src/app.test.ts'), '// a test\n');
    assert.equal(run(), 'build is up to date');
    unlinkSync(join(root, 'dist/dashboard/index.html'));
    assert.equal(run(), 'building (dist/dashboard/index.html is missing)');
    assert.equal(run('--always'), '');
    assert.equal(builds(), before + 2);
    assert.equal(run(), 'build is up to date');
  });

  it('is what npm start runs, and plaudit serve never builds', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    assert.match(pkg.scripts.start, /^node scripts\/build-if-stale\.mjs && node bin\/plaudit\.js serve/);
    const bin = readFileSync(new URL('../bin/plaudit.js', import.meta.url), 'utf8');
    assert.doesNotMatch(bin, /spawn|exec|build-if-stale/);
  });
});
