import { Icon } from '../../components/icons';
import { languageName } from '../../lib/languages';
import { idFromLabel, LIMITS, type DraftErrors, type QuestionItem } from '../../lib/questions';

/** A field's error, tied to its input by `id` for screen readers. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="field-error" id={id}>
      <Icon name="alert" size={14} /> {message}
    </p>
  );
}

/** An item being edited, with whether its id still follows its label. */
export type EditedItem = QuestionItem & { idEdited?: boolean };

/**
 * The options of a choice, or the reasons of a follow-up: a label per language and an id (made from the first
 * language's label until someone writes one of their own).
 */
export function ItemsEditor({
  field,
  what,
  items,
  languages,
  errors,
  showErrors,
  max,
  onChange,
}: {
  field: 'options' | 'reasons';
  what: string;
  items: EditedItem[];
  languages: string[];
  errors: DraftErrors;
  showErrors: boolean;
  max: number;
  onChange: (items: EditedItem[]) => void;
}) {
  const [first] = languages;
  const update = (index: number, change: Partial<EditedItem>) =>
    onChange(items.map((item, at) => (at === index ? { ...item, ...change } : item)));
  const setLabel = (index: number, language: string, text: string) => {
    const item = items[index]!;
    const labels = { ...item.labels, [language]: text };
    const id = !item.idEdited && language === first ? idFromLabel(text) : item.id;
    update(index, { labels, id });
  };
  const shown = (key: string) => (showErrors ? errors[key] : undefined);
  return (
    <div className="qd-items">
      {items.length === 0 ? <p className="field-hint">No {what.toLowerCase()}s yet.</p> : null}
      <ol className="qd-item-list">
        {items.map((item, index) => {
          const labelError = shown(`${field}.${index}.labels`);
          const idError = shown(`${field}.${index}.id`);
          return (
            <li key={index} className="qd-item">
              <div className="qd-item-fields">
                {languages.map((language) => {
                  const id = `${field}-${index}-${language}`;
                  const tooLong = shown(`${field}.${index}.labels.${language}`);
                  return (
                    <div className="field" key={language}>
                      <label htmlFor={id}>
                        {what} {index + 1}
                        {languages.length > 1 ? ` · ${languageName(language)}` : ''}
                      </label>
                      <input
                        type="text"
                        id={id}
                        lang={language}
                        dir={language === 'ar' ? 'rtl' : 'ltr'}
                        value={item.labels[language] ?? ''}
                        aria-invalid={Boolean(labelError || tooLong) || undefined}
                        aria-describedby={labelError || tooLong ? `${id}-error` : undefined}
                        onChange={(event) => setLabel(index, language, event.target.value)}
                      />
                      <FieldError
                        id={`${id}-error`}
                        message={tooLong ?? (language === first ? labelError : undefined)}
                      />
                    </div>
                  );
                })}
                <div className="field qd-item-id">
                  <label htmlFor={`${field}-${index}-id`}>Id in exports and the API</label>
                  <input
                    type="text"
                    id={`${field}-${index}-id`}
                    className="mono"
                    value={item.id}
                    maxLength={LIMITS.idMax + 10}
                    aria-invalid={Boolean(idError) || undefined}
                    aria-describedby={idError ? `${field}-${index}-id-error` : undefined}
                    onChange={(event) => update(index, { id: event.target.value, idEdited: true })}
                  />
                  <FieldError id={`${field}-${index}-id-error`} message={idError} />
                </div>
              </div>
              <button
                type="button"
                className="button button-ghost button-small qd-item-remove"
                aria-label={`Remove ${what.toLowerCase()} ${index + 1}`}
                onClick={() => onChange(items.filter((_, at) => at !== index))}
              >
                <Icon name="trash" size={14} />
              </button>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={items.length >= max}
        onClick={() => onChange([...items, { id: '', labels: {} }])}
      >
        <Icon name="plus" size={14} /> Add {what.toLowerCase()}
      </button>
      <FieldError id={`${field}-error`} message={shown(field)} />
    </div>
  );
}
