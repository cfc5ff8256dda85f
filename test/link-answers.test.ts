import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { describeEachDialect, type Tenant } from './helpers/app.js';
import { withoutWrites } from './helpers/refusals.js';

const questions: Array<Record<string, unknown>> = [
  { code: 'SATISFACTION', kind: 'csat', labels: { en: 'How satisfied are you?', de: 'Wie zufrieden sind Sie?' } },
  { code: 'EASE', kind: 'ces', labels: { en: 'How easy was it?' } },
  { code: 'LOYALTY', kind: 'nps', labels: { en: 'Would you recommend us?' } },
  { code: 'GOT_HELP', kind: 'thumbs', labels: { en: 'Did we help?' } },
  { code: 'SCORE', kind: 'stars', labels: { en: 'Your score?' } },
  {
    code: 'TOPIC',
    kind: 'choice',
    labels: { en: 'What was it about?' },
    options: [
      { id: 'PRICE', labels: { en: 'Price', de: 'Preis' } },
      { id: 'DELIVERY', labels: { en: 'Delivery', de: 'Lieferung' } },
    ],
  },
  {
    code: 'AREAS',
    kind: 'choice',
    multiple: true,
    labels: { en: 'Which areas?' },
    options: [
      { id: 'APP', labels: { en: 'App' } },
      { id: 'WEB', labels: { en: 'Web' } },
    ],
  },
  { code: 'WISH', kind: 'text', labels: { en: 'Anything else?' } },
];

