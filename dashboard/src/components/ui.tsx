import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { ApiError } from '../api/client';
import { Icon, type IconName } from './icons';

export function Spinner({ label = 'Loading' }: { label?: string }) {
  return (
    <span className="spinner" role="status">
      <span className="visually-hidden">{label}</span>
    </span>
  );
}

/** Grey bars where content is about to appear. */
export function Skeleton({ lines = 3, height }: { lines?: number; height?: number }) {
  return (
    <div className="skeleton" aria-hidden="true">
      {Array.from({ length: lines }, (_, i) => (
        <span key={i} style={height ? { height } : undefined} />
      ))}
    </div>
  );
}

export function EmptyState({
  icon = 'inbox',
  title,
  children,
}: {
  icon?: IconName;
  title: string;
  children?: ReactNode;
}) {
  return (
    <div className="empty-state">
      <span className="empty-icon">
        <Icon name={icon} size={20} />
      </span>
      <p className="empty-title">{title}</p>
      {children ? <div className="empty-body">{children}</div> : null}
    </div>
  );
}

/** What went wrong loading `what`, with a retry; a route the server lacks gets its own, calmer sentence. */
export function ErrorState({ error, what, onRetry }: { error: ApiError; what: string; onRetry?: () => void }) {
  if (error.missingRoute) {
    return (
      <EmptyState icon="clock" title={`${what} ${what.endsWith('s') ? 'are' : 'is'} not available on this server yet`}>
        <p>This Plaudit server does not offer that part of the API. Update it to see this view.</p>
      </EmptyState>
    );
  }
  return (
    <div className="error-state" role="alert">
      <Icon name="alert" size={18} />
      <div>
        <p className="error-title">Couldn’t load {what.toLowerCase()}</p>
        <p className="error-body">{error.message}</p>
      </div>
      {onRetry ? (
        <button type="button" className="button button-secondary button-small" onClick={onRetry}>
          <Icon name="refresh" size={14} /> Retry
        </button>
      ) : null}
    </div>
  );
}

export type Tone = 'neutral' | 'good' | 'warn' | 'bad' | 'info' | 'accent';

export function Badge({ tone = 'neutral', children, title }: { tone?: Tone; children: ReactNode; title?: string }) {
  return (
    <span className={`badge badge-${tone}`} title={title}>
      {children}
    </span>
  );
}

export function LowSample() {
  return (
    <Badge tone="warn" title="Fewer than 30 responses: the number can swing a lot.">
      Low sample
    </Badge>
  );
}

/** 1-5 stars, read out as "4 of 5 stars". */
export function Stars({ value, size = 14 }: { value: number; size?: number }) {
  return (
    <span className="stars" role="img" aria-label={`${value} of 5 stars`}>
      {[1, 2, 3, 4, 5].map((n) => (
        <svg
          key={n}
          width={size}
          height={size}
          viewBox="0 0 24 24"
          aria-hidden="true"
          className={n <= value ? 'star star-on' : 'star'}
        >
          <polygon points="12 2 15.09 8.26 22 9.27 17 14.14 18.18 21.02 12 17.77 5.82 21.02 7 14.14 2 9.27 8.91 8.26 12 2" />
        </svg>
      ))}
    </span>
  );
}

export function npsTone(value: number): Tone {
  if (value >= 9) return 'good';
  if (value >= 7) return 'warn';
  return 'bad';
}

export function NpsValue({ value }: { value: number }) {
  const group = value >= 9 ? 'promoter' : value >= 7 ? 'passive' : 'detractor';
  return (
    <Badge tone={npsTone(value)} title={`Likelihood to recommend: ${value} of 10 (${group})`}>
      NPS {value}
    </Badge>
  );
}

export function Thumb({ value, label }: { value: 'up' | 'down'; label: string }) {
  return (
    <span className={`thumb thumb-${value}`} title={`${label}: ${value === 'up' ? 'yes' : 'no'}`}>
      <Icon name={value === 'up' ? 'thumbsUp' : 'thumbsDown'} size={14} />
      <span className="visually-hidden">
        {label}: thumbs {value}
      </span>
    </span>
  );
}

