import { Readable } from 'node:stream';
import { csvLine, type Cell } from './csv.js';

// How an export's rows become the bytes of its download: lines in a format, joined into chunks, handed to the socket
// as the client reads.

/** How a format writes a row of cells (without its line end), and what ends each line. */
export interface LineFormat {
  line(cells: readonly Cell[]): string;
  end: string;
}

export const csvFormat: LineFormat = { line: csvLine, end: '\r\n' };

export function jsonLinesFormat(columns: readonly string[]): LineFormat {
  return {
    line(cells) {
      const object: Record<string, Cell> = {};
      for (let i = 0; i < columns.length; i += 1) object[columns[i]!] = cells[i] ?? null;
      return JSON.stringify(object);
    },
    end: '\n',
  };
}

/**
 * Characters per chunk handed to the socket: about a stream's high-water mark, so that back-pressure stops the reading
 * within a chunk or two, and no string of a whole batch (megabytes, straight into V8's large-object space) is made.
 */
const CHUNK_CHARS = 16 * 1024;

/**
 * Joins the lines of batches of rows into chunks of about CHUNK_CHARS. A batch is written out whole before its first
 * chunk is handed on, so that its rows are not kept alive while a slow client reads.
 */
export async function* chunked<Row>(
  batches: AsyncGenerator<Row[], void, undefined>,
  cellsOf: (row: Row) => Cell[],
  format: LineFormat,
): AsyncGenerator<string, void, undefined> {
  let lines: string[] = [];
  let length = 0;
  for await (const rows of batches) {
    const ready: string[] = [];
    for (const row of rows) {
      const line = format.line(cellsOf(row));
      lines.push(line);
      length += line.length;
      if (length >= CHUNK_CHARS) {
        lines.push('');
        ready.push(lines.join(format.end));
        lines = [];
        length = 0;
      }
    }
    yield* ready;
  }
  if (lines.length > 0) {
    lines.push('');
    yield lines.join(format.end);
  }
}

/**
 * A Readable over an async iterator of text chunks, whose first chunk was read already (so that a failing query is
 * an error answer, not a broken download). Reads the next chunk only when the consumer asks (back-pressure); when
 * destroyed — the client went away, or read nothing for `stallMs` — it stops the iterator, which ends the query and
 * releases its connection.
 */
export class ExportStream extends Readable {
  readonly #chunks: AsyncGenerator<string, void, undefined>;
  readonly #stallMs: number;
  #first: string | undefined;
  #stall: NodeJS.Timeout | undefined;

  constructor(chunks: AsyncGenerator<string, void, undefined>, first: string | undefined, stallMs: number) {
    super();
    this.#chunks = chunks;
    this.#first = first;
    this.#stallMs = stallMs;
    // A body nobody starts to read ends too.
    this.#startStallTimer();
  }

  override _read(): void {
    clearTimeout(this.#stall);
    const first = this.#first;
    if (first !== undefined) {
      this.#first = undefined;
      this.#push(first);
      return;
    }
    this.#chunks.next().then(
      (next) => {
        if (!this.destroyed) this.#push(next.done ? null : next.value);
      },
      (error: unknown) => this.destroy(error as Error),
    );
  }

  /** Hands a chunk on; until the consumer asks for the next, the stall timer runs. */
  #push(chunk: string | null): void {
    this.push(chunk);
    if (chunk !== null) this.#startStallTimer();
  }

  #startStallTimer(): void {
    this.#stall = setTimeout(() => {
      this.destroy(new Error(`The client read nothing for ${this.#stallMs / 1000} s; the export was ended.`));
    }, this.#stallMs);
    this.#stall.unref();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    clearTimeout(this.#stall);
    this.#chunks.return(undefined).then(
      () => callback(error),
      (returnError: unknown) => callback(error ?? (returnError as Error)),
    );
  }
}
