import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromiumSkipReason, launchChromium, startPageServer, type PageServer } from './harness.js';

// What the callbacks run inside the page use of the browser's globals (the project compiles without the DOM library).
declare const document: { activeElement: { id: string; tagName: string } | null };
declare function getComputedStyle(element: unknown): { fill: string; backgroundColor: string; outlineStyle: string };

/** A stand-in for a public review site: records each visit. */
async function startReviewSite(): Promise<{ url: string; visits: string[]; server: Server }> {
  const visits: string[] = [];
  const server = createServer((request, response) => {
    visits.push(request.url ?? '');
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><title>Reviews</title><h1>Leave a public review</h1>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/review/acme`, visits, server };
}

/** The id of the focused element. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id ?? '');
}

/** The fill colour of the n-th star as rendered. */
function starFill(page: Page, n: number): Promise<string> {
  return page.locator(`label[for="stars-${n}"] svg`).evaluate((svg) => getComputedStyle(svg).fill);
}

describe('the rating page in Chromium', { skip: chromiumSkipReason() }, () => {
  let server: PageServer;
  let browser: Browser;
  let review: Awaited<ReturnType<typeof startReviewSite>>;
  const contexts: BrowserContext[] = [];
  /** Anything the browser refused under the page's Content-Security-Policy, or other console errors. */
  const consoleErrors: string[] = [];

  async function newPage(options: { locale?: string; viewport?: { width: number; height: number } } = {}) {
    // Reduced motion turns the page's transitions off, so that computed colours are final at once.
    const context = await browser.newContext({
      locale: options.locale ?? 'en-US',
      viewport: options.viewport,
      reducedMotion: 'reduce',
    });
    contexts.push(context);
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    return page;
  }

  before(async () => {
    // The browser first: when it cannot start, nothing else is left listening.
    browser = await launchChromium();
    [server, review] = await Promise.all([startPageServer(), startReviewSite()]);
  });

  after(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
    await new Promise((resolve) => review?.server.close(resolve));
  });

  it('rates with the mouse: the 4th star, a comment, submit; a high rating goes on to the review site', async () => {
    const key = await server.newTenant('Acme Support');
    await server.api(key, 'PATCH', '/v1/rating-settings', {
      redirect_policy: 'high_ratings',
      redirect_min_stars: 4,
      review_link: review.url,
      primary_color: '#1d4ed8',
    });
    const { rating, url } = await server.invite(key);
    const page = await newPage();
    const response = await page.goto(url);
    assert.equal(response?.status(), 200);
    assert.equal(
      await page.getByRole('heading', { level: 1 }).textContent(),
      'How would you rate your conversation with Acme Support?',
    );
    // The stylesheet runs under the CSP nonce: the page is styled, in the brand's colour.
    assert.equal(
      await page.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor),
      'rgb(244, 245, 247)',
    );
    assert.equal(
      await page.locator('.submit').evaluate((button) => getComputedStyle(button).backgroundColor),
      'rgb(29, 78, 216)',
    );

    await page.locator('label[for="stars-4"]').click();
    assert.ok(await page.getByRole('radio', { name: '4 stars – good' }).isChecked());
    await page.mouse.move(0, 0);
    assert.equal(await starFill(page, 4), 'rgb(29, 78, 216)', 'the chosen star is filled');
    assert.equal(await starFill(page, 1), 'rgb(29, 78, 216)', 'and the ones before it');
    assert.notEqual(await starFill(page, 5), 'rgb(29, 78, 216)', 'the ones after it are not');
    assert.ok(await page.locator('.star-caption [data-star="4"]').isVisible(), 'the choice is named under the stars');
    assert.ok(!(await page.locator('.star-caption [data-star="5"]').isVisible()));

    await page.getByLabel('Anything else you would like to tell us?').fill('Quick and friendly.');
    await Promise.all([page.waitForURL(review.url), page.getByRole('button', { name: 'Send feedback' }).click()]);
    // The browser may also ask the review site for its favicon; only the page visits count.
    const visits = review.visits.filter((path) => path !== '/favicon.ico');
    assert.deepEqual(visits, ['/review/acme'], 'the 303 led the browser to the review site');
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Leave a public review');

    const stored = (await server.api(key, 'GET', `/v1/ratings/${rating.id}`)).data;
    assert.equal(stored.questions.find((question: { code: string }) => question.code === 'STARS').value, 4);
    assert.equal(stored.comment, 'Quick and friendly.');
  });

  it('rates with the keyboard alone: Tab to the stars, arrows to choose, Tab to the comment, Enter to send', async () => {
    const key = await server.newTenant('Keyboard Co');
    const { rating, url } = await server.invite(key);
    const page = await newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(url);

    await page.keyboard.press('Tab');
    assert.equal(await focused(page), 'stars-1', 'the first Tab reaches the stars');
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowRight');
    assert.equal(await focused(page), 'stars-4');
    assert.ok(await page.getByRole('radio', { name: '4 stars – good' }).isChecked(), 'the arrows choose');
    const outline = await page
      .locator('label[for="stars-4"]')
      .evaluate((label) => getComputedStyle(label).outlineStyle);
    assert.equal(outline, 'solid', 'the focused star shows a focus ring');
    await page.keyboard.press('ArrowLeft');
    assert.ok(await page.getByRole('radio', { name: '3 stars – okay' }).isChecked());
    await page.keyboard.press('ArrowRight');

    for (let presses = 0; (await focused(page)) !== 'comment'; presses += 1) {
      assert.ok(presses < 6, 'Tab reaches the comment box');
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type('Typed without a mouse.');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'BUTTON');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Thank you!' }).waitFor();
    const stored = (await server.api(key, 'GET', `/v1/ratings/${rating.id}`)).data;
    assert.equal(stored.questions.find((question: { code: string }) => question.code === 'STARS').value, 4);
    assert.equal(stored.comment, 'Typed without a mouse.');

    // Coming back shows the answer chosen.
    await page.getByRole('link', { name: 'Change your answer' }).click();
    assert.ok(await page.getByRole('radio', { name: '4 stars – good' }).isChecked());
    assert.equal(
      await page.getByLabel('Anything else you would like to tell us?').inputValue(),
      'Typed without a mouse.',
    );
  });

  it('shows the expired page with status 410', async () => {
    const key = await server.newTenant('Late Ltd');
    const { rating, url } = await server.invite(key);
    await server.database.db
      .updateTable('ratings')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', rating.id)
      .execute();
    const page = await newPage();
    const response = await page.goto(url);
    assert.equal(response?.status(), 410);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'This link has expired');
    assert.equal(await page.locator('form').count(), 0);
  });

  it('speaks German to a German browser and takes the answer sent with Space', async () => {
    const key = await server.newTenant('Sonnenschein Reisen');
    const { rating, url } = await server.invite(key);
    const page = await newPage({ locale: 'de-DE' });
    await page.goto(url);
    assert.equal(await page.locator('html').getAttribute('lang'), 'de');
    assert.equal(
      await page.getByRole('heading', { level: 1 }).textContent(),
      'Wie bewerten Sie Ihr Gespräch mit Sonnenschein Reisen?',
    );
    await page.locator('label[for="stars-2"]').click();
    assert.ok(await page.getByRole('radio', { name: '2 Sterne – schlecht' }).isChecked());
    await page.getByRole('group', { name: 'War das hilfreich? (optional)' }).getByText('Nein').click();
    await page.getByRole('button', { name: 'Feedback senden' }).focus();
    await page.keyboard.press('Space');
    await page.getByRole('heading', { level: 1, name: 'Vielen Dank!' }).waitFor();

    const stored = (await server.api(key, 'GET', `/v1/ratings/${rating.id}`)).data;
    const valueOf = (code: string) =>
      stored.questions.find((question: { code: string }) => question.code === code).value;
    assert.equal(valueOf('STARS'), 2);
    assert.equal(valueOf('HELPFUL_THUMBS'), 0);
  });

  it('ran every page without a console error or a Content-Security-Policy violation', () => {
    assert.deepEqual(
      consoleErrors.filter((text) => !/status of 410/.test(text)),
      [],
    );
  });
});
