import { writeSync } from 'node:fs';
import pino, { type Logger } from 'pino';
import type { Config } from './config.js';
import { LogDestination } from './log-destination.js';

const FLUSH_INTERVAL_MS = 1000;
/** How long the lines still waiting at exit may take to go out before they are dropped. */
const EXIT_FLUSH_BUDGET_MS = 1000;

/**
 * JSON logs on stdout, one line per request, written in batches (a system call per line would cost the hottest paths)
 * and flushed every second and at exit. A stdout nobody reads never stops the process: see `LogDestination`. Lines
 * dropped on the way are reported in a log line once stdout catches up, and on stderr at exit for those never
 * reported.
 */
export function createLogger(config: Config): Logger {
  // A pipe on stdout may be in blocking mode; one write to a full blocking pipe would stop the whole process. Node's
  // stdout stream puts a pipe or socket in non-blocking mode when it is made, so make it before the first write.
  void process.stdout;
  const destination = new LogDestination({
    write: (chunk) => writeSync(1, chunk),
    onCaughtUp: (dropped) =>
      logger.warn({ dropped_lines: dropped }, 'log lines were dropped while stdout was not being read'),
  });
  // The destination reports drops only once it has written a batch, by which time the logger exists.
  const logger = pino(
    {
      level: config.logLevel,
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
    },
    destination,
  );
  setInterval(() => destination.flush(), FLUSH_INTERVAL_MS).unref();
  process.once('exit', () => {
    const dropped = destination.flushBeforeExit(EXIT_FLUSH_BUDGET_MS);
    if (dropped > 0) {
      const lines = dropped === 1 ? '1 log line was' : `${dropped} log lines were`;
      process.stderr.write(`plaudit: ${lines} dropped because stdout was not being read.\n`);
    }
  });
  return logger;
}
