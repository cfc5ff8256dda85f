import { fromJson } from '../../db/values.js';
import type { QuestionCatalogue } from '../analytics/index.js';
import { textIn } from '../questions/index.js';

/** The labels of the ids chosen in one answer, from the version of the question it was answered in. */
export type Labeller = (code: string, version: number | null, field: 'options' | 'reasons', ids: string[]) => string[];

export const noLabels: Labeller = () => [];

/** A stored JSON array of ids, as a list; null when nothing was stored. */
export function storedIds(value: string | null): string[] | null {
  if (value === null) return null;
  const ids = fromJson<unknown>(value, null);
  return Array.isArray(ids) ? ids.map(String) : null;
}

/**
 * How the options and reasons chosen read, by question and version, in the organization's default language: every
 * version of every question of the organization's, read once before the rows (an organization has few).
 */
export async function questionLabeller(
  questions: QuestionCatalogue,
  defaultLanguage: (orgId: number) => Promise<string | null>,
  orgId: number,
): Promise<Labeller> {
  const [list, language] = await Promise.all([
    questions.list(orgId, { includeArchived: true }),
    defaultLanguage(orgId),
  ]);
  const codes = list.filter((question) => !question.built_in).map((question) => question.code);
  if (codes.length === 0) return noLabels;
  const definitions = await questions.definitions(orgId, codes);
  return (code, version, field, ids) => {
    const definition = definitions.get(`${code}@${version}`);
    const items = (field === 'options' ? definition?.options : definition?.follow_up?.reasons) ?? [];
    return ids.map((id) => textIn(items.find((item) => item.id === id)?.labels, language ?? 'en') ?? id);
  };
}
