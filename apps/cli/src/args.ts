/** A command line, parsed: `user create --email a@b.nl --platform-admin`. */
export type Command =
  | { kind: 'user-create'; email: string; platformAdmin: boolean }
  | { kind: 'user-password'; email: string }
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

The database is the one the API uses: DATABASE_URL, or the embedded database in
DATA_DIR (default ./.data/pglite). Stop the server first when it runs on the
embedded database: only one process may use its folder.`;

export function parseArgs(argv: readonly string[]): Command {
  const args = argv.filter((a) => a !== '--');
  if (args.length === 0 || args.includes('--help') || args.includes('-h') || args[0] === 'help') return { kind: 'help' };
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
