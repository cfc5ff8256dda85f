import type { Database, Db } from '../../db/database.js';
import { nowIso } from '../../db/values.js';
import { AppError } from '../../errors.js';
import { recordAudit, SYSTEM_ACTOR, type AuditActor } from '../audit/index.js';
import {
  catalogues,
  isLanguage,
  isTextKey,
  languageInfo,
  languages,
  placeholdersOf,
  textKeys,
  type Language,
  type TextKey,
  type TextOverrides,
} from './locales/index.js';
import { RatingTextsRepository } from './rating-texts.repository.js';
import type { LanguageTexts, TextEntry, TextLanguage, TextsPatch } from './rating-texts.schemas.js';

/** Where each text shows, for the settings screen: read from the key's name. */
function groupOf(key: TextKey): TextEntry['group'] {
  if (key.startsWith('widget_')) return 'widget';
  if (key.startsWith('invite_')) return 'invite';
  if (key.startsWith('thanks_') || key.startsWith('review_') || key.startsWith('change_answer')) {
    return 'thank_you_page';
  }
  if (/^(expired|cancelled|not_found|forbidden|rate_limited|error_title|error_body|bad_request|back_to)/.test(key)) {
    return 'closed_pages';
  }
  return 'rating_page';
}

function checkedLanguage(language: string): Language {
  if (!isLanguage(language)) {
    throw new AppError(
      'unsupported_language',
      `"${language.slice(0, 32)}" is not a language Plaudit speaks. Supported: ${languages.join(', ')}.`,
    );
  }
  return language;
}

function describe(language: Language) {
  const info = languageInfo[language];
  return { language, name: info.name, english_name: info.englishName, dir: info.dir };
}

/**
 * Checks every change before anything is written: known keys only, and only the placeholders the key's default has.
 * Answers the texts to store and the keys whose override to remove.
 */
function checkChanges(texts: Record<string, string>): { set: Array<[TextKey, string]>; remove: TextKey[] } {
  const unknown = Object.keys(texts).filter((key) => !isTextKey(key));
  if (unknown.length > 0) {
    throw new AppError(
      'unknown_text_key',
      `Unknown text key ${unknown
        .slice(0, 5)
        .map((key) => `"${key.slice(0, 64)}"`)
        .join(', ')}; GET /v1/rating-settings/texts/{language} lists the keys.`,
    );
  }
  const set: Array<[TextKey, string]> = [];
  const remove: TextKey[] = [];
  for (const [key, text] of Object.entries(texts) as Array<[TextKey, string]>) {
    if (text.trim() === '') {
      remove.push(key);
      continue;
    }
    const allowed = new Set(placeholdersOf(catalogues.en[key]));
    const stray = placeholdersOf(text).filter((name) => !allowed.has(name));
    if (stray.length > 0) {
      const known = [...allowed].map((name) => `{${name}}`).join(', ') || 'none';
      throw new AppError(
        'unknown_text_placeholder',
        `texts.${key} uses ${stray.map((name) => `{${name}}`).join(', ')}, which it cannot fill (it takes: ${known}).`,
      );
    }
    set.push([key, text]);
  }
  return { set, remove };
}

/** The texts an organization overrides per language, over the defaults of each language's catalogue. */
export class RatingTextsService {
  private readonly repository: RatingTextsRepository;

  /** A change of the texts is announced as one of the settings (db/invalidation.ts): the rating page reads both. */
  constructor(private readonly database: Database) {
    this.repository = new RatingTextsRepository(database.db);
  }

  /** Every override of the organization, by language and key: laid over the defaults where texts are shown. */
  async overrides(orgId: number, db: Db = this.database.db): Promise<TextOverrides> {
    const overrides: TextOverrides = {};
    for (const row of await this.repository.all(orgId, db)) {
      if (!isLanguage(row.language) || !isTextKey(row.key)) continue;
      (overrides[row.language] ??= {})[row.key] = row.text;
    }
    return overrides;
  }

  /** Every language, with how many of its texts the organization overrides. */
  async languages(orgId: number): Promise<TextLanguage[]> {
    const counts = new Map(
      (await this.repository.countsByLanguage(orgId)).map((row) => [row.language, Number(row.count)]),
    );
    return languages.map((language) => ({ ...describe(language), override_count: counts.get(language) ?? 0 }));
  }

  /** Each text of a language: its default beside the organization's override. */
  async texts(orgId: number, language: string, db: Db = this.database.db): Promise<LanguageTexts> {
    const checked = checkedLanguage(language);
    const stored = new Map(
      (await this.repository.ofLanguage(db, orgId, checked)).map((row) => [row.key, row.text] as const),
    );
    return {
      ...describe(checked),
      texts: textKeys.map((key) => ({
        key,
        group: groupOf(key),
        default: catalogues[checked][key],
        override: stored.get(key) ?? null,
        placeholders: placeholdersOf(catalogues.en[key]),
      })),
    };
  }

  /**
   * Sets or removes overrides of one language, all or nothing: a refused change writes nothing. A change is recorded
   * in the audit log with each changed key's before and after, in the same transaction.
   */
  async update(
    orgId: number,
    language: string,
    patch: TextsPatch,
    actor: AuditActor = SYSTEM_ACTOR,
  ): Promise<LanguageTexts> {
    const checked = checkedLanguage(language);
    const { set, remove } = checkChanges(patch.texts);
    const updated = await this.database.db.transaction().execute(async (trx) => {
      const before = new Map(
        (await this.repository.ofLanguage(trx, orgId, checked)).map((row) => [row.key, row.text] as const),
      );
      const now = nowIso();
      const was: Record<string, string | null> = {};
      const is: Record<string, string | null> = {};
      for (const [key, text] of set) {
        if (before.get(key) === text) continue;
        await this.repository.upsert(trx, { org_id: orgId, language: checked, key, text, updated_at: now });
        was[key] = before.get(key) ?? null;
        is[key] = text;
      }
      const removed = remove.filter((key) => before.has(key));
      await this.repository.remove(trx, orgId, checked, removed);
      for (const key of removed) {
        was[key] = before.get(key)!;
        is[key] = null;
      }
      if (Object.keys(is).length > 0) {
        await recordAudit(trx, {
          orgId,
          actorUserId: actor.userId,
          actorKeyId: actor.keyId,
          action: 'rating_texts.updated',
          subjectType: 'rating_texts',
          subjectId: checked,
          details: { name: `${languageInfo[checked].englishName} texts`, language: checked, before: was, after: is },
        });
      }
      await this.database.invalidation.publish(trx, 'settings', orgId);
      return this.texts(orgId, checked, trx);
    });
    this.database.invalidation.forget('settings', orgId);
    return updated;
  }
}
