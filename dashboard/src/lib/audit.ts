import type { AuditEntry } from '../api/admin-types';
import { eventLabel } from './webhook-events';
import { questionName } from './format';
import { languageName } from './languages';

/** What the log calls each field of a change, in the words of the settings pages. */
const FIELD_LABELS: Record<string, string> = {
  conv_rating_active: 'Ask for ratings',
  conv_rating_popup_active: 'Popup',
  conv_rating_question_codes: 'Questions',
  invite_message: 'Invite message',
  review_link: 'Review link',
  redirect_policy: 'Send raters to the review link',
  redirect_min_stars: 'Lowest rating sent on',
  invite_expiry_hours: 'Invite expires after',
  language: 'Language',
  brand_name: 'Brand name',
  logo_url: 'Logo',
  primary_color: 'Primary colour',
  url: 'Endpoint URL',
  event_types: 'Events',
  filters: 'Filters',
  enabled: 'Enabled',
  agent_name: 'Agent in conversations',
};

/** Fields an entry keeps for machines: people read the name beside them. */
const HIDDEN_FIELDS = new Set(['agent_id']);

const REDIRECT_POLICIES: Record<string, string> = {
  never: 'Never',
  always: 'Always',
  high_ratings: 'After a high rating',
};

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field.replace(/_/g, ' ');
}

/** A field's value as a person reads it: On/Off, names instead of codes, "Default" for an empty choice. */
export function fieldValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') {
    return field === 'language' ? 'Automatic' : field === 'agent_name' ? 'None' : 'Default';
  }
  if (typeof value === 'boolean') return value ? 'On' : 'Off';
  if (field === 'conv_rating_question_codes' && Array.isArray(value)) {
    return value.map((code) => questionName(String(code))).join(', ') || 'None';
  }
  if (field === 'event_types' && Array.isArray(value)) return value.map((type) => eventLabel(String(type))).join(', ');
  if (field === 'redirect_policy') return REDIRECT_POLICIES[String(value)] ?? String(value);
  if (field === 'invite_expiry_hours') return `${String(value)} hours`;
  if (field === 'redirect_min_stars') return `${String(value)} stars`;
  if (field === 'language') return languageName(String(value));
  if (field === 'filters' && typeof value === 'object') {
    const rating = (value as { rating?: Record<string, unknown> }).rating ?? {};
    const parts = [
      rating.max_stars !== undefined ? `≤ ${String(rating.max_stars)} stars` : '',
      rating.max_nps !== undefined ? `NPS ≤ ${String(rating.max_nps)}` : '',
      rating.max_ces !== undefined ? `CES ≤ ${String(rating.max_ces)}` : '',
      rating.thumbs ? `thumbs ${String(rating.thumbs)}` : '',
    ].filter(Boolean);
    return parts.join(', ') || 'None';
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The before/after pairs of a change, when the entry holds one. */
export function changesOf(entry: AuditEntry): Array<{ field: string; before: string; after: string }> {
  const before = entry.details.before as Record<string, unknown> | undefined;
  const after = entry.details.after as Record<string, unknown> | undefined;
  if (!before || !after) return [];
  return Object.keys(after)
    .filter((field) => !HIDDEN_FIELDS.has(field))
    .map((field) => ({
      field: fieldLabel(field),
      before: fieldValue(field, before[field]),
      after: fieldValue(field, after[field]),
    }));
}

function quoted(name: string | null): string {
  return name ? `“${name}”` : '';
}

/** What the actor did, as the end of a sentence that starts with their name: "created the API key “Backend”". */
export function describeAction(entry: AuditEntry): string {
  const subject = entry.subject_name;
  const scopes = Array.isArray(entry.details.scopes)
    ? ` (${(entry.details.scopes as string[]).map((s) => (s === 'write_all' ? 'write' : 'read')).join(' and ')})`
    : '';
  switch (entry.action) {
    case 'settings.updated':
      return 'changed the rating settings';
    case 'survey_rules.updated':
      return 'changed the survey rules (who is asked, and when)';
    case 'rating_texts.updated':
      return `changed the ${subject ?? 'texts'} of the rating page and popup`;
    case 'api_key.created':
      return `created the API key ${quoted(subject)}${scopes}`;
    case 'api_key.revoked':
      return `revoked the API key ${quoted(subject)}`;
    case 'webhook.created':
      return `added the webhook ${subject ?? ''}`.trim();
    case 'webhook.updated':
      return `changed the webhook ${subject ?? ''}`.trim();
    case 'webhook.secret_rotated':
      return `rotated the signing secret of ${subject ?? 'a webhook'}`;
    case 'webhook.deleted':
      return `deleted the webhook ${subject ?? ''}`.trim();
    case 'conversation.anonymized':
      return `anonymized conversation #${entry.subject_id}`;
    case 'user.agent_changed':
      return agentLinkSentence(entry);
    default:
      return genericSentence(entry);
  }
}

/** "linked “Maja” to the agent “Maja Lind (Support)”", or unlinked from it; an unnamed agent is called so. */
function agentLinkSentence(entry: AuditEntry): string {
  const side = (name: 'before' | 'after') =>
    entry.details[name] as { agent_id?: string | null; agent_name?: string | null } | undefined;
  const agent = (change: ReturnType<typeof side>) =>
    change?.agent_name ? `the agent ${quoted(change.agent_name)}` : 'an unnamed agent';
  const who = quoted(entry.subject_name) || 'a member';
  const after = side('after');
  return after?.agent_id ? `linked ${who} to ${agent(after)}` : `unlinked ${who} from ${agent(side('before'))}`;
}

/** Any other action — the team's events among them — read from its name: `invitation.sent` → "sent invitation …". */
function genericSentence(entry: AuditEntry): string {
  const [thing = entry.subject_type, ...rest] = entry.action.split('.');
  const verb = rest.join(' ').replace(/_/g, ' ');
  const noun = thing.replace(/_/g, ' ');
  if (/sign(ed)?_?in/.test(entry.action)) {
    return /fail/.test(entry.action) ? 'failed to sign in' : 'signed in';
  }
  if (/sign(ed)?_?out/.test(entry.action)) return 'signed out';
  const name = entry.subject_name ? ` ${quoted(entry.subject_name)}` : '';
  return verb ? `${noun}${name}: ${verb}` : `${noun}${name}`;
}

/** Who did it, by name; a key's name says how; nobody signed in is the command line. */
export function actorName(entry: AuditEntry): string {
  const user = entry.actor.user;
  if (user) return user.name || user.email;
  if (entry.actor.type === 'system') return 'Command line';
  return 'A removed user';
}
