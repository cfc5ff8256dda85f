import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { DEFAULT_SURVEY_RULES } from '../rating-config/index.js';
import { judgeConversation, popupAllowed, samplePlace } from './survey-eligibility.js';

const on = { ...DEFAULT_SURVEY_RULES, enabled: true };
const facts = (overrides: Partial<Parameters<typeof judgeConversation>[1]> = {}) => ({
  conversation: { uid: '00000000-0000-4000-8000-000000000000', channel: 'email', agent_type: 'ai' },
  ratingsActive: true,
  contactMessages: 0,
  lastSurveyedAt: null,
  ...overrides,
});

describe('survey eligibility', () => {
  it('places a conversation by the first four bytes of the SHA-256 of its uid, modulo 100', () => {
    const uid = '00000000-0000-4000-8000-000000000000';
    const digest = createHash('sha256').update(uid).digest();
    const byHand = ((digest[0]! * 2 ** 24 + digest[1]! * 2 ** 16 + digest[2]! * 2 ** 8 + digest[3]!) % 100) as number;
    assert.equal(samplePlace(uid), byHand);
    assert.equal(samplePlace(uid.toUpperCase()), byHand, 'the same uid, whatever its case');
  });

  it('passes every rule with the defaults switched on, and fails only enabled while off', () => {
    assert.equal(judgeConversation(on, facts()).eligible, true);
    const off = judgeConversation(DEFAULT_SURVEY_RULES, facts());
    assert.deepEqual(
      off.reasons.filter((reason) => !reason.passed).map((reason) => reason.rule),
      ['enabled'],
    );
  });

  it('lets the popup ask while the rules are off, and only where the targeting passes while on', () => {
    const email = { ...on, channels: ['email'] };
    assert.equal(popupAllowed(email, judgeConversation(email, facts())), true);
    const phone = facts({ conversation: { uid: 'x', channel: 'phone', agent_type: null } });
    assert.equal(popupAllowed(email, judgeConversation(email, phone)), false);
    const off = { ...email, enabled: false };
    assert.equal(popupAllowed(off, judgeConversation(off, phone)), true);
  });

  it('fails the cooldown with the time the contact was surveyed, and sampling at 0%', () => {
    const cooldown = { ...on, cooldown_days: 1 };
    const judged = judgeConversation(cooldown, facts({ lastSurveyedAt: '2026-12-01T10:00:00.000Z' }));
    assert.deepEqual(judged.reasons.at(-1), {
      rule: 'cooldown',
      passed: false,
      detail: 'The contact was surveyed at 2026-12-01T10:00:00.000Z, within the last day.',
    });
    assert.equal(judgeConversation({ ...on, sample_percent: 0 }, facts()).eligible, false);
  });
});
