import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { catalogues } from '../rating-config/index.js';
import { choicesOf, parseReplyId, replyIdOf, type ChoiceKind } from './choices.js';
import { smsLength } from './sms.js';
import { clip, whatsappMessage, WHATSAPP_LIMITS } from './whatsapp.js';
import { messageWords } from './wording.js';

const words = messageWords(catalogues.en, 'Acme', 'CSAT').choices;
const values = (kind: ChoiceKind, options?: Array<{ id: string; label: string }>, multiple?: boolean) =>
  choicesOf({ code: 'Q', kind, options, multiple }, words).map((choice) => choice.value);

describe('choices of a question', () => {
  it('offers every kind its values in order; free text and several options none', () => {
    assert.deepEqual(values('stars'), ['1', '2', '3', '4', '5']);
    assert.deepEqual(values('csat'), ['1', '2', '3', '4', '5']);
    assert.deepEqual(values('ces'), ['1', '2', '3', '4', '5', '6', '7']);
    assert.deepEqual(values('nps'), ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    assert.deepEqual(values('thumbs'), ['1', '0']);
    const options = [
      { id: 'PRICE', label: 'Price' },
      { id: 'SPEED', label: 'Speed' },
    ];
    assert.deepEqual(values('choice', options), ['PRICE', 'SPEED']);
    assert.deepEqual(values('choice', options, true), []);
    assert.deepEqual(values('text'), []);
  });

  it('labels stars with their words and full names, NPS ends with theirs', () => {
    const [first] = choicesOf({ code: 'STARS', kind: 'stars' }, words);
    assert.deepEqual(first, { value: '1', label: 'Very poor', description: '1 star – very poor' });
    const nps = choicesOf({ code: 'NPS', kind: 'nps' }, words);
    assert.deepEqual(nps[0], { value: '0', label: '0', description: '0 – not at all likely' });
    assert.deepEqual(nps[5], { value: '5', label: '5' });
  });

  it('labels csat and ces with their scale words in the message’s language', () => {
    assert.deepEqual(choicesOf({ code: 'Q', kind: 'csat' }, words)[4], {
      value: '5',
      label: 'Very satisfied',
      description: '5 – Very satisfied',
    });
    assert.deepEqual(
      choicesOf({ code: 'Q', kind: 'ces' }, words).map((choice) => choice.label),
      ['Very difficult', 'Difficult', 'Somewhat difficult', 'Neutral', 'Somewhat easy', 'Easy', 'Very easy'],
    );
    const german = messageWords(catalogues.de, 'Acme', 'Q').choices;
    assert.equal(choicesOf({ code: 'Q', kind: 'csat' }, german)[4]!.label, 'Sehr zufrieden');
    assert.equal(choicesOf({ code: 'Q', kind: 'ces' }, german)[0]!.description, '1 – Sehr schwierig');
    const overridden = messageWords({ ...catalogues.de, csat_word_4: 'Passt' }, 'Acme', 'Q').choices;
    assert.equal(choicesOf({ code: 'Q', kind: 'csat' }, overridden)[3]!.label, 'Passt');
  });

  it('reads back the reply ids it makes, and nothing else', () => {
    assert.equal(replyIdOf('CSAT', '4'), 'CSAT:4');
    assert.deepEqual(parseReplyId('CSAT:4'), { code: 'CSAT', value: '4' });
    assert.deepEqual(parseReplyId('REASON_PICK:PRICE'), { code: 'REASON_PICK', value: 'PRICE' });
    for (const bad of ['CSAT', 'csat:4', 'CSAT:', ':4', 'CSAT:4:5', 'CSAT: 4', 'C:4']) {
      assert.equal(parseReplyId(bad), undefined, bad);
    }
  });
});

describe('SMS length', () => {
  it('counts GSM 7-bit septets, the extension table twice, and UCS-2 units otherwise', () => {
    assert.deepEqual(smsLength('Hello'), { encoding: 'gsm7', length: 5, single_limit: 160, segments: 1 });
    // "Prix: 5€ [ok]": 13 characters, three of them (€ [ ]) from the extension table: 16 septets.
    assert.equal(smsLength('Prix: 5€ [ok]').length, 16);
    assert.equal(smsLength('x'.repeat(160)).segments, 1);
    assert.equal(smsLength('x'.repeat(161)).segments, 2);
    assert.equal(smsLength('x'.repeat(307)).segments, 3);
    assert.deepEqual(smsLength('Oceń'), { encoding: 'ucs2', length: 4, single_limit: 70, segments: 1 });
    // An emoji is two UTF-16 units.
    assert.equal(smsLength('👍').length, 2);
    assert.equal(smsLength('ł'.repeat(71)).segments, 2);
  });

  it('keeps the SMS of every GSM language under one message with a 24-character code and a 40-character host', () => {
    const link = `https://${'h'.repeat(32)}.example/r/${'c'.repeat(24)}`;
    for (const [language, catalogue] of Object.entries(catalogues)) {
      const sms = smsLength(catalogue.invite_sms.replace('{brand}', 'Acme Support').replace('{link}', link));
      if (sms.encoding === 'gsm7') assert.ok(sms.length <= 160, `${language}: ${sms.length}`);
      else assert.ok(['pl', 'ja', 'ar'].includes(language), `${language} needs UCS-2`);
    }
  });
});

describe('WhatsApp messages', () => {
  const base = { question: 'Q?', code: 'Q', link: 'https://x/r/c', brand: 'B', linkLine: 'L', choose: 'C', open: 'O' };

  it('uses buttons up to three, a list up to ten, and a link button beyond or without choices', () => {
    const of = (n: number) => Array.from({ length: n }, (_, i) => ({ value: String(i), label: `Option ${i}` }));
    assert.equal(whatsappMessage({ ...base, choices: of(2) }).form, 'buttons');
    assert.equal(whatsappMessage({ ...base, choices: of(3) }).form, 'buttons');
    assert.equal(whatsappMessage({ ...base, choices: of(4) }).form, 'list');
    assert.equal(whatsappMessage({ ...base, choices: of(10) }).form, 'list');
    assert.equal(whatsappMessage({ ...base, choices: of(11) }).form, 'link');
    assert.equal(whatsappMessage({ ...base, choices: [] }).form, 'link');
  });

  it('fits every language’s default texts within the limits, so that nothing is cut', () => {
    for (const [language, t] of Object.entries(catalogues)) {
      const fits = (text: string, max: number, what: string) =>
        assert.ok([...text].length <= max, `${language} ${what}: "${text}" is over ${max}`);
      for (const text of [t.helpful_yes, t.helpful_no, t.experience_good, t.experience_bad, t.thumbs_up, t.thumbs_down])
        fits(text, WHATSAPP_LIMITS.buttonTitle, 'button');
      for (const text of [t.star_word_1, t.star_word_2, t.star_word_3, t.star_word_4, t.star_word_5])
        fits(text, WHATSAPP_LIMITS.rowTitle, 'row');
      for (const text of [t.star_1, t.star_2, t.star_3, t.star_4, t.star_5])
        fits(text, WHATSAPP_LIMITS.rowDescription, 'row description');
      const scales = messageWords(t, 'Acme', 'Q').choices;
      for (const kind of ['csat', 'ces'] as const) {
        for (const choice of choicesOf({ code: 'Q', kind }, scales)) {
          fits(choice.label, WHATSAPP_LIMITS.rowTitle, `${kind} row`);
          fits(choice.description!, WHATSAPP_LIMITS.rowDescription, `${kind} row description`);
        }
      }
      fits(t.invite_chat_choose, WHATSAPP_LIMITS.listButton, 'list button');
      fits(t.invite_email_open, WHATSAPP_LIMITS.ctaText, 'link button');
    }
  });

  it("cuts every text to WhatsApp's limits", () => {
    const long = 'é'.repeat(100);
    const message = whatsappMessage({
      ...base,
      brand: long,
      question: 'q'.repeat(2000),
      choose: long,
      choices: Array.from({ length: 5 }, (_, i) => ({ value: String(i), label: long, description: `${long}${long}` })),
    });
    const interactive = message.message.interactive as {
      body: { text: string };
      footer: { text: string };
      action: {
        button: string;
        sections: Array<{ title: string; rows: Array<{ title: string; description: string }> }>;
      };
    };
    assert.equal([...interactive.body.text].length, WHATSAPP_LIMITS.body);
    assert.equal([...interactive.footer.text].length, 60);
    assert.equal([...interactive.action.button].length, 20);
    assert.equal([...interactive.action.sections[0]!.title].length, 24);
    assert.equal([...interactive.action.sections[0]!.rows[0]!.title].length, 24);
    assert.equal([...interactive.action.sections[0]!.rows[0]!.description].length, 72);
    assert.equal(clip('abcdef', 4), 'abc…');
    assert.equal(clip('abcd', 4), 'abcd');
  });
});
