import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import { startServer, type RunningServer } from './server';
import { Admin, sendDirectly, SURVEY_SERVER_ENV, today } from './survey-fixtures';
import { onStep, review, surveyUrl, watch } from './survey-page';

let server: RunningServer;
let browser: Browser;
let admin: Admin;
let organisationId: string;
let measurementId: string;

beforeAll(async () => {
  server = await startServer(SURVEY_SERVER_ENV);
  browser = await launchBrowser();
  admin = await Admin.signIn(server);
  organisationId = await admin.organisation('Links Ltd');
  measurementId = await admin.measurement(organisationId);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Day-month-year as the page writes it in Dutch (e.g. "4 januari 2027"). */
const dutchDay = (isoDay: string) => new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDay}T12:00:00Z`));

describe('links that cannot be used', () => {
  it('says plainly when a link is unknown, used, not open yet or closed', async () => {
    const [used] = await admin.links(measurementId, 'CARE');
    expect(await sendDirectly(server, used!, { ps_raise_problems: 4 })).toBe(201);
    const opensOn = today(3);
    const later = await admin.measurement(organisationId, { title: 'Next year', opensAt: opensOn, closesAt: today(40) });
    const [early] = await admin.links(later, 'CARE');
    const ended = await admin.measurement(organisationId, { title: 'Last year' });
    const [late] = await admin.links(ended, 'CARE');
    await admin.close(ended);

    const context = await browser.newContext({ locale: 'nl-NL' });
    const page = await context.newPage();
    const watcher = watch(page, context, server);
    const cases = [
      { path: '/s/this-link-was-never-made-at-all', title: 'Deze link werkt niet', body: 'Vraag degene die hem stuurde om een nieuwe.', name: 'unknown' },
      // Punctuation taken along from the end of a sentence does not break a good link.
      { path: `/s/${used}.`, title: 'Met deze link zijn al antwoorden verstuurd', body: 'Bedankt voor je deelname.', name: 'used' },
      { path: `/s/${early}`, title: 'Deze vragenlijst is nog niet begonnen', body: `Hij gaat open op ${dutchDay(opensOn)}.`, name: 'not-open' },
      { path: `/s/${late}`, title: 'Deze vragenlijst is gesloten', body: 'Er kunnen geen antwoorden meer worden verstuurd.', name: 'closed' },
    ];
    for (const { path, title, body, name } of cases) {
      await page.goto(`${server.url}${path}`);
      await onStep(page, title);
      expect(await page.locator('main').textContent(), name).toContain(body);
      await review(page, `survey-link-${name}-nl`);
    }
    await watcher.check();
    await context.close();
  });
});

describe('comfort and access', () => {
  it('works at 200% zoom, respects reduced motion, and asks nothing of the browser it does not need', async () => {
    const [token] = await admin.links(measurementId, 'CARE');
    // 200% zoom of a 1280 px window is a 640 px wide page with everything twice as large.
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2, reducedMotion: 'reduce' });
    const page = await context.newPage();
    const watcher = watch(page, context, server);
    await page.goto(`${surveyUrl(server, token!)}#behaviour_experienced`);
    await onStep(page, 'What you experienced yourself');
    await page.locator('main fieldset').first().getByRole('radio', { name: 'Once' }).check();
    const followUp = page.getByRole('group', { name: 'Who did this? Choose all that apply.' });
    await followUp.waitFor();
    expect(await followUp.evaluate((element) => getComputedStyle(element).animationName)).toBe('none');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(640);

    // The page says what it is, is not indexed, and sends no referrer that would carry the link elsewhere.
    expect(await page.title()).toBe('Social safety 2026 — survey');
    expect(await page.locator('meta[name="referrer"]').getAttribute('content')).toBe('no-referrer');
    const answer = await page.request.get(surveyUrl(server, token!), { headers: { accept: 'text/html' } });
    expect(answer.headers()['referrer-policy']).toBe('no-referrer');
    expect(answer.headers()['set-cookie']).toBeUndefined();
    await watcher.check();
    await context.close();
  });
});
