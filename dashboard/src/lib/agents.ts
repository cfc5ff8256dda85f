import { useEffect, useState } from 'react';
import { request } from '../api/client';
import type { DirectoryAgent, Page } from '../api/types';

/** The directory is read in pages of this size, up to this many agents: enough for any team's filter list. */
const PAGE = 200;
const MAX_AGENTS = 1000;

let cached: Promise<DirectoryAgent[]> | null = null;

async function readDirectory(): Promise<DirectoryAgent[]> {
  const agents: DirectoryAgent[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page: Page<DirectoryAgent> = await request<Page<DirectoryAgent>>(`/v1/agents?limit=${PAGE}${query}`);
    agents.push(...page.data);
    cursor = page.next_cursor;
  } while (cursor && agents.length < MAX_AGENTS);
  return agents;
}

function load(): Promise<DirectoryAgent[]> {
  cached ??= readDirectory().catch(() => {
    cached = null;
    return [];
  });
  return cached;
}

/** Forgets the directory read so far, so that the next page that needs it reads it again (after a sign-in). */
export function forgetAgentDirectory(): void {
  cached = null;
}

/**
 * The organization's agents directory, named first, by name; empty until (or unless) it answers. With `version` it
 * is read afresh instead of this sign-in's copy, and again whenever `version` changes: the team page, where an agent
 * put in a minute ago must be there to link, and a name that stands in for an unnamed agent follows each link.
 */
export function useAgentDirectory({ version }: { version?: number } = {}): DirectoryAgent[] {
  const [agents, setAgents] = useState<DirectoryAgent[]>([]);
  useEffect(() => {
    let live = true;
    if (version !== undefined) forgetAgentDirectory();
    void load().then((loaded) => {
      if (live) setAgents(sortedAgents(loaded));
    });
    return () => {
      live = false;
    };
  }, [version]);
  return agents;
}

function sortedAgents(agents: DirectoryAgent[]): DirectoryAgent[] {
  return [...agents].sort(
    (a, b) =>
      (a.name ? 0 : 1) - (b.name ? 0 : 1) ||
      (a.name ?? '').localeCompare(b.name ?? '') ||
      a.created_at.localeCompare(b.created_at),
  );
}

/** What an agent nobody named yet is called: what kind of agent it is. */
export function unnamedAgent(type: string | null | undefined): string {
  return type === 'ai' ? 'Unnamed AI agent' : type === 'human' ? 'Unnamed human agent' : 'Unnamed agent';
}

/** How an agent is called: their name in the directory, else what kind of agent they are. */
export function agentLabel(
  name: string | null | undefined,
  id: string | null | undefined,
  type: string | null | undefined,
): string {
  if (name) return name;
  if (!id) return type === 'ai' ? 'AI agent' : type === 'human' ? 'Human agent' : 'Unassigned';
  return unnamedAgent(type);
}

/** The directory's name of one agent, by id. */
export function nameIn(agents: DirectoryAgent[], id: string | null | undefined): string | null {
  if (!id) return null;
  return agents.find((agent) => agent.agent_id === id)?.name ?? null;
}
