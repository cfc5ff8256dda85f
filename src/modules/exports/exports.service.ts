import type { Readable } from 'node:stream';
import type { Database } from '../../db/database.js';
import { nowIso, toBoolean } from '../../db/values.js';
import { AppError } from '../../errors.js';
import {
  checkQuestionFilter,
  localDay,
  resolveFilters,
  type AnalyticsService,
  type QuestionCatalogue,
} from '../analytics/index.js';
import { storedTags } from '../conversations/index.js';
import { ConversationConditions, resolveConversationFilter } from '../inbox/index.js';
import { csvRecord, type Cell } from './csv.js';
import {
  ExportsRepository,
  type ConversationExportRow,
  type ExportFilters,
  type FeedbackExportRow,
  type RatingExportRow,
} from './exports.repository.js';
import type { ExportQuery } from './exports.schemas.js';
import { noLabels, questionLabeller, storedIds, type Labeller } from './question-labels.js';
import { chunked, csvFormat, ExportStream, jsonLinesFormat, type LineFormat } from './stream.js';

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
  /** The organization's own questions, to label the options and reasons chosen; without it labels stay empty. */
  questions?: QuestionCatalogue;
  /** The organization's default language, the labels' language; English without it. */
  defaultLanguage?: (orgId: number) => Promise<string | null>;
}

/** The columns of each export, in order: the CSV header and the keys of each JSONL object. */
export const EXPORT_COLUMNS = {
  conversations: [
    'conversation_id',
    'conversation_uid',
    'external_id',
    'channel',
    'status',
    'contact_name',
    'agent_id',
    'agent_type',
    'agent_name',
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
    'tags',
  ],
  ratings: [
    'rating_uid',
    'conversation_id',
    'conversation_uid',
    'channel',
    'contact_name',
    'agent_id',
    'agent_type',
    'agent_name',
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
    'question_version',
    'choices',
    'choice_labels',
    'reasons',
    'reason_labels',
    'answer_text',
  ],
  feedback: [
    'uid',
    'message_uid',
    'message_role',
    'conversation_id',
    'conversation_uid',
    'channel',
    'contact_name',
    'agent_id',
    'agent_type',
    'agent_name',
    'user_id',
    'author_name',
    'rating',
    'comment',
    'created_at',
    'model',
    'prompt_version',
    'trace_id',
    'span_id',
    'tags',
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
    row.contact_name,
    row.agent_id,
    row.agent_type,
    row.agent_name,
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
    storedTags(row.tags),
  ];
}

function ratingCells(row: RatingExportRow, now: string, labels: Labeller): Cell[] {
  const version = numberOrNull(row.question_version);
  const choices = storedIds(row.choices);
  const reasons = storedIds(row.reasons);
  return [
    row.rating_uid,
    Number(row.conversation_id),
    row.conversation_uid,
    row.channel,
    row.contact_name,
    row.agent_id,
    row.agent_type,
    row.agent_name,
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
    version,
    choices,
    choices && labels(row.code, version, 'options', choices),
    reasons,
    reasons && labels(row.code, version, 'reasons', reasons),
    row.answer_text,
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
    row.contact_name,
    row.agent_id,
    row.agent_type,
    row.agent_name,
    row.user_id,
    row.author_name,
    row.rating,
    row.comment,
    row.created_at,
    row.model,
    row.prompt_version,
    row.trace_id,
    row.span_id,
    storedTags(row.tags),
  ];
}

/** The file name (dated the day of the export in the filters' time zone) and media type of an export. */
function fileOf(dataset: ExportDataset, format: ExportFormat, filters: ExportFilters, now: string): ExportFile {
  return {
    filename: `plaudit-${dataset}-${localDay(now, filters.records.tz)}.${format}`,
    contentType: EXPORT_FORMATS[format],
  };
}

/**
 * Exports of conversations, rating questions and message feedback as CSV or JSON Lines, streamed: rows are read in
 * batches as the client downloads, so memory stays flat however large the export.
 */
