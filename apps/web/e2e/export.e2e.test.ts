import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, launchBrowser, screenshot } from './browser';
import { buildExportWorld, RESEARCHER, type ExportWorld } from './export-fixtures';
import { RESULTS_SERVER_ENV } from './results-fixtures';
import { startServer, type RunningServer } from './server';

let server: RunningServer;
let browser: Browser;
let world: ExportWorld;

beforeAll(async () => {
  server = await startServer(RESULTS_SERVER_ENV);
  world = await buildExportWorld(server);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The files of a zip by name, read from its central directory (stored or deflated entries). */
function unzip(zip: Buffer): Map<string, string> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip: no end of central directory');
  const files = new Map<string, string>();
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    files.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return files;
}

/** No axe violations and no sideways scrolling, at 1280 and at 360 px; a screenshot of each. */
async function review(page: Page, name: string): Promise<void> {
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 900 });
    expect(await accessibilityViolations(page), `${name} at ${width}px`).toEqual([]);
    if (width === 360) expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(360);
    await screenshot(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function signIn(page: Page, labels: [string, string, string]) {
  await page.goto(`${server.url}/login`);
  await page.getByLabel(labels[0]).fill(RESEARCHER.email);
  await page.getByLabel(labels[1]).fill(RESEARCHER.password);
  await page.getByRole('button', { name: labels[2], exact: true }).click();
  await page.waitForURL(/\/organisations$/);
}

const PARTICIPATION_NL = 'Deelname';
const summary = (page: Page, name: string) => page.getByRole('region', { name }).locator('.export-summary').textContent();

describe('research export in Chromium', () => {
  it('takes a researcher from the organisation to the export, previews options and downloads the zip', async () => {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signIn(page, ['Email address', 'Password', 'Sign in']);

    // The organisation opens on its measurements for a researcher, each closed one with its export.
    await page.getByRole('link', { name: 'Acme Care' }).click();
    await page.getByRole('link', { name: 'Research export of Social safety 2026' }).click();
    await page.waitForURL(/\/export$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Research export: Social safety 2026');

    const preview = 'What the export will do';
    await page.getByRole('region', { name: preview }).waitFor();
    const everything = await summary(page, preview);
    expect(everything).toContain('of the 47 responses will be in the file.');
    expect(everything).toContain('(k = 10)');
    expect(everything).toContain('(l = 2)');
    const rows = await page.getByRole('table', { name: 'What happens to each characteristic you keep' }).locator('tbody th').allTextContents();
    expect(rows.map((r) => r.trim())).toEqual(['Unit', 'What is your age?', 'What is your gender?', 'Language of the answers']);
    await review(page, 'export-en');

    // Departments only, without the language: a new preview, and the download link follows.
    await page.getByLabel('Unit', { exact: true }).selectOption('1');
    await page.getByRole('checkbox', { name: 'Language of the answers' }).uncheck();
    const download = page.getByRole('link', { name: 'Download the export (zip)' });
    await expect.poll(() => download.getAttribute('href')).toBe(`/api/v1/measurements/${world.measurement}/export?qi=unit%3A1%2Cage_band%2Cgender`);
    await expect.poll(() => page.getByRole('table', { name: 'What happens to each characteristic you keep' }).locator('tbody tr').count()).toBe(3);
    await expect.poll(() => page.getByRole('region', { name: preview }).getAttribute('aria-busy')).toBe('false');
    expect(await summary(page, preview)).not.toBe(everything);

    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toMatch(/\.zip$/);
    const zip = readFileSync((await file.path())!);
    expect(zip.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    const files = unzip(zip);
    expect([...files.keys()]).toEqual(expect.arrayContaining(['data.csv', 'datapackage.json', 'codebook.md', 'labels.sps', 'labels.R', 'disclosure-report.json']));
    const header = files.get('data.csv')!.split(/\r?\n/)[0]!.split(',');
    expect(header.slice(0, 4)).toEqual(['unit', 'age_band', 'gender', 'questionnaire_version']);
    expect(header).not.toContain('language');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reads in Dutch and fits a phone', async () => {
    const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, ['E-mailadres', 'Wachtwoord', 'Inloggen']);
    await page.goto(`${server.url}/measurements/${world.measurement}`);
    await page.getByRole('link', { name: 'Onderzoeksexport' }).click();
    await page.getByRole('region', { name: 'Wat de export doet' }).waitFor();
    expect(await summary(page, 'Wat de export doet')).toContain('van de 47 antwoordformulieren komen in het bestand.');
    // A researcher sees no participation: that is not theirs to read, and no error is shown for it.
    await page.goto(`${server.url}/measurements/${world.measurement}`);
    await page.getByRole('link', { name: 'Onderzoeksexport' }).waitFor();
    expect(await page.locator('.notice-error').count()).toBe(0);
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).not.toContain(PARTICIPATION_NL);
    await page.getByRole('link', { name: 'Onderzoeksexport' }).click();
    await page.getByRole('region', { name: 'Wat de export doet' }).waitFor();
    await review(page, 'export-nl');
    await context.close();
  });
});
