import type { Database, Db } from '../../db/database.js';
import { isUniqueViolation } from '../../db/errors.js';
import { fromJson, nowIso, toJson } from '../../db/values.js';
import { AppError } from '../../errors.js';
import { recordAudit, SYSTEM_ACTOR, type AuditActor } from '../audit/index.js';
import {
  catalogues,
  languages,
  type TextKey,
  isAnyQuestionKind,
  questionCatalog,
  questionCodes,
  type AnyQuestionKind,
  type QuestionCode,
} from '../rating-config/index.js';
import { checkCode, checkDefinition, textIn, type QuestionDefinition } from './questions.definition.js';
import { QuestionsRepository, type QuestionRow } from './questions.repository.js';
import type { Question, QuestionCreate, QuestionOrder, QuestionPatch, QuestionVersion } from './questions.schemas.js';

/** Which catalogue text a built-in code is asked with. */
const BUILT_IN_LABEL: Record<QuestionCode, TextKey> = {
  HELPFUL_THUMBS: 'helpful_question',
  EXPERIENCE_THUMBS: 'experience_question',
  CSAT: 'stars_question',
  STARS: 'stars_question',
  NPS: 'nps_question',
};

const DEFINITION_FIELDS = ['labels', 'help', 'required', 'options', 'multiple', 'follow_up'] as const;

function builtIn(code: QuestionCode): Question {
  return {
    code,
    kind: questionCatalog[code],
    built_in: true,
    version: null,
    position: null,
    labels: Object.fromEntries(languages.map((language) => [language, catalogues[language][BUILT_IN_LABEL[code]]])),
    help: {},
    required: false,
    options: [],
    multiple: false,
    follow_up: null,
    archived_at: null,
    created_at: null,
    updated_at: null,
  };
}

export function definitionOf(json: unknown): QuestionDefinition {
  const stored = fromJson<Partial<QuestionDefinition>>(json, {});
  return {
    labels: stored.labels ?? {},
    help: stored.help ?? {},
    required: stored.required ?? true,
    options: stored.options ?? [],
    multiple: stored.multiple ?? false,
    follow_up: stored.follow_up ?? null,
  };
}

