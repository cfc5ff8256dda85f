import { useId, useState } from 'react';
import { ApiError, request } from '../../api/client';
import type { RatingSettings } from '../../api/types';
import { Icon } from '../../components/icons';
import { Badge } from '../../components/ui';
import { languageName } from '../../lib/languages';
import { Link } from '../../lib/router';

/**
 * The invite message of the rating settings. Left empty, invites say the organization's own invite text of the page
 * language (Settings → Texts) when it has one, else Plaudit's: the field shows which, and can reset the organization's
 * text to Plaudit's.
 */
export function InviteMessageField({
  value,
  saved,
  error,
  onChange,
  onReset,
}: {
  value: string | null;
  /** The saved settings: their page language and the invite texts that apply while `value` is empty. */
  saved: Pick<RatingSettings, 'language' | 'invite_message_default' | 'invite_message_builtin'>;
  error?: string;
  onChange: (value: string | null) => void;
  /** Called with the settings as they read after the organization's text was removed. */
  onReset: (settings: RatingSettings) => void;
}) {
  const id = useId();
  const [resetting, setResetting] = useState(false);
  const [resetError, setResetError] = useState<string | null>(null);
  const text = value ?? '';
  const missingLink = text.trim() !== '' && !text.includes('{link}');
  const language = saved.language ?? 'en';
  const ownText = saved.invite_message_default !== saved.invite_message_builtin;

  const reset = async () => {
    setResetting(true);
    setResetError(null);
    try {
      await request(`/v1/rating-settings/texts/${language}`, {
        method: 'PUT',
        body: { texts: { invite_message: '' } },
      });
      onReset((await request<{ data: RatingSettings }>('/v1/rating-settings')).data);
    } catch (caught) {
      setResetError(caught instanceof ApiError ? caught.message : 'The text could not be reset. Try again.');
    } finally {
      setResetting(false);
    }
  };

  return (
    <div className="field">
      <div className="label-row">
        <label htmlFor={id}>Message</label>
        {value !== null ? (
          <button type="button" className="link-button" onClick={() => onChange(null)}>
            Use the default
          </button>
        ) : ownText ? (
          <Badge tone="info">Your text · {languageName(language)}</Badge>
        ) : (
          <Badge tone="neutral">Built in</Badge>
        )}
      </div>
      <textarea
        id={id}
        rows={3}
        value={text}
        placeholder={saved.invite_message_default}
        onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
      />
      <p className="field-hint" id={`${id}-hint`}>
        <code>{'{link}'}</code> stands for the rating link. Leave empty for the default, translated to the page’s
        language.
      </p>
      {value === null && ownText ? (
        <div className="invite-own-text" data-testid="invite-own-text">
          <p>
            Left empty, invites say your own text from <Link to="/settings/texts">Settings → Texts</Link> (
            {languageName(language)}):
          </p>
          <blockquote lang={language}>{saved.invite_message_default}</blockquote>
          <p className="invite-own-text-builtin">
            Built in: <span lang={language}>{saved.invite_message_builtin}</span>
          </p>
          <button
            type="button"
            className="button button-secondary button-small"
            disabled={resetting}
            onClick={() => void reset()}
          >
            <Icon name="undo" size={14} /> {resetting ? 'Resetting…' : 'Reset to the built-in text'}
          </button>
          {resetError ? (
            <p className="field-error" role="alert">
              <Icon name="alert" size={14} /> {resetError}
            </p>
          ) : null}
        </div>
      ) : null}
      {missingLink ? (
        <p className="field-warning">
          <Icon name="alert" size={14} /> Without <code>{'{link}'}</code> the text carries no link; your platform has to
          add it.
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          <Icon name="alert" size={14} />
          {error}
        </p>
      ) : null}
    </div>
  );
}
