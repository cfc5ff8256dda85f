import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { defaultInviteMessage, renderInviteText } from './invite-message.js';
import { acceptedLanguage, languages, resolveLanguage } from './locales/index.js';
import { isValidValue, questionCatalog, questionCodes } from './questions.js';
import { QuestionCodeSchema } from './rating-config.schemas.js';

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
    for (const language of languages) assert.match(defaultInviteMessage(language), /\{link\}/, language);
    assert.equal(new Set(languages.map(defaultInviteMessage)).size, languages.length);
  });
});

describe('page language', () => {
  // The conversation's language now comes first: before, an organization's language won over the conversation's.
  it("takes the conversation's language, then the organization's default, then the browser's, then English", () => {
    assert.equal(resolveLanguage({ conversation: 'fr', organization: 'de', acceptLanguage: 'es' }), 'fr');
    assert.equal(resolveLanguage({ conversation: 'de-AT', organization: 'en' }), 'de');
    assert.equal(resolveLanguage({ conversation: null, organization: 'de', acceptLanguage: 'es' }), 'de');
    assert.equal(resolveLanguage({ conversation: 'xx', organization: null, acceptLanguage: 'ja-JP,en;q=0.5' }), 'ja');
    assert.equal(resolveLanguage({ conversation: 'ko', organization: null, acceptLanguage: 'zh-CN' }), 'en');
    assert.equal(resolveLanguage({}), 'en');
  });

  it('reads Accept-Language by quality, falling back to the base language', () => {
    assert.equal(acceptedLanguage('en;q=0.4, de;q=0.9'), 'de');
    assert.equal(acceptedLanguage('de;q=0, en'), 'en');
    assert.equal(acceptedLanguage('pt-BR,pt;q=0.9,en;q=0.8'), 'pt');
    assert.equal(acceptedLanguage('ko-KR, ar-EG;q=0.7, fr;q=0.3'), 'ar');
    assert.equal(acceptedLanguage('sv;q=0.5, da;q=0.5'), 'sv', 'equal weights keep their order');
    assert.equal(acceptedLanguage('fi;q=0.8, nl;q=0.800'), 'fi');
    assert.equal(acceptedLanguage('no, en'), 'nb');
    assert.equal(acceptedLanguage('de;q=2, fr'), 'fr', 'a weight above 1 is malformed and left out');
    assert.equal(acceptedLanguage('de;q=abc, it;q=0.1'), 'it');
    assert.equal(acceptedLanguage('  ES-mx ;q=0.9 '), 'es');
    assert.equal(acceptedLanguage('*'), undefined);
    assert.equal(acceptedLanguage('ko, zh;q=0.9'), undefined);
    assert.equal(acceptedLanguage(''), undefined);
    assert.equal(acceptedLanguage('<script>, ;;, q=1'), undefined);
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
