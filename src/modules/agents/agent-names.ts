import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.js';
import type { AgentKind } from './agents.table.js';

type Ref = string | RawBuilder<unknown>;
const refOf = (ref: Ref) => (typeof ref === 'string' ? sql.ref(ref) : ref);

/**
 * The name people see for an agent, as an SQL expression other modules select beside an agent id: the directory's
 * name, else the name (or email) of the user linked to the agent; null for an agent nobody named. Two indexed lookups
 * per row, on `agents (org_id, uid)` and `users (org_id, agent_id)`.
 */
export function agentNameSql(orgId: Ref, agentId: Ref): RawBuilder<string | null> {
  const org = refOf(orgId);
  const agent = refOf(agentId);
  return sql<string | null>`coalesce(
    (select dir_agent.name from agents dir_agent where dir_agent.org_id = ${org} and dir_agent.uid = ${agent}),
    (select coalesce(dir_user.name, dir_user.email) from users dir_user
      where dir_user.org_id = ${org} and dir_user.agent_id = ${agent})
  )`;
}

/**
 * The name of a feedback author: a user of the organization, else the conversation's contact (the widget records the
 * contact as the author), by the contact's name. A user linked to an agent is called what the agent is called
 * (`agentNameSql`): the directory's name, else their own name (else their email), so that a person reads the same in
 * the feedback they left and in the analytics of their conversations.
 */
export function authorNameSql(orgId: Ref, userId: Ref, conversationId: Ref): RawBuilder<string | null> {
  const org = refOf(orgId);
  const user = refOf(userId);
  return sql<string | null>`coalesce(
    (select coalesce(dir_agent.name, dir_user.name, dir_user.email) from users dir_user
      left join agents dir_agent on dir_agent.org_id = dir_user.org_id and dir_agent.uid = dir_user.agent_id
      where dir_user.org_id = ${org} and dir_user.id = ${user}),
    (select dir_contact.contact_name from conversations dir_contact
      where dir_contact.id = ${refOf(conversationId)} and dir_contact.contact_id = ${user})
  )`;
}

export interface NamedAgent {
  uid: string;
  type: AgentKind | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Well under both engines' bound-parameter limits (seven values a row).
const AGENT_CHUNK = 500;

/**
 * Puts the agents a conversation names into the directory, unnamed, unless they are there already; an agent known
 * without a type takes the one given now. Runs in the caller's transaction.
 */
export async function ensureAgents(db: Db, orgId: number, agents: NamedAgent[], now: string): Promise<void> {
  const byUid = new Map<string, NamedAgent>();
  for (const agent of agents) {
    const uid = agent.uid.toLowerCase();
    if (!byUid.get(uid)?.type) byUid.set(uid, { uid, type: agent.type });
  }
  const rows = [...byUid.values()];
  for (let start = 0; start < rows.length; start += AGENT_CHUNK) {
    await db
      .insertInto('agents')
      .values(
        rows.slice(start, start + AGENT_CHUNK).map((agent) => ({
          org_id: orgId,
          uid: agent.uid,
          type: agent.type,
          name: null,
          created_at: now,
          updated_at: now,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['org_id', 'uid'])
          .doUpdateSet((eb) => ({ type: eb.ref('excluded.type') }))
          .where('agents.type', 'is', null)
          .where(sql.ref('excluded.type'), 'is not', null),
      )
      .execute();
  }
}

/** The names of some agents of an organization (see `agentNameSql`), for payloads built outside a query. */
export async function agentNames(db: Db, orgId: number, uids: Array<string | null>): Promise<Map<string, string>> {
  const wanted = [
    ...new Set(uids.filter((uid): uid is string => !!uid && UUID.test(uid)).map((uid) => uid.toLowerCase())),
  ];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('agents as a')
    .select(['a.uid', agentNameSql('a.org_id', 'a.uid').as('name')])
    .where('a.org_id', '=', orgId)
    .where('a.uid', 'in', wanted)
    .execute();
  return new Map(rows.filter((row) => row.name !== null).map((row) => [row.uid, row.name!]));
}
