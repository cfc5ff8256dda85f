// npm run bench:crash: the crash drill of test/crash.test.ts, many times — a real `plaudit serve` under concurrent
// messages, message feedback and rating answers, killed with SIGKILL at random moments and started again; every
// acknowledged write must be there, and the database whole. CRASH_CYCLES (50) kills per engine, CRASH_WRITERS (8)
// concurrent writers, BENCH_DIALECTS (sqlite,postgres) the engines. Talks to 127.0.0.1 only; stops by itself.
import type { Dialect } from '../src/db/database.js';
import { runCrashDrill } from '../test/helpers/crash.js';

const CYCLES = Number(process.env.CRASH_CYCLES ?? 50);
const WRITERS = Number(process.env.CRASH_WRITERS ?? 8);
const DIALECTS = (process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',') as Dialect[];

for (const dialect of DIALECTS) {
  const started = Date.now();
  const report = await runCrashDrill({
    dialect,
    cycles: CYCLES,
    writers: WRITERS,
    onCycle: ({ cycle, killedAfterMs, acknowledged }) =>
      process.stdout.write(
        `${dialect} cycle ${cycle}/${CYCLES}: killed after ${killedAfterMs} ms; acknowledged ` +
          `${acknowledged.messages} messages, ${acknowledged.feedback} feedback, ${acknowledged.answers} answers\n`,
      ),
  });
  const { messages, feedback, answers } = report.checked;
  process.stdout.write(
    `${dialect}: ${report.cycles} kills in ${Math.round((Date.now() - started) / 1000)} s; every acknowledged write ` +
      `found (${messages} messages, ${feedback} feedback records, ${answers} rating answers), integrity ok\n`,
  );
}
