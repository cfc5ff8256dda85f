/**
 * Writes a chunk to the output without waiting: answers how many bytes the output took, and throws with code `EAGAIN`
 * when it can take none right now (a full pipe).
 */
export type WriteChunk = (chunk: Buffer) => number;

export interface LogDestinationOptions {
  write: WriteChunk;
  /** Lines are written once this many characters wait: one system call per batch, not one per line. */
  batchSize?: number;
  /** A line that arrives while this many characters wait is dropped (and counted) instead of held. */
  maxWaiting?: number;
  /**
   * After the output said it was full, the next attempt waits this long, twice as long after each attempt that finds
   * it full still, up to `maxRetryDelayMs`: a reader that fell behind for a moment is caught up with at once, one that
   * stopped costs next to nothing.
   */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  /** Called when the output has caught up after lines were dropped, with how many were dropped since the last call. */
  onCaughtUp?: (dropped: number) => void;
}

type Attempt = 'written' | 'full' | 'broken';

const NEWLINE = 0x0a;

function countLines(chunk: Buffer): number {
  let lines = 0;
  for (let at = chunk.indexOf(NEWLINE); at !== -1; at = chunk.indexOf(NEWLINE, at + 1)) lines += 1;
  return lines;
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Where the logger writes its lines (pino takes any object with `write`). Lines are batched; the main thread never
 * waits for the output: when it is full (a log collector that stopped reading) lines wait, up to `maxWaiting`
 * characters, and later ones are dropped and counted, so that memory stays bounded and the process keeps serving;
 * when it is gone (closed pipe) everything is dropped and counted. At exit, what waits gets a bounded time to go out.
 */
export class LogDestination {
  private readonly writeChunk: WriteChunk;
  private readonly batchSize: number;
  private readonly maxWaiting: number;
  private readonly firstRetryDelayMs: number;
  private readonly maxRetryDelayMs: number;
  private retryDelayMs: number;
  private readonly onCaughtUp: ((dropped: number) => void) | undefined;
  private lines: string[] = [];
  private lineChars = 0;
  /** What is left of a chunk the output took only part of (or none of): it goes out first, as it is. */
  private rest: Buffer | undefined;
  private retryScheduled = false;
  private broken = false;
  private droppedLines = 0;
  private reportedLines = 0;

  constructor(options: LogDestinationOptions) {
    this.writeChunk = options.write;
    this.batchSize = options.batchSize ?? 4096;
    this.maxWaiting = options.maxWaiting ?? 4 * 1024 * 1024;
    this.firstRetryDelayMs = options.retryDelayMs ?? 5;
    this.maxRetryDelayMs = options.maxRetryDelayMs ?? 1000;
    this.retryDelayMs = this.firstRetryDelayMs;
    this.onCaughtUp = options.onCaughtUp;
  }

  /** Lines dropped so far, because the output was full or gone. */
  get dropped(): number {
    return this.droppedLines;
  }

  /** Characters waiting to be written: never more than `maxWaiting` and one line. */
  get waiting(): number {
    return this.lineChars + (this.rest?.length ?? 0);
  }

  /** Takes one log line (pino passes each line with its newline). */
  write(line: string): boolean {
    if (this.broken || this.waiting + line.length > this.maxWaiting) {
      this.droppedLines += 1;
      return true;
    }
    this.lines.push(line);
    this.lineChars += line.length;
    if (this.lineChars >= this.batchSize && !this.retryScheduled) this.attempt(true);
    return true;
  }

  /** Writes what waits, if the output takes it now; called every second so that a quiet server's lines go out. */
  flush(): void {
    if (!this.retryScheduled && this.waiting > 0) this.attempt(true);
  }

  /**
   * At exit: writes what waits, giving a full output at most `budgetMs` to take it, then drops the rest. Answers how
   * many dropped lines were never reported in a log line, for the caller to say so somewhere else.
   */
  flushBeforeExit(budgetMs: number): number {
    const deadline = Date.now() + budgetMs;
    while (this.attempt(false) === 'full' && Date.now() < deadline) sleepSync(Math.min(10, deadline - Date.now()));
    this.dropWaiting();
    return this.droppedLines - this.reportedLines;
  }

  private attempt(running: boolean): Attempt {
    while (this.rest || this.lines.length > 0) {
      if (!this.rest) {
        this.rest = Buffer.from(this.lines.join(''));
        this.lines = [];
        this.lineChars = 0;
      }
      let written: number;
      try {
        written = this.writeChunk(this.rest);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN' || code === 'EWOULDBLOCK') {
          if (running) this.retryLater();
          return 'full';
        }
        // EPIPE (the reader is gone), EBADF, EIO: nothing written from now on would arrive.
        this.broken = true;
        this.dropWaiting();
        return 'broken';
      }
      this.rest = written >= this.rest.length ? undefined : this.rest.subarray(written);
    }
    this.retryDelayMs = this.firstRetryDelayMs;
    if (running && this.droppedLines > this.reportedLines && this.onCaughtUp) {
      const dropped = this.droppedLines - this.reportedLines;
      this.reportedLines = this.droppedLines;
      this.onCaughtUp(dropped);
    }
    return 'written';
  }

  private retryLater(): void {
    this.retryScheduled = true;
    setTimeout(() => {
      this.retryScheduled = false;
      this.attempt(true);
    }, this.retryDelayMs).unref();
    this.retryDelayMs = Math.min(this.retryDelayMs * 2, this.maxRetryDelayMs);
  }

  private dropWaiting(): void {
    this.droppedLines += this.lines.length + (this.rest ? countLines(this.rest) : 0);
    this.lines = [];
    this.lineChars = 0;
    this.rest = undefined;
  }
}
