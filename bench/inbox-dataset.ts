// The inbox benchmark's data (bench/inbox.ts): an organization's conversations with 6-14 messages each, in English and
// German, with order numbers, products and cities, ratings on 70 % and message feedback on 25 %, written straight into
// the tables in large transactions on either engine. The same seed gives the same data.
import { CompiledQuery } from 'kysely';
import type { Database, Db, Dialect } from '../src/db/database.js';

const DAY = 86_400_000;
const MINUTE = 60_000;

const FIRST_NAMES = ['Ada', 'Bob', 'Cleo', 'Dmitri', 'Eve', 'Farah', 'Günther', 'Hana', 'Ivo', 'Jun', 'Kofi', 'Lena'];
const LAST_NAMES = ['Smith', 'Okafor', 'Müller', 'Nakamura', 'Silva', 'Kowalski', 'Haddad', 'Larsen', 'Moreau'];
const CHANNELS = ['widget_chat', 'email', 'whatsapp', 'phone'];
const PRODUCTS = ['jacket', 'tent', 'backpack', 'sleeping bag', 'headlamp', 'boots', 'stove', 'rain cover', 'fleece'];
const CITIES = ['Berlin', 'Hamburg', 'Oslo', 'Lyon', 'Porto', 'Kraków', 'Malmö', 'Zürich', 'Bergen', 'Gdańsk'];
// {o} an order number, {p} a product, {c} a city, {n} a small number.
const USER_TEXTS = [
  'Where is my order {o}?',
  'How do I return the {p}?',
  'Can I change my delivery address to {c}?',
  'The {p} arrived broken, the zip is torn.',
  'I would like a refund for order {o}, please.',
  'Do you ship to {c}?',
  'When will the {p} be back in stock?',
  'My voucher does not work at checkout.',
  'Wo ist meine Bestellung {o}?',
  'Ich möchte den {p} zurückgeben.',
  'Thanks, that helps!',
  'It has been {n} days and nothing arrived.',
];
const AGENT_TEXTS = [
  'Your order {o} left our warehouse in {c} yesterday; here is the tracking link.',
  'You can return the {p} within 30 days from your account page.',
  'Until the parcel ships you can change the address in your order.',
  'I am sorry about the {p}. A replacement is on its way.',
  'The refund for order {o} was sent; it takes {n} working days.',
  'We ship to {c} in {n} to 5 days.',
  'Die Bestellung {o} ist unterwegs nach {c}.',
  'Is there anything else I can help you with?',
];
const COMMENTS = ['Quick and friendly, thanks!', 'Had to repeat my order number twice.', 'Wrong link', 'Too slow'];
// Words only the neighbour's texts hold: a search for them must not read the neighbour's matches.
const NEIGHBOUR_TEXTS = ['Zeppelin tickets for {c}?', 'The zeppelin leaves at {n}.'];

