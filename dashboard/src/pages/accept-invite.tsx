import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import type { InvitationPreview } from '../api/types';
import { Icon, Logo } from '../components/icons';
import { Spinner } from '../components/ui';
import { formatDateTime } from '../lib/format';
import { Link, useRouter, useSearchParams } from '../lib/router';
import { useApi } from '../lib/use-api';
import { useSession } from '../session';

const MIN_LENGTH = 12;

function Frame({ children }: { children: ReactNode }) {
  return (
    <div className="sign-in">
      <main className="sign-in-card">
        <div className="sign-in-brand">
          <Logo size={36} />
          <span className="brand-name">Plaudit</span>
        </div>
        {children}
      </main>
    </div>
  );
}

/** Why a link no longer works, in words for the person holding it. */
function Unusable({ error }: { error: ApiError }) {
  const title =
    error.code === 'invitation_accepted'
      ? 'This invitation was already accepted'
      : error.code === 'invitation_expired'
        ? 'This invitation has expired'
        : error.code === 'invitation_revoked'
          ? 'This invitation was withdrawn'
          : 'This invitation link does not work';
  return (
    <Frame>
      <h1>{title}</h1>
      <p className="sign-in-lede">{error.message}</p>
      <Link to="/sign-in" className="button button-secondary button-block">
        Go to sign-in
      </Link>
    </Frame>
  );
}

/** The public page behind an invitation's link: who invited you, then your name and password. */
export function AcceptInvitePage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const preview = useApi<{ data: InvitationPreview }>(token ? `/v1/invitations/${encodeURIComponent(token)}` : null);
  const { acceptInvitation } = useSession();
  const { navigate } = useRouter();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!token) {
    return <Unusable error={new ApiError(404, 'invitation_not_found', 'The link has no token; copy it whole.')} />;
  }
  if (preview.error) return <Unusable error={preview.error} />;
  if (!preview.data) {
    return (
      <Frame>
        <Spinner label="Opening your invitation" />
      </Frame>
    );
  }
  const invitation = preview.data.data;
  const inviter = invitation.invited_by?.name || invitation.invited_by?.email;
  const tooShort = password.length > 0 && [...password].length < MIN_LENGTH;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if ([...password].length < MIN_LENGTH) {
      setError(`Choose a password of at least ${MIN_LENGTH} characters.`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await acceptInvitation(token, name.trim(), password);
      navigate('/analytics', { replace: true });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Something went wrong. Try again.');
      setBusy(false);
    }
  };

  return (
    <Frame>
      <h1>Join {invitation.organization.name}</h1>
      <p className="sign-in-lede">
        {inviter ? `${inviter} invited you` : 'You are invited'} to Plaudit as{' '}
        {invitation.role === 'admin' ? 'an admin' : 'an agent'}. Choose your name and a password to finish.
      </p>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor="accept-email">Email</label>
          <input id="accept-email" type="email" value={invitation.email} readOnly autoComplete="username" />
        </div>
        <div className="field">
          <label htmlFor="accept-name">Your name</label>
          <input
            id="accept-name"
            type="text"
            required
            maxLength={100}
            autoComplete="name"
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="accept-password">Password</label>
          <input
            id="accept-password"
            type="password"
            required
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-invalid={error || tooShort ? true : undefined}
            aria-describedby="accept-password-hint"
          />
          <p className="field-hint" id="accept-password-hint">
            At least {MIN_LENGTH} characters. A few words of your own are easy to remember and hard to guess.
          </p>
        </div>
        {error ? (
          <p className="form-error" role="alert">
            <Icon name="alert" size={16} />
            {error}
          </p>
        ) : null}
        <button type="submit" className="button button-primary button-block" disabled={busy || name.trim() === ''}>
          {busy ? 'Joining…' : `Join ${invitation.organization.name}`}
        </button>
      </form>
      <p className="sign-in-foot">This link works once, until {formatDateTime(invitation.expires_at)}.</p>
    </Frame>
  );
}
