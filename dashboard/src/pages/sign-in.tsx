import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { Icon, Logo } from '../components/icons';
import { useSession } from '../session';

function messageFor(error: unknown): string {
  if (error instanceof ApiError) {
    // The server's sentence: a wrong email or password, or an account an admin deactivated.
    if (error.code === 'invalid_credentials') return error.message;
    if (error.status === 401) return 'The email or password is wrong.';
    if (error.status === 429) return 'Too many attempts. Wait a minute, then try again.';
    if (error.missingRoute) return 'This server does not offer dashboard sign-in.';
    return error.message;
  }
  return 'Something went wrong. Try again.';
}

export function SignInPage({ expired }: { expired: boolean }) {
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email.trim(), password);
    } catch (caught) {
      setError(messageFor(caught));
      setBusy(false);
    }
  };

  return (
    <div className="sign-in">
      <main className="sign-in-card">
        <div className="sign-in-brand">
          <Logo size={36} />
          <span className="brand-name">Plaudit</span>
        </div>
        <h1>Sign in</h1>
        <p className="sign-in-lede">See how your customers rate your conversations, and why.</p>
        {expired && !error ? (
          <p className="notice" role="status">
            Your session has ended. Sign in again to continue.
          </p>
        ) : null}
        <form onSubmit={submit} noValidate={false}>
          <div className="field">
            <label htmlFor="email">Email</label>
            <input
              id="email"
              name="email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'sign-in-error' : undefined}
            />
          </div>
          <div className="field">
            <label htmlFor="password">Password</label>
            <input
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'sign-in-error' : undefined}
            />
          </div>
          {error ? (
            <p className="form-error" id="sign-in-error" role="alert">
              <Icon name="alert" size={16} />
              {error}
            </p>
          ) : null}
          <button type="submit" className="button button-primary button-block" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
        <p className="sign-in-foot">No account yet? Ask an admin of your organization to invite you.</p>
      </main>
    </div>
  );
}
