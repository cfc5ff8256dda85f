import { escapeHtml } from '../rating-page/index.js';

const STYLE = `
body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f3f4f6;color:#111827}
main{max-width:40rem;margin:2rem auto;padding:0 1rem}
.chat{background:#fff;border-radius:12px;padding:1rem;box-shadow:0 1px 3px #0002}
.msg{margin:.75rem 0;padding:.6rem .8rem;border-radius:10px;max-width:85%}
.contact{background:#e0f2fe;margin-left:auto}
.agent{background:#f3f4f6}
button.open{margin-top:1rem;font:inherit;padding:.6rem 1rem;border-radius:8px;border:1px solid #374151;background:#111827;color:#fff;cursor:pointer}
`;

/**
 * The demo page: a fake chat of the demo organization with the widget embedded, as a customer's site would embed it.
 * It runs under a strict CSP — the script comes from Plaudit itself and takes its configuration from data attributes.
 */
export function demoPage(input: {
  nonce: string;
  origin: string;
  demo: { token: string; messages: Array<{ uid: string; role: string; text: string | null }> } | undefined;
}): string {
  const head = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Plaudit widget demo</title><style nonce="${escapeHtml(input.nonce)}">${STYLE}</style></head><body><main><h1>Plaudit widget demo</h1>`;
  if (!input.demo) {
    return `${head}<p>There is no demo organization in this installation, so there is nothing to show. Start Plaudit with <code>npm start</code> (which seeds the demo organization) or run <code>plaudit demo</code>, then open this page again.</p></main></body></html>`;
  }
  const messages = input.demo.messages
    .map(({ uid, role, text }) => {
      // The contact's own lines take no feedback; the agent's answers do.
      const own = role === 'user';
      const feedback = own ? '' : `<plaudit-message-feedback message="${escapeHtml(uid)}"></plaudit-message-feedback>`;
      return `<div class="msg ${own ? 'contact' : 'agent'}"><p>${escapeHtml(text ?? '')}</p>${feedback}</div>`;
    })
    .join('');
  return `${head}<p>A chat of the demo organization, as a customer's site would show it. Rate single answers with the thumbs under them; the button below opens the end-of-conversation popup (<code>Plaudit.open()</code>).</p>
<section class="chat" aria-label="Chat">${messages}</section>
<button type="button" class="open" data-plaudit-open>Rate this conversation</button>
</main><script src="/widget.js" data-plaudit-token="${escapeHtml(input.demo.token)}" data-plaudit-bind-open></script></body></html>`;
}
