import { Readable } from 'node:stream';
import type { Database } from '../../db/database.js';
import { nowIso, toBoolean } from '../../db/values.js';
import { AppError } from '../../errors.js';
import {
  localDay,
  resolveFilters,
  type AnalyticsFilterInput,
  type AnalyticsService,
  type ResolvedFilters,
} from '../analytics/index.js';
import { csvLine, csvRecord, type Cell } from './csv.js';
import {
  ExportsRepository,
  type ConversationExportRow,
  type FeedbackExportRow,
  type RatingExportRow,
} from './exports.repository.js';

export const EXPORT_DATASETS = ['conversations', 'ratings', 'feedback'] as const;
export type ExportDataset = (typeof EXPORT_DATASETS)[number];

/** The formats, by file extension, with the media type each is sent as. */
export const EXPORT_FORMATS = {
  csv: 'text/csv; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;

/** Exports streamed at once per process; each holds a PostgreSQL connection for as long as its client reads. */
export const MAX_CONCURRENT_EXPORTS = 4;
/** An export whose client reads nothing for this long is ended, so that a stalled client cannot hold it forever. */
export const EXPORT_STALL_MS = 60_000;

export interface ExportsOptions {
  maxConcurrent?: number;
  stallMs?: number;
}

/** The columns of each export, in order: the CSV header and the keys of each JSONL object. */
export const EXPORT_COLUMNS = {
  conversations: [
    'conversation_id',
    'conversation_uid',
    'external_id',
    'channel',
    'status',
    'agent_id',
    'agent_type',
    'language',
    'created_at',
    'closed_at',
    'rating_uid',
    'rating_status',
    'stars',
    'nps',
    'helpful_thumbs',
    'experience_thumbs',
    'rating_comment',
    'rating_offered_at',
    'rating_opened_at',
    'rating_submitted_at',
    'likes',
    'dislikes',
    'comments',
  ],
  ratings: [
    'rating_uid',
    'conversation_id',
    'conversation_uid',
    'channel',
    'agent_id',
    'agent_type',
    'question_code',
    'kind',
    'status',
    'value',
    'comment',
    'offered_at',
    'answered_at',
    'expires_at',
    'source',
    'rating_status',
    'required',
    'rating_cancelled_at',
  ],
  feedback: [
    'uid',
    'message_uid',
    'message_role',
    'conversation_id',
    'conversation_uid',
    'channel',
    'agent_id',
    'agent_type',
    'user_id',
    'rating',
    'comment',
    'created_at',
  ],
} as const satisfies Record<ExportDataset, readonly string[]>;

/** What an export is sent as: its file name and media type. */
export interface ExportFile {
  filename: string;
  contentType: string;
}

/** A download ready to send: its name, media type and body, read from the database as the client reads it. */
export interface ExportDownload extends ExportFile {
  body: Readable;
}

/** A survey's status as the API reports it: `expired` once it passed `expires_at` waiting for answers. */
function ratingStatus(stored: string, expiresAt: string | null, now: string): string {
  const waiting = stored === 'offered' || stored === 'partially_rated';
  return waiting && expiresAt !== null && expiresAt <= now ? 'expired' : stored;
}

function thumb(value: number | null): string | null {
  if (value === null) return null;
  return Number(value) === 1 ? 'up' : 'down';
}

function count(value: number | string | null): number {
  return value === null ? 0 : Number(value);
}

function numberOrNull(value: number | string | null): number | null {
  return value === null ? null : Number(value);
}

function conversationCells(row: ConversationExportRow, now: string): Cell[] {
  return [
    Number(row.key),
    row.uid,
    row.external_id,
    row.channel,
    row.status,
    row.agent_id,
    row.agent_type,
    row.language,
    row.created_at,
    row.closed_at,
    row.rating_uid,
    row.rating_status === null ? null : ratingStatus(row.rating_status, row.rating_expires_at, now),
    numberOrNull(row.stars),
    numberOrNull(row.nps),
    thumb(row.helpful_thumbs),
    thumb(row.experience_thumbs),
    row.rating_comment,
    row.rating_offered_at,
    row.rating_opened_at,
    row.rating_submitted_at,
    count(row.likes),
    count(row.dislikes),
    count(row.comments),
  ];
}

function ratingCells(row: RatingExportRow, now: string): Cell[] {
  return [
    row.rating_uid,
    Number(row.conversation_id),
    row.conversation_uid,
    row.channel,
    row.agent_id,
    row.agent_type,
    row.code,
    row.kind,
    row.status,
    numberOrNull(row.value),
    row.comment,
    row.offered_at,
    row.answered_at,
    row.expires_at,
    row.source,
    ratingStatus(row.rating_status, row.expires_at, now),
    toBoolean(row.required),
    row.rating_cancelled_at,
  ];
}

function feedbackCells(row: FeedbackExportRow): Cell[] {
  return [
    row.uid,
    row.message_uid,
    row.message_role,
    Number(row.conversation_id),
    row.conversation_uid,
    row.channel,
    row.agent_id,
    row.agent_type,
    row.user_id,
    row.rating,
    row.comment,
    row.created_at,
  ];
}

/** How a format writes a row of cells (without its line end), and what ends each line. */
interface LineFormat {
  line(cells: readonly Cell[]): string;
  end: string;
}

const csvFormat: LineFormat = { line: csvLine, end: '\r\n' };

function jsonLinesFormat(columns: readonly string[]): LineFormat {
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
async function* chunked<Row>(
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
class ExportStream extends Readable {
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

/** The file name (dated the day of the export in the filters' time zone) and media type of an export. */
function fileOf(dataset: ExportDataset, format: ExportFormat, filters: ResolvedFilters, now: string): ExportFile {
  return { filename: `plaudit-${dataset}-${localDay(now, filters.tz)}.${format}`, contentType: EXPORT_FORMATS[format] };
}

/**
 * Exports of conversations, rating questions and message feedback as CSV or JSON Lines, streamed: rows are read in
 * batches as the client downloads, so memory stays flat however large the export.
 */
export class ExportsService {
  private readonly repository: ExportsRepository;
  private readonly maxConcurrent: number;
  private readonly stallMs: number;
  #running = 0;

  constructor(
    database: Database,
    private readonly analytics: AnalyticsService,
    options: ExportsOptions = {},
  ) {
    this.repository = new ExportsRepository(database.db, database.dialect);
    this.maxConcurrent = options.maxConcurrent ?? MAX_CONCURRENT_EXPORTS;
    this.stallMs = options.stallMs ?? EXPORT_STALL_MS;
  }

  /** Exports streaming now in this process. */
  get running(): number {
    return this.#running;
  }

  /** Checks the filters and names the file an export would be, without reading a row (HEAD). */
  async describe(
    orgId: number,
    dataset: ExportDataset,
    format: ExportFormat,
    input: AnalyticsFilterInput,
  ): Promise<ExportFile> {
    const filters = resolveFilters(input, await this.analytics.timezoneOf(orgId));
    return fileOf(dataset, format, filters, nowIso());
  }

  /**
   * Checks the filters and starts an export: the first batch is read before this returns, so a bad filter or a failing
   * query is an error answer; the rest is read as the body is consumed. The body must be read or destroyed: until it
   * is, the export holds its place among the running ones (and, on PostgreSQL, a connection).
   */
  async open(
    orgId: number,
    dataset: ExportDataset,
    format: ExportFormat,
    input: AnalyticsFilterInput,
  ): Promise<ExportDownload> {
    const filters = resolveFilters(input, await this.analytics.timezoneOf(orgId));
    if (this.#running >= this.maxConcurrent) {
      throw new AppError('rate_limited', `${this.maxConcurrent} exports are running already; try again when one ends.`);
    }
    this.#running += 1;
    let released = false;
    const release = () => {
      if (!released) this.#running -= 1;
      released = true;
    };
    const now = nowIso();
    const columns = EXPORT_COLUMNS[dataset];
    const lines = format === 'csv' ? csvFormat : jsonLinesFormat(columns);
    const chunks = this.chunks(orgId, dataset, filters, now, lines);
    try {
      const first = await chunks.next();
      const header = format === 'csv' ? csvRecord(columns) : '';
      const body = new ExportStream(chunks, header + (first.done ? '' : first.value) || undefined, this.stallMs);
      body.once('close', release);
      return { ...fileOf(dataset, format, filters, now), body };
    } catch (error) {
      release();
      await chunks.return(undefined);
      throw error;
    }
  }

  /** The file's text, in chunks of about CHUNK_CHARS, as the rows are read. */
  private chunks(
    orgId: number,
    dataset: ExportDataset,
    filters: ResolvedFilters,
    now: string,
    format: LineFormat,
  ): AsyncGenerator<string, void, undefined> {
    const { repository } = this;
    if (dataset === 'conversations') {
      const rows = repository.batches(repository.conversations(orgId, filters));
      return chunked(rows, (row) => conversationCells(row, now), format);
    }
    if (dataset === 'ratings') {
      return chunked(repository.batches(repository.ratings(orgId, filters)), (row) => ratingCells(row, now), format);
    }
    return chunked(repository.batches(repository.feedback(orgId, filters)), feedbackCells, format);
  }
}
