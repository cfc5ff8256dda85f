import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Icon } from './icons';

/** A modal question with a dangerous answer; Escape or Cancel closes it without doing anything. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  busy = false,
  error,
  onConfirm,
  onCancel,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 className="dialog-title" id={titleId}>
        {title}
      </h2>
      <div className="dialog-body">{children}</div>
      {error ? (
        <p className="form-alert" role="alert">
          <Icon name="alert" size={15} /> {error}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="button button-ghost" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <button type="button" className="button button-danger" onClick={onConfirm} disabled={busy}>
          {busy ? 'Working…' : confirmLabel}
        </button>
      </div>
    </dialog>
  );
}

/** A read-only value with a button that copies it; says so when it did. */
export function CopyField({ label, value, multiline = false }: { label: string; value: string; multiline?: boolean }) {
  const id = useId();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(null), 2500);
    return () => clearTimeout(timer);
  }, [copied]);
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  // The Clipboard API exists only on secure origins (HTTPS, localhost); elsewhere the selected text is copied the old way.
  const copy = () => {
    const fallback = () => {
      field.current?.select();
      setCopied(document.execCommand('copy') ? 'yes' : 'failed');
    };
    if (!navigator.clipboard) return fallback();
    navigator.clipboard.writeText(value).then(() => setCopied('yes'), fallback);
  };
  return (
    <div className="copy-field">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      {multiline ? (
        <textarea
          ref={field}
          id={id}
          className="copy-value mono"
          readOnly
          value={value}
          rows={value.split('\n').length}
        />
      ) : (
        <input
          ref={field}
          id={id}
          type="text"
          className="copy-value mono"
          readOnly
          value={value}
          onFocus={(event) => event.target.select()}
        />
      )}
      <button type="button" className="button button-secondary copy-button" onClick={copy}>
        <Icon name={copied === 'yes' ? 'check' : 'copy'} size={15} />
        {copied === 'yes' ? 'Copied' : 'Copy'}
      </button>
      <span className="visually-hidden" role="status">
        {copied === 'yes'
          ? `${label} copied`
          : copied === 'failed'
            ? 'Copying failed; select the text and copy it'
            : ''}
      </span>
    </div>
  );
}

/** A secret shown this once: the warning, the value to copy, and a button to put it away. */
export function SecretReveal({
  title,
  label,
  value,
  children,
  onDone,
}: {
  title: string;
  label: string;
  value: string;
  children: ReactNode;
  onDone: () => void;
}) {
  return (
    <section className="secret-reveal" aria-label={title}>
      <div className="secret-reveal-head">
        <span className="secret-reveal-icon">
          <Icon name="alert" size={16} />
        </span>
        <div>
          <h2 className="secret-reveal-title">{title}</h2>
          <p className="secret-reveal-text">{children}</p>
        </div>
      </div>
      <CopyField label={label} value={value} />
      <div className="secret-reveal-actions">
        <button type="button" className="button button-primary button-small" onClick={onDone}>
          I have copied it
        </button>
      </div>
    </section>
  );
}
