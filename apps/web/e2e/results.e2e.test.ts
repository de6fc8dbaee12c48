import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, artifacts, launchBrowser, screenshot } from './browser';
import { buildResultsWorld, RESULTS_ADMIN, RESULTS_SERVER_ENV, VIEWER, type ResultsWorld } from './results-fixtures';
import { startServer, type RunningServer } from './server';

let server: RunningServer;
let browser: Browser;
let world: ResultsWorld;

beforeAll(async () => {
  server = await startServer(RESULTS_SERVER_ENV);
  // Two measurements answered through open links and closed (which publishes their results): about half a minute.
  world = await buildResultsWorld(server);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** No axe violations and no sideways scrolling of the page, at 1280 and at 360 px; a screenshot of each. */
async function review(page: Page, name: string): Promise<void> {
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 900 });
    expect(await accessibilityViolations(page), `${name} at ${width}px`).toEqual([]);
    if (width === 360) expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(360);
    await screenshot(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** A picture of part of the page, from the top of one element to the bottom of another (for the docs). */
async function clip(page: Page, from: string, to: string, name: string) {
  const top = await page.locator(from).first().boundingBox();
  const bottom = await page.locator(to).first().boundingBox();
  if (!top || !bottom) throw new Error(`cannot find ${from} or ${to} to photograph`);
  const y = top.y - 16;
  await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true, clip: { x: 48, y, width: 1184, height: bottom.y + bottom.height + 16 - y } });
}

async function signIn(page: Page, who: { email: string; password: string }, labels: [string, string, string]) {
  await page.goto(`${server.url}/login`);
  await page.getByLabel(labels[0]).fill(who.email);
  await page.getByLabel(labels[1]).fill(who.password);
  await page.getByRole('button', { name: labels[2], exact: true }).click();
  await page.waitForURL(/\/organisations$/);
}

/** The row headers of a table, in order. */
const rowNames = (page: Page, table: string) =>
  page
    .getByRole('table', { name: table })
    .locator('tbody th')
    .evaluateAll((cells) => cells.map((c) => (c.querySelector('a') ?? c).textContent?.trim()));

