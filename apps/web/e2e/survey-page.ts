import type { BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { accessibilityViolations, screenshot } from './browser';
import type { RunningServer } from './server';

/** How to answer one question: the n-th option, "don't know", some boxes ticked, a text, or not at all. */
export type Choice = { option: number } | { dontKnow: true } | { tick: number[] } | { text: string } | { skip: true };

/**
 * The answers the full-questionnaire tests give: a spread over the scales, "don't know" where offered now and then,
 * and, for general unwanted behaviour, "a few times" with every follow-up (who, reported to the confidential
 * adviser, how it was handled); every other kind of behaviour "never".
 */
export function plannedChoice(itemId: string, position: number, type: string): Choice {
  if (type === 'text') return { text: 'Meer tijd voor elkaar / more time for each other.' };
  if (itemId === 'ub_exp_general' || itemId === 'ub_wit_general') return { option: 2 };
  if (itemId.endsWith('_source')) return { tick: [0, 4] };
  if (itemId.endsWith('_reported')) return { tick: [4] };
  if (itemId.endsWith('_handling')) return { option: 1 };
  if (itemId.startsWith('ub_')) return { option: 0 };
  if (itemId === 'oc_safety_grade') return { option: 7 };
  if (type === 'dont-know' && position % 3 === 0) return { dontKnow: true };
  return { option: position % 5 };
}

/**
 * Answers every question of the current step from top to bottom. Follow-ups appear while answering, so the list of
 * questions is read again after each answer. Returns the ids of the questions answered, in order.
 */
export async function answerStep(page: Page, choose: (itemId: string, position: number, type: string) => Choice = plannedChoice): Promise<string[]> {
  const answered: string[] = [];
  for (let position = 0; ; position++) {
    const questions = page.locator('main .question');
    if (position >= (await questions.count())) break;
    const question = questions.nth(position);
    const id = (await question.getAttribute('id')) ?? (await question.locator('textarea').getAttribute('id'))?.replace(/-input$/, '') ?? '';
    const itemId = id.replace(/^[qd]-/, '');
    const type = (await question.locator('textarea').count())
      ? 'text'
      : (await question.locator('.dont-know').count())
        ? 'dont-know'
        : (await question.getByRole('checkbox').count())
          ? 'checkbox'
          : 'radio';
    const choice = choose(itemId, position, type);
    if ('skip' in choice) continue;
    if ('text' in choice) await question.locator('textarea').fill(choice.text);
    else if ('dontKnow' in choice) await question.locator('.dont-know input').check();
    else if ('tick' in choice) for (const n of choice.tick) await question.getByRole('checkbox').nth(n).check();
    else await question.getByRole('radio').nth(choice.option).check();
    answered.push(itemId);
  }
  return answered;
}

/** No axe violations and no sideways scrolling at 1280 and at 360 px; a screenshot of each kept as an artefact. */
export async function review(page: Page, name: string): Promise<void> {
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 800 });
    expect(await accessibilityViolations(page), `${name} at ${width}px`).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} at ${width}px`).toBeLessThanOrEqual(width);
    await screenshot(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

export const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

/** Waits until the step's heading reads `text`. */
export async function onStep(page: Page, text: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name: text }).waitFor();
}

export const surveyUrl = (server: RunningServer, token: string) => `${server.url}/s/${token}`;

/**
 * Watches a page for what the survey promises not to do: requests to anywhere but the survey's own server, and
 * errors in the page. `check()` asserts neither happened and that the browser holds no cookie.
 */
export function watch(page: Page, context: BrowserContext, server: RunningServer) {
  const elsewhere: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${server.url}/`) && !url.startsWith('data:')) elsewhere.push(url);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return {
    check: async () => {
      expect(elsewhere, 'requests to other sites').toEqual([]);
      expect(errors, 'errors in the page').toEqual([]);
      expect(await context.cookies(), 'cookies').toEqual([]);
    },
  };
}

/** The checked options of a question, by their accessible value. */
export const checkedValues = (question: Locator) =>
  question.locator('input:checked').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
