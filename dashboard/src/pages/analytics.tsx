import { useMemo, useState, type ReactNode } from 'react';
import { queryString, type ApiError } from '../api/client';
import type { AgentStats, Funnel, Interval, KnowledgeGaps, Metric, SeriesPoint, Summary } from '../api/types';
import { Icon } from '../components/icons';
import { TrendChart } from '../components/trend-chart';
import {
  Badge,
  Card,
  EmptyState,
  ErrorState,
  ExportMenu,
  LowSample,
  NpsValue,
  Segmented,
  Skeleton,
  Stars,
  Thumb,
} from '../components/ui';
import {
  addDays,
  channelName,
  channelNames,
  formatAverage,
  formatCount,
  formatDateTime,
  formatDay,
  formatNps,
  formatPercent,
  formatRate,
  questionName,
  plural,
  questionNames,
  shortId,
  today,
} from '../lib/format';
import { Link, useSearchParams } from '../lib/router';
import { useApi } from '../lib/use-api';

const PRESETS = [
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '12 months' },
] as const;

const FILTERS = ['agent_type', 'agent_id', 'channel', 'question_code'] as const;

interface Range {
  from: string;
  to: string;
  preset: string | null;
}

function rangeOf(params: URLSearchParams): Range {
  const to = params.get('to') ?? today();
  const from = params.get('from');
  if (from) {
    const preset = PRESETS.find((p) => addDays(to, -(Number(p.value) - 1)) === from && to === today());
    return { from, to, preset: preset?.value ?? null };
  }
  return { from: addDays(to, -29), to, preset: '30' };
}

function defaultInterval(range: Range): Interval {
  const days = (Date.parse(range.to) - Date.parse(range.from)) / 86_400_000 + 1;
  // Days of a month hold a handful of answers each: weeks show the trend instead of the noise.
  if (days > 180) return 'month';
  if (days > 14) return 'week';
  return 'day';
}

export function AnalyticsPage() {
  const [params, setParams] = useSearchParams();
  const range = rangeOf(params);
  const interval = (params.get('interval') as Interval | null) ?? defaultInterval(range);
  const filters = Object.fromEntries(FILTERS.map((name) => [name, params.get(name)]));
  const query = queryString({ from: range.from, to: range.to, ...filters });

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    setParams(next);
  };

  const summary = useApi<{ data: Summary }>(`/v1/analytics/summary${query}`);
  const funnel = useApi<{ data: Funnel }>(`/v1/analytics/funnel${query}`);
  const missing = summary.error?.missingRoute;

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Analytics</h1>
          <p className="page-lede">
            How satisfied customers are, {formatDay(range.from, true)} – {formatDay(range.to, true)}.
          </p>
        </div>
        <div className="page-actions">
          <ExportMenu query={query} />
        </div>
      </header>

      <section className="filters" aria-label="Filters">
        <div className="filters-row">
          <Segmented
            label="Date range"
            value={range.preset ?? 'custom'}
            onChange={(value) => {
              if (value === 'custom') return;
              update({ from: addDays(today(), -(Number(value) - 1)), to: null, interval: null });
            }}
            options={[
              ...PRESETS.map((p) => ({ value: p.value, label: p.label })),
              ...(range.preset ? [] : [{ value: 'custom', label: 'Custom' }]),
            ]}
          />
          <label className="filter-select">
            <span className="filter-label">From</span>
            <input
              type="date"
              value={range.from}
              max={range.to}
              onChange={(event) => event.target.value && update({ from: event.target.value, interval: null })}
            />
          </label>
          <label className="filter-select">
            <span className="filter-label">To</span>
            <input
              type="date"
              value={range.to}
              min={range.from}
              max={today()}
              onChange={(event) => event.target.value && update({ to: event.target.value, interval: null })}
            />
          </label>
        </div>
        <div className="filters-row">
          <label className="filter-select">
            <span className="filter-label">Agent</span>
            <select value={filters.agent_type ?? ''} onChange={(event) => update({ agent_type: event.target.value })}>
              <option value="">Any agent</option>
              <option value="ai">AI agents</option>
              <option value="human">Human agents</option>
            </select>
          </label>
          <label className="filter-select">
            <span className="filter-label">Channel</span>
            <select value={filters.channel ?? ''} onChange={(event) => update({ channel: event.target.value })}>
              <option value="">Any channel</option>
              {Object.keys(channelNames).map((channel) => (
                <option key={channel} value={channel}>
                  {channelName(channel)}
                </option>
              ))}
              {filters.channel && !channelNames[filters.channel] ? (
                <option value={filters.channel}>{channelName(filters.channel)}</option>
              ) : null}
            </select>
          </label>
          <label className="filter-select">
            <span className="filter-label">Question</span>
            <select
              value={filters.question_code ?? ''}
              onChange={(event) => update({ question_code: event.target.value })}
            >
              <option value="">Every question</option>
              {Object.keys(questionNames).map((code) => (
                <option key={code} value={code}>
                  {questionName(code)}
                </option>
              ))}
            </select>
          </label>
          {filters.agent_id ? (
            <span className="chip">
              Agent {shortId(filters.agent_id)}
              <button type="button" aria-label="Remove the agent filter" onClick={() => update({ agent_id: null })}>
                <Icon name="x" size={12} />
              </button>
            </span>
          ) : null}
        </div>
      </section>

      {missing ? (
        <Card>
          <EmptyState icon="chart" title="Analytics are not available on this server yet">
            <p>This Plaudit server does not offer the analytics API. Update it to see satisfaction trends.</p>
          </EmptyState>
        </Card>
      ) : (
        <>
          <Kpis summary={summary.data?.data} funnel={funnel.data?.data} error={summary.error} retry={summary.reload} />
          <Trends query={query} interval={interval} onInterval={(value) => update({ interval: value })} />
          <div className="analytics-grid">
            <FunnelCard funnel={funnel.data?.data} error={funnel.error} retry={funnel.reload} />
            <AgentsCard query={query} />
          </div>
          <GapsCard query={query} />
        </>
      )}
    </div>
  );
}

