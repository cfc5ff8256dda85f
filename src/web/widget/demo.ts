import type { WidgetDemo } from '../../modules/widget/index.js';
import { escapeHtml } from '../rating-page/index.js';

const STYLE = `
*{box-sizing:border-box}
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;background:#f6f7f9;color:#101828}
header{background:#fff;border-bottom:1px solid #e5e7eb}
.bar{max-width:44rem;margin:0 auto;padding:.75rem 1rem;display:flex;align-items:center;justify-content:space-between;gap:1rem}
.brand{font-weight:650;letter-spacing:-.01em}
.bar a{color:#3730a3;text-decoration:none;font-weight:550}
.bar a:hover,.bar a:focus-visible{text-decoration:underline}
main{max-width:44rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem;line-height:1.25;margin:0 0 .5rem}
.lede{color:#4b5563;margin:0 0 1.5rem}
.chat{background:#fff;border-radius:14px;padding:1.25rem;box-shadow:0 1px 3px #0000001a,0 1px 2px #0000000f}
.chat h2{font-size:.85rem;text-transform:uppercase;letter-spacing:.06em;color:#6b7280;margin:0 0 .5rem}
.msg{margin:.75rem 0;padding:.65rem .85rem;border-radius:12px;max-width:85%}
.msg p{margin:0}
.contact{background:#e0f2fe;margin-left:auto}
.agent{background:#f3f4f6}
button.open{margin-top:1.25rem;font:inherit;font-weight:550;padding:.65rem 1.1rem;border-radius:10px;border:0;background:#101828;color:#fff;cursor:pointer}
button.open:hover{background:#1d2939}
button.open:focus-visible{outline:3px solid #a5b4fc;outline-offset:2px}
.note{margin-top:1.5rem;color:#4b5563;font-size:.95rem}
.empty{background:#fff;border-radius:14px;padding:1.5rem;box-shadow:0 1px 3px #0000001a}
.empty p{margin:.5rem 0}
code{font:.9em ui-monospace,SFMono-Regular,Menlo,monospace;background:#eef2f7;padding:.1em .35em;border-radius:5px}
`;

function page(nonce: string, organizationName: string, body: string, script = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Widget demo · Plaudit</title><style nonce="${escapeHtml(nonce)}">${STYLE}</style></head><body><header><div class="bar"><span class="brand">Plaudit · ${escapeHtml(organizationName)}</span><a href="/settings">Back to the dashboard</a></div></header><main>${body}</main>${script}</body></html>`;
}

/**
 * The demo page: the organization's widget demo conversation as a customer's site would show it, with the widget
 * embedded. It runs under a strict CSP — the script comes from Plaudit itself and takes its configuration from data
 * attributes. Without a demo conversation it says where one comes from, and shows nothing else.
 */
export function demoPage(input: { nonce: string; organizationName: string; demo: WidgetDemo | undefined }): string {
  const { nonce, organizationName, demo } = input;
  if (!demo) {
    return page(
      nonce,
      organizationName,
      `<h1>Try the widget</h1><div class="empty"><p>${escapeHtml(organizationName)} has no widget demo conversation. This page shows only a conversation made for it, never one of your contacts', so that trying the widget never adds answers to your real figures.</p><p>The demo organization that <code>npm start</code> or <code>npx plaudit demo</code> creates has one: sign in as the demo user they print, then open this page again.</p><p>To put the widget on your own site, mint a token for a conversation with <code>POST /v1/conversations/{id}/widget-tokens</code> and embed <code>&lt;script src="/widget.js" data-plaudit-token="pwt_…"&gt;</code>; see the <a href="/docs">API docs</a>.</p></div>`,
    );
  }
  const messages = demo.messages
    .map(({ uid, role, text }) => {
      // The contact's own lines take no feedback; the agent's answers do.
      const own = role === 'user';
      const feedback = own ? '' : `<plaudit-message-feedback message="${escapeHtml(uid)}"></plaudit-message-feedback>`;
      return `<div class="msg ${own ? 'contact' : 'agent'}"><p>${escapeHtml(text ?? '')}</p>${feedback}</div>`;
    })
    .join('');
  return page(
    nonce,
    organizationName,
    `<h1>Try the widget</h1><p class="lede">A chat as a customer's site would show it, with the widget embedded. Rate single answers with the thumbs under them; the button below opens the end-of-conversation popup (<code>Plaudit.open()</code>).</p>
<section class="chat" aria-labelledby="chat-title"><h2 id="chat-title">Chat</h2>${messages}<button type="button" class="open" data-plaudit-open>Rate this conversation</button></section>
<p class="note">This conversation was made for this page by the demo. What you answer here is stored on it and counts in ${escapeHtml(organizationName)}'s figures, like any answer.</p>`,
    `<script src="/widget.js" data-plaudit-token="${escapeHtml(demo.token)}" data-plaudit-bind-open></script>`,
  );
}
