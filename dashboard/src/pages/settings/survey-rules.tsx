import { useId, useState, type FormEvent } from 'react';
import { ApiError, request } from '../../api/client';
import { Icon } from '../../components/icons';
import { Card, ErrorState, Skeleton, Switch } from '../../components/ui';
import { useApi } from '../../lib/use-api';

type AgentType = 'human' | 'ai';

interface SurveyRules {
  enabled: boolean;
  channels: string[];
  agent_types: AgentType[];
  min_contact_messages: number;
  sample_percent: number;
  cooldown_days: number;
  reminder_after_hours: number | null;
  updated_at: string | null;
}

/** The form's state: numbers as typed, channels as one comma-separated line. */
interface Draft {
  enabled: boolean;
  channels: string;
  agent_types: AgentType[];
  min_contact_messages: string;
  sample_percent: string;
  cooldown_days: string;
  remind: boolean;
  reminder_after_hours: string;
}

type Field = Exclude<keyof Draft, 'enabled' | 'remind'>;
type Errors = Partial<Record<Field | 'form', string>>;

const AGENT_TYPES: Array<{ value: AgentType; label: string }> = [
  { value: 'human', label: 'Human agents' },
  { value: 'ai', label: 'AI agents' },
];

function draftOf(rules: SurveyRules): Draft {
  return {
    enabled: rules.enabled,
    channels: rules.channels.join(', '),
    agent_types: rules.agent_types,
    min_contact_messages: String(rules.min_contact_messages),
    sample_percent: String(rules.sample_percent),
    cooldown_days: String(rules.cooldown_days),
    remind: rules.reminder_after_hours !== null,
    reminder_after_hours: String(rules.reminder_after_hours ?? 24),
  };
}

const channelsOf = (line: string) =>
  line
    .split(',')
    .map((channel) => channel.trim())
    .filter((channel) => channel !== '');

const whole = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text) : NaN);

/** Problems the browser can tell as you type; the server checks everything again. */
function checkDraft(draft: Draft, expiryHours: number): Errors {
  const errors: Errors = {};
  const channels = channelsOf(draft.channels);
  const twice = channels.filter((channel, index) => channels.indexOf(channel) !== index);
  if (twice.length > 0) errors.channels = `“${twice[0]}” is listed twice.`;
  if (channels.some((channel) => channel.length > 64)) errors.channels = 'Keep each channel under 64 characters.';
  const range = (field: Field, max: number, words: string) => {
    const value = whole(draft[field] as string);
    if (!(value >= 0 && value <= max)) errors[field] = `Enter a whole number of ${words} from 0 to ${max}.`;
  };
  range('min_contact_messages', 1000, 'messages');
  range('sample_percent', 100, 'percent');
  range('cooldown_days', 365, 'days');
  if (draft.remind) {
    const hours = whole(draft.reminder_after_hours);
    if (!(hours >= 1 && hours <= 720)) errors.reminder_after_hours = 'Enter a whole number of hours from 1 to 720.';
    else if (hours >= expiryHours) {
      errors.reminder_after_hours = `Invites expire after ${expiryHours} hours: remind before that.`;
    }
  }
  return errors;
}

function bodyOf(draft: Draft): Omit<SurveyRules, 'updated_at'> {
  return {
    enabled: draft.enabled,
    channels: channelsOf(draft.channels),
    agent_types: draft.agent_types,
    min_contact_messages: whole(draft.min_contact_messages),
    sample_percent: whole(draft.sample_percent),
    cooldown_days: whole(draft.cooldown_days),
    reminder_after_hours: draft.remind ? whole(draft.reminder_after_hours) : null,
  };
}

/** Who is asked, in one sentence: what a support lead checks before saving. */
function summaryOf(draft: Draft): string {
  if (!draft.enabled) return 'Closing a conversation asks nobody; the popup shows as it does today.';
  const channels = channelsOf(draft.channels);
  const percent = whole(draft.sample_percent);
  const parts = [
    Number.isFinite(percent) ? `${percent}% of closed conversations` : 'Closed conversations',
    channels.length > 0 ? `on ${channels.join(' or ')}` : 'on every channel',
    draft.agent_types.length === 1 ? `with ${draft.agent_types[0] === 'ai' ? 'an AI' : 'a human'} agent` : '',
    whole(draft.min_contact_messages) > 0 ? `where the customer wrote at least ${draft.min_contact_messages}` : '',
  ];
  const cooldown = whole(draft.cooldown_days);
  return `${parts.filter(Boolean).join(' ')} get an invite${
    cooldown > 0 ? `, at most one per customer every ${cooldown} day${cooldown === 1 ? '' : 's'}` : ''
  }.`;
}

