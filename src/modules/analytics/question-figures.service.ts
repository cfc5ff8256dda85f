import type { Database } from '../../db/database.js';
import { agentNames } from '../agents/index.js';
import { textIn, type QuestionDefinition, type QuestionOption } from '../questions/index.js';
import type { AnalyticsService } from './analytics.service.js';
import { LOW_SAMPLE, percent } from './figures.js';
import { QuestionFiguresRepository, type AnswerGroupRow, type ItemGroupRow } from './question-figures.repository.js';
import type { QuestionFiguresInput, QuestionFiguresView } from './question-figures.schemas.js';

/** What the figures need to know of the organization's questions (the questions module, wired in services.ts). */
export interface QuestionCatalogue {
  /** Every question, built-in ones included, archived ones too. */
  list(
    orgId: number,
    options: { includeArchived?: boolean },
  ): Promise<
    Array<{ code: string; kind: string; built_in: boolean; version: number | null; archived_at: string | null }>
  >;
  /** The definitions of the codes' every version, by `CODE@version`. */
  definitions(orgId: number, codes: readonly string[]): Promise<Map<string, QuestionDefinition>>;
}

const SCALES: Record<string, number[]> = {
  stars: [1, 2, 3, 4, 5],
  csat: [1, 2, 3, 4, 5],
  nps: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  ces: [1, 2, 3, 4, 5, 6, 7],
  thumbs: [1, 0],
};

/** A low answer — the one that shows the follow-up: stars and CSAT 1-2, NPS 0-6, CES 1-3, thumbs down. */
export function isLowAnswer(kind: string, value: number): boolean {
  if (kind === 'stars' || kind === 'csat') return value <= 2;
  if (kind === 'nps') return value <= 6;
  if (kind === 'ces') return value <= 3;
  if (kind === 'thumbs') return value === 0;
  return false;
}

const round2 = (value: number) => Math.round(value * 100) / 100;
const sum = <T>(rows: T[], of: (row: T) => number) => rows.reduce((total, row) => total + of(row), 0);

/**
 * The items (options or reasons) a question's answers name, each counted and labelled from the newest version it was
 * chosen in, so that an option an edit removed or renamed still reads as the raters saw it. The current version's
 * items come first in their order, with zero counts for those nobody chose; older ones follow.
 */
function itemFigures(
  rows: ItemGroupRow[],
  itemsOf: (version: number) => QuestionOption[],
  current: number,
  whole: number,
  label: (option: QuestionOption) => string,
) {
  const counts = new Map<string, { count: number; newest: number }>();
  for (const row of rows) {
    const entry = counts.get(row.item) ?? { count: 0, newest: 0 };
    entry.count += row.chosen;
    entry.newest = Math.max(entry.newest, row.version);
    counts.set(row.item, entry);
  }
  const order = itemsOf(current).map((item) => item.id);
  const older = [...counts.keys()].filter((id) => !order.includes(id)).sort();
  return [...order, ...older].map((id) => {
    const entry = counts.get(id);
    const definedIn = (version: number) => itemsOf(version).find((item) => item.id === id);
    const option = (entry && definedIn(entry.newest)) ?? definedIn(current) ?? { id, labels: {} };
    const count = entry?.count ?? 0;
    return { id, label: label(option) || id, count, share: percent(count, whole) };
  });
}

/**
 * Figures of the organization's own questions: averages and the spread of scale answers (the CES average among them),
 * how often each option of a choice was chosen, and the follow-up reasons as a breakdown, in all and per agent. Counted
 * from the records under the same filters as the summary, by the day each answer was given in `tz`.
 */
export class QuestionFiguresService {
  private readonly repository: QuestionFiguresRepository;

  constructor(
    private readonly database: Database,
    private readonly analytics: AnalyticsService,
    private readonly catalogue: QuestionCatalogue,
    private readonly defaultLanguage: (orgId: number) => Promise<string | null>,
  ) {
    this.repository = new QuestionFiguresRepository(database.db, database.dialect);
  }

