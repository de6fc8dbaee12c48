import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../src/config';
import { readablePassword } from '../src/demo/demo-account';
import { askYesNo, demoDecision, demoSetting } from '../src/demo/first-run';
import { DemoOptionError, demoOptions, demoOrganisationName } from '../src/demo/options';
import { progressReporter } from '../src/demo/progress';
import { describeSignIn } from '../src/demo/summary';

describe('demo options', () => {
  it('take a number of employees or a size, a seed and a name, and say what is wrong with a bad one', () => {
    expect(demoOptions({})).toEqual({ employees: 1_000, seed: 1, name: 'Zorggroep Lindehof' });
    expect(demoOptions({ employees: 'small', seed: '42', name: '  Gemeente Rivierstad ' })).toEqual({
      employees: 250,
      seed: 42,
      name: 'Gemeente Rivierstad',
    });
    expect(demoOptions({ employees: 'LARGE' }).employees).toBe(5_000);
    expect(demoOptions({ employees: '20' }).employees).toBe(20);
    // "Demo — " is added once, whatever was typed.
    expect(demoOrganisationName(demoOptions({ name: 'Demo - Acme' }).name)).toBe('Demo — Acme');
    expect(() => demoOptions({ employees: '19' })).toThrow('--employees must be a whole number from 20 to 50000, or one of small, medium, large');
    expect(() => demoOptions({ employees: '1e3' })).toThrow(DemoOptionError);
    expect(() => demoOptions({ employees: 'huge' })).toThrow("(got 'huge')");
    expect(() => demoOptions({ seed: '-1' })).toThrow('--seed must be a whole number of 0 or more');
    expect(() => demoOptions({ name: '   ' })).toThrow('--name must not be empty');
    expect(() => demoOptions({ name: 'x'.repeat(151) })).toThrow('--name must be at most 150 characters');
  });
});

describe('first-run decision', () => {
  const embedded = { setting: undefined, database: 'embedded', dataDir: '/srv/.data/pglite', interactive: true } as const;

  it('asks on a terminal, loads without asking elsewhere, only on the embedded database kept in a folder', () => {
    expect(demoDecision(embedded)).toBe('ask');
    expect(demoDecision({ ...embedded, interactive: false })).toBe('load');
    expect(demoDecision({ ...embedded, database: 'postgres' })).toBe('skip');
    expect(demoDecision({ ...embedded, dataDir: 'memory://' })).toBe('skip');
  });

  it('follows SOCIALSAFETY_DEMO both ways, and refuses a value it does not know', () => {
    expect(demoDecision({ ...embedded, setting: 'no' })).toBe('skip');
    expect(demoDecision({ ...embedded, setting: 'yes', database: 'postgres', interactive: true })).toBe('load');
    expect(demoSetting({})).toBeUndefined();
    expect(demoSetting({ SOCIALSAFETY_DEMO: ' YES ' })).toBe('yes');
    expect(demoSetting({ SOCIALSAFETY_DEMO: 'no' })).toBe('no');
    expect(() => demoSetting({ SOCIALSAFETY_DEMO: 'maybe' })).toThrow(ConfigError);
    expect(() => demoSetting({ SOCIALSAFETY_DEMO: 'maybe' })).toThrow('Invalid environment variable SOCIALSAFETY_DEMO: use yes or no (got "maybe")');
  });

  it.each([
    ['\r', 'yes'],
    ['y\r', 'yes'],
    ['n\r', 'no'],
    ['nee\r', 'no'],
    ['\u0003', 'cancelled'],
  ])('reads %j at the question as %s', async (typed, expected) => {
    const stdin = Object.assign(new PassThrough(), { isTTY: true });
    const stderr = Object.assign(new PassThrough(), { isTTY: true });
    let shown = '';
    stderr.on('data', (chunk: Buffer) => (shown += chunk.toString()));
    const answer = askYesNo('Load a demo organisation with synthetic answers? [Y/n] ', { stdin, stderr });
    stdin.write(typed);
    await expect(answer).resolves.toBe(expected);
    expect(shown).toContain('Load a demo organisation with synthetic answers? [Y/n] ');
  });

  it('takes the end of input at the question as no', async () => {
    const stdin = Object.assign(new PassThrough(), { isTTY: true });
    const answer = askYesNo('Load? [Y/n] ', { stdin, stderr: Object.assign(new PassThrough(), { isTTY: true }) });
    stdin.end();
    await expect(answer).resolves.toBe('no');
  });
});

