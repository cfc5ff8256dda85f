import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, request } from '../api/client';
import type { Language, RatingSettings, RatingSettingsDraft, RedirectPolicy, SettingsPreview } from '../api/types';
import { Icon } from '../components/icons';
import { SettingsNav } from '../components/settings-nav';
import { Card, ErrorState, Skeleton, Switch } from '../components/ui';
import { formatDateTime, questionNames } from '../lib/format';
import { LANGUAGES, languageName } from '../lib/languages';
import { Link } from '../lib/router';
import { useApi, useDebounced } from '../lib/use-api';
import { useSignedIn } from '../session';
import { InviteMessageField } from './settings/invite-message-field';
import { SurveyRulesCard } from './settings/survey-rules';
import { useUnsavedWarning } from '../lib/use-unsaved-warning';

const QUESTION_CODES = ['STARS', 'CSAT', 'NPS', 'HELPFUL_THUMBS', 'EXPERIENCE_THUMBS'];
const HEX = /^#(?:[0-9a-fA-F]{3}){1,2}$/;
const DEFAULT_COLOR = '#0f766e';

type Field = keyof RatingSettingsDraft;
type Errors = Partial<Record<Field | 'form', string>>;

function draftOf(settings: RatingSettings): RatingSettingsDraft {
  const {
    invite_message_default: _default,
    invite_message_builtin: _builtin,
    updated_at: _updated,
    ...draft
  } = settings;
  return draft;
}

/** The fields that differ from the saved settings: what PATCH needs. */
function changesOf(saved: RatingSettingsDraft, draft: RatingSettingsDraft): Partial<RatingSettingsDraft> {
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(draft) as Field[]) {
    if (JSON.stringify(draft[key]) !== JSON.stringify(saved[key])) changes[key] = draft[key];
  }
  // The two switches are one setting; the API wants them equal, so they travel together.
  if ('conv_rating_active' in changes || 'conv_rating_popup_active' in changes) {
    changes.conv_rating_active = draft.conv_rating_active;
    changes.conv_rating_popup_active = draft.conv_rating_active;
  }
  return changes as Partial<RatingSettingsDraft>;
}

/** Problems the browser can tell before asking the server; the server checks everything again. */
function checkDraft(draft: RatingSettingsDraft): Errors {
  const errors: Errors = {};
  const url = (value: string | null) => value === null || /^https?:\/\/\S+$/.test(value);
  if (!url(draft.review_link)) errors.review_link = 'Enter a web address starting with https://.';
  if (!url(draft.logo_url)) errors.logo_url = 'Enter a web address starting with https://.';
  if (draft.primary_color !== null && !HEX.test(draft.primary_color)) {
    errors.primary_color = 'Enter a hex colour such as #0f766e.';
  }
  if (
    !Number.isInteger(draft.invite_expiry_hours) ||
    draft.invite_expiry_hours < 1 ||
    draft.invite_expiry_hours > 720
  ) {
    errors.invite_expiry_hours = 'Enter a whole number of hours from 1 to 720 (30 days).';
  }
  if (draft.invite_message !== null && draft.invite_message.length > 1000) {
    errors.invite_message = 'Keep the message under 1,000 characters.';
  }
  if (draft.brand_name !== null && draft.brand_name.length > 100)
    errors.brand_name = 'Keep the name under 100 characters.';
  return errors;
}

/** Which field a server message such as `body.review_link must match format "uri"` is about. */
function fieldOfMessage(message: string): Field | undefined {
  const match = /\b(?:body|settings)\.([a-z_]+)/.exec(message);
  return match?.[1] as Field | undefined;
}

function errorsOf(error: unknown): Errors {
  if (error instanceof ApiError) {
    const field = fieldOfMessage(error.message);
    if (error.code === 'unknown_question_code') return { conv_rating_question_codes: error.message };
    if (error.code === 'rating_settings_mismatch') return { conv_rating_active: error.message };
    return field ? { [field]: error.message } : { form: error.message };
  }
  return { form: 'Something went wrong. Try again.' };
}

