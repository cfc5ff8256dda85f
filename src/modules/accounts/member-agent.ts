import type { Db } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { findAgentInDirectory } from '../agents/index.js';
import type { TeamRepository } from './team.repository.js';

/** What the audit log keeps of a changed link: the agent before and after, by id and by the directory's name. */
export type AgentLinkChange = {
  before: { agent_id: string | null; agent_name: string | null };
  after: { agent_id: string | null; agent_name: string | null };
};

/** One member per agent: the agent's name falls back to one person's. */
export function agentAlreadyLinked(holder: { name: string | null; email: string } | null): AppError {
  const who = holder ? `${holder.name ?? holder.email} is` : 'Another member is';
  return new AppError('agent_already_linked', `${who} already linked to that agent; unlink them first.`);
}

/**
 * Links a member to an agent of the directory, or unlinks them (null), in the caller's transaction. The agent must be
 * in the directory already: an unknown UUID — or another organization's — is refused (404 `agent_not_found`) rather
 * than put in unnamed, so a mistyped id cannot make an agent nobody knows. Answers the change for the audit log, or
 * undefined when the member was linked so already.
 */
export async function linkMemberToAgent(
  db: Db,
  repository: TeamRepository,
  orgId: number,
  member: { id: string; agent_id: string | null },
  agentId: string | null,
): Promise<AgentLinkChange | undefined> {
  const to = agentId?.toLowerCase() ?? null;
  if (to === member.agent_id) return undefined;
  const agent = to === null ? undefined : await findAgentInDirectory(db, orgId, to);
  if (to !== null) {
    if (!agent) {
      throw new AppError(
        'agent_not_found',
        `No agent ${to} in this organization's directory; put it in with PUT /v1/agents/${to} first.`,
      );
    }
    const holder = await repository.userLinkedTo(db, orgId, to);
    if (holder) throw agentAlreadyLinked(holder);
  }
  const previous = member.agent_id === null ? undefined : await findAgentInDirectory(db, orgId, member.agent_id);
  await repository.setAgent(db, orgId, member.id, to);
  return {
    before: { agent_id: member.agent_id, agent_name: previous?.name ?? null },
    after: { agent_id: to, agent_name: agent?.name ?? null },
  };
}