  async figures(orgId: number, input: QuestionFiguresInput) {
    const { language: asked, ...rest } = input;
    const filters = await this.analytics.resolve(orgId, rest);
    const code = filters.questionCode;
    const [questions, answers, choices, reasons, orgLanguage] = await Promise.all([
      this.catalogue.list(orgId, { includeArchived: true }),
      this.repository.answerGroups(orgId, filters),
      this.repository.itemGroups(orgId, filters, 'choices'),
      this.repository.itemGroups(orgId, filters, 'reasons'),
      this.defaultLanguage(orgId),
    ]);
    const language = asked ?? orgLanguage ?? 'en';
    const answered = new Set(answers.map((row) => row.code));
    const shown = questions.filter(
      (question) =>
        !question.built_in &&
        (code === undefined || question.code === code) &&
        (question.archived_at === null || answered.has(question.code)),
    );
    const definitions = await this.catalogue.definitions(
      orgId,
      shown.map((question) => question.code),
    );
    const names = await agentNames(
      this.database.db,
      orgId,
      reasons.map((row) => row.agent_id),
    );
    const text = (texts: Record<string, string> | undefined) => textIn(texts, language, orgLanguage) ?? '';
    const data = shown.map((question): QuestionFiguresView => {
      const current = question.version ?? 1;
      const definitionOf = (version: number) => definitions.get(`${question.code}@${version}`);
      const of = <T extends { code: string }>(rows: T[]) => rows.filter((row) => row.code === question.code);
      return this.questionFigures(
        question,
        current,
        of(answers),
        of(choices),
        of(reasons),
        definitionOf,
        (option) => text(option.labels),
        text(definitionOf(current)?.labels),
        names,
      );
    });
    return { from: filters.fromDay!, to: filters.toDay!, tz: filters.tz, language, data };
  }

  private questionFigures(
    question: { code: string; kind: string; archived_at: string | null },
    current: number,
    answers: AnswerGroupRow[],
    choices: ItemGroupRow[],
    reasons: ItemGroupRow[],
    definitionOf: (version: number) => QuestionDefinition | undefined,
    label: (option: QuestionOption) => string,
    questionLabel: string,
    names: Map<string, string>,
  ): QuestionFiguresView {
    const { kind } = question;
    const responses = sum(answers, (row) => row.answers);
    const scale = SCALES[kind] ?? [];
    const valued = answers.filter((row) => row.value !== null);
    const countOf = (value: number) =>
      sum(
        valued.filter((row) => row.value === value),
        (row) => row.answers,
      );
    const scored = sum(valued, (row) => row.answers);
    const hasAverage = kind !== 'thumbs' && scale.length > 0 && scored > 0;
    const optionsOf = (version: number) => definitionOf(version)?.options ?? [];
    const reasonsOf = (version: number) => definitionOf(version)?.follow_up?.reasons ?? [];
    const versions = [...new Set(answers.map((row) => row.version))].sort((a, b) => a - b);
    const definesReasons = [current, ...versions].some((version) => reasonsOf(version).length > 0);
    return {
      code: question.code,
      kind,
      label: questionLabel || question.code,
      archived: question.archived_at !== null,
      versions,
      responses,
      average: hasAverage ? round2(sum(valued, (row) => row.value! * row.answers) / scored) : null,
      low:
        scale.length > 0
          ? sum(
              valued.filter((row) => isLowAnswer(kind, row.value!)),
              (row) => row.answers,
            )
          : null,
      values: scale.map((value) => ({ value, count: countOf(value), share: percent(countOf(value), scored) })),
      options: kind === 'choice' ? itemFigures(choices, optionsOf, current, responses, label) : null,
      reasons:
        definesReasons || reasons.length > 0
          ? this.reasonFigures(reasons, reasonsOf, current, answers, label, names)
          : null,
      low_sample: responses < LOW_SAMPLE,
    };
  }

  private reasonFigures(
    rows: ItemGroupRow[],
    reasonsOf: (version: number) => QuestionOption[],
    current: number,
    answers: AnswerGroupRow[],
    label: (option: QuestionOption) => string,
    names: Map<string, string>,
  ) {
    const chosen = sum(rows, (row) => row.chosen);
    const byAgent = new Map<string, ItemGroupRow[]>();
    for (const row of rows) {
      if (!row.agent_id) continue;
      byAgent.set(row.agent_id, [...(byAgent.get(row.agent_id) ?? []), row]);
    }
    const agents = [...byAgent.entries()].map(([agentId, agentRows]) => {
      const agentChosen = sum(agentRows, (row) => row.chosen);
      return {
        agent_id: agentId,
        agent_type: (agentRows[0]!.agent_type ?? null) as 'human' | 'ai' | null,
        agent_name: names.get(agentId) ?? null,
        chosen: agentChosen,
        reasons: itemFigures(agentRows, reasonsOf, current, agentChosen, label),
      };
    });
    agents.sort((a, b) => b.chosen - a.chosen || a.agent_id.localeCompare(b.agent_id));
    return {
      chosen,
      answers: sum(answers, (row) => row.with_reasons),
      reasons: itemFigures(rows, reasonsOf, current, chosen, label),
      agents,
    };
  }
}