function base64url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The draft as the preview and PATCH take it: empty text fields are null ("use the default"). */
function normalized(draft: RatingSettingsDraft): RatingSettingsDraft {
  const blank = (value: string | null) => (value === null || value.trim() === '' ? null : value.trim());
  return {
    ...draft,
    conv_rating_popup_active: draft.conv_rating_active,
    invite_message: draft.invite_message === null || draft.invite_message.trim() === '' ? null : draft.invite_message,
    review_link: blank(draft.review_link),
    brand_name: blank(draft.brand_name),
    logo_url: blank(draft.logo_url),
    primary_color: blank(draft.primary_color),
  };
}

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="field-error" id={id}>
      <Icon name="alert" size={14} />
      {message}
    </p>
  );
}

function TextField({
  label,
  hint,
  error,
  value,
  onChange,
  type = 'text',
  placeholder,
  inputMode,
  className,
  children,
}: {
  label: string;
  hint?: ReactNode;
  error?: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'url' | 'number';
  placeholder?: string;
  inputMode?: 'numeric' | 'url' | 'text';
  className?: string;
  children?: ReactNode;
}) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="input-row">
        <input
          id={id}
          type={type}
          value={value}
          placeholder={placeholder}
          inputMode={inputMode}
          className={className}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
        />
        {children}
      </div>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

const policies: Array<{ value: RedirectPolicy; label: string; hint: string }> = [
  {
    value: 'high_ratings',
    label: 'Happy raters',
    hint: 'Raters who give at least the stars below go on to the review page.',
  },
  {
    value: 'everyone',
    label: 'Everyone',
    hint: 'Every rater is offered the link. Google and Trustpilot require this: they forbid asking only happy customers.',
  },
  { value: 'off', label: 'Never', hint: 'Nobody is sent to a review page.' },
];

