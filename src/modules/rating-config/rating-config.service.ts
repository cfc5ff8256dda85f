import type { Database, Db } from '../../db/database.js';
import { booleanParam, fromJson, nowIso, toBoolean, toJson } from '../../db/values.js';
import { AppError } from '../../errors.js';
import { changedFields, recordAudit, SYSTEM_ACTOR, type AuditActor } from '../audit/index.js';
import { defaultInviteMessage, renderInviteText } from './invite-message.js';
import { isLanguage, resolveLanguage, textsOf, type Language, type TextOverrides } from './locales/index.js';
import { isQuestionCode, questionCodes } from './questions.js';
import { RatingConfigRepository } from './rating-config.repository.js';
import type { RatingSettings, RatingSettingsPatch, StoredSettings } from './rating-config.schemas.js';
import { RatingTextsService } from './rating-texts.service.js';
import { OrganizationCache } from './settings-cache.js';
import { SurveyRulesService } from './survey-rules.service.js';

export const DEFAULT_QUESTION_CODES: string[] = ['HELPFUL_THUMBS', 'EXPERIENCE_THUMBS'];
export const DEFAULT_PRIMARY_COLOR = '#0f766e';

const defaults: StoredSettings = {
  conv_rating_active: true,
  conv_rating_popup_active: true,
  conv_rating_question_codes: DEFAULT_QUESTION_CODES,
  invite_message: null,
  review_link: null,
  redirect_policy: 'high_ratings',
  redirect_min_stars: 4,
  invite_expiry_hours: 48,
  language: null,
  brand_name: null,
  logo_url: null,
  primary_color: null,
  updated_at: null,
};

/** The settings a person chooses: what an audit entry compares (not the derived default text or the time). */
const SETTINGS_FIELDS = Object.keys(defaults).filter((field) => field !== 'updated_at') as Array<
  keyof Omit<StoredSettings, 'updated_at'>
>;

const HEX_COLOUR = /^#(?:[0-9a-fA-F]{3}){1,2}$/;

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && value.length <= 2000;
  } catch {
    return false;
  }
}

/**
 * The rules every stored setting obeys, whichever surface changes it (native API, vendor adapters, command line): the
 * links are http(s) — a `javascript:` review link would run in the rater's browser — and the rest stays in range.
 */
function checkSettings(settings: StoredSettings): void {
  const problems: string[] = [];
  if (settings.review_link !== null && !isHttpUrl(settings.review_link))
    problems.push('review_link must be an http(s) URL');
  if (settings.logo_url !== null && !isHttpUrl(settings.logo_url)) problems.push('logo_url must be an http(s) URL');
  if (settings.primary_color !== null && !HEX_COLOUR.test(settings.primary_color)) {
    problems.push('primary_color must be a hex colour like #0f766e');
  }
  if (settings.brand_name !== null && (settings.brand_name.trim() === '' || settings.brand_name.length > 100)) {
    problems.push('brand_name must have 1 to 100 characters');
  }
  if (
    settings.invite_message !== null &&
    (settings.invite_message.trim() === '' || settings.invite_message.length > 1000)
  ) {
    problems.push('invite_message must have 1 to 1000 characters');
  }
  if (
    !Number.isInteger(settings.invite_expiry_hours) ||
    settings.invite_expiry_hours < 1 ||
    settings.invite_expiry_hours > 720
  ) {
    problems.push('invite_expiry_hours must be a whole number from 1 to 720');
  }
  if (
    !Number.isInteger(settings.redirect_min_stars) ||
    settings.redirect_min_stars < 1 ||
    settings.redirect_min_stars > 5
  ) {
    problems.push('redirect_min_stars must be a whole number from 1 to 5');
  }
  if (problems.length > 0) throw new AppError('validation_failed', `${problems.join('; ')}.`);
}

/**
 * Applies a patch to the current settings and validates the merged whole: the two switches must agree, every question
 * code must be known, and every stored rule hold. Throws the error an update answers; stores nothing.
 */
function mergeSettings(
  current: StoredSettings,
  patch: RatingSettingsPatch,
  ownCodes: ReadonlySet<string> = new Set(),
): StoredSettings {
  const changes = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  const merged = { ...current, ...changes } as StoredSettings;
  checkSettings(merged);
  if (merged.conv_rating_active !== merged.conv_rating_popup_active) {
    throw new AppError(
      'rating_settings_mismatch',
      'conv_rating_active and conv_rating_popup_active must be set to the same value.',
    );
  }
  const unknown = merged.conv_rating_question_codes.filter((code) => !isQuestionCode(code) && !ownCodes.has(code));
  if (unknown.length > 0) {
    // The built-in codes, then the organization's own active questions (none: the message reads as it always did).
    const known = [...questionCodes, ...ownCodes];
    throw new AppError(
      'unknown_question_code',
      `Unknown question code ${unknown.map((code) => `"${code}"`).join(', ')}. Known codes: ${known.join(', ')}.`,
    );
  }
  if (merged.conv_rating_question_codes.length === 0) {
    throw new AppError('validation_failed', 'conv_rating_question_codes needs at least one question code.');
  }
  return merged;
}

