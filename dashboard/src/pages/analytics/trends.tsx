import type { Interval, Metric, SeriesPoint } from '../../api/types';
import { partialNote, TrendChart } from '../../components/trend-chart';
import { Card, ErrorState, Segmented, Skeleton } from '../../components/ui';
import { formatNps, plural, today } from '../../lib/format';
import { Link, useRouter } from '../../lib/router';
import { useApi } from '../../lib/use-api';
import { inboxLink, type PageFilters } from './filters';
import type { FigureKind } from '../../lib/filter-questions';

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
/** Under an effort question, whose answers no other chart counts, its CES trend takes the message likes' place. */
const cesChart: (typeof charts)[number] = {
  metric: 'ces',
  title: 'CES',
  color: '#7c3aed',
  format: (value) => (Number.isInteger(value) ? String(value) : value.toFixed(1)),
  domain: [1, 7],
};

/** How the charts draw whole periods, periods under way and small samples. */
function Legend() {
  return (
    <ul className="trend-legend" aria-label="How to read the charts">
      <li>
        <svg width="26" height="10" aria-hidden="true">
          <line x1="1" y1="5" x2="25" y2="5" className="legend-line" />
          <circle cx="13" cy="5" r="3.5" className="legend-dot-full" />
        </svg>
        Whole period
      </li>
      <li>
        <svg width="26" height="10" aria-hidden="true">
          <line x1="1" y1="5" x2="25" y2="5" className="legend-line legend-line-dashed" />
          <circle cx="13" cy="5" r="3.5" className="legend-dot-hollow" />
        </svg>
        So far, or part of a period
      </li>
      <li title="Fewer than 30 responses: the figure can swing a lot.">
        <svg width="12" height="10" aria-hidden="true">
          <circle cx="6" cy="5" r="3.5" className="legend-dot-faded" />
        </svg>
        Fewer than 30 responses
      </li>
    </ul>
  );
}

export function Trends({
  query,
  interval,
  filters,
  questionKind,
  onInterval,
}: {
  query: string;
  interval: Interval;
  filters: PageFilters;
  /** The figure the page's question counts in. */
  questionKind: FigureKind;
  onInterval: (i: Interval) => void;
}) {
  return (
    <Card
      title="Trends"
      description="Each point is one period; hover it for its responses, select it to see its conversations."
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
      <Legend />
      <div className="trend-grid">
        {(questionKind === 'ces'
          ? charts.map((chart) => (chart.metric === 'message_likes' ? cesChart : chart))
          : charts
        ).map((chart) => (
          <TrendPanel
            key={chart.metric}
            {...chart}
            query={query}
            interval={interval}
            filters={filters}
            questionKind={questionKind}
          />
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
  filters,
  questionKind,
}: (typeof charts)[number] & { query: string; interval: Interval; filters: PageFilters; questionKind: FigureKind }) {
  const { navigate } = useRouter();
  const separator = query ? '&' : '?';
  const series = useApi<{ data: SeriesPoint[] }>(
    `/v1/analytics/timeseries${query}${separator}interval=${interval}&metric=${metric}`,
  );
  const points = series.data?.data ?? [];
  const now = today();
  const latest = [...points].reverse().find((point) => point.value !== null);
  const linkOf = (point: SeriesPoint) =>
    point.responses > 0 ? inboxLink(metric, point, filters, questionKind) : undefined;
  const latestNote = latest ? partialNote(latest, latest.to >= now) : null;
  const noQuestion = metric === 'message_likes' && filters.question_code;
  return (
    <figure className="trend-panel" aria-label={`${title} trend`}>
      <figcaption className="trend-head">
        <span className="trend-title">
          <span className="legend-dot" style={{ background: color }} aria-hidden="true" />
          {title}
        </span>
        {latest?.value !== undefined && latest.value !== null ? (
          <Link
            to={linkOf(latest)!}
            className="trend-latest"
            title="The latest period's figure and its own responses; select to see its conversations"
          >
            latest <strong>{format(latest.value)}</strong> · {plural(latest.responses, 'response')}
            {latestNote ? ` ${latestNote}` : ''}
            {latest.low_sample ? <span className="trend-latest-low"> · low sample</span> : null}
          </Link>
        ) : null}
      </figcaption>
      {series.error ? (
        <ErrorState error={series.error} what={`The ${title} trend`} onRetry={series.reload} />
      ) : !series.data ? (
        <Skeleton lines={1} height={180} />
      ) : noQuestion ? (
        <div className="chart-empty">
          <p>Message feedback answers no question: clear the question filter to see it.</p>
        </div>
      ) : (
        <TrendChart
          title={title}
          points={points}
          interval={interval}
          format={format}
          domain={domain}
          color={color}
          today={now}
          linkOf={linkOf}
          onSelect={(point) => navigate(inboxLink(metric, point, filters, questionKind))}
        />
      )}
    </figure>
  );
}
