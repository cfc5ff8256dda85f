// A large, realistic organization for data-size benchmarks (exports, analytics): conversations with messages, surveys
// with their questions, and a message-feedback log with its current state, written straight into the tables with
// multi-row inserts in large transactions — a million ratings and a million feedback records (eight million rows) in
// about a minute on SQLite on two vCPUs. The same seed (and `now`) gives the same data.
//
// The analytics rollup tables are NOT filled here: call `services.analytics.rebuild(orgId)` after generating when a
// benchmark reads analytics. Run it on a database nobody else writes to while it generates: rows get explicit ids.
import { randomUUID } from 'node:crypto';
import { CompiledQuery, sql } from 'kysely';
import type { Database, Db } from '../src/db/database.js';
import { AccountsService } from '../src/modules/accounts/index.js';

export interface DatasetOptions {
  /** Surveys to create (about one conversation each). */
  ratings: number;
  /** Records of the message-feedback log to create. */
  feedback: number;
  /** The ratings and conversations are spread over this many days back from `now` (default 365). */
  days?: number;
  /** Seed of the pseudo-random generator (default 1). */
  seed?: number;
  /** The end of the spread (default: the current time). */
  now?: Date;
}

export interface Dataset {
  orgId: number;
  /** A key with both scopes, for benchmarks that call the HTTP API. */
  apiKey: string;
  /** The agents conversations are assigned to: ten humans, then two AIs. */
  agentIds: string[];
  /** Rows written per table. */
  counts: {
    conversations: number;
    messages: number;
    ratings: number;
    ratingQuestions: number;
    feedback: number;
    feedbackCurrent: number;
  };
}

type Value = string | number | null;
type PgType = 'int8' | 'int4' | 'uuid' | 'text' | 'jsonb' | 'timestamptz';

/** The columns written per table, with their PostgreSQL types (for `unnest`). */
const COLUMNS = {
  conversations: {
    id: 'int8',
    uid: 'uuid',
    org_id: 'int8',
    channel: 'text',
    status: 'text',
    contact_id: 'uuid',
    agent_id: 'uuid',
    agent_type: 'text',
    language: 'text',
    metadata: 'jsonb',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
    closed_at: 'timestamptz',
  },
  messages: {
    id: 'int8',
    uid: 'uuid',
    org_id: 'int8',
    conversation_id: 'int8',
    role: 'text',
    text: 'text',
    author_id: 'uuid',
    model: 'text',
    prompt_version: 'text',
    created_at: 'timestamptz',
  },
  version_labels: {
    org_id: 'int8',
    conversation_id: 'int8',
    message_id: 'int8',
    dimension: 'text',
    value: 'text',
  },
  ratings: {
    id: 'int8',
    uid: 'uuid',
    code: 'text',
    org_id: 'int8',
    conversation_id: 'int8',
    source: 'text',
    status: 'text',
    contact_id: 'uuid',
    agent_id: 'uuid',
    agent_type: 'text',
    language: 'text',
    comment: 'text',
    expires_at: 'timestamptz',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
    offered_at: 'timestamptz',
    opened_at: 'timestamptz',
    submitted_at: 'timestamptz',
    cancelled_at: 'timestamptz',
  },
  rating_questions: {
    id: 'int8',
    rating_id: 'int8',
    org_id: 'int8',
    position: 'int4',
    code: 'text',
    kind: 'text',
    status: 'text',
    value: 'int4',
    comment: 'text',
    offered_at: 'timestamptz',
    answered_at: 'timestamptz',
    updated_at: 'timestamptz',
  },
  message_feedback: {
    id: 'int8',
    uid: 'uuid',
    org_id: 'int8',
    conversation_id: 'int8',
    message_id: 'int8',
    user_id: 'uuid',
    rating: 'text',
    comment: 'text',
    created_at: 'timestamptz',
  },
  message_feedback_current: {
    message_id: 'int8',
    user_id: 'uuid',
    org_id: 'int8',
    conversation_id: 'int8',
    feedback_uid: 'uuid',
    rating: 'text',
    comment: 'text',
    created_at: 'timestamptz',
  },
} satisfies Record<string, Record<string, PgType>>;

type Table = keyof typeof COLUMNS;
const TABLES = Object.keys(COLUMNS) as Table[];
/** Tables whose ids are written here; PostgreSQL's identity sequences are moved past them afterwards. */
const ID_TABLES = ['conversations', 'messages', 'ratings', 'rating_questions', 'message_feedback'] as const;