/** Settings with everything a rating page or an invite needs resolved: the brand and the overridden texts. */
export interface ResolvedSettings extends StoredSettings {
  brand: { name: string; logoUrl: string | null; color: string };
  /** The texts the organization overrides, per language. */
  texts: TextOverrides;
}

/** The rating settings of an organization: stored once changed, defaults until then. */
/** The codes of the organization's own active questions (the questions module's), read in `db`. */
export type OwnQuestionCodes = (orgId: number, db: Db) => Promise<string[]>;

export class RatingConfigService {
  private readonly repository: RatingConfigRepository;
  /** The texts overridden per language (Settings → Texts). */
  readonly texts: RatingTextsService;
  /** Who is asked, and when (Settings → Survey rules). */
  readonly surveyRules: SurveyRulesService;
  /** The resolved settings every rating page reads, per organization (settings-cache.ts). */
  private readonly resolved = new OrganizationCache<ResolvedSettings>();

  constructor(
    private readonly database: Database,
    /** Where the organization's own question codes come from; none: only the built-in codes are known. */
    private readonly ownQuestionCodes: OwnQuestionCodes = async () => [],
  ) {
    this.repository = new RatingConfigRepository(database.db);
    this.texts = new RatingTextsService(database);
    // Any change of the settings or texts, committed by this process or another (db/invalidation.ts).
    database.invalidation.subscribe('settings', (orgId) =>
      orgId === undefined ? this.resolved.forgetAll() : this.resolved.forget(orgId),
    );
    this.surveyRules = new SurveyRulesService(database, (orgId, db) => this.getSettings(orgId, db));
  }

  /** The settings as stored, defaults until changed: what rules and pages read, without the derived invite texts. */
  async getSettings(orgId: number, db: Db = this.database.db): Promise<StoredSettings> {
    const row = await this.repository.find(orgId, db);
    const stored = row
      ? {
          conv_rating_active: toBoolean(row.conv_rating_active),
          conv_rating_popup_active: toBoolean(row.conv_rating_popup_active),
          conv_rating_question_codes: fromJson<string[]>(row.question_codes, DEFAULT_QUESTION_CODES),
          invite_message: row.invite_message,
          review_link: row.review_link,
          redirect_policy: row.redirect_policy,
          redirect_min_stars: Number(row.redirect_min_stars),
          invite_expiry_hours: Number(row.invite_expiry_hours),
          language: isLanguage(row.language) ? row.language : null,
          brand_name: row.brand_name,
          logo_url: row.logo_url,
          primary_color: row.primary_color,
          updated_at: row.updated_at,
        }
      : defaults;
    return stored;
  }

  /** The settings as the API shows them: with the invite text that applies while they name none of their own. */
  async settingsView(orgId: number, db: Db = this.database.db): Promise<RatingSettings> {
    const [settings, texts] = await Promise.all([this.getSettings(orgId, db), this.texts.overrides(orgId, db)]);
    return withInviteTexts(settings, texts);
  }

  /**
   * The settings with the brand resolved against the organization, for pages and invites. Outside a transaction they
   * come from memory while fresh (settings-cache.ts); a transaction reads what it sees.
   */
  async resolvedSettings(orgId: number, db: Db = this.database.db): Promise<ResolvedSettings> {
    if (db !== this.database.db) return this.readResolvedSettings(orgId, db);
    return this.resolved.get(orgId, () => this.readResolvedSettings(orgId, db));
  }

  /**
   * The resolved settings for a transaction that did not change them: from memory while fresh, else as `db` sees them,
   * kept like a read outside it (a transaction that changed nothing of them sees only what was committed). A
   * transaction on SQLite holds its one connection, so a read outside it would wait for it to end.
   */
  async resolvedSettingsIn(orgId: number, db: Db): Promise<ResolvedSettings> {
    return this.resolved.get(orgId, () => this.readResolvedSettings(orgId, db));
  }

  private async readResolvedSettings(orgId: number, db: Db): Promise<ResolvedSettings> {
    const [settings, organization, texts] = await Promise.all([
      this.getSettings(orgId, db),
      this.repository.organizationName(orgId, db),
      this.texts.overrides(orgId, db),
    ]);
    return {
      ...settings,
      texts,
      brand: {
        name: settings.brand_name ?? organization?.name ?? 'Plaudit',
        logoUrl: settings.logo_url,
        color: settings.primary_color ?? DEFAULT_PRIMARY_COLOR,
      },
    };
  }

