import type { ReactNode } from 'react';
import type { ApiError } from '../../api/client';
import type { Funnel, Summary, SummaryFigures } from '../../api/types';
import { Icon } from '../../components/icons';
import { ErrorState, LowSample, Skeleton } from '../../components/ui';
import { formatAverage, formatCount, formatDay, formatNps, formatPercent, formatRate, plural } from '../../lib/format';
import { Link } from '../../lib/router';
import { daysIn, inboxLink, type Figure, type PageFilters } from './filters';
import { questionLabel, type FigureKind, type FilterQuestion } from '../../lib/filter-questions';

/** The key figures of the range, each against the period of the same length before it, each a way into the inbox. */

interface Comparison {
  /** The figure now and before, on one scale (percent 0-100, or NPS points). */
  now: number | null;
  before: number | null;
  /** How the figure reads: `64%`, `+12`. */
  format: (value: number) => string;
  /** `pts` for percentages; nothing for NPS, whose unit is a point already. */
  unit: string;
  /** Decimals of the change: none for percentages and NPS, two for a 1-7 average. */
  digits?: number;
  previous: { from: string; to: string };
}

/** The change against the previous period: up is good for every figure here. */
function Change({ now, before, format, unit, digits = 0, previous }: Comparison) {
  if (now === null) return null;
  const days = daysIn(previous);
  const span = `the previous ${days === 1 ? 'day' : `${days} days`}`;
  const when = `${formatDay(previous.from, true)} – ${formatDay(previous.to, true)}`;
  if (before === null) {
    return (
      <p className="kpi-change" title={when}>
        No answers in {span}
      </p>
    );
  }
  const factor = 10 ** digits;
  const delta = Math.round((now - before) * factor) / factor;
  const direction = delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat';
  const amount = `${delta > 0 ? '+' : delta < 0 ? '−' : '±'}${Math.abs(delta)}${unit ? ` ${unit}` : ''}`;
  return (
    <p className={`kpi-change kpi-change-${direction}`} title={`${when}: ${format(before)}`}>
      {direction === 'flat' ? null : <Icon name={direction === 'up' ? 'arrowUp' : 'arrowDown'} size={12} />}
      <span className="kpi-change-amount">{amount}</span> vs {span}
    </p>
  );
}

function Kpi({
  label,
  value,
  children,
  badge,
  hint,
  change,
  to,
}: {
  label: string;
  value: ReactNode;
  children?: ReactNode;
  badge?: ReactNode;
  hint?: string;
  change?: Comparison;
  /** The inbox with the conversations behind the figure; none when there are none. */
  to?: string;
}) {
  const body = (
    <>
      <div className="kpi-head">
        <h2 className="kpi-label">{label}</h2>
        {badge}
      </div>
      <p className="kpi-value">{value}</p>
      {change ? <Change {...change} /> : null}
      <div className="kpi-meta">{children}</div>
      {to ? (
        <span className="kpi-open" aria-hidden="true">
          Conversations <Icon name="chevronRight" size={12} />
        </span>
      ) : null}
    </>
  );
  if (!to) {
    return (
      <div className="kpi" title={hint}>
        {body}
      </div>
    );
  }
  return (
    <Link to={to} className="kpi kpi-link" title={hint ? `${hint}. Open these conversations in the inbox.` : undefined}>
      {body}
    </Link>
  );
}

/** Thumbs up among every thumbs answer, in percent. */
function thumbsPercent(thumbs: SummaryFigures['thumbs']): number | null {
  let up = 0;
  let total = 0;
  for (const entry of Object.values(thumbs)) {
    up += entry.up;
    total += entry.up + entry.down;
  }
  return total ? (up / total) * 100 : null;
}

function thumbsCount(thumbs: SummaryFigures['thumbs']): number {
  return Object.values(thumbs).reduce((sum, entry) => sum + entry.up + entry.down, 0);
}

const asPercent = (value: number) => formatPercent(value);
const ratePercent = (rate: number | null) => (rate === null ? null : rate * 100);

