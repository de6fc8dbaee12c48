import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, launchBrowser, screenshot } from './browser';
import { startServer, type RunningServer } from './server';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the web app in Chromium', () => {
  it('shows the health page with a working database, in Dutch and English, without accessibility violations', async () => {
    const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const external: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(server.url)) external.push(request.url());
    });

    await page.goto(`${server.url}/status`);
    const facts = page.getByTestId('health');
    await expect.poll(() => facts.textContent()).toContain('Verbonden');
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Systeemstatus');
    expect(await facts.textContent()).toContain('Werkt');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'status-nl-1280');

    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('System status');
    expect(await facts.textContent()).toContain('Connected');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'status-en-1280');

    // The language choice survives a reload.
    await page.reload();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('System status');
    expect(external).toEqual([]);
    await context.close();
  });

  it('serves the home page and deep links on a small screen, keyboard first', async () => {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Social safety at work');
    // The first Tab reaches the skip link, which moves focus to the main content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    expect(await accessibilityViolations(page)).toEqual([]);
    // No horizontal scrolling at 360 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'home-en-360');

    await page.goto(`${server.url}/no/such/page`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    await context.close();
  });
});
