import type { ReactNode } from 'react';
import type { SetupState, SetupStepId } from '../api/admin-types';
import { CopyField } from './dialogs';
import { Icon } from './icons';
import { Link } from '../lib/router';

/** The commands of the steps, with this server's address; `$PLAUDIT_API_KEY` stands for the key made in step one. */
function commands(publicUrl: string) {
  return {
    conversation: [
      `curl -X POST ${publicUrl}/v1/conversations \\`,
      `  -H "Authorization: Bearer $PLAUDIT_API_KEY" \\`,
      `  -H "Content-Type: application/json" \\`,
      `  -d '{`,
      `    "external_id": "first-chat",`,
      `    "channel": "widget_chat",`,
      `    "messages": [`,
      `      {"role": "user", "text": "Hi, where is my order?"},`,
      `      {"role": "agent", "text": "It left our warehouse this morning."}`,
      `    ]`,
      `  }'`,
    ].join('\n'),
    widget: [
      `<!-- Your backend mints a token for each conversation:`,
      `     POST ${publicUrl}/v1/conversations/{id}/widget-tokens -->`,
      `<script src="${publicUrl}/widget.js" data-plaudit-token="pwt_…"></script>`,
    ].join('\n'),
  };
}

interface Step {
  id: SetupStepId;
  title: string;
  body: ReactNode;
}

/** The first-day checklist: what to do to get the first ratings in, each step ticked off once it has happened. */
export function SetupChecklist({ setup }: { setup: SetupState }) {
  const run = commands(setup.public_url);
  const steps: Step[] = [
    {
      id: 'api_key',
      title: 'Create an API key',
      body: (
        <p>
          Your backend talks to Plaudit with a key. <Link to="/settings/api-keys">Create one on the API keys page</Link>{' '}
          and keep it in your server’s secrets as <code>PLAUDIT_API_KEY</code>.
        </p>
      ),
    },
    {
      id: 'conversation',
      title: 'Send your first conversation',
      body: (
        <>
          <p>Send each chat with its messages when it happens. Try it from a terminal:</p>
          <CopyField label="The command to send a conversation" value={run.conversation} multiline />
        </>
      ),
    },
    {
      id: 'ratings',
      title: 'Choose how you ask for ratings',
      body: (
        <p>
          Pick the questions, the invite text and where happy customers go next, then save.{' '}
          <Link to="/settings">Open the rating settings</Link>.
        </p>
      ),
    },
    {
      id: 'widget',
      title: 'Embed the widget',
      body: (
        <>
          <p>Put the end-of-chat popup and thumbs on every message into your chat page:</p>
          <CopyField label="The widget snippet" value={run.widget} multiline />
        </>
      ),
    },
  ];
  const done = new Map(setup.steps.map((step) => [step.id, step.done]));
  const count = setup.steps.filter((step) => step.done).length;
  const next = steps.find((step) => !done.get(step.id))?.id;

  return (
    <section className="card setup" aria-labelledby="setup-title">
      <header className="setup-header">
        <div>
          <h2 className="card-title" id="setup-title">
            Get {setup.organization.name} started
          </h2>
          <p className="card-description">
            Four steps to your first ratings. Each ticks off by itself once it has happened.
          </p>
        </div>
        <div className="setup-progress" aria-label={`${count} of ${steps.length} steps done`}>
          <span className="setup-progress-count">
            {count}/{steps.length}
          </span>
          <span className="setup-progress-bar" aria-hidden="true">
            <span className={`setup-progress-fill setup-progress-${count}`} />
          </span>
        </div>
      </header>
      <ol className="setup-steps">
        {steps.map((step, index) => {
          const isDone = done.get(step.id) === true;
          return (
            <li
              key={step.id}
              className={`setup-step${isDone ? ' is-done' : ''}${step.id === next ? ' is-next' : ''}`}
              aria-label={`${step.title}: ${isDone ? 'done' : 'to do'}`}
            >
              <span className="setup-mark" aria-hidden="true">
                {isDone ? <Icon name="check" size={14} /> : index + 1}
              </span>
              <div className="setup-step-text">
                <h3 className="setup-step-title">
                  {step.title}
                  {isDone ? <span className="visually-hidden"> (done)</span> : null}
                </h3>
                {isDone && step.id !== next ? null : <div className="setup-step-body">{step.body}</div>}
              </div>
            </li>
          );
        })}
      </ol>
      <p className="setup-foot">
        Organization <strong>{setup.organization.name}</strong> · API at{' '}
        <span className="mono">{setup.public_url}/v1</span> · <a href="/docs">API reference</a>
      </p>
    </section>
  );
}
