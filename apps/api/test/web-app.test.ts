import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helper';

/** A built web app with both pages (console and survey), as `vite build` writes it. */
function builtApp(pages: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'web-dist-'));
  mkdirSync(path.join(root, 'assets'));
  writeFileSync(path.join(root, 'assets', 'survey-abc123.js'), 'export {};');
  for (const [file, text] of Object.entries(pages)) writeFileSync(path.join(root, file), `<!doctype html><title>${text}</title>`);
  return root;
}

const page = (t: TestApp, url: string) => t.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });

describe('web app with its survey page', () => {
  let t: TestApp;
  let root: string;

  beforeAll(async () => {
    root = builtApp({ 'index.html': 'console page', 'survey.html': 'survey page' });
    t = await startTestApp(undefined, { WEB_DIST: root });
  });

  afterAll(async () => {
    await t?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('answers a survey link with the survey page, fresh every time, without cookies or a referrer', async () => {
    const res = await page(t, '/s/AbCdEfGhIjKlMnOpQrStUvWxYz012345');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('survey page');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it.each(['/s/abc?lang=en', '/s/abc/', '/s/abc.', '/s/abc).', '/s', '/s/', '//s/abc'])('serves the survey page for %s too', async (url) => {
    const res = await page(t, url);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('survey page');
  });

  it.each(['/', '/status', '/organisations/1/units', '/sx/abc', '/settings'])('keeps the console at %s', async (url) => {
    const res = await page(t, url);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('console page');
  });

  it('still answers unknown API paths and missing files with a JSON 404', async () => {
    const api = await page(t, '/api/v1/s/abc');
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('NOT_FOUND');
    const file = await page(t, '/assets/missing.js');
    expect(file.statusCode).toBe(404);
    const asset = await t.app.inject({ method: 'GET', url: '/assets/survey-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
  });
});

describe('web app built before the survey page existed', () => {
  let t: TestApp;
  let root: string;

  beforeAll(async () => {
    root = builtApp({ 'index.html': 'console page' });
    t = await startTestApp(undefined, { WEB_DIST: root });
  });

  afterAll(async () => {
    await t?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves the console for survey links rather than failing', async () => {
    const res = await page(t, '/s/abc');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('console page');
  });
});
