import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, launchBrowser, screenshot } from './browser';
import { startServer, type RunningServer } from './server';

const ADMIN = { email: 'admin@example.org', password: 'a long admin passphrase' };

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** No axe violations and no sideways scrolling, at 1280 and at 360 px; a screenshot of each. */
async function review(page: Page, name: string): Promise<void> {
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 800 });
    expect(await accessibilityViolations(page), `${name} at ${width}px`).toEqual([]);
    if (width === 360) expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(360);
    await screenshot(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

describe('measurements in Chromium', () => {
  it('lets an administrator create, open and close a measurement, make links and see participation, in English', async () => {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    await page.goto(`${server.url}/login`);
    await page.getByLabel('Email address').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(/\/organisations$/);
    await page.getByLabel('Name of the organisation').fill('Acme Ltd');
    await page.getByRole('button', { name: 'Add organisation' }).click();
    await page.getByRole('list', { name: 'Your organisations' }).getByRole('link', { name: 'Acme Ltd' }).click();
    await page.waitForURL(/\/organisations\/[0-9a-f-]{36}$/);
    const organisationId = page.url().split('/').pop() ?? '';

    // The unit tree through the API, as a script in the page would send it: with the session's CSRF token.
    const status = await page.evaluate(async (id) => {
      const me = (await (await fetch('/api/v1/me')).json()) as { csrfToken: string };
      const csv = 'code,name,parent_code\nACME,Acme Ltd,\nHR,Human Resources,ACME\nOPS,Operations,ACME\n';
      const answer = await fetch(`/api/v1/organisations/${id}/units`, {
        method: 'PUT',
        headers: { 'content-type': 'text/csv', 'x-csrf-token': me.csrfToken },
        body: csv,
      });
      return answer.status;
    }, organisationId);
    expect(status).toBe(200);

    const sections = page.getByRole('navigation', { name: 'Parts of this organisation' });
    expect(await sections.getByRole('link').allTextContents()).toEqual(['Units', 'Measurements', 'Access', 'Audit log']);
    await sections.getByRole('link', { name: 'Measurements' }).click();
    await page.waitForURL(/\/measurements$/);
    await expect.poll(() => page.getByText('There are no measurements yet.').count()).toBe(1);
    await page.getByRole('checkbox', { name: 'English' }).waitFor();

    // A mistake first: k below 5 and a sensitive threshold below k are refused at their fields.
    const k = page.getByLabel('Minimum group size (k)');
    const sensitive = page.getByLabel('Minimum group size for sensitive questions');
    await k.fill('3');
    await page.getByRole('button', { name: 'Create measurement' }).click();
    expect(await page.getByLabel('Title', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await k.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('Enter a whole number from 5 to 50.').isVisible()).toBe(true);
    await k.fill('12');
    expect(await sensitive.getAttribute('aria-invalid')).toBe('true');
    await review(page, 'measurement-form-errors-en');

    await k.fill('5');
    await sensitive.fill('10');
    await page.getByLabel('Title', { exact: true }).fill('Social safety 2025');
    await page.getByRole('button', { name: 'Create measurement' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'was created as a draft' }).count()).toBe(1);
    const list = page.getByRole('table', { name: 'Measurements, newest first' });
    await list.waitFor();
    expect(await list.getByRole('row', { name: /Social safety 2025/ }).textContent()).toContain('Draft');
    await review(page, 'measurements-en');

    await list.getByRole('link', { name: 'Social safety 2025' }).click();
    await page.waitForURL(/\/measurements\/[0-9a-f-]{36}$/);
    expect(await heading(page)).toBe('Social safety 2025');
    await page.getByRole('region', { name: 'Participation' }).getByRole('table').or(page.getByText('No units yet')).first().waitFor();
    await review(page, 'measurement-draft-en');

    // Opening asks first, and says what it locks.
    await page.getByRole('button', { name: 'Open the measurement' }).click();
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Open this measurement now?');
    expect(await page.getByText('Opening freezes the unit tree').isVisible()).toBe(true);
    await review(page, 'measurement-open-confirm-en');
    await page.getByRole('button', { name: 'Yes, open' }).click();
    await expect.poll(() => page.locator('.measurement-status .badge').textContent()).toBe('Open');

    // Links for one unit: shown once, as a list and as a CSV file.
    await page.getByLabel('Unit', { exact: true }).selectOption({ label: '\u00a0\u00a0HR Human Resources' });
    await page.getByLabel('Number of links').fill('3');
    await page.getByRole('button', { name: 'Make links' }).click();
    const made = page.getByRole('region', { name: '3 links for HR Human Resources' });
    await made.waitFor();
    expect(await made.getByText('These links are shown only now.').isVisible()).toBe(true);
    const links = (await made.getByLabel('The links, one per line').inputValue()).split('\n');
    expect(links).toHaveLength(3);
    for (const link of links) expect(link).toMatch(/\/s\/[A-Za-z0-9_-]{20,}$/);
    const [download] = await Promise.all([page.waitForEvent('download'), made.getByRole('link', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^links-HR-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path()) ?? '', 'utf8');
    expect(csv).toBe(`\uFEFFunit_code,unit_name,link\r\n${links.map((l) => `HR,Human Resources,${l}\r\n`).join('')}`);
    const handedOut = page.getByRole('table', { name: 'Personal links per unit' });
    await expect.poll(() => handedOut.getByRole('row', { name: /HR Human Resources/ }).textContent()).toContain('3');
    await review(page, 'measurement-links-en');

    // Participation: three invited in HR (and so in ACME), nobody answered yet: hidden as "fewer than 5".
    const participation = page.getByRole('table', { name: 'Participation per unit' });
    await expect.poll(() => participation.getByRole('row', { name: /HR Human Resources/ }).textContent()).toContain('fewer than 5');
    expect(await participation.getByRole('row', { name: /ACME Acme Ltd/ }).textContent()).toContain('3');
    expect(await page.getByText('only shown from 5 up').isVisible()).toBe(true);

    // Closing asks first; afterwards no more links can be made.
    await page.getByRole('button', { name: 'Close the measurement' }).click();
    await page.getByRole('button', { name: 'Yes, close' }).click();
    await expect.poll(() => page.locator('.measurement-status .badge').textContent()).toBe('Closed');
    expect(await page.getByRole('button', { name: 'Make links' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Open the measurement' }).count()).toBe(0);
    await participation.waitFor();
    await review(page, 'measurement-closed-en');

    await page.getByRole('link', { name: 'All measurements of this organisation' }).click();
    await expect.poll(() => page.getByRole('row', { name: /Social safety 2025/ }).textContent()).toContain('Closed');
    expect(errors).toEqual([]);
    await context.close();
  });
});
