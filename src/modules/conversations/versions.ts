import { Type } from 'typebox';
import type { Db } from '../../db/database.js';
import { fromJson } from '../../db/values.js';
import type { VersionDimension } from './conversations.table.js';

export const MAX_TAGS = 20;

const Tag = Type.String({
  minLength: 1,
  maxLength: 64,
  pattern: '^\\S(.*\\S)?$',
  description: 'A short label, 1-64 characters, without leading or trailing spaces.',
  examples: ['refunds'],
});

/** At most 20 tags; a tag given twice counts once. */
export const Tags = Type.Array(Tag, {
  maxItems: MAX_TAGS,
  description: `At most ${MAX_TAGS} short labels; a tag given twice is kept once.`,
  examples: [['checkout', 'beta']],
});

const Label = (description: string, examples: string[]) =>
  Type.String({ minLength: 1, maxLength: 200, description, examples });

/** What a message may say about the AI answer it is: who wrote it, and where its trace is. */
export const VersionFields = {
  model: Type.Optional(Label('The model that wrote the answer.', ['gpt-4o-2024-08-06'])),
  prompt_version: Type.Optional(Label('The version of the prompt or agent configuration that answered.', ['v13'])),
  trace_id: Type.Optional(Label('The trace of the answer in an LLM tracing tool (Langfuse and the like).', [])),
  span_id: Type.Optional(Label('The span (observation) within that trace that produced the answer.', [])),
  tags: Type.Optional(Tags),
};

export interface VersionLabel {
  dimension: VersionDimension;
  value: string;
}

/** The tags in the order given, each once; null without any, as the column stores them. */
export function uniqueTags(tags: readonly string[] | undefined): string[] | null {
  if (!tags || tags.length === 0) return null;
  return [...new Set(tags)];
}

/** The tags a row stores (a JSON array, or null). */
export function storedTags(value: unknown): string[] {
  return fromJson<string[]>(value, []);
}

/** The labels of a message's own columns: its model, its prompt version and its tags. */
export function messageLabels(row: {
  model?: string | null;
  prompt_version?: string | null;
  tags?: readonly string[] | null;
}): VersionLabel[] {
  const labels: VersionLabel[] = [];
  if (row.model) labels.push({ dimension: 'model', value: row.model });
  if (row.prompt_version) labels.push({ dimension: 'prompt_version', value: row.prompt_version });
  for (const tag of row.tags ?? []) labels.push({ dimension: 'tag', value: tag });
  return labels;
}

export const labelKey = (label: VersionLabel): string => `${label.dimension}\u0000${label.value}`;

/** The labels of `a` that `b` lacks. */
export function labelsMissing(a: VersionLabel[], b: VersionLabel[]): VersionLabel[] {
  const present = new Set(b.map(labelKey));
  return a.filter((label) => !present.has(labelKey(label)));
}

/** Each label once, in a stable order. */
export function distinctLabels(labels: VersionLabel[]): VersionLabel[] {
  const byKey = new Map(labels.map((label) => [labelKey(label), label]));
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, label]) => label);
}

/**
 * A conversation's labels before and after a change, for the modules that count per label (the analytics rollups).
 * `labels` are all of the conversation's (its tags and every message's); `tags` the conversation's own tags, which
 * every one of its messages carries as well.
 */
export interface VersionChange {
  conversationId: number;
  before: { labels: VersionLabel[]; tags: string[] };
  after: { labels: VersionLabel[]; tags: string[] };
}

/** Runs inside the change's transaction. */
export type VersionListener = (db: Db, orgId: number, change: VersionChange) => Promise<void>;