  /**
   * The settings a patch would make, resolved for a page, without storing anything: the settings screen's preview. The
   * patch is validated exactly as `updateSettings` validates it, and refused with the same errors.
   */
  async previewSettings(orgId: number, patch: RatingSettingsPatch): Promise<ResolvedSettings> {
    const [current, organization, texts] = await Promise.all([
      this.getSettings(orgId),
      this.repository.organizationName(orgId, this.database.db),
      this.texts.overrides(orgId),
    ]);
    const merged = mergeSettings(current, patch, await this.ownCodesFor(orgId, current, patch));
    return {
      ...merged,
      texts,
      brand: {
        name: merged.brand_name ?? organization?.name ?? 'Plaudit',
        logoUrl: merged.logo_url,
        color: merged.primary_color ?? DEFAULT_PRIMARY_COLOR,
      },
    };
  }

  /** The organization's own codes, read only when the patch names codes that are not built in. */
  private async ownCodesFor(
    orgId: number,
    current: StoredSettings,
    patch: RatingSettingsPatch,
    db: Db = this.database.db,
  ) {
    const codes = patch.conv_rating_question_codes ?? current.conv_rating_question_codes;
    if (codes.every((code) => isQuestionCode(code))) return new Set<string>();
    return new Set(await this.ownQuestionCodes(orgId, db));
  }

  /** The invite a patch would make, with `link` standing for a rating page's link; nothing is stored. */
  async previewInvite(
    orgId: number,
    patch: RatingSettingsPatch,
    link: string,
  ): Promise<{ invite_text: string; link: string; settings: RatingSettings }> {
    const { brand: _brand, texts, ...settings } = await this.previewSettings(orgId, patch);
    const template = inviteTemplate({ ...settings, texts }, resolveLanguage({ organization: settings.language }));
    return { invite_text: renderInviteText(template, link), link, settings: withInviteTexts(settings, texts) };
  }

  /**
   * Applies any subset of the fields. The merged result is validated as a whole — the two switches must agree and
   * every question code must be known — and nothing is stored unless all of it is valid. A change is recorded in the
   * audit log with the changed fields' before and after, in the same transaction.
   */
  async updateSettings(
    orgId: number,
    patch: RatingSettingsPatch,
    actor: AuditActor = SYSTEM_ACTOR,
  ): Promise<RatingSettings> {
    const after = await this.database.db.transaction().execute(async (trx) => {
      const before = await this.getSettings(orgId, trx);
      const merged = mergeSettings(before, patch, await this.ownCodesFor(orgId, before, patch, trx));
      await this.repository.upsert(trx, {
        org_id: orgId,
        conv_rating_active: booleanParam(merged.conv_rating_active),
        conv_rating_popup_active: booleanParam(merged.conv_rating_popup_active),
        question_codes: toJson(merged.conv_rating_question_codes),
        invite_message: merged.invite_message,
        review_link: merged.review_link,
        redirect_policy: merged.redirect_policy,
        redirect_min_stars: merged.redirect_min_stars,
        invite_expiry_hours: merged.invite_expiry_hours,
        language: merged.language,
        brand_name: merged.brand_name,
        logo_url: merged.logo_url,
        primary_color: merged.primary_color,
        updated_at: nowIso(),
      });
      const after = await this.getSettings(orgId, trx);
      const changes = changedFields(before, after, SETTINGS_FIELDS);
      if (changes) {
        await recordAudit(trx, {
          orgId,
          actorUserId: actor.userId,
          actorKeyId: actor.keyId,
          action: 'settings.updated',
          subjectType: 'rating_settings',
          subjectId: String(orgId),
          details: changes,
        });
      }
      await this.database.invalidation.publish(trx, 'settings', orgId);
      return after;
    });
    this.database.invalidation.forget('settings', orgId);
    return withInviteTexts(after, await this.texts.overrides(orgId));
  }
}

/**
 * The invite texts the settings screen shows beside the settings' own template: Plaudit's in the page language, and
 * what applies while the settings name none — the organization's override of that language, else Plaudit's.
 */
function withInviteTexts(settings: StoredSettings, texts: TextOverrides): RatingSettings {
  const language = settings.language ?? 'en';
  return {
    ...settings,
    invite_message_default: textsOf(language, texts).invite_message,
    invite_message_builtin: defaultInviteMessage(language),
  };
}

/**
 * The invite template in a language: the settings' own template when they name one, else the organization's override
 * of the language's invite message, else that language's default.
 */
export function inviteTemplate(
  settings: Pick<ResolvedSettings, 'invite_message' | 'texts'>,
  language: Language,
): string {
  return settings.invite_message ?? textsOf(language, settings.texts).invite_message;
}
