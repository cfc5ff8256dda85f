import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { dashboardSkipReason, launchChromium, type PageServer, startPageServer } from './harness.js';

/** Screenshots for people to look at: the designer with a draft and its preview, the list, desktop and phone. */
const SHOTS = process.env.PLAUDIT_SHOTS;
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const PASSWORD = 'correct horse battery staple';
const AGENT = randomUUID();

interface QuestionView {
  code: string;
  kind: string;
  built_in: boolean;
  labels: Record<string, string>;
  options: Array<{ id: string; labels: Record<string, string> }>;
  multiple: boolean;
  follow_up: { reasons: Array<{ id: string; labels: Record<string, string> }>; comment_prompt: Record<string, string> };
  archived_at: string | null;
}

/** Starts a choice question in the designer: what the desktop test and the phone screenshot both type. */
async function draftChoice(page: Page) {
  await page.getByRole('button', { name: 'Add a question' }).click();
  await page.getByLabel('Kind', { exact: true }).selectOption({ label: 'Choice' });
  await page.getByLabel('Question', { exact: true }).fill('What was your conversation about?');
  for (const [index, label] of ['Billing', 'Delivery', 'Returns'].entries()) {
    await page.getByRole('button', { name: 'Add option' }).click();
    await page.getByLabel(`Option ${index + 1}`, { exact: true }).fill(label);
  }
}

