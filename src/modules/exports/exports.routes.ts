import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principalOf } from '../../http/auth.js';
import { errorResponses } from '../../http/schemas.js';
import { ExportQuery } from './exports.schemas.js';
import {
  EXPORT_COLUMNS,
  EXPORT_DATASETS,
  EXPORT_FORMATS,
  type ExportDataset,
  type ExportFormat,
  type ExportsService,
} from './exports.service.js';

const tags = ['Exports'];

const about: Record<ExportDataset, { summary: string; rows: string; filters: string }> = {
  conversations: {
    summary: 'Export conversations with their latest rating and feedback totals',
    rows:
      'One row per conversation, oldest first: the conversation, its latest rating (the newest survey: `stars` is ' +
      'its STARS or CSAT answer, `nps` its NPS answer, the thumbs questions `up` or `down`) and the totals of every ' +
      "author's current message feedback (`likes`, `dislikes`, `comments`).",
    filters:
      'Every filter selects conversations as `GET /v1/inbox` does, in either scope (`from`/`to` by `created_at`; ' +
      "agent and channel the conversation's), so the file holds exactly the conversations the inbox lists; " +
      '`question_code` keeps conversations whose latest rating asked that question.',
  },
  ratings: {
    summary: 'Export rating questions',
    rows:
      'One row per question of every rating, in the order they were offered: `status` is the question’s ' +
      '(`Offered`, `Rated`, `Cancelled`), `rating_status` the survey’s (with `expired`), `value` stars/CSAT 1-5, NPS ' +
      '0-10, thumbs 1 (up) or 0 (down).',
    filters:
      "`scope=conversations`: the questions of every rating of the conversations the inbox's filters keep. By " +
      "default: `from`/`to` select questions by `offered_at`, `agent_id` and `agent_type` are the rating's agent, " +
      "`channel` the conversation's, and `q`, `rated`, `low_rating`, `has_comment`, `status` keep the ratings of " +
      'the conversations they keep in the inbox. `question_code` keeps that question.',
  },
  feedback: {
    summary: 'Export the message-feedback log',
    rows:
      'One row per record of the append-only feedback log, oldest first (every change of every author, not only ' +
      'the current state). The agent is the message’s author, else the conversation’s agent.',
    filters:
      "`scope=conversations`: every record on the messages of the conversations the inbox's filters keep. By " +
      'default: `from`/`to` select records by `created_at`, `agent_id` and `agent_type` as above, and `q`, `rated`, ' +
      '`low_rating`, `has_comment`, `status` keep the records of the conversations they keep in the inbox. ' +
      '`question_code` does not apply to message feedback and is ignored.',
  },
};

const formatNotes: Record<ExportFormat, string> = {
  csv:
    'CSV (RFC 4180, UTF-8, CRLF) with a header row. Text that a spreadsheet would run as a formula (beginning with ' +
    "`=`, `+`, `-`, `@`, tab or CR) is written with a leading `'`.",
  jsonl: 'JSON Lines: one object per row and line, with the same keys as the CSV header, numbers as numbers.',
};

/** The file, as OpenAPI describes it (text); the handler sends it as a stream. */
const FileBody = Type.Unsafe<Readable>(Type.String());

/** The export downloads under /v1/exports: every dataset in every format, streamed. */
export const exportsRoutes: FastifyPluginAsyncTypebox<{ exports: ExportsService }> = async (app, { exports }) => {
  for (const dataset of EXPORT_DATASETS) {
    for (const format of Object.keys(EXPORT_FORMATS) as ExportFormat[]) {
      const contentType = EXPORT_FORMATS[format];
      app.get(
        `/v1/exports/${dataset}.${format}`,
        {
          schema: {
            tags,
            summary: `${about[dataset].summary} (${format.toUpperCase()})`,
            description:
              `${about[dataset].rows} ${about[dataset].filters} Days are counted in \`tz\`; without filters ` +
              `everything is exported. ${formatNotes[format]} Streamed as it is read. Columns: ` +
              `${EXPORT_COLUMNS[dataset].map((column) => `\`${column}\``).join(', ')}.`,
            querystring: ExportQuery,
            response: {
              200: {
                description: `A file download: \`Content-Disposition: attachment; filename="plaudit-${dataset}-YYYY-MM-DD.${format}"\`.`,
                content: { [contentType.split(';')[0]!]: { schema: FileBody } },
              },
              ...errorResponses('invalid_timezone', 'invalid_date_range', 'unknown_question_code', 'rate_limited'),
            },
          },
        },
        async (request, reply) => {
          const orgId = principalOf(request).orgId;
          // HEAD (which Fastify routes here too) learns the headers without running the export.
          const file =
            request.method === 'HEAD'
              ? await exports.describe(orgId, dataset, format, request.query)
              : await exports.open(orgId, dataset, format, request.query);
          return reply
            .header('content-type', file.contentType)
            .header('content-disposition', `attachment; filename="${file.filename}"`)
            .header('cache-control', 'no-store')
            .send('body' in file ? (file.body as Readable) : Readable.from([]));
        },
      );
    }
  }
};
