import type { Database, Db } from '../../db/database.js';
import { booleanParam, fromJson, nowIso, toBoolean, toJson } from '../../db/values.js';
import { AppError } from '../../errors.js';
import { changedFields, recordAudit, SYSTEM_ACTOR, type AuditActor } from '../audit/index.js';
import type { RatingSettings, StoredSettings } from './rating-config.schemas.js';
import { SurveyRulesRepository } from './survey-rules.repository.js';
import type { SurveyRules, SurveyRulesInput } from './survey-rules.schemas.js';

/** The rules until an admin saves some: off, and asking everyone once they are switched on. */
export const DEFAULT_SURVEY_RULES: SurveyRules = {
  enabled: false,
  channels: [],
  agent_types: [],
  min_contact_messages: 0,
  sample_percent: 100,
  cooldown_days: 0,
  reminder_after_hours: null,
  updated_at: null,
};

const RULE_FIELDS = [
  'enabled',
  'channels',
  'agent_types',
  'min_contact_messages',
  'sample_percent',
  'cooldown_days',
  'reminder_after_hours',
] as const satisfies ReadonlyArray<keyof SurveyRulesInput>;

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const value of values) (seen.has(value) ? twice : seen).add(value);
  return [...twice];
}

/**
 * What the schema cannot say: each channel and agent type named once, channels not blank, and a reminder that falls
 * before the invite expires (a later one would never be sent).
 */
function checkRules(rules: SurveyRulesInput, settings: Pick<RatingSettings, 'invite_expiry_hours'>): void {
  const blank = rules.channels.findIndex((channel) => channel.trim() === '');
  if (blank >= 0) {
    throw new AppError('invalid_survey_rules', `channels[${blank}] is blank; name a channel, e.g. "email".`);
  }
  for (const field of ['channels', 'agent_types'] as const) {
    const twice = duplicates(rules[field]);
    if (twice.length > 0) {
      throw new AppError(
        'invalid_survey_rules',
        `${field} names ${twice.map((value) => `"${value.slice(0, 64)}"`).join(', ')} more than once.`,
      );
    }
  }
  if (rules.reminder_after_hours !== null && rules.reminder_after_hours >= settings.invite_expiry_hours) {
    throw new AppError(
      'reminder_after_expiry',
      `reminder_after_hours (${rules.reminder_after_hours}) must be less than the invites' expiry ` +
        `(invite_expiry_hours, ${settings.invite_expiry_hours}): a reminder is never sent after an invite expires.`,
    );
  }
}

/** Who is asked, and when: the organization's rules for automatic surveys, with their audit trail. */
export class SurveyRulesService {
  private readonly repository: SurveyRulesRepository;

  constructor(
    private readonly database: Database,
    private readonly settingsOf: (orgId: number, db: Db) => Promise<StoredSettings>,
  ) {
    this.repository = new SurveyRulesRepository(database.db);
  }

  /** The organization's rules, the defaults until an admin saved some. */
  async get(orgId: number, db: Db = this.database.db): Promise<SurveyRules> {
    const row = await this.repository.find(orgId, db);
    if (!row) return DEFAULT_SURVEY_RULES;
    return {
      enabled: toBoolean(row.enabled),
      channels: fromJson<string[]>(row.channels, []),
      agent_types: fromJson<SurveyRules['agent_types']>(row.agent_types, []),
      min_contact_messages: Number(row.min_contact_messages),
      sample_percent: Number(row.sample_percent),
      cooldown_days: Number(row.cooldown_days),
      reminder_after_hours: row.reminder_after_hours === null ? null : Number(row.reminder_after_hours),
      updated_at: row.updated_at,
    };
  }

  /**
   * Replaces the rules, all or nothing: a refused change writes nothing. A change is recorded in the audit log with the
   * changed fields' before and after, in the same transaction; saving the same rules again records nothing.
   */
  async replace(orgId: number, input: SurveyRulesInput, actor: AuditActor = SYSTEM_ACTOR): Promise<SurveyRules> {
    return this.database.db.transaction().execute(async (trx) => {
      checkRules(input, await this.settingsOf(orgId, trx));
      const before = await this.get(orgId, trx);
      const changes = changedFields(before, { ...before, ...input }, RULE_FIELDS);
      if (!changes && before.updated_at !== null) return before;
      await this.repository.upsert(trx, {
        org_id: orgId,
        enabled: booleanParam(input.enabled),
        channels: toJson(input.channels),
        agent_types: toJson(input.agent_types),
        min_contact_messages: input.min_contact_messages,
        sample_percent: input.sample_percent,
        cooldown_days: input.cooldown_days,
        reminder_after_hours: input.reminder_after_hours,
        updated_at: nowIso(),
      });
      if (changes) {
        await recordAudit(trx, {
          orgId,
          actorUserId: actor.userId,
          actorKeyId: actor.keyId,
          action: 'survey_rules.updated',
          subjectType: 'survey_rules',
          subjectId: String(orgId),
          details: { name: 'Survey rules', ...changes },
        });
      }
      return this.get(orgId, trx);
    });
  }
}
