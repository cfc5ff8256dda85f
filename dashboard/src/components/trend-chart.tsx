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
  type TooltipContentProps,
  type TooltipValueType as ValueType,
} from 'recharts';
import type { Interval, SeriesPoint } from '../api/types';
import { formatCount, formatDay, formatMonth } from '../lib/format';

export interface TrendChartProps {
  title: string;
  points: SeriesPoint[];
  interval: Interval;
  /** How a value reads: `82%`, `+34`. */
  format: (value: number) => string;
  domain: [number, number];
  color: string;
}

function periodLabel(period: string, interval: Interval, long = false): string {
  if (interval === 'month') return formatMonth(period);
  if (interval === 'week') return long ? `Week of ${formatDay(period, true)}` : formatDay(period);
  return formatDay(period, long);
}

/** A metric over time as a line with a dot per period; a visually hidden table carries the same data. */
export function TrendChart({ title, points, interval, format, domain, color }: TrendChartProps) {
  const tableId = useId();
  const answered = points.filter((point) => point.value !== null);
  const ticks = domain[0] < 0 ? [-100, -50, 0, 50, 100] : [0, 25, 50, 75, 100];

  const TooltipContent = ({ active, payload }: TooltipContentProps<ValueType, string | number>) => {
    const point = active ? (payload?.[0]?.payload as SeriesPoint | undefined) : undefined;
    if (!point) return null;
    return (
      <div className="chart-tooltip">
        <p className="chart-tooltip-period">{periodLabel(point.period, interval, true)}</p>
        <p className="chart-tooltip-value">{point.value === null ? 'No answers' : format(point.value)}</p>
        <p className="chart-tooltip-meta">
          {formatCount(point.responses)} response{point.responses === 1 ? '' : 's'}
        </p>
      </div>
    );
  };

  return (
    <div className="trend-chart">
      {answered.length === 0 ? (
        <div className="chart-empty">
          <p>No answers in this range.</p>
        </div>
      ) : (
        <div className="chart-area" aria-hidden="true" data-testid={`chart-${title}`}>
          <ResponsiveContainer width="100%" height={180}>
            <LineChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: 0 }} accessibilityLayer={false}>
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
                dataKey="value"
                stroke={color}
                strokeWidth={2}
                dot={{ r: 3, fill: color, strokeWidth: 0 }}
                activeDot={{ r: 5, fill: color, stroke: '#fff', strokeWidth: 2 }}
                isAnimationActive={false}
                connectNulls={false}
              />
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
      <table className="visually-hidden" id={tableId}>
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
          {points.map((point) => (
            <tr key={point.period}>
              <th scope="row">{periodLabel(point.period, interval, true)}</th>
              <td>{point.value === null ? 'No answers' : format(point.value)}</td>
              <td>{point.responses}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