describeEachDialect('An email’s answer link for every kind of first question', (ctx) => {
  let tenant: Tenant;

  before(async () => {
    tenant = await ctx.newTenant('Link Answers Org');
    for (const question of questions) {
      const created = await ctx.request('POST', '/v1/questions', { key: tenant.key, body: question });
      assert.equal(created.status, 201, JSON.stringify(created.body));
    }
  });

  /** A survey whose first question is `code`, with STARS after it; its page's path and its email's links. */
  async function survey(codes: string[], body: Record<string, unknown> = {}) {
    const conversation = await ctx.request('POST', '/v1/conversations', { key: tenant.key, body });
    const offered = await ctx.request('POST', `/v1/conversations/${conversation.body.data.id}/ratings`, {
      key: tenant.key,
      body: { question_codes: codes },
    });
    assert.equal(offered.status, 201, JSON.stringify(offered.body));
    const rating = offered.body.data;
    const email = await ctx.request('GET', `/v1/ratings/${rating.id}/deliverables?channel=email`, { key: tenant.key });
    assert.equal(email.status, 200, JSON.stringify(email.body));
    const path = new URL(`${rating.link}`).pathname;
    const links = email.body.data.question.choices.map((choice: { value: string; link: string }) => {
      const url = new URL(choice.link);
      assert.equal(url.pathname, path);
      return { value: choice.value, path: `${url.pathname}${url.search}` };
    });
    return { rating, path, links: links as Array<{ value: string; path: string }> };
  }
  const read = async (id: number) =>
    (await ctx.request('GET', `/v1/ratings/${id}`, { key: tenant.key })).body.data.questions[0];

  /** Posts the block's form as the page's script does; answers the response. */
  async function record(page: { body: string; headers: Record<string, unknown> }, path: string) {
    const cookie = String(page.headers['set-cookie']).split(';')[0]!;
    const form = /<form class="link-form"[\s\S]*?<\/form>/.exec(page.body)![0];
    const field = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(form)![1]!;
    return ctx.request('POST', `${path}/answer`, {
      payload: new URLSearchParams({
        csrf_token: field('csrf_token'),
        question: field('question'),
        answer: field('answer'),
      }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, 'x-plaudit-link-answer': 'fetch' },
    });
  }

  const cases: Array<{ code: string; values: string[]; chosen: [string, RegExp]; stored: [string, unknown] }> = [
    {
      code: 'SATISFACTION',
      values: ['1', '2', '3', '4', '5'],
      chosen: ['4', /Your answer: 4 – Satisfied/],
      stored: ['value', 4],
    },
    {
      code: 'EASE',
      values: ['1', '2', '3', '4', '5', '6', '7'],
      chosen: ['7', /Your answer: 7 – Very easy/],
      stored: ['value', 7],
    },
    {
      code: 'LOYALTY',
      values: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'],
      chosen: ['0', /Your answer: 0 – not at all likely/],
      stored: ['value', 0],
    },
    { code: 'GOT_HELP', values: ['1', '0'], chosen: ['0', /Your answer: Thumbs down/], stored: ['value', 0] },
    {
      code: 'SCORE',
      values: ['1', '2', '3', '4', '5'],
      chosen: ['2', /Your answer: 2 stars – poor/],
      stored: ['value', 2],
    },
    {
      code: 'TOPIC',
      values: ['PRICE', 'DELIVERY'],
      chosen: ['DELIVERY', /Your answer: Delivery/],
      stored: ['choices', ['DELIVERY']],
    },
  ];

  for (const { code, values, chosen, stored } of cases) {
    it(`${code}: each of the email's links opens the page with it chosen; the page's POST records it once`, async () => {
      const { rating, path, links } = await survey([code, 'STARS']);
      assert.deepEqual(
        links.map((link) => link.value),
        values,
      );
      for (const link of links) {
        const page = await withoutWrites(ctx.database, () => ctx.request('GET', link.path));
        assert.equal(page.status, 200, link.path);
        assert.ok(page.body.includes('id="link-answer-form"'), link.path);
        assert.ok(
          page.body.includes(`name="${code}" value="${link.value}" checked`),
          `${link.path}: the question's own field is chosen`,
        );
        assert.ok(!/name="stars" value="\d" checked/.test(page.body), 'the STARS after it stays unanswered');
      }
      const page = await ctx.request('GET', links.find((link) => link.value === chosen[0])!.path);
      assert.match(page.body, chosen[1]);
      // The page asks in the survey's order, as the email did: the question answered first, STARS after it.
      assert.ok(page.body.indexOf(`name="${code}"`) < page.body.indexOf('name="stars"'), 'asked in the survey order');
      // The question that leads is the page's one heading; the STARS after it is not.
      assert.equal(page.body.match(/<h1>/g)?.length, 1, 'one heading');
      assert.match(page.body, new RegExp(`<legend><h1>[^<]+</h1>[\\s\\S]*name="${code}"[\\s\\S]*name="stars"`));
      assert.equal((await record(page, path)).status, 204);
      const answered = await read(rating.id);
      assert.equal(answered.status, 'Rated');
      assert.deepEqual(answered[stored[0]], stored[1]);
      // The script's POST again (a reload): nothing more is written.
      assert.equal((await withoutWrites(ctx.database, () => record(page, path))).status, 204);
    });
  }

  it('takes up and down for a thumbs question too', async () => {
    const { rating, path } = await survey(['HELPFUL_THUMBS']);
    const page = await withoutWrites(ctx.database, () => ctx.request('GET', `${path}?answer=up`));
    assert.match(page.body, /id="q-HELPFUL_THUMBS-up" name="HELPFUL_THUMBS" value="up" checked/);
    assert.match(page.body, /Your answer: Yes/);
    assert.equal((await record(page, path)).status, 204);
    assert.equal((await read(rating.id)).value, 1);
  });

  it('reads the answer in the rating’s language: csat words and option labels', async () => {
    const csat = await survey(['SATISFACTION'], { language: 'de' });
    assert.match((await ctx.request('GET', `${csat.path}?answer=5`)).body, /Ihre Antwort: 5 – Sehr zufrieden/);
    const topic = await survey(['TOPIC'], { language: 'de' });
    assert.match((await ctx.request('GET', `${topic.path}?answer=PRICE`)).body, /Ihre Antwort: Preis/);
  });

  it('words the csat choices with the overrides of Settings → Texts: email, WhatsApp rows and the page', async () => {
    const org = await ctx.newTenant('Link Answers Texts Org');
    await ctx.request('POST', '/v1/questions', { key: org.key, body: questions[0] });
    const put = await ctx.request('PUT', '/v1/rating-settings/texts/de', {
      key: org.key,
      body: { texts: { csat_word_5: 'Rundum zufrieden', ces_word_1: 'Mühsam' } },
    });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    const texts = await ctx.request('GET', '/v1/rating-settings/texts/de', { key: org.key });
    const entry = texts.body.data.texts.find((text: { key: string }) => text.key === 'csat_word_5');
    assert.deepEqual(
      [entry.group, entry.default, entry.override],
      ['rating_page', 'Sehr zufrieden', 'Rundum zufrieden'],
    );
    const conversation = await ctx.request('POST', '/v1/conversations', { key: org.key, body: { language: 'de' } });
    const rating = (
      await ctx.request('POST', `/v1/conversations/${conversation.body.data.id}/ratings`, {
        key: org.key,
        body: { question_codes: ['SATISFACTION'] },
      })
    ).body.data;
    const of = async (channel: string) =>
      (await ctx.request('GET', `/v1/ratings/${rating.id}/deliverables?channel=${channel}`, { key: org.key })).body
        .data;
    const email = await of('email');
    assert.deepEqual(
      email.question.choices.map((choice: { label: string }) => choice.label),
      ['Sehr unzufrieden', 'Unzufrieden', 'Neutral', 'Zufrieden', 'Rundum zufrieden'],
    );
    // The buttons carry the numbers, the scale's ends are written under them; the full word is each link's title.
    assert.ok(
      email.email.html.includes('>Sehr unzufrieden</span>') && email.email.html.includes('>Rundum zufrieden</span>'),
    );
    assert.ok(email.email.html.includes('title="5 – Rundum zufrieden"'));
    assert.ok(email.email.text.includes(`5 – Rundum zufrieden: ${rating.link}?answer=5\n`));
    const whatsapp = await of('whatsapp');
    assert.equal(whatsapp.whatsapp.form, 'list');
    assert.equal(whatsapp.whatsapp.message.interactive.action.sections[0].rows[4].title, 'Rundum zufrieden');
    const page = await ctx.request('GET', `${new URL(rating.link).pathname}?answer=5`);
    assert.match(page.body, /Ihre Antwort: 5 – Rundum zufrieden/);
    assert.match(page.body, /<span class="vh">5 – Rundum zufrieden<\/span>/);
  });

  it('opens the page without recording anything for an answer the first question does not take', async () => {
    const bad: Array<[string[], string[]]> = [
      [['SATISFACTION'], ['0', '6', '4.0', ' 4', '04', '-1', 'PRICE', 'x'.repeat(200)]],
      [['EASE'], ['0', '8', '']],
      [['LOYALTY'], ['11', '-0', '1e1']],
      [['GOT_HELP'], ['2', 'yes', 'UP']],
      [['TOPIC'], ['GIFTS', 'price', '1', 'PRICE,DELIVERY']],
      // A choice question of several options and a text question take no single tap: their emails have no links.
      [['AREAS'], ['APP']],
      [['WISH'], ['1', 'Fine']],
    ];
    for (const [codes, answers] of bad) {
      const { rating, path, links } = await survey(codes);
      if (codes[0] === 'AREAS' || codes[0] === 'WISH') assert.deepEqual(links, []);
      for (const answer of [...answers.map((value) => `answer=${encodeURIComponent(value)}`), 'answer=4&answer=5']) {
        const page = await withoutWrites(ctx.database, () => ctx.request('GET', `${path}?${answer}`));
        assert.equal(page.status, 200, `${codes[0]} ?${answer}`);
        assert.ok(!page.body.includes('link-answer-form'), `${codes[0]} ?${answer} offers no answer`);
        assert.ok(page.body.includes(`name="${codes[0]}"`), 'the form is there');
      }
      // A crafted POST of such a value is refused, and writes nothing.
      const page = await ctx.request('GET', path);
      const cookie = String(page.headers['set-cookie']).split(';')[0]!;
      const token = /name="csrf_token" value="([^"]+)"/.exec(page.body)![1]!;
      const posted = await withoutWrites(ctx.database, () =>
        ctx.request('POST', `${path}/answer`, {
          payload: new URLSearchParams({ csrf_token: token, question: codes[0]!, answer: answers[0]! }).toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
        }),
      );
      assert.equal(posted.status, 400, `${codes[0]} POST ${answers[0]}`);
      assert.equal((await read(rating.id)).status, 'Offered');
    }
  });

  it('reads a link’s answer against the rating’s own questions only: another organization’s option id is none', async () => {
    const other = await ctx.newTenant('Link Answers Other Org');
    const conversation = await ctx.request('POST', '/v1/conversations', { key: other.key, body: {} });
    const theirs = (
      await ctx.request('POST', `/v1/conversations/${conversation.body.data.id}/ratings`, {
        key: other.key,
        body: { question_codes: ['STARS'] },
      })
    ).body.data;
    const path = new URL(theirs.link).pathname;
    // TOPIC is this organization's question; the other's page knows nothing of it.
    const page = await withoutWrites(ctx.database, () => ctx.request('GET', `${path}?answer=PRICE`));
    assert.equal(page.status, 200);
    assert.ok(!page.body.includes('link-answer-form'));
  });
});
