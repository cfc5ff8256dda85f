import { useState } from 'react';
import { queryString } from '../../api/client';
import type { CompareMetric, VersionComparison, VersionDimension, VersionValue } from '../../api/types';
import { Icon } from '../../components/icons';
import { Card, EmptyState, ErrorState, LowSample, Segmented, Skeleton } from '../../components/ui';
import { formatCount, formatPercent } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import type { PageFilters } from './filters';
import { questionLabel, type FilterQuestion } from '../../lib/filter-questions';

/**
 * Two prompt versions, models or tags side by side on one metric, under the page's range and filters: the verdict in
 * a sentence, both shares with their counts, and the difference's 95% interval drawn around zero.
 */

const DIMENSIONS: Array<{ value: VersionDimension; label: string; plural: string }> = [
  { value: 'prompt_version', label: 'Prompt version', plural: 'prompt versions' },
  { value: 'model', label: 'Model', plural: 'models' },
  { value: 'tag', label: 'Tag', plural: 'tags' },
];

const METRICS: Record<CompareMetric, { label: string; success: string; kind: 'stars' | 'thumbs' | null }> = {
  message_likes: { label: 'Message likes', success: 'liked', kind: null },
  csat: { label: 'CSAT', success: 'rated 4–5', kind: 'stars' },
  thumbs: { label: 'Thumbs', success: 'thumbs up', kind: 'thumbs' },
};

/** Points with one decimal and their sign, as the sentence writes them. */
function points(value: number): string {
  const text = Math.abs(value).toFixed(1);
  return text === '0.0' ? text : `${value > 0 ? '+' : '−'}${text}`;
}

/** The smallest round extent that holds every value, so that the bar's scale reads at a glance. */
function extentOf(values: number[]): number {
  const most = Math.max(...values.map(Math.abs));
  return [5, 10, 20, 25, 50, 100].find((step) => most <= step) ?? 100;
}

/** The difference as a dot on its 95% interval, on an axis with zero in the middle. */
function IntervalBar({ comparison }: { comparison: VersionComparison }) {
  const { difference, ci_low: low, ci_high: high, verdict } = comparison;
  if (difference === null || low === null || high === null) return null;
  const extent = extentOf([difference, low, high]);
  const at = (value: number) => `${((value + extent) / (2 * extent)) * 100}%`;
  const tone = verdict === 'a_higher' ? 'good' : verdict === 'b_higher' ? 'bad' : 'neutral';
  return (
    <figure className="compare-interval">
      <div
        className={`compare-track compare-${tone}`}
        role="img"
        aria-label={`Difference ${points(difference)} points, 95% interval ${points(low)} to ${points(high)}; zero marked`}
      >
        <span className="compare-zero" style={{ left: '50%' }} />
        <span className="compare-range" style={{ left: at(low), width: `${((high - low) / (2 * extent)) * 100}%` }} />
        <span className="compare-dot" style={{ left: at(difference) }} />
        <span className="compare-value" style={{ left: at(difference) }}>
          {points(difference)}
        </span>
      </div>
      <div className="compare-axis" aria-hidden="true">
        <span>−{extent}</span>
        <span>0</span>
        <span>+{extent}</span>
      </div>
      <figcaption className="compare-caption">
        Difference A − B in points, with its 95% interval ({points(low)} to {points(high)})
      </figcaption>
    </figure>
  );
}

function Side({ name, side, metric }: { name: 'A' | 'B'; side: VersionComparison['a']; metric: CompareMetric }) {
  return (
    <div className="compare-side">
      <p className="compare-side-name">
        <span className="compare-side-letter">{name}</span>
        <span className="compare-side-value">{side.value}</span>
        {side.low_sample ? <LowSample /> : null}
      </p>
      <p className="compare-rate">{formatPercent(side.rate, 1)}</p>
      <p className="muted">
        {formatCount(side.successes)} of {formatCount(side.total)} {side.total === 1 ? 'answer' : 'answers'}{' '}
        {METRICS[metric].success}
        {side.ci_low !== null && side.ci_high !== null
          ? ` · 95% CI ${formatPercent(side.ci_low, 1)}–${formatPercent(side.ci_high, 1)}`
          : ''}
      </p>
    </div>
  );
}

