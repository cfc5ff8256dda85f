// The popup's questions: the built-in ones, and the organization's own with their follow-up after a low answer.
import { h, thumb } from './dom.js';
import type { Answer, Question } from './types.js';

/**
 * The follow-up of an organization's own question: its reasons and comment prompt, shown while the answer is low. The
 * reasons and comment are kept on the answer only then.
 */
function followUpField(
  question: Question,
  answer: () => Answer | undefined,
): {
  element: HTMLElement;
  update: (value: number) => void;
  fill: (into: Answer) => void;
} {
  const followUp = question.follow_up!;
  const chosen = new Set<string>();
  const reasons = followUp.reasons.map((reason) => {
    const input = h('input', { type: 'checkbox', value: reason.id }) as HTMLInputElement;
    input.addEventListener('change', () => (input.checked ? chosen.add(reason.id) : chosen.delete(reason.id)));
    return h('label', { class: 'reason' }, input, ` ${reason.label}`);
  });
  const comment = h('textarea', {
    rows: '2',
    maxlength: '2000',
    'aria-label': followUp.comment_prompt ?? '',
  }) as HTMLTextAreaElement;
  const element = h(
    'div',
    { class: 'follow-up', hidden: '', 'data-follow-up': question.code },
    ...(followUp.comment_prompt ? [h('p', { class: 'label' }, followUp.comment_prompt)] : []),
    ...reasons,
    comment,
  );
  const low = () => {
    const value = answer()?.value;
    return typeof value === 'number' && value <= followUp.low_at_most;
  };
  return {
    element,
    update: (value) => {
      element.hidden = value > followUp.low_at_most;
    },
    fill: (into) => {
      if (!low()) return;
      if (chosen.size > 0) into.reasons = [...chosen];
      if (comment.value.trim()) into.comment = comment.value.trim();
    },
  };
}

/** A question of the organization's own: a scale, choices or a text, with its follow-up after a low answer. */
export function customField(
  question: Question,
  answers: Map<string, Answer>,
  finishers: Array<() => void>,
): HTMLElement {
  const id = `q-${question.code}`;
  const children: Array<Node | string> = [h('legend', { id, class: 'label' }, question.label)];
  if (question.help) children.push(h('p', { class: 'help' }, question.help));
  if (question.kind === 'text') {
    const area = h('textarea', { rows: '2', maxlength: '2000', 'aria-labelledby': id }) as HTMLTextAreaElement;
    area.addEventListener('input', () => {
      if (area.value.trim()) answers.set(question.code, { text: area.value.trim() });
      else answers.delete(question.code);
    });
    children.push(area);
  } else if (question.kind === 'choice') {
    const chosen = new Set<string>();
    const inputs = (question.options ?? []).map((option) => {
      const input = h('input', {
        type: question.multiple ? 'checkbox' : 'radio',
        name: question.code,
        value: option.id,
      }) as HTMLInputElement;
      input.addEventListener('change', () => {
        if (!question.multiple) chosen.clear();
        if (input.checked) chosen.add(option.id);
        else chosen.delete(option.id);
        if (chosen.size > 0) answers.set(question.code, { choices: [...chosen] });
        else answers.delete(question.code);
      });
      return h('label', { class: 'option' }, input, ` ${option.label}`);
    });
    children.push(h('div', { class: 'options' }, ...inputs));
  } else {
    const { min, max } = question.scale ?? { min: 1, max: 5 };
    const followUp = question.follow_up ? followUpField(question, () => answers.get(question.code)) : undefined;
    const options: HTMLElement[] = [];
    for (let value = min; value <= max; value += 1) {
      const input = h('input', {
        type: 'radio',
        name: question.code,
        value: String(value),
        'data-value': String(value),
      });
      input.addEventListener('change', () => {
        answers.set(question.code, { value });
        followUp?.update(value);
      });
      const name =
        question.kind === 'thumbs'
          ? (question.choices[value === 1 ? 0 : 1] ?? String(value))
          : question.kind === 'stars'
            ? (question.choices[value - 1] ?? String(value))
            : String(value);
      const shown =
        question.kind === 'stars'
          ? '★'
          : question.kind === 'thumbs'
            ? thumb(value === 1 ? 'up' : 'down')
            : String(value);
      options.push(
        h(
          'label',
          { class: 'radio', title: name },
          input,
          h('span', { 'aria-hidden': 'true' }, shown),
          h('span', { class: 'sr' }, name),
        ),
      );
    }
    children.push(h('div', { class: 'row' }, ...options));
    if (followUp) {
      children.push(followUp.element);
      finishers.push(() => {
        const answer = answers.get(question.code);
        if (answer) followUp.fill(answer);
      });
    }
  }
  return h('fieldset', { class: 'question', 'aria-labelledby': id }, ...children);
}

export function questionField(question: Question, answers: Map<string, number>): HTMLElement {
  const id = `q-${question.code}`;
  if (question.kind === 'thumbs') {
    const buttons = (['up', 'down'] as const).map((value, index) => {
      const button = h(
        'button',
        { type: 'button', class: 'choice', 'data-value': value, 'aria-pressed': 'false' },
        thumb(value),
        ` ${question.choices[index] ?? value}`,
      );
      button.addEventListener('click', () => {
        answers.set(question.code, value === 'up' ? 1 : 0);
        for (const other of buttons) other.setAttribute('aria-pressed', String(other === button));
      });
      return button;
    });
    return h(
      'div',
      { class: 'question', role: 'group', 'aria-labelledby': id },
      h('p', { id, class: 'label' }, question.label),
      h('div', { class: 'row' }, ...buttons),
    );
  }
  const [min, max] = question.kind === 'stars' ? [1, 5] : [0, 10];
  const options: HTMLElement[] = [];
  for (let value = min; value <= max; value += 1) {
    const input = h('input', { type: 'radio', name: question.code, value: String(value), 'data-value': String(value) });
    input.addEventListener('change', () => answers.set(question.code, value));
    const name =
      question.kind === 'stars'
        ? (question.choices[value - 1] ?? String(value))
        : value === 0
          ? (question.choices[0] ?? '0')
          : value === 10
            ? (question.choices[1] ?? '10')
            : String(value);
    options.push(
      h(
        'label',
        { class: 'radio', title: name },
        input,
        h('span', { 'aria-hidden': 'true' }, question.kind === 'stars' ? '★' : String(value)),
        h('span', { class: 'sr' }, name),
      ),
    );
  }
  return h(
    'fieldset',
    { class: 'question', role: 'radiogroup', 'aria-labelledby': id },
    h('legend', { id, class: 'label' }, question.label),
    h('div', { class: 'row' }, ...options),
  );
}
