/** Numbers and dates as the dashboard shows them, in the organization's time zone. */

let timeZone: string | undefined;

/** Dates and times show in this IANA zone (the organization's reporting zone). */
export function setDisplayTimeZone(zone: string | undefined): void {
  try {
    if (zone) new Intl.DateTimeFormat('en', { timeZone: zone });
    timeZone = zone;
  } catch {
    timeZone = undefined;
  }
}

const integer = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

/** `1 response`, `3 responses`. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : pluralForm}`;
}

export function formatCount(value: number): string {
  return value >= 10_000 ? compact.format(value) : integer.format(value);
}

/** A 0-1 rate as a percentage, or an en dash when there is none. */
export function formatRate(rate: number | null | undefined, digits = 0): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return '–';
  return `${(rate * 100).toFixed(digits)}%`;
}

/** A 0-100 score as a percentage. */
export function formatPercent(score: number | null | undefined, digits = 0): string {
  if (score === null || score === undefined || Number.isNaN(score)) return '–';
  return `${score.toFixed(digits)}%`;
}

/** An NPS (-100..100) with its sign. */
export function formatNps(score: number | null | undefined): string {
  if (score === null || score === undefined || Number.isNaN(score)) return '–';
  const rounded = Math.round(score);
  return rounded > 0 ? `+${rounded}` : String(rounded);
}

export function formatAverage(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  return value.toFixed(2);
}

function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-GB', { ...options, ...(timeZone ? { timeZone } : {}) });
}

/** `12 Mar 2026, 14:05` */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '–';
  return dateFormat({ day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );
}

/** `12 Mar 2026` */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '–';
  return dateFormat({ day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(iso));
}

/** `14:05` */
export function formatTime(iso: string): string {
  return dateFormat({ hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

/** A short date for lists: the time today, else `12 Mar`, else `12 Mar 2025`. */
export function formatShortDate(iso: string, now = new Date()): string {
  const date = new Date(iso);
  const day = (d: Date) => dateFormat({ year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
  if (day(date) === day(now)) return formatTime(iso);
  const sameYear = dateFormat({ year: 'numeric' }).format(date) === dateFormat({ year: 'numeric' }).format(now);
  return dateFormat(
    sameYear ? { day: 'numeric', month: 'short' } : { day: 'numeric', month: 'short', year: 'numeric' },
  ).format(date);
}

/** A calendar day `YYYY-MM-DD` (as the API's analytics speak) as `12 Mar`. */
export function formatDay(day: string, withYear = false): string {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  }).format(date);
}

/** `YYYY-MM` or a month's first day as `Mar 2026`. */
export function formatMonth(day: string): string {
  const [y, m] = day.split('-').map(Number);
  return new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, 1)),
  );
}

/** Today in the display zone, `YYYY-MM-DD`. */
export function today(): string {
  return new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date());
}

/** The day `days` after `day` (negative: before). */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days));
  return date.toISOString().slice(0, 10);
}

/** The first 8 characters of a UUID, for people to tell ids apart. */
export function shortId(uuid: string | null | undefined): string {
  return uuid ? uuid.slice(0, 8) : '–';
}

export const channelNames: Record<string, string> = {
  widget_chat: 'Web chat',
  email: 'Email',
  whatsapp: 'WhatsApp',
  phone: 'Phone',
  sms: 'SMS',
  messenger: 'Messenger',
  instagram: 'Instagram',
  voice: 'Voice',
};

export function channelName(channel: string | null | undefined): string {
  if (!channel) return 'No channel';
  return channelNames[channel] ?? channel.replace(/_/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
}

export const questionNames: Record<string, { label: string; kind: 'stars' | 'nps' | 'thumbs'; hint: string }> = {
  STARS: { label: 'Star rating', kind: 'stars', hint: '1–5 stars for the whole conversation' },
  CSAT: { label: 'Satisfaction (CSAT)', kind: 'stars', hint: '1–5: how satisfied the customer was' },
  NPS: { label: 'Net Promoter Score', kind: 'nps', hint: '0–10: how likely they are to recommend you' },
  HELPFUL_THUMBS: { label: 'Was this helpful?', kind: 'thumbs', hint: 'Thumbs up or down' },
  EXPERIENCE_THUMBS: { label: 'Good experience?', kind: 'thumbs', hint: 'Thumbs up or down' },
};

export function questionName(code: string): string {
  return questionNames[code]?.label ?? code;
}
