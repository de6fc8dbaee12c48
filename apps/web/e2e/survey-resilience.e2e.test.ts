import type { Browser, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import { startServer, type RunningServer } from './server';
import { Admin, draftAnswers, sendDirectly, SURVEY_SERVER_ENV } from './survey-fixtures';
import { answerStep, checkedValues, onStep, review, surveyUrl, watch } from './survey-page';

let server: RunningServer;
let browser: Browser;
let admin: Admin;

beforeAll(async () => {
  server = await startServer(SURVEY_SERVER_ENV);
  browser = await launchBrowser();
  admin = await Admin.signIn(server);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('pausing, resuming and a failing network', () => {
  it('resumes a personal link in a new browser where the person left off', async () => {
    const measurementId = await admin.measurement(await admin.organisation('Resume Ltd'));
    const [token] = await admin.links(measurementId, 'CARE');

    const first = await browser.newContext({ locale: 'nl-NL' });
    const page = await first.newPage();
    await page.goto(surveyUrl(server, token!));
    await page.getByRole('button', { name: 'Begin met de vragenlijst' }).click();
    await onStep(page, 'Je team');
    const team = await answerStep(page);
    await page.getByRole('button', { name: 'Volgende', exact: true }).click();
    await onStep(page, 'Feedback en respect');
    // Half of the next section, then the browser goes away once the answers are saved.
    await answerStep(page, (_id, position) => (position < 4 ? { option: 3 } : { skip: true }));
    await page.getByText('Alle antwoorden zijn bewaard.').waitFor();
    await first.close();

    const second = await browser.newContext({ locale: 'nl-NL' });
    const again = await second.newPage();
    const watcher = watch(again, second, server);
    await again.goto(surveyUrl(server, token!));
    await onStep(again, 'Social safety 2026');
    expect(await again.locator('.resumed').textContent()).toBe(`Welkom terug. Je ${team.length + 4} antwoorden tot nu toe zijn bewaard.`);
    await review(again, 'survey-resumed-nl');
    await again.getByRole('button', { name: 'Ga verder waar je was' }).click();
    await onStep(again, 'Feedback en respect');
    const questions = await again.locator('main fieldset').all();
    expect(await Promise.all(questions.map(checkedValues))).toEqual([['4'], ['4'], ['4'], ['4'], ...questions.slice(4).map(() => [])]);
    await again.getByRole('button', { name: 'Vorige' }).click();
    await onStep(again, 'Je team');
    for (const question of await again.locator('main fieldset').all()) expect(await checkedValues(question)).toHaveLength(1);
    await watcher.check();
    await second.close();
  });

  it('keeps answers on the device while offline, says so, and saves them once the connection is back', async () => {
    const measurementId = await admin.measurement(await admin.organisation('Offline Ltd'));
    const [token] = await admin.links(measurementId, 'CARE');
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${surveyUrl(server, token!)}#team`);
    await onStep(page, 'Your team');

    await context.setOffline(true);
    await answerStep(page);
    const status = page.locator('.save-status');
    await page.getByText('Not saved yet: there is no connection.', { exact: false }).first().waitFor();
    expect(await status.getAttribute('data-state')).toBe('offline');
    await review(page, 'survey-offline-en');
    // Closing the tab now loses nothing: the answers are in this browser, and are saved from the next visit.
    await page.close();
    await context.setOffline(false);
    const later = await context.newPage();
    await later.goto(`${surveyUrl(server, token!)}#team`);
    await onStep(later, 'Your team');
    for (const question of await later.locator('main fieldset').all()) expect(await checkedValues(question)).toHaveLength(1);
    // Saved by this visit, or already by the last-moment save of the closing page: either way the server has all 7.
    await expect.poll(async () => Object.keys(await draftAnswers(server, token!)).length, { timeout: 15_000 }).toBe(7);
    expect(await later.locator('.save-status').getAttribute('data-state')).toMatch(/^(saved|idle)$/);

    // Back in a fresh browser, the server has them.
    const fresh = await browser.newContext({ locale: 'en-GB' });
    const other = await fresh.newPage();
    await other.goto(surveyUrl(server, token!));
    expect(await other.locator('.resumed').textContent()).toBe('Welcome back. Your 7 answers so far were kept.');
    await fresh.close();
    await context.close();
  });

  it('sends once with a failing network: the same submission is retried until it is received, and stored once', async () => {
    const measurementId = await admin.measurement(await admin.organisation('Shared Ltd'));
    const [shared] = await admin.links(measurementId, 'DESK', 1, 'open');
    // Four colleagues answered with the shared link before; a duplicate would make six.
    for (let i = 0; i < 4; i++) expect(await sendDirectly(server, shared!, { ps_raise_problems: 3 })).toBe(201);

    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    const watcher = watch(page, context, server);
    await page.goto(surveyUrl(server, shared!));
    await onStep(page, 'Social safety 2026');
    expect(await page.locator('main').textContent()).toContain('This link is shared by several people');
    await page.getByRole('button', { name: 'Start the survey' }).click();
    await onStep(page, 'Your team');
    await answerStep(page);
    expect(await page.locator('.save-status').textContent()).toContain('Your answers are kept in this browser until you send them.');
    // An open link keeps progress in this browser: a reload loses nothing.
    await page.reload();
    await onStep(page, 'Your team');
    for (const question of await page.locator('main fieldset').all()) expect(await checkedValues(question)).toHaveLength(1);

    // The network first fails outright, then loses the answer to a request the server did store, then recovers.
    let network: 'down' | 'lossy' | 'up' = 'down';
    const bodies: string[] = [];
    await page.route('**/api/v1/survey/*/responses', async (route: Route) => {
      bodies.push(route.request().postData() ?? '');
      if (network === 'down') return route.abort('internetdisconnected');
      if (network === 'lossy') {
        network = 'up';
        await route.fetch();
        return route.abort('connectionreset');
      }
      return route.continue();
    });

    await page.goto(`${surveyUrl(server, shared!)}#review`);
    await onStep(page, 'Check and send');
    await page.getByRole('button', { name: 'Send my answers' }).click();
    const failed = page.getByText('Your answers have not been sent yet: there is no connection.', { exact: false });
    await failed.waitFor();
    await review(page, 'survey-send-failed-en');
    expect(await failed.isVisible()).toBe(true);
    network = 'lossy';
    await page.getByRole('button', { name: 'Try again now' }).click();
    // That attempt is stored but its answer lost; the next, automatic one gets the receipt for it.
    await onStep(page, 'Thank you for taking part');
    expect(network).toBe('up');
    const ids = bodies.map((body) => (JSON.parse(body) as { submissionId: string }).submissionId);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    expect(new Set(ids).size).toBe(1);
    expect(await admin.responded(measurementId)).toMatchObject({ DESK: 5, ROOT: 5 });
    await watcher.check();

    // Nothing stays behind in this browser once the answers are received.
    expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('socialsafety.survey.')))).toEqual([]);
    await context.close();
  });
});
