import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { dashboardSkipReason, launchChromium, type PageServer, signInNewAdmin, startPageServer } from './harness.js';

/** Screenshots for people to look at: a question open in the editor, desktop and phone, and one in Arabic. */
const SHOTS = process.env.PLAUDIT_SHOTS;
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

const TOPIC = {
  code: 'TOPIC',
  kind: 'choice',
  labels: { en: 'What was your chat about?' },
  options: [
    { id: 'BILLING', labels: { en: 'Billing' } },
    { id: 'DELIVERY', labels: { en: 'Delivery' } },
    { id: 'RETURNS', labels: { en: 'Returns' } },
  ],
};
const HELP_CSAT = {
  code: 'HELP_CSAT',
  kind: 'csat',
  labels: { en: 'How satisfied are you with the help?', de: 'Wie zufrieden sind Sie mit der Hilfe?' },
  help: { en: 'Think of the whole conversation.' },
  required: false,
  follow_up: {
    reasons: [
      { id: 'TOO_SLOW', labels: { en: 'It took too long' } },
      { id: 'WRONG', labels: { en: 'The answer was wrong' } },
    ],
    comment_prompt: { en: 'What could we do better?' },
  },
};

describe('editing a question in the designer, in Chromium', { skip: dashboardSkipReason() }, () => {
  let server: PageServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let apiKey: string;
  let orgId: number;
  let ratingId: number;
  const consoleErrors: string[] = [];

  function watch(target: Page): Page {
    target.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    target.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
    return target;
  }

  const api = (method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) => server.api(apiKey, method, url, body);
  const editor = () => page.getByRole('form', { name: /^Edit “/ });
  const preview = () => page.getByTestId('question-preview');
  const openQuestions = async (target: Page) => {
    await target.goto(`${server.baseUrl}/settings/questions`);
    await target.getByRole('list', { name: 'Your questions, in order' }).waitFor();
  };

  before(async () => {
    browser = await launchChromium();
    server = await startPageServer();
    ({ context, page, apiKey, orgId } = await signInNewAdmin(server, browser, { viewport: DESKTOP }));
    watch(page);
    await api('POST', '/v1/questions', TOPIC);
    await api('POST', '/v1/questions', HELP_CSAT);
    // An answer given to version 1, to read after the edit.
    const { data } = await api('POST', '/v1/conversations', { channel: 'chat' });
    const offered = await api('POST', `/v1/conversations/${data.id}/ratings`, { question_codes: ['TOPIC'] });
    ratingId = offered.data.id;
    await api('POST', `/v1/ratings/${ratingId}/answers`, { answers: [{ code: 'TOPIC', choices: ['DELIVERY'] }] });
  });

  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('opens a question filled with its current version, its kind and code fixed, saying why', async () => {
    await openQuestions(page);
    await page.getByRole('button', { name: 'Edit “What was your chat about?”' }).click();
    const form = editor();
    await form.waitFor();
    assert.equal(await form.getByLabel('Question', { exact: true }).inputValue(), 'What was your chat about?');
    // The editor opens with the focus in the question, ready to reword it.
    assert.equal(await page.evaluate(() => (globalThis as any).document.activeElement?.id), 'question-label-en');
    const kind = form.getByLabel('Kind', { exact: true });
    assert.equal(await kind.inputValue(), 'choice');
    assert.equal(await kind.isDisabled(), true);
    await form.getByText('A question keeps its kind, so that all its answers count together.').waitFor();
    assert.equal(await form.getByLabel('Code', { exact: true }).getAttribute('readonly'), '');
    assert.deepEqual(
      await Promise.all([1, 2, 3].map((n) => form.getByLabel(`Option ${n}`, { exact: true }).inputValue())),
      ['Billing', 'Delivery', 'Returns'],
    );
    await form.getByText('Version 1', { exact: true }).waitFor();
    assert.match(await form.getByTestId('question-edited').innerText(), /^Created \d/);
    // Nothing changed yet: nothing to save.
    assert.equal(await form.getByRole('button', { name: 'Save as version 2' }).isDisabled(), true);
  });

  it('saves a reworded label and choice as version 2; after a reload the page and the API show it', async () => {
    const form = editor();
    await form.getByLabel('Question', { exact: true }).fill('What was your conversation about?');
    await preview().getByText('What was your conversation about?').waitFor();
    await form.getByLabel('Option 2', { exact: true }).fill('Shipping');
    await preview().getByText('Shipping').waitFor();
    // Rewording an option keeps its id, so that its answers still count together.
    assert.equal(await form.locator('#options-1-id').inputValue(), 'DELIVERY');
    await form.getByText('Unsaved changes').waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}-question-edit-desktop.png`, fullPage: false });

    const saved = page.waitForResponse(
      (response) => response.request().method() === 'PATCH' && response.url().endsWith('/v1/questions/TOPIC'),
    );
    await form.getByRole('button', { name: 'Save as version 2' }).click();
    assert.equal((await saved).status(), 200);
    await page
      .getByText('Saved “What was your conversation about?” as version 2. Answers given before keep version 1.')
      .waitFor();
    // Back in the list, the focus is on the question's Edit button again.
    assert.equal(
      await page.evaluate(() => (globalThis as any).document.activeElement?.getAttribute('aria-label')),
      'Edit “What was your conversation about?”',
    );

    await page.reload();
    const list = page.getByRole('list', { name: 'Your questions, in order' });
    await list.getByText('One of: Billing, Shipping, Returns').waitFor();
    await page.getByRole('button', { name: 'Edit “What was your conversation about?”' }).click();
    await editor().getByText('Version 2', { exact: true }).waitFor();
    assert.match(await editor().getByTestId('question-edited').innerText(), /^Edited \d/);
    await editor().getByText('One earlier version').click();
    await editor().getByText('“What was your chat about?”').waitFor();
    await editor().getByRole('button', { name: 'Cancel' }).click();

    const current = (await api('GET', '/v1/questions/TOPIC')).data;
    assert.equal(current.version, 2);
    assert.equal(current.kind, 'choice');
    assert.deepEqual(current.labels, { en: 'What was your conversation about?' });
    assert.deepEqual(
      current.options.map((option: any) => [option.id, option.labels.en]),
      [
        ['BILLING', 'Billing'],
        ['DELIVERY', 'Shipping'],
        ['RETURNS', 'Returns'],
      ],
    );
    const versions = (await api('GET', '/v1/questions/TOPIC/versions')).data;
    assert.deepEqual(
      versions.map((version: any) => [version.version, version.labels.en, version.options[1].labels.en]),
      [
        [1, 'What was your chat about?', 'Delivery'],
        [2, 'What was your conversation about?', 'Shipping'],
      ],
    );
    // The answer given before the edit keeps version 1, and reads as it was asked.
    const rating = (await api('GET', `/v1/ratings/${ratingId}`)).data;
    const answer = rating.questions.find((question: any) => question.code === 'TOPIC');
    assert.equal(answer.version, 1);
    assert.deepEqual(answer.choices, ['DELIVERY']);
  });

  it('fills in the follow-up, and an emptied field is emptied in the new version', async () => {
    await page.getByRole('button', { name: 'Edit “How satisfied are you with the help?”' }).click();
    const form = editor();
    assert.equal(await form.getByLabel('Kind', { exact: true }).inputValue(), 'csat');
    assert.equal(
      await form.getByLabel('Required — a survey is only complete once this is answered').isChecked(),
      false,
    );
    assert.equal(
      await form.getByLabel('Question · Deutsch (German)', { exact: true }).inputValue(),
      'Wie zufrieden sind Sie mit der Hilfe?',
    );
    assert.equal(await form.getByLabel('Reason 1 · English', { exact: true }).inputValue(), 'It took too long');
    assert.equal(
      await form.getByLabel('Comment prompt · English (optional)', { exact: true }).inputValue(),
      'What could we do better?',
    );
    await form.getByLabel('Help text · English (optional)', { exact: true }).fill('');
    await form.getByLabel('Comment prompt · English (optional)', { exact: true }).fill('');
    await form.getByRole('button', { name: 'Save as version 2' }).click();
    await page.getByText('Saved “How satisfied are you with the help?” as version 2.', { exact: false }).waitFor();
    const current = (await api('GET', '/v1/questions/HELP_CSAT')).data;
    assert.equal(current.version, 2);
    assert.deepEqual(current.help, {});
    assert.deepEqual(current.follow_up.comment_prompt, {});
    assert.deepEqual(
      current.follow_up.reasons.map((reason: any) => reason.id),
      ['TOO_SLOW', 'WRONG'],
    );
    assert.equal(current.required, false);
  });

  it('cancel discards the edits; opening another question with unsaved edits asks first', async () => {
    await page.getByRole('button', { name: 'Edit “What was your conversation about?”' }).click();
    await editor().getByLabel('Question', { exact: true }).fill('Something else');
    await editor().getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('What was your conversation about?').first().waitFor();
    assert.equal(await page.getByText('Something else').count(), 0);

    await page.getByRole('button', { name: 'Edit “What was your conversation about?”' }).click();
    await editor().getByLabel('Question', { exact: true }).fill('Something else');
    await page.getByRole('button', { name: 'Edit “How satisfied are you with the help?”' }).click();
    const dialog = page.getByRole('dialog', { name: 'Discard your changes?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    assert.equal(await editor().getByLabel('Question', { exact: true }).inputValue(), 'Something else');
    await page.getByRole('button', { name: 'Edit “How satisfied are you with the help?”' }).click();
    await dialog.getByRole('button', { name: 'Discard changes' }).click();
    await page.getByRole('form', { name: 'Edit “How satisfied are you with the help?”' }).waitFor();
    await page
      .getByRole('form', { name: 'Edit “How satisfied are you with the help?”' })
      .getByRole('button', { name: 'Cancel' })
      .click();
    assert.equal((await api('GET', '/v1/questions/TOPIC')).data.version, 2, 'nothing was saved');
  });

  it('shows what the API refuses next to the field, in words', async () => {
    await page.getByRole('button', { name: 'Edit “What was your conversation about?”' }).click();
    const form = editor();
    await form.getByLabel('Option 3', { exact: true }).fill('Returns and refunds');
    // A rule the browser did not know of (a server of another version): the API's sentence, at its field.
    await page.route('**/v1/questions/TOPIC', (route) =>
      route.request().method() === 'PATCH'
        ? route.fulfill({
            status: 400,
            contentType: 'application/json',
            body: JSON.stringify({
              error: {
                code: 'invalid_question_definition',
                message: 'options[2].labels.en is longer than 16 characters.',
              },
            }),
          })
        : route.fallback(),
    );
    await form.getByRole('button', { name: 'Save as version 3' }).click();
    const error = form.locator('#options-2-en-error');
    await error.waitFor();
    assert.equal((await error.innerText()).trim(), "Option 3's label in English is longer than 16 characters.");
    assert.equal(await form.getByLabel('Option 3', { exact: true }).getAttribute('aria-invalid'), 'true');
    // Typing in the field takes the refusal away.
    await form.getByLabel('Option 3', { exact: true }).fill('Refunds');
    await error.waitFor({ state: 'detached' });
    await page.unroute('**/v1/questions/TOPIC');

    // Archived meanwhile by another admin: said above the buttons, nothing saved.
    await server.app.services.questions.archive(orgId, 'TOPIC');
    await form.getByRole('button', { name: 'Save as version 3' }).click();
    await form.locator('.form-alert').getByText('TOPIC is archived; its answers stay readable').waitFor();
  });

  it('archives from the editor', async () => {
    await editor().getByRole('button', { name: 'Cancel' }).click();
    await page.reload();
    await page.getByRole('region', { name: 'Archived' }).getByText('What was your conversation about?').waitFor();
    await page.getByRole('button', { name: 'Edit “How satisfied are you with the help?”' }).click();
    await editor().getByRole('button', { name: 'Archive…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Archive “How satisfied are you with the help?”?' });
    await dialog.getByRole('button', { name: 'Archive question' }).click();
    await page.getByText('Archived “How satisfied are you with the help?”. Its answers stay readable.').waitFor();
    assert.equal(await editor().count(), 0);
  });

  it('edits a question in Arabic right to left, and on a phone', async () => {
    await api('POST', '/v1/questions', {
      code: 'WAIT',
      kind: 'stars',
      labels: { en: 'How was the wait?', ar: 'كيف كان وقت الانتظار؟' },
      follow_up: { reasons: [{ id: 'TOO_LONG', labels: { en: 'Too long', ar: 'طويل جدًا' } }] },
    });
    await page.reload();
    await page.getByRole('button', { name: 'Edit “How was the wait?”' }).click();
    const arabic = editor().getByLabel('Question · العربية (Arabic)', { exact: true });
    assert.equal(await arabic.getAttribute('dir'), 'rtl');
    await arabic.fill('كيف كانت مدة الانتظار؟');
    await page.getByLabel('Preview language').selectOption({ label: 'العربية' });
    assert.equal(await preview().getAttribute('dir'), 'rtl');
    await preview().getByText('كيف كانت مدة الانتظار؟').waitFor();
    await preview().getByRole('button', { name: '1 star', exact: true }).click();
    await page.getByTestId('question-preview-follow-up').getByText('طويل جدًا').waitFor();
    if (SHOTS) {
      await page.screenshot({ path: `${SHOTS}-question-edit-arabic-desktop.png`, fullPage: true });
      const phone = await browser.newContext({ viewport: PHONE, storageState: await context.storageState() });
      try {
        const small = watch(await phone.newPage());
        await openQuestions(small);
        await small.getByRole('button', { name: 'Edit “How was the wait?”' }).click();
        await small.getByLabel('Question · English', { exact: true }).fill('How long did you wait?');
        // Under the phone's sticky header: the editor's head in sight.
        await small
          .getByRole('form', { name: 'Edit “How was the wait?”' })
          .evaluate((form) =>
            (globalThis as any).scrollTo(0, form.getBoundingClientRect().top + (globalThis as any).scrollY - 110),
          );
        await small.screenshot({ path: `${SHOTS}-question-edit-phone.png`, fullPage: false });
        await small.locator('.qd-edit-actions').screenshot({ path: `${SHOTS}-question-edit-phone-actions.png` });
        await small.screenshot({ path: `${SHOTS}-question-edit-phone-full.png`, fullPage: true });
      } finally {
        await phone.close();
      }
    }
  });

  it('ran every page without a console error or a Content-Security-Policy violation', () => {
    // The refusals the test provoked (400, 409) are reported by the browser as failed requests.
    assert.deepEqual(
      consoleErrors.filter((text) => !/status of (400|401|409)/.test(text)),
      [],
    );
  });
});
