// The floor of this stack: a bare Fastify route doing one prepared better-sqlite3 insert into a table shaped like
// Plaudit's messages, on the same pragmas (WAL, synchronous=NORMAL). No auth, no validation, no lookup.
import { randomUUID } from 'node:crypto';
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
const insert = db.prepare(
  'insert into messages (uid, org_id, conversation_id, role, text, author_id, created_at) values (?, ?, ?, ?, ?, ?, ?)',
);

const app = Fastify();
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
    insert.run(message.uid, 1, message.conversation_id, message.role, message.text, null, message.created_at);
    return reply.status(201).send({ data: message });
  },
);
const address = await app.listen({ port: Number(port), host: '127.0.0.1' });
process.stdout.write(`${address}\n`);