export function CompareCard({
  range,
  filters,
  questions,
}: {
  range: { from: string; to: string };
  filters: PageFilters;
  questions: FilterQuestion[];
}) {
  const [dimension, setDimension] = useState<VersionDimension>('prompt_version');
  const [metric, setMetric] = useState<CompareMetric>('message_likes');
  const [picked, setPicked] = useState<{ a?: string; b?: string }>({});
  // The page's question filter narrows the metric of its kind; message likes answer no question.
  const question =
    filters.question_code &&
    questions.find((entry) => entry.code === filters.question_code)?.kind === METRICS[metric].kind
      ? filters.question_code
      : null;
  const base = {
    from: range.from,
    to: range.to,
    agent_type: filters.agent_type,
    agent_id: filters.agent_id,
    channel: filters.channel,
    question_code: question,
    dimension,
  };
  const versions = useApi<{ data: VersionValue[] }>(`/v1/analytics/versions${queryString({ ...base, limit: 200 })}`);
  const values = [...(versions.data?.data ?? [])].sort(
    (x, y) => y.answers[metric] - x.answers[metric] || x.value.localeCompare(y.value),
  );
  const known = new Set(values.map((value) => value.value));
  // Until someone picks, the two values with the most answers.
  const a = picked.a && known.has(picked.a) ? picked.a : values[0]?.value;
  const b =
    picked.b && known.has(picked.b) && picked.b !== a ? picked.b : values.find((value) => value.value !== a)?.value;
  const comparison = useApi<{ data: VersionComparison }>(
    a && b ? `/v1/analytics/compare${queryString({ ...base, a, b, metric })}` : null,
  );
  const dimensionInfo = DIMENSIONS.find((option) => option.value === dimension)!;

  const picker = (name: 'A' | 'B', value: string | undefined) => (
    <label className="filter-select">
      <span className="filter-label">{name === 'A' ? 'Side A' : 'Side B'}</span>
      <select
        value={value ?? ''}
        onChange={(event) => {
          // Picking the other side's value swaps the two.
          const chosen = event.target.value;
          setPicked(name === 'A' ? { a: chosen, b: chosen === b ? a : b } : { a: chosen === a ? b : a, b: chosen });
        }}
      >
        {values.map((option) => (
          <option key={option.value} value={option.value}>
            {option.value} · {formatCount(option.answers[metric])} {option.answers[metric] === 1 ? 'answer' : 'answers'}
          </option>
        ))}
      </select>
    </label>
  );

  const data = comparison.data?.data;
  return (
    <Card
      title={
        <>
          <Icon name="sliders" size={16} /> Compare versions
        </>
      }
      description="Two prompt versions, models or tags side by side, under the range and filters above."
    >
      <div className="compare-body">
        <div className="compare-controls">
          <Segmented
            label="Compare"
            value={dimension}
            onChange={(value) => {
              setDimension(value);
              setPicked({});
            }}
            options={DIMENSIONS}
          />
          <Segmented
            label="Metric"
            value={metric}
            onChange={setMetric}
            options={(Object.keys(METRICS) as CompareMetric[]).map((value) => ({ value, label: METRICS[value].label }))}
          />
        </div>
        {versions.error ? (
          <ErrorState error={versions.error} what="Versions" onRetry={versions.reload} />
        ) : !versions.data ? (
          <Skeleton lines={3} />
        ) : values.length < 2 ? (
          <EmptyState icon="sliders" title={`Fewer than two ${dimensionInfo.plural} in this range`}>
            {values.length === 1
              ? `Only ${values[0]!.value} has answers under these filters.`
              : `No ${dimensionInfo.plural} have answers under these filters.`}{' '}
            Send <code>{dimension === 'tag' ? 'tags' : dimension}</code> with each AI answer to compare them.
          </EmptyState>
        ) : (
          <>
            <div className="compare-pickers">
              {picker('A', a)}
              <button
                type="button"
                className="button button-secondary button-small compare-swap"
                onClick={() => setPicked({ a: b, b: a })}
                aria-label="Swap A and B"
              >
                Swap
              </button>
              {picker('B', b)}
            </div>
            {comparison.error ? (
              <ErrorState error={comparison.error} what="The comparison" onRetry={comparison.reload} />
            ) : !data ? (
              <Skeleton lines={3} />
            ) : (
              <div className="compare-result" aria-live="polite">
                <p className={`compare-sentence compare-verdict-${data.verdict}`}>{data.sentence}</p>
                <div className="compare-sides">
                  <Side name="A" side={data.a} metric={data.metric} />
                  <Side name="B" side={data.b} metric={data.metric} />
                </div>
                <IntervalBar comparison={data} />
                {data.low_sample && data.verdict !== 'no_data' ? (
                  <p className="compare-warning" role="note">
                    <Icon name="alert" size={14} /> A side has fewer than 30 answers: the interval is wide, and the
                    verdict may change as answers come in.
                  </p>
                ) : null}
              </div>
            )}
          </>
        )}
        {filters.question_code && !question ? (
          <p className="muted compare-note">
            The question filter ({questionLabel(questions, filters.question_code)}) does not apply to{' '}
            {METRICS[metric].label}.
          </p>
        ) : null}
      </div>
    </Card>
  );
}
