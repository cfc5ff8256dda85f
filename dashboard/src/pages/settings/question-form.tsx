import { useMemo, useState, type FormEvent } from 'react';
import { ApiError, request } from '../../api/client';
import { Icon } from '../../components/icons';
import { LANGUAGES, languageName } from '../../lib/languages';
import {
  draftBody,
  emptyDraft,
  FOLLOW_UP_KINDS,
  idFromLabel,
  KINDS,
  LIMITS,
  lowAnswer,
  validateDraft,
  type Draft,
  type Question,
  type QuestionKind,
  type Texts,
} from '../../lib/questions';
import { FieldError, ItemsEditor, type EditedItem } from './question-items';
import { QuestionPreview } from './question-preview';

interface EditedDraft extends Draft {
  options: EditedItem[];
  reasons: EditedItem[];
  /** Whether the code was written by hand; until then it follows the first language's question. */
  codeEdited: boolean;
}

/**
 * The designer's form for a new question, with the live preview beside it. Mistakes are shown as the person types
 * (each field once it was changed, every field once they try to save); what the API still refuses is shown as it says.
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
  const [draft, setDraft] = useState<EditedDraft>(() => ({ ...emptyDraft(language), codeEdited: false }));
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [apiError, setApiError] = useState<string | null>(null);
  const errors = useMemo(() => validateDraft(draft, taken), [draft, taken]);
  const [first] = draft.languages;

  const change = (field: string, next: Partial<EditedDraft>) => {
    setApiError(null);
    setTouched((current) => new Set(current).add(field));
    setDraft((current) => ({ ...current, ...next }));
  };
  const shown = (key: string) => (submitted || touched.has(key.split('.')[0]!) ? errors[key] : undefined);
  const setText = (field: 'labels' | 'help' | 'commentPrompt', code: string, text: string) => {
    const texts: Texts = { ...draft[field], [code]: text };
    const follow = field === 'labels' && code === first && !draft.codeEdited;
    change(field, { [field]: texts, ...(follow ? { code: idFromLabel(text) } : {}) });
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(errors).length > 0) {
      const target = event.currentTarget.querySelector<HTMLElement>('[aria-invalid="true"]');
      target?.focus();
      return;
    }
    setSaving(true);
    setApiError(null);
    try {
      const created = await request<{ data: Question }>('/v1/questions', { method: 'POST', body: draftBody(draft) });
      onSaved(created.data);
    } catch (caught) {
      setApiError(caught instanceof ApiError ? caught.message : 'The question could not be saved. Try again.');
    } finally {
      setSaving(false);
    }
  };

  const codeError = shown('code');
  const kind = KINDS.find((entry) => entry.kind === draft.kind)!;
  const unused = LANGUAGES.filter((entry) => !draft.languages.includes(entry.code));
  return (
    <form className="qd-form" onSubmit={save} noValidate aria-label="New question">
      <div className="qd-layout">
        <div className="qd-fields">
          <div className="qd-row">
            <div className="field">
              <label htmlFor="question-kind">Kind</label>
              <select
                id="question-kind"
                value={draft.kind}
                onChange={(event) => change('kind', { kind: event.target.value as QuestionKind })}
              >
                {KINDS.map((entry) => (
                  <option key={entry.kind} value={entry.kind}>
                    {entry.name}
                  </option>
                ))}
              </select>
              <span className="field-hint">{kind.description}</span>
            </div>
            <div className="field">
              <label htmlFor="question-code">Code</label>
              <input
                type="text"
                id="question-code"
                className="mono"
                value={draft.code}
                maxLength={LIMITS.codeMax + 10}
                aria-invalid={Boolean(codeError) || undefined}
                aria-describedby={codeError ? 'question-code-error' : 'question-code-hint'}
                onChange={(event) => change('code', { code: event.target.value, codeEdited: true })}
              />
              {codeError ? (
                <FieldError id="question-code-error" message={codeError} />
              ) : (
                <span className="field-hint" id="question-code-hint">
                  How the API, invites and exports name it, such as EASE_OF_HELP. It cannot change later.
                </span>
              )}
            </div>
          </div>

          <fieldset className="field">
            <legend>Languages</legend>
            <div className="qd-languages">
              {draft.languages.map((code) => (
                <span key={code} className="qd-language">
                  {languageName(code)}
                  {draft.languages.length > 1 ? (
                    <button
                      type="button"
                      className="qd-language-remove"
                      aria-label={`Remove ${languageName(code)}`}
                      onClick={() => change('languages', { languages: draft.languages.filter((l) => l !== code) })}
                    >
                      <Icon name="x" size={12} />
                    </button>
                  ) : null}
                </span>
              ))}
              {unused.length > 0 ? (
                <select
                  aria-label="Add a language"
                  value=""
                  onChange={(event) =>
                    event.target.value && change('languages', { languages: [...draft.languages, event.target.value] })
                  }
                >
                  <option value="">Add a language…</option>
                  {unused.map((entry) => (
                    <option key={entry.code} value={entry.code}>
                      {languageName(entry.code)}
                    </option>
                  ))}
                </select>
              ) : null}
            </div>
            <span className="field-hint">
              Raters read the question in their language, else your default language, else English.
            </span>
          </fieldset>

          {draft.languages.map((code) => {
            const suffix = draft.languages.length > 1 ? ` · ${languageName(code)}` : '';
            const dir = code === 'ar' ? 'rtl' : 'ltr';
            const labelError = shown(`labels.${code}`);
            const helpError = shown(`help.${code}`);
            return (
              <div className="qd-language-fields" key={code}>
                <div className="field">
                  <label htmlFor={`question-label-${code}`}>Question{suffix}</label>
                  <input
                    type="text"
                    id={`question-label-${code}`}
                    lang={code}
                    dir={dir}
                    value={draft.labels[code] ?? ''}
                    aria-invalid={Boolean(labelError) || undefined}
                    aria-describedby={labelError ? `question-label-${code}-error` : undefined}
                    onChange={(event) => setText('labels', code, event.target.value)}
                  />
                  <FieldError id={`question-label-${code}-error`} message={labelError} />
                </div>
                <div className="field">
                  <label htmlFor={`question-help-${code}`}>Help text{suffix} (optional)</label>
                  <input
                    type="text"
                    id={`question-help-${code}`}
                    lang={code}
                    dir={dir}
                    value={draft.help[code] ?? ''}
                    aria-invalid={Boolean(helpError) || undefined}
                    onChange={(event) => setText('help', code, event.target.value)}
                  />
                  <FieldError id={`question-help-${code}-error`} message={helpError} />
                </div>
              </div>
            );
          })}

          <label className="qd-check">
            <input
              type="checkbox"
              checked={draft.required}
              onChange={(event) => change('required', { required: event.target.checked })}
            />
            Required — a survey is only complete once this is answered
          </label>

          {draft.kind === 'choice' ? (
            <fieldset className="field">
              <legend>Options</legend>
              <ItemsEditor
                field="options"
                what="Option"
                items={draft.options}
                languages={draft.languages}
                errors={errors}
                showErrors={submitted || touched.has('options')}
                max={LIMITS.options.max}
                onChange={(options) => change('options', { options })}
              />
              <label className="qd-check">
                <input
                  type="checkbox"
                  checked={draft.multiple}
                  onChange={(event) => change('multiple', { multiple: event.target.checked })}
                />
                Raters may choose several options
              </label>
            </fieldset>
          ) : null}

          {FOLLOW_UP_KINDS.has(draft.kind) ? (
            <fieldset className="field">
              <legend>Follow-up after a low answer</legend>
              <span className="field-hint">
                Shown after {lowAnswer(draft.kind)}: the reasons to pick from, and a prompt for a comment.
              </span>
              <ItemsEditor
                field="reasons"
                what="Reason"
                items={draft.reasons}
                languages={draft.languages}
                errors={errors}
                showErrors={submitted || touched.has('reasons')}
                max={LIMITS.reasons}
                onChange={(reasons) => change('reasons', { reasons })}
              />
              {draft.languages.map((code) => (
                <div className="field" key={code}>
                  <label htmlFor={`question-prompt-${code}`}>
                    Comment prompt{draft.languages.length > 1 ? ` · ${languageName(code)}` : ''} (optional)
                  </label>
                  <input
                    type="text"
                    id={`question-prompt-${code}`}
                    lang={code}
                    dir={code === 'ar' ? 'rtl' : 'ltr'}
                    value={draft.commentPrompt[code] ?? ''}
                    placeholder="What could we do better?"
                    onChange={(event) => setText('commentPrompt', code, event.target.value)}
                  />
                  <FieldError id={`question-prompt-${code}-error`} message={shown(`commentPrompt.${code}`)} />
                </div>
              ))}
            </fieldset>
          ) : null}
        </div>
        <QuestionPreview draft={draft} />
      </div>
      {apiError ? (
        <div className="form-alert" role="alert">
          <Icon name="alert" size={15} /> {apiError}
        </div>
      ) : null}
      {submitted && Object.keys(errors).length > 0 ? (
        <p className="field-error" role="alert">
          <Icon name="alert" size={14} /> Correct the fields marked above to add the question.
        </p>
      ) : null}
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
