import { createInterface } from 'node:readline';
import type { App } from '../app';
import { ConfigError, type AppConfig } from '../config';
import { ensureDemoSignIn } from './demo-account';
import { demoRows } from './demo-rows';
import { loadDemo } from './load';
import { DEFAULT_DEMO_OPTIONS, type DemoOptions } from './options';
import { progressReporter, type ProgressOutput } from './progress';
import { describeDemo, describeSignIn } from './summary';

/** SOCIALSAFETY_DEMO: `yes` loads the demo into any empty database, `no` never offers it; unset: see demoDecision. */
export type DemoSetting = 'yes' | 'no' | undefined;

export function demoSetting(env: NodeJS.ProcessEnv): DemoSetting {
  const value = env.SOCIALSAFETY_DEMO?.trim().toLowerCase();
  if (value === undefined || value === '') return undefined;
  if (value === 'yes' || value === 'no') return value;
  throw new ConfigError(`Invalid environment variable SOCIALSAFETY_DEMO: use yes or no (got "${env.SOCIALSAFETY_DEMO}")`);
}

/**
 * Whether start-up offers the demo, before looking at the data: only a newcomer's first `pnpm start` is asked. That
 * is the embedded database kept in a folder; a PostgreSQL database is someone's real installation, and an in-memory
 * one (`DATA_DIR=memory://`, tests) keeps nothing to look at later. SOCIALSAFETY_DEMO overrides both ways.
 * Either way the demo only goes into a database without organisations (checked next, one cheap query).
 */
export function demoDecision(input: {
  setting: DemoSetting;
  database: 'embedded' | 'postgres';
  dataDir: string;
  interactive: boolean;
}): 'skip' | 'ask' | 'load' {
  if (input.setting === 'no') return 'skip';
  if (input.setting === 'yes') return 'load';
  if (input.database !== 'embedded' || input.dataDir.startsWith('memory://')) return 'skip';
  return input.interactive ? 'ask' : 'load';
}

export interface FirstRunIO {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean | undefined };
  stderr: ProgressOutput & NodeJS.WritableStream;
}

export type FirstRunOutcome =
  | { kind: 'none' }
  /** Ctrl-C at the question: the person wants to stop, not to start without a demo. */
  | { kind: 'cancelled' }
  /** What to print once the server listens at `url`. */
  | { kind: 'loaded'; lines: (url: string) => string[] };

/**
 * Asks a yes/no question on the terminal, yes by default (Enter). Ctrl-C cancels; the end of input (Ctrl-D) counts
 * as no: nothing is loaded that nobody agreed to.
 */
export function askYesNo(question: string, io: FirstRunIO): Promise<'yes' | 'no' | 'cancelled'> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: io.stdin, output: io.stderr, terminal: true });
    let settled = false;
    const settle = (answer: 'yes' | 'no' | 'cancelled') => {
      if (settled) return;
      settled = true;
      rl.close();
      resolve(answer);
    };
    rl.on('SIGINT', () => {
      io.stderr.write('\n');
      settle('cancelled');
    });
    rl.on('close', () => settle('no'));
    rl.question(question, (answer) => settle(['', 'y', 'yes', 'j', 'ja'].includes(answer.trim().toLowerCase()) ? 'yes' : 'no'));
  });
}

/**
 * The first-run offer of `pnpm start`: on an empty embedded database, load a demo organisation with synthetic answers
 * (asked on a terminal, default yes; loaded without asking otherwise). A failure to load is reported and the server
 * starts anyway: the demo is a convenience, never a reason not to start.
 */
export async function firstRunDemo(
  app: App,
  config: AppConfig,
  setting: DemoSetting,
  io: FirstRunIO,
  options: DemoOptions = DEFAULT_DEMO_OPTIONS,
): Promise<FirstRunOutcome> {
  const interactive = Boolean(io.stdin.isTTY && io.stderr.isTTY);
  const decision = demoDecision({ setting, database: app.database.kind, dataDir: config.dataDir, interactive });
  if (decision === 'skip' || (await demoRows(app.db).hasOrganisations())) return { kind: 'none' };

  if (decision === 'ask') {
    const answer = await askYesNo('Load a demo organisation with synthetic answers? [Y/n] ', io);
    if (answer === 'cancelled') return { kind: 'cancelled' };
    if (answer === 'no') {
      io.stderr.write('No demo loaded. Load one later with `pnpm cli demo` (server stopped); SOCIALSAFETY_DEMO=no stops this question.\n');
      return { kind: 'none' };
    }
  }

  io.stderr.write('Loading a demo organisation with synthetic answers (usually seconds, up to a minute on a slow machine)...\n');
  const progress = progressReporter(io.stderr);
  try {
    const summary = await loadDemo(app, config, options, progress.report);
    progress.finish();
    const signIn = await ensureDemoSignIn(app.db, config.bootstrapAdmin, summary.organisationId);
    return { kind: 'loaded', lines: (url) => ['', ...describeDemo(summary), ...describeSignIn(signIn, url), ''] };
  } catch (error) {
    progress.finish();
    app.log.error({ err: error }, 'demo data could not be loaded');
    io.stderr.write(
      `The demo could not be loaded (${error instanceof Error ? error.message : String(error)}); starting without it. ` +
        'Any part already loaded is named "Demo — ..."; `pnpm cli demo` loads a complete one.\n',
    );
    return { kind: 'none' };
  }
}
