// The floor of the PostgreSQL stack: a bare Fastify route doing one insert through a pg pool of Plaudit's default size
// (10), as a named prepared statement, into a table shaped like Plaudit's messages. No auth, no validation, no lookups.
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';

const [url, port = '0'] = process.argv.slice(2);
if (!url) throw new Error('usage: bare-pg-server.ts POSTGRES_URL PORT');
const pool = new pg.Pool({ connectionString: url, max: 10 });
await pool.query(`create table if not exists bare_messages (
  id bigserial primary key, uid uuid not null unique, org_id bigint not null, conversation_id bigint not null,
  role text not null, text text, author_id uuid, created_at timestamptz not null)`);
await pool.query(
  'create index if not exists bare_messages_conversation_idx on bare_messages (conversation_id, created_at, id)',
);

const insertMessage = {
  name: 'bare-insert-message',
  text: 'insert into bare_messages (uid, org_id, conversation_id, role, text, author_id, created_at) values ($1, $2, $3, $4, $5, $6, $7)',
};

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
    await pool.query({
      ...insertMessage,
      values: [message.uid, 1, message.conversation_id, message.role, message.text, null, message.created_at],
    });
    return reply.status(201).send({ data: message });
  },
);
app.get('/', async () => 'ok');
const address = await app.listen({ port: Number(port), host: '127.0.0.1' });
process.stdout.write(`${address}\n`);