const DAY = 86_400_000;
const MINUTE = 60_000;
/** Conversations whose rows are buffered before they are written: small batches die young, sparing the GC. */
const FLUSH_EVERY = 500;
/**
 * Conversations per transaction. Few, large transactions matter on SQLite: random UUIDs touch every page of their
 * indexes, and each commit writes every page it touched to the WAL again.
 */
const COMMIT_EVERY = 250_000;
/** SQLite's page cache while generating, in KiB: the indexes being filled stay in memory until the commit. */
const SQLITE_CACHE_KIB = 1_048_576;

const CHANNELS = ['widget_chat', 'email', 'whatsapp'];
const QUESTIONS = {
  STARS: 'stars',
  CSAT: 'stars',
  NPS: 'nps',
  HELPFUL_THUMBS: 'thumbs',
  EXPERIENCE_THUMBS: 'thumbs',
} as const;
type Code = keyof typeof QUESTIONS;
const RATING_COMMENTS = [
  'Quick and friendly, thanks!',
  'Solved my problem in two minutes.',
  'The agent said "one moment", then nothing for ten minutes',
  'Helpful, but I had to repeat my order number, twice.',
  'Très bien, merci 👍',
  'Line one\nline two',
  '=1+1 is what the bot answered',
  '-',
];
const FEEDBACK_COMMENTS = [
  'Outdated: the return window is 30 days now',
  'Exactly right',
  'Wrong link, it points to the old help centre',
  'Too long, but correct',
  '+1, very clear',
  '@support please check this',
];
const USER_TEXTS = ['Where is my order?', 'How do I return an item?', 'Can I change my delivery address?'];
const AGENT_TEXTS = [
  'Your order left our warehouse yesterday; here is the tracking link.',
  'You can return any item within 30 days from your account page.',
  'Yes, until the parcel ships you can change the address in your order.',
];

/** sfc32: a small, fast, seedable generator of 32-bit integers. */
function generator(seed: number): () => number {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 15; i += 1) next();
  return next;
}

/** Four hex digits per 16-bit value: UUIDs are made by lookup, not by formatting numbers (millions of them). */
const HEX4 = Array.from({ length: 65_536 }, (_, n) => n.toString(16).padStart(4, '0'));
const DIGITS2 = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));
const DIGITS3 = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));

/** `Date#toISOString` for millions of instants: the day's prefix is cached, the time of day is looked up. */
function isoWriter(): (ms: number) => string {
  let day = NaN;
  let prefix = '';
  return (ms) => {
    const today = Math.floor(ms / DAY);
    if (today !== day) {
      day = today;
      prefix = new Date(today * DAY).toISOString().slice(0, 11);
    }
    let rest = ms - today * DAY;
    const hours = Math.floor(rest / 3_600_000);
    rest -= hours * 3_600_000;
    const minutes = Math.floor(rest / MINUTE);
    rest -= minutes * MINUTE;
    const seconds = Math.floor(rest / 1000);
    return `${prefix}${DIGITS2[hours]}:${DIGITS2[minutes]}:${DIGITS2[seconds]}.${DIGITS3[rest - seconds * 1000]}Z`;
  };
}

/** Deterministic sources of everything random in the dataset. */
class Random {
  readonly int: () => number;
  constructor(seed: number) {
    this.int = generator(seed);
  }
  /** A float in [0, 1). */
  next(): number {
    return this.int() / 4_294_967_296;
  }
  below(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)]!;
  }
  /** A version-4 UUID. */
  uuid(): string {
    const a = this.int();
    const b = this.int();
    const c = this.int();
    const d = this.int();
    // The version nibble (4) and the variant bits (10) of a random UUID.
    return (
      `${HEX4[a >>> 16]}${HEX4[a & 0xffff]}-${HEX4[b >>> 16]}-${HEX4[((b & 0x0fff) | 0x4000) >>> 0]}-` +
      `${HEX4[((c >>> 16) & 0x3fff) | 0x8000]}-${HEX4[c & 0xffff]}${HEX4[d >>> 16]}${HEX4[d & 0xffff]}`
    );
  }
  /** A rating-page code: 144 bits, base64url, as the service makes them. */
  code(): string {
    const bytes = Buffer.alloc(20);
    for (let i = 0; i < 5; i += 1) bytes.writeUInt32LE(this.int(), i * 4);
    return bytes.subarray(0, 18).toString('base64url');
  }
}

interface IndexDefinition {
  name: string;
  sql: string;
}

/**
 * The secondary indexes of the tables written here, with the statements that made them (primary keys and indexes that
 * back constraints excepted).
 */