export function SettingsPage() {
  const isAdmin = useSignedIn().user.role === 'admin';
  const loaded = useApi<{ data: RatingSettings }>('/v1/rating-settings');
  const [saved, setSaved] = useState<RatingSettings | null>(null);
  const [draft, setDraft] = useState<RatingSettingsDraft | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  if (loaded.data && !saved) {
    setSaved(loaded.data.data);
    setDraft(draftOf(loaded.data.data));
  }

  const changes = useMemo(() => (saved && draft ? changesOf(draftOf(saved), normalized(draft)) : {}), [saved, draft]);
  const dirty = Object.keys(changes).length > 0;

  useUnsavedWarning(dirty);

  if (loaded.error) {
    return (
      <div className="page">
        <PageHeader />
        <ErrorState error={loaded.error} what="The settings" onRetry={loaded.reload} />
      </div>
    );
  }
  if (!saved || !draft) {
    return (
      <div className="page">
        <PageHeader />
        <Skeleton lines={8} height={48} />
      </div>
    );
  }

  const set = <K extends Field>(key: K, value: RatingSettingsDraft[K]) => {
    setDraft((current) => (current ? { ...current, [key]: value } : current));
    setNotice(null);
    setErrors((current) => {
      if (!current[key] && !current.form) return current;
      const { [key]: _removed, form: _form, ...rest } = current;
      return rest;
    });
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const body = normalized(draft);
    const found = checkDraft(body);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setNotice(null);
      focusFirstError(formRef.current);
      return;
    }
    setSaving(true);
    try {
      const { data } = await request<{ data: RatingSettings }>('/v1/rating-settings', {
        method: 'PATCH',
        body: changes,
      });
      setSaved(data);
      setDraft(draftOf(data));
      setNotice('Settings saved. New invites use them from now on.');
    } catch (error) {
      setErrors(errorsOf(error));
      focusFirstError(formRef.current);
    } finally {
      setSaving(false);
    }
  };

  const discard = () => {
    setDraft(draftOf(saved));
    setErrors({});
    setNotice(null);
  };

  const codes = draft.conv_rating_question_codes;
  const toggleCode = (code: string) =>
    set('conv_rating_question_codes', codes.includes(code) ? codes.filter((c) => c !== code) : [...codes, code]);
  const colour = draft.primary_color ?? '';

  return (
    <div className="page">
      <PageHeader updatedAt={saved.updated_at} />
      {/* For agents every control is disabled (the API refuses their changes too). */}
      <fieldset className="settings-layout" disabled={!isAdmin}>
        <form className="settings-form" onSubmit={save} ref={formRef} noValidate aria-label="Rating settings">
          {errors.form ? (
            <div className="form-alert" role="alert">
              <Icon name="alert" size={16} />
              <p>{errors.form}</p>
            </div>
          ) : null}

          {!isAdmin ? (
            <p className="notice" role="note">
              <Icon name="eye" size={15} /> Only admins change these settings; you see them as they are.
            </p>
          ) : null}
          <Card title="Collecting ratings" description="What customers are asked when a conversation ends.">
            <div className="card-body">
              <Switch
                label="Ask for a rating when a conversation ends"
                description="Shows the rating popup in the chat widget. Rating invites sent through the API work either way."
                checked={draft.conv_rating_active}
                onChange={(on) => {
                  set('conv_rating_active', on);
                  set('conv_rating_popup_active', on);
                }}
              />
              <FieldError id="active-error" message={errors.conv_rating_active} />
              <fieldset className="field question-picker" aria-describedby="questions-hint">
                <legend>Popup questions</legend>
                <p className="field-hint" id="questions-hint">
                  Asked in the order you tick them. The rating page always starts with stars.
                </p>
                <ul>
                  {QUESTION_CODES.map((code) => {
                    const about = questionNames[code]!;
                    const position = codes.indexOf(code);
                    return (
                      <li key={code}>
                        <label className={`check-card${position >= 0 ? ' is-checked' : ''}`}>
                          <input type="checkbox" checked={position >= 0} onChange={() => toggleCode(code)} />
                          <span className="check-card-text">
                            <span className="check-card-title">{about.label}</span>
                            <span className="check-card-hint">
                              {about.hint} · <code>{code}</code>
                            </span>
                          </span>
                          {position >= 0 ? (
                            <span className="order" aria-label={`Question ${position + 1}`}>
                              {position + 1}
                            </span>
                          ) : null}
                        </label>
                      </li>
                    );
                  })}
                </ul>
                <FieldError id="codes-error" message={errors.conv_rating_question_codes} />
              </fieldset>
              <div className="widget-try">
                <p className="field-hint" id="widget-try-hint">
                  See the popup and the thumbs under each answer in a live chat, with the saved settings.
                </p>
                {/* A page of the server, not of this app: a plain link. */}
                <a className="button button-secondary" href="/widget-demo" aria-describedby="widget-try-hint">
                  Try the widget
                </a>
              </div>
            </div>
          </Card>

          <Card title="Invite message" description="The text your platform sends with the rating link.">
            <div className="card-body">
              <InviteMessageField
                value={draft.invite_message}
                saved={saved}
                error={errors.invite_message}
                onChange={(value) => set('invite_message', value)}
                onReset={(fresh) =>
                  setSaved((current) =>
                    current
                      ? {
                          ...current,
                          invite_message_default: fresh.invite_message_default,
                          invite_message_builtin: fresh.invite_message_builtin,
                        }
                      : current,
                  )
                }
              />
              <TextField
                label="Link expires after (hours)"
                type="number"
                inputMode="numeric"
                value={Number.isNaN(draft.invite_expiry_hours) ? '' : String(draft.invite_expiry_hours)}
                onChange={(value) => set('invite_expiry_hours', value === '' ? Number.NaN : Number(value))}
                hint={`From 1 to 720. ${expiryInWords(draft.invite_expiry_hours)}`}
                error={errors.invite_expiry_hours}
              />
            </div>
          </Card>

          <Card title="Public reviews" description="Send raters on to your page on a review site.">
            <div className="card-body">
              <TextField
                label="Review page"
                type="url"
                inputMode="url"
                placeholder="https://g.page/r/your-business/review"
                value={draft.review_link ?? ''}
                onChange={(value) => set('review_link', value)}
                error={errors.review_link}
                hint={
                  draft.review_link || draft.redirect_policy === 'off'
                    ? undefined
                    : 'No review page yet: nobody is sent on until you add one.'
                }
              />
              <fieldset className="field">
                <legend>Who is sent there</legend>
                <div className="radio-cards">
                  {policies.map((policy) => (
                    <label
                      key={policy.value}
                      className={`radio-card${draft.redirect_policy === policy.value ? ' is-checked' : ''}`}
                    >
                      <input
                        type="radio"
                        name="redirect_policy"
                        value={policy.value}
                        checked={draft.redirect_policy === policy.value}
                        onChange={() => set('redirect_policy', policy.value)}
                      />
                      <span>
                        <span className="check-card-title">{policy.label}</span>
                        <span className="check-card-hint">{policy.hint}</span>
                      </span>
                    </label>
                  ))}
                </div>
                <FieldError id="policy-error" message={errors.redirect_policy} />
              </fieldset>
              {draft.redirect_policy === 'high_ratings' ? (
                <div className="field">
                  <label htmlFor="min-stars">Lowest rating sent on</label>
                  <select
                    id="min-stars"
                    value={draft.redirect_min_stars}
                    onChange={(event) => set('redirect_min_stars', Number(event.target.value))}
                  >
                    {[5, 4, 3, 2, 1].map((n) => (
                      <option key={n} value={n}>
                        {n === 5 ? '5 stars only' : `${n} stars or more`}
                      </option>
                    ))}
                  </select>
                </div>
              ) : null}
            </div>
          </Card>

          <Card title="Rating page" description="How the page behind the link looks.">
            <div className="card-body">
              <div className="field">
                <label htmlFor="language">Language</label>
                <select
                  id="language"
                  value={draft.language ?? ''}
                  onChange={(event) =>
                    set('language', event.target.value === '' ? null : (event.target.value as Language))
                  }
                  aria-describedby="language-hint"
                >
                  <option value="">None (the browser’s language)</option>
                  {LANGUAGES.map((language) => (
                    <option key={language.code} value={language.code}>
                      {languageName(language.code)}
                    </option>
                  ))}
                </select>
                <p className="field-hint" id="language-hint">
                  The default: a conversation in a language of its own is rated in that one. Its words are in{' '}
                  <Link to="/settings/texts">Texts</Link>.
                </p>
              </div>
              <TextField
                label="Brand name"
                placeholder="Your organization’s name"
                value={draft.brand_name ?? ''}
                onChange={(value) => set('brand_name', value)}
                error={errors.brand_name}
              />
              <TextField
                label="Logo"
                type="url"
                inputMode="url"
                placeholder="https://example.com/logo.svg"
                hint="An https:// address of an image, shown at most 40 pixels high."
                value={draft.logo_url ?? ''}
                onChange={(value) => set('logo_url', value)}
                error={errors.logo_url}
              />
              <TextField
                label="Primary colour"
                className="colour-input"
                placeholder={DEFAULT_COLOR}
                hint="Buttons and selected stars. Text on it switches to black or white to stay readable."
                value={colour}
                onChange={(value) => set('primary_color', value)}
                error={errors.primary_color}
              >
                <input
                  type="color"
                  className="color-swatch"
                  aria-label="Pick the primary colour"
                  value={HEX.test(colour) && colour.length === 7 ? colour : DEFAULT_COLOR}
                  onChange={(event) => set('primary_color', event.target.value)}
                />
              </TextField>
            </div>
          </Card>
          <div className={`save-bar${dirty ? ' is-dirty' : ''}`} hidden={!isAdmin}>
            <p className="save-status" role="status">
              {notice ? (
                <span className="save-ok">
                  <Icon name="check" size={15} /> {notice}
                </span>
              ) : dirty ? (
                'You have unsaved changes.'
              ) : (
                'All changes saved.'
              )}
            </p>
            <div className="save-actions">
              <button type="button" className="button button-ghost" onClick={discard} disabled={!dirty || saving}>
                Discard
              </button>
              <button type="submit" className="button button-primary" disabled={!dirty || saving}>
                {saving ? 'Saving…' : 'Save changes'}
              </button>
            </div>
          </div>
        </form>

        <Preview draft={normalized(draft)} />
        <SurveyRulesCard isAdmin={isAdmin} expiryHours={saved.invite_expiry_hours} />
      </fieldset>
    </div>
  );
}