function Kpi({
  label,
  value,
  children,
  badge,
  hint,
}: {
  label: string;
  value: ReactNode;
  children?: ReactNode;
  badge?: ReactNode;
  hint?: string;
}) {
  return (
    <div className="kpi" title={hint}>
      <div className="kpi-head">
        <h2 className="kpi-label">{label}</h2>
        {badge}
      </div>
      <p className="kpi-value">{value}</p>
      <div className="kpi-meta">{children}</div>
    </div>
  );
}

function Kpis({
  summary,
  funnel,
  error,
  retry,
}: {
  summary: Summary | undefined;
  funnel: Funnel | undefined;
  error: ApiError | undefined;
  retry: () => void;
}) {
  if (error) return <ErrorState error={error} what="The summary" onRetry={retry} />;
  if (!summary) {
    return (
      <div className="kpis">
        {Array.from({ length: 5 }, (_, i) => (
          <div key={i} className="kpi">
            <Skeleton lines={3} />
          </div>
        ))}
      </div>
    );
  }
  const { csat, nps, thumbs, messages } = summary;
  const thumbCodes = Object.keys(thumbs).filter((code) => thumbs[code]!.up + thumbs[code]!.down > 0);
  const npsTotal = nps.promoters + nps.passives + nps.detractors;
  const share = (n: number) => (npsTotal ? `${(n / npsTotal) * 100}%` : '0%');
  const responseRate = funnel?.response_rate ?? csat.response_rate;

  return (
    <div className="kpis" role="list" aria-label="Key figures">
      <div role="listitem">
        <Kpi
          label="CSAT"
          value={formatPercent(csat.score)}
          badge={csat.responses > 0 && csat.low_sample ? <LowSample /> : null}
          hint="Share of 4 and 5 star answers"
        >
          {csat.responses > 0 ? (
            <>
              <p>
                {csat.ci_low !== null && csat.ci_high !== null ? (
                  <>
                    95% CI {formatPercent(csat.ci_low)}–{formatPercent(csat.ci_high)}
                  </>
                ) : null}
              </p>
              <p>
                <span className="kpi-strong">{formatAverage(csat.average)}</span> avg · {formatCount(csat.responses)}{' '}
                response{csat.responses === 1 ? '' : 's'}
              </p>
            </>
          ) : (
            <p>No star answers yet</p>
          )}
        </Kpi>
      </div>
      <div role="listitem">
        <Kpi
          label="NPS"
          value={formatNps(nps.score)}
          badge={nps.responses > 0 && nps.low_sample ? <LowSample /> : null}
          hint="% promoters (9–10) minus % detractors (0–6)"
        >
          {npsTotal > 0 ? (
            <>
              <div className="nps-bar" aria-hidden="true">
                <span className="nps-promoters" style={{ width: share(nps.promoters) }} />
                <span className="nps-passives" style={{ width: share(nps.passives) }} />
                <span className="nps-detractors" style={{ width: share(nps.detractors) }} />
              </div>
              <p>
                {plural(nps.promoters, 'promoter')} · {plural(nps.passives, 'passive')} ·{' '}
                {plural(nps.detractors, 'detractor')}
              </p>
            </>
          ) : (
            <p>No NPS answers yet</p>
          )}
        </Kpi>
      </div>
      <div role="listitem">
        <Kpi label="Thumbs up" value={thumbRate(thumbs)} badge={thumbsLow(thumbs) ? <LowSample /> : null}>
          {thumbCodes.length === 0 ? (
            <p>No thumbs answers yet</p>
          ) : (
            thumbCodes.map((code) => (
              <p key={code}>
                <span className="kpi-strong">{formatRate(thumbs[code]!.up_rate)}</span> {questionName(code)} (
                {formatCount(thumbs[code]!.up + thumbs[code]!.down)})
              </p>
            ))
          )}
        </Kpi>
      </div>
      <div role="listitem">
        <Kpi
          label="Message likes"
          value={formatRate(messages.like_rate)}
          badge={messages.likes + messages.dislikes > 0 && messages.low_sample ? <LowSample /> : null}
          hint="Likes among likes and dislikes on single messages"
        >
          <p>
            <span className="count count-good">
              <Icon name="thumbsUp" size={13} /> {formatCount(messages.likes)}
            </span>{' '}
            <span className="count count-bad">
              <Icon name="thumbsDown" size={13} /> {formatCount(messages.dislikes)}
            </span>
          </p>
        </Kpi>
      </div>
      <div role="listitem">
        <Kpi label="Response rate" value={formatRate(responseRate)} hint="Answered among offered questions">
          {funnel ? (
            <p>
              {formatCount(funnel.answered)} answered of {formatCount(funnel.offered)} offered
            </p>
          ) : (
            <p>
              {formatCount(csat.responses)} of {formatCount(csat.offered)} offered
            </p>
          )}
        </Kpi>
      </div>
    </div>
  );
}

