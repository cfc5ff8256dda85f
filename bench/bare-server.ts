// The floor of this stack: bare Fastify routes, each doing one prepared better-sqlite3 statement on tables shaped like
// Plaudit's, on the same pragmas (WAL, synchronous=NORMAL). No auth, no validation, no lookups, no security headers.
import { randomUUID } from 'node:crypto';
import formbody from '@fastify/formbody';
import BetterSqlite3 from 'better-sqlite3';
import Fastify from 'fastify';

const [path = ':memory:', port = '0'] = process.argv.slice(2);
const db = new BetterSqlite3(path);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(`create table if not exists messages (
  id integer primary key autoincrement, uid text not null, org_id integer not null, conversation_id integer not null,
  role text not null, text text, author_id text, created_at text not null)`);
db.exec('create unique index if not exists messages_uid_key on messages (uid)');
db.exec('create index if not exists messages_conversation_idx on messages (conversation_id, created_at, id)');
db.exec(`create table if not exists ratings (
  id integer primary key autoincrement, code text not null unique, value integer, comment text, updated_at text)`);
db.prepare("insert or ignore into ratings (code) values ('bench-code-0000000000000')").run();
db.exec(`create table if not exists message_feedback (
  id integer primary key autoincrement, uid text not null, org_id integer not null, conversation_id integer not null,
  message_id integer not null, user_id text not null, rating text, comment text, created_at text not null)`);
db.exec('create unique index if not exists message_feedback_uid_key on message_feedback (uid)');
db.exec('create index if not exists message_feedback_message_user_idx on message_feedback (message_id, user_id, id)');
// A conversation of 200 messages to read back, as Plaudit's GET messages scenario reads one.
if (!db.prepare('select 1 from messages where conversation_id = 0').get()) {
  const seed = db.prepare(
    'insert into messages (uid, org_id, conversation_id, role, text, author_id, created_at) values (?, 1, 0, ?, ?, null, ?)',
  );
  for (let i = 0; i < 200; i += 1) {
    seed.run(
      randomUUID(),
      i % 2 ? 'ai' : 'user',
      `Message ${i} of a long support conversation.`,
      new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
    );
  }
}

const insertMessage = db.prepare(
  'insert into messages (uid, org_id, conversation_id, role, text, author_id, created_at) values (?, ?, ?, ?, ?, ?, ?)',
);
const insertFeedback = db.prepare(
  'insert into message_feedback (uid, org_id, conversation_id, message_id, user_id, rating, comment, created_at) values (?, 1, 0, ?, ?, ?, ?, ?)',
);
const messagesOf = db.prepare(
  'select uid, role, text, author_id, created_at from messages where conversation_id = ? order by created_at, id',
);
const ratingByCode = db.prepare('select id, code, value, comment from ratings where code = ?');
const answerRating = db.prepare('update ratings set value = ?, comment = ?, updated_at = ? where code = ?');

// Pages of the sizes of Plaudit's rating page and of its answer (the thank-you page), which the benchmark measures
// and passes in, so that both sides send the same bytes.
const pageOf = (bytes: number) => {
  const skeleton = (code: string, value: unknown, padding: string) =>
    `<!doctype html><html><head><style>/*${padding}*/</style></head><body><form method="post" action="/page/${code}">` +
    `<input name="stars" value="${String(value ?? '')}"><textarea name="comment"></textarea><button>Send</button></form></body></html>`;
  const padding = 'x'.repeat(Math.max(0, bytes - skeleton('bench-code-0000000000000', '3', '').length));
  return (code: string, value: unknown) => skeleton(code, value, padding);
};
const page = pageOf(Number(process.env.BARE_PAGE_BYTES ?? 8000));
const answerPage = pageOf(Number(process.env.BARE_ANSWER_BYTES ?? 8000));

const app = Fastify();
await app.register(formbody);

app.post<{ Params: { id: string }; Body: { role: string; text: string } }>(
  '/conversations/:id/messages',
  async (request, reply) => {
    const message = {
      uid: randomUUID(),
      conversation_id: Number(request.params.id),
      role: request.body.role,
      text: request.body.text,
      author_id: null,
      created_at: new Date().toISOString(),
    };
    insertMessage.run(message.uid, 1, message.conversation_id, message.role, message.text, null, message.created_at);
    return reply.status(201).send({ data: message });
  },
);

app.get<{ Params: { code: string } }>('/page/:code', async (request, reply) => {
  const row = ratingByCode.get(request.params.code) as { value: number | null } | undefined;
  return reply.type('text/html; charset=utf-8').send(page(request.params.code, row?.value));
});

app.post<{ Params: { code: string }; Body: { stars: string; comment?: string } }>(
  '/page/:code',
  async (request, reply) => {
    answerRating.run(
      Number(request.body.stars),
      request.body.comment ?? null,
      new Date().toISOString(),
      request.params.code,
    );
    return reply.type('text/html; charset=utf-8').send(answerPage(request.params.code, request.body.stars));
  },
);

app.post<{ Params: { code: string }; Body: { ratingResult: { value: number }; comment?: string } }>(
  '/ratings/:code/submit',
  async (request, reply) => {
    const submittedAt = new Date().toISOString();
    answerRating.run(request.body.ratingResult.value, request.body.comment ?? null, submittedAt, request.params.code);
    return reply
      .status(201)
      .send({ data: { ratingId: request.params.code, ratingResult: request.body.ratingResult, submittedAt } });
  },
);

app.post<{ Params: { uid: string }; Body: { rating?: string | null; comment?: string | null } }>(
  '/messages/:uid/feedback',
  async (request) => {
    const record = {
      uid: randomUUID(),
      message_uid: request.params.uid,
      rating: request.body.rating ?? null,
      comment: request.body.comment ?? null,
      created_at: new Date().toISOString(),
    };
    insertFeedback.run(record.uid, 1, 'bench-user', record.rating, record.comment, record.created_at);
    return { data: record };
  },
);

app.get<{ Params: { id: string } }>('/conversations/:id/messages', async (request) => ({
  data: messagesOf.all(Number(request.params.id)),
}));

app.get('/', async () => 'ok');
const address = await app.listen({ port: Number(port), host: '127.0.0.1' });
process.stdout.write(`${address}\n`);
