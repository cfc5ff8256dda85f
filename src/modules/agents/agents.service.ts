import type { Database } from '../../db/database.js';
import { nowIso } from '../../db/values.js';
import { AppError } from '../../errors.js';
import { decodeCursor, splitPage } from '../../http/pagination.js';
import { AgentsRepository, linkUserRow, type AgentRow } from './agents.repository.js';
import { ensureAgents } from './agent-names.js';
import type { Agent, AgentInput, AgentListQuery } from './agents.schemas.js';

function notFound(uid: string): AppError {
  return new AppError('agent_not_found', `No agent ${uid} in this organization's directory.`);
}

function toAgent(row: AgentRow): Agent {
  return {
    agent_id: row.uid,
    type: row.type,
    name: row.name ?? row.user_name ?? row.user_email ?? null,
    email: row.email,
    avatar_url: row.avatar_url,
    model: row.model,
    description: row.description,
    user_id: row.user_id ?? null,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

/** The agents directory: who the agents that conversations name are, and what people call them. */
export class AgentsService {
  private readonly repository: AgentsRepository;

  constructor(private readonly database: Database) {
    this.repository = new AgentsRepository(database);
  }

  async getAgent(orgId: number, uid: string): Promise<Agent> {
    const row = await this.repository.findAgent(orgId, uid.toLowerCase());
    if (!row) throw notFound(uid);
    return toAgent(row);
  }

  /** Newest first (the first time the agent was named or put in), with a keyset cursor. */
  async listAgents(orgId: number, query: AgentListQuery): Promise<{ data: Agent[]; next_cursor: string | null }> {
    const limit = query.limit ?? 50;
    const rows = await this.repository.listAgents(
      orgId,
      { type: query.type, q: query.q?.toLowerCase() },
      limit + 1,
      query.cursor ? decodeCursor(query.cursor) : undefined,
    );
    const { page, next_cursor } = splitPage(rows, limit);
    return { data: page.map(toAgent), next_cursor };
  }

  /**
   * Links a dashboard user to the agent they are (a human agent), so that the agent's name falls back to the user's
   * and `/v1/me` tells the dashboard which agent is the reader. The agent joins the directory if it was not there.
   */
  async linkUser(orgId: number, agentUid: string, userId: string): Promise<Agent> {
    const uid = agentUid.toLowerCase();
    return this.database.db.transaction().execute(async (trx) => {
      await ensureAgents(trx, orgId, [{ uid, type: 'human' }], nowIso());
      if (!(await linkUserRow(trx, orgId, userId, uid))) {
        throw new AppError('user_not_found', `No user ${userId} in this organization.`);
      }
      return toAgent((await this.repository.findAgent(orgId, uid, trx))!);
    });
  }

  /**
   * Says who an agent is: the whole record, so an omitted field is cleared. A model or a description belongs to an AI
   * agent only. Answers whether the agent is new to the directory.
   */
  async putAgent(orgId: number, uid: string, input: AgentInput): Promise<{ agent: Agent; created: boolean }> {
    if (input.type === 'human') {
      for (const field of ['model', 'description'] as const) {
        if (input[field] !== undefined && input[field] !== null) {
          throw new AppError(
            'validation_failed',
            `body.${field} describes an AI agent; a human agent has none. Leave it out, or set type to "ai".`,
          );
        }
      }
    }
    if (input.name !== null && input.name.trim() === '') {
      throw new AppError('validation_failed', 'body.name is blank; give the agent a name, or null to have none.');
    }
    const agentId = uid.toLowerCase();
    const now = nowIso();
    return this.database.db.transaction().execute(async (trx) => {
      const created = await this.repository.upsertAgent(trx, {
        org_id: orgId,
        uid: agentId,
        type: input.type,
        name: input.name?.trim() ?? null,
        email: input.email ?? null,
        avatar_url: input.avatar_url ?? null,
        model: input.model ?? null,
        description: input.description ?? null,
        created_at: now,
        updated_at: now,
      });
      return { agent: toAgent((await this.repository.findAgent(orgId, agentId, trx))!), created };
    });
  }
}