function thumbRate(thumbs: Summary['thumbs']): string {
  let up = 0;
  let total = 0;
  for (const entry of Object.values(thumbs)) {
    up += entry.up;
    total += entry.up + entry.down;
  }
  return total ? formatRate(up / total) : '–';
}

function thumbsLow(thumbs: Summary['thumbs']): boolean {
  const entries = Object.values(thumbs);
  return entries.length > 0 && entries.reduce((sum, entry) => sum + entry.up + entry.down, 0) < 30;
}

const percent = (value: number) => `${Math.round(value)}%`;
const charts: Array<{
  metric: Metric;
  title: string;
  color: string;
  format: (v: number) => string;
  domain: [number, number];
}> = [
  { metric: 'csat', title: 'CSAT', color: '#4f46e5', format: percent, domain: [0, 100] },
  { metric: 'nps', title: 'NPS', color: '#0e7490', format: formatNps, domain: [-100, 100] },
  { metric: 'thumbs', title: 'Thumbs up', color: '#15803d', format: percent, domain: [0, 100] },
  { metric: 'message_likes', title: 'Message likes', color: '#b45309', format: percent, domain: [0, 100] },
];

function Trends({
  query,
  interval,
  onInterval,
}: {
  query: string;
  interval: Interval;
  onInterval: (i: Interval) => void;
}) {
  return (
    <Card
      title="Trends"
      description="Each point is one period; hover a point for its number of responses."
      actions={
        <Segmented
          label="Interval"
          value={interval}
          onChange={onInterval}
          options={[
            { value: 'day', label: 'Day' },
            { value: 'week', label: 'Week' },
            { value: 'month', label: 'Month' },
          ]}
        />
      }
    >
      <div className="trend-grid">
        {charts.map((chart) => (
          <TrendPanel key={chart.metric} {...chart} query={query} interval={interval} />
        ))}
      </div>
    </Card>
  );
}

