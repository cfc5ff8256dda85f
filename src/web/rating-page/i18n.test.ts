import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { languageInfo, type Language } from '../../modules/rating-config/index.js';
import { textFor } from './i18n.js';

describe('the page dates', () => {
  it('read as the language writes the minute, in UTC, however often a minute is shown', () => {
    const languages = Object.keys(languageInfo) as Language[];
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2040-01-01T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom(...languages),
        (date, language) => {
          const expected = new Intl.DateTimeFormat(languageInfo[language].locale, {
            dateStyle: 'long',
            timeStyle: 'short',
            timeZone: 'UTC',
          }).format(date);
          const { formatDate } = textFor(language);
          assert.equal(formatDate(date.toISOString()), `${expected} UTC`);
          assert.equal(formatDate(date.toISOString()), `${expected} UTC`);
        },
      ),
      { numRuns: 300 },
    );
  });
});
