import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { dashboardSkipReason, launchChromium, type PageServer, startPageServer } from './harness.js';

// What the callbacks run inside the page use of the browser's globals (the project compiles without the DOM library).
declare const document: { activeElement: { id: string } | null };

/** Screenshots of every screen, desktop and phone, for people to look at; the folder ignores itself in git. */
const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const AI_AGENT = '5b0e6f2a-6a4f-4b8e-9a56-2f7d0c1e9a11';
/** The human agent Cole League is: unnamed in the directory, so his user's name stands in. */
const HUMAN_AGENT = '7c3d9e1b-2f4a-4c6d-8e0f-1a2b3c4d5e6f';
const PASSWORD = 'correct horse battery staple';

/** Why this suite cannot run: no browser (outside CI), or no built dashboard to serve. */

const iso = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();

describe('the dashboard in Chromium', { skip: dashboardSkipReason() }, () => {
  let server: PageServer;
  let browser: Browser;
  let desktop: BrowserContext;
  let page: Page;
  let key: string;
  let email: string;
  let rated: { id: number; messages: Array<{ uid: string; role: string; text: string }> };
  let unratedId: number;
  /** Console errors and Content-Security-Policy refusals, from every page. */
  const consoleErrors: string[] = [];

  function watch(target: Page): Page {
    target.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    target.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
    return target;
  }

  /** Saves the page as it is now (desktop), then the same address on a phone with the same session. */
  async function screenshots(name: string, ready: (target: Page) => Promise<unknown>): Promise<void> {
    mkdirSync(SHOTS, { recursive: true });
    writeFileSync(join(SHOTS, '.gitignore'), '*\n');
    // From the top, so that the sticky sidebar sits where a person sees it.
    await page.evaluate(() => (globalThis as any).scrollTo(0, 0));
    await page.screenshot({ path: join(SHOTS, `${name}-desktop.png`), fullPage: true });
    const phone = await browser.newContext({
      viewport: PHONE,
      storageState: await desktop.storageState(),
      reducedMotion: 'reduce',
    });
    try {
      const small = watch(await phone.newPage());
      await small.goto(page.url());
      await ready(small);
      await small.screenshot({ path: join(SHOTS, `${name}-phone.png`), fullPage: true });
    } finally {
      await phone.close();
    }
  }

  before(async () => {
    browser = await launchChromium();
    server = await startPageServer();

    email = `lead-${Math.random().toString(36).slice(2)}@test.invalid`;
    const created = await server.app.services.accounts.createOrganization({
      name: 'Acme Support',
      adminEmail: email,
      adminName: 'Lena Lead',
      password: PASSWORD,
    });
    key = created.apiKey.api_key;
    const colleague = await server.app.services.accounts.createUser({
      orgId: created.organization.id,
      email: `colleague-${Math.random().toString(36).slice(2)}@test.invalid`,
      name: 'Cole League',
      password: PASSWORD,
    });
    const colleagueKey = colleague.apiKey.api_key;
    // The AI agent is named in the directory; Cole is linked to the agent he is.
    await server.app.services.agents.putAgent(created.organization.id, AI_AGENT, {
      type: 'ai',
      name: 'Nova (AI assistant)',
      model: 'gpt-4o-mini',
    });
    await server.app.services.agents.linkUser(created.organization.id, HUMAN_AGENT, colleague.user.id);

    // A rated AI conversation with feedback on its first answer; an unrated one; two rated earlier, for the trends.
    const conversation = async (body: Record<string, unknown>) =>
      (await server.api(key, 'POST', '/v1/conversations', { status: 'closed', ...body })).data;
    const rate = async (id: number, answers: Array<{ code: string; value: number }>, at: number, comment?: string) => {
      const offer = await server.api(key, 'POST', `/v1/conversations/${id}/ratings`, {
        question_codes: answers.map((answer) => answer.code),
        offered_at: iso(at + HOUR),
      });
      await server.api(key, 'POST', `/v1/ratings/${offer.data.id}/answers`, {
        answers,
        submitted_at: iso(at),
        ...(comment ? { comment } : {}),
      });
    };

    const a = await conversation({
      contact_name: 'Rita Rated',
      channel: 'widget_chat',
      agent_type: 'ai',
      agent_id: AI_AGENT,
      created_at: iso(DAY + 2 * HOUR),
      messages: [
        { role: 'user', text: 'My parcel has not arrived.', created_at: iso(DAY + 2 * HOUR) },
        { role: 'ai', text: 'It left our warehouse this morning.', created_at: iso(DAY + 2 * HOUR - 60_000) },
        { role: 'user', text: 'Where can I track it?', created_at: iso(DAY + 2 * HOUR - 120_000) },
        { role: 'ai', text: 'The tracking link is in your confirmation email.', created_at: iso(DAY + HOUR) },
      ],
    });
    rated = { id: a.id, messages: a.messages };
    await rate(
      a.id,
      [
        { code: 'CSAT', value: 4 },
        { code: 'NPS', value: 9 },
        { code: 'HELPFUL_THUMBS', value: 1 },
      ],
      DAY,
      'Quick and friendly',
    );
    const answer = a.messages[1].uid;
    await server.api(key, 'POST', `/v1/messages/${answer}/feedback`, {
      rating: 'dislike',
      comment: 'The tracking link was missing',
    });
    await server.api(colleagueKey, 'POST', `/v1/messages/${answer}/feedback`, { rating: 'like' });

    unratedId = (
      await conversation({
        contact_name: 'Uma Unrated',
        channel: 'email',
        agent_type: 'human',
        agent_id: HUMAN_AGENT,
        messages: [{ role: 'user', text: 'Do you ship to Norway?' }],
      })
    ).id;
    for (const [name, days, stars] of [
      ['Carl Chart', 8, 2],
      ['Dora Data', 15, 5],
    ] as const) {
      const earlier = await conversation({
        contact_name: name,
        channel: 'widget_chat',
        agent_type: 'ai',
        agent_id: AI_AGENT,
        created_at: iso(days * DAY + 2 * HOUR),
        messages: [{ role: 'user', text: 'Hello', created_at: iso(days * DAY + 2 * HOUR) }],
      });
      await rate(earlier.id, [{ code: 'CSAT', value: stars }], days * DAY);
    }

    desktop = await browser.newContext({ viewport: DESKTOP, reducedMotion: 'reduce', locale: 'en-US' });
    page = watch(await desktop.newPage());
  });

  after(async () => {
    await desktop?.close();
    await browser?.close();
    await server?.close();
  });

  it('serves the app with a strict Content-Security-Policy, and keeps the API’s 404s', async () => {
    const response = await fetch(`${server.baseUrl}/inbox`);
    assert.equal(response.status, 200);
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const unknown = await fetch(`${server.baseUrl}/v1/nothing-here`);
    assert.equal(unknown.status, 404);
    assert.equal(((await unknown.json()) as { error: { code: string } }).error.code, 'route_not_found');
    // Under a vendor's prefix, in that vendor's shape: Dixa's `{"message"}`.
    const vendor = await fetch(`${server.baseUrl}/beta/nothing-here`);
    assert.equal(vendor.status, 404);
    assert.deepEqual(Object.keys((await vendor.json()) as object), ['message']);
  });

  it('signs in: a wrong password is refused with a message, the right one opens the dashboard', async () => {
    await page.goto(`${server.baseUrl}/`);
    await page.waitForURL(/\/sign-in$/);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    assert.equal(await page.getByRole('alert').textContent(), 'The email or password is wrong.');
    await screenshots('sign-in', (target) => target.getByRole('heading', { name: 'Sign in' }).waitFor());

    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/analytics/);
    await page.getByRole('heading', { level: 1, name: 'Analytics' }).waitFor();
    assert.ok(await page.getByText('Lena Lead').isVisible(), 'the signed-in user is shown');
  });

  it('lists conversations with their ratings in the inbox, and a filter narrows the list', async () => {
    await page.getByRole('link', { name: 'Inbox' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
    const rows = page.locator('tbody tr');
    await rows.filter({ hasText: 'Uma Unrated' }).waitFor();
    assert.equal(await rows.count(), 4);

    const rita = rows.filter({ hasText: 'Rita Rated' });
    assert.ok(await rita.getByRole('img', { name: '4 of 5 stars' }).isVisible(), 'stars');
    assert.ok(await rita.getByText('NPS 9').isVisible(), 'NPS');
    assert.equal(await rita.locator('.thumb-up').count(), 1, 'a thumbs up');
    assert.ok(await rita.getByText('Helpful: thumbs up').count());
    assert.ok(await rita.getByText('Quick and friendly').isVisible(), 'the comment');
    assert.ok(await rows.filter({ hasText: 'Uma Unrated' }).getByText('Not rated').isVisible());
    // Agents by the directory's names, never by their ids.
    assert.ok(await rita.getByText('Nova (AI assistant)').isVisible(), 'the AI agent by name');
    assert.ok(await rows.filter({ hasText: 'Uma Unrated' }).getByText('Cole League').isVisible(), 'by the user');
    assert.equal(
      await page
        .locator('tbody')
        .getByText(/5b0e6f2a|7c3d9e1b/)
        .count(),
      0,
      'no bare ids',
    );

    await page.getByRole('radio', { name: 'Rated', exact: true }).check();
    await page.waitForURL(/rated=true/);
    await rows.filter({ hasText: 'Uma Unrated' }).waitFor({ state: 'detached' });
    assert.equal(await rows.count(), 3);
    assert.ok(await rows.filter({ hasText: 'Rita Rated' }).isVisible());

    await page.getByRole('searchbox', { name: 'Search conversations' }).fill('Rita');
    await page.waitForURL(/q=Rita/);
    await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('tbody tr').length === 1);
    assert.equal(await rows.count(), 1);
    await screenshots('inbox', (target) => target.locator('tbody tr').first().waitFor());
  });

  it('downloads exactly the conversations the inbox shows, with its search, filters and dates', async () => {
    /** The ids of the conversations listed now. */
    const shown = async () =>
      (await page.locator('tbody tr a.row-anchor').evaluateAll((links) => links.map((a) => a.getAttribute('href'))))
        .map((href) => Number(String(href).split('/').pop()))
        .sort((x, y) => x - y);
    /** Downloads one export from the inbox's menu; its rows as objects. */
    const download = async (label: string) => {
      await page.getByText('Export', { exact: true }).click();
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: label }).click(),
      ]);
      await page.keyboard.press('Escape');
      const [header, ...lines] = readFileSync((await file.path())!, 'utf8')
        .trim()
        .split(/\r?\n/);
      const columns = header!.split(',');
      return {
        name: file.suggestedFilename(),
        rows: lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [columns[i], cell]))),
      };
    };
    const exportedIds = (rows: Array<Record<string, string>>) =>
      [...new Set(rows.map((row) => Number(row.conversation_id)))].sort((x, y) => x - y);

    // The list as the previous test left it: rated, searched for "Rita".
    assert.deepEqual(await shown(), [rated.id]);
    const first = await download('Conversations as CSV');
    assert.match(first.name, /^plaudit-conversations-\d{4}-\d{2}-\d{2}\.csv$/);
    assert.deepEqual(exportedIds(first.rows), [rated.id], 'only the conversation shown');
    assert.ok(!exportedIds(first.rows).includes(unratedId), 'not the unrated one the filter hides');
    assert.match(JSON.stringify(first.rows), /Quick and friendly/);
    assert.equal(await page.locator('details.menu[open]').count(), 0, 'Escape closes the menu');

    // A word of the messages, with a filter and the dates: the rows shown, and their ratings and feedback.
    const since = new Date(Date.now() - 20 * DAY).toISOString().slice(0, 10);
    await page.goto(`${server.baseUrl}/inbox?q=hello&rated=true&from=${since}`);
    await page.locator('tbody tr').filter({ hasText: 'Carl Chart' }).waitFor();
    const searched = await shown();
    assert.equal(searched.length, 2, 'Carl and Dora said hello');
    assert.deepEqual(exportedIds((await download('Conversations as CSV')).rows), searched);
    assert.deepEqual(exportedIds((await download('Ratings as CSV')).rows), searched);
    await page.getByText('Export', { exact: true }).click();
    await screenshots('inbox-search-export', (target) => target.locator('tbody tr').first().waitFor());
    await page.keyboard.press('Escape');

    await page.goto(`${server.baseUrl}/inbox?q=tracking`);
    await page.locator('tbody tr').first().waitFor();
    assert.deepEqual(await shown(), [rated.id], 'found by a message and a feedback comment');
    const feedback = await download('Message feedback as CSV');
    assert.deepEqual(exportedIds(feedback.rows), [rated.id]);
    assert.equal(feedback.rows.length, 2, 'both records of the feedback log on it');

    // Nothing shown, nothing exported but the header.
    await page.goto(`${server.baseUrl}/inbox?q=Hansen&low_rating=true&has_comment=true&status=closed`);
    await page.getByText('No conversation matches these filters').waitFor();
    assert.deepEqual((await download('Conversations as CSV')).rows, []);

    await page.goto(`${server.baseUrl}/inbox?q=Rita`);
    await page.locator('tbody tr').filter({ hasText: 'Rita Rated' }).waitFor();
  });

  it('opens a conversation: transcript, feedback per message, the rating and its timeline', async () => {
    await page.getByRole('link', { name: 'Rita Rated' }).click();
    await page.waitForURL(new RegExp(`/conversations/${rated.id}$`));
    await page.getByRole('heading', { level: 1, name: 'Rita Rated' }).waitFor();
    const answer = page.locator(`#message-${rated.messages[1]!.uid}`);
    assert.equal(await answer.locator('.message-bubble').textContent(), 'It left our warehouse this morning.');
    assert.ok(await answer.getByText('1 like', { exact: true }).count(), 'likes');
    assert.ok(await answer.getByText('1 dislike', { exact: true }).count(), 'dislikes');
    await answer.getByText('The tracking link was missing').waitFor();
    // Feedback authors and the agent by name.
    assert.ok(await answer.getByText('Cole League').isVisible(), 'the colleague who liked it');
    assert.ok(await answer.locator('.message-role').getByText('Nova (AI assistant)').isVisible(), 'the answer’s agent');
    assert.ok(
      await page.getByRole('list', { name: 'About this conversation' }).getByText('Nova (AI assistant)').isVisible(),
    );

    const ratings = page.getByRole('region', { name: 'Ratings' });
    assert.ok(await ratings.getByRole('img', { name: '4 of 5 stars' }).isVisible());
    assert.ok(await ratings.getByText('NPS 9').isVisible());
    assert.ok(await ratings.getByText('Quick and friendly').isVisible());
    const steps = await ratings.getByRole('list', { name: 'Timeline' }).locator('.timeline-label').allTextContents();
    assert.deepEqual(steps, ['Offered', 'Answered']);
    await screenshots('conversation', (target) => target.locator('.rating-card').waitFor());

    // A deep link to a message scrolls to it, highlights it and moves the focus there.
    const target = rated.messages[3]!.uid;
    await page.goto(`${server.baseUrl}/conversations/${rated.id}#message-${target}`);
    await page.locator(`#message-${target}.is-highlighted`).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), `message-${target}`);
    assert.ok(await page.locator(`#message-${target}`).isVisible());
  });

  it('changes a setting, saves it, and the next invite follows it', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    assert.equal(await page.getByRole('status').filter({ hasText: 'changes' }).textContent(), 'All changes saved.');
    // The widget is explained here, with the way to the live demo page.
    assert.equal(await page.getByRole('link', { name: 'Try the widget' }).getAttribute('href'), '/widget-demo');

    await page.getByLabel('Message', { exact: true }).fill('Thanks from Acme! Rate us: {link}');
    await page.getByLabel('Link expires after (hours)').fill('12');
    await page.getByLabel('Brand name').fill('Acme Care');
    // The preview follows the draft without saving it.
    await page.locator('.chat-bubble', { hasText: 'Thanks from Acme! Rate us:' }).waitFor();
    assert.ok(await page.getByTitle('Rating page preview').isVisible());
    assert.equal((await server.api(key, 'GET', '/v1/rating-settings')).data.invite_expiry_hours, 48);

    // A value the API refuses is shown next to its field, and nothing is saved.
    await page.getByLabel('Logo').fill('not a link');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Enter a web address starting with https://.').waitFor();
    await page.getByLabel('Logo').fill('');

    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Settings saved. New invites use them from now on.').waitFor();
    await screenshots('settings', (target) => target.getByTitle('Rating page preview').waitFor());

    const conversation = (await server.api(key, 'POST', '/v1/conversations', { contact_name: 'Ivan Invite' })).data;
    const before = Date.now();
    const invite = (await server.api(key, 'POST', `/v1/conversations/${conversation.id}/rating-invites`)).data;
    assert.equal(invite.text, `Thanks from Acme! Rate us: ${invite.link}`);
    const expiresIn = Date.parse(invite.rating.expires_at) - before;
    assert.ok(Math.abs(expiresIn - 12 * HOUR) < 60_000, `expires in 12 hours, not ${expiresIn / HOUR}`);
    const ratingPage = await fetch(server.baseUrl + new URL(invite.link).pathname);
    assert.match(await ratingPage.text(), /Acme Care/);
  });

  it('draws the trends on Analytics: SVG lines with a dot per period', async () => {
    await page.getByRole('link', { name: 'Analytics' }).click();
    await page.getByRole('heading', { level: 1, name: 'Analytics' }).waitFor();
    const csat = page.getByRole('figure', { name: 'CSAT trend' });
    // The solid line through whole weeks; a dashed one joins the week under way.
    const line = csat.locator('path.recharts-line-curve').first();
    await line.waitFor();
    assert.match((await line.getAttribute('d')) ?? '', /^M[\d.]+,[\d.]+L/, 'a line through several points');
    assert.ok((await csat.locator('.recharts-line-dots circle').count()) >= 3, 'a dot per answered week');
    // The figures behind the chart, for screen readers.
    assert.ok(await csat.locator('table').getByRole('rowheader').count());

    const kpis = page.getByRole('list', { name: 'Key figures' });
    assert.ok(await kpis.getByText('67%').first().isVisible(), 'CSAT: two of three answers are 4 or 5');
    assert.ok(await kpis.getByText('+100').isVisible(), 'NPS: one promoter');
    assert.ok(await page.getByRole('link', { name: 'Nova (AI assistant)' }).isVisible(), 'the agents table');
    await screenshots('analytics', (target) => target.locator('path.recharts-line-curve').first().waitFor());
  });

  it('marks the week under way as partial, with its own responses, and a point opens its conversations', async () => {
    // An answer given today, so that the week under way holds one; earlier weeks hold the others.
    const startOfToday = Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
    const at = new Date(Math.max(Date.now() - 60_000, startOfToday + 1000)).toISOString();
    const nora = (
      await server.api(key, 'POST', '/v1/conversations', {
        contact_name: 'Nora Now',
        channel: 'widget_chat',
        agent_type: 'ai',
        agent_id: AI_AGENT,
        created_at: at,
      })
    ).data;
    const offer = await server.api(key, 'POST', `/v1/conversations/${nora.id}/ratings`, {
      question_codes: ['CSAT'],
      offered_at: at,
    });
    await server.api(key, 'POST', `/v1/ratings/${offer.data.id}/answers`, {
      answers: [{ code: 'CSAT', value: 5 }],
      submitted_at: at,
    });

    // The page's default: the last 30 days by week, in the organization's zone (UTC).
    const today = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.parse(`${today}T00:00:00Z`) - 29 * DAY).toISOString().slice(0, 10);
    const series = (
      await server.api(key, 'GET', `/v1/analytics/timeseries?from=${from}&to=${today}&interval=week&metric=csat`)
    ).data as Array<{ period: string; from: string; to: string; responses: number; partial: boolean }>;
    const current = series.at(-1)!;
    const total = series.reduce((sum, point) => sum + point.responses, 0);
    assert.equal(current.partial, true);
    assert.ok(current.responses >= 1 && current.responses < total, 'the week under way holds some answers, not all');

    await page.goto(`${server.baseUrl}/analytics`);
    const csat = page.getByRole('figure', { name: 'CSAT trend' });
    const dot = csat.locator(`g.trend-dot[data-period="${current.period}"]`);
    await dot.waitFor();
    assert.equal(await dot.getAttribute('data-partial'), 'true', 'the week under way is drawn as partial');
    assert.equal(await dot.locator('text').textContent(), 'so far');
    assert.equal(await csat.locator('.trend-line-partial path.recharts-line-curve').count(), 1, 'a dashed line to it');
    const responses = `${current.responses} response${current.responses === 1 ? '' : 's'}`;
    const latest = csat.locator('.trend-latest');
    assert.match((await latest.textContent()) ?? '', new RegExp(`· ${responses} so far`), 'its own responses, so far');
    assert.ok(await page.getByText('Fewer than 30 responses').isVisible(), 'the legend explains faded points');
    const kpis = page.getByRole('list', { name: 'Key figures' });
    assert.ok(await kpis.getByText('No answers in the previous 30 days').first().isVisible(), 'the comparison');
    await screenshots('analytics-trends', (target) => target.locator('g.trend-dot').first().waitFor());

    await dot.locator('circle').last().click();
    await page.waitForURL(/\/inbox\?/);
    const params = new URL(page.url()).searchParams;
    assert.deepEqual(
      [params.get('answered_from'), params.get('answered_to'), params.get('answered_kind')],
      [current.from, current.to, 'stars'],
    );
    const rows = page.locator('tbody tr');
    await rows.filter({ hasText: 'Nora Now' }).waitFor();
    assert.equal(await rows.count(), current.responses, 'one conversation per answer of that week');
    assert.equal(await rows.filter({ hasText: 'Dora Data' }).count(), 0, 'an answer of an earlier week is not');
    assert.ok(await page.getByText(/^Answered .* · star and CSAT answers$/).isVisible(), 'the filter says what it is');
    await screenshots('inbox-from-trend', (target) => target.locator('tbody tr').first().waitFor());

    // A key figure opens the conversations behind it over the whole range.
    await page.goto(`${server.baseUrl}/analytics`);
    await page.getByRole('link', { name: /^CSAT/ }).click();
    await page.waitForURL(/answered_kind=stars/);
    await rows.filter({ hasText: 'Dora Data' }).waitFor();
    assert.equal(await rows.count(), 4, 'every conversation with a star answer in the 30 days');
    assert.equal(await rows.filter({ hasText: 'Uma Unrated' }).count(), 0);
  });

  it('shows no AI answer among the knowledge gaps of human agents', async () => {
    await page.goto(`${server.baseUrl}/analytics`);
    const gaps = page.getByRole('region', { name: 'Knowledge gaps' });
    await gaps.getByText('It left our warehouse this morning.').waitFor();
    assert.ok(await gaps.getByText('Nova (AI assistant)').first().isVisible(), 'the disliked answer is Nova’s');
    await page.getByLabel('Agent type').selectOption('human');
    await gaps.getByText('No answer of human agents got a dislike in this range.').waitFor();
    assert.equal(await gaps.getByText('It left our warehouse this morning.').count(), 0);
  });

  it('groups the disliked AI answers into topics, with a drill-down to the answers', async () => {
    const me = await server.api(key, 'GET', '/v1/me');
    await server.app.services.topics.computeOrganization(me.data.organization.id);
    await page.goto(`${server.baseUrl}/analytics`);
    const topics = page.getByRole('region', { name: 'Knowledge gaps by topic' });
    const topic = topics.getByRole('button', { expanded: false }).first();
    await topic.waitFor();
    // One disliked answer with words in it: one topic, named by them, with that answer as its example.
    assert.match((await topic.innerText()).toLowerCase(), /warehouse|left|morning/);
    await topics.getByText('It left our warehouse this morning.').waitFor();
    await topic.click();
    await topics.getByText('“The tracking link was missing”').waitFor();
    await screenshots('analytics-topics', (target) =>
      target.getByRole('region', { name: 'Knowledge gaps by topic' }).getByRole('button').first().waitFor(),
    );
    await page.getByLabel('Agent').first().selectOption('human');
    await page.getByRole('region', { name: 'Knowledge gaps by topic' }).waitFor({ state: 'detached' });
  });

  it('filters the inbox by an agent chosen by name, and names the filter', async () => {
    await page.goto(`${server.baseUrl}/inbox`);
    const rows = page.locator('tbody tr');
    await rows.filter({ hasText: 'Uma Unrated' }).waitFor();
    // On a phone the filter sits behind "More filters"; on a desktop it shows.
    const more = page.getByRole('button', { name: /More filters/ });
    if (await more.isVisible()) await more.click();
    const select = page
      .locator('label.filter-select')
      .filter({ has: page.locator('.filter-label', { hasText: /^Agent$/ }) })
      .locator('select');
    assert.deepEqual((await select.locator('option').allTextContents()).slice(0, 3), [
      'Every agent',
      'Cole League',
      'Nova (AI assistant)',
    ]);
    await select.selectOption({ label: 'Cole League' });
    await page.waitForURL(new RegExp(`agent_id=${HUMAN_AGENT}`));
    await rows.filter({ hasText: 'Rita Rated' }).waitFor({ state: 'detached' });
    assert.equal(await rows.count(), 1);
    assert.ok(await page.locator('.chip').getByText('Agent: Cole League').isVisible(), 'the chip names the agent');
    await screenshots('inbox-agent-filter', (target) => target.locator('tbody tr').first().waitFor());
  });

  // After the analytics checks: this answer would change their figures.
  it('shows an invite answered without its optional questions, then cancelled, as answered with the rest withdrawn', async () => {
    const conversation = (
      await server.api(key, 'POST', '/v1/conversations', { contact_name: 'Olga Optional', status: 'closed' })
    ).data;
    const invite = (await server.api(key, 'POST', `/v1/conversations/${conversation.id}/rating-invites`)).data;
    await server.api(key, 'POST', `/v1/ratings/${invite.rating.id}/answers`, {
      answers: [{ code: 'STARS', value: 5 }],
    });
    await server.api(key, 'POST', `/v1/ratings/${invite.rating.id}/cancel`);

    await page.goto(`${server.baseUrl}/conversations/${conversation.id}`);
    await page.getByRole('heading', { level: 1, name: 'Olga Optional' }).waitFor();
    const card = page.locator('.rating-card');
    await card.waitFor();
    assert.equal(await card.locator('.badge').textContent(), 'Answered', 'not "Partly answered", not "Cancelled"');
    assert.ok(await card.getByRole('img', { name: '5 of 5 stars' }).isVisible());
    assert.equal(
      await card.getByText('Withdrawn', { exact: true }).count(),
      2,
      'the two thumbs questions were withdrawn',
    );
    assert.equal(await card.locator('.answer-optional').count(), 2, 'the thumbs questions were optional');
    const steps = await card.getByRole('list', { name: 'Timeline' }).locator('.timeline-label').allTextContents();
    assert.deepEqual(steps, ['Offered', 'Not opened', 'Answered', 'Unanswered questions withdrawn']);
    await screenshots('conversation-withdrawn', (target) => target.locator('.rating-card').waitFor());
  });

  it('ran every page without a console error or a Content-Security-Policy violation', () => {
    // The browser reports the answers it expected: the session check before signing in, and the wrong password.
    assert.deepEqual(
      consoleErrors.filter((text) => !/status of 401/.test(text)),
      [],
    );
  });
});