function TrendPanel({
  metric,
  title,
  color,
  format,
  domain,
  query,
  interval,
}: (typeof charts)[number] & { query: string; interval: Interval }) {
  const separator = query ? '&' : '?';
  const series = useApi<{ data: SeriesPoint[] }>(
    `/v1/analytics/timeseries${query}${separator}interval=${interval}&metric=${metric}`,
  );
  const points = series.data?.data ?? [];
  const latest = [...points].reverse().find((point) => point.value !== null);
  const responses = points.reduce((sum, point) => sum + point.responses, 0);
  return (
    <figure className="trend-panel" aria-label={`${title} trend`}>
      <figcaption className="trend-head">
        <span className="trend-title">
          <span className="legend-dot" style={{ background: color }} aria-hidden="true" />
          {title}
        </span>
        <span className="trend-latest">
          {latest?.value !== undefined && latest.value !== null ? (
            <>
              latest <strong>{format(latest.value)}</strong> · {plural(responses, 'response')}
            </>
          ) : null}
        </span>
      </figcaption>
      {series.error ? (
        <ErrorState error={series.error} what={`The ${title} trend`} onRetry={series.reload} />
      ) : !series.data ? (
        <Skeleton lines={1} height={180} />
      ) : (
        <TrendChart title={title} points={points} interval={interval} format={format} domain={domain} color={color} />
      )}
    </figure>
  );
}

function FunnelCard({ funnel, error, retry }: { funnel: Funnel | undefined; error?: ApiError; retry: () => void }) {
  return (
    <Card title="Response funnel" description="Questions offered in the range, and what became of them.">
      {error ? (
        <ErrorState error={error} what="The funnel" onRetry={retry} />
      ) : !funnel ? (
        <Skeleton lines={4} />
      ) : funnel.offered === 0 ? (
        <EmptyState icon="send" title="No ratings asked for in this range" />
      ) : (
        <div className="funnel">
          {[
            { label: 'Offered', value: funnel.offered, note: '' },
            { label: 'Opened', value: funnel.opened, note: formatRate(funnel.open_rate) },
            { label: 'Answered', value: funnel.answered, note: formatRate(funnel.response_rate) },
          ].map((step) => (
            <div key={step.label} className="funnel-step">
              <div className="funnel-labels">
                <span>{step.label}</span>
                <span>
                  <strong>{formatCount(step.value)}</strong>
                  {step.note ? <span className="muted"> · {step.note}</span> : null}
                </span>
              </div>
              <div className="funnel-track" aria-hidden="true">
                <span className="funnel-fill" style={{ width: `${(step.value / funnel.offered) * 100}%` }} />
              </div>
            </div>
          ))}
          <p className="funnel-foot">
            <Badge tone="warn">{formatCount(funnel.expired)} expired</Badge>{' '}
            <Badge tone="neutral">{formatCount(funnel.cancelled)} cancelled</Badge>
          </p>
        </div>
      )}
    </Card>
  );
}

type SortKey = 'name' | 'csat' | 'nps' | 'thumbs' | 'likes';

function sortValue(agent: AgentStats, key: SortKey): number | string {
  switch (key) {
    case 'name':
      return (agent.name ?? agent.agent_id).toLowerCase();
    case 'csat':
      return agent.csat.score ?? -1;
    case 'nps':
      return agent.nps.score ?? -101;
    case 'thumbs':
      return agent.thumbs.up_rate ?? -1;
    case 'likes':
      return agent.messages.like_rate ?? -1;
  }
}

