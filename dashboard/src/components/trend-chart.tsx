import { useId } from 'react';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type DotItemDotProps,
  type TooltipContentProps,
  type TooltipValueType as ValueType,
} from 'recharts';
import type { Interval, SeriesPoint } from '../api/types';
import { formatCount, formatDay, formatMonth } from '../lib/format';
import { Link } from '../lib/router';

export interface TrendChartProps {
  title: string;
  points: SeriesPoint[];
  interval: Interval;
  /** How a value reads: `82%`, `+34`. */
  format: (value: number) => string;
  domain: [number, number];
  color: string;
  /** Today, in the organization's zone: a partial period that reaches it is "so far". */
  today: string;
  /** Where a point leads (its conversations); none for a point without responses. */
  linkOf?: (point: SeriesPoint) => string | undefined;
  onSelect?: (point: SeriesPoint) => void;
}

interface ChartPoint extends SeriesPoint {
  /** The value on the solid line: whole periods only. */
  solid: number | null;
  /** The value on the dashed line: partial periods, and the whole ones beside them, so that the line joins up. */
  dashed: number | null;
  /** The period is under way (or ahead): its figure is a figure so far. */
  current: boolean;
}

export function periodLabel(period: string, interval: Interval, long = false): string {
  if (interval === 'month') return formatMonth(period);
  if (interval === 'week') return long ? `Week of ${formatDay(period, true)}` : formatDay(period);
  return formatDay(period, long);
}

/** What part of its period a partial point covers, in words. */
export function partialNote(point: SeriesPoint, current: boolean): string | null {
  if (!point.partial) return null;
  if (current) return 'so far';
  return point.from === point.to
    ? `${formatDay(point.from)} only`
    : `${formatDay(point.from)} – ${formatDay(point.to)} only`;
}

function chartPoints(points: SeriesPoint[], today: string): ChartPoint[] {
  return points.map((point, index) => {
    const beside = [points[index - 1], points[index + 1]].some((other) => other?.partial && other.value !== null);
    return {
      ...point,
      solid: point.partial ? null : point.value,
      dashed: point.partial || beside ? point.value : null,
      current: point.partial && point.to >= today,
    };
  });
}

/**
 * A metric over time: a solid line through whole periods, a dashed one to a period under way or cut by the range
 * (its dot hollow, "so far" beside it), and faded dots where fewer than 30 responses stand behind a figure. A click
 * on a point opens its conversations; a visually hidden table carries the same data and links.
 */
