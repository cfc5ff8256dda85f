import { formatDate, formatShortDate, formatTime } from './format';

/** A time in a list, with its day said: `Today, 14:05`, else `12 Mar`, else `12 Mar 2025`. */
export function formatWhen(iso: string): string {
  return formatDate(iso) === formatDate(new Date().toISOString()) ? `Today, ${formatTime(iso)}` : formatShortDate(iso);
}