function AgentTable({ title, agents, query }: { title: string; agents: AgentStats[]; query: string }) {
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
                    {agent.name ?? `${agent.agent_type === 'ai' ? 'AI agent' : 'Agent'} ${shortId(agent.agent_id)}`}
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

function AgentsCard({ query }: { query: string }) {
  const agents = useApi<{ data: AgentStats[] }>(`/v1/analytics/agents${query}`);
  const list = agents.data?.data ?? [];
  const ai = list.filter((agent) => agent.agent_type === 'ai');
  const humans = list.filter((agent) => agent.agent_type !== 'ai');
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
          {ai.length > 0 ? <AgentTable title="AI agents" agents={ai} query={query} /> : null}
          {humans.length > 0 ? <AgentTable title="Human agents" agents={humans} query={query} /> : null}
        </div>
      )}
    </Card>
  );
}

function GapValue({ code, value }: { code: string; value: number | null }) {
  if (value === null) return null;
  const kind = questionNames[code]?.kind;
  if (kind === 'stars') return <Stars value={value} />;
  if (kind === 'nps') return <NpsValue value={value} />;
  return <Thumb value={value === 1 ? 'up' : 'down'} label={questionName(code)} />;
}

function GapsCard({ query }: { query: string }) {
  const separator = query ? '&' : '?';
  const gaps = useApi<{ data: KnowledgeGaps }>(`/v1/analytics/knowledge-gaps${query}${separator}limit=8`);
  const data = gaps.data?.data;
  return (
    <Card
      title={
        <>
          <Icon name="bulb" size={16} /> Knowledge gaps
        </>
      }
      description="What the AI agent gets wrong: its most disliked answers, and the latest low ratings of its conversations."
    >
      {gaps.error ? (
        <ErrorState error={gaps.error} what="Knowledge gaps" onRetry={gaps.reload} />
      ) : !data ? (
        <Skeleton lines={5} />
      ) : (
        <div className="gaps">
          <div>
            <h3 className="subheading">Disliked answers</h3>
            {data.messages.length === 0 ? (
              <p className="muted gap-empty">No AI answer got a dislike in this range.</p>
            ) : (
              <ul className="gap-list">
                {data.messages.map((message) => (
                  <li key={message.message_uid} className="gap-item">
                    <Link
                      to={`/conversations/${message.conversation_id}#message-${message.message_uid}`}
                      className="gap-link"
                    >
                      <span className="gap-text">{message.text ?? 'Text removed (anonymized)'}</span>
                    </Link>
                    <div className="gap-meta">
                      <span className="count count-bad">
                        <Icon name="thumbsDown" size={13} /> {message.dislikes}
                        <span className="visually-hidden"> dislikes</span>
                      </span>
                      <span className="count count-good">
                        <Icon name="thumbsUp" size={13} /> {message.likes}
                        <span className="visually-hidden"> likes</span>
                      </span>
                      {message.last_feedback_at ? <span>{formatDateTime(message.last_feedback_at)}</span> : null}
                    </div>
                    {message.comments.slice(0, 2).map((comment, index) => (
                      <p key={index} className="gap-comment">
                        “{comment}”
                      </p>
                    ))}
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div>
            <h3 className="subheading">Low ratings</h3>
            {data.conversations.length === 0 ? (
              <p className="muted gap-empty">No low rating of an AI conversation in this range.</p>
            ) : (
              <ul className="gap-list">
                {data.conversations.map((rating) => (
                  <li key={`${rating.rating_uid}-${rating.question_code}`} className="gap-item">
                    <Link to={`/conversations/${rating.conversation_id}`} className="gap-link">
                      <span className="gap-text">{rating.comment ? `“${rating.comment}”` : 'No comment'}</span>
                    </Link>
                    <div className="gap-meta">
                      <GapValue code={rating.question_code} value={rating.value} />
                      <span>{questionName(rating.question_code)}</span>
                      {rating.answered_at ? <span>{formatDateTime(rating.answered_at)}</span> : null}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      )}
    </Card>
  );
}
