import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import type { Database } from '../src/db/database.js';
import { MAX_COMMENT_LENGTH } from '../src/modules/ratings/index.js';
import { describeEachDialect, type ApiResponse, type TestContext, type Tenant } from './helpers/app.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

// Like assert.match, without printing a whole page when it fails.
function match(text: string, pattern: RegExp, message?: string): void {
  if (!pattern.test(text)) assert.fail(`${message ?? 'text'} does not match ${pattern}: ${excerpt(text)}`);
}
function noMatch(text: string, pattern: RegExp, message?: string): void {
  const found = pattern.exec(text);
  if (found) assert.fail(`${message ?? 'text'} matches ${pattern} at "${excerpt(text.slice(found.index))}"`);
}
function excerpt(text: string): string {
  const body = text.indexOf('<main');
  return (body >= 0 ? text.slice(body) : text).slice(0, 300);
}

/** What a rater's browser holds after opening the page: the CSRF cookie and the hidden field's token. */
interface Session {
  cookie: string;
  token: string;
}

interface Invite {
  /** `/r/{code}`: the path of the invite's link. */
  path: string;
  rating: { id: number; code: string };
}

async function invite(ctx: TestContext, tenant: Tenant, conversation: Record<string, unknown> = {}): Promise<Invite> {
  const created = await ctx.request('POST', '/v1/conversations', { key: tenant.key, body: conversation });
  assert.equal(created.status, 201);
  const response = await ctx.request('POST', `/v1/conversations/${created.body.data.id}/rating-invites`, {
    key: tenant.key,
  });
  assert.equal(response.status, 201);
  const link = new URL(response.body.data.link);
  assert.equal(link.origin, 'https://plaudit.test');
  return { path: link.pathname, rating: response.body.data.rating };
}

async function configure(ctx: TestContext, tenant: Tenant, settings: Record<string, unknown>): Promise<void> {
  const response = await ctx.request('PATCH', '/v1/rating-settings', { key: tenant.key, body: settings });
  assert.equal(response.status, 200, JSON.stringify(response.body));
}

function setCookie(response: ApiResponse | LightMyRequestResponse): string | undefined {
  const header = response.headers['set-cookie'];
  return Array.isArray(header) ? header[0] : header;
}

/** Opens the page as a browser does and keeps the CSRF pair. */
async function open(ctx: TestContext, path: string, headers: Record<string, string> = {}) {
  const response = await ctx.request('GET', path, { headers });
  assert.equal(response.status, 200, response.raw.body);
  const cookie = setCookie(response)?.split(';')[0];
  const token = /name="csrf_token" value="([^"]+)"/.exec(response.body)?.[1];
  assert.ok(cookie && token, 'the page sets the CSRF cookie and carries the token');
  return { response, html: response.body as string, session: { cookie, token } satisfies Session };
}

/** Posts the form as a browser does: url-encoded, with the CSRF cookie and hidden field (unless `session` is null). */
function submit(
  ctx: TestContext,
  path: string,
  fields: Record<string, string>,
  session: Session | null,
  headers: Record<string, string> = {},
) {
  const body = new URLSearchParams(session ? { csrf_token: session.token, ...fields } : fields);
  return ctx.request('POST', path, {
    payload: body.toString(),
    headers: { ...FORM, ...(session ? { cookie: session.cookie } : {}), ...headers },
  });
}

async function ratingOf(ctx: TestContext, tenant: Tenant, id: number) {
  const response = await ctx.request('GET', `/v1/ratings/${id}`, { key: tenant.key });
  assert.equal(response.status, 200);
  return response.body.data;
}

function valueOf(rating: { questions: Array<{ code: string; value: number | null }> }, code: string) {
  return rating.questions.find((question) => question.code === code)?.value;
}

/** The option checked in a radio group of the page, if any. */
function checked(html: string, name: string): string | undefined {
  return new RegExp(`name="${name}" value="([^"]+)" checked`).exec(html)?.[1];
}

async function expire(database: Database, ratingId: number): Promise<void> {
  await database.db
    .updateTable('ratings')
    .set({ expires_at: new Date(Date.now() - 60_000).toISOString() })
    .where('id', '=', ratingId)
    .execute();
}

function assertPageHeaders(response: ApiResponse | LightMyRequestResponse): void {
  const { headers } = response;
  const csp = String(headers['content-security-policy']);
  match(csp, /default-src 'none'/);
  match(csp, /base-uri 'none'/);
  match(csp, /frame-ancestors 'none'/);
  assert.equal(headers['referrer-policy'], 'no-referrer');
  match(String(headers['x-robots-tag']), /noindex/);
  assert.equal(headers['cache-control'], 'no-store');
  assert.equal(headers['x-content-type-options'], 'nosniff');
}