function NumberField(props: {
  label: string;
  hint: string;
  value: string;
  error?: string;
  suffix: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className="field rules-number">
      <label htmlFor={id}>{props.label}</label>
      <div className="input-row">
        <input
          id={id}
          inputMode="numeric"
          value={props.value}
          onChange={(event) => props.onChange(event.target.value)}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={`${id}-hint${props.error ? ` ${id}-error` : ''}`}
        />
        <span className="input-suffix">{props.suffix}</span>
      </div>
      <p className="field-hint" id={`${id}-hint`}>
        {props.hint}
      </p>
      {props.error ? (
        <p className="field-error" id={`${id}-error`}>
          <Icon name="alert" size={14} />
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

/** Settings → Survey rules: who is asked when a conversation closes, and the one reminder. */
export function SurveyRulesCard({ isAdmin, expiryHours }: { isAdmin: boolean; expiryHours: number }) {
  const loaded = useApi<{ data: SurveyRules }>('/v1/survey-rules');
  if (loaded.data) return <RulesForm initial={loaded.data.data} isAdmin={isAdmin} expiryHours={expiryHours} />;
  if (loaded.error) return <ErrorState error={loaded.error} what="The survey rules" onRetry={loaded.reload} />;
  return <Skeleton height={240} />;
}

function RulesForm({ initial, isAdmin, expiryHours }: { initial: SurveyRules; isAdmin: boolean; expiryHours: number }) {
  const [saved, setSaved] = useState<SurveyRules>(initial);
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial));
  const [serverError, setServerError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const channelsId = useId();

  const errors = checkDraft(draft, expiryHours);
  const dirty = JSON.stringify(bodyOf(draft)) !== JSON.stringify(bodyOf(draftOf(saved)));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft({ ...draft, [key]: value });
    setNotice(null);
    setServerError(null);
  };
  const toggleType = (type: AgentType) =>
    set(
      'agent_types',
      draft.agent_types.includes(type) ? draft.agent_types.filter((t) => t !== type) : [...draft.agent_types, type],
    );

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (Object.keys(errors).length > 0) return;
    setSaving(true);
    try {
      const { data } = await request<{ data: SurveyRules }>('/v1/survey-rules', { method: 'PUT', body: bodyOf(draft) });
      setSaved(data);
      setDraft(draftOf(data));
      setNotice('Survey rules saved. Conversations closed from now on follow them.');
    } catch (error) {
      setServerError(error instanceof ApiError ? error.message : 'Something went wrong. Try again.');
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="survey-rules" onSubmit={save} noValidate aria-label="Survey rules">
      <Card title="Who is asked, and when" description="Invites offered automatically when a conversation closes.">
        <div className="card-body">
          <Switch
            label="Invite automatically when a conversation closes"
            description="The rating.offered webhook then carries the link and the invite text for your platform to send. The popup follows the same rules."
            checked={draft.enabled}
            onChange={(on) => set('enabled', on)}
          />
          <div className="field">
            <label htmlFor={channelsId}>Channels</label>
            <input
              id={channelsId}
              value={draft.channels}
              placeholder="Every channel"
              onChange={(event) => set('channels', event.target.value)}
              aria-invalid={errors.channels ? true : undefined}
              aria-describedby={`${channelsId}-hint`}
            />
            <p className="field-hint" id={`${channelsId}-hint`}>
              Separate with commas, as your conversations name them: email, whatsapp. Empty: every channel.
            </p>
            {errors.channels ? (
              <p className="field-error">
                <Icon name="alert" size={14} />
                {errors.channels}
              </p>
            ) : null}
          </div>
          <fieldset className="field">
            <legend>Agents</legend>
            <div className="chip-row">
              {AGENT_TYPES.map((type) => (
                <button
                  key={type.value}
                  type="button"
                  className="chip-toggle"
                  aria-pressed={draft.agent_types.includes(type.value)}
                  onClick={() => toggleType(type.value)}
                >
                  {type.label}
                </button>
              ))}
            </div>
            <p className="field-hint">None picked: conversations with any agent.</p>
          </fieldset>
          <div className="rules-grid">
            <NumberField
              label="Sample"
              suffix="%"
              hint="The same conversation always gets the same answer."
              value={draft.sample_percent}
              error={errors.sample_percent}
              onChange={(value) => set('sample_percent', value)}
            />
            <NumberField
              label="Customer messages"
              suffix="at least"
              hint="0: no minimum."
              value={draft.min_contact_messages}
              error={errors.min_contact_messages}
              onChange={(value) => set('min_contact_messages', value)}
            />
            <NumberField
              label="Cooldown"
              suffix="days"
              hint="Not again for the same customer within this time. 0: none."
              value={draft.cooldown_days}
              error={errors.cooldown_days}
              onChange={(value) => set('cooldown_days', value)}
            />
          </div>
          <Switch
            label="Send one reminder"
            description="A rating.reminder_due webhook for an invite nobody answered yet — never after it expires."
            checked={draft.remind}
            onChange={(on) => set('remind', on)}
          />
          {draft.remind ? (
            <NumberField
              label="Remind after"
              suffix="hours"
              hint={`Invites expire after ${expiryHours} hours.`}
              value={draft.reminder_after_hours}
              error={errors.reminder_after_hours}
              onChange={(value) => set('reminder_after_hours', value)}
            />
          ) : null}
          <p className="rules-summary" role="status">
            <Icon name="bulb" size={15} /> {summaryOf(draft)}
          </p>
          {serverError ? (
            <div className="form-alert" role="alert">
              <Icon name="alert" size={16} />
              <p>{serverError}</p>
            </div>
          ) : null}
          <div className="rules-actions" hidden={!isAdmin}>
            <span className="save-status" role="status">
              {notice ? (
                <span className="save-ok">
                  <Icon name="check" size={15} /> {notice}
                </span>
              ) : dirty ? (
                'Unsaved changes.'
              ) : null}
            </span>
            <button
              type="submit"
              className="button button-primary"
              disabled={!dirty || saving || Object.keys(errors).length > 0}
            >
              {saving ? 'Saving…' : 'Save rules'}
            </button>
          </div>
        </div>
      </Card>
    </form>
  );
}
