// The embeddable Plaudit widget: the end-of-conversation popup (`window.Plaudit.open()`) and the
// `<plaudit-message-feedback message="UID">` element. No dependencies; it talks to Plaudit's /widget/v1 API with the
// widget token from its own <script> tag, and renders into open shadow roots so that the host page's styles stay out.
import { h, thumb } from './dom.js';
import { customField, questionField } from './fields.js';
import { STYLES } from './styles.js';
import type { Answer, Question, Session } from './types.js';

const script = document.currentScript as HTMLScriptElement | null;
const token = script?.dataset.plauditToken ?? '';
const origin = script?.src ? new URL(script.src).origin : location.origin;

let sessionPromise: Promise<Session> | undefined;

async function call<T>(method: string, path: string, body?: unknown): Promise<T | null> {
  const response = await fetch(`${origin}/widget/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'omit',
  });
  if (!response.ok) throw new Error(`Plaudit answered ${response.status}`);
  return response.status === 204 ? null : ((await response.json()) as { data: T }).data;
}

function session(): Promise<Session> {
  sessionPromise ??= call<Session>('GET', '/session').then((data) => data!);
  return sessionPromise;
}

/** A shadow root with the widget's styles and the organization's colours. */
function themedRoot(host: HTMLElement, data: Session): ShadowRoot {
  const { brand } = data;
  // The texts' language and direction: the shadow tree inherits the direction, so Arabic lays out right to left.
  host.setAttribute('lang', data.language);
  host.setAttribute('dir', data.dir ?? 'ltr');
  const root = host.attachShadow({ mode: 'open' });
  // A constructed stylesheet is not inline style: it works under a host page's strict Content-Security-Policy.
  if (
    'adoptedStyleSheets' in root &&
    typeof CSSStyleSheet !== 'undefined' &&
    'replaceSync' in CSSStyleSheet.prototype
  ) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES);
    root.adoptedStyleSheets = [sheet];
  } else {
    root.append(h('style', {}, STYLES));
  }
  const colors = brand.colors;
  host.style.setProperty('--pl-accent', colors.accent);
  host.style.setProperty('--pl-on-accent', colors.on_accent);
  host.style.setProperty('--pl-ink', colors.ink);
  host.style.setProperty('--pl-soft', colors.soft);
  return root;
}

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), textarea, a[href], [tabindex]:not([tabindex="-1"])';

let openHost: HTMLElement | undefined;

function close(): void {
  const host = openHost;
  if (!host) return;
  openHost = undefined;
  const previous = (host as HTMLElement & { plauditReturnFocus?: HTMLElement | null }).plauditReturnFocus;
  host.remove();
  previous?.focus?.();
}

/** Shows the end-of-conversation popup, when the organization has it switched on. */
async function open(): Promise<void> {
  if (openHost) return;
  const data = await session();
  if (!data.popup_active || data.questions.length === 0 || openHost) return;
  const text = data.text;
  const host = h('div', { 'data-plaudit-popup': '' });
  (host as HTMLElement & { plauditReturnFocus?: HTMLElement | null }).plauditReturnFocus =
    document.activeElement as HTMLElement | null;
  const root = themedRoot(host, data);
  const answers = new Map<string, number>();
  // The organization's own questions keep their answers apart; built-in codes send `value` as they always have.
  const own = new Map<string, Answer>();
  const finishers: Array<() => void> = [];
  const isOwn = (question: Question) =>
    question.scale !== undefined || question.options !== undefined || question.kind === 'text';
  const closeButton = h('button', { type: 'button', class: 'close', 'aria-label': text.close ?? 'Close' }, '×');
  closeButton.addEventListener('click', close);
  const comment = h('textarea', { id: 'comment', rows: '3', maxlength: '2000' }) as HTMLTextAreaElement;
  const status = h('p', { class: 'status', role: 'status' });
  const submit = h('button', { type: 'submit', class: 'submit' }, text.submit ?? 'Send');
  const form = h(
    'form',
    {},
    ...data.questions.map((question) =>
      isOwn(question) ? customField(question, own, finishers) : questionField(question, answers),
    ),
    h('label', { for: 'comment', class: 'label' }, `${text.comment} (${text.optional})`),
    comment,
    status,
    submit,
  ) as HTMLFormElement;
  const body = h('div', { class: 'body' }, h('p', { class: 'lede' }, text.lede ?? ''), form);
  const dialog = h(
    'div',
    { class: 'dialog', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'title' },
    h('div', { class: 'head' }, h('h2', { id: 'title' }, text.dialogTitle ?? data.brand.name), closeButton),
    body,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (answers.size === 0 && own.size === 0) {
      status.textContent = data.questions[0]?.label ?? '';
      return;
    }
    submit.setAttribute('disabled', '');
    for (const finish of finishers) finish();
    call('POST', '/rating', {
      answers: [
        ...[...answers].map(([code, value]) => ({ code, value })),
        ...[...own].map(([code, answer]) => ({ code, ...answer })),
      ],
      ...(comment.value.trim() ? { comment: comment.value.trim() } : {}),
    })
      .then(() => {
        const heading = h('h3', { class: 'thanks', tabindex: '-1' }, text.thanks_title ?? 'Thank you!');
        body.replaceChildren(heading, h('p', {}, text.thanks_body ?? ''));
        heading.focus();
      })
      .catch(() => {
        status.textContent = text.error ?? 'Error';
        submit.removeAttribute('disabled');
      });
  });
  // Keyboard: Escape closes; Tab stays inside the dialog.
  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
      return;
    }
    if (event.key !== 'Tab') return;
    const focusable = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    const active = root.activeElement;
    if (event.shiftKey && (active === first || !dialog.contains(active))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  });
  const backdrop = h('div', { class: 'backdrop' });
  backdrop.addEventListener('click', close);
  root.append(backdrop, dialog);
  openHost = host;
  document.body.append(host);
  (dialog.querySelector<HTMLElement>('.question button, .question input') ?? closeButton).focus();
}

/** `<plaudit-message-feedback message="UID">`: like and dislike toggles, and an optional comment, for one message. */
class MessageFeedbackElement extends HTMLElement {
  private rendered = false;

  connectedCallback(): void {
    if (this.rendered) return;
    this.rendered = true;
    session()
      .then((data) => this.render(data))
      .catch(() => undefined);
  }

  private render(data: Session): void {
    const uid = this.getAttribute('message') ?? '';
    const text = data.text;
    const root = themedRoot(this, data);
    let current = data.messages.find((message) => message.uid === uid)?.rating ?? null;
    const status = h('span', { class: 'status', role: 'status' });
    const comment = h('textarea', { id: 'c', rows: '2', maxlength: '2000' }) as HTMLTextAreaElement;
    const send = h('button', { type: 'submit', class: 'submit small' }, text.send ?? 'Send');
    const form = h(
      'form',
      { class: 'comment', hidden: '' },
      h('label', { for: 'c', class: 'label' }, text.messageComment ?? ''),
      comment,
      send,
    ) as HTMLFormElement;
    const post = (body: Record<string, unknown>) =>
      call('POST', `/messages/${encodeURIComponent(uid)}/feedback`, body)
        .then(() => {
          status.textContent = text.sent ?? '';
        })
        .catch(() => {
          status.textContent = text.error ?? 'Error';
        });
    const buttons = (['like', 'dislike'] as const).map((value) => {
      const button = h(
        'button',
        {
          type: 'button',
          class: 'thumb',
          'data-value': value,
          'aria-pressed': 'false',
          'aria-label': text[value] ?? value,
        },
        thumb(value === 'like' ? 'up' : 'down'),
      );
      button.addEventListener('click', () => {
        current = current === value ? null : value;
        for (const other of buttons) other.setAttribute('aria-pressed', String(other.dataset.value === current));
        form.hidden = current === null;
        void post({ rating: current });
      });
      return button;
    });
    for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.value === current));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (comment.value.trim()) void post({ comment: comment.value.trim() });
    });
    root.append(h('div', { class: 'feedback' }, h('div', { class: 'row' }, ...buttons, status), form));
  }
}

if (!customElements.get('plaudit-message-feedback')) {
  customElements.define('plaudit-message-feedback', MessageFeedbackElement);
}

const api = { open, close };
(window as unknown as { Plaudit: typeof api }).Plaudit = api;

// Pages under a strict CSP cannot call Plaudit.open() from an inline script: with data-plaudit-bind-open on the
// <script> tag, every element with data-plaudit-open opens the popup when clicked.
if (script?.hasAttribute('data-plaudit-bind-open')) {
  const bind = () => {
    for (const element of document.querySelectorAll('[data-plaudit-open]')) {
      element.addEventListener('click', () => void open());
    }
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', bind);
  else bind();
}
