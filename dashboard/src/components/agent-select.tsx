import type { DirectoryAgent } from '../api/types';
import { nameIn, unnamedAgent } from '../lib/agents';
import { formatShortDate } from '../lib/format';

/**
 * The agent filter: every agent of the directory (of the chosen type, when one is chosen), named ones first by name;
 * an unnamed agent is told apart by when it was first seen.
 */
export function AgentSelect({
  agents,
  type,
  value,
  onChange,
}: {
  agents: DirectoryAgent[];
  type: string | null | undefined;
  value: string | null | undefined;
  onChange: (agentId: string | null) => void;
}) {
  const shown = agents.filter((agent) => !type || agent.type === type || agent.agent_id === value);
  const known = !value || shown.some((agent) => agent.agent_id === value);
  return (
    <label className="filter-select">
      <span className="filter-label">Agent</span>
      <select value={value ?? ''} onChange={(event) => onChange(event.target.value || null)}>
        <option value="">Every agent</option>
        {shown.map((agent) => (
          <option key={agent.agent_id} value={agent.agent_id}>
            {agent.name ?? `${unnamedAgent(agent.type)}, first seen ${formatShortDate(agent.created_at)}`}
          </option>
        ))}
        {known ? null : <option value={value}>{nameIn(agents, value) ?? unnamedAgent(type)}</option>}
      </select>
    </label>
  );
}
