import { createHash } from 'node:crypto';
import type { SurveyRules } from '../rating-config/index.js';

const DAY = 86_400_000;

/** The rules a conversation is judged by, in the order the answer lists them. */
export type SurveyRuleName =
  'enabled' | 'ratings_active' | 'channel' | 'agent_type' | 'contact_messages' | 'sampling' | 'cooldown';

export interface RuleVerdict {
  rule: SurveyRuleName;
  passed: boolean;
  /** One sentence a person reads: what was checked, and against what. */
  detail: string;
}

export interface Eligibility {
  eligible: boolean;
  reasons: RuleVerdict[];
}

/** What the rules look at, read from the conversation and its organization. */
export interface EligibilityFacts {
  conversation: { uid: string; channel: string | null; agent_type: string | null };
  /** Whether ratings are switched on in the rating settings (`conv_rating_active`). */
  ratingsActive: boolean;
  /** Messages of the contact (role `user`). */
  contactMessages: number;
  /** When the contact was last offered a survey of another conversation within the cooldown; null when not. */
  lastSurveyedAt: string | null;
}

/**
 * The conversation's place in the sample, 0-99: the first four bytes of the SHA-256 of its uid, modulo 100. The same
 * conversation always lands in the same place, so its answer never changes; the sample takes places below the
 * percentage. (2^32 is not a multiple of 100: places 0-95 are one in 42,949,673 more likely than the others.)
 */
export function samplePlace(conversationUid: string): number {
  return createHash('sha256').update(conversationUid.toLowerCase()).digest().readUInt32BE(0) % 100;
}

const list = (values: readonly string[]) => values.map((value) => `"${value}"`).join(', ');
const messages = (n: number) => `${n} message${n === 1 ? '' : 's'}`;

/** The verdict of every rule on a conversation, and whether all of them pass. Pure: the facts are read before. */
export function judgeConversation(rules: SurveyRules, facts: EligibilityFacts): Eligibility {
  const { conversation } = facts;
  const verdict = (rule: SurveyRuleName, passed: boolean, detail: string): RuleVerdict => ({ rule, passed, detail });
  const among = (
    rule: 'channel' | 'agent_type',
    value: string | null,
    allowed: readonly string[],
    what: string,
  ): RuleVerdict => {
    if (allowed.length === 0) return verdict(rule, true, `Every ${what} is surveyed.`);
    if (value === null)
      return verdict(rule, false, `The conversation has no ${what}; only ${list(allowed)} are surveyed.`);
    return allowed.includes(value)
      ? verdict(rule, true, `The ${what} "${value}" is one of ${list(allowed)}.`)
      : verdict(rule, false, `The ${what} "${value}" is not one of ${list(allowed)}.`);
  };
  const place = samplePlace(conversation.uid);
  const reasons: RuleVerdict[] = [
    rules.enabled
      ? verdict('enabled', true, 'The survey rules are on.')
      : verdict('enabled', false, 'The survey rules are off: closing a conversation offers no invite.'),
    facts.ratingsActive
      ? verdict('ratings_active', true, 'Ratings are switched on in the rating settings.')
      : verdict('ratings_active', false, 'Ratings are switched off in the rating settings (conv_rating_active).'),
    among('channel', conversation.channel, rules.channels, 'channel'),
    among('agent_type', conversation.agent_type, rules.agent_types, 'agent type'),
    rules.min_contact_messages === 0
      ? verdict('contact_messages', true, 'No minimum of messages from the contact.')
      : verdict(
          'contact_messages',
          facts.contactMessages >= rules.min_contact_messages,
          `The contact wrote ${messages(facts.contactMessages)}; at least ${rules.min_contact_messages} ` +
            `${rules.min_contact_messages === 1 ? 'is' : 'are'} needed.`,
        ),
    rules.sample_percent === 100
      ? verdict('sampling', true, 'Every conversation is in the sample (100%).')
      : verdict(
          'sampling',
          place < rules.sample_percent,
          `The conversation's place in the sample is ${place} of 0-99; places below ${rules.sample_percent} are ` +
            `surveyed (${rules.sample_percent}%).`,
        ),
    rules.cooldown_days === 0
      ? verdict('cooldown', true, 'No cooldown between surveys of the same contact.')
      : facts.lastSurveyedAt === null
        ? verdict('cooldown', true, `The contact was not surveyed in the last ${days(rules.cooldown_days)}.`)
        : verdict(
            'cooldown',
            false,
            `The contact was surveyed at ${facts.lastSurveyedAt}, within the last ${days(rules.cooldown_days)}.`,
          ),
  ];
  return { eligible: reasons.every((reason) => reason.passed), reasons };
}

/** The rules the popup follows while the survey rules are on: who is asked, not whether closing offers an invite. */
const POPUP_RULES: ReadonlySet<SurveyRuleName> = new Set([
  'channel',
  'agent_type',
  'contact_messages',
  'sampling',
  'cooldown',
]);

/** Whether the popup may ask: always while the rules are off (as before them), else when their targeting passes. */
export function popupAllowed(rules: SurveyRules, judged: Eligibility): boolean {
  return !rules.enabled || judged.reasons.every((reason) => reason.passed || !POPUP_RULES.has(reason.rule));
}

/** The start of the cooldown window before `now`. */
export function cooldownSince(rules: SurveyRules, now: string): string {
  return new Date(Date.parse(now) - rules.cooldown_days * DAY).toISOString();
}

function days(n: number): string {
  return n === 1 ? 'day' : `${n} days`;
}
