import { useState } from 'react';
import { Icon } from '../../components/icons';
import { LANGUAGES } from '../../lib/languages';
import { FOLLOW_UP_KINDS, textIn, type Draft, type QuestionKind } from '../../lib/questions';

/** The English answers of the scales whose answers have words; the rating page says them in the rater's language. */
const CSAT_ANSWERS = ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'];
const CES_ENDS = ['Very difficult', 'Very easy'];

function scaleOf(kind: QuestionKind): number[] {
  switch (kind) {
    case 'stars':
    case 'csat':
      return [1, 2, 3, 4, 5];
    case 'nps':
      return [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    case 'ces':
      return [1, 2, 3, 4, 5, 6, 7];
    case 'thumbs':
      return [1, 0];
    default:
      return [];
  }
}

/** Whether an answer shows the follow-up, as the rating page decides it. */
function isLow(kind: QuestionKind, value: number): boolean {
  if (kind === 'stars' || kind === 'csat') return value <= 2;
  if (kind === 'nps') return value <= 6;
  if (kind === 'ces') return value <= 3;
  if (kind === 'thumbs') return value === 0;
  return false;
}

function answerLabel(kind: QuestionKind, value: number): string {
  if (kind === 'csat') return CSAT_ANSWERS[value - 1]!;
  if (kind === 'thumbs') return value === 1 ? 'Thumbs up' : 'Thumbs down';
  if (kind === 'stars') return `${value} ${value === 1 ? 'star' : 'stars'}`;
  return String(value);
}

function Scale({
  kind,
  picked,
  onPick,
}: {
  kind: QuestionKind;
  picked: number | null;
  onPick: (value: number) => void;
}) {
  const values = scaleOf(kind);
  return (
    <div className={`qp-scale qp-scale-${kind}`}>
      {values.map((value) => (
        <button
          key={value}
          type="button"
          className="qp-answer"
          aria-pressed={picked === value}
          aria-label={answerLabel(kind, value)}
          title={answerLabel(kind, value)}
          onClick={() => onPick(value)}
        >
          {kind === 'stars' ? (
            <Icon name="star" size={22} />
          ) : kind === 'thumbs' ? (
            <Icon name={value === 1 ? 'thumbsUp' : 'thumbsDown'} size={20} />
          ) : kind === 'csat' ? (
            <span className="qp-answer-words">{CSAT_ANSWERS[value - 1]}</span>
          ) : (
            value
          )}
        </button>
      ))}
      {kind === 'ces' || kind === 'nps' ? (
        <div className="qp-ends" aria-hidden="true">
          <span>{kind === 'ces' ? CES_ENDS[0] : 'Not likely'}</span>
          <span>{kind === 'ces' ? CES_ENDS[1] : 'Very likely'}</span>
        </div>
      ) : null}
    </div>
  );
}

/**
 * How the draft looks on the rating page, as it is typed: the question in the language picked, its help, its answers,
 * and — after a low answer is picked — the follow-up with its reasons and comment prompt.
 */
export function QuestionPreview({ draft }: { draft: Draft }) {
  const [language, setLanguage] = useState<string | null>(null);
  const [picked, setPicked] = useState<number | null>(null);
  const shown = language !== null && draft.languages.includes(language) ? language : draft.languages[0]!;
  const dir = shown === 'ar' ? 'rtl' : 'ltr';
  const label = textIn(draft.labels, shown);
  const help = textIn(draft.help, shown);
  const prompt = textIn(draft.commentPrompt, shown);
  const hasFollowUp = FOLLOW_UP_KINDS.has(draft.kind) && (draft.reasons.length > 0 || prompt !== '');
  const low = picked !== null && isLow(draft.kind, picked);
  const pick = (value: number) => setPicked((current) => (current === value ? null : value));

  return (
    <aside className="qp" aria-labelledby="qp-title">
      <div className="qp-toolbar">
        <h3 id="qp-title" className="qp-title">
          Preview
        </h3>
        {draft.languages.length > 1 ? (
          <select
            aria-label="Preview language"
            className="qp-language"
            value={shown}
            onChange={(event) => setLanguage(event.target.value)}
          >
            {draft.languages.map((code) => (
              <option key={code} value={code}>
                {LANGUAGES.find((entry) => entry.code === code)?.name ?? code}
              </option>
            ))}
          </select>
        ) : null}
      </div>
      <div className="qp-page" lang={shown} dir={dir} data-testid="question-preview">
        <p className="qp-question">
          {label || <span className="qp-placeholder">Your question appears here</span>}
          {!draft.required ? <span className="qp-optional"> (optional)</span> : null}
        </p>
        {help ? <p className="qp-help">{help}</p> : null}
        {draft.kind === 'choice' ? (
          <ul className="qp-options">
            {draft.options.map((option, index) => (
              <li key={index}>
                <span className={draft.multiple ? 'qp-box' : 'qp-radio'} aria-hidden="true" />
                {textIn(option.labels, shown) || <span className="qp-placeholder">Option {index + 1}</span>}
              </li>
            ))}
            {draft.options.length === 0 ? <li className="qp-placeholder">Add options to see them here</li> : null}
          </ul>
        ) : draft.kind === 'text' ? (
          <div className="qp-textarea" aria-hidden="true" />
        ) : (
          <Scale kind={draft.kind} picked={picked} onPick={pick} />
        )}
        {hasFollowUp && low ? (
          <div className="qp-follow-up" data-testid="question-preview-follow-up">
            {draft.reasons.length > 0 ? (
              <ul className="qp-reasons">
                {draft.reasons.map((reason, index) => (
                  <li key={index}>
                    <span className="qp-box" aria-hidden="true" />
                    {textIn(reason.labels, shown) || <span className="qp-placeholder">Reason {index + 1}</span>}
                  </li>
                ))}
              </ul>
            ) : null}
            {prompt ? <p className="qp-prompt">{prompt}</p> : null}
            <div className="qp-textarea" aria-hidden="true" />
          </div>
        ) : null}
      </div>
      {hasFollowUp && !low ? (
        <p className="field-hint qp-hint">Pick a low answer in the preview to see the follow-up.</p>
      ) : null}
    </aside>
  );
}
