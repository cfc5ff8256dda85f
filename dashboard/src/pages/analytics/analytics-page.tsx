import { queryString } from '../../api/client';
import type { SetupState } from '../../api/admin-types';
import { SetupChecklist } from '../../components/setup-checklist';
import type { Funnel, Interval, Summary } from '../../api/types';
import { AgentSelect } from '../../components/agent-select';
import { Icon } from '../../components/icons';
import { Card, EmptyState, ExportMenu, Segmented } from '../../components/ui';
import { addDays, channelName, channelNames, formatDay, today } from '../../lib/format';
import { agentLabel, nameIn, useAgentDirectory } from '../../lib/agents';
import { useSearchParams } from '../../lib/router';
import { useApi } from '../../lib/use-api';
import { AgentsCard } from './agents-card';
import { CompareCard } from './compare-card';
import { defaultInterval, filtersOf, PRESETS, rangeOf } from './filters';
import { FunnelCard } from './funnel-card';
import { KnowledgeGapsCard } from './knowledge-gaps-card';
import { TopicsCard } from './topics-card';
import { KpiCards } from './kpi-cards';
import { QuestionsCard } from './questions-card';
import { useFilterQuestions } from '../../lib/filter-questions';
import { Trends } from './trends';

/**
 * Analytics: the range and filters, then key figures, trends, the funnel, agents, the comparison of versions and the
 * knowledge gaps under them.
 */
export function AnalyticsPage() {
  const [params, setParams] = useSearchParams();
  const range = rangeOf(params);
  const interval = (params.get('interval') as Interval | null) ?? defaultInterval(range);
  const filters = filtersOf(params);
  const agents = useAgentDirectory();
  const questions = useFilterQuestions();
  const selected = questions.find((question) => question.code === filters.question_code);
  const questionKind = selected?.kind ?? null;
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
  const setup = useApi<{ data: SetupState }>('/v1/setup');
  const firstDay = setup.data && !setup.data.data.steps.some((step) => step.id === 'conversation' && step.done);

  // Before the first conversation there is nothing to chart: the page says how to get going instead.
  if (firstDay) {
    return (
      <div className="page">
        <header className="page-header">
          <div>
            <h1>Analytics</h1>
            <p className="page-lede">Satisfaction trends appear here once your first conversations come in.</p>
          </div>
        </header>
        <SetupChecklist setup={setup.data!.data} />
      </div>
    );
  }

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
          <ExportMenu query={query} note="What these figures count, with the range and filters shown." />
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
            <span className="filter-label">Agent type</span>
            <select value={filters.agent_type ?? ''} onChange={(event) => update({ agent_type: event.target.value })}>
              <option value="">AI and human</option>
              <option value="ai">AI agents</option>
              <option value="human">Human agents</option>
            </select>
          </label>
          <AgentSelect
            agents={agents}
            type={filters.agent_type}
            value={filters.agent_id}
            onChange={(agentId) => update({ agent_id: agentId })}
          />
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
              <optgroup label="Built-in questions">
                {questions
                  .filter((question) => question.builtIn)
                  .map((question) => (
                    <option key={question.code} value={question.code}>
                      {question.label}
                    </option>
                  ))}
              </optgroup>
              {questions.some((question) => !question.builtIn) ? (
                <optgroup label="Your questions">
                  {questions
                    .filter((question) => !question.builtIn)
                    .map((question) => (
                      <option key={question.code} value={question.code}>
                        {question.archived ? `${question.label} (archived)` : question.label}
                      </option>
                    ))}
                </optgroup>
              ) : null}
              {filters.question_code && !selected ? (
                <option value={filters.question_code}>{filters.question_code}</option>
              ) : null}
            </select>
          </label>
          {filters.agent_id ? (
            <span className="chip">
              Agent: {agentLabel(nameIn(agents, filters.agent_id), filters.agent_id, filters.agent_type)}
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
          <KpiCards
            summary={summary.data?.data}
            funnel={funnel.data?.data}
            filters={filters}
            questions={questions}
            questionKind={questionKind}
            error={summary.error}
            retry={summary.reload}
          />
          <Trends
            query={query}
            interval={interval}
            filters={filters}
            questionKind={questionKind}
            onInterval={(value) => update({ interval: value })}
          />
          <div className="analytics-grid">
            <FunnelCard funnel={funnel.data?.data} error={funnel.error} retry={funnel.reload} />
            <AgentsCard query={query} />
          </div>
          <QuestionsCard query={query} />
          <CompareCard range={range} filters={filters} questions={questions} />
          <TopicsCard query={query} agentType={filters.agent_type} />
          <KnowledgeGapsCard query={query} agentType={filters.agent_type} questions={questions} />
        </>
      )}
    </div>
  );
}
