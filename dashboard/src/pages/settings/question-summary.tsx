import { Badge } from '../../components/ui';
import { kindName, textIn, type Question } from '../../lib/questions';

/** What a question asks beyond its label, in words: its options, its follow-up reasons. */
function details(question: Question, language: string): string[] {
  const lines: string[] = [];
  if (question.options?.length) {
    const options = question.options.map((option) => textIn(option.labels, language)).join(', ');
    lines.push(`${question.multiple ? 'Several of' : 'One of'}: ${options}`);
  }
  const reasons = question.follow_up?.reasons ?? [];
  if (reasons.length > 0) {
    lines.push(`Reasons after a low answer: ${reasons.map((reason) => textIn(reason.labels, language)).join(', ')}`);
  }
  const prompt = textIn(question.follow_up?.comment_prompt, language);
  if (prompt) lines.push(`Comment prompt: “${prompt}”`);
  return lines;
}

/** A question in the designer's lists: its label, kind, code and what else it asks. */
export function QuestionSummary({
  question,
  language,
  brand,
}: {
  question: Question;
  language: string;
  brand?: string;
}) {
  // The built-in questions name the brand as the rating page fills it in.
  const label = textIn(question.labels, language) || question.code;
  return (
    <div className="qd-summary">
      <div className="qd-summary-title">
        <span className="qd-label">{brand ? label.replaceAll('{brand}', brand) : label}</span>
        <Badge tone="neutral">{kindName(question.kind)}</Badge>
        {question.required ? <Badge tone="info">Required</Badge> : null}
        {question.archived_at ? <Badge tone="warn">Archived</Badge> : null}
      </div>
      <code className="texts-code">{question.code}</code>
      {details(question, language).map((line) => (
        <p key={line} className="qd-detail">
          {line}
        </p>
      ))}
    </div>
  );
}
