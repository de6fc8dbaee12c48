import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { accessibilityViolations, launchBrowser } from './browser';

/**
 * For checking the results pages by eye against a running results-look.ts server:
 * `[RESULTS_URL=…] tsx apps/web/e2e/results-shots.ts <look.json> <out dir> [en|nl] [admin|viewer] [page…]`. Writes full-page
 * screenshots at 1280 and 360 px and prints axe violations and sideways scrolling per page.
 */
const [infoFile = '/tmp/results-look.json', out = '/tmp/results-shots', language = 'en', who = 'admin', ...only] = process.argv.slice(2);
const info = JSON.parse(readFileSync(infoFile, 'utf8')) as {
  url: string;
  measurement: string;
  units: Record<string, string>;
  admin: { email: string; password: string };
  viewer: { email: string; password: string };
};
const account = who === 'viewer' ? info.viewer : info.admin;
// RESULTS_URL: another front end for the same server, such as results-dev.config.ts's.
const origin = process.env.RESULTS_URL ?? info.url;
const base = `${origin}/measurements/${info.measurement}`;
const pages: Record<string, string> = {
  measurement: base,
  heatmap: `${base}/results`,
  heatmap2: `${base}/results?depth=2`,
  favourable: `${base}/results?depth=2&metric=favourable`,
  difference: `${base}/results?depth=2&metric=vsOrganisation`,
  benchmark: `${base}/results?depth=2&metric=vsBenchmark`,
  drill: `${base}/results?root=${info.units.CARE}`,
  sorted: `${base}/results?depth=2&sort=scale:psychological_safety`,
  unit: `${base}/results/units/${info.units.CARE}`,
  hiddenUnit: `${base}/results/units/${info.units.SOUTH}`,
  behaviour: `${base}/results/behaviour`,
  trend: `${base}/results/trend?unit=${info.units.CARE}`,
  report: `${base}/results/report`,
};

mkdirSync(out, { recursive: true });
const browser = await launchBrowser();
const context = await browser.newContext({ locale: language === 'nl' ? 'nl-NL' : 'en-GB' });
const page = await context.newPage();
page.on('pageerror', (error) => console.log(`page error: ${error.message}`));
page.on('console', (message) => {
  if (message.type() === 'error') console.log(`console: ${message.text()}`);
});
await page.goto(`${origin}/login`);
await page.locator('input[type=email]').fill(account.email);
await page.locator('input[type=password]').fill(account.password);
await page.locator('form button[type=submit]').click();
await page.waitForURL(/\/organisations/);
for (const [name, url] of Object.entries(pages)) {
  if (only.length > 0 && !only.includes(name)) continue;
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 900 });
    await page.waitForTimeout(200);
    const violations = await accessibilityViolations(page);
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    console.log(`${name} ${width}: ${violations.length} violations${scroll > width ? `, page ${scroll}px wide` : ''}`);
    for (const v of violations) console.log(`  ${v}`);
    await page.screenshot({ path: path.join(out, `${name}-${language}-${width}.png`), fullPage: true });
    // SHOTS_PARTS=n: also the first n screens one by one, at a size that can be read without zooming.
    const height = width === 360 ? 740 : 900;
    for (let part = 0; part < Number(process.env.SHOTS_PARTS ?? 0); part++) {
      const clip = { x: 0, y: part * height, width, height };
      if (clip.y >= (await page.evaluate(() => document.documentElement.scrollHeight))) break;
      await page.screenshot({ path: path.join(out, `${name}-${language}-${width}-${part}.png`), fullPage: true, clip });
    }
  }
}
await browser.close();
