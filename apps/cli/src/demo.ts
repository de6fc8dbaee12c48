// The one import of the API by the command line: the demo is written through the application's own services (as the
// issue asks), and only the API has them. Everything else the command line needs comes from packages (auth, db).
import { DemoOptionError, demoOptions, runDemoCommand } from '@socialsafety/api/demo';
import { UsageError, type Command } from './args';

/**
 * `pnpm cli demo`: checks the options first (a bad one is a usage error, before the database is opened), then loads
 * the demo with a progress bar on stderr and the summary on stdout.
 */
export async function demo(command: Extract<Command, { kind: 'demo' }>): Promise<void> {
  let options;
  try {
    options = demoOptions(command);
  } catch (error) {
    if (error instanceof DemoOptionError) throw new UsageError(error.message);
    throw error;
  }
  await runDemoCommand(options, { env: process.env, stdout: process.stdout, stderr: process.stderr });
}
