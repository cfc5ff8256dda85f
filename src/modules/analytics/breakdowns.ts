import type { MessageGroupRow, RatingGroupRow } from './analytics.repository.js';
import type { Metric } from './analytics-groups.js';
import {
  allThumbsFigures,
  cesFigures,
  csatFigures,
  messageFigures,
  npsFigures,
  LOW_SAMPLE,
  percent,
  type KindOfCode,
} from './figures.js';
import { periodStart, type CoveredPeriod, type Interval } from './time.js';

// The figures broken down: per period (the trends) and per agent, worked out from the rollup rows read for them.

/** One metric per period: each point with its own number of responses and whether it covers its whole period. */
export function seriesOf(
  periods: CoveredPeriod[],
  interval: Interval,
  metric: Metric,
  ratings: RatingGroupRow[],
  messages: MessageGroupRow[],
  codeKind: KindOfCode,
) {
  const ratingsByPeriod = new Map<string, RatingGroupRow[]>();
  for (const row of ratings) {
    const period = periodStart(row.day!, interval);
    const rows = ratingsByPeriod.get(period);
    if (rows) rows.push(row);
    else ratingsByPeriod.set(period, [row]);
  }
  const messagesByPeriod = new Map<string, { likes: number; dislikes: number }>();
  for (const row of messages) {
    const period = periodStart(row.day!, interval);
    const total = messagesByPeriod.get(period) ?? { likes: 0, dislikes: 0 };
    total.likes += row.likes;
    total.dislikes += row.dislikes;
    messagesByPeriod.set(period, total);
  }
  const figuresOf = (period: string): { value: number | null; responses: number } => {
    const rows = ratingsByPeriod.get(period) ?? [];
    switch (metric) {
      case 'csat': {
        const csat = csatFigures(rows, codeKind);
        return { value: csat.score, responses: csat.responses };
      }
      case 'nps': {
        const nps = npsFigures(rows, codeKind);
        return { value: nps.score, responses: nps.responses };
      }
      case 'ces': {
        const ces = cesFigures(rows, codeKind);
        return { value: ces.average, responses: ces.responses };
      }
      case 'thumbs': {
        const thumbs = allThumbsFigures(rows, codeKind);
        return { value: percent(thumbs.up, thumbs.up + thumbs.down), responses: thumbs.up + thumbs.down };
      }
      case 'message_likes': {
        const { likes, dislikes } = messagesByPeriod.get(period) ?? { likes: 0, dislikes: 0 };
        return { value: percent(likes, likes + dislikes), responses: likes + dislikes };
      }
    }
  };
  return periods.map(({ period, from, to, partial }) => {
    const { value, responses } = figuresOf(period);
    return { period, from, to, value, responses, partial, low_sample: responses < LOW_SAMPLE };
  });
}

/** One agent's rows: its rating counters and its messages' likes and dislikes. */
export interface AgentRows {
  agent_id: string;
  agent_type: string;
  ratings: RatingGroupRow[];
  likes: number;
  dislikes: number;
}

/** The rows grouped by agent, human and AI apart; rows of no agent are left out. */
export function byAgent(ratings: RatingGroupRow[], messages: MessageGroupRow[]): AgentRows[] {
  const agents = new Map<string, AgentRows>();
  const agentOf = (row: { agent_id?: string; agent_type?: string }) => {
    const id = `${row.agent_type}|${row.agent_id}`;
    let agent = agents.get(id);
    if (!agent) {
      agent = { agent_id: row.agent_id ?? '', agent_type: row.agent_type ?? '', ratings: [], likes: 0, dislikes: 0 };
      agents.set(id, agent);
    }
    return agent;
  };
  for (const row of ratings) agentOf(row).ratings.push(row);
  for (const row of messages) {
    const agent = agentOf(row);
    agent.likes += row.likes;
    agent.dislikes += row.dislikes;
  }
  return [...agents.values()].filter((agent) => agent.agent_id !== '');
}

/** The figures per agent, named: AI agents first, then by number of answers. */
export function agentFigures(agents: AgentRows[], codeKind: KindOfCode, names: ReadonlyMap<string, string>) {
  return agents
    .map((agent) => {
      const csat = csatFigures(agent.ratings, codeKind);
      const nps = npsFigures(agent.ratings, codeKind);
      const thumbs = allThumbsFigures(agent.ratings, codeKind);
      const ces = cesFigures(agent.ratings, codeKind);
      return {
        agent_id: agent.agent_id,
        agent_type: (agent.agent_type || null) as 'human' | 'ai' | null,
        agent_name: names.get(agent.agent_id) ?? null,
        csat: { score: csat.score, responses: csat.responses, average: csat.average, low_sample: csat.low_sample },
        nps: { score: nps.score, responses: nps.responses, low_sample: nps.low_sample },
        ces,
        thumbs: { up: thumbs.up, down: thumbs.down, up_rate: thumbs.up_rate, low_sample: thumbs.low_sample },
        messages: messageFigures(agent.likes, agent.dislikes),
      };
    })
    .sort(
      (a, b) =>
        (a.agent_type === 'ai' ? 0 : 1) - (b.agent_type === 'ai' ? 0 : 1) ||
        b.csat.responses +
          b.nps.responses +
          b.thumbs.up +
          b.thumbs.down -
          (a.csat.responses + a.nps.responses + a.thumbs.up + a.thumbs.down) ||
        a.agent_id.localeCompare(b.agent_id),
    );
}