function viewOf(row: QuestionRow): Question {
  return {
    code: row.code,
    kind: row.kind as AnyQuestionKind,
    built_in: false,
    version: row.version,
    position: row.position,
    ...definitionOf(row.definition),
    archived_at: row.archived_at,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

function notFound(code: string): AppError {
  return new AppError('question_not_found', `No question ${code.slice(0, 64)} in this organization.`);
}

function readOnly(code: string): AppError {
  return new AppError('built_in_question', `${code} is a built-in question: it cannot be changed, archived or moved.`);
}

/** What a code is asked as: its kind, and for an organization's own question the version and its definition. */
export interface ResolvedQuestion {
  code: string;
  kind: AnyQuestionKind;
  builtIn: boolean;
  /** Null for built-in codes. */
  version: number | null;
  definition: QuestionDefinition | null;
}

/**
 * An organization's own questions beside the built-in codes: created, edited (each edit a new version, earlier answers
 * keeping theirs), archived and reordered by admins, every change in the audit log in its own transaction.
 */
export class QuestionsService {
  private readonly repository = new QuestionsRepository();

  constructor(private readonly database: Database) {}

  /** The built-in codes, then the organization's questions in their order. */
  async list(orgId: number, options: { includeArchived?: boolean } = {}): Promise<Question[]> {
    const own = await this.repository.list(this.database.db, orgId, options.includeArchived ?? false);
    return [...questionCodes.map(builtIn), ...own.map(viewOf)];
  }

  /** One question by code: built-in, active or archived. */
  async get(orgId: number, code: string, db: Db = this.database.db): Promise<Question> {
    if (Object.hasOwn(questionCatalog, code)) return builtIn(code as QuestionCode);
    const row = await this.repository.byCode(db, orgId, code);
    if (!row) throw notFound(code);
    return viewOf(row);
  }

  async versions(orgId: number, code: string): Promise<QuestionVersion[]> {
    if (Object.hasOwn(questionCatalog, code)) return [];
    const row = await this.repository.byCode(this.database.db, orgId, code);
    if (!row) throw notFound(code);
    const versions = await this.repository.versions(this.database.db, orgId, row.id);
    return versions.map((version) => ({
      version: Number(version.version),
      created_at: version.created_at,
      ...definitionOf(version.definition),
    }));
  }

  async create(orgId: number, body: QuestionCreate, actor: AuditActor = SYSTEM_ACTOR): Promise<Question> {
    checkCode(body.code);
    const definition = checkDefinition(body.kind, body);
    const taken = () => new AppError('question_code_taken', `This organization already has a question ${body.code}.`);
    try {
      return await this.database.db.transaction().execute(async (trx) => {
        if (await this.repository.byCode(trx, orgId, body.code)) throw taken();
        const now = nowIso();
        const id = await this.repository.insert(trx, {
          org_id: orgId,
          code: body.code,
          kind: body.kind,
          version: 1,
          position: await this.repository.nextPosition(trx, orgId),
          archived_at: null,
          created_at: now,
          updated_at: now,
        });
        await this.repository.insertVersion(trx, {
          org_id: orgId,
          question_id: id,
          version: 1,
          definition: toJson(definition),
          created_at: now,
        });
        await this.audit(trx, orgId, actor, 'question.created', body.code, { kind: body.kind, version: 1, definition });
        return this.get(orgId, body.code, trx);
      });
    } catch (error) {
      // Two creations of one code at once: the second meets the unique key.
      if (isUniqueViolation(error)) throw taken();
      throw error;
    }
  }

  /** Merges the patch into the current definition; a changed definition is a new version. Kind never changes. */
  async update(orgId: number, code: string, patch: QuestionPatch, actor: AuditActor = SYSTEM_ACTOR): Promise<Question> {
    if (Object.hasOwn(questionCatalog, code)) throw readOnly(code);
    return this.database.db.transaction().execute(async (trx) => {
      const row = await this.repository.byCode(trx, orgId, code);
      if (!row) throw notFound(code);
      if (patch.kind !== undefined && patch.kind !== row.kind) {
        throw new AppError(
          'question_kind_change',
          `${code} is a ${row.kind} question and stays one: answers of different kinds cannot be counted together. ` +
            'Archive it and create a new question instead.',
        );
      }
      if (row.archived_at !== null) {
        throw new AppError('question_archived', `${code} is archived; its answers stay readable but it cannot change.`);
      }
      const current = definitionOf(row.definition);
      const merged = { ...current };
      for (const field of DEFINITION_FIELDS) {
        if (patch[field] !== undefined) (merged as Record<string, unknown>)[field] = patch[field];
      }
      const definition = checkDefinition(row.kind as AnyQuestionKind, merged);
      if (JSON.stringify(definition) === JSON.stringify(current)) return viewOf(row);
      const now = nowIso();
      const version = row.version + 1;
      await this.repository.insertVersion(trx, {
        org_id: orgId,
        question_id: row.id,
        version,
        definition: toJson(definition),
        created_at: now,
      });
      await this.repository.update(trx, orgId, row.id, { version, updated_at: now });
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      for (const field of DEFINITION_FIELDS) {
        if (JSON.stringify(current[field]) === JSON.stringify(definition[field])) continue;
        before[field] = current[field];
        after[field] = definition[field];
      }
      await this.audit(trx, orgId, actor, 'question.updated', code, { version, before, after });
      return this.get(orgId, code, trx);
    });
  }

  /**
   * Archives a question: it can no longer be offered, and its answers stay readable. Refused while the rating settings
   * still ask it, so that the popup never offers a question nobody can answer.
   */
  async archive(orgId: number, code: string, actor: AuditActor = SYSTEM_ACTOR): Promise<Question> {
    if (Object.hasOwn(questionCatalog, code)) throw readOnly(code);
    return this.database.db.transaction().execute(async (trx) => {
      const row = await this.repository.byCode(trx, orgId, code);
      if (!row) throw notFound(code);
      if (row.archived_at !== null) return viewOf(row);
      const settings = await trx
        .selectFrom('rating_settings')
        .select('question_codes')
        .where('org_id', '=', orgId)
        .executeTakeFirst();
      if (settings && fromJson<string[]>(settings.question_codes, []).includes(code)) {
        throw new AppError(
          'question_in_use',
          `${code} is one of the rating settings' conv_rating_question_codes; remove it there before archiving it.`,
        );
      }
      const now = nowIso();
      await this.repository.update(trx, orgId, row.id, { archived_at: now, updated_at: now });
      await this.audit(trx, orgId, actor, 'question.archived', code, { version: row.version });
      return this.get(orgId, code, trx);
    });
  }

  /**
   * Brings an archived question back: surveys can ask it again, in its current version, and it joins the end of the
   * active questions. Restoring an active question changes nothing.
   */
  async restore(orgId: number, code: string, actor: AuditActor = SYSTEM_ACTOR): Promise<Question> {
    if (Object.hasOwn(questionCatalog, code)) throw readOnly(code);
    return this.database.db.transaction().execute(async (trx) => {
      const row = await this.repository.byCode(trx, orgId, code);
      if (!row) throw notFound(code);
      if (row.archived_at === null) return viewOf(row);
      const now = nowIso();
      const position = await this.repository.nextPosition(trx, orgId);
      await this.repository.update(trx, orgId, row.id, { archived_at: null, position, updated_at: now });
      await this.audit(trx, orgId, actor, 'question.restored', code, { version: row.version });
      return this.get(orgId, code, trx);
    });
  }

  /** Puts the named active questions first, in the order given; the others follow in the order they had. */
  async reorder(orgId: number, body: QuestionOrder, actor: AuditActor = SYSTEM_ACTOR): Promise<Question[]> {
    const builtIns = body.codes.filter((code) => Object.hasOwn(questionCatalog, code));
    if (builtIns.length > 0) throw readOnly(builtIns[0]!);
    await this.database.db.transaction().execute(async (trx) => {
      const active = await this.repository.list(trx, orgId, false);
      const byCode = new Map(active.map((row) => [row.code, row]));
      const unknown = body.codes.filter((code) => !byCode.has(code));
      if (unknown.length > 0) {
        throw new AppError(
          'unknown_question_code',
          `No active question ${unknown
            .slice(0, 5)
            .map((code) => code.slice(0, 64))
            .join(', ')} in this organization.`,
        );
      }
      const named = new Set(body.codes);
      const order = [...body.codes, ...active.map((row) => row.code).filter((code) => !named.has(code))];
      const before = active.map((row) => row.code);
      if (JSON.stringify(order) === JSON.stringify(before)) return;
      const now = nowIso();
      for (const [index, code] of order.entries()) {
        const row = byCode.get(code)!;
        if (row.position !== index + 1) {
          await this.repository.update(trx, orgId, row.id, { position: index + 1, updated_at: now });
        }
      }
      await recordAudit(trx, {
        orgId,
        actorUserId: actor.userId,
        actorKeyId: actor.keyId,
        action: 'questions.reordered',
        subjectType: 'questions',
        subjectId: 'order',
        details: { name: 'Question order', before: { codes: before }, after: { codes: order } },
      });
    });
    return this.list(orgId);
  }

  /**
   * What each code is asked as, for offering it: a built-in code or one of the organization's active questions.
   * Throws `unknown_question_code` naming the codes that are neither.
   */
  async resolve(orgId: number, codes: readonly string[], db: Db = this.database.db): Promise<ResolvedQuestion[]> {
    const own = codes.filter((code) => !Object.hasOwn(questionCatalog, code));
    const rows = new Map((await this.repository.activeByCodes(db, orgId, own)).map((row) => [row.code, row]));
    const unknown = own.filter((code) => !rows.has(code));
    if (unknown.length > 0) throw unknownCodes(unknown);
    return codes.map((code) => {
      if (Object.hasOwn(questionCatalog, code)) {
        return { code, kind: questionCatalog[code as QuestionCode], builtIn: true, version: null, definition: null };
      }
      const row = rows.get(code)!;
      if (!isAnyQuestionKind(row.kind)) throw new Error(`Question ${code} has unknown kind ${row.kind}`);
      return { code, kind: row.kind, builtIn: false, version: row.version, definition: definitionOf(row.definition) };
    });
  }

  /** The codes of the organization's active questions, in their order. */
  async activeCodes(orgId: number, db: Db = this.database.db): Promise<string[]> {
    return (await this.repository.list(db, orgId, false)).map((row) => row.code);
  }

  /**
   * What each code is asked as, leaving out codes that are neither built in nor active: for lists the settings hold,
   * where a question archived meanwhile is simply no longer asked.
   */
  async resolveKnown(orgId: number, codes: readonly string[], db: Db = this.database.db): Promise<ResolvedQuestion[]> {
    const own = codes.filter((code) => !Object.hasOwn(questionCatalog, code));
    const active = new Set((await this.repository.activeByCodes(db, orgId, own)).map((row) => row.code));
    return this.resolve(
      orgId,
      codes.filter((code) => Object.hasOwn(questionCatalog, code) || active.has(code)),
      db,
    );
  }

  /** The definitions of the organization's questions by code and version: how earlier answers read. */
  async definitions(orgId: number, codes: readonly string[], db: Db = this.database.db) {
    const rows = await this.repository.definitionsOf(db, orgId, codes);
    return new Map(rows.map((row) => [`${row.code}@${Number(row.version)}`, definitionOf(row.definition)]));
  }

  /**
   * What one of the organization's questions says in a language, as it was asked (its version): the label, and a
   * choice question's options. Undefined for a built-in code, which the text catalogues word.
   */
  async wording(
    db: Db | undefined,
    orgId: number,
    question: { code: string; version?: number | null },
    language: string,
  ): Promise<{ label: string; options: Array<{ id: string; label: string }>; multiple: boolean } | undefined> {
    if (question.version === undefined || question.version === null) return undefined;
    const definition = (await this.definitions(orgId, [question.code], db ?? this.database.db)).get(
      `${question.code}@${question.version}`,
    );
    if (!definition) return undefined;
    return {
      label: textIn(definition.labels, language) ?? question.code,
      options: definition.options.map((option) => ({
        id: option.id,
        label: textIn(option.labels, language) ?? option.id,
      })),
      multiple: definition.multiple,
    };
  }

  private async audit(
    db: Db,
    orgId: number,
    actor: AuditActor,
    action: string,
    code: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    await recordAudit(db, {
      orgId,
      actorUserId: actor.userId,
      actorKeyId: actor.keyId,
      action,
      subjectType: 'question',
      subjectId: code,
      details: { name: code, ...details },
    });
  }
}

/** The error for codes that are neither built in nor one of the organization's active questions. */
export function unknownCodes(codes: readonly string[]): AppError {
  return new AppError(
    'unknown_question_code',
    `Unknown question code ${codes
      .slice(0, 5)
      .map((code) => `"${code.slice(0, 64)}"`)
      .join(', ')}. Known: the built-in codes (${questionCodes.join(', ')}) and the organization's active ` +
      'questions (GET /v1/questions).',
  );
}