describe('the question designer in Chromium', { skip: dashboardSkipReason() }, () => {
  let server: PageServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let email: string;
  let apiKey: string;
  let orgId: number;
  const consoleErrors: string[] = [];

  function watch(target: Page): Page {
    target.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    target.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
    return target;
  }

  const questions = async () => (await server.api(apiKey, 'GET', '/v1/questions')).data as QuestionView[];
  const preview = () => page.getByTestId('question-preview');

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
    apiKey = created.apiKey.api_key;
    orgId = created.organization.id;
    context = await browser.newContext({ viewport: DESKTOP, reducedMotion: 'reduce', locale: 'en-US' });
    page = watch(await context.newPage());
    await page.goto(`${server.baseUrl}/sign-in`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/analytics/);
  });

  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('lists the built-in questions, read-only, by their labels', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('link', { name: 'Questions' }).click();
    await page.waitForURL(/\/settings\/questions$/);
    const builtIn = page.getByRole('region', { name: 'Built-in questions' });
    await builtIn.getByText('NPS', { exact: true }).first().waitFor();
    assert.equal(await builtIn.getByRole('button').count(), 0, 'nothing to change on a built-in question');
    await page.getByText('No questions of your own yet').waitFor();
  });

  it('designs a choice question: the preview follows the typing, a bad code is named as it is typed', async () => {
    await draftChoice(page);
    // The code followed the question until now; the preview shows the question and its options.
    assert.equal(await page.getByLabel('Code', { exact: true }).inputValue(), 'WHAT_WAS_YOUR_CONVERSATION_ABOUT');
    await preview().getByText('What was your conversation about?').waitFor();
    assert.deepEqual(
      (await preview().locator('.qp-options li').allTextContents()).map((text) => text.trim()),
      ['Billing', 'Delivery', 'Returns'],
    );
    await page.getByLabel('Question', { exact: true }).fill('What was your chat about?');
    await preview().getByText('What was your chat about?').waitFor();

    await page.getByLabel('Code', { exact: true }).fill('topic-1');
    const codeError = page.locator('#question-code-error');
    await codeError.waitFor();
    assert.match(await codeError.innerText(), /capital letters, digits and single underscores/);
    assert.equal(await page.getByLabel('Code', { exact: true }).getAttribute('aria-invalid'), 'true');
    await page.getByLabel('Code', { exact: true }).fill('NPS');
    assert.match(await codeError.innerText(), /NPS is a built-in question/);
    await page.getByLabel('Code', { exact: true }).fill('TOPIC');
    await codeError.waitFor({ state: 'detached' });

    await page.getByLabel('Raters may choose several options').check();
    assert.equal(await preview().locator('.qp-box').count(), 3, 'several options: boxes, not radio buttons');
    // An option without a label is refused before anything is sent.
    await page.getByRole('button', { name: 'Add option' }).click();
    await page.getByText('Option 4 needs a label.').waitFor();
    await page.getByRole('button', { name: 'Remove option 4' }).click();

    if (SHOTS) await page.screenshot({ path: `${SHOTS}-questions-designer-desktop.png`, fullPage: true });
    const saved = page.waitForResponse(
      (response) => response.request().method() === 'POST' && response.url().endsWith('/v1/questions'),
    );
    await page.getByRole('button', { name: 'Add question' }).click();
    assert.equal((await saved).status(), 201);
    await page.getByText('Added “What was your chat about?”.').waitFor();

    const [topic] = (await questions()).filter((question) => !question.built_in);
    assert.equal(topic!.code, 'TOPIC');
    assert.equal(topic!.kind, 'choice');
    assert.deepEqual(topic!.labels, { en: 'What was your chat about?' });
    assert.equal(topic!.multiple, true);
    assert.deepEqual(
      topic!.options.map((option) => [option.id, option.labels.en]),
      [
        ['BILLING', 'Billing'],
        ['DELIVERY', 'Delivery'],
        ['RETURNS', 'Returns'],
      ],
    );
  });

  it('designs a CSAT question with reasons: a low answer in the preview shows the follow-up', async () => {
    await page.getByRole('button', { name: 'Add a question' }).click();
    await page.getByLabel('Kind', { exact: true }).selectOption({ label: 'Satisfaction (CSAT)' });
    await page.getByLabel('Question', { exact: true }).fill('How satisfied are you with the help?');
    await page.getByLabel('Code', { exact: true }).fill('HELP_CSAT');
    for (const [index, label] of ['It took too long', 'The answer was wrong'].entries()) {
      await page.getByRole('button', { name: 'Add reason' }).click();
      await page.getByLabel(`Reason ${index + 1}`, { exact: true }).fill(label);
    }
    assert.equal(await page.getByLabel('Id in exports and the API').first().inputValue(), 'IT_TOOK_TOO_LONG');
    await page.getByLabel('Comment prompt (optional)').fill('What could we do better?');

    // The follow-up shows after a low answer only.
    const followUp = page.getByTestId('question-preview-follow-up');
    assert.equal(await followUp.count(), 0);
    await preview().getByRole('button', { name: 'Satisfied', exact: true }).click();
    assert.equal(await followUp.count(), 0, 'a high answer asks nothing more');
    await preview().getByRole('button', { name: 'Dissatisfied', exact: true }).click();
    await followUp.getByText('It took too long').waitFor();
    await followUp.getByText('What could we do better?').waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}-questions-follow-up-desktop.png`, fullPage: true });

    // A second language: its fields appear, and the preview speaks it when picked.
    await page.getByLabel('Add a language').selectOption({ label: 'Deutsch (German)' });
    await page.getByLabel('Question · Deutsch (German)').fill('Wie zufrieden sind Sie mit der Hilfe?');
    await page.getByLabel('Preview language').selectOption({ label: 'Deutsch' });
    await preview().getByText('Wie zufrieden sind Sie mit der Hilfe?').waitFor();
    assert.equal(await preview().getAttribute('lang'), 'de');
    // Untranslated reasons fall back to English in the preview, as on the rating page.
    await followUp.getByText('It took too long').waitFor();

    await page.getByRole('button', { name: 'Add question' }).click();
    await page.getByText('Added “How satisfied are you with the help?”.').waitFor();
    const csat = (await questions()).find((question) => question.code === 'HELP_CSAT')!;
    assert.equal(csat.kind, 'csat');
    assert.deepEqual(csat.labels, {
      en: 'How satisfied are you with the help?',
      de: 'Wie zufrieden sind Sie mit der Hilfe?',
    });
    assert.deepEqual(
      csat.follow_up.reasons.map((reason) => reason.id),
      ['IT_TOOK_TOO_LONG', 'THE_ANSWER_WAS_WRONG'],
    );
    assert.deepEqual(csat.follow_up.comment_prompt, { en: 'What could we do better?' });
  });

  it('reorders with buttons and the keyboard, and the focus stays on the question moved', async () => {
    const list = page.getByRole('list', { name: 'Your questions, in order' });
    const labels = async () => (await list.locator('.qd-label').allTextContents()).map((text) => text.trim());
    // The question added last joins the list once the list is loaded again after saving it.
    await list.getByText('How satisfied are you with the help?').waitFor();
    assert.deepEqual(await labels(), ['What was your chat about?', 'How satisfied are you with the help?']);

    const up = page.getByRole('button', { name: 'Move “How satisfied are you with the help?” up' });
    await up.focus();
    const saved = page.waitForResponse((response) => response.url().endsWith('/v1/questions/order'));
    await page.keyboard.press('Enter');
    assert.equal((await saved).status(), 200);
    await page.getByText('Moved “How satisfied are you with the help?” to position 1 of 2.').waitFor();
    assert.deepEqual(await labels(), ['How satisfied are you with the help?', 'What was your chat about?']);
    const own = (await questions()).filter((question) => !question.built_in).map((question) => question.code);
    assert.deepEqual(own, ['HELP_CSAT', 'TOPIC']);
    // Now first, it cannot move up; the focus went to its other arrow, so the keyboard can take it back down.
    const focused = await page.evaluate(() => (globalThis as any).document.activeElement?.getAttribute('aria-label'));
    assert.equal(focused, 'Move “How satisfied are you with the help?” down');
    await page.keyboard.press('Enter');
    await page.getByText('Moved “How satisfied are you with the help?” to position 2 of 2.').waitFor();
    assert.deepEqual(await labels(), ['What was your chat about?', 'How satisfied are you with the help?']);

    if (SHOTS) {
      await page.screenshot({ path: `${SHOTS}-questions-list-desktop.png`, fullPage: true });
      const phone = await browser.newContext({ viewport: PHONE, storageState: await context.storageState() });
      try {
        const small = watch(await phone.newPage());
        await small.goto(page.url());
        await small.getByText('How satisfied are you with the help?').first().waitFor();
        await small.screenshot({ path: `${SHOTS}-questions-list-phone.png`, fullPage: true });
        await draftChoice(small);
        await small.getByLabel('Code', { exact: true }).fill('topic-2');
        await small.locator('#question-code-error').waitFor();
        await small.screenshot({ path: `${SHOTS}-questions-designer-phone.png`, fullPage: true });
      } finally {
        await phone.close();
      }
    }
  });

  it('archives a question after asking, and keeps it listed as archived', async () => {
    await page.getByRole('button', { name: 'Archive “What was your chat about?”' }).click();
    const dialog = page.getByRole('dialog', { name: 'Archive “What was your chat about?”?' });
    await dialog.getByRole('button', { name: 'Archive question' }).click();
    await page.getByText('Archived “What was your chat about?”. Its answers stay readable.').waitFor();
    const archived = page.getByRole('region', { name: 'Archived' });
    await archived.getByText('What was your chat about?').waitFor();
    if (SHOTS) {
      await page.screenshot({ path: `${SHOTS}-questions-archived-desktop.png`, fullPage: true });
      const phone = await browser.newContext({ viewport: PHONE, storageState: await context.storageState() });
      try {
        const small = watch(await phone.newPage());
        await small.goto(page.url());
        await small.getByRole('button', { name: 'Restore “What was your chat about?”' }).waitFor();
        await small.screenshot({ path: `${SHOTS}-questions-archived-phone.png`, fullPage: true });
      } finally {
        await phone.close();
      }
    }
    assert.deepEqual(
      (await questions()).filter((question) => !question.built_in).map((question) => question.code),
      ['HELP_CSAT'],
    );
  });

  it('restores an archived question from the archived list, last among the questions asked', async () => {
    await page
      .getByRole('region', { name: 'Archived' })
      .getByRole('button', { name: 'Restore “What was your chat about?”' })
      .click();
    await page.getByText('Restored “What was your chat about?”. Surveys can ask it again').waitFor();
    await page.getByRole('region', { name: 'Archived' }).waitFor({ state: 'detached' });
    const listed = page.getByRole('list', { name: 'Your questions, in order' }).locator(':scope > li');
    await listed.last().getByText('What was your chat about?').waitFor();
    const restored = (await questions()).filter((question) => !question.built_in);
    assert.deepEqual(
      restored.map((question) => [question.code, question.archived_at]),
      [
        ['HELP_CSAT', null],
        ['TOPIC', null],
      ],
    );
    // Archived again for what follows, through the API.
    await server.api(apiKey, 'DELETE', `/v1/questions/${restored[1]!.code}`);
  });

  it('shows what the API still refuses at its field, in its own words', async () => {
    // The designer cannot know another admin took the code meanwhile: the API's sentence is shown at the code.
    await page.getByRole('button', { name: 'Add a question' }).click();
    await page.getByLabel('Question', { exact: true }).fill('How was the wait?');
    await page.getByLabel('Code', { exact: true }).fill('WAIT');
    await server.api(apiKey, 'POST', '/v1/questions', { code: 'WAIT', kind: 'stars', labels: { en: 'Wait' } });
    await page.getByRole('button', { name: 'Add question' }).click();
    const codeError = page.locator('#question-code-error');
    await codeError.waitFor();
    assert.match(await codeError.innerText(), /already has a question WAIT/);
    assert.equal(await page.getByLabel('Code', { exact: true }).getAttribute('aria-invalid'), 'true');
    // Another code takes the refusal away.
    await page.getByLabel('Code', { exact: true }).fill('WAIT_TIME');
    await codeError.waitFor({ state: 'detached' });
  });

  it('shows the answers on the analytics page: the reasons given, with their shares, per agent by name', async () => {
    await server.app.services.agents.putAgent(orgId, AGENT, { type: 'human', name: 'Maja Lind' });
    for (const [value, reasons] of [
      [2, ['IT_TOOK_TOO_LONG', 'THE_ANSWER_WAS_WRONG']],
      [1, ['IT_TOOK_TOO_LONG']],
      [5, undefined],
    ] as const) {
      const { data } = await server.api(apiKey, 'POST', '/v1/conversations', {
        agent_id: AGENT,
        agent_type: 'human',
        channel: 'chat',
      });
      const offered = await server.api(apiKey, 'POST', `/v1/conversations/${data.id}/ratings`, {
        question_codes: ['HELP_CSAT'],
      });
      await server.api(apiKey, 'POST', `/v1/ratings/${offered.data.id}/answers`, {
        answers: [{ code: 'HELP_CSAT', value, ...(reasons ? { reasons: [...reasons] } : {}) }],
      });
    }
    await page.getByRole('link', { name: 'Analytics' }).click();
    const card = page.getByRole('region', { name: 'Your questions' });
    const question = card.getByRole('region', { name: 'How satisfied are you with the help?' });
    await question.getByText('3 answers').waitFor();
    // 2, 1 and 5: a mean of 2.7; reasons: too long twice of three chosen (67%), wrong once (33%).
    await question.getByText('2.7').waitFor();
    const reasons = question.getByRole('table', { name: 'Reasons chosen for How satisfied are you with the help?' });
    assert.deepEqual(
      (await reasons.locator('tbody tr').allInnerTexts()).map((row) => row.replace(/\s+/g, ' ').trim()),
      ['It took too long 2 67%', 'The answer was wrong 1 33%'],
    );
    const agents = question.getByRole('table', { name: /Reasons per agent/ });
    await agents.getByText('Maja Lind').waitFor();
    if (SHOTS) {
      await card.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}-questions-analytics-desktop.png`, fullPage: true });
      const phone = await browser.newContext({ viewport: PHONE, storageState: await context.storageState() });
      try {
        const small = watch(await phone.newPage());
        await small.goto(page.url());
        await small.getByRole('region', { name: 'Your questions' }).getByText('Maja Lind').waitFor();
        await small.screenshot({ path: `${SHOTS}-questions-analytics-phone.png`, fullPage: true });
      } finally {
        await phone.close();
      }
    }
  });

  it('ran every page without a console error or a Content-Security-Policy violation', () => {
    // The browser reports the session probe of the sign-in page (401) and the refusal it was shown (409).
    assert.deepEqual(
      consoleErrors.filter((text) => !/status of (401|409)/.test(text)),
      [],
    );
  });
});
