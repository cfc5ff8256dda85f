import { Badge, Card, ErrorState, LowSample, Skeleton } from '../../components/ui';
import { agentLabel } from '../../lib/agents';
import { formatCount, formatPercent } from '../../lib/format';
import { viewerLanguage } from '../../lib/filter-questions';
import { kindName } from '../../lib/questions';
import { useApi } from '../../lib/use-api';

interface Item {
  id: string;
  label: string;
  count: number;
  share: number | null;
}

interface QuestionFigures {
  code: string;
  kind: string;
  label: string;
  archived: boolean;
  versions: number[];
  responses: number;
  average: number | null;
  low: number | null;
  values: Array<{ value: number; count: number; share: number | null }>;
  options: Item[] | null;
  reasons: {
    chosen: number;
    answers: number;
    reasons: Item[];
    agents: Array<{
      agent_id: string;
      agent_type: 'human' | 'ai' | null;
      agent_name: string | null;
      chosen: number;
      reasons: Item[];
    }>;
  } | null;
  low_sample: boolean;
}

const SCALE_MAX: Record<string, number> = { stars: 5, csat: 5, nps: 10, ces: 7 };
const CSAT_WORDS = ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'];

/** The viewer's language when Plaudit speaks it, for the labels of options and reasons; else the API's default. */
function valueLabel(kind: string, value: number): string {
  if (kind === 'csat') return CSAT_WORDS[value - 1] ?? String(value);
  if (kind === 'thumbs') return value === 1 ? 'Thumbs up' : 'Thumbs down';
  if (kind === 'stars') return `${value} ${value === 1 ? 'star' : 'stars'}`;
  return String(value);
}

/** Horizontal bars: each row its label, count and share. */
function Bars({
  rows,
  label,
}: {
  rows: Array<{ key: string; label: string; count: number; share: number | null }>;
  label: string;
}) {
  return (
    <table className="qa-bars">
      <caption className="visually-hidden">{label}</caption>
      <thead className="visually-hidden">
        <tr>
          <th scope="col">Answer</th>
          <th scope="col">Count</th>
          <th scope="col">Share</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row" className="qa-bar-label">
              {row.label}
            </th>
            <td className="qa-bar-cell">
              <span className="qa-track" aria-hidden="true">
                <span className="qa-fill" style={{ width: `${Math.min(row.share ?? 0, 100)}%` }} />
              </span>
              <span className="qa-count">{formatCount(row.count)}</span>
            </td>
            <td className="qa-share num">
              {formatPercent(row.share, row.share !== null && row.share > 0 && row.share < 10 ? 1 : 0)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function QuestionBlock({ question }: { question: QuestionFigures }) {
  const scaleMax = SCALE_MAX[question.kind];
  return (
    <section className="qa-question" aria-label={question.label}>
      <header className="qa-head">
        <h3 className="qa-title">{question.label}</h3>
        <Badge tone="neutral">{kindName(question.kind)}</Badge>
        {question.archived ? <Badge tone="warn">Archived</Badge> : null}
        <span className="muted">
          {formatCount(question.responses)} {question.responses === 1 ? 'answer' : 'answers'}
        </span>
        {question.responses > 0 && question.low_sample ? <LowSample /> : null}
      </header>
      {question.responses === 0 ? (
        <p className="muted">No answers in this range.</p>
      ) : (
        <>
          {question.average !== null && scaleMax ? (
            <p className="qa-average">
              <strong>{question.average.toFixed(1)}</strong>
              <span className="muted">
                {' '}
                {question.kind === 'ces' ? 'CES average' : 'average'}, of {scaleMax}
              </span>
            </p>
          ) : null}
          {question.values.length > 0 ? (
            <Bars
              label={`Answers to ${question.label}`}
              rows={question.values.map((entry) => ({
                key: String(entry.value),
                label: valueLabel(question.kind, entry.value),
                count: entry.count,
                share: entry.share,
              }))}
            />
          ) : null}
          {question.options ? (
            <Bars
              label={`Options chosen for ${question.label}`}
              rows={question.options.map((option) => ({ key: option.id, ...option }))}
            />
          ) : null}
        </>
      )}
      {question.reasons && question.reasons.chosen > 0 ? (
        <div className="qa-reasons">
          <h4 className="qa-subtitle">
            Reasons after a low answer{' '}
            <span className="muted">
              · {formatCount(question.reasons.chosen)} chosen in {formatCount(question.reasons.answers)}{' '}
              {question.reasons.answers === 1 ? 'answer' : 'answers'}
            </span>
          </h4>
          <Bars
            label={`Reasons chosen for ${question.label}`}
            rows={question.reasons.reasons.map((reason) => ({ key: reason.id, ...reason }))}
          />
          {question.reasons.agents.length > 0 ? (
            <div className="table-scroll">
              <table className="table compact-table">
                <caption className="visually-hidden">Reasons per agent for {question.label}</caption>
                <thead>
                  <tr>
                    <th scope="col">Agent</th>
                    <th scope="col" className="num">
                      Reasons
                    </th>
                    <th scope="col">Most chosen</th>
                  </tr>
                </thead>
                <tbody>
                  {question.reasons.agents.map((agent) => {
                    const top = [...agent.reasons]
                      .filter((reason) => reason.count > 0)
                      .sort((a, b) => b.count - a.count);
                    return (
                      <tr key={agent.agent_id}>
                        <th scope="row">
                          {agentLabel(agent.agent_name, agent.agent_id, agent.agent_type ?? undefined)}
                        </th>
                        <td className="num">{formatCount(agent.chosen)}</td>
                        <td>
                          {top
                            .slice(0, 3)
                            .map((reason) => `${reason.label} ${formatPercent(reason.share)}`)
                            .join(' · ')}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

/** The organization's own questions: averages, the spread of answers and options, the reasons given, per agent. */
export function QuestionsCard({ query }: { query: string }) {
  const language = viewerLanguage();
  const separator = query ? '&' : '?';
  const path = `/v1/analytics/questions${query}${language ? `${separator}language=${language}` : ''}`;
  const figures = useApi<{ data: QuestionFigures[] }>(path);
  const questions = figures.data?.data;
  if (figures.error?.missingRoute) return null;
  // Nothing to show before the organization has questions of its own.
  if (questions && questions.length === 0) return null;
  return (
    <Card
      title="Your questions"
      description="The answers to your own questions in the range: averages, options chosen, and the reasons given after a low answer."
    >
      {figures.error ? (
        <ErrorState error={figures.error} what="The figures of your questions" onRetry={figures.reload} />
      ) : !questions ? (
        <Skeleton lines={5} />
      ) : (
        <div className="qa-list">
          {questions.map((question) => (
            <QuestionBlock key={question.code} question={question} />
          ))}
        </div>
      )}
    </Card>
  );
}
