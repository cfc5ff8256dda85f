import { useEffect, useState } from 'react';
import { request } from '../api/client';
import type { AgentStats } from '../api/types';
import { addDays, today } from './format';

let cached: Promise<Map<string, string>> | null = null;

function load(): Promise<Map<string, string>> {
  cached ??= request<{ data: AgentStats[] }>(`/v1/analytics/agents?from=${addDays(today(), -364)}&to=${today()}`)
    .then(({ data }) => new Map(data.filter((agent) => agent.name).map((agent) => [agent.agent_id, agent.name!])))
    .catch(() => {
      cached = null;
      return new Map<string, string>();
    });
  return cached;
}

/** Agents' names by id, from the analytics of the last year; empty until (or unless) that answers. */
export function useAgentNames(): Map<string, string> {
  const [names, setNames] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    let live = true;
    void load().then((loaded) => {
      if (live) setNames(loaded);
    });
    return () => {
      live = false;
    };
  }, []);
  return names;
}

/** How an agent is called in lists: their name, else what kind of agent they are. */
export function agentLabel(
  names: Map<string, string>,
  id: string | null | undefined,
  type: string | null | undefined,
): string {
  if (id && names.has(id)) return names.get(id)!;
  if (!id) return type === 'ai' ? 'AI agent' : type === 'human' ? 'Human agent' : 'Unassigned';
  return `${type === 'ai' ? 'AI agent' : 'Agent'} ${id.slice(0, 8)}`;
}
