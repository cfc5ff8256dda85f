import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { QuestionsTable, QuestionVersionsTable } from './questions.table.js';

/** A question with its current version's definition (JSON text). */
export interface QuestionRow {
  id: number;
  code: string;
  kind: string;
  version: number;
  position: number;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
  definition: string;
}

/** SQL for an organization's own questions and their versions. */
export class QuestionsRepository {
  private current(db: Db, orgId: number) {
    return db
      .selectFrom('questions')
      .innerJoin('question_versions', (join) =>
        join
          .onRef('question_versions.question_id', '=', 'questions.id')
          .onRef('question_versions.version', '=', 'questions.version'),
      )
      .select([
        'questions.id',
        'questions.code',
        'questions.kind',
        'questions.version',
        'questions.position',
        'questions.archived_at',
        'questions.created_at',
        'questions.updated_at',
        'question_versions.definition',
      ])
      .where('questions.org_id', '=', orgId);
  }

  /** The organization's questions in their order; archived ones only when asked. */
  async list(db: Db, orgId: number, includeArchived: boolean): Promise<QuestionRow[]> {
    let query = this.current(db, orgId);
    if (!includeArchived) query = query.where('questions.archived_at', 'is', null);
    const rows = await query.orderBy('questions.position').orderBy('questions.id').execute();
    return rows.map(normalized);
  }

  async byCode(db: Db, orgId: number, code: string): Promise<QuestionRow | undefined> {
    const row = await this.current(db, orgId).where('questions.code', '=', code).executeTakeFirst();
    return row && normalized(row);
  }

  /** The active questions among `codes`. */
  async activeByCodes(db: Db, orgId: number, codes: readonly string[]): Promise<QuestionRow[]> {
    if (codes.length === 0) return [];
    const rows = await this.current(db, orgId)
      .where('questions.code', 'in', [...codes])
      .where('questions.archived_at', 'is', null)
      .execute();
    return rows.map(normalized);
  }

  async nextPosition(db: Db, orgId: number): Promise<number> {
    const row = await db
      .selectFrom('questions')
      .select((eb) => eb.fn.max('position').as('max'))
      .where('org_id', '=', orgId)
      .executeTakeFirst();
    return row?.max === null || row?.max === undefined ? 1 : Number(row.max) + 1;
  }

  async insert(db: Db, row: Insertable<QuestionsTable>): Promise<number> {
    const inserted = await db.insertInto('questions').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(inserted.id);
  }

  async insertVersion(db: Db, row: QuestionVersionsTable): Promise<void> {
    await db.insertInto('question_versions').values(row).execute();
  }

  async update(
    db: Db,
    orgId: number,
    id: number,
    changes: Partial<Pick<QuestionsTable, 'version' | 'position' | 'archived_at' | 'updated_at'>>,
  ): Promise<void> {
    await db.updateTable('questions').set(changes).where('org_id', '=', orgId).where('id', '=', id).execute();
  }

  async versions(db: Db, orgId: number, questionId: number) {
    return db
      .selectFrom('question_versions')
      .select(['version', 'definition', 'created_at'])
      .where('org_id', '=', orgId)
      .where('question_id', '=', questionId)
      .orderBy('version')
      .execute();
  }

  /** The definition each (code, version) was asked in, for reading answers of earlier versions. */
  async definitionsOf(db: Db, orgId: number, codes: readonly string[]) {
    if (codes.length === 0) return [];
    return db
      .selectFrom('question_versions')
      .innerJoin('questions', 'questions.id', 'question_versions.question_id')
      .select(['questions.code', 'question_versions.version', 'question_versions.definition'])
      .where('question_versions.org_id', '=', orgId)
      .where('questions.code', 'in', [...codes])
      .execute();
  }
}

function normalized(row: QuestionRow): QuestionRow {
  return { ...row, id: Number(row.id), version: Number(row.version), position: Number(row.position) };
}