export function KpiCards({
  summary,
  funnel,
  filters,
  questions,
  questionKind,
  error,
  retry,
}: {
  summary: Summary | undefined;
  funnel: Funnel | undefined;
  filters: PageFilters;
  /** The questions by name, the organization's own among them. */
  questions: FilterQuestion[];
  /** The figure the page's question counts in. */
  questionKind: FigureKind;
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
  const { csat, nps, thumbs, messages, previous } = summary;
  const range = { from: summary.from, to: summary.to };
  const link = (figure: Figure, count: number) =>
    count > 0 ? inboxLink(figure, range, filters, questionKind) : undefined;
  // Effort is asked only by an organization's own questions: its figure shows where there are some.
  const ces = summary.ces;
  const showCes = ces !== undefined && (ces.responses > 0 || questionKind === 'ces');
  const thumbCodes = Object.keys(thumbs).filter((code) => thumbs[code]!.up + thumbs[code]!.down > 0);
  const thumbTotal = thumbsCount(thumbs);
  const npsTotal = nps.promoters + nps.passives + nps.detractors;
  const share = (n: number) => (npsTotal ? `${(n / npsTotal) * 100}%` : '0%');
  const messageTotal = messages.likes + messages.dislikes;
  const responseRate = funnel?.response_rate ?? csat.response_rate;

  return (
    <div className={showCes ? 'kpis kpis-six' : 'kpis'} role="list" aria-label="Key figures">
      <div role="listitem">
        <Kpi
          label="CSAT"
          value={formatPercent(csat.score)}
          badge={csat.responses > 0 && csat.low_sample ? <LowSample /> : null}
          hint="Share of 4 and 5 star answers"
          change={{ now: csat.score, before: previous.csat.score, format: asPercent, unit: 'pts', previous }}
          to={link('csat', csat.responses)}
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
                <span className="kpi-strong">{formatAverage(csat.average)}</span> avg ·{' '}
                {plural(csat.responses, 'response')}
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
          change={{ now: nps.score, before: previous.nps.score, format: formatNps, unit: '', previous }}
          to={link('nps', nps.responses)}
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
      {showCes ? (
        <div role="listitem">
          <Kpi
            label="CES"
            value={formatAverage(ces.average)}
            badge={ces.responses > 0 && ces.low_sample ? <LowSample /> : null}
            hint="Mean effort answer, 1 (hardest) to 7 (easiest)"
            change={{
              now: ces.average,
              before: previous.ces?.average ?? null,
              format: formatAverage,
              unit: '',
              digits: 2,
              previous,
            }}
            to={link('ces', ces.responses)}
          >
            {ces.responses > 0 ? <p>of 7 · {plural(ces.responses, 'response')}</p> : <p>No effort answers yet</p>}
          </Kpi>
        </div>
      ) : null}
      <div role="listitem">
        <Kpi
          label="Thumbs up"
          value={formatPercent(thumbsPercent(thumbs))}
          badge={thumbTotal > 0 && thumbTotal < 30 ? <LowSample /> : null}
          hint="Thumbs up among thumbs answers"
          change={{
            now: thumbsPercent(thumbs),
            before: thumbsPercent(previous.thumbs),
            format: asPercent,
            unit: 'pts',
            previous,
          }}
          to={link('thumbs', thumbTotal)}
        >
          {thumbCodes.length === 0 ? (
            <p>No thumbs answers yet</p>
          ) : (
            thumbCodes.map((code) => (
              <p key={code}>
                <span className="kpi-strong">{formatRate(thumbs[code]!.up_rate)}</span> {questionLabel(questions, code)}{' '}
                ({formatCount(thumbs[code]!.up + thumbs[code]!.down)})
              </p>
            ))
          )}
        </Kpi>
      </div>
      <div role="listitem">
        <Kpi
          label="Message likes"
          value={formatRate(messages.like_rate)}
          badge={messageTotal > 0 && messages.low_sample ? <LowSample /> : null}
          hint="Likes among likes and dislikes on single messages"
          change={{
            now: ratePercent(messages.like_rate),
            before: ratePercent(previous.messages.like_rate),
            format: asPercent,
            unit: 'pts',
            previous,
          }}
          to={link('message_likes', messageTotal)}
        >
          {filters.question_code ? (
            <p>Message feedback answers no question</p>
          ) : (
            <p>
              <span className="count count-good">
                <Icon name="thumbsUp" size={13} /> {formatCount(messages.likes)}
                <span className="visually-hidden"> likes</span>
              </span>{' '}
              <span className="count count-bad">
                <Icon name="thumbsDown" size={13} /> {formatCount(messages.dislikes)}
                <span className="visually-hidden"> dislikes</span>
              </span>
            </p>
          )}
        </Kpi>
      </div>
      <div role="listitem">
        <Kpi
          label="Response rate"
          value={formatRate(responseRate)}
          hint="Answered among offered questions"
          change={
            funnel
              ? {
                  now: ratePercent(funnel.response_rate),
                  before: ratePercent(funnel.previous.response_rate),
                  format: asPercent,
                  unit: 'pts',
                  previous: funnel.previous,
                }
              : undefined
          }
          to={link('response_rate', funnel?.answered ?? csat.responses)}
        >
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
