import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, request } from '../../api/client';
import { ConfirmDialog } from '../../components/dialogs';
import { Icon } from '../../components/icons';
import { Badge, Card, EmptyState, Skeleton } from '../../components/ui';
import { textIn, type Question } from '../../lib/questions';
import { useApi } from '../../lib/use-api';
import { useSession } from '../../session';
import { QuestionEditForm } from './question-edit';
import { QuestionForm } from './question-form';
import { QuestionSummary } from './question-summary';
import { SectionError, SettingsHeader } from './settings-header';

/** Settings → Questions: the built-in questions, the organization's own in their order, and the designer. */
export function QuestionsPage() {
  const loaded = useApi<{ data: Question[] }>('/v1/questions?include_archived=true');
  const settings = useApi<{ data: { language: string | null } }>('/v1/rating-settings');
  const language = settings.data?.data.language ?? 'en';
  const { state } = useSession();
  const brand = state.status === 'signed-in' ? state.session.organization.name : undefined;
  // The order just chosen, shown at once while it is saved (and kept if saving fails, until it is put back). It
  // holds for the list it was chosen on: a list loaded after the order was saved has it, so from then on the
  // server's order is the one shown (a question restored meanwhile joins its end).
  const [chosen, setChosen] = useState<{ codes: string[]; on: unknown } | null>(null);
  const order = chosen && chosen.on === loaded.data ? chosen.codes : null;
  const [adding, setAdding] = useState(false);
  // The code of the question open in the editor, whether it has unsaved edits, and what waits for them to be discarded.
  const [editing, setEditing] = useState<string | null>(null);
  const dirty = useRef(false);
  const [discarding, setDiscarding] = useState<(() => void) | null>(null);
  const onDirty = useCallback((value: boolean) => {
    dirty.current = value;
  }, []);
  const focusEdit = useRef<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [archiving, setArchiving] = useState<Question | null>(null);
  const [busy, setBusy] = useState(false);
  const list = useRef<HTMLOListElement>(null);
  // The arrow to focus once a move has rendered: the same one, else (at the top or bottom) the other one.
  const focusAfterMove = useRef<{ code: string; direction: 'up' | 'down' } | null>(null);

  const all = loaded.data?.data;
  const own = useMemo(() => {
    const mine = all?.filter((question) => !question.built_in);
    if (!mine || !order) return mine ?? null;
    const at = (question: Question) => {
      const index = order.indexOf(question.code);
      return index === -1 ? order.length : index;
    };
    return [...mine].sort((a, b) => at(a) - at(b));
  }, [all, order]);
  useEffect(() => {
    const target = focusAfterMove.current;
    if (!target || !list.current) return;
    focusAfterMove.current = null;
    const enabled = (direction: string) =>
      list.current?.querySelector<HTMLButtonElement>(`[data-move="${target.code}:${direction}"]:not(:disabled)`);
    (enabled(target.direction) ?? enabled(target.direction === 'up' ? 'down' : 'up'))?.focus();
  });
  useEffect(() => {
    // Back from the editor: the focus returns to the question's Edit button.
    const code = focusEdit.current;
    if (code === null || editing !== null) return;
    focusEdit.current = null;
    list.current?.querySelector<HTMLButtonElement>(`[data-edit="${code}"]`)?.focus();
  });

  const builtIn = all?.filter((question) => question.built_in) ?? [];
  const active = own?.filter((question) => !question.archived_at) ?? [];
  const archived = own?.filter((question) => question.archived_at) ?? [];
  const taken = new Set((own ?? []).map((question) => question.code));
  const labelOf = (question: Question) => textIn(question.labels, language) || question.code;

  /** Runs `then` once the editor's unsaved edits, if any, are discarded (after asking). */
  const leaveEditor = (then: () => void) => {
    const go = () => {
      dirty.current = false;
      setDiscarding(null);
      then();
    };
    if (editing !== null && dirty.current) setDiscarding(() => go);
    else go();
  };
  const closeEditor = () => {
    focusEdit.current = editing;
    dirty.current = false;
    setEditing(null);
  };

  const move = async (index: number, by: -1 | 1) => {
    const next = [...active];
    const [moved] = next.splice(index, 1);
    next.splice(index + by, 0, moved!);
    const before = chosen;
    setChosen({ codes: next.map((question) => question.code), on: loaded.data });
    focusAfterMove.current = { code: moved!.code, direction: by === -1 ? 'up' : 'down' };
    setError(null);
    setNotice(null);
    try {
      await request('/v1/questions/order', { method: 'PUT', body: { codes: next.map((question) => question.code) } });
      const label = textIn(moved!.labels, language) || moved!.code;
      setNotice(`Moved “${label}” to position ${index + by + 1} of ${next.length}.`);
      loaded.reload();
    } catch (caught) {
      setChosen(before);
      setError(caught instanceof ApiError ? caught.message : 'The new order could not be saved. Try again.');
    }
  };

  const archive = async () => {
    if (!archiving) return;
    setBusy(true);
    setError(null);
    try {
      await request(`/v1/questions/${encodeURIComponent(archiving.code)}`, { method: 'DELETE' });
      if (editing === archiving.code) {
        dirty.current = false;
        setEditing(null);
      }
      setNotice(`Archived “${textIn(archiving.labels, language) || archiving.code}”. Its answers stay readable.`);
      setArchiving(null);
      loaded.reload();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'The question could not be archived. Try again.');
    } finally {
      setBusy(false);
    }
  };

  const restore = async (question: Question) => {
    setError(null);
    setNotice(null);
    try {
      await request(`/v1/questions/${encodeURIComponent(question.code)}/restore`, { method: 'POST' });
      setNotice(`Restored “${labelOf(question)}”. Surveys can ask it again; it is last in your questions.`);
      loaded.reload();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'The question could not be restored. Try again.');
    }
  };

  return (
    <div className="page">
      <SettingsHeader
        title="Questions"
        lede="The questions your surveys can ask: the built-in ones, and your own with their answers, languages and follow-ups."
      />
      {loaded.error ? (
        <SectionError error={loaded.error} what="Questions" onRetry={loaded.reload} />
      ) : !all || !own ? (
        <Card>
          <div className="card-body">
            <Skeleton lines={6} />
          </div>
        </Card>
      ) : (
        <div className="section-stack">
          <Card
            title="Your questions"
            description="Asked in this order after the built-in questions your surveys name. Codes go in the rating settings, invites and the popup."
            actions={
              adding ? null : (
                <button
                  type="button"
                  className="button button-primary"
                  onClick={() =>
                    leaveEditor(() => {
                      setEditing(null);
                      setAdding(true);
                      setNotice(null);
                    })
                  }
                >
                  <Icon name="plus" size={15} /> Add a question
                </button>
              )
            }
          >
            {adding ? (
              <div className="card-body qd-designer">
                <QuestionForm
                  taken={taken}
                  language={language}
                  onCancel={() => setAdding(false)}
                  onSaved={(question) => {
                    setAdding(false);
                    setNotice(`Added “${textIn(question.labels, language)}”.`);
                    loaded.reload();
                  }}
                />
              </div>
            ) : null}
            {notice ? (
              <p className="notice qd-notice" role="status">
                <Icon name="check" size={15} /> {notice}
              </p>
            ) : null}
            {error ? (
              <div className="form-alert qd-notice" role="alert">
                <Icon name="alert" size={15} /> {error}
              </div>
            ) : null}
            {active.length === 0 && !adding ? (
              <EmptyState icon="comment" title="No questions of your own yet">
                <p>Add a question to ask what the built-in ones do not: a choice, an effort score, a written answer.</p>
              </EmptyState>
            ) : (
              <ol className="qd-list" ref={list} aria-label="Your questions, in order">
                {active.map((question, index) => {
                  const label = labelOf(question);
                  if (editing === question.code) {
                    return (
                      <li key={question.code} className="qd-list-item qd-list-item-editing">
                        <QuestionEditForm
                          question={question}
                          taken={new Set([...taken].filter((code) => code !== question.code))}
                          language={language}
                          onDirty={onDirty}
                          onCancel={closeEditor}
                          onArchive={() => setArchiving(question)}
                          onSaved={(saved) => {
                            closeEditor();
                            setNotice(
                              saved.version === question.version
                                ? `Nothing changed in “${labelOf(saved)}”.`
                                : `Saved “${labelOf(saved)}” as version ${saved.version}. Answers given before keep version ${question.version}.`,
                            );
                            loaded.reload();
                          }}
                        />
                      </li>
                    );
                  }
                  return (
                    <li key={question.code} className="qd-list-item">
                      <span className="qd-position" aria-hidden="true">
                        {index + 1}
                      </span>
                      <QuestionSummary question={question} language={language} />
                      <div className="qd-actions">
                        <button
                          type="button"
                          className="button button-secondary button-small"
                          data-edit={question.code}
                          aria-label={`Edit “${label}”`}
                          onClick={() =>
                            leaveEditor(() => {
                              setAdding(false);
                              setNotice(null);
                              setError(null);
                              setEditing(question.code);
                            })
                          }
                        >
                          <Icon name="pencil" size={14} /> Edit
                        </button>
                        <button
                          type="button"
                          className="button button-ghost button-small"
                          data-move={`${question.code}:up`}
                          aria-label={`Move “${label}” up`}
                          disabled={index === 0}
                          onClick={() => void move(index, -1)}
                        >
                          <Icon name="arrowUp" size={14} />
                        </button>
                        <button
                          type="button"
                          className="button button-ghost button-small"
                          data-move={`${question.code}:down`}
                          aria-label={`Move “${label}” down`}
                          disabled={index === active.length - 1}
                          onClick={() => void move(index, 1)}
                        >
                          <Icon name="arrowDown" size={14} />
                        </button>
                        <button
                          type="button"
                          className="button button-ghost button-small"
                          aria-label={`Archive “${label}”`}
                          onClick={() => setArchiving(question)}
                        >
                          Archive
                        </button>
                      </div>
                    </li>
                  );
                })}
              </ol>
            )}
          </Card>

          <Card title="Built-in questions" description="Always there, in every language; they cannot be changed.">
            <ul className="qd-list">
              {builtIn.map((question) => (
                <li key={question.code} className="qd-list-item">
                  <QuestionSummary question={question} language={language} brand={brand} />
                  <Badge tone="accent">Built in</Badge>
                </li>
              ))}
            </ul>
          </Card>

          {archived.length > 0 ? (
            <Card
              title="Archived"
              description="No longer asked. Their earlier answers stay in analytics and exports; restore one to ask it again."
            >
              <ul className="qd-list">
                {archived.map((question) => (
                  <li key={question.code} className="qd-list-item">
                    <QuestionSummary question={question} language={language} />
                    <div className="qd-actions">
                      <button
                        type="button"
                        className="button button-secondary button-small"
                        aria-label={`Restore “${labelOf(question)}”`}
                        onClick={() => void restore(question)}
                      >
                        Restore
                      </button>
                    </div>
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
        </div>
      )}
      {discarding ? (
        <ConfirmDialog
          title="Discard your changes?"
          confirmLabel="Discard changes"
          onConfirm={discarding}
          onCancel={() => setDiscarding(null)}
        >
          <p>The question you are editing has changes that are not saved. They will be lost.</p>
        </ConfirmDialog>
      ) : null}
      {archiving ? (
        <ConfirmDialog
          title={`Archive “${textIn(archiving.labels, language) || archiving.code}”?`}
          confirmLabel="Archive question"
          busy={busy}
          error={error}
          onConfirm={() => void archive()}
          onCancel={() => {
            setArchiving(null);
            setError(null);
          }}
        >
          <p>
            Surveys stop asking it. The answers it already has stay readable in analytics and exports, its code stays
            taken, and you can restore it from the archived questions.
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
