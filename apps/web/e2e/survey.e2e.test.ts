import { socialSafety_1_0_0 } from '@socialsafety/instrument';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, launchBrowser } from './browser';
import { startServer, type RunningServer } from './server';
import { Admin, SURVEY_SERVER_ENV } from './survey-fixtures';
import { answerStep, checkedValues, heading, onStep, review, surveyUrl, watch } from './survey-page';

let server: RunningServer;
let browser: Browser;
let admin: Admin;
let measurementId: string;

beforeAll(async () => {
  server = await startServer(SURVEY_SERVER_ENV);
  browser = await launchBrowser();
  admin = await Admin.signIn(server);
  measurementId = await admin.measurement(await admin.organisation('Acme Care'));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const SECTIONS = socialSafety_1_0_0.sections;
const FULL_RUN_MS = 300_000;

/** The top of the first behaviour section with its follow-ups answered, without the empty margins (for the README). */
async function followUpPicture(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await page.locator('main').boundingBox();
  const x = Math.max((box?.x ?? 0) - 16, 0);
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: path.join(artifacts, `${name}-1280.png`), clip: { x, y: 0, width: (box?.width ?? 1280) + 32, height: 1000 } });
  await page.setViewportSize({ width: 1280, height: 800 });
}

/**
 * Goes through every step after the welcome page: answers each section as planned (follow-ups included), checks
 * the step with axe at both widths, and moves on. Returns every question answered.
 */
async function answerEverything(page: Page, language: 'nl' | 'en', shots: string): Promise<string[]> {
  const answered: string[] = [];
  const next = language === 'nl' ? 'Volgende' : 'Next';
  for (const [index, section] of SECTIONS.entries()) {
    await onStep(page, section.title[language] ?? section.id);
    const progress = language === 'nl' ? `Deel ${index + 1} van 14` : `Part ${index + 1} of 14`;
    expect(await page.locator('.progress p').textContent()).toBe(progress);
    answered.push(...(await answerStep(page)));
    await review(page, `${shots}-${section.id}`);
    if (section.id === 'behaviour_experienced') await followUpPicture(page, `${shots}-follow-ups`);
    await page.getByRole('button', { name: next, exact: true }).click();
  }
  await onStep(page, language === 'nl' ? 'Over jou' : 'About you');
  // Every demographic question offers "prefer not to say"; the first is declined that way.
  const first = page.locator('main fieldset').first();
  await first.getByRole('radio', { name: language === 'nl' ? 'Zeg ik liever niet' : 'Prefer not to say' }).check();
  await page.locator('main fieldset').nth(1).getByRole('radio').nth(2).check();
  await review(page, `${shots}-about-you`);
  await page.getByRole('button', { name: language === 'nl' ? 'Controleren en versturen' : 'Check and send' }).click();
  return answered;
}