/** Likes, dislikes and comments of a message or conversation; zeros are dimmed. */
export function FeedbackCounts({
  likes,
  dislikes,
  comments,
  compact = false,
}: {
  likes: number;
  dislikes: number;
  comments: number;
  compact?: boolean;
}) {
  const item = (icon: IconName, count: number, singular: string, plural: string, tone: string) => (
    <span className={`count count-${tone}${count === 0 ? ' count-zero' : ''}`}>
      <Icon name={icon} size={13} />
      <span aria-hidden="true">{count}</span>
      <span className="visually-hidden">
        {count} {count === 1 ? singular : plural}
      </span>
    </span>
  );
  if (compact && likes + dislikes + comments === 0) return <span className="muted">–</span>;
  return (
    <span className="counts">
      {item('thumbsUp', likes, 'like', 'likes', 'good')}
      {item('thumbsDown', dislikes, 'dislike', 'dislikes', 'bad')}
      {item('comment', comments, 'comment', 'comments', 'neutral')}
    </span>
  );
}

export function Switch({
  checked,
  onChange,
  label,
  description,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: string;
  description?: ReactNode;
}) {
  const id = useId();
  return (
    <div className="switch-row">
      <div>
        <label className="switch-label" htmlFor={id}>
          {label}
        </label>
        {description ? (
          <p className="field-hint" id={`${id}-hint`}>
            {description}
          </p>
        ) : null}
      </div>
      <button
        id={id}
        type="button"
        role="switch"
        aria-checked={checked}
        aria-describedby={description ? `${id}-hint` : undefined}
        className="switch"
        onClick={() => onChange(!checked)}
      >
        <span className="switch-thumb" />
      </button>
    </div>
  );
}

/** A single choice among a few, as radio buttons that look like a segmented control. */
export function Segmented<T extends string>({
  label,
  options,
  value,
  onChange,
  hideLabel = true,
}: {
  label: string;
  options: Array<{ value: T; label: string }>;
  value: T;
  onChange: (value: T) => void;
  hideLabel?: boolean;
}) {
  const name = useId();
  return (
    <fieldset className="segmented">
      <legend className={hideLabel ? 'visually-hidden' : 'segmented-legend'}>{label}</legend>
      <div className="segmented-options">
        {options.map((option) => (
          <label key={option.value} className="segmented-option">
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function Card({
  title,
  description,
  actions,
  children,
  className,
  id,
}: {
  title?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  id?: string;
}) {
  const headingId = useId();
  return (
    <section
      className={`card${className ? ` ${className}` : ''}`}
      aria-labelledby={title ? headingId : undefined}
      id={id}
    >
      {title || actions ? (
        <header className="card-header">
          <div>
            {title ? (
              <h2 className="card-title" id={headingId}>
                {title}
              </h2>
            ) : null}
            {description ? <p className="card-description">{description}</p> : null}
          </div>
          {actions ? <div className="card-actions">{actions}</div> : null}
        </header>
      ) : null}
      {children}
    </section>
  );
}

export type ExportFormat = 'csv' | 'jsonl';

/** Links to download the exports with the current filters; the session cookie authenticates the GETs. */
export function ExportMenu({
  query,
  label = 'Export',
  note = 'With the filters shown.',
}: {
  query: string;
  label?: string;
  /** What the files hold, in a sentence under the links. */
  note?: string;
}) {
  const kinds = [
    { kind: 'conversations', label: 'Conversations' },
    { kind: 'ratings', label: 'Ratings' },
    { kind: 'feedback', label: 'Message feedback' },
  ];
  const menu = useRef<HTMLDetailsElement>(null);
  // Like any menu: Escape or a click elsewhere closes it.
  useEffect(() => {
    const close = (event: Event) => {
      const details = menu.current;
      if (!details?.open) return;
      if (event instanceof KeyboardEvent) {
        if (event.key !== 'Escape') return;
        details.open = false;
        details.querySelector('summary')?.focus();
      } else if (!details.contains(event.target as Node)) {
        details.open = false;
      }
    };
    document.addEventListener('keydown', close);
    document.addEventListener('click', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('click', close);
    };
  }, []);
  return (
    <details className="menu" ref={menu}>
      <summary className="button button-secondary">
        <Icon name="download" size={15} /> {label}
        <Icon name="chevronDown" size={14} />
      </summary>
      <div className="menu-panel">
        {kinds.map(({ kind, label: kindLabel }) => (
          <div key={kind} className="menu-row">
            <span className="menu-row-label">{kindLabel}</span>
            {(['csv', 'jsonl'] as const).map((format) => (
              <a
                key={format}
                className="menu-link"
                href={`/v1/exports/${kind}.${format}${query}`}
                download
                aria-label={`${kindLabel} as ${format.toUpperCase()}`}
              >
                {format.toUpperCase()}
              </a>
            ))}
          </div>
        ))}
        <p className="menu-note">{note}</p>
      </div>
    </details>
  );
}
