import type { Generated } from 'kysely';

/** A question of an organization's own; its wording lives in its versions. */
export interface QuestionsTable {
  id: Generated<number>;
  org_id: number;
  /** UPPER_SNAKE, unique in the organization (archived ones too), never a built-in code. */
  code: string;
  kind: string;
  /** The current version, starting at 1. */
  version: number;
  position: number;
  /** Null: active. */
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

/** One version of a question: the definition it was asked with. */
export interface QuestionVersionsTable {
  org_id: number;
  question_id: number;
  version: number;
  /** JSON text of the definition (labels, help, required, options, multiple, follow_up). */
  definition: string;
  created_at: string;
}