describe('progress', () => {
  const steps = [
    { kind: 'step', message: 'Measurement 2026' },
    ...[0, 250, 500, 750, 1000].map((done) => ({ kind: 'responses', done, total: 1000 }) as const),
    { kind: 'step', message: 'Closing' },
  ] as const;

  it('rewrites one line on a terminal', () => {
    let text = '';
    const reporter = progressReporter({ isTTY: true, write: (s: string) => (text += s) });
    steps.forEach((s) => reporter.report(s));
    expect(text).toBe(
      'Measurement 2026\n' +
        `\r  [${'-'.repeat(30)}]   0%  0 / 1000 responses` +
        `\r  [${'#'.repeat(8)}${'-'.repeat(22)}]  25%  250 / 1000 responses` +
        `\r  [${'#'.repeat(15)}${'-'.repeat(15)}]  50%  500 / 1000 responses` +
        `\r  [${'#'.repeat(23)}${'-'.repeat(7)}]  75%  750 / 1000 responses` +
        `\r  [${'#'.repeat(30)}] 100%  1000 / 1000 responses\n` +
        'Closing\n',
    );
  });

  it('writes plain lines, one per tenth, elsewhere', () => {
    let text = '';
    const reporter = progressReporter({ isTTY: false, write: (s: string) => (text += s) });
    steps.forEach((s) => reporter.report(s));
    reporter.report({ kind: 'responses', done: 1000, total: 1000 });
    expect(text).toBe(
      'Measurement 2026\n  0%  0 / 1000 responses\n  25%  250 / 1000 responses\n  50%  500 / 1000 responses\n' +
        '  75%  750 / 1000 responses\n  100%  1000 / 1000 responses\nClosing\n  100%  1000 / 1000 responses\n',
    );
  });
});

describe('demo sign-in', () => {
  it('makes readable passwords of about 99 bits that differ every time', () => {
    const passwords = Array.from({ length: 50 }, readablePassword);
    for (const p of passwords) expect(p).toMatch(/^[a-hjkmnp-z2-9]{5}(-[a-hjkmnp-z2-9]{5}){3}$/);
    expect(new Set(passwords).size).toBe(50);
  });

  it('says how to sign in, for a new, an earlier and a configured administrator', () => {
    expect(describeSignIn({ kind: 'created', email: 'demo@socialsafety.example', password: 'abcde-fghjk-mnpqr-stuvw' }, 'http://localhost:3000')[0]).toBe(
      'Sign in at http://localhost:3000 as demo@socialsafety.example with the password abcde-fghjk-mnpqr-stuvw',
    );
    expect(describeSignIn({ kind: 'existing', email: 'demo@socialsafety.example' }, 'http://x').join('\n')).toContain(
      'pnpm cli user password --email demo@socialsafety.example',
    );
    expect(describeSignIn({ kind: 'configured', email: 'ops@example.org' }, 'http://x')).toEqual([
      'Sign in at http://x as ops@example.org (ADMIN_EMAIL) with ADMIN_PASSWORD',
    ]);
  });
});

describe('server start-up', () => {
  it('refuses an unknown SOCIALSAFETY_DEMO with one line naming it', async () => {
    const apiRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
    const child = spawn(path.join(apiRoot, 'node_modules', '.bin', 'tsx'), ['src/server.ts'], {
      cwd: apiRoot,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: 'memory://', SOCIALSAFETY_DEMO: 'maybe' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(78);
    expect(stderr.trim()).toBe('socialsafety: Invalid environment variable SOCIALSAFETY_DEMO: use yes or no (got "maybe")');
  });
});
