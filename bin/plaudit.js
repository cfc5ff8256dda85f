#!/usr/bin/env node
// The `plaudit` command. It runs the compiled CLI; `npm install` builds it (the `prepare` script).
import { existsSync, readFileSync } from 'node:fs';

import { olderThanNeeded } from './node-version.js';

// The oldest Node.js the project and its dependencies run on is package.json's `engines.node`.
const { engines } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const needed = olderThanNeeded(process.versions.node, engines?.node);
if (needed) {
  process.stderr.write(
    `plaudit: Node.js ${process.versions.node} is too old; Plaudit needs Node.js ${needed} or newer.\n`,
  );
  process.exit(1);
}

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('plaudit: not built yet. Run `npm run build` (npm install does it for you).\n');
  process.exit(1);
}
// Traces are started before anything else loads, so that the instrumentations see the modules they patch.
if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT || process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) {
  const { startTelemetry } = await import(new URL('../dist/telemetry.js', import.meta.url).href);
  await startTelemetry(process.env);
}
await import(entry.href);
