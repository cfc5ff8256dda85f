import { sql } from 'kysely';
import type { Db, Dialect } from '../../db/database.js';
import { conversationHasLabels } from '../conversations/index.js';
import type { ResolvedFilters } from './filters.js';

/** Answers to one version of a question, from one agent, with one value (null for choice and text answers). */
export interface AnswerGroupRow {
  code: string;
  version: number;
  agent_id: string | null;
  agent_type: string | null;
  value: number | null;
  answers: number;
  /** Of them, the answers that chose at least one follow-up reason. */
  with_reasons: number;
}

/** How often one option (or one follow-up reason) was chosen in one version of a question, per agent. */
export interface ItemGroupRow {
  code: string;
  version: number;
  agent_id: string | null;
  agent_type: string | null;
  item: string;
  chosen: number;
}

/**
 * SQL for the figures of an organization's own questions: answers counted from the records, grouped small (per
 * question, version, agent and value), the options and reasons chosen read out of their JSON arrays by the engine
 * itself (`json_each` on SQLite, `jsonb_array_elements_text` on PostgreSQL), so no answer is ever loaded one by one.
 */
export class QuestionFiguresRepository {
  constructor(
    private readonly db: Db,
    private readonly dialect: Dialect,
  ) {}

  /** The answered questions of the organization's own in the range under the filters: the one base of every figure. */
  private answered(orgId: number, filters: ResolvedFilters) {
    let query = this.db
      .selectFrom('rating_questions as q')
      .innerJoin('ratings as r', 'r.id', 'q.rating_id')
      .innerJoin('conversations as c', 'c.id', 'r.conversation_id')
      .where('q.org_id', '=', orgId)
      .where('q.status', '=', 'Rated')
      .where('q.question_version', 'is not', null)
      .where('q.answered_at', 'is not', null);
    if (filters.fromUtc) query = query.where('q.answered_at', '>=', filters.fromUtc);
    if (filters.toUtc) query = query.where('q.answered_at', '<', filters.toUtc);
    if (filters.agentId) query = query.where('r.agent_id', '=', filters.agentId);
    if (filters.agentType) query = query.where('r.agent_type', '=', filters.agentType);
    if (filters.channel) query = query.where('c.channel', '=', filters.channel);
    if (filters.questionCode) query = query.where('q.code', '=', filters.questionCode);
    for (const condition of conversationHasLabels(sql.ref('c.id'), filters)) query = query.where(condition);
    return query;
  }

  /** Answers per question, version, agent and value. */
  async answerGroups(orgId: number, filters: ResolvedFilters): Promise<AnswerGroupRow[]> {
    const rows = await this.answered(orgId, filters)
      .select(['q.code', 'q.question_version', 'r.agent_id', 'r.agent_type', 'q.value'])
      .select((eb) => [
        eb.fn.countAll<number>().as('answers'),
        sql<number>`sum(case when q.reasons is not null and q.reasons <> '[]' then 1 else 0 end)`.as('with_reasons'),
      ])
      .groupBy(['q.code', 'q.question_version', 'r.agent_id', 'r.agent_type', 'q.value'])
      .execute();
    return rows.map((row) => ({
      code: row.code,
      version: Number(row.question_version),
      agent_id: row.agent_id,
      agent_type: row.agent_type,
      value: row.value === null ? null : Number(row.value),
      answers: Number(row.answers),
      with_reasons: Number(row.with_reasons ?? 0),
    }));
  }

  /** How often each option (`choices`) or follow-up reason (`reasons`) was chosen, per question, version and agent. */
  async itemGroups(orgId: number, filters: ResolvedFilters, column: 'choices' | 'reasons'): Promise<ItemGroupRow[]> {
    const ref = sql.ref(`q.${column}`);
    // A table-valued function over the row's JSON array: one row per id chosen.
    const items =
      this.dialect === 'postgres'
        ? sql`jsonb_array_elements_text(cast(${ref} as jsonb))`.as('j')
        : sql`json_each(${ref})`.as('j');
    const item = sql<string>`j.value`;
    const rows = await this.answered(orgId, filters)
      .where(`q.${column}`, 'is not', null)
      .innerJoin(items, (join) => join.onTrue())
      .select(['q.code', 'q.question_version', 'r.agent_id', 'r.agent_type'])
      .select((eb) => [item.as('item'), eb.fn.countAll<number>().as('chosen')])
      .groupBy(['q.code', 'q.question_version', 'r.agent_id', 'r.agent_type', item])
      .execute();
    return rows.map((row) => ({
      code: row.code,
      version: Number(row.question_version),
      agent_id: row.agent_id,
      agent_type: row.agent_type,
      item: String(row.item),
      chosen: Number(row.chosen),
    }));
  }
}
