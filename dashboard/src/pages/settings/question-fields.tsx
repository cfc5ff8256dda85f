import { Icon } from '../../components/icons';
import { LANGUAGES, languageName } from '../../lib/languages';
import { FOLLOW_UP_KINDS, KINDS, LIMITS, lowAnswer, type QuestionKind } from '../../lib/questions';
import { FieldError, ItemsEditor } from './question-items';
import type { QuestionDraftForm } from './use-question-draft';

const KIND_LOCKED =
  'A question keeps its kind, so that all its answers count together. To ask it another way, archive it and add a ' +
  'new question.';

/**
 * The fields of a question, new or edited: kind and code, languages, the question and its help per language, whether
 * it is required, a choice's options, the follow-up after a low answer. An edited question's kind and code are fixed.
 */
export function QuestionFields({ form, editing }: { form: QuestionDraftForm; editing: boolean }) {
  const { draft, errors, change, setText, shown, itemsShown } = form;
  const codeError = shown('code');
  const kindError = shown('kind');
  const languagesError = shown('languages');
  const kind = KINDS.find((entry) => entry.kind === draft.kind)!;
  const unused = LANGUAGES.filter((entry) => !draft.languages.includes(entry.code));
  return (
    <div className="qd-fields">
      <div className="qd-row">
        <div className="field">
          <label htmlFor="question-kind">Kind</label>
          <select
            id="question-kind"
            value={draft.kind}
            disabled={editing}
            aria-invalid={Boolean(kindError) || undefined}
            aria-describedby="question-kind-hint"
            onChange={(event) => change('kind', { kind: event.target.value as QuestionKind })}
          >
            {KINDS.map((entry) => (
              <option key={entry.kind} value={entry.kind}>
                {entry.name}
              </option>
            ))}
          </select>
          {kindError ? (
            <FieldError id="question-kind-error" message={kindError} />
          ) : editing ? (
            <span className="field-hint qd-locked" id="question-kind-hint">
              <Icon name="lock" size={13} /> {KIND_LOCKED}
            </span>
          ) : (
            <span className="field-hint" id="question-kind-hint">
              {kind.description}
            </span>
          )}
        </div>
        <div className="field">
          <label htmlFor="question-code">Code</label>
          <input
            type="text"
            id="question-code"
            className="mono"
            value={draft.code}
            readOnly={editing}
            maxLength={LIMITS.codeMax + 10}
            aria-invalid={Boolean(codeError) || undefined}
            aria-describedby={codeError ? 'question-code-error' : 'question-code-hint'}
            onChange={(event) => change('code', { code: event.target.value, codeEdited: true })}
          />
          {codeError ? (
            <FieldError id="question-code-error" message={codeError} />
          ) : (
            <span className="field-hint" id="question-code-hint">
              {editing
                ? 'How the API, invites and exports name it; a code never changes.'
                : 'How the API, invites and exports name it, such as EASE_OF_HELP. It cannot change later.'}
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
        {languagesError ? (
          <FieldError id="question-languages-error" message={languagesError} />
        ) : (
          <span className="field-hint">
            Raters read the question in their language, else your default language, else English.
          </span>
        )}
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
                aria-describedby={helpError ? `question-help-${code}-error` : undefined}
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
          {editing ? (
            <span className="field-hint">
              Answers already given keep the options they were given with; keep an option’s id to count its answers
              together.
            </span>
          ) : null}
          <ItemsEditor
            field="options"
            what="Option"
            items={draft.options}
            languages={draft.languages}
            errors={errors}
            showErrors={itemsShown('options')}
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
            showErrors={itemsShown('reasons')}
            max={LIMITS.reasons}
            onChange={(reasons) => change('reasons', { reasons })}
          />
          {draft.languages.map((code) => {
            const promptError = shown(`commentPrompt.${code}`);
            return (
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
                  placeholder={code === 'en' ? 'What could we do better?' : undefined}
                  aria-invalid={Boolean(promptError) || undefined}
                  aria-describedby={promptError ? `question-prompt-${code}-error` : undefined}
                  onChange={(event) => setText('commentPrompt', code, event.target.value)}
                />
                <FieldError id={`question-prompt-${code}-error`} message={promptError} />
              </div>
            );
          })}
        </fieldset>
      ) : null}
    </div>
  );
}