describe('results in Chromium', () => {
  it('lets an administrator read the heatmap, drill down, open a unit, behaviour, trend and the report, in English', async () => {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signIn(page, RESULTS_ADMIN, ['Email address', 'Password', 'Sign in']);

    // From the measurement page to the results.
    await page.goto(`${server.url}/measurements/${world.measurement}`);
    await page.getByRole('link', { name: 'View the results' }).click();
    await page.waitForURL(/\/results$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Results: Social safety 2026');
    const heatmap = 'Score from 0 to 100 per unit and topic';
    await page.getByRole('table', { name: heatmap }).waitFor();
    expect(await rowNames(page, heatmap)).toEqual(['Acme Care', 'Care', 'Human Resources', 'IT services', 'Sales']);
    expect(await page.getByRole('img', { name: /Heatmap as a picture/ }).locator('canvas').count()).toBe(1);
    expect(await page.getByText('Hatched: hidden to protect anonymity (fewer than 5 people').isVisible()).toBe(true);
    await review(page, 'results-heatmap-en');

    // Two levels: Sales north has 6 respondents, but it is hidden with Sales south (3), or south = Sales - north.
    await page.getByLabel('Levels shown').selectOption('2');
    await page.waitForURL(/depth=2/);
    await expect.poll(() => rowNames(page, heatmap)).toEqual([
      'Acme Care',
      'Care',
      'Ward A',
      'Ward B',
      'Human Resources',
      'IT services',
      'Sales',
      'Sales north',
      'Sales south',
    ]);
    const north = page.getByRole('table', { name: heatmap }).getByRole('row', { name: /Sales north/ });
    expect(await north.locator('td').first().textContent()).toContain('hidden');
    expect(await north.locator('td.hatched').count()).toBe(await page.locator('thead th.heatmap-scale').count());
    await clip(page, '.results-section h2', '.chart-scroll', 'heatmap');

    // The difference from the organisation: a sign and a mark for what is significant.
    await page.getByRole('radio', { name: 'Difference from organisation' }).check();
    const differences = page.getByRole('table', { name: 'Difference from the organisation in points, per unit and topic' });
    await differences.waitFor();
    expect(await differences.getByRole('row', { name: /Ward A/ }).textContent()).toMatch(/significantly worse than the organisation/);
    await review(page, 'results-difference-en');

    // Drill down into Care, then open Ward A.
    await page.getByRole('link', { name: 'Show units under Care' }).click();
    await page.waitForURL(/root=/);
    await expect.poll(() => rowNames(page, 'Difference from the organisation in points, per unit and topic')).toEqual(['Care', 'Ward A', 'Ward B']);
    expect(await page.getByRole('navigation', { name: 'Where you are in the organisation' }).textContent()).toContain('Acme Care');
    await page.getByRole('table').getByRole('link', { name: 'Ward A', exact: true }).click();
    await page.waitForURL(/\/results\/units\//);
    await page.getByRole('heading', { level: 2, name: /Ward A/ }).waitFor();
    const scale = page.getByRole('article', { name: 'Team psychological safety' });
    expect(await scale.getByText('Attention needed').isVisible()).toBe(true);
    expect(await scale.getByRole('figure', { name: 'How people answered about Team psychological safety' }).getByRole('listitem').count()).toBe(5);
    expect(await page.getByRole('table', { name: 'Reliability per topic' }).isVisible()).toBe(true);
    await clip(page, '.results-section .trail', '.scale-results > article:nth-child(4)', 'results-unit');
    await review(page, 'results-unit-en');

    await page.getByRole('navigation', { name: 'Results views' }).getByRole('link', { name: 'Unwanted behaviour' }).click();
    const kinds = page.getByRole('table', { name: 'Share of people per kind of behaviour, Acme Care' });
    await kinds.waitFor();
    expect(await kinds.getByRole('row', { name: /Any kind/ }).textContent()).toMatch(/\d+%.*\(\d+%–\d+%\)/);
    // Human Resources (6) is below k_sensitive (10): hidden, with the reason.
    const units = page.getByRole('table', { name: 'Experienced and witnessed unwanted behaviour per unit' });
    expect(await units.getByRole('row', { name: /Human Resources/ }).textContent()).toContain('fewer than 10 people');
    await review(page, 'results-behaviour-en');

    await page.getByRole('navigation', { name: 'Results views' }).getByRole('link', { name: 'Trend' }).click();
    const trend = page.getByRole('table', { name: 'Score per topic and measurement, Acme Care' });
    await trend.waitFor();
    expect((await trend.locator('thead th').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim())).toEqual([
      'Topic',
      'Social safety 2025',
      'Social safety 2026 (this measurement)',
      'Change since the previous measurement',
    ]);
    await review(page, 'results-trend-en');

    await page.getByRole('navigation', { name: 'Results views' }).getByRole('link', { name: 'Report' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Report: Social safety 2026');
    await page.getByRole('heading', { name: 'Main findings' }).waitFor();
    expect(await page.getByText('A figure is only shown for a group of at least 5 people.').isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Units with topics in the red zone' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Print or save as PDF' }).isVisible()).toBe(true);
    await review(page, 'results-report-en');
    // Printed, only the report remains: no menu, no tabs, no button.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print or save as PDF' }).isVisible()).toBe(false);
    expect(await page.getByRole('table', { name: 'Score from 0 to 100 per unit and topic' }).isVisible()).toBe(true);
    await screenshot(page, 'results-report-print');
    await page.emulateMedia({ media: 'screen' });

    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);

  it('shows a unit viewer their own subtree only, in Dutch', async () => {
    const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signIn(page, VIEWER, ['E-mailadres', 'Wachtwoord', 'Inloggen']);

    await page.getByRole('list', { name: 'Jouw organisaties' }).getByRole('link', { name: 'Acme Care' }).click();
    await page.getByRole('link', { name: 'Metingen' }).click();
    await page.getByRole('link', { name: 'Social safety 2026' }).click();
    await page.getByRole('link', { name: 'Bekijk de resultaten' }).click();
    const heatmap = 'Score van 0 tot 100 per eenheid en onderwerp';
    await page.getByRole('table', { name: heatmap }).waitFor();
    expect(await rowNames(page, heatmap)).toEqual(['Sales', 'Sales north', 'Sales south']);
    expect(await page.getByText('Acme Care', { exact: true }).count()).toBe(0);
    await review(page, 'results-heatmap-viewer-nl');

    await page.getByRole('navigation', { name: 'Weergaven van de resultaten' }).getByRole('link', { name: 'Per eenheid' }).click();
    await page.getByRole('heading', { level: 2, name: /Sales/ }).waitFor();
    expect(await page.getByText('Respondenten: 9').isVisible()).toBe(true);
    await review(page, 'results-unit-viewer-nl');

    // Sales has 9 respondents: below k_sensitive (10), so nothing about behaviour is shown, and it says why.
    await page.getByRole('navigation', { name: 'Weergaven van de resultaten' }).getByRole('link', { name: 'Ongewenst gedrag' }).click();
    await page.getByText('Voor Sales kunnen geen cijfers getoond worden').waitFor();
    await review(page, 'results-behaviour-viewer-nl');

    await page.getByRole('navigation', { name: 'Weergaven van de resultaten' }).getByRole('link', { name: 'Rapport' }).click();
    await page.getByRole('heading', { name: 'Belangrijkste uitkomsten' }).waitFor();
    expect(await page.getByText('In Sales hebben 9 mensen geantwoord.').isVisible()).toBe(true);
    await review(page, 'results-report-viewer-nl');

    // Another unit's results are refused, in words.
    await page.goto(`${server.url}/measurements/${world.measurement}/results/units/${world.units.IT}`);
    await page.getByRole('alert').filter({ hasText: 'Deze eenheid valt buiten wat je mag zien. Kies een van je eigen eenheden.' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});
