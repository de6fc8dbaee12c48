import { accountStore, AccountError, passwordProblem } from '@socialsafety/auth';
import { parseArgs, usage, UsageError, type Command } from './args';
import { openDatabase } from './database';
import { readPassword } from './prompt';

/** `pnpm cli …`: operator commands that work without a running server. */
async function run(command: Exclude<Command, { kind: 'help' | 'demo' }>): Promise<string> {
  const password = await readPassword();
  const problem = passwordProblem(password);
  if (problem) throw new Error(`the password ${problem}`);
  const { db, close } = await openDatabase();
  try {
    const store = accountStore(db);
    if (command.kind === 'user-create') {
      const account = await store.create({
        email: command.email,
        password,
        platformAdmin: command.platformAdmin,
        createdBy: null,
        via: 'cli',
      });
      return `created ${account.isPlatformAdmin ? 'platform administrator' : 'account'} ${account.email} (${account.id})`;
    }
    await store.setPassword(command.email, password, null, 'cli');
    return `new password set for ${command.email}; its sessions have ended`;
  } finally {
    await close();
  }
}

async function main(): Promise<number> {
  let command: Command;
  try {
    command = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`socialsafety: ${error.message}\n\n${usage}\n`);
    return 64; // EX_USAGE
  }
  if (command.kind === 'help') {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  try {
    // Loaded only for this command: it brings in the whole API, which the account commands do not need.
    if (command.kind === 'demo') await (await import('./demo')).demo(command);
    else process.stdout.write(`${await run(command)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`socialsafety: ${error.message}\n\n${usage}\n`);
      return 64; // EX_USAGE
    }
    const message = error instanceof AccountError || error instanceof Error ? error.message : String(error);
    process.stderr.write(`socialsafety: ${message}\n`);
    return 1;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`socialsafety: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
