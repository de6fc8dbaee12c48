import { buildApp } from '../app';
import { loadConfig } from '../config';
import { ensureDemoSignIn } from './demo-account';
import { loadDemo } from './load';
import type { DemoOptions } from './options';
import { progressReporter, type ProgressOutput } from './progress';
import { describeDemo, describeSignIn } from './summary';

/**
 * `pnpm cli demo`: the application built without listening, on the database the server uses (DATABASE_URL, or the
 * embedded one in DATA_DIR), the demo loaded through it, a summary on stdout and the progress on stderr.
 * Throws ConfigError for a bad environment, and whatever stopped the load.
 */
export async function runDemoCommand(options: DemoOptions, io: { env: NodeJS.ProcessEnv; stdout: ProgressOutput; stderr: ProgressOutput }): Promise<void> {
  const config = loadConfig(io.env);
  const app = await buildApp({ config, logger: false });
  try {
    await app.ready();
    const progress = progressReporter(io.stderr);
    const summary = await loadDemo(app, config, options, progress.report).finally(progress.finish);
    const signIn = await ensureDemoSignIn(app.db, config.bootstrapAdmin, summary.organisationId);
    const where = `${config.publicUrl} (once the server runs: pnpm start)`;
    io.stdout.write(`${[...describeDemo(summary), ...describeSignIn(signIn, where)].join('\n')}\n`);
  } finally {
    await app.close();
  }
}
