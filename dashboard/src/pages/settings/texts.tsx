import { useMemo, useState, type FormEvent } from 'react';
import { ApiError, request } from '../../api/client';
import { Icon } from '../../components/icons';
import { Badge, Card, Skeleton } from '../../components/ui';
import { useApi } from '../../lib/use-api';
import { SectionError, SettingsHeader } from './settings-header';

interface TextLanguage {
  language: string;
  name: string;
  english_name: string;
  dir: 'ltr' | 'rtl';
  override_count: number;
}

type TextGroup = 'rating_page' | 'thank_you_page' | 'closed_pages' | 'widget' | 'invite';

interface TextEntry {
  key: string;
  group: TextGroup;
  default: string;
  override: string | null;
  placeholders: string[];
}

interface LanguageTexts extends Omit<TextLanguage, 'override_count'> {
  texts: TextEntry[];
}

const GROUPS: Array<{ group: TextGroup; title: string; description: string }> = [
  { group: 'rating_page', title: 'Rating page', description: 'The questions, answers and hints of the form.' },
  { group: 'thank_you_page', title: 'Thank-you page', description: 'What a rater reads after sending.' },
  {
    group: 'closed_pages',
    title: 'Links that take no answer',
    description: 'Expired, withdrawn or broken links, and refused forms.',
  },
  { group: 'widget', title: 'Popup and message feedback', description: 'The widget on your site.' },
  {
    group: 'invite',
    title: 'Invite messages',
    description:
      'The invite text (when the rating settings name none of their own), and the email, SMS and WhatsApp messages.',
  },
];

/** "stars_question" as a person reads it: "Stars question". */
function keyLabel(key: string): string {
  const words = key.replace(/_/g, ' ').replace(/\bnps\b/, 'NPS');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Settings → Texts: every text of a language, its default beside an editable override. */
export function TextsPage() {
  const languages = useApi<{ data: TextLanguage[] }>('/v1/rating-settings/texts');
  const [language, setLanguage] = useState('en');
  const texts = useApi<{ data: LanguageTexts }>(`/v1/rating-settings/texts/${language}`);
  // What the person typed, by key, over the stored overrides of the language shown; cleared on a change of language.
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const loaded = texts.data?.data.language === language ? texts.data.data : undefined;
  const valueOf = (entry: TextEntry) => edits[entry.key] ?? entry.override ?? '';
  const changes = useMemo(() => {
    if (!loaded) return {};
    return Object.fromEntries(
      loaded.texts
        .filter((entry) => entry.key in edits && edits[entry.key] !== (entry.override ?? ''))
        .map((entry) => [entry.key, edits[entry.key] ?? '']),
    );
  }, [edits, loaded]);
  const changed = Object.keys(changes).length;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!loaded || changed === 0) return;
    setSaving(true);
    setError(null);
    setNotice(null);
    try {
      await request(`/v1/rating-settings/texts/${language}`, { method: 'PUT', body: { texts: changes } });
      setNotice(`Saved ${changed} ${changed === 1 ? 'change' : 'changes'} to the ${loaded.english_name} texts.`);
      setEdits({});
      texts.reload();
      languages.reload();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'The texts could not be saved. Try again.');
    } finally {
      setSaving(false);
    }
  };

  const list = languages.data?.data ?? [];
  const failed = languages.error ?? texts.error;
  return (
    <div className="page">
      <SettingsHeader
        title="Texts"
        lede="What the rating page, the popup, the invite message and the thank-you page say, in each language. An empty override uses the default."
      />
      {failed ? (
        <SectionError error={failed} what="Texts" onRetry={languages.error ? languages.reload : texts.reload} />
      ) : (
        <form className="section-stack texts-form" onSubmit={save}>
          <Card>
            <div className="card-body texts-toolbar">
              <div className="field">
                <label htmlFor="texts-language">Language</label>
                <select
                  id="texts-language"
                  value={language}
                  disabled={list.length === 0}
                  onChange={(event) => {
                    setNotice(null);
                    setError(null);
                    setEdits({});
                    setLanguage(event.target.value);
                  }}
                >
                  {list.map((entry) => (
                    <option key={entry.language} value={entry.language}>
                      {entry.name === entry.english_name ? entry.name : `${entry.name} (${entry.english_name})`}
                      {entry.override_count > 0 ? ` · ${entry.override_count} overridden` : ''}
                    </option>
                  ))}
                </select>
              </div>
              <p className="field-hint">
                Placeholders such as <code>{'{brand}'}</code> are filled in where the text shows; keep the ones a text
                needs.
              </p>
            </div>
          </Card>
          {!loaded ? (
            <Card>
              <div className="card-body">
                <Skeleton lines={6} />
              </div>
            </Card>
          ) : (
            GROUPS.map(({ group, title, description }) => (
              <Card key={group} title={title} description={description}>
                <ul className="texts-list">
                  {loaded.texts
                    .filter((entry) => entry.group === group)
                    .map((entry) => {
                      const value = valueOf(entry);
                      const dirty = value !== (entry.override ?? '');
                      return (
                        <li key={entry.key} className="texts-item">
                          <div className="texts-key">
                            <span className="texts-name">{keyLabel(entry.key)}</span>
                            <code className="texts-code">{entry.key}</code>
                            {entry.override !== null ? <Badge tone="accent">Overridden</Badge> : null}
                            {dirty ? <Badge tone="warn">Unsaved</Badge> : null}
                          </div>
                          <div className="texts-pair">
                            <div className="texts-default">
                              <span className="texts-caption">Default</span>
                              <p lang={loaded.language} dir={loaded.dir}>
                                {entry.default}
                              </p>
                            </div>
                            <div className="texts-override">
                              <span className="texts-caption" aria-hidden="true">
                                Your text
                              </span>
                              <textarea
                                id={`text-${entry.key}`}
                                aria-label={`Your text for ${entry.key}`}
                                lang={loaded.language}
                                dir={loaded.dir}
                                rows={entry.default.length > 70 ? 3 : 2}
                                maxLength={1000}
                                placeholder="Default"
                                value={value}
                                onChange={(event) => {
                                  const next = event.target.value;
                                  setEdits((current) => ({ ...current, [entry.key]: next }));
                                }}
                              />
                              {entry.placeholders.length > 0 ? (
                                <span className="field-hint">
                                  Uses {entry.placeholders.map((name) => `{${name}}`).join(', ')}
                                </span>
                              ) : null}
                            </div>
                          </div>
                        </li>
                      );
                    })}
                </ul>
              </Card>
            ))
          )}
          <div className="texts-actions">
            {error ? (
              <div className="form-alert" role="alert">
                <Icon name="alert" size={15} /> {error}
              </div>
            ) : null}
            {notice ? (
              <p className="notice" role="status">
                <Icon name="check" size={15} /> {notice}
              </p>
            ) : null}
            <div className="form-actions">
              <span className="field-hint">{changed > 0 ? `${changed} unsaved` : 'No changes'}</span>
              <button type="submit" className="button button-primary" disabled={saving || changed === 0 || !loaded}>
                {saving ? 'Saving…' : `Save ${loaded?.english_name ?? ''} texts`}
              </button>
            </div>
          </div>
        </form>
      )}
    </div>
  );
}
