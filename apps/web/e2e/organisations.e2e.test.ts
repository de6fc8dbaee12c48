import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, launchBrowser, screenshot } from './browser';
import { startServer, type RunningServer } from './server';

const ADMIN = { email: 'admin@example.org', password: 'a long admin passphrase' };
const LOGIN_LIMIT = 3;

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOGIN_LIMIT_PER_ACCOUNT: String(LOGIN_LIMIT),
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Creates an account through the API, as a script would: sign in, then POST with the session's CSRF token. */
async function createAccount(email: string, password: string): Promise<void> {
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  expect(login.status).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const created = await fetch(`${server.url}/api/v1/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ email, password }),
  });
  expect(created.status).toBe(201);
}

/** No axe violations and no sideways scrolling, at 1280 and at 360 px; a screenshot of each. */
async function review(page: Page, name: string): Promise<void> {
  const original = page.viewportSize() ?? { width: 1280, height: 800 };
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 800 });
    expect(await accessibilityViolations(page), `${name} at ${width}px`).toEqual([]);
    if (width === 360) expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(360);
    await screenshot(page, `${name}-${width}`);
  }
  await page.setViewportSize(original);
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

async function signIn(page: Page, labels: { email: string; password: string; submit: string }, email: string, password: string) {
  await page.getByLabel(labels.email).fill(email);
  await page.getByLabel(labels.password).fill(password);
  await page.getByRole('button', { name: labels.submit, exact: true }).click();
}

const english = { email: 'Email address', password: 'Password', submit: 'Sign in' };
const dutch = { email: 'E-mailadres', password: 'Wachtwoord', submit: 'Inloggen' };

async function newPage(locale: string, width: number): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale, viewport: { width, height: width === 360 ? 740 : 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('close', () => expect(errors).toEqual([]));
  return { context, page };
}

describe('organisations, units and access in Chromium', () => {
  it('lets a platform administrator sign in, set up an organisation and give a role, in English', async () => {
    await createAccount('bob@example.org', 'bobs long password');
    const { context, page } = await newPage('en-GB', 1280);

    // A page that needs a session sends the person to sign in, remembering where they were going.
    await page.goto(`${server.url}/organisations`);
    await page.waitForURL(/\/login\?next=%2Forganisations$/);
    expect(await heading(page)).toBe('Sign in');
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).count()).toBe(1);
    await review(page, 'login-en');

    // Empty fields: each is marked and described; then a wrong password gets the generic message.
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const email = page.getByLabel('Email address');
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('Enter your email address.').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('email');
    await signIn(page, english, ADMIN.email, 'not the password');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'not correct' }).count()).toBe(1);
    expect(await page.getByRole('alert').filter({ hasText: 'not correct' }).textContent()).toContain(
      'The email address or password is not correct.',
    );
    expect(await page.getByLabel('Password').getAttribute('aria-invalid')).toBe('true');
    await review(page, 'login-error-en');

    await signIn(page, english, ADMIN.email, ADMIN.password);
    await page.waitForURL(/\/organisations$/);
    expect(await heading(page)).toBe('Organisations');
    expect(await page.getByRole('banner').textContent()).toContain(ADMIN.email);
    expect(await nav.getByRole('link', { name: 'Users' }).count()).toBe(1);
    await expect.poll(() => page.getByText('There are no organisations yet').count()).toBe(1);

    // Create an organisation.
    await page.getByRole('button', { name: 'Add organisation' }).click();
    expect(await page.getByText('Enter the name of the organisation.').isVisible()).toBe(true);
    await page.getByLabel('Name of the organisation').fill('Acme Ltd');
    await page.getByRole('button', { name: 'Add organisation' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'was added' }).count()).toBe(1);
    const list = page.getByRole('list', { name: 'Your organisations' });
    expect(await list.getByRole('link', { name: 'Acme Ltd' }).count()).toBe(1);
    await review(page, 'organisations-en');

    await list.getByRole('link', { name: 'Acme Ltd' }).click();
    await page.waitForURL(/\/organisations\/[0-9a-f-]{36}$/);
    const organisationUrl = page.url();
    expect(await heading(page)).toBe('Acme Ltd');
    const sections = page.getByRole('navigation', { name: 'Parts of this organisation' });
    expect(await sections.getByRole('link').allTextContents()).toEqual(['Units', 'Measurements', 'Access', 'Audit log']);
    await expect.poll(() => page.getByText('This organisation has no units yet').count()).toBe(1);

    // A tree with mistakes: every problem is listed with its line, the list is announced and tied to the form.
    const rows = page.getByLabel('Rows');
    await rows.fill(['code;name;parent_code', 'ACME;Acme Ltd;', 'HR;;ACME', 'HR;Human Resources;ACME', 'OPS;Operations;NOPE'].join('\n'));
    await page.getByRole('button', { name: 'Import units' }).click();
    const problems = page.getByRole('table', { name: 'Problems, by line' });
    await problems.waitFor();
    expect(await problems.locator('tbody tr').allTextContents()).toEqual([
      '3HRThe name is empty.',
      '4HRThis code is used on an earlier line as well.',
      '5OPSThe parent_code is not the code of any unit in the list.',
    ]);
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('error-summary');
    const summaryId = await page.locator('.error-summary').getAttribute('id');
    expect(await page.locator('form', { has: problems }).getAttribute('aria-describedby')).toBe(summaryId);
    expect(await rows.getAttribute('aria-invalid')).toBe('true');
    expect(await rows.getAttribute('aria-describedby')).toContain(`${summaryId}-summary`);
    expect(await page.getByText('There are 3 problems. Nothing was changed').count()).toBe(1);
    await review(page, 'units-errors-en');

    // A valid file, comma-separated, through the file input: its rows appear in the box, then the tree.
    const csv = ['code,name,parent_code', 'ACME,Acme Ltd,', 'HR,Human Resources,ACME', 'HR-REC,Recruitment,HR', 'OPS,Operations,ACME'].join(
      '\r\n',
    );
    await page.getByLabel('CSV file').setInputFiles({ name: 'units.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => rows.inputValue()).toContain('HR-REC,Recruitment,HR');
    await page.getByRole('button', { name: 'Import units' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'The unit tree was imported' }).count()).toBe(1);
    expect(await page.getByRole('status').filter({ hasText: 'imported' }).textContent()).toContain('4 units (4 new');
    expect(await page.getByRole('table', { name: 'Problems, by line' }).count()).toBe(0);
    const tree = page.getByRole('list', { name: 'Unit tree' });
    expect(await tree.textContent()).toContain('HR-REC');
    expect(await tree.getByRole('listitem').count()).toBe(4);
    // Collapsing a unit hides what is under it; the button says whether it is open.
    const toggle = tree.getByRole('button', { name: 'Units under Human Resources' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await tree.textContent()).not.toContain('Recruitment');
    await toggle.click();
    await review(page, 'units-en');

    // The second user, created through the API above, gets a role on part of the tree.
    await sections.getByRole('link', { name: 'Access' }).click();
    await page.waitForURL(/\/grants$/);
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toBe('Access');
    await page.getByRole('button', { name: 'Give role' }).click();
    expect(await page.getByText('Enter the email address of the account.').isVisible()).toBe(true);
    await page.getByLabel('Email address of the account').fill('nobody@example.org');
    await page.getByLabel('Role', { exact: true }).selectOption('analyst');
    await page.getByRole('button', { name: 'Give role' }).click();
    await expect.poll(() => page.getByText('There is no account with this email address.').count()).toBe(1);
    expect(await page.getByLabel('Email address of the account').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Email address of the account').fill('bob@example.org');
    await page.getByLabel('Role', { exact: true }).selectOption('unit_viewer');
    await page.getByLabel('Unit', { exact: true }).selectOption({ label: '\u00a0\u00a0HR Human Resources' });
    await page.getByRole('button', { name: 'Give role' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'now has the role' }).count()).toBe(1);
    const grants = page.getByRole('table', { name: 'People with a role' });
    const bobRow = grants.getByRole('row', { name: /bob@example\.org/ });
    expect(await bobRow.textContent()).toContain('Unit viewer');
    expect(await bobRow.textContent()).toContain('HR Human Resources, and every unit under it');

    // An analyst role too, then taken away again after confirming.
    await page.getByLabel('Email address of the account').fill('bob@example.org');
    await page.getByLabel('Role', { exact: true }).selectOption('analyst');
    await page.getByRole('button', { name: 'Give role' }).click();
    await expect.poll(() => grants.getByRole('row', { name: /bob@example\.org/ }).count()).toBe(2);
    await review(page, 'grants-en');
    await page.getByRole('button', { name: 'Remove the role Analyst of bob@example.org' }).click();
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(
      'Remove the role Analyst of bob@example.org? They lose this access at once.',
    );
    await review(page, 'grants-confirm-en');
    await page.getByRole('button', { name: 'Yes, remove' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'was removed' }).count()).toBe(1);
    expect(await grants.getByRole('row', { name: /bob@example\.org/ }).count()).toBe(1);

    // The audit log shows what happened, newest first.
    await sections.getByRole('link', { name: 'Audit log' }).click();
    await page.waitForURL(/\/audit$/);
    const log = page.getByRole('table', { name: 'Recorded actions' });
    await log.waitFor();
    const actions = await log.locator('tbody tr td:nth-child(3)').allTextContents();
    expect(actions).toEqual(['Role removed', 'Role given', 'Role given', 'Unit tree imported', 'Organisation added']);
    expect(await log.textContent()).toContain('bob@example.org: Unit viewer (HR)');
    await review(page, 'audit-en');

    // The users page lists accounts and adds one.
    await nav.getByRole('link', { name: 'Users' }).click();
    await page.waitForURL(/\/users$/);
    await page.getByLabel('Email address').fill('carol@example.org');
    await page.getByLabel('First password').fill('short');
    await page.getByRole('button', { name: 'Add account' }).click();
    expect(await page.getByLabel('First password').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('First password').fill('carols long password');
    await page.getByRole('button', { name: 'Add account' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'carol@example.org was added' }).count()).toBe(1);
    const accounts = page.getByRole('table', { name: 'Accounts' });
    expect(await accounts.locator('tbody tr').count()).toBe(3);
    await review(page, 'users-en');

    // When the session ends under the page, the next request sends the person to sign in, and back afterwards.
    await context.clearCookies();
    await page.goto(organisationUrl);
    await page.waitForURL(/\/login\?next=/);
    await signIn(page, english, ADMIN.email, ADMIN.password);
    await page.waitForURL(organisationUrl);
    expect(await heading(page)).toBe('Acme Ltd');
    await context.clearCookies();
    await sections.getByRole('link', { name: 'Access' }).click();
    await page.waitForURL(/\/login\?next=%2Forganisations%2F[0-9a-f-]{36}%2Fgrants$/);
    expect(await page.getByText('Your session has ended. Sign in again to continue.').isVisible()).toBe(true);
    await signIn(page, english, ADMIN.email, ADMIN.password);
    await page.waitForURL(/\/grants$/);

    // Sign out: back to the sign-in page, and organisation pages need a session again.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login$/);
    await expect.poll(() => page.getByRole('banner').getByRole('link', { name: 'Sign in' }).count()).toBe(1);
    expect(await nav.getByRole('link', { name: 'Organisations' }).count()).toBe(0);
    await page.goto(organisationUrl);
    await page.waitForURL(/\/login\?next=/);
    await page.close();
    await context.close();
  });

  it('works in Dutch on a small screen: sign-in limits, line errors, and what a unit viewer sees', async () => {
    await createAccount('ineke@example.org', 'inekes lange wachtzin');
    const { context, page } = await newPage('nl-NL', 360);

    await page.goto(`${server.url}/login`);
    expect(await heading(page)).toBe('Inloggen');
    // Too many failures for one account: the wait is named, even for the right password.
    for (let attempt = 0; attempt < LOGIN_LIMIT; attempt++) {
      await signIn(page, dutch, 'ineke@example.org', 'verkeerd wachtwoord');
      await expect.poll(() => page.getByRole('alert').filter({ hasText: 'klopt niet' }).count()).toBe(1);
    }
    await signIn(page, dutch, 'ineke@example.org', 'inekes lange wachtzin');
    const limited = page.getByRole('alert').filter({ hasText: 'Te veel' });
    await expect.poll(() => limited.count()).toBe(1);
    expect(await limited.textContent()).toMatch(/Te veel mislukte inlogpogingen\. Probeer het over 1[45] minuten opnieuw\./);
    await review(page, 'login-limited-nl');

    await signIn(page, dutch, ADMIN.email, ADMIN.password);
    await page.waitForURL(/\/organisations$/);
    expect(await heading(page)).toBe('Organisaties');
    await page.getByLabel('Naam van de organisatie').fill('Gemeente Voorbeeld');
    await page.getByRole('button', { name: 'Organisatie toevoegen' }).click();
    await page.getByRole('list', { name: 'Jouw organisaties' }).getByRole('link', { name: 'Gemeente Voorbeeld' }).click();
    await page.waitForURL(/\/organisations\/[0-9a-f-]{36}$/);
    expect(await heading(page)).toBe('Gemeente Voorbeeld');

    // A loop and an empty code, in Dutch.
    const rows = page.getByLabel('Regels');
    await rows.fill(['code;name;parent_code', 'GEM;Gemeente;', 'A;Afdeling A;B', 'B;Afdeling B;A', ';Zonder code;GEM'].join('\n'));
    await page.getByRole('button', { name: 'Eenheden importeren' }).click();
    const problems = page.getByRole('table', { name: 'Problemen per regel' });
    await problems.waitFor();
    expect(await problems.locator('tbody tr').allTextContents()).toEqual([
      '3ADeze eenheid valt onder zichzelf: de bovenliggende codes vormen een kringetje.',
      '4BDeze eenheid valt onder zichzelf: de bovenliggende codes vormen een kringetje.',
      '5De code is leeg.',
    ]);
    await review(page, 'units-errors-nl');

    await rows.fill(['code;name;parent_code', 'GEM;Gemeente;', 'SD;Sociaal Domein;GEM', 'SD-J;Jeugd;SD', 'FIN;Financiën;GEM'].join('\n'));
    await page.getByRole('button', { name: 'Eenheden importeren' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'De indeling is geïmporteerd' }).count()).toBe(1);
    expect(await page.getByRole('list', { name: 'Indeling in eenheden' }).textContent()).toContain('Financiën');
    await review(page, 'units-nl');

    await page.getByRole('navigation', { name: 'Onderdelen van deze organisatie' }).getByRole('link', { name: 'Rechten' }).click();
    await page.waitForURL(/\/grants$/);
    await page.getByLabel('E-mailadres van het account').fill('bob@example.org');
    await page.getByLabel('Rol', { exact: true }).selectOption('unit_viewer');
    await page.getByRole('button', { name: 'Rol geven' }).click();
    expect(await page.getByText('Kies een eenheid.').isVisible()).toBe(true);
    expect(await page.getByLabel('Eenheid', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Eenheid', { exact: true }).selectOption({ label: '\u00a0\u00a0SD Sociaal Domein' });
    await page.getByRole('button', { name: 'Rol geven' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'heeft nu de rol Inzage in een eenheid' }).count()).toBe(1);
    await review(page, 'grants-nl');

    await page.getByRole('navigation', { name: 'Onderdelen van deze organisatie' }).getByRole('link', { name: 'Logboek' }).click();
    await page.getByRole('table', { name: 'Vastgelegde handelingen' }).waitFor();
    expect(await page.getByRole('table', { name: 'Vastgelegde handelingen' }).textContent()).toContain('Indeling geïmporteerd');
    await review(page, 'audit-nl');
    const organisationUrl = page.url().replace(/\/audit$/, '');

    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForURL(/\/login$/);

    // Bob, a unit viewer, sees only his part of the tree and none of the administration.
    await signIn(page, dutch, 'bob@example.org', 'bobs long password');
    await page.waitForURL(/\/organisations$/);
    const mine = page.getByRole('list', { name: 'Jouw organisaties' });
    await expect.poll(() => mine.getByRole('listitem').count()).toBe(2);
    expect(await mine.textContent()).toContain('Je rollen: Inzage in een eenheid');
    expect(await page.getByRole('button', { name: 'Organisatie toevoegen' }).count()).toBe(0);
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Gebruikers' }).count()).toBe(0);
    await review(page, 'organisations-viewer-nl');
    await page.goto(organisationUrl);
    const tree = page.getByRole('list', { name: 'Indeling in eenheden' });
    await tree.waitFor();
    expect(await tree.textContent()).toContain('Jeugd');
    expect(await tree.textContent()).not.toContain('Financiën');
    // Besides the units, a unit viewer sees only the measurements.
    expect(await page.getByRole('navigation', { name: 'Onderdelen van deze organisatie' }).getByRole('link').allTextContents()).toEqual([
      'Eenheden',
      'Metingen',
    ]);
    expect(await page.getByRole('button', { name: 'Eenheden importeren' }).count()).toBe(0);
    await review(page, 'units-viewer-nl');
    await page.goto(`${organisationUrl}/grants`);
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Je hebt hiervoor geen rechten.' }).count()).toBe(1);
    await page.close();
    await context.close();
  });
});
