import { useState, type FormEvent } from 'react';
import { ApiError, request } from '../api/client';
import type { User } from '../api/types';
import { Icon } from '../components/icons';
import { Badge, Card } from '../components/ui';
import { useSession, useSignedIn } from '../session';

const MIN_LENGTH = 12;

function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : 'Something went wrong. Try again.';
}

function Saved({ text }: { text: string }) {
  return (
    <p className="save-ok" role="status">
      <Icon name="check" size={15} /> {text}
    </p>
  );
}

/** Your profile: the name colleagues see, and your password. Every user has one, agents included. */
export function ProfilePage() {
  const session = useSignedIn();
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Your profile</h1>
          <p className="page-lede">
            Signed in as {session.user.email} in {session.organization.name}{' '}
            <Badge tone={session.user.role === 'admin' ? 'accent' : 'neutral'}>
              {session.user.role === 'admin' ? 'Admin' : 'Agent'}
            </Badge>
          </p>
        </div>
      </header>
      <div className="profile-grid">
        <NameForm initial={session.user.name ?? ''} />
        <PasswordForm />
      </div>
    </div>
  );
}

function NameForm({ initial }: { initial: string }) {
  const { renamed } = useSession();
  const [name, setName] = useState(initial);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const { data } = await request<{ data: User }>('/v1/me', { method: 'PATCH', body: { name: name.trim() } });
      renamed(data.name ?? '');
      setName(data.name ?? '');
      setSaved(true);
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="Name" description="How colleagues see you in Plaudit.">
      <form className="card-body" onSubmit={submit} aria-label="Your name">
        <div className="field">
          <label htmlFor="profile-name">Name</label>
          <input
            id="profile-name"
            type="text"
            required
            maxLength={100}
            autoComplete="name"
            value={name}
            onChange={(event) => {
              setName(event.target.value);
              setSaved(false);
            }}
          />
        </div>
        {error ? (
          <p className="form-error" role="alert">
            <Icon name="alert" size={16} /> {error}
          </p>
        ) : null}
        <div className="form-actions">
          {saved ? <Saved text="Name saved." /> : <span />}
          <button
            type="submit"
            className="button button-primary"
            disabled={busy || name.trim() === '' || name.trim() === initial}
          >
            {busy ? 'Saving…' : 'Save name'}
          </button>
        </div>
      </form>
    </Card>
  );
}

function PasswordForm() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    if ([...next].length < MIN_LENGTH) {
      setError(`Choose a new password of at least ${MIN_LENGTH} characters.`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { data } = await request<{ data: { ended_sessions: number } }>('/v1/me/password', {
        method: 'POST',
        body: { current_password: current, new_password: next },
      });
      setCurrent('');
      setNext('');
      setSaved(
        data.ended_sessions > 0
          ? `Password changed. You were signed out on ${data.ended_sessions} other ${data.ended_sessions === 1 ? 'device' : 'devices'}.`
          : 'Password changed.',
      );
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="Password" description="Changing it signs you out everywhere else.">
      <form className="card-body" onSubmit={submit} aria-label="Change your password">
        <div className="field">
          <label htmlFor="current-password">Current password</label>
          <input
            id="current-password"
            type="password"
            required
            autoComplete="current-password"
            value={current}
            onChange={(event) => setCurrent(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="new-password">New password</label>
          <input
            id="new-password"
            type="password"
            required
            autoComplete="new-password"
            value={next}
            onChange={(event) => setNext(event.target.value)}
            aria-describedby="new-password-hint"
          />
          <p className="field-hint" id="new-password-hint">
            At least {MIN_LENGTH} characters, and not one of the common passwords guessers try first.
          </p>
        </div>
        {error ? (
          <p className="form-error" role="alert">
            <Icon name="alert" size={16} /> {error}
          </p>
        ) : null}
        <div className="form-actions">
          {saved ? <Saved text={saved} /> : <span />}
          <button type="submit" className="button button-primary" disabled={busy || !current || !next}>
            {busy ? 'Changing…' : 'Change password'}
          </button>
        </div>
      </form>
    </Card>
  );
}