export function TrendChart({
  title,
  points,
  interval,
  format,
  domain,
  color,
  today,
  linkOf,
  onSelect,
}: TrendChartProps) {
  const tableId = useId();
  const data = chartPoints(points, today);
  const answered = data.filter((point) => point.value !== null);
  // Percentages and NPS on their usual marks; any other scale (CES, 1-7) on each of its whole numbers.
  const ticks =
    domain[0] < 0
      ? [-100, -50, 0, 50, 100]
      : domain[1] === 100
        ? [0, 25, 50, 75, 100]
        : Array.from({ length: domain[1] - domain[0] + 1 }, (_, at) => domain[0] + at);
  const clickable = Boolean(onSelect);

  const TooltipContent = ({ active, payload }: TooltipContentProps<ValueType, string | number>) => {
    const point = active ? (payload?.[0]?.payload as ChartPoint | undefined) : undefined;
    if (!point) return null;
    const note = partialNote(point, point.current);
    return (
      <div className="chart-tooltip">
        <p className="chart-tooltip-period">
          {periodLabel(point.period, interval, true)}
          {note ? ` · ${note}` : ''}
        </p>
        <p className="chart-tooltip-value">{point.value === null ? 'No answers' : format(point.value)}</p>
        <p className="chart-tooltip-meta">
          {formatCount(point.responses)} response{point.responses === 1 ? '' : 's'}
        </p>
        {point.responses > 0 && point.low_sample ? (
          <p className="chart-tooltip-warn">Fewer than 30 responses: the figure can swing a lot.</p>
        ) : null}
        {clickable && point.responses > 0 ? <p className="chart-tooltip-hint">Click to see the conversations</p> : null}
      </div>
    );
  };

  const Dot = ({ cx, cy, payload, index }: DotItemDotProps) => {
    const point = payload as ChartPoint;
    if (cx === undefined || cy === undefined || point.value === null) return null;
    const faded = point.low_sample && point.responses > 0;
    const select = clickable && point.responses > 0 ? () => onSelect?.(point) : undefined;
    return (
      <g
        key={index}
        className="trend-dot"
        data-period={point.period}
        data-partial={point.partial || undefined}
        onClick={
          select &&
          ((event) => {
            // The chart's own click handler would select the same point again.
            event.stopPropagation();
            select();
          })
        }
      >
        {/* A target the size of a fingertip around the dot. */}
        {select ? <circle cx={cx} cy={cy} r={11} fill="transparent" /> : null}
        {point.partial ? (
          <circle cx={cx} cy={cy} r={4} fill="#fff" stroke={color} strokeWidth={2} />
        ) : (
          <circle cx={cx} cy={cy} r={3.5} fill={color} fillOpacity={faded ? 0.35 : 1} />
        )}
        {point.current ? (
          <text x={cx} y={cy - 9} textAnchor="end" className="trend-so-far" fill={color}>
            so far
          </text>
        ) : null}
      </g>
    );
  };

  return (
    <div className="trend-chart">
      {answered.length === 0 ? (
        <div className="chart-empty">
          <p>No answers in this range.</p>
        </div>
      ) : (
        <div
          className={`chart-area${clickable ? ' is-clickable' : ''}`}
          aria-hidden="true"
          data-testid={`chart-${title}`}
        >
          <ResponsiveContainer width="100%" height={180}>
            <LineChart
              data={data}
              margin={{ top: 16, right: 12, bottom: 0, left: 0 }}
              accessibilityLayer={false}
              onClick={(state) => {
                const index = typeof state.activeIndex === 'number' ? state.activeIndex : Number(state.activeIndex);
                const point = Number.isInteger(index) ? points[index] : undefined;
                if (point && point.responses > 0) onSelect?.(point);
              }}
            >
              <CartesianGrid vertical={false} stroke="#eef0f3" />
              <XAxis
                dataKey="period"
                tickFormatter={(period: string) => periodLabel(period, interval)}
                tick={{ fontSize: 11, fill: '#5b6472' }}
                tickLine={false}
                axisLine={{ stroke: '#e4e7ec' }}
                minTickGap={24}
              />
              <YAxis
                domain={domain}
                ticks={ticks}
                tickFormatter={(value: number) => format(value)}
                tick={{ fontSize: 11, fill: '#5b6472' }}
                tickLine={false}
                axisLine={false}
                width={44}
              />
              {domain[0] < 0 ? <ReferenceLine y={0} stroke="#c9ced6" /> : null}
              <Tooltip content={TooltipContent} cursor={{ stroke: '#c9ced6', strokeDasharray: '3 3' }} />
              <Line
                type="linear"
                dataKey="solid"
                stroke={color}
                strokeWidth={2}
                dot={false}
                activeDot={false}
                isAnimationActive={false}
                connectNulls={false}
              />
              <Line
                type="linear"
                dataKey="dashed"
                className="trend-line-partial"
                stroke={color}
                strokeWidth={2}
                strokeDasharray="5 4"
                strokeOpacity={0.75}
                dot={false}
                activeDot={false}
                isAnimationActive={false}
                connectNulls={false}
              />
              <Line
                type="linear"
                dataKey="value"
                stroke="none"
                dot={Dot}
                activeDot={{ r: 5, fill: color, stroke: '#fff', strokeWidth: 2 }}
                isAnimationActive={false}
                connectNulls={false}
              />
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
      {/* Hidden in a box of its own: a table is never narrower than its cells, and would widen a phone's page. */}
      <div className="visually-hidden">
        <table id={tableId}>
          <caption>
            {title} by {interval}
          </caption>
          <thead>
            <tr>
              <th scope="col">Period</th>
              <th scope="col">{title}</th>
              <th scope="col">Responses</th>
            </tr>
          </thead>
          <tbody>
            {data.map((point) => {
              const note = partialNote(point, point.current);
              const link = linkOf?.(point);
              return (
                <tr key={point.period}>
                  <th scope="row">
                    {periodLabel(point.period, interval, true)}
                    {note ? ` (${note})` : ''}
                  </th>
                  <td>{point.value === null ? 'No answers' : format(point.value)}</td>
                  <td>
                    {link ? (
                      // Reached by a screen reader's browse mode; the chart's dots serve the mouse and touch.
                      <Link to={link} tabIndex={-1}>
                        {point.responses}
                        {point.low_sample ? ', fewer than 30' : ''}
                      </Link>
                    ) : (
                      point.responses
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
