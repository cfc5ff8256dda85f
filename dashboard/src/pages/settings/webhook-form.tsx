import { useState, type FormEvent } from 'react';
import { ApiError, request } from '../../api/client';
import type { EventType, Webhook, WebhookFilters } from '../../api/admin-types';
import { Icon } from '../../components/icons';
import { Card, Switch } from '../../components/ui';
import { EVENT_TYPES } from '../../lib/webhook-events';

/** The CES bounds offered, with the words the rating page shows for them (1 "Very difficult" … 7 "Very easy"). */
const CES_BOUNDS: Array<[number, string]> = [
  [1, 'very difficult'],
  [2, 'difficult'],
  [3, 'somewhat difficult'],
  [4, 'neutral'],
];

interface Draft {
  url: string;
  event_types: EventType[];
  enabled: boolean;
  max_stars: string;
  max_nps: string;
  max_ces: string;
  thumbs: string;
}

function draftOf(webhook?: Webhook): Draft {
  const rating = webhook?.filters.rating ?? {};
  return {
    url: webhook?.url ?? '',
    event_types: webhook?.event_types ?? ['rating.submitted', 'feedback.created'],
    enabled: webhook?.enabled ?? true,
    max_stars: rating.max_stars === undefined ? '' : String(rating.max_stars),
    max_nps: rating.max_nps === undefined ? '' : String(rating.max_nps),
    max_ces: rating.max_ces === undefined ? '' : String(rating.max_ces),
    thumbs: rating.thumbs ?? '',
  };
}

function filtersOf(draft: Draft): WebhookFilters {
  const rating: NonNullable<WebhookFilters['rating']> = {};
  if (draft.max_stars) rating.max_stars = Number(draft.max_stars);
  if (draft.max_nps) rating.max_nps = Number(draft.max_nps);
  if (draft.max_ces) rating.max_ces = Number(draft.max_ces);
  if (draft.thumbs) rating.thumbs = draft.thumbs as 'up' | 'down';
  return Object.keys(rating).length ? { rating } : {};
}

/** Creates a webhook (answers it with its secret) or changes one. */
export function WebhookForm({
  webhook,
  onSaved,
  onCancel,
}: {
  webhook?: Webhook;
  onSaved: (saved: Webhook & { secret?: string }) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(webhook));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof Draft>(field: K, value: Draft[K]) => setDraft((d) => ({ ...d, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!/^https?:\/\/\S+$/.test(draft.url.trim()))
      return setError('Enter the address that receives the events, starting with https://.');
    if (draft.event_types.length === 0) return setError('Choose at least one event.');
    setSaving(true);
    setError(null);
    const body = {
      url: draft.url.trim(),
      event_types: draft.event_types,
      enabled: draft.enabled,
      filters: filtersOf(draft),
    };
    try {
      const { data } = await request<{ data: Webhook & { secret?: string } }>(
        webhook ? `/v1/webhooks/${webhook.id}` : '/v1/webhooks',
        { method: webhook ? 'PATCH' : 'POST', body },
      );
      onSaved(data);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'The webhook could not be saved. Try again.');
    } finally {
      setSaving(false);
    }
  };

  const toggle = (type: EventType) =>
    set(
      'event_types',
      draft.event_types.includes(type) ? draft.event_types.filter((t) => t !== type) : [...draft.event_types, type],
    );

  return (
    <Card
      title={webhook ? 'Edit webhook' : 'Add a webhook'}
      description="Plaudit sends each event as a signed POST to your address, and retries for up to two days."
    >
      <form className="card-body inline-form" onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor="webhook-url">Endpoint URL</label>
          <input
            id="webhook-url"
            type="url"
            inputMode="url"
            value={draft.url}
            placeholder="https://example.com/plaudit-events"
            onChange={(event) => set('url', event.target.value)}
          />
        </div>
        <fieldset className="field">
          <legend>Events</legend>
          <ul className="choice-grid">
            {EVENT_TYPES.map((type) => {
              const checked = draft.event_types.includes(type.value);
              return (
                <li key={type.value}>
                  <label className={`check-card${checked ? ' is-checked' : ''}`}>
                    <input type="checkbox" checked={checked} onChange={() => toggle(type.value)} />
                    <span className="check-card-text">
                      <span className="check-card-title">{type.label}</span>
                      <span className="check-card-hint">{type.hint}</span>
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>
        {draft.event_types.includes('rating.submitted') ? (
          <fieldset className="field">
            <legend>Which ratings to send</legend>
            <p className="field-hint">
              Send only the low answers, to act on them at once. Leave “Any” to send every answer. Choice and text
              answers are always sent.
            </p>
            <div className="filter-grid">
              <label className="filter-select">
                <span className="filter-label">Stars and CSAT</span>
                <select value={draft.max_stars} onChange={(event) => set('max_stars', event.target.value)}>
                  <option value="">Any</option>
                  {[1, 2, 3, 4].map((n) => (
                    <option key={n} value={n}>
                      {n} {n === 1 ? 'star' : 'stars'} or fewer
                    </option>
                  ))}
                </select>
              </label>
              <label className="filter-select">
                <span className="filter-label">NPS</span>
                <select value={draft.max_nps} onChange={(event) => set('max_nps', event.target.value)}>
                  <option value="">Any</option>
                  {[0, 3, 6, 8].map((n) => (
                    <option key={n} value={n}>
                      {n} or lower
                    </option>
                  ))}
                </select>
              </label>
              <label className="filter-select">
                <span className="filter-label">Customer effort (CES)</span>
                <select value={draft.max_ces} onChange={(event) => set('max_ces', event.target.value)}>
                  <option value="">Any</option>
                  {CES_BOUNDS.map(([n, word]) => (
                    <option key={n} value={n}>
                      {n} ({word}) or lower
                    </option>
                  ))}
                </select>
              </label>
              <label className="filter-select">
                <span className="filter-label">Thumbs</span>
                <select value={draft.thumbs} onChange={(event) => set('thumbs', event.target.value)}>
                  <option value="">Any</option>
                  <option value="down">Thumbs down only</option>
                  <option value="up">Thumbs up only</option>
                </select>
              </label>
            </div>
          </fieldset>
        ) : null}
        <Switch
          checked={draft.enabled}
          onChange={(value) => set('enabled', value)}
          label="Enabled"
          description="A disabled webhook receives nothing but test events."
        />
        {error ? (
          <p className="form-alert" role="alert">
            <Icon name="alert" size={15} /> {error}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="button" className="button button-ghost" onClick={onCancel} disabled={saving}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={saving}>
            {saving ? 'Saving…' : webhook ? 'Save changes' : 'Add webhook'}
          </button>
        </div>
      </form>
    </Card>
  );
}
