import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { defaultInviteMessage, renderInviteText, supportedLanguage } from './invite-message.js';
import { isValidValue, questionCatalog, questionCodes } from './questions.js';
import { QuestionCodeSchema } from './rating-config.schemas.js';
import { pageLanguage } from './rating-config.service.js';

describe('invite text', () => {
  it('replaces every {link} with the link', () => {
    assert.equal(renderInviteText('Rate us: {link}', 'https://x/r/abc'), 'Rate us: https://x/r/abc');
    assert.equal(renderInviteText('{link} or {link}', 'L'), 'L or L');
  });

  it('returns a template without the placeholder as it is', () => {
    fc.assert(
      fc.property(
        fc.string().filter((text) => !text.includes('{link}')),
        fc.webUrl(),
        (template, link) => {
          assert.equal(renderInviteText(template, link), template);
        },
      ),
    );
  });

  it('contains the link exactly once per placeholder, whatever the link holds', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string().filter((s) => !s.includes('{link}')),
          { minLength: 1, maxLength: 4 },
        ),
        fc.string(),
        (parts, link) => {
          const text = renderInviteText(parts.join('{link}'), link);
          assert.equal(text, parts.join(link));
        },
      ),
    );
  });

  it('has a default with the placeholder in every language', () => {
    assert.match(defaultInviteMessage('en'), /\{link\}/);
    assert.match(defaultInviteMessage('de'), /\{link\}/);
    assert.notEqual(defaultInviteMessage('en'), defaultInviteMessage('de'));
  });
});

describe('page language', () => {
  it('takes the configured language first, then the fallbacks in order, then English', () => {
    assert.equal(pageLanguage({ language: 'de' }, 'en'), 'de');
    assert.equal(pageLanguage({ language: null }, 'de-AT'), 'de');
    assert.equal(pageLanguage({ language: null }, null, 'fr-FR,de;q=0.8,en;q=0.5'), 'de');
    assert.equal(pageLanguage({ language: null }, 'fr', 'es'), 'en');
  });

  it('reads Accept-Language by quality', () => {
    assert.equal(supportedLanguage('en;q=0.4, de;q=0.9'), 'de');
    assert.equal(supportedLanguage('de;q=0, en'), 'en');
    assert.equal(supportedLanguage('*'), undefined);
  });
});

describe('question catalogue', () => {
  it('is the list the API schema accepts', () => {
    const accepted = (QuestionCodeSchema as unknown as { anyOf: Array<{ const: string }> }).anyOf.map((s) => s.const);
    assert.deepEqual(accepted.sort(), [...questionCodes].sort());
  });

  it('takes 1-5 for stars, 0-10 for NPS and 0/1 for thumbs, whole numbers only', () => {
    assert.equal(questionCatalog.CSAT, 'stars');
    assert.ok(isValidValue('stars', 1) && isValidValue('stars', 5));
    assert.ok(!isValidValue('stars', 0) && !isValidValue('stars', 6) && !isValidValue('stars', 4.5));
    assert.ok(isValidValue('nps', 0) && isValidValue('nps', 10) && !isValidValue('nps', 11));
    assert.ok(isValidValue('thumbs', 0) && isValidValue('thumbs', 1) && !isValidValue('thumbs', 2));
    assert.ok(!isValidValue('stars', '5'));
  });
});
