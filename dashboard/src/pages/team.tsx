import { useRef, useState, type FormEvent } from 'react';
import { ApiError, request } from '../api/client';
import type { Invitation, IssuedInvitation, Role, TeamMember } from '../api/types';
import { Icon } from '../components/icons';
import { SettingsHeader } from './settings/settings-header';
import { MemberList } from './team-members';
import { Card, EmptyState, ErrorState, Skeleton } from '../components/ui';
import { useAgentDirectory } from '../lib/agents';
import { formatDate, formatDateTime } from '../lib/format';
import { Link } from '../lib/router';
import { useApi } from '../lib/use-api';
import { useSignedIn } from '../session';

const roleNames: Record<Role, string> = { admin: 'Admin', agent: 'Agent' };
const roleHints: Record<Role, string> = {
  admin: 'Sets Plaudit up: rating settings, API keys, webhooks and the team.',
  agent: 'Reads the inbox, conversations and analytics, and leaves feedback.',
};

function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : 'Something went wrong. Try again.';
}

function Header() {
  return <SettingsHeader title="Team" lede="Who works in Plaudit, and what each of them may change." />;
}

export function TeamPage() {
  const session = useSignedIn();
  if (session.user.role !== 'admin') {
    return (
      <div className="page">
        <Header />
        <Card>
          <EmptyState icon="user" title="Only admins manage the team">
            Ask an admin of your organization to invite colleagues or change roles. Your own name and password are in{' '}
            <Link to="/profile">your profile</Link>.
          </EmptyState>
        </Card>
      </div>
    );
  }
  return <AdminTeam me={session.user.id} />;
}

function AdminTeam({ me }: { me: string }) {
  const members = useApi<{ data: TeamMember[] }>('/v1/users');
  const invitations = useApi<{ data: Invitation[] }>('/v1/invitations');
  const [issued, setIssued] = useState<IssuedInvitation | null>(null);
  // Read afresh with every change of the team, so the names that stand in for unnamed agents follow the links.
  const [changes, setChanges] = useState(0);
  const agents = useAgentDirectory({ version: changes });
  const onMembersChanged = () => {
    members.reload();
    setChanges((n) => n + 1);
  };

  return (
    <div className="page">
      <Header />
      <div className="team-layout">
        <div className="team-main">
          <Card
            title="Members"
            description={
              members.data ? `${members.data.data.filter((m) => m.status === 'active').length} active` : undefined
            }
            className="table-card"
          >
            {members.error ? (
              <ErrorState error={members.error} what="The members" onRetry={members.reload} />
            ) : !members.data ? (
              <div className="card-body">
                <Skeleton lines={3} height={40} />
              </div>
            ) : (
              <MemberList members={members.data.data} agents={agents} me={me} onChanged={onMembersChanged} />
            )}
          </Card>
          <Card title="Pending invitations" description="Links work once, for 7 days.">
            {invitations.error ? (
              <ErrorState error={invitations.error} what="The invitations" onRetry={invitations.reload} />
            ) : !invitations.data ? (
              <div className="card-body">
                <Skeleton lines={2} height={32} />
              </div>
            ) : invitations.data.data.length === 0 ? (
              <p className="card-body muted">No invitation is waiting.</p>
            ) : (
              <ul className="invite-list">
                {invitations.data.data.map((invitation) => (
                  <PendingInvitation key={invitation.id} invitation={invitation} onRevoked={invitations.reload} />
                ))}
              </ul>
            )}
          </Card>
        </div>
        <aside className="team-side">
          <InviteForm
            onInvited={(invitation) => {
              setIssued(invitation);
              invitations.reload();
            }}
          />
          {issued ? <IssuedLink invitation={issued} onDone={() => setIssued(null)} /> : null}
        </aside>
      </div>
    </div>
  );
}

function PendingInvitation({ invitation, onRevoked }: { invitation: Invitation; onRevoked: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const revoke = async () => {
    setBusy(true);
    try {
      await request(`/v1/invitations/${invitation.id}`, { method: 'DELETE' });
      onRevoked();
    } catch (caught) {
      setError(messageOf(caught));
      setBusy(false);
    }
  };
  const inviter = invitation.invited_by?.name || invitation.invited_by?.email;
  return (
    <li className="invite-item">
      <div className="member-who">
        <span className="member-name">{invitation.email}</span>
        <span className="member-meta">
          {roleNames[invitation.role]}
          {inviter ? ` · invited by ${inviter}` : ''} · expires {formatDate(invitation.expires_at)}
        </span>
        {error ? (
          <span className="form-error" role="alert">
            {error}
          </span>
        ) : null}
      </div>
      <button type="button" className="button button-ghost button-small" onClick={() => void revoke()} disabled={busy}>
        Revoke
      </button>
    </li>
  );
}

function InviteForm({ onInvited }: { onInvited: (invitation: IssuedInvitation) => void }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { data } = await request<{ data: IssuedInvitation }>('/v1/invitations', {
        method: 'POST',
        body: { email: email.trim(), role },
      });
      setEmail('');
      onInvited(data);
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="Invite a colleague" description="They choose their own name and password.">
      <form className="card-body" onSubmit={submit} aria-label="Invite a colleague">
        <div className="field">
          <label htmlFor="invite-email">Email</label>
          <input
            id="invite-email"
            type="email"
            required
            autoComplete="off"
            placeholder="colleague@example.com"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            aria-invalid={error ? true : undefined}
          />
        </div>
        <fieldset className="field">
          <legend>Role</legend>
          <div className="radio-cards">
            {(['agent', 'admin'] as const).map((value) => (
              <label key={value} className={`radio-card${role === value ? ' is-checked' : ''}`}>
                <input
                  type="radio"
                  name="invite-role"
                  value={value}
                  checked={role === value}
                  onChange={() => setRole(value)}
                />
                <span>
                  <span className="check-card-title">{roleNames[value]}</span>
                  <span className="check-card-hint">{roleHints[value]}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        {error ? (
          <p className="form-error" role="alert">
            <Icon name="alert" size={16} />
            {error}
          </p>
        ) : null}
        <button type="submit" className="button button-primary" disabled={busy || email.trim() === ''}>
          <Icon name="send" size={15} /> {busy ? 'Inviting…' : 'Send invitation'}
        </button>
      </form>
    </Card>
  );
}

function IssuedLink({ invitation, onDone }: { invitation: IssuedInvitation; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(invitation.link);
    } catch {
      // No clipboard access (plain HTTP, or refused): select the text so that it can be copied by hand.
      input.current?.select();
      document.execCommand?.('copy');
    }
    setCopied(true);
  };
  return (
    <section className="issued-link" aria-labelledby="issued-title" role="status">
      <h2 id="issued-title">
        <Icon name="check" size={16} /> Invitation ready for {invitation.email}
      </h2>
      <p>
        {invitation.email_sent
          ? 'We emailed them this link. You can also send it yourself:'
          : 'Send them this link yourself; it is shown only now.'}
      </p>
      <div className="copy-row">
        <input
          ref={input}
          type="text"
          className="mono"
          readOnly
          value={invitation.link}
          aria-label="Invitation link"
          onFocus={(event) => event.target.select()}
        />
        <button type="button" className="button button-secondary" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy link'}
        </button>
      </div>
      <p className="field-hint">Works once, until {formatDateTime(invitation.expires_at)}.</p>
      <button type="button" className="link-button" onClick={onDone}>
        Done
      </button>
    </section>
  );
}