async function secondaryIndexes(db: Db, dialect: Database['dialect']): Promise<IndexDefinition[]> {
  const tables = sql.join(TABLES.map((table) => sql.lit(table)));
  const query =
    dialect === 'sqlite'
      ? sql<IndexDefinition>`select name, sql from sqlite_master
          where type = 'index' and sql is not null and tbl_name in (${tables})`
      : sql<IndexDefinition>`select indexname as name, indexdef as sql from pg_indexes
          where schemaname = current_schema() and tablename in (${tables})
            and indexname not in (select conname from pg_constraint)`;
  return (await query.execute(db)).rows;
}

/**
 * Buffers rows per table and writes them with multi-row inserts: SQLite takes `VALUES (...), (...)` with a statement
 * the driver caches by its text; PostgreSQL takes one array per column through `unnest`, so a batch costs a handful of
 * parameters instead of thousands.
 */
class BulkWriter {
  /** Per table, the buffered rows' values one after another. */
  private readonly values = new Map<Table, Value[]>(TABLES.map((table) => [table, []]));
  readonly written = new Map<Table, number>(TABLES.map((table) => [table, 0]));

  constructor(private readonly dialect: Database['dialect']) {}

  add(table: Table, row: Value[]): void {
    const values = this.values.get(table)!;
    for (const value of row) values.push(value);
  }

  async flush(db: Db): Promise<void> {
    for (const table of TABLES) {
      const values = this.values.get(table)!;
      if (values.length === 0) continue;
      const width = Object.keys(COLUMNS[table]).length;
      if (this.dialect === 'postgres') await this.writePostgres(db, table, values, width);
      else await this.writeSqlite(db, table, values, width);
      this.written.set(table, this.written.get(table)! + values.length / width);
      this.values.set(table, []);
    }
  }

  private async writeSqlite(db: Db, table: Table, values: Value[], width: number): Promise<void> {
    const columns = Object.keys(COLUMNS[table]);
    // Up to 500 rows per statement, under SQLite's limit of 32,766 parameters.
    const perStatement = Math.min(500, Math.floor(30_000 / width));
    const tuple = `(${columns.map(() => '?').join(',')})`;
    const rows = values.length / width;
    for (let start = 0; start < rows; start += perStatement) {
      const count = Math.min(perStatement, rows - start);
      const text = `insert into ${table} (${columns.join(',')}) values ${Array(count).fill(tuple).join(',')}`;
      await db.executeQuery(CompiledQuery.raw(text, values.slice(start * width, (start + count) * width)));
    }
  }

  private async writePostgres(db: Db, table: Table, values: Value[], width: number): Promise<void> {
    const types = Object.values(COLUMNS[table]) as PgType[];
    const columns = Object.keys(COLUMNS[table]);
    const arrays = columns.map((_, i) => {
      const column: Value[] = [];
      for (let at = i; at < values.length; at += width) column.push(values[at]!);
      return column;
    });
    const text =
      `insert into ${table} (${columns.join(',')}) ` +
      `select * from unnest(${types.map((type, i) => `$${i + 1}::${type}[]`).join(', ')})`;
    await db.executeQuery(CompiledQuery.raw(text, arrays));
  }
}

/**
 * Creates one organization with `ratings` surveys (about one conversation each, with two messages) and `feedback`
 * message-feedback records, spread over `days` back from `now`. See the file's header for what it leaves out.
 */
