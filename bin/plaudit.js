#!/usr/bin/env node
// The `plaudit` command. It runs the compiled CLI; `npm install` builds it (the `prepare` script).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('plaudit: not built yet. Run `npm run build` (npm install does it for you).\n');
  process.exit(1);
}
await import(entry.href);