function assertHtmlPage(response: ApiResponse | LightMyRequestResponse, status: number): string {
  const { statusCode, body } = 'statusCode' in response ? response : response.raw;
  assert.equal(statusCode, status, body.slice(0, 500));
  match(String(response.headers['content-type']), /^text\/html; charset=utf-8/);
  assertPageHeaders(response);
  // Every page styles itself under the nonce of its own policy.
  const nonce = /style-src 'nonce-([^']+)'/.exec(String(response.headers['content-security-policy']))?.[1];
  if (nonce) assert.ok(body.includes(`<style nonce="${nonce}">`), 'the stylesheet carries the response nonce');
  return body;
}

describeEachDialect('GET /r/{code}', (ctx) => {
  it('renders the form: stars 1-5 in a fieldset, the configured questions, a comment box, the CSRF pair', async () => {
    const tenant = await ctx.newTenant('Acme Support');
    const { path } = await invite(ctx, tenant);
    const { response, html } = await open(ctx, path);
    assertHtmlPage(response, 200);

    match(html, /^<!doctype html>\n<html lang="en">/);
    match(html, /<meta name="viewport" content="width=device-width, initial-scale=1">/);
    match(html, new RegExp(`<form method="post" action="${path}">`));
    match(
      html,
      /<fieldset class="question">\s*<legend><h1>How would you rate your conversation with Acme Support\?<\/h1>/,
    );
    for (const [value, label] of [
      ['1', '1 star – very poor'],
      ['2', '2 stars – poor'],
      ['3', '3 stars – okay'],
      ['4', '4 stars – good'],
      ['5', '5 stars – excellent'],
    ]) {
      match(
        html,
        new RegExp(`<input class="vh" type="radio" id="stars-${value}" name="stars" value="${value}" required>`),
      );
      match(html, new RegExp(`<label class="star" for="stars-${value}">.*?<span class="vh">${label}</span></label>`));
    }
    // The default questions, optional, as two radios each.
    match(html, /War|Was this helpful\?/);
    match(html, /How was your experience\?/);
    for (const code of ['HELPFUL_THUMBS', 'EXPERIENCE_THUMBS']) {
      match(html, new RegExp(`name="${code}" value="up">`));
      match(html, new RegExp(`name="${code}" value="down">`));
    }
    match(html, new RegExp(`<textarea id="comment" name="comment" rows="4" maxlength="${MAX_COMMENT_LENGTH}"`));
    match(html, /<label for="comment">/);
    match(html, /<button class="submit" type="submit">Send feedback<\/button>/);
    noMatch(html, /<script/i, 'the page needs no script');
    assert.equal(checked(html, 'stars'), undefined);

    const cookie = setCookie(response)!;
    match(cookie, new RegExp(`^plaudit_csrf=[A-Za-z0-9_-]{43}; Path=${path}; HttpOnly; SameSite=Strict$`));
  });

  it("marks the rating opened and shows the organization's brand: name, logo and colour", async () => {
    const tenant = await ctx.newTenant('Zephyr Ltd');
    await configure(ctx, tenant, {
      brand_name: 'Zephyr Bikes',
      logo_url: 'https://cdn.zephyr.example/logo.png',
      primary_color: '#1D4ED8',
    });
    const { path, rating } = await invite(ctx, tenant);
    assert.equal((await ratingOf(ctx, tenant, rating.id)).opened_at, null);
    const { html } = await open(ctx, path);
    assert.ok((await ratingOf(ctx, tenant, rating.id)).opened_at, 'opening the page marks the rating opened');
    match(html, /<img class="logo" src="https:\/\/cdn\.zephyr\.example\/logo\.png" alt="Zephyr Bikes">/);
    match(html, /--accent:#1d4ed8/);
    match(html, /How would you rate your conversation with Zephyr Bikes\?/);
    match(html, /<title>Rate your conversation – Zephyr Bikes<\/title>/);
  });

  it('asks NPS as radios 0-10 named NPS', async () => {
    const tenant = await ctx.newTenant();
    await configure(ctx, tenant, { conv_rating_question_codes: ['NPS'] });
    const { html } = await open(ctx, (await invite(ctx, tenant)).path);
    for (let value = 0; value <= 10; value += 1) match(html, new RegExp(`name="NPS" value="${value}">`));
    match(html, /How likely are you to recommend Tenant \d+ to a friend or colleague\?/);
    noMatch(html, /HELPFUL_THUMBS/);
  });

  // The rating's (the conversation's) language now comes first; before, the organization's language won over it.
  it("speaks the rating's language, else the organization's default, else the browser's, else English", async () => {
    const configured = await ctx.newTenant('Sonnenschein GmbH');
    await configure(ctx, configured, { language: 'de' });
    const german = await open(ctx, (await invite(ctx, configured)).path, { 'accept-language': 'en-US,en' });
    match(german.html, /<html lang="de">/);
    assert.equal(german.response.headers['content-language'], 'de');
    match(german.html, /Wie bewerten Sie Ihr Gespräch mit Sonnenschein GmbH\?/);
    match(german.html, /War das hilfreich\?/);
    match(german.html, /Wie war Ihre Erfahrung\?/);
    match(german.html, /4 Sterne – gut/);
    match(german.html, /Feedback senden/);
    const byConversation = await open(ctx, (await invite(ctx, configured, { language: 'nb' })).path, {
      'accept-language': 'de',
    });
    match(byConversation.html, /<html lang="nb">/);
    match(byConversation.html, /Hvordan vil du vurdere samtalen din med Sonnenschein GmbH\?/);

    const tenant = await ctx.newTenant();
    const byRating = await open(ctx, (await invite(ctx, tenant, { language: 'de' })).path, { 'accept-language': 'en' });
    match(byRating.html, /<html lang="de">/);

    const { path } = await invite(ctx, tenant, { language: 'ko' });
    const byBrowser = await open(ctx, path, { 'accept-language': 'ko-KR,de-DE;q=0.9,en;q=0.8' });
    match(byBrowser.html, /<html lang="de">/);
    match(byBrowser.html, /Wie bewerten Sie Ihr Gespräch/);
    const french = await open(ctx, path, { 'accept-language': 'fr-FR' });
    match(french.html, /<html lang="fr">/);
    const english = await open(ctx, path, { 'accept-language': 'ko-KR' });
    match(english.html, /<html lang="en">/);
    const none = await open(ctx, path);
    match(none.html, /<html lang="en">/);

    await configure(ctx, configured, { language: 'en' });
    const overridden = await open(ctx, (await invite(ctx, configured)).path, { 'accept-language': 'de' });
    match(overridden.html, /<html lang="en">/);
  });

  it('answers 404 for an unknown code, and for a malformed one without asking the database', async () => {
    const ratings = ctx.app.services.ratings;
    const openByCode = ratings.openByCode.bind(ratings);
    const findByCode = ratings.findByCode.bind(ratings);
    let lookups = 0;
    ratings.openByCode = (code) => {
      lookups += 1;
      return openByCode(code);
    };
    ratings.findByCode = (code) => {
      lookups += 1;
      return findByCode(code);
    };
    const answerPage = ratings.answerPage.bind(ratings);
    ratings.answerPage = (code, decide) => {
      lookups += 1;
      return answerPage(code, decide);
    };
    try {
      for (const malformed of ['abc', 'x'.repeat(100), '%3Cscript%3E', 'has.dots.in.it.and.is.long.enough']) {
        for (const method of ['GET', 'POST'] as const) {
          const response = await ctx.request(
            method,
            `/r/${malformed}`,
            method === 'POST' ? { payload: 'stars=5', headers: FORM } : {},
          );
          const html = assertHtmlPage(response, 404);
          match(html, /This link does not work/);
        }
      }
      assert.equal(lookups, 0, 'a malformed code never reaches the database');

      const unknown = randomBytes(18).toString('base64url');
      const html = assertHtmlPage(await ctx.request('GET', `/r/${unknown}`), 404);
      match(html, /This link does not work/);
      assertHtmlPage(await submit(ctx, `/r/${unknown}`, { stars: '5' }, null), 404);
      assert.equal(lookups, 2);
    } finally {
      delete (ratings as Partial<typeof ratings>).openByCode;
      delete (ratings as Partial<typeof ratings>).findByCode;
      delete (ratings as Partial<typeof ratings>).answerPage;
    }
    const german = await ctx.request('GET', '/r/abc', { headers: { 'accept-language': 'de' } });
    match(german.body, /Dieser Link funktioniert nicht/);
  });

  it('sends every security header, with a fresh nonce per response, and stays out of the OpenAPI document', async () => {
    const tenant = await ctx.newTenant();
    const { path } = await invite(ctx, tenant);
    const first = await ctx.request('GET', path);
    const second = await ctx.request('GET', path);
    assertHtmlPage(first, 200);
    assertHtmlPage(second, 200);
    const csp = String(first.headers['content-security-policy']);
    match(
      csp,
      /^default-src 'none'; style-src 'nonce-[A-Za-z0-9+/=]{16,}'; img-src https: data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'$/,
    );
    assert.notEqual(csp, second.headers['content-security-policy'], 'each response has its own nonce');

    const paths = Object.keys(ctx.app.swagger().paths ?? {});
    assert.ok(paths.length > 0);
    assert.deepEqual(
      paths.filter((route) => route.startsWith('/r/')),
      [],
    );
  });

  it('escapes the brand name', async () => {
    const tenant = await ctx.newTenant();
    await configure(ctx, tenant, { brand_name: '<b>Evil & "Co"</b><script>alert(1)</script>' });
    const { html } = await open(ctx, (await invite(ctx, tenant)).path);
    assert.ok(html.includes('&lt;b&gt;Evil &amp; &quot;Co&quot;&lt;/b&gt;&lt;script&gt;alert(1)&lt;/script&gt;'));
    noMatch(html, /<b>Evil|<script/);
  });
});

describeEachDialect('POST /r/{code}', (ctx) => {
  it('stores the answer: stars on the STARS question, thumbs as 1/0, the comment; then thanks the rater', async () => {
    const tenant = await ctx.newTenant('Acme Support');
    const { path, rating } = await invite(ctx, tenant);
    const { session } = await open(ctx, path);
    const response = await submit(
      ctx,
      path,
      { stars: '4', HELPFUL_THUMBS: 'up', EXPERIENCE_THUMBS: 'down', comment: '  Quick and friendly.\r\nThanks!  ' },
      session,
    );
    const html = assertHtmlPage(response, 200);
    match(html, /<h1>Thank you!<\/h1>/);
    match(html, /Your feedback has been sent to Acme Support\./);
    noMatch(html, /Write a review/);

    const stored = await ratingOf(ctx, tenant, rating.id);
    assert.equal(valueOf(stored, 'STARS'), 4);
    assert.equal(valueOf(stored, 'HELPFUL_THUMBS'), 1);
    assert.equal(valueOf(stored, 'EXPERIENCE_THUMBS'), 0);
    assert.equal(stored.comment, 'Quick and friendly.\nThanks!');
    assert.equal(stored.status, 'rated');
    assert.ok(stored.submitted_at);
  });

  it('takes the stars alone: the optional questions stay open and the rating is rated', async () => {
    const tenant = await ctx.newTenant();
    const { path, rating } = await invite(ctx, tenant);
    const { session } = await open(ctx, path);
    assertHtmlPage(await submit(ctx, path, { stars: '2', comment: '' }, session), 200);
    const stored = await ratingOf(ctx, tenant, rating.id);
    assert.equal(valueOf(stored, 'STARS'), 2);
    assert.equal(valueOf(stored, 'HELPFUL_THUMBS'), null);
    assert.equal(stored.comment, null);
    assert.equal(stored.status, 'rated', 'only optional questions were skipped');
  });

  it('records NPS answers', async () => {
    const tenant = await ctx.newTenant();
    await configure(ctx, tenant, { conv_rating_question_codes: ['NPS', 'HELPFUL_THUMBS'] });
    const { path, rating } = await invite(ctx, tenant);
    const { session } = await open(ctx, path);
    assertHtmlPage(await submit(ctx, path, { stars: '5', NPS: '0' }, session), 200);
    assert.equal(valueOf(await ratingOf(ctx, tenant, rating.id), 'NPS'), 0);
    assertHtmlPage(await submit(ctx, path, { stars: '5', NPS: '10' }, session), 200);
    assert.equal(valueOf(await ratingOf(ctx, tenant, rating.id), 'NPS'), 10);
  });

  it('lets the rater change the answer, shows the current one pre-selected, and moves updated_at', async () => {
    const tenant = await ctx.newTenant();
    const { path, rating } = await invite(ctx, tenant);
    const { session } = await open(ctx, path);
    await submit(ctx, path, { stars: '2', HELPFUL_THUMBS: 'down', comment: 'Slow.' }, session);
    const first = await ratingOf(ctx, tenant, rating.id);
    await sleep(15);

    const again = await open(ctx, path);
    assert.equal(checked(again.html, 'stars'), '2');
    assert.equal(checked(again.html, 'HELPFUL_THUMBS'), 'down');
    assert.equal(checked(again.html, 'EXPERIENCE_THUMBS'), undefined);
    match(again.html, /<textarea[^>]*>\nSlow\.<\/textarea>/);
    match(again.html, /You have rated this conversation\. You can change your answer until/);

    assertHtmlPage(
      await submit(ctx, path, { stars: '5', HELPFUL_THUMBS: 'up', comment: 'Solved after all.' }, again.session),
      200,
    );
    const second = await ratingOf(ctx, tenant, rating.id);
    assert.equal(valueOf(second, 'STARS'), 5);
    assert.equal(valueOf(second, 'HELPFUL_THUMBS'), 1);
    assert.equal(second.comment, 'Solved after all.');
    assert.ok(second.updated_at > first.updated_at, `${second.updated_at} is after ${first.updated_at}`);
    assert.equal(checked((await open(ctx, path)).html, 'stars'), '5');
  });

  it('under high_ratings sends raters at or above the minimum to the review link with 303, thanks the others', async () => {
    const tenant = await ctx.newTenant();
    const reviewLink = 'https://reviews.example.com/acme?src=plaudit&x=1';
    await configure(ctx, tenant, { redirect_policy: 'high_ratings', redirect_min_stars: 4, review_link: reviewLink });

    const high = await invite(ctx, tenant);
    const { response: page, session } = await open(ctx, high.path);
    // Chrome checks form-action on the redirect that answers the POST: the review site must be allowed.
    match(String(page.headers['content-security-policy']), /form-action 'self' https:\/\/reviews\.example\.com;/);
    const redirected = await submit(ctx, high.path, { stars: '4' }, session);
    assert.equal(redirected.status, 303);
    assert.equal(redirected.headers.location, reviewLink);
    assertPageHeaders(redirected);
    assert.equal(valueOf(await ratingOf(ctx, tenant, high.rating.id), 'STARS'), 4);

    const five = await invite(ctx, tenant);
    const fiveSession = (await open(ctx, five.path)).session;
    assert.equal((await submit(ctx, five.path, { stars: '5' }, fiveSession)).status, 303);

    const low = await invite(ctx, tenant);
    const lowSession = (await open(ctx, low.path)).session;
    const thanked = assertHtmlPage(await submit(ctx, low.path, { stars: '3' }, lowSession), 200);
    match(thanked, /Thank you!/);
    noMatch(thanked, /reviews\.example\.com/);
    assert.equal(valueOf(await ratingOf(ctx, tenant, low.rating.id), 'STARS'), 3);
  });

  it('under everyone offers the review link on the thank-you page to every rater', async () => {
    const tenant = await ctx.newTenant('Acme');
    await configure(ctx, tenant, { redirect_policy: 'everyone', review_link: 'https://g.page/r/acme/review' });
    const { path } = await invite(ctx, tenant);
    const { session } = await open(ctx, path);
    const html = assertHtmlPage(await submit(ctx, path, { stars: '1', comment: 'Not great.' }, session), 200);
    match(html, /Thank you!/);
    match(html, /A public review helps Acme a lot\./);
    match(
      html,
      /<a class="button-link" href="https:\/\/g\.page\/r\/acme\/review" rel="noopener noreferrer">Write a review/,
    );
  });

  it('under off never shows or follows the review link', async () => {
    const tenant = await ctx.newTenant();
    await configure(ctx, tenant, { redirect_policy: 'off', review_link: 'https://g.page/r/acme/review' });
    const { path } = await invite(ctx, tenant);
    const { response: page, session } = await open(ctx, path);
    noMatch(String(page.headers['content-security-policy']), /g\.page/);
    const html = assertHtmlPage(await submit(ctx, path, { stars: '5' }, session), 200);
    match(html, /Thank you!/);
    noMatch(html, /g\.page|Write a review/);
  });

  const refused: Array<[string, Array<[string, string]>, RegExp, string]> = [
    [
      '0 stars',
      [
        ['stars', '0'],
        ['comment', 'keep me'],
      ],
      /Please choose from 1 to 5 stars\./,
      'stars',
    ],
    [
      '6 stars',
      [
        ['stars', '6'],
        ['comment', 'keep me'],
      ],
      /Please choose from 1 to 5 stars\./,
      'stars',
    ],
    ['no stars', [['comment', 'keep me']], /Please choose from 1 to 5 stars\./, 'stars'],
    [
      'stars "abc"',
      [
        ['stars', 'abc'],
        ['comment', 'keep me'],
      ],
      /Please choose from 1 to 5 stars\./,
      'stars',
    ],
    [
      'stars sent twice',
      [
        ['stars', '4'],
        ['stars', '5'],
      ],
      /Please choose from 1 to 5 stars\./,
      'stars',
    ],
    [
      'a comment over the limit',
      [
        ['stars', '4'],
        ['comment', 'y'.repeat(MAX_COMMENT_LENGTH + 1)],
      ],
      new RegExp(
        `Please shorten your comment to ${MAX_COMMENT_LENGTH} characters \\(it has ${MAX_COMMENT_LENGTH + 1}\\)`,
      ),
      'comment',
    ],
    [
      'thumbs "sideways"',
      [
        ['stars', '4'],
        ['HELPFUL_THUMBS', 'sideways'],
        ['comment', 'keep me'],
      ],
      /Please choose one of the two answers\./,
      'HELPFUL_THUMBS',
    ],
    [
      'thumbs "1"',
      [
        ['stars', '4'],
        ['EXPERIENCE_THUMBS', '1'],
        ['comment', 'keep me'],
      ],
      /Please choose one of the two answers\./,
      'EXPERIENCE_THUMBS',
    ],
  ];
  for (const [what, fields, message, field] of refused) {
    it(`refuses ${what} with 400: the form again, the error at the field, the input kept, nothing stored`, async () => {
      const tenant = await ctx.newTenant();
      const { path, rating } = await invite(ctx, tenant);
      const { session } = await open(ctx, path);
      const params = new URLSearchParams([['csrf_token', session.token], ...fields]);
      const response = await ctx.request('POST', path, {
        payload: params.toString(),
        headers: { ...FORM, cookie: session.cookie },
      });
      const html = assertHtmlPage(response, 400);
      match(html, /<div class="error-summary" role="alert">/);
      match(html, message);
      match(html, new RegExp(`<p class="field-error" id="${field}-error">`));
      match(html, new RegExp(`aria-describedby="[^"]*${field}-error"`));
      match(html, /name="stars" value="5"/, 'the form is shown again');
      assert.ok(html.includes(`name="csrf_token" value="${session.token}"`), 'and can be sent again');
      const sent = new Map(fields);
      if (sent.get('comment') === 'keep me') match(html, /<textarea[^>]*>\nkeep me<\/textarea>/);
      if (what !== 'stars sent twice' && sent.get('stars') === '4') {
        assert.equal(checked(html, 'stars'), '4', 'a valid choice stays selected');
      }

      const stored = await ratingOf(ctx, tenant, rating.id);
      assert.equal(stored.status, 'offered');
      assert.equal(stored.submitted_at, null);
      assert.equal(stored.comment, null);
      assert.ok(stored.questions.every((question: { value: number | null }) => question.value === null));
    });
  }

  it('refuses NPS outside 0-10 with 400', async () => {
    const tenant = await ctx.newTenant();
    await configure(ctx, tenant, { conv_rating_question_codes: ['NPS'] });
    const { path, rating } = await invite(ctx, tenant);
    const { session } = await open(ctx, path);
    for (const nps of ['11', '-1', '5.5']) {
      const html = assertHtmlPage(await submit(ctx, path, { stars: '4', NPS: nps }, session), 400);
      match(html, /Please choose a number from 0 to 10\./);
    }
    assert.equal((await ratingOf(ctx, tenant, rating.id)).status, 'offered');
  });

  it('answers the German form in German when refusing it', async () => {
    const tenant = await ctx.newTenant();
    await configure(ctx, tenant, { language: 'de' });
    const { path } = await invite(ctx, tenant);
    const { session } = await open(ctx, path);
    const html = assertHtmlPage(await submit(ctx, path, { stars: '9' }, session), 400);
    match(html, /<html lang="de">/);
    match(html, /Bitte wählen Sie 1 bis 5 Sterne\./);
  });

  it('refuses a form without the matching CSRF pair with 403 and stores nothing', async () => {
    const tenant = await ctx.newTenant();
    const { path, rating } = await invite(ctx, tenant);
    const { session } = await open(ctx, path);
    const other = (await open(ctx, (await invite(ctx, tenant)).path)).session;
    const attempts: Array<[string, Record<string, string>, Record<string, string>]> = [
      ['neither cookie nor field', { stars: '5' }, {}],
      ['a field but no cookie', { stars: '5', csrf_token: session.token }, {}],
      ['a cookie but no field', { stars: '5' }, { cookie: session.cookie }],
      ['a field that does not match the cookie', { stars: '5', csrf_token: other.token }, { cookie: session.cookie }],
    ];
    for (const [what, fields, headers] of attempts) {
      const response = await submit(ctx, path, fields, null, headers);
      const html = assertHtmlPage(response, 403);
      match(html, /Please send the form again/, what);
      assert.ok(html.includes(`href="${path}"`), 'the page leads back to the form');
    }
    const stored = await ratingOf(ctx, tenant, rating.id);
    assert.equal(stored.status, 'offered');
    assert.equal(valueOf(stored, 'STARS'), null);
  });

  it('sets the CSRF cookie once and keeps it, so that two tabs of the page both work', async () => {
    const tenant = await ctx.newTenant();
    const { path, rating } = await invite(ctx, tenant);
    const { session } = await open(ctx, path);
    const secondTab = await ctx.request('GET', path, { headers: { cookie: session.cookie } });
    assert.equal(setCookie(secondTab), undefined);
    assert.ok(secondTab.body.includes(`value="${session.token}"`));
    assertHtmlPage(await submit(ctx, path, { stars: '3' }, session), 200);
    assert.equal(valueOf(await ratingOf(ctx, tenant, rating.id), 'STARS'), 3);
  });

  it('refuses a JSON body with 415 and stores nothing', async () => {
    const tenant = await ctx.newTenant();
    const { path, rating } = await invite(ctx, tenant);
    const { session } = await open(ctx, path);
    const response = await ctx.request('POST', path, {
      body: { stars: '5', csrf_token: session.token },
      headers: { cookie: session.cookie },
    });
    assertHtmlPage(response, 415);
    assert.equal((await ratingOf(ctx, tenant, rating.id)).status, 'offered');
  });

  it('refuses a body over the size limit with 413 and stores nothing', async () => {
    const tenant = await ctx.newTenant();
    const { path, rating } = await invite(ctx, tenant);
    const { session } = await open(ctx, path);
    const response = await submit(ctx, path, { stars: '5', comment: 'z'.repeat(100_000) }, session);
    assertHtmlPage(response, 413);
    assert.equal((await ratingOf(ctx, tenant, rating.id)).status, 'offered');
  });

  it('serves a survey offered through the API that requires nothing: one answer is then required', async () => {
    const tenant = await ctx.newTenant();
    const conversation = await ctx.request('POST', '/v1/conversations', { key: tenant.key, body: {} });
    const offered = await ctx.request('POST', `/v1/conversations/${conversation.body.data.id}/ratings`, {
      key: tenant.key,
      body: { question_codes: ['NPS', 'HELPFUL_THUMBS'], optional_codes: ['NPS', 'HELPFUL_THUMBS'] },
    });
    assert.equal(offered.status, 201);
    const path = new URL(offered.body.data.link).pathname;
    const { html, session } = await open(ctx, path);
    noMatch(html, /name="stars"/);
    match(html, /name="NPS" value="10"/);

    match(
      assertHtmlPage(await submit(ctx, path, { comment: 'Just a comment' }, session), 400),
      /Please answer at least one question\./,
    );
    assertHtmlPage(await submit(ctx, path, { NPS: '8' }, session), 200);
    const stored = await ratingOf(ctx, tenant, offered.body.data.id);
    assert.equal(valueOf(stored, 'NPS'), 8);
    assert.equal(stored.status, 'rated', 'with nothing required, one answer completes it');
  });

  it('escapes a comment with markup when it shows it again', async () => {
    const tenant = await ctx.newTenant();
    const { path, rating } = await invite(ctx, tenant);
    const { session } = await open(ctx, path);
    const comment = '</textarea><script>alert("x")</script> & more';
    assertHtmlPage(await submit(ctx, path, { stars: '4', comment }, session), 200);
    assert.equal((await ratingOf(ctx, tenant, rating.id)).comment, comment);
    const { html } = await open(ctx, path);
    assert.ok(
      html.includes('&lt;/textarea&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more</textarea>'),
    );
    noMatch(html, /<script/);

    const refusedHtml = assertHtmlPage(await submit(ctx, path, { stars: '0', comment }, session), 400);
    noMatch(refusedHtml, /<script/);
  });
});

describeEachDialect('/r/{code} after expiry or cancellation', (ctx) => {
  it('answers 410 with an expired page for GET and POST, and stores nothing', async () => {
    const tenant = await ctx.newTenant();
    const { path, rating } = await invite(ctx, tenant);
    const { session } = await open(ctx, path);
    await expire(ctx.database, rating.id);

    const page = assertHtmlPage(await ctx.request('GET', path), 410);
    match(page, /<h1>This link has expired<\/h1>/);
    noMatch(page, /<form/);
    const posted = assertHtmlPage(await submit(ctx, path, { stars: '5' }, session), 410);
    match(posted, /This link has expired/);
    const stored = await ratingOf(ctx, tenant, rating.id);
    assert.equal(stored.status, 'expired');
    assert.equal(valueOf(stored, 'STARS'), null);
  });

  it('closes an answered rating at expiry too: the answer can no longer change', async () => {
    const tenant = await ctx.newTenant();
    await configure(ctx, tenant, { language: 'de' });
    const { path, rating } = await invite(ctx, tenant);
    const { session } = await open(ctx, path);
    await submit(ctx, path, { stars: '2' }, session);
    await expire(ctx.database, rating.id);
    match(assertHtmlPage(await ctx.request('GET', path), 410), /Dieser Link ist abgelaufen/);
    assertHtmlPage(await submit(ctx, path, { stars: '5' }, session), 410);
    assert.equal(valueOf(await ratingOf(ctx, tenant, rating.id), 'STARS'), 2);
  });

  it('answers 410 for a cancelled rating, saying it was withdrawn', async () => {
    const tenant = await ctx.newTenant('Acme');
    const { path, rating } = await invite(ctx, tenant);
    const { session } = await open(ctx, path);
    const cancelled = await ctx.request('POST', `/v1/ratings/${rating.id}/cancel`, { key: tenant.key });
    assert.equal(cancelled.status, 200);

    const page = assertHtmlPage(await ctx.request('GET', path), 410);
    match(page, /This rating is closed/);
    match(page, /Acme has withdrawn this rating request/);
    assertHtmlPage(await submit(ctx, path, { stars: '5' }, session), 410);
    assert.equal(valueOf(await ratingOf(ctx, tenant, rating.id), 'STARS'), null);
  });
});

// The rate limit and the proxy settings need an app of their own: the shared one allows far more than a person needs.
describeEachDialect(
  '/r/{code} behind a proxy, with a low rate limit',
  (ctx) => {
    const from = (address: string, extra: Record<string, string> = {}) => ({ 'x-forwarded-for': address, ...extra });

    it('answers 429 with a small page once a client address made more GETs a minute than allowed', async () => {
      for (let i = 0; i < 3; i += 1) {
        assert.equal((await ctx.app.inject({ url: '/r/nothing-here', headers: from('203.0.113.7') })).statusCode, 404);
      }
      const limited = await ctx.app.inject({
        url: '/r/nothing-here',
        headers: from('203.0.113.7', { 'accept-language': 'de' }),
      });
      const html = assertHtmlPage(limited, 429);
      match(html, /Zu viele Versuche/);
      assert.ok(Number(limited.headers['retry-after']) > 0);

      // Another address has its own count, and POST is counted apart from GET.
      assert.equal((await ctx.app.inject({ url: '/r/nothing-here', headers: from('198.51.100.4') })).statusCode, 404);
      const post = await ctx.app.inject({
        method: 'POST',
        url: '/r/nothing-here',
        headers: from('203.0.113.7', FORM),
        payload: 'stars=5',
      });
      assert.equal(post.statusCode, 404);
      for (let i = 0; i < 2; i += 1) {
        await ctx.app.inject({ method: 'POST', url: '/r/x', headers: from('203.0.113.7', FORM), payload: '' });
      }
      const limitedPost = await ctx.app.inject({
        method: 'POST',
        url: '/r/x',
        headers: from('203.0.113.7', FORM),
        payload: '',
      });
      match(assertHtmlPage(limitedPost, 429), /Too many attempts/);
    });

    it('marks the CSRF cookie Secure when the request came over HTTPS', async () => {
      const { apiKey } = await ctx.app.services.accounts.createOrganization({
        name: 'Proxied',
        adminEmail: `admin-${randomBytes(4).toString('hex')}@test.invalid`,
      });
      const headers = { authorization: `Bearer ${apiKey.api_key}`, 'content-type': 'application/json' };
      const conversation = await ctx.app.inject({ method: 'POST', url: '/v1/conversations', headers, payload: '{}' });
      const created = await ctx.app.inject({
        method: 'POST',
        url: `/v1/conversations/${conversation.json().data.id}/rating-invites`,
        headers: { authorization: headers.authorization },
      });
      const path = new URL(created.json().data.link).pathname;
      const secure = await ctx.app.inject({ url: path, headers: from('192.0.2.10', { 'x-forwarded-proto': 'https' }) });
      assert.equal(secure.statusCode, 200);
      match(setCookie(secure)!, /; HttpOnly; Secure; SameSite=Strict$/);
      const plain = await ctx.app.inject({ url: path, headers: from('192.0.2.11') });
      noMatch(setCookie(plain)!, /Secure/);
    });
  },
  { config: { ratingPageRateLimit: 3, trustProxy: true } },
);
