/** A command line, parsed: `user create --email a@b.nl --platform-admin`, `demo --employees 500`. */
export type Command =
  | { kind: 'user-create'; email: string; platformAdmin: boolean }
  | { kind: 'user-password'; email: string }
  /** Values as typed: the demo itself checks them (sizes, seeds and names are its business). */
  | { kind: 'demo'; employees?: string; seed?: string; name?: string }
  | { kind: 'help' };

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const usage = `usage: pnpm cli <command>

  user create --email <address> [--platform-admin]
        create an account; the password is asked for (without echo), or read
        from the first line of standard input when that is not a terminal
  user password --email <address>
        set a new password for an account and end all of its sessions
  demo [--employees <N|small|medium|large>] [--seed <N>] [--name <text>]
        load a demo organisation with synthetic answers (default: medium,
        1000 employees; seed 1), named "Demo — <text>", with two measurements
        a year apart, and make a demo administrator to sign in with

The database is the one the API uses: DATABASE_URL, or the embedded database in
DATA_DIR (default ./.data/pglite). Stop the server first when it runs on the
embedded database: only one process may use its folder.`;

/** Reads `--name value` and `--name=value`; undefined when `arg` is another option. */
function optionValue(name: string, arg: string, next: () => string | undefined): string | undefined {
  if (arg === name) {
    const value = next();
    if (value === undefined) throw new UsageError(`${name} needs a value`);
    return value;
  }
  return arg.startsWith(`${name}=`) ? arg.slice(name.length + 1) : undefined;
}

function parseDemo(rest: readonly string[]): Command {
  const command: Extract<Command, { kind: 'demo' }> = { kind: 'demo' };
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i]!;
    const next = () => rest[++i];
    const employees = optionValue('--employees', arg, next);
    if (employees !== undefined) {
      command.employees = employees;
      continue;
    }
    const seed = optionValue('--seed', arg, next);
    if (seed !== undefined) {
      command.seed = seed;
      continue;
    }
    const name = optionValue('--name', arg, next);
    if (name !== undefined) {
      command.name = name;
      continue;
    }
    throw new UsageError(`unknown option '${arg}'`);
  }
  return command;
}

export function parseArgs(argv: readonly string[]): Command {
  const args = argv.filter((a) => a !== '--');
  if (args.length === 0 || args.includes('--help') || args.includes('-h') || args[0] === 'help') return { kind: 'help' };
  if (args[0] === 'demo') return parseDemo(args.slice(1));
  const [group, action, ...rest] = args;
  let email: string | undefined;
  let platformAdmin = false;
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i]!;
    if (arg === '--email') email = rest[++i];
    else if (arg.startsWith('--email=')) email = arg.slice('--email='.length);
    else if (arg === '--platform-admin' && action === 'create') platformAdmin = true;
    else throw new UsageError(`unknown option '${arg}'`);
  }
  if (group !== 'user' || (action !== 'create' && action !== 'password')) {
    throw new UsageError(`unknown command '${[group, action].filter(Boolean).join(' ')}'`);
  }
  if (!email) throw new UsageError('--email <address> is required');
  return action === 'create' ? { kind: 'user-create', email, platformAdmin } : { kind: 'user-password', email };
}
