import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { request } from '../../api/client';
import { Badge } from '../../components/ui';
import { formatDateTime } from '../../lib/format';
import { draftOf, patchBody, textIn, type Question, type Texts } from '../../lib/questions';
import { useApi } from '../../lib/use-api';
import { QuestionFields } from './question-fields';
import { FormAlerts } from './question-form';
import { QuestionPreview } from './question-preview';
import { focusFirstInvalid, useQuestionDraft, type EditedDraft } from './use-question-draft';
import { useUnsavedWarning } from '../../lib/use-unsaved-warning';

/** One stored version of a question, as `GET /v1/questions/{code}/versions` lists them. */
interface QuestionVersion {
  version: number;
  created_at: string;
  labels: Texts;
}

function editedDraft(question: Question, language: string): EditedDraft {
  const draft = draftOf(question, language);
  // The ids of the options and reasons that have answers stay as they are when their labels are reworded.
  return {
    ...draft,
    options: draft.options.map((option) => ({ ...option, idEdited: true })),
    reasons: draft.reasons.map((reason) => ({ ...reason, idEdited: true })),
    codeEdited: true,
  };
}

/** The version being edited, when it was saved, and the earlier ones: what answers given before were asked with. */
function VersionHistory({ question, language }: { question: Question; language: string }) {
  const versions = useApi<{ data: QuestionVersion[] }>(`/v1/questions/${encodeURIComponent(question.code)}/versions`);
  const all = versions.data?.data ?? [];
  const current = all.find((entry) => entry.version === question.version);
  const earlier = all.filter((entry) => entry.version !== question.version).reverse();
  const when = current?.created_at ?? question.updated_at;
  return (
    <div className="qd-edit-head">
      <h3 className="qd-edit-name">Editing “{textIn(question.labels, language) || question.code}”</h3>
      <div className="qd-edit-title">
        <Badge tone="info">Version {question.version}</Badge>
        <span className="qd-edit-when" data-testid="question-edited">
          {question.version === 1 ? 'Created' : 'Edited'} {formatDateTime(when)}
        </span>
      </div>
      <p className="field-hint">
        Saving makes version {(question.version ?? 0) + 1}. Answers given so far keep the version they were given to,
        and read as they were asked.
      </p>
      {earlier.length > 0 ? (
        <details className="qd-history">
          <summary>{earlier.length === 1 ? 'One earlier version' : `${earlier.length} earlier versions`}</summary>
          <ol>
            {earlier.map((entry) => (
              <li key={entry.version}>
                <span className="qd-history-version">Version {entry.version}</span>
                <span className="qd-history-label">“{textIn(entry.labels, language)}”</span>
                <span className="qd-history-when">{formatDateTime(entry.created_at)}</span>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </div>
  );
}

/**
 * The designer's form filled with a question's current version. Saving sends the whole definition as an edit, which
 * the API stores as the next version; the kind and the code stay. Cancel discards the edits; leaving the page with
 * unsaved edits asks first.
 */
export function QuestionEditForm({
  question,
  taken,
  language,
  onSaved,
  onCancel,
  onArchive,
  onDirty,
}: {
  question: Question;
  /** The codes of the organization's other questions. */
  taken: ReadonlySet<string>;
  language: string;
  onSaved: (question: Question) => void;
  onCancel: () => void;
  onArchive: () => void;
  onDirty: (dirty: boolean) => void;
}) {
  const form = useQuestionDraft(() => editedDraft(question, language), taken);
  const initial = useMemo(() => JSON.stringify(patchBody(editedDraft(question, language))), [question, language]);
  const dirty = JSON.stringify(patchBody(form.draft)) !== initial;
  const [saving, setSaving] = useState(false);
  const element = useRef<HTMLFormElement>(null);
  const label = textIn(question.labels, language) || question.code;

  useEffect(() => onDirty(dirty), [dirty, onDirty]);
  useUnsavedWarning(dirty);
  useEffect(() => {
    element.current?.querySelector<HTMLElement>(`#question-label-${form.draft.languages[0]}`)?.focus();
    // Only when the editor opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!form.trySubmit()) {
      focusFirstInvalid(element.current);
      return;
    }
    setSaving(true);
    try {
      const path = `/v1/questions/${encodeURIComponent(question.code)}`;
      const saved = await request<{ data: Question }>(path, { method: 'PATCH', body: patchBody(form.draft) });
      onSaved(saved.data);
    } catch (caught) {
      form.refused(caught, 'The changes could not be saved. Try again.');
      focusFirstInvalid(element.current);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="qd-form" ref={element} onSubmit={save} noValidate aria-label={`Edit “${label}”`}>
      <VersionHistory question={question} language={language} />
      <div className="qd-layout">
        <QuestionFields form={form} editing />
        <QuestionPreview draft={form.draft} />
      </div>
      <FormAlerts form={form} action="save the question" />
      <div className="form-actions qd-edit-actions">
        <button type="button" className="button button-ghost qd-archive" onClick={onArchive}>
          Archive…
        </button>
        {dirty ? (
          <span className="qd-unsaved" role="status">
            Unsaved changes
          </span>
        ) : null}
        <button type="button" className="button button-ghost" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={saving || !dirty}>
          {saving ? 'Saving…' : `Save as version ${(question.version ?? 0) + 1}`}
        </button>
      </div>
    </form>
  );
}