export async function generateDataset(database: Database, options: DatasetOptions): Promise<Dataset> {
  const random = new Random(options.seed ?? 1);
  const now = (options.now ?? new Date()).getTime();
  const days = options.days ?? 365;
  const ratings = Math.max(0, Math.floor(options.ratings));
  const feedback = Math.max(0, Math.floor(options.feedback));
  const conversations = Math.max(ratings, Math.ceil(feedback / 4), 1);
  // Leave two hours at the end so that every survey and feedback time lies before `now`.
  const end = now - 2 * 60 * MINUTE;
  const start = end - days * DAY;
  const iso = isoWriter();

  const accounts = new AccountsService(database);
  const created = await accounts.createOrganization({
    name: `Bench ${options.seed ?? 1}`,
    // Emails are unique across the installation: this one is not part of the seeded data.
    adminEmail: `bench-${randomUUID()}@plaudit.invalid`,
  });
  const orgId = created.organization.id;
  const humans = Array.from({ length: 10 }, () => random.uuid());
  const ais = Array.from({ length: 2 }, () => random.uuid());
  const reviewers = Array.from({ length: 20 }, () => random.uuid());

  const db = database.db;
  const firstId = async (table: (typeof ID_TABLES)[number]) => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirst();
    return Number(row?.id ?? 0) + 1;
  };
  const base = {
    conversation: await firstId('conversations'),
    message: await firstId('messages'),
    rating: await firstId('ratings'),
    question: await firstId('rating_questions'),
    feedback: await firstId('message_feedback'),
  };
  const writer = new BulkWriter(database.dialect);
  let questionId = base.question;
  let feedbackId = base.feedback;
  let feedbackCurrent = 0;
  // Conversation k has rating r when r * conversations / ratings lands on k; feedback record j goes to the agent's
  // message of conversation j * conversations / feedback. Both are monotone, so each chunk knows its share.
  const firstIndexAt = (k: number, total: number) => Math.ceil((k * total) / conversations);

  const generate = async (trx: Db, from: number, to: number) => {
    for (let k = from; k < to; k += 1) {
      const conversationId = base.conversation + k;
      const at = start + Math.floor(((k + random.next()) * (end - start - 30 * MINUTE)) / conversations);
      const isAi = random.next() < 0.45;
      const agentId = isAi ? random.pick(ais) : random.pick(humans);
      const agentType = isAi ? 'ai' : 'human';
      const contactId = random.uuid();
      const channel = CHANNELS[random.next() < 0.5 ? 0 : random.next() < 0.6 ? 1 : 2]!;
      const topic = random.below(USER_TEXTS.length);
      writer.add('conversations', [
        conversationId,
        random.uuid(),
        orgId,
        channel,
        'closed',
        contactId,
        agentId,
        agentType,
        'en',
        '{}',
        iso(at),
        iso(at + 5 * MINUTE),
        iso(at + 5 * MINUTE),
      ]);
      const userMessage = base.message + 2 * k;
      const agentMessage = userMessage + 1;
      writer.add('messages', [
        userMessage,
        random.uuid(),
        orgId,
        conversationId,
        'user',
        USER_TEXTS[topic]!,
        null,
        null,
        null,
        iso(at),
      ]);
      // AI answers name their model and prompt version: four prompt versions one after the other over the spread,
      // two models side by side. Derived from k, not drawn, so the other rows stay those of the same seed.
      const model = isAi ? (k % 3 === 0 ? 'model-b' : 'model-a') : null;
      const promptVersion = isAi ? `v${1 + Math.floor((4 * k) / conversations)}` : null;
      writer.add('messages', [
        agentMessage,
        random.uuid(),
        orgId,
        conversationId,
        isAi ? 'ai' : 'agent',
        AGENT_TEXTS[topic]!,
        agentId,
        model,
        promptVersion,
        iso(at + MINUTE),
      ]);
      if (model && promptVersion) {
        writer.add('version_labels', [orgId, conversationId, agentMessage, 'model', model]);
        writer.add('version_labels', [orgId, conversationId, agentMessage, 'prompt_version', promptVersion]);
      }

      for (let r = firstIndexAt(k, ratings); r < firstIndexAt(k + 1, ratings); r += 1) {
        const offered = at + 6 * MINUTE;
        const invite = random.next() < 0.6;
        const codes: Code[] = [];
        const primary = random.next();
        codes.push(primary < 0.35 ? 'STARS' : primary < 0.5 ? 'CSAT' : primary < 0.75 ? 'NPS' : 'HELPFUL_THUMBS');
        if (random.next() < 0.4) {
          codes.push(
            codes[0] === 'NPS' ? 'HELPFUL_THUMBS' : codes[0] === 'HELPFUL_THUMBS' ? 'EXPERIENCE_THUMBS' : 'NPS',
          );
        }
        const outcome = random.next();
        // 65% answered, 10% half answered (when there are two questions), 20% never answered, 5% cancelled.
        const kind =
          outcome < 0.65
            ? 'rated'
            : outcome < 0.75
              ? codes.length > 1
                ? 'partially_rated'
                : 'rated'
              : outcome < 0.95
                ? 'offered'
                : 'cancelled';
        const submitted = kind === 'rated' || kind === 'partially_rated' ? offered + 10 * MINUTE : null;
        const cancelled = kind === 'cancelled' ? offered + 60 * MINUTE : null;
        const opened =
          submitted !== null ? offered + 8 * MINUTE : invite && random.next() < 0.5 ? offered + 2 * MINUTE : null;
        const comment = submitted !== null && random.next() < 0.25 ? random.pick(RATING_COMMENTS) : null;
        const updated = cancelled ?? submitted ?? opened ?? offered;
        const ratingId = base.rating + r;
        writer.add('ratings', [
          ratingId,
          random.uuid(),
          random.code(),
          orgId,
          conversationId,
          invite ? 'invite' : 'api',
          kind,
          contactId,
          agentId,
          agentType,
          'en',
          comment,
          invite ? iso(offered + 48 * 60 * MINUTE) : null,
          iso(offered),
          iso(updated),
          iso(offered),
          opened === null ? null : iso(opened),
          submitted === null ? null : iso(submitted),
          cancelled === null ? null : iso(cancelled),
        ]);
        codes.forEach((code, position) => {
          const answered = kind === 'rated' || (kind === 'partially_rated' && position === 0);
          let value: number | null = null;
          if (answered) {
            const roll = random.next();
            if (QUESTIONS[code] === 'stars')
              value = roll < 0.05 ? 1 : roll < 0.1 ? 2 : roll < 0.2 ? 3 : roll < 0.5 ? 4 : 5;
            else if (QUESTIONS[code] === 'nps')
              value = roll < 0.2 ? random.below(7) : roll < 0.45 ? 7 + random.below(2) : 9 + random.below(2);
            else value = roll < 0.8 ? 1 : 0;
          }
          writer.add('rating_questions', [
            questionId++,
            ratingId,
            orgId,
            position,
            code,
            QUESTIONS[code],
            answered ? 'Rated' : kind === 'cancelled' ? 'Cancelled' : 'Offered',
            value,
            answered ? comment : null,
            iso(offered),
            answered ? iso(submitted!) : null,
            iso(answered ? submitted! : (cancelled ?? offered)),
          ]);
        });
      }

      // The log of the agent's message, and each reviewer's latest record on it as the current state.
      const latest = new Map<string, Value[]>();
      const first = firstIndexAt(k, feedback);
      for (let j = first; j < firstIndexAt(k + 1, feedback); j += 1) {
        const roll = random.next();
        const rating = roll < 0.65 ? 'like' : roll < 0.9 ? 'dislike' : null;
        const comment = rating === null || random.next() < 0.15 ? random.pick(FEEDBACK_COMMENTS) : null;
        const userId = random.pick(reviewers);
        const uid = random.uuid();
        const createdAt = iso(at + 10 * MINUTE + (j - first) * 7_000);
        writer.add('message_feedback', [
          feedbackId++,
          uid,
          orgId,
          conversationId,
          agentMessage,
          userId,
          rating,
          comment,
          createdAt,
        ]);
        latest.set(userId, [agentMessage, userId, orgId, conversationId, uid, rating, comment, createdAt]);
      }
      for (const row of latest.values()) writer.add('message_feedback_current', row);
      feedbackCurrent += latest.size;
      if ((k + 1) % FLUSH_EVERY === 0) await writer.flush(trx);
    }
    await writer.flush(trx);
  };

  const cacheSize =
    database.dialect === 'sqlite'
      ? (await sql<{ cache_size: number }>`pragma cache_size`.execute(db)).rows[0]?.cache_size
      : undefined;
  if (cacheSize !== undefined) await sql.raw(`pragma cache_size = -${SQLITE_CACHE_KIB}`).execute(db);
  // Into empty tables (a fresh database), the rows go in without the secondary indexes, which are then built again
  // from their own definitions: sorting once is several times faster than millions of random UUID inserts. Tables
  // that hold rows already keep their indexes, so that nobody else's queries lose them meanwhile.
  const empty = base.conversation === 1 && base.feedback === 1;
  const indexes = empty ? await secondaryIndexes(db, database.dialect) : [];
  for (const index of indexes) await sql`drop index ${sql.id(index.name)}`.execute(db);
  try {
    for (let from = 0; from < conversations; from += COMMIT_EVERY) {
      await db.transaction().execute((trx) => generate(trx, from, Math.min(conversations, from + COMMIT_EVERY)));
    }
  } finally {
    for (const index of indexes) await sql.raw(index.sql).execute(db);
    if (cacheSize !== undefined) await sql.raw(`pragma cache_size = ${Number(cacheSize)}`).execute(db);
  }

  if (database.dialect === 'postgres') {
    for (const table of ID_TABLES) {
      await db.executeQuery(
        CompiledQuery.raw(`select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`),
      );
    }
  }

  const written = (table: Table) => writer.written.get(table)!;
  return {
    orgId,
    apiKey: created.apiKey.api_key,
    agentIds: [...humans, ...ais],
    counts: {
      conversations: written('conversations'),
      messages: written('messages'),
      ratings: written('ratings'),
      ratingQuestions: written('rating_questions'),
      feedback: written('message_feedback'),
      feedbackCurrent,
    },
  };
}
