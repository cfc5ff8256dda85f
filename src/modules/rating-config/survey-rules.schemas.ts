import { Type, type Static } from 'typebox';
import { DateTime, Nullable } from '../../http/schemas.js';

export const MAX_RULE_CHANNELS = 50;
export const MAX_MIN_CONTACT_MESSAGES = 1000;
export const MAX_COOLDOWN_DAYS = 365;
export const MAX_REMINDER_AFTER_HOURS = 720;

const AgentTypeRule = Type.Union([Type.Literal('human'), Type.Literal('ai')], {
  description: 'An agent type as conversations name it: `human` or `ai`.',
});

const RuleFields = {
  enabled: Type.Boolean({
    description:
      'Whether the rules are in force. On: closing a conversation offers an invite when every rule passes, and the ' +
      "widget's popup shows only then. Off (the default): closing offers nothing, and the popup shows as before.",
  }),
  channels: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
    maxItems: MAX_RULE_CHANNELS,
    description: "The conversation's channel must be one of these; empty: every channel.",
    examples: [['email', 'whatsapp']],
  }),
  agent_types: Type.Array(AgentTypeRule, {
    maxItems: 2,
    description: "The conversation's agent type must be one of these; empty: every agent type.",
  }),
  min_contact_messages: Type.Integer({
    minimum: 0,
    maximum: MAX_MIN_CONTACT_MESSAGES,
    description: 'At least this many messages from the contact (role `user`); 0: no minimum.',
  }),
  sample_percent: Type.Integer({
    minimum: 0,
    maximum: 100,
    description:
      "The share of conversations asked, chosen by a hash of the conversation's uid: the same conversation always " +
      'gets the same answer. 100: every conversation.',
  }),
  cooldown_days: Type.Integer({
    minimum: 0,
    maximum: MAX_COOLDOWN_DAYS,
    description:
      'Not when the same contact was offered a survey (of another conversation) within this many days; 0: no cooldown.',
  }),
  reminder_after_hours: Nullable(
    Type.Integer({
      minimum: 1,
      maximum: MAX_REMINDER_AFTER_HOURS,
      description:
        'One `rating.reminder_due` event this many hours after an invite that is still unanswered, before it ' +
        'expires; null: no reminder. Applies to invites offered after the change.',
    }),
  ),
};

export const SurveyRules = Type.Object({
  ...RuleFields,
  updated_at: Nullable({ ...DateTime, description: 'When an admin last saved the rules; null: never (the defaults).' }),
});
export type SurveyRules = Static<typeof SurveyRules>;

export const SurveyRulesInput = Type.Object(RuleFields, { additionalProperties: false });
export type SurveyRulesInput = Static<typeof SurveyRulesInput>;
