import { useEffect, useId, useRef, useState } from 'react';
import { ApiError, request } from '../api/client';
import type { DirectoryAgent, Role, TeamMember } from '../api/types';
import { Icon } from '../components/icons';
import { Badge } from '../components/ui';
import { unnamedAgent } from '../lib/agents';
import { formatDate, formatDateTime, formatShortDate } from '../lib/format';

function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : 'Something went wrong. Try again.';
}

/** The members of the team, each with their role, the agent they are in conversations, and deactivation. */
export function MemberList({
  members,
  agents,
  me,
  onChanged,
}: {
  members: TeamMember[];
  agents: DirectoryAgent[];
  me: string;
  onChanged: () => void;
}) {
  const linkedTo = new Map(members.filter((m) => m.agent_id).map((m) => [m.agent_id!, m]));
  return (
    <ul className="member-list">
      {members.map((member) => (
        <MemberRow
          key={member.id}
          member={member}
          agents={agents}
          linkedTo={linkedTo}
          isMe={member.id === me}
          onChanged={onChanged}
        />
      ))}
    </ul>
  );
}

function initialsOf(member: { name: string | null; email: string }): string {
  return (member.name || member.email)
    .split(/[\s@.]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');
}

function MemberRow({
  member,
  agents,
  linkedTo,
  isMe,
  onChanged,
}: {
  member: TeamMember;
  agents: DirectoryAgent[];
  linkedTo: Map<string, TeamMember>;
  isMe: boolean;
  onChanged: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const selectId = useId();
  const active = member.status === 'active';

  const change = async (body: { role: Role } | { agent_id: string | null }) => {
    setBusy(true);
    setError(null);
    try {
      await request(`/v1/users/${member.id}`, { method: 'PATCH', body });
      onChanged();
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  const deactivate = async () => {
    setBusy(true);
    setError(null);
    try {
      await request(`/v1/users/${member.id}/deactivate`, { method: 'POST' });
      setConfirming(false);
      onChanged();
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className={`member${active ? '' : ' is-deactivated'}`}>
      <span className="avatar" aria-hidden="true">
        {initialsOf(member)}
      </span>
      <div className="member-who">
        <span className="member-name">
          {member.name || member.email}
          {isMe ? <span className="muted"> (you)</span> : null}
        </span>
        <span className="member-email">{member.email}</span>
        <span className="member-meta">
          {active
            ? member.last_sign_in_at
              ? `Last signed in ${formatDateTime(member.last_sign_in_at)}`
              : 'Never signed in'
            : `Deactivated ${formatDate(member.deactivated_at)}`}
        </span>
        <MemberAgent
          member={member}
          agents={agents}
          linkedTo={linkedTo}
          busy={busy}
          onChange={(agentId) => void change({ agent_id: agentId })}
        />
      </div>
      <div className="member-controls">
        {active ? (
          <>
            <label className="visually-hidden" htmlFor={selectId}>
              Role of {member.name || member.email}
            </label>
            <select
              id={selectId}
              className="role-select"
              value={member.role}
              disabled={busy}
              onChange={(event) => void change({ role: event.target.value as Role })}
            >
              <option value="admin">Admin</option>
              <option value="agent">Agent</option>
            </select>
            <button
              type="button"
              className="button button-ghost button-small"
              disabled={busy}
              onClick={() => setConfirming(true)}
            >
              Deactivate
            </button>
          </>
        ) : (
          <Badge tone="neutral">Deactivated</Badge>
        )}
      </div>
      {error ? (
        <p className="form-error member-error" role="alert">
          <Icon name="alert" size={14} /> {error}
        </p>
      ) : null}
      {confirming ? (
        <ConfirmDeactivate
          member={member}
          isMe={isMe}
          busy={busy}
          onConfirm={() => void deactivate()}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
    </li>
  );
}

/** How the picker calls an agent: its name, else what it is and when conversations first named it. */
function agentOptionLabel(agent: DirectoryAgent): string {
  return agent.name ?? `${unnamedAgent(agent.type)}, first seen ${formatShortDate(agent.created_at)}`;
}

/**
 * Which agent of the directory the member is in conversations, picked by name. AI agents are left out (a person is
 * not one) unless linked already; an agent another member is linked to is shown, with whom, but cannot be picked.
 * A deactivated member's agent may change too, so that it can pass to someone else.
 */
function MemberAgent({
  member,
  agents,
  linkedTo,
  busy,
  onChange,
}: {
  member: TeamMember;
  agents: DirectoryAgent[];
  linkedTo: Map<string, TeamMember>;
  busy: boolean;
  onChange: (agentId: string | null) => void;
}) {
  const id = useId();
  const who = member.name || member.email;
  const choices = agents.filter((agent) => agent.type !== 'ai' || agent.agent_id === member.agent_id);
  const listed = !member.agent_id || choices.some((agent) => agent.agent_id === member.agent_id);
  return (
    <div className="member-agent">
      <label htmlFor={id}>
        Agent in conversations<span className="visually-hidden"> for {who}</span>
      </label>
      <select
        id={id}
        value={member.agent_id ?? ''}
        disabled={busy}
        onChange={(event) => onChange(event.target.value || null)}
      >
        <option value="">None</option>
        {choices.map((agent) => {
          const holder = linkedTo.get(agent.agent_id);
          const taken = holder !== undefined && holder.id !== member.id;
          const label = agentOptionLabel(agent);
          const holderName = holder ? holder.name || holder.email : '';
          return (
            <option key={agent.agent_id} value={agent.agent_id} disabled={taken}>
              {taken ? `${label} · ${holderName === label ? 'linked' : `linked to ${holderName}`}` : label}
            </option>
          );
        })}
        {listed ? null : <option value={member.agent_id!}>{member.agent_name ?? unnamedAgent('human')}</option>}
      </select>
    </div>
  );
}

function ConfirmDeactivate({
  member,
  isMe,
  busy,
  onConfirm,
  onCancel,
}: {
  member: TeamMember;
  isMe: boolean;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  const who = member.name || member.email;
  return (
    <dialog ref={dialog} className="dialog" onCancel={onCancel} aria-labelledby={`confirm-${member.id}`}>
      <h2 id={`confirm-${member.id}`}>Deactivate {who}?</h2>
      <p>
        {isMe ? 'You will be signed out at once' : `${who} is signed out at once`}, every API key of theirs stops
        working, and they can no longer sign in. Their ratings and feedback stay.
      </p>
      <div className="dialog-actions">
        <button type="button" className="button button-ghost" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <button type="button" className="button button-danger" onClick={onConfirm} disabled={busy}>
          {busy ? 'Deactivating…' : 'Deactivate'}
        </button>
      </div>
    </dialog>
  );
}
