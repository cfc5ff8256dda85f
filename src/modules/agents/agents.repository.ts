import { sql, type Insertable, type SqlBool } from 'kysely';
import type { Database, Db } from '../../db/database.js';
import type { CreatedCursor } from '../../http/pagination.js';
import type { AgentKind, AgentsTable } from './agents.table.js';

export interface AgentFilters {
  type?: AgentKind;
  /** Lower-cased text to find in the name or the email. */
  q?: string;
}

/** `%` and `_` are LIKE's wildcards; a search for them means the characters. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/** SQL for the agents directory. Every query is bound to one organization. */
export class AgentsRepository {
  private readonly db: Db;

  constructor(database: Database) {
    this.db = database.db;
  }

  /** Agents with the user linked to each: the directory as the API answers it. */
  private selectAgents(db: Db, orgId: number) {
    return db
      .selectFrom('agents as a')
      .leftJoin('users as u', (join) => join.onRef('u.org_id', '=', 'a.org_id').onRef('u.agent_id', '=', 'a.uid'))
      .selectAll('a')
      .select(['u.id as user_id', 'u.name as user_name', 'u.email as user_email'])
      .where('a.org_id', '=', orgId);
  }

  findAgent(orgId: number, uid: string, db: Db = this.db) {
    return this.selectAgents(db, orgId).where('a.uid', '=', uid).executeTakeFirst();
  }

  /** Newest first, by (created_at, id), after a keyset position. */
  listAgents(orgId: number, filters: AgentFilters, limit: number, after?: CreatedCursor) {
    let query = this.selectAgents(this.db, orgId);
    if (filters.type) query = query.where('a.type', '=', filters.type);
    if (filters.q) {
      const pattern = likePattern(filters.q);
      query = query.where(
        (eb) =>
          sql<SqlBool>`(lower(coalesce(${eb.ref('a.name')}, ${eb.ref('u.name')}, '')) like ${pattern} escape '\\'
            or lower(coalesce(${eb.ref('a.email')}, ${eb.ref('u.email')}, '')) like ${pattern} escape '\\')`,
      );
    }
    if (after) {
      query = query.where((eb) => eb(eb.refTuple('a.created_at', 'a.id'), '<', eb.tuple(after.createdAt, after.id)));
    }
    return query.orderBy('a.created_at', 'desc').orderBy('a.id', 'desc').limit(limit).execute();
  }

  /** Inserts the agent, or replaces what the directory says about it; true when it was inserted. */
  async upsertAgent(db: Db, row: Insertable<AgentsTable>): Promise<boolean> {
    const existing = await db
      .selectFrom('agents')
      .select('id')
      .where('org_id', '=', row.org_id)
      .where('uid', '=', row.uid)
      .executeTakeFirst();
    const { created_at: _created, ...changes } = row;
    await db
      .insertInto('agents')
      .values(row)
      .onConflict((oc) => oc.columns(['org_id', 'uid']).doUpdateSet(changes))
      .execute();
    return !existing;
  }
}

/** An agent of the organization's directory by its UUID (lower-cased): what the team needs to link a user to it. */
export function findAgentInDirectory(db: Db, orgId: number, uid: string) {
  return db
    .selectFrom('agents')
    .select(['uid', 'type', 'name'])
    .where('org_id', '=', orgId)
    .where('uid', '=', uid)
    .executeTakeFirst();
}

/** Links a user of the organization to an agent (undoing any earlier link of either); false when no such user. */
export async function linkUserRow(db: Db, orgId: number, userId: string, agentUid: string): Promise<boolean> {
  await db
    .updateTable('users')
    .set({ agent_id: null })
    .where('org_id', '=', orgId)
    .where('agent_id', '=', agentUid)
    .execute();
  const updated = await db
    .updateTable('users')
    .set({ agent_id: agentUid })
    .where('org_id', '=', orgId)
    .where('id', '=', userId)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}

export type AgentRow = NonNullable<Awaited<ReturnType<AgentsRepository['findAgent']>>>;
