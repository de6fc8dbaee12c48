import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '@socialsafety/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/database';
import { parseArgs } from '../src/args';

const cliRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsx = path.join(cliRoot, 'node_modules', '.bin', 'tsx');

let database: TestDatabase;
let env: Record<string, string>;
const dataDir = mkdtempSync(path.join(tmpdir(), 'socialsafety-cli-'));

/** Runs the command as an operator would, with the password piped in on standard input. */
function cli(args: string[], stdin: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(tsx, ['src/main.ts', ...args], { cwd: cliRoot, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  child.stdin.end(stdin);
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

beforeAll(async () => {
  database = await createTestDatabase();
  env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : { DATA_DIR: dataDir }),
  };
});
afterAll(async () => {
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('pnpm cli user create', () => {
  it('creates a platform administrator on a fresh database, with an argon2id hash and an audit event', async () => {
    const run = await cli(['user', 'create', '--email', 'Operator@Example.test', '--platform-admin'], 'operator-password-42\n');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^created platform administrator operator@example\.test \([0-9a-f-]{36}\)\n$/);
    expect(run.stdout + run.stderr).not.toContain('operator-password-42');

    const again = await cli(['user', 'create', '--email', 'operator@example.test'], 'operator-password-42\n');
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('socialsafety: There is already an account for operator@example.test\n');

    const reset = await cli(['user', 'password', '--email', 'operator@example.test'], 'another-password-43\n');
    expect(reset.stdout).toBe('new password set for operator@example.test; its sessions have ended\n');

    const { db, close } = await openDatabase(env);
    try {
      const user = await db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
      expect(user).toMatchObject({ email: 'operator@example.test', is_platform_admin: true });
      expect(user.password_hash).toMatch(/^\$argon2id\$/);
      const events = await db.selectFrom('audit_events').select(['action', 'details']).orderBy('id').execute();
      expect(events).toEqual([
        { action: 'user.create', details: { platformAdmin: true, via: 'cli' } },
        { action: 'user.password_change', details: { via: 'cli' } },
      ]);
    } finally {
      await close();
    }
  });

  it('refuses a short password and a bad command line, with a usage message', async () => {
    const weak = await cli(['user', 'create', '--email', 'weak@example.test'], 'short\n');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toBe('socialsafety: the password must be at least 12 characters\n');
    const bad = await cli(['user', 'create'], '');
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain('--email <address> is required');
  });
});

describe('pnpm cli demo', () => {
  it('loads a demo organisation with a progress report on stderr and a summary with the sign-in on stdout', async () => {
    const run = await cli(['demo', '--employees', '40', '--seed', '2', '--name', 'Test'], '');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('DEMO DATA: synthetic answers of invented employees');
    expect(run.stdout).toContain('Organisation  Demo — Test: 40 employees');
    expect(run.stdout).toMatch(/Sign in at http:\/\/localhost:3000 \(once the server runs: pnpm start\) as demo@socialsafety\.example with the password [a-z2-9-]{23}\n/);
    // Not a terminal here: plain progress lines, no carriage returns.
    expect(run.stderr).toMatch(/^ {2}100% {2}\d+ \/ \d+ responses$/m);
    expect(run.stderr).not.toContain('\r');

    const { db, close } = await openDatabase(env);
    try {
      const organisation = await db.selectFrom('organisations').select('id').where('name', '=', 'Demo — Test').executeTakeFirstOrThrow();
      const measurements = await db.selectFrom('measurements').select('status').where('organisation_id', '=', organisation.id).execute();
      expect(measurements.map((m) => m.status)).toEqual(['closed', 'closed']);
    } finally {
      await close();
    }
  });

  it('refuses a bad option before touching the database, with the usage', async () => {
    const run = await cli(['demo', '--employees', '5'], '');
    expect(run.code).toBe(64);
    expect(run.stderr).toContain('socialsafety: --employees must be a whole number from 20 to 50000, or one of small, medium, large');
    expect(run.stderr).toContain('usage: pnpm cli <command>');
  });
});

describe('parseArgs', () => {
  it('reads the demo command and its options, as typed', () => {
    expect(parseArgs(['demo'])).toEqual({ kind: 'demo' });
    expect(parseArgs(['--', 'demo', '--employees', 'small', '--seed=7', '--name', 'Gemeente Rivierstad'])).toEqual({
      kind: 'demo',
      employees: 'small',
      seed: '7',
      name: 'Gemeente Rivierstad',
    });
    expect(() => parseArgs(['demo', '--seed'])).toThrow('--seed needs a value');
    expect(() => parseArgs(['demo', '--email', 'a@b.nl'])).toThrow("unknown option '--email'");
  });

  it('reads the commands and their options', () => {
    expect(parseArgs(['user', 'create', '--email=a@b.nl', '--platform-admin'])).toEqual({ kind: 'user-create', email: 'a@b.nl', platformAdmin: true });
    expect(parseArgs(['--', 'user', 'password', '--email', 'a@b.nl'])).toEqual({ kind: 'user-password', email: 'a@b.nl' });
    expect(parseArgs([])).toEqual({ kind: 'help' });
    expect(() => parseArgs(['user', 'password', '--email', 'a@b.nl', '--platform-admin'])).toThrow("unknown option '--platform-admin'");
  });
});
