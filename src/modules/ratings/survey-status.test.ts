import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { QuestionStatus } from './ratings.table.js';
import { readStatus, surveyStatus } from './survey-status.js';

const question = (status: QuestionStatus, required = true) => ({ status, required });

describe('surveyStatus', () => {
  it('is offered with no answer, partial while a required question waits, rated otherwise', () => {
    assert.equal(surveyStatus([question('Offered'), question('Offered', false)], false), 'offered');
    assert.equal(surveyStatus([question('Rated', false), question('Offered')], false), 'partially_rated');
    assert.equal(surveyStatus([question('Rated'), question('Offered', false)], false), 'rated');
    assert.equal(surveyStatus([question('Rated', false), question('Offered', false)], false), 'rated');
    assert.equal(surveyStatus([question('Rated'), question('Rated')], false), 'rated');
  });

  it('is cancelled when withdrawn without an answer, rated when answers stand', () => {
    assert.equal(surveyStatus([question('Cancelled'), question('Cancelled', false)], true), 'cancelled');
    assert.equal(surveyStatus([question('Rated'), question('Cancelled')], true), 'rated');
  });

  it('never leaves a survey partial for its optional questions alone', () => {
    const statuses = fc.constantFrom<QuestionStatus>('Offered', 'Rated', 'Cancelled');
    fc.assert(
      fc.property(
        fc.array(fc.record({ status: statuses, required: fc.boolean() }), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (questions, withdrawn) => {
          const status = surveyStatus(questions, withdrawn);
          const answered = questions.some((q) => q.status === 'Rated');
          const requiredWaiting = questions.some((q) => q.required && q.status === 'Offered');
          assert.equal(status === 'partially_rated', answered && requiredWaiting);
          assert.equal(status === 'rated', answered && !requiredWaiting);
          assert.equal(status === 'cancelled', !answered && withdrawn);
        },
      ),
    );
  });
});

describe('readStatus', () => {
  it('reads a survey still waiting past its expiry as expired, and nothing else', () => {
    const past = '2020-01-01T00:00:00.000Z';
    const now = '2026-01-01T00:00:00.000Z';
    assert.equal(readStatus({ status: 'offered', expires_at: past }, now), 'expired');
    assert.equal(readStatus({ status: 'partially_rated', expires_at: past }, now), 'expired');
    assert.equal(readStatus({ status: 'rated', expires_at: past }, now), 'rated');
    assert.equal(readStatus({ status: 'cancelled', expires_at: past }, now), 'cancelled');
    assert.equal(readStatus({ status: 'offered', expires_at: null }, now), 'offered');
  });
});