function PageHeader({ updatedAt }: { updatedAt?: string | null }) {
  return (
    <>
      <header className="page-header">
        <div>
          <h1>Settings</h1>
          <p className="page-lede">
            How Plaudit asks for ratings.
            {updatedAt ? <> Last changed {formatDateTime(updatedAt)}.</> : null}
          </p>
        </div>
      </header>
      <SettingsNav />
    </>
  );
}

function expiryInWords(hours: number): string {
  if (!Number.isFinite(hours) || hours < 1) return '';
  if (hours % 24 === 0) return `That is ${hours / 24} day${hours === 24 ? '' : 's'}.`;
  return hours > 24 ? `That is ${(hours / 24).toFixed(1)} days.` : '';
}

/** The invite text and the rating page as the draft would make them, once the typing stops. */
function Preview({ draft }: { draft: RatingSettingsDraft }) {
  const key = JSON.stringify(draft);
  const settled = useDebounced(key, 400);
  // The last draft the server accepted, with what it made of it; the frame follows it, never an invalid draft.
  const [shown, setShown] = useState<{ invite: SettingsPreview; pageSrc: string } | null>(null);
  const [refused, setRefused] = useState<{ draft: string; message: string } | null>(null);
  const invalid = Object.keys(checkDraft(JSON.parse(settled) as RatingSettingsDraft)).length > 0;

  useEffect(() => {
    if (invalid) return;
    const controller = new AbortController();
    request<{ data: SettingsPreview }>('/v1/rating-settings/preview', {
      method: 'POST',
      body: JSON.parse(settled),
      signal: controller.signal,
    })
      .then(({ data }) => {
        setShown({ invite: data, pageSrc: `/dashboard/rating-page-preview?settings=${base64url(settled)}` });
        setRefused(null);
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        const message = error instanceof ApiError ? error.message : 'The preview could not be made.';
        setRefused({ draft: settled, message });
      });
    return () => controller.abort();
  }, [settled, invalid]);

  const problem = invalid
    ? 'Fix the marked fields to update the preview.'
    : refused?.draft === settled
      ? refused.message
      : null;
  const invite = shown?.invite;
  const pageSrc = shown?.pageSrc;

  return (
    <aside className="preview" aria-label="Preview">
      <div className="preview-sticky">
        <h2 className="preview-title">
          <Icon name="eye" size={15} /> Preview
        </h2>
        {problem ? (
          <p className="field-warning" role="status">
            <Icon name="alert" size={14} /> {problem}
          </p>
        ) : null}
        <figure className="invite-preview">
          <figcaption>Invite message</figcaption>
          <div className="chat-bubble" aria-live="polite">
            {invite ? <LinkedText text={invite.invite_text} link={invite.link} /> : <Skeleton lines={2} />}
          </div>
        </figure>
        <figure className="page-preview">
          <figcaption>Rating page</figcaption>
          <div className="page-preview-frame">
            {pageSrc ? (
              <iframe title="Rating page preview" src={pageSrc} sandbox="allow-same-origin" loading="lazy" />
            ) : (
              <Skeleton lines={6} />
            )}
          </div>
        </figure>
      </div>
    </aside>
  );
}

/** The invite text with its link marked, as a customer would see it. */
function LinkedText({ text, link }: { text: string; link: string }) {
  const parts = text.split(link);
  return (
    <p>
      {parts.map((part, index) => (
        <span key={index}>
          {part}
          {index < parts.length - 1 ? <span className="fake-link">{link}</span> : null}
        </span>
      ))}
    </p>
  );
}

function focusFirstError(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => {
    const target = form?.querySelector<HTMLElement>('[aria-invalid="true"], .form-alert, .field-error');
    if (!target) return;
    target.scrollIntoView({ block: 'center' });
    if (target.matches('input, textarea, select')) target.focus();
  });
}
