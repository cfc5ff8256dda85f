import { useMemo, useState } from 'react';
import type { AgentStats } from '../../api/types';
import { agentLabel } from '../../lib/agents';
import { Icon } from '../../components/icons';
import { Card, EmptyState, ErrorState, Skeleton } from '../../components/ui';
import { formatAverage, formatNps, formatPercent, formatRate } from '../../lib/format';
import { Link } from '../../lib/router';
import { useApi } from '../../lib/use-api';

/** Every agent's figures, AI and human apart, sortable; each agent a way to their conversations. */

type SortKey = 'name' | 'csat' | 'nps' | 'ces' | 'thumbs' | 'likes';

function sortValue(agent: AgentStats, key: SortKey): number | string {
  switch (key) {
    case 'name':
      return (agent.agent_name ?? '\uffff').toLowerCase();
    case 'csat':
      return agent.csat.score ?? -1;
    case 'nps':
      return agent.nps.score ?? -101;
    case 'ces':
      return agent.ces?.average ?? -1;
    case 'thumbs':
      return agent.thumbs.up_rate ?? -1;
    case 'likes':
      return agent.messages.like_rate ?? -1;
  }
}

function AgentTable({
  title,
  agents,
  query,
  showCes,
}: {
  title: string;
  agents: AgentStats[];
  query: string;
  /** The CES column: only when some answer is an effort question's. */
  showCes: boolean;
}) {
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'csat', descending: true });
  const sorted = useMemo(() => {
    const list = [...agents];
    list.sort((a, b) => {
      const x = sortValue(a, sort.key);
      const y = sortValue(b, sort.key);
      const order = x < y ? -1 : x > y ? 1 : 0;
      return sort.descending ? -order : order;
    });
    return list;
  }, [agents, sort]);
  const header = (key: SortKey, label: string, numeric = true) => {
    const active = sort.key === key;
    return (
      <th
        scope="col"
        className={numeric ? 'num' : undefined}
        aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
      >
        <button
          type="button"
          className="sort-button"
          onClick={() => setSort({ key, descending: active ? !sort.descending : key !== 'name' })}
        >
          {label}
          {active ? <Icon name={sort.descending ? 'arrowDown' : 'arrowUp'} size={12} /> : null}
        </button>
      </th>
    );
  };
  const inboxQuery = (agent: AgentStats) => {
    const params = new URLSearchParams(query);
    const inbox = new URLSearchParams({ agent_id: agent.agent_id });
    if (agent.agent_type) inbox.set('agent_type', agent.agent_type);
    for (const key of ['from', 'to']) if (params.get(key)) inbox.set(key, params.get(key)!);
    return `/inbox?${inbox.toString()}`;
  };
  return (
    <div className="agent-table">
      <h3 className="subheading">{title}</h3>
      <div className="table-scroll">
        <table className="table compact-table">
          <caption className="visually-hidden">{title}, sortable by each column</caption>
          <thead>
            <tr>
              {header('name', 'Agent', false)}
              {header('csat', 'CSAT')}
              {header('nps', 'NPS')}
              {showCes ? header('ces', 'CES') : null}
              {header('thumbs', 'Thumbs up')}
              {header('likes', 'Message likes')}
            </tr>
          </thead>
          <tbody>
            {sorted.map((agent) => (
              <tr key={agent.agent_id}>
                <th scope="row">
                  <Link to={inboxQuery(agent)} className="agent" title="Show this agent’s conversations">
                    <Icon name={agent.agent_type === 'ai' ? 'bot' : 'user'} size={14} />
                    {agentLabel(agent.agent_name, agent.agent_id, agent.agent_type)}
                  </Link>
                </th>
                <td className="num">
                  {formatPercent(agent.csat.score)}
                  <span className="cell-sub">{agent.csat.responses ? `n=${agent.csat.responses}` : ''}</span>
                </td>
                <td className="num">
                  {formatNps(agent.nps.score)}
                  <span className="cell-sub">{agent.nps.responses ? `n=${agent.nps.responses}` : ''}</span>
                </td>
                {showCes ? (
                  <td className="num">
                    {formatAverage(agent.ces?.average)}
                    <span className="cell-sub">{agent.ces?.responses ? `n=${agent.ces.responses}` : ''}</span>
                  </td>
                ) : null}
                <td className="num">
                  {formatRate(agent.thumbs.up_rate)}
                  <span className="cell-sub">
                    {agent.thumbs.up + agent.thumbs.down ? `n=${agent.thumbs.up + agent.thumbs.down}` : ''}
                  </span>
                </td>
                <td className="num">
                  {formatRate(agent.messages.like_rate)}
                  <span className="cell-sub">
                    {agent.messages.likes + agent.messages.dislikes
                      ? `n=${agent.messages.likes + agent.messages.dislikes}`
                      : ''}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export function AgentsCard({ query }: { query: string }) {
  const agents = useApi<{ data: AgentStats[] }>(`/v1/analytics/agents${query}`);
  const list = agents.data?.data ?? [];
  const ai = list.filter((agent) => agent.agent_type === 'ai');
  const humans = list.filter((agent) => agent.agent_type !== 'ai');
  const showCes = list.some((agent) => (agent.ces?.responses ?? 0) > 0);
  return (
    <Card title="Agents" description="Select a column to sort; select an agent to see their conversations.">
      {agents.error ? (
        <ErrorState error={agents.error} what="Agents" onRetry={agents.reload} />
      ) : !agents.data ? (
        <Skeleton lines={5} />
      ) : list.length === 0 ? (
        <EmptyState icon="user" title="No agent was rated in this range" />
      ) : (
        <div className="agent-tables">
          {ai.length > 0 ? <AgentTable title="AI agents" agents={ai} query={query} showCes={showCes} /> : null}
          {humans.length > 0 ? (
            <AgentTable title="Human agents" agents={humans} query={query} showCes={showCes} />
          ) : null}
        </div>
      )}
    </Card>
  );
}