/** mulberry32: small, fast and seedable, so every run builds the same data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Value = string | number | null;

/** The columns written per table, with their PostgreSQL types (for `unnest`). */
const COLUMNS = {
  conversations: {
    id: 'int8',
    uid: 'uuid',
    org_id: 'int8',
    external_id: 'text',
    channel: 'text',
    status: 'text',
    contact_id: 'uuid',
    contact_name: 'text',
    contact_email: 'text',
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
    created_at: 'timestamptz',
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
    comment: 'text',
    expires_at: 'timestamptz',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
    offered_at: 'timestamptz',
    submitted_at: 'timestamptz',
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
} as const;
type Table = keyof typeof COLUMNS;
const TABLES = Object.keys(COLUMNS) as Table[];

/** Rows buffered per table, written with multi-row inserts (SQLite) or one array per column (PostgreSQL). */
class Writer {
  private readonly rows = new Map<Table, Value[][]>(TABLES.map((table) => [table, []]));

  constructor(private readonly dialect: Dialect) {}

  add(table: Table, row: Value[]): void {
    this.rows.get(table)!.push(row);
  }

  async flush(db: Db): Promise<void> {
    for (const table of TABLES) {
      const rows = this.rows.get(table)!;
      if (rows.length === 0) continue;
      const columns = Object.keys(COLUMNS[table]);
      if (this.dialect === 'postgres') {
        const types = Object.values(COLUMNS[table]);
        const arrays = columns.map((_, i) => rows.map((row) => row[i]!));
        await db.executeQuery(
          CompiledQuery.raw(
            `insert into ${table} (${columns.join(',')}) select * from unnest(${types
              .map((type, i) => `$${i + 1}::${type}[]`)
              .join(', ')})`,
            arrays,
          ),
        );
      } else {
        const tuple = `(${columns.map(() => '?').join(',')})`;
        const per = Math.floor(30_000 / columns.length);
        for (let start = 0; start < rows.length; start += per) {
          const chunk = rows.slice(start, start + per);
          await db.executeQuery(
            CompiledQuery.raw(
              `insert into ${table} (${columns.join(',')}) values ${chunk.map(() => tuple).join(',')}`,
              chunk.flat(),
            ),
          );
        }
      }
      this.rows.set(table, []);
    }
  }
}

/** The last id written per table: the data is written with explicit ids, after the rows of earlier calls. */
export const ids = { conversation: 0, message: 0, rating: 0, question: 0 };

/**
 * Writes an organization's conversations, messages, ratings with questions and current message feedback, into a
 * database nobody else writes to meanwhile. A neighbour's first messages hold words no other text holds. Answers the
 * uid of the conversation in the middle.
 */
export async function fillInbox(database: Database, orgId: number, count: number, seed: number, neighbour: boolean) {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const uuid = () => {
    const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16)).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
  };
  const say = (template: string) =>
    template
      .replace('{o}', `#${100_000 + Math.floor(next() * 900_000)}`)
      .replace('{p}', pick(PRODUCTS))
      .replace('{c}', pick(CITIES))
      .replace('{n}', String(2 + Math.floor(next() * 9)));
  const agents = Array.from({ length: 12 }, uuid);
  const reviewers = Array.from({ length: 5 }, uuid);
  const end = Date.now() - DAY;
  const start = end - 365 * DAY;
  const writer = new Writer(database.dialect);
  let middleUid = '';
  for (let from = 0; from < count; from += 20_000) {
    await database.db.transaction().execute(async (trx) => {
      for (let k = from; k < Math.min(count, from + 20_000); k += 1) {
        const createdMs = start + Math.floor(((k + next()) * (end - start)) / count);
        const at = (offset: number) => new Date(createdMs + offset * MINUTE).toISOString();
        const first = pick(FIRST_NAMES);
        const last = pick(LAST_NAMES);
        const agentIndex = Math.floor(next() * agents.length);
        const agentType = agentIndex < 10 ? 'human' : 'ai';
        const closed = next() < 0.7;
        const uid = uuid();
        if (k === Math.floor(count / 2)) middleUid = uid;
        const conversationId = (ids.conversation += 1);
        writer.add('conversations', [
          conversationId,
          uid,
          orgId,
          `ORD-${seed}-${100_000 + k}`,
          pick(CHANNELS),
          closed ? 'closed' : 'open',
          uuid(),
          `${first} ${last}`,
          `${first}.${last}.${k}@example.com`.toLowerCase(),
          agents[agentIndex]!,
          agentType,
          'en',
          '{}',
          at(0),
          at(30),
          closed ? at(30) : null,
        ]);
        let agentMessage = 0;
        const messages = 6 + Math.floor(next() * 9);
        for (let m = 0; m < messages; m += 1) {
          const role = m % 2 === 0 ? 'user' : agentType === 'human' ? 'agent' : 'ai';
          const id = (ids.message += 1);
          const texts = neighbour && m === 0 ? NEIGHBOUR_TEXTS : role === 'user' ? USER_TEXTS : AGENT_TEXTS;
          writer.add('messages', [
            id,
            uuid(),
            orgId,
            conversationId,
            role,
            say(pick(texts)),
            role === 'user' ? null : agents[agentIndex]!,
            at(m),
          ]);
          if (role !== 'user') agentMessage = id;
        }
        if (next() < 0.7) {
          const roll = next();
          const status = roll < 0.6 ? 'rated' : roll < 0.7 ? 'partially_rated' : roll < 0.95 ? 'offered' : 'cancelled';
          const answered = status === 'rated' || status === 'partially_rated';
          const comment = answered && next() < 0.15 ? pick(COMMENTS) : null;
          const ratingId = (ids.rating += 1);
          writer.add('ratings', [
            ratingId,
            uuid(),
            `${seed}-${k}-${uuid()}`,
            orgId,
            conversationId,
            'invite',
            status,
            uuid(),
            agents[agentIndex]!,
            agentType,
            comment,
            at(40 + 48 * 60),
            at(40),
            at(40),
            at(40),
            answered ? at(45) : null,
          ]);
          const stars = next();
          const value = stars < 0.45 ? 5 : stars < 0.7 ? 4 : stars < 0.82 ? 3 : stars < 0.9 ? 2 : 1;
          writer.add('rating_questions', [
            (ids.question += 1),
            ratingId,
            orgId,
            0,
            'STARS',
            'stars',
            answered ? 'Rated' : status === 'cancelled' ? 'Cancelled' : 'Offered',
            answered ? value : null,
            comment,
            at(40),
            answered ? at(45) : null,
            at(40),
          ]);
        }
        if (next() < 0.25) {
          for (let a = 0; a < 1 + Math.floor(next() * 2); a += 1) {
            writer.add('message_feedback_current', [
              agentMessage,
              reviewers[a]!,
              orgId,
              conversationId,
              uuid(),
              next() < 0.7 ? 'like' : 'dislike',
              next() < 0.2 ? pick(COMMENTS) : null,
              at(120),
            ]);
          }
        }
        if ((k + 1) % 1000 === 0) await writer.flush(trx);
      }
      await writer.flush(trx);
    });
  }
  return { conversationUid: middleUid };
}