describe('taking the survey in Chromium', () => {
  it(
    'completes the whole built-in questionnaire in Dutch with follow-ups, then says the link is used',
    async () => {
      const [token] = await admin.links(measurementId, 'CARE');
      const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const watcher = watch(page, context, server);

      await page.goto(surveyUrl(server, token!));
      await onStep(page, 'Social safety 2026');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
      const welcome = await page.locator('main').textContent();
      expect(welcome).toContain('Voor iedereen in: Care team');
      expect(welcome).toContain('Ongeveer 14 minuten, in 14 delen.');
      expect(welcome).toContain('alleen voor groepen van minstens 5 mensen');
      expect(welcome).toContain('Je kunt op elk moment stoppen en later verdergaan');
      await review(page, 'survey-welcome-nl');
      await page.getByRole('button', { name: 'Begin met de vragenlijst' }).click();

      const answered = await answerEverything(page, 'nl', 'survey-nl');
      // The general item of each kind of behaviour brought up its follow-ups, and they were answered.
      for (const id of ['ub_exp_general_source', 'ub_exp_general_reported', 'ub_exp_general_handling', 'ub_wit_general_reported', 'ub_wit_general_handling']) {
        expect(answered).toContain(id);
      }
      expect(answered).not.toContain('ub_exp_bullying_source');

      await onStep(page, 'Controleren en versturen');
      const list = page.getByRole('list', { name: 'Je antwoorden per deel' });
      expect(await list.getByRole('listitem').filter({ hasText: 'Wat je zelf meemaakte' }).textContent()).toContain('10 van 10 beantwoord');
      expect(await list.getByRole('listitem').filter({ hasText: 'Over jou' }).textContent()).toContain('2 van 5 beantwoord');
      await review(page, 'survey-review-nl');
      await page.getByRole('button', { name: 'Verstuur mijn antwoorden' }).click();

      await onStep(page, 'Bedankt voor je deelname');
      expect(await page.locator('.receipt').textContent()).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
      await review(page, 'survey-thanks-nl');
      await watcher.check();

      // The same link again: used, said plainly.
      await page.goto(surveyUrl(server, token!));
      await onStep(page, 'Met deze link zijn al antwoorden verstuurd');
      await review(page, 'survey-used-nl');
      await watcher.check();
      await context.close();
    },
    FULL_RUN_MS,
  );

  it(
    'completes it in English by keyboard alone, switching language half-way without losing an answer',
    async () => {
      const [token] = await admin.links(measurementId, 'CARE');
      const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const watcher = watch(page, context, server);
      const scripts: Buffer[] = [];
      page.on('response', async (response) => {
        if (response.request().resourceType() === 'script') scripts.push(await response.body());
      });

      await page.goto(surveyUrl(server, token!));
      await onStep(page, 'Social safety 2026');
      expect(await page.locator('main').textContent()).toContain('Your answers are anonymous');
      await review(page, 'survey-welcome-en');
      await page.getByRole('button', { name: 'Start the survey' }).focus();
      await page.keyboard.press('Enter');

      // The first section by keyboard: from the heading, Tab into each radio group and pick "Neither…" with arrows.
      await onStep(page, 'Your team');
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
      for (let question = 0; question < 7; question++) {
        await page.keyboard.press('Tab');
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('ArrowDown');
        if (question === 0) {
          // The focused option is plainly marked.
          const outline = await page.evaluate(() => getComputedStyle(document.activeElement!.closest('label')!).outlineStyle);
          expect(outline).toBe('solid');
        }
      }
      for (const group of await page.locator('main fieldset').all()) expect(await checkedValues(group)).toEqual(['3']);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Next');
      await page.keyboard.press('Enter');
      await onStep(page, 'Feedback and respect');
      await answerStep(page);

      // Dutch and back: the answers stay, the questions change language.
      await page.getByRole('button', { name: 'Nederlands' }).click();
      await onStep(page, 'Feedback en respect');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
      const before = await Promise.all((await page.locator('main fieldset').all()).map(checkedValues));
      expect(before.every((values) => values.length === 1)).toBe(true);
      await page.getByRole('button', { name: 'English' }).click();
      await onStep(page, 'Feedback and respect');
      expect(await Promise.all((await page.locator('main fieldset').all()).map(checkedValues))).toEqual(before);
      await page.getByRole('button', { name: 'Previous' }).click();
      await onStep(page, 'Your team');
      for (const group of await page.locator('main fieldset').all()) expect(await checkedValues(group)).toEqual(['3']);

      // On through the rest.
      await page.getByRole('button', { name: 'Next', exact: true }).click();
      await page.getByRole('button', { name: 'Next', exact: true }).click();
      for (const section of SECTIONS.slice(2)) {
        await onStep(page, section.title.en ?? section.id);
        await answerStep(page);
        await page.getByRole('button', { name: 'Next', exact: true }).click();
      }
      await onStep(page, 'About you');
      await page.getByRole('button', { name: 'Check and send' }).click();
      await onStep(page, 'Check and send');
      expect(await page.getByRole('listitem').filter({ hasText: 'Your team' }).textContent()).toContain('7 of 7 answered');
      await page.getByRole('button', { name: 'Send my answers' }).click();
      await onStep(page, 'Thank you for taking part');
      expect(await heading(page)).toBe('Thank you for taking part');
      await watcher.check();

      // What someone answering downloads: the survey's own scripts only (none of the console's), gzipped.
      const gzipped = scripts.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0);
      mkdirSync(artifacts, { recursive: true });
      writeFileSync(path.join(artifacts, 'survey-weight.json'), JSON.stringify({ scripts: scripts.length, gzippedBytes: gzipped }, null, 2));
      console.log(`survey page: ${scripts.length} scripts, ${(gzipped / 1024).toFixed(1)} kB gzipped`);
      expect(gzipped).toBeLessThan(100 * 1024);
      expect(scripts.some((body) => body.includes('organisations.title'))).toBe(false);
      await context.close();
    },
    FULL_RUN_MS,
  );
});