export class ExportsService {
  private readonly repository: ExportsRepository;
  private readonly maxConcurrent: number;
  private readonly stallMs: number;
  private readonly questions: QuestionCatalogue | undefined;
  private readonly defaultLanguage: (orgId: number) => Promise<string | null>;
  #running = 0;

  constructor(
    private readonly database: Database,
    private readonly analytics: AnalyticsService,
    options: ExportsOptions = {},
  ) {
    this.repository = new ExportsRepository(database.db, database.dialect, new ConversationConditions(database));
    this.maxConcurrent = options.maxConcurrent ?? MAX_CONCURRENT_EXPORTS;
    this.stallMs = options.stallMs ?? EXPORT_STALL_MS;
    this.questions = options.questions;
    this.defaultLanguage = options.defaultLanguage ?? (async () => null);
  }

  /** Exports streaming now in this process. */
  get running(): number {
    return this.#running;
  }

  /** Checks the filters and names the file an export would be, without reading a row (HEAD). */
  async describe(orgId: number, dataset: ExportDataset, format: ExportFormat, input: ExportQuery): Promise<ExportFile> {
    return fileOf(dataset, format, await this.resolve(orgId, input), nowIso());
  }

  /**
   * The filters of an export, checked: with `scope=conversations` every conversation filter means what it means in the
   * inbox (resolved by the inbox's own code), and the rows are those of the conversations it keeps; by default the
   * shared filters select each row by its own time and agent, and the inbox's others still select conversations.
   */
  private async resolve(orgId: number, input: ExportQuery): Promise<ExportFilters> {
    const timezone = await this.analytics.timezoneOf(orgId);
    // A question the organization does not know is refused as analytics and the inbox refuse it.
    await checkQuestionFilter(this.database.db, orgId, input.question_code);
    await checkQuestionFilter(this.database.db, orgId, input.answered_question, 'answered_question');
    if (input.scope === 'conversations') {
      return {
        records: resolveFilters({ tz: input.tz, question_code: input.question_code }, timezone),
        conversations: await resolveConversationFilter(input, async () => timezone),
      };
    }
    // What is left once the shared filters are taken out: the filters only conversations have.
    const {
      scope,
      from,
      to,
      tz,
      agent_id,
      agent_type,
      channel,
      question_code,
      model,
      prompt_version,
      tag,
      ...conversationsOnly
    } = input;
    return {
      records: resolveFilters(input, timezone),
      // Their activity days are counted in `tz` too.
      conversations: await resolveConversationFilter(conversationsOnly, async () => tz ?? timezone),
    };
  }

  /**
   * Checks the filters and starts an export: the first batch is read before this returns, so a bad filter or a failing
   * query is an error answer; the rest is read as the body is consumed. The body must be read or destroyed: until it
   * is, the export holds its place among the running ones (and, on PostgreSQL, a connection).
   */
  async open(orgId: number, dataset: ExportDataset, format: ExportFormat, input: ExportQuery): Promise<ExportDownload> {
    const filters = await this.resolve(orgId, input);
    const labels =
      dataset === 'ratings' && this.questions
        ? await questionLabeller(this.questions, this.defaultLanguage, orgId)
        : noLabels;
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
    const chunks = this.chunks(orgId, dataset, filters, now, lines, labels);
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
    filters: ExportFilters,
    now: string,
    format: LineFormat,
    labels: Labeller,
  ): AsyncGenerator<string, void, undefined> {
    const { repository } = this;
    if (dataset === 'conversations') {
      const rows = repository.batches(repository.conversations(orgId, filters));
      return chunked(rows, (row) => conversationCells(row, now), format);
    }
    if (dataset === 'ratings') {
      return chunked(
        repository.batches(repository.ratings(orgId, filters)),
        (row) => ratingCells(row, now, labels),
        format,
      );
    }
    return chunked(repository.batches(repository.feedback(orgId, filters)), feedbackCells, format);
  }
}
