import { useRef, useState, type FormEvent } from 'react';
import { request } from '../../api/client';
import { Icon } from '../../components/icons';
import { draftBody, emptyDraft, type Question } from '../../lib/questions';
import { QuestionFields } from './question-fields';
import { QuestionPreview } from './question-preview';
import { focusFirstInvalid, useQuestionDraft, type QuestionDraftForm } from './use-question-draft';

/** What the API still refused about no single field, and the reminder to correct the fields marked. */
export function FormAlerts({ form, action }: { form: QuestionDraftForm; action: string }) {
  const checked = form.submitted && Object.keys(form.errors).length > 0;
  return (
    <>
      {form.formError ? (
        <div className="form-alert" role="alert">
          <Icon name="alert" size={15} /> {form.formError}
        </div>
      ) : null}
      {checked ? (
        <p className="field-error" role="alert">
          <Icon name="alert" size={14} /> Correct the fields marked above to {action}.
        </p>
      ) : null}
    </>
  );
}

/**
 * The designer's form for a new question, with the live preview beside it. Mistakes are shown as the person types
 * (each field once it was changed, every field once they try to save); what the API still refuses is shown at its
 * field, in words.
 */
export function QuestionForm({
  taken,
  language,
  onSaved,
  onCancel,
}: {
  taken: ReadonlySet<string>;
  language: string;
  onSaved: (question: Question) => void;
  onCancel: () => void;
}) {
  const form = useQuestionDraft(() => ({ ...emptyDraft(language), codeEdited: false }), taken);
  const [saving, setSaving] = useState(false);
  const element = useRef<HTMLFormElement>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!form.trySubmit()) {
      focusFirstInvalid(element.current);
      return;
    }
    setSaving(true);
    try {
      const created = await request<{ data: Question }>('/v1/questions', {
        method: 'POST',
        body: draftBody(form.draft),
      });
      onSaved(created.data);
    } catch (caught) {
      form.refused(caught, 'The question could not be saved. Try again.');
      focusFirstInvalid(element.current);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="qd-form" ref={element} onSubmit={save} noValidate aria-label="New question">
      <div className="qd-layout">
        <QuestionFields form={form} editing={false} />
        <QuestionPreview draft={form.draft} />
      </div>
      <FormAlerts form={form} action="add the question" />
      <div className="form-actions">
        <button type="button" className="button button-ghost" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? 'Adding…' : 'Add question'}
        </button>
      </div>
    </form>
  );
}
