import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const apiRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const BENCH_ADMIN = { email: 'bench-admin@example.test', password: 'bench-admin-password-0123' };

export interface ServerProcess {
  url: string;
  pid: number;
  /** Sends the signal and resolves when the process has exited. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

/**
 * Runs a TypeScript entry point as its own node process (tsx as a loader inside it, so that signals reach the server
 * itself and V8 flags such as --cpu-prof apply to it) and
 * resolves once `GET {readyPath}` answers 200. Its output goes to `logFile`, so a failure can be read afterwards.
 */
export async function startServerProcess(options: {
  script: string;
  port: number;
  env: Record<string, string>;
  logFile: string;
  readyPath?: string;
  nodeArgs?: string[];
}): Promise<ServerProcess> {
  const url = `http://127.0.0.1:${options.port}`;
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', options.script], {
    cwd: apiRoot,
    env: { ...process.env, ...options.env, HOST: '127.0.0.1', PORT: String(options.port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (gone) throw new Error(`${options.script} exited while starting; see ${options.logFile}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.script} did not become ready in 120 s; see ${options.logFile}`);
    }
    try {
      const res = await fetch(url + (options.readyPath ?? '/health'), { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) break;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    pid: child.pid!,
    async kill(signal) {
      if (!gone) child.kill(signal);
      await exited;
    },
  };
}

/** The API as production runs it (`tsx src/server.ts`: the same code and loader), on the given database. */
export function startApi(options: { port: number; databaseUrl: string; logFile: string; env?: Record<string, string>; nodeArgs?: string[] }) {
  return startServerProcess({
    script: 'src/server.ts',
    ...(options.nodeArgs ? { nodeArgs: options.nodeArgs } : {}),
    port: options.port,
    logFile: options.logFile,
    env: {
      NODE_ENV: 'production',
      DATABASE_URL: options.databaseUrl,
      LOG_LEVEL: 'info',
      ADMIN_EMAIL: BENCH_ADMIN.email,
      ADMIN_PASSWORD: BENCH_ADMIN.password,
      // One load generator sends everything from one address: the per-address limit would stop it at once.
      SURVEY_LIMIT_PER_MINUTE: '1000000',
      WEB_DIST: path.join(apiRoot, 'test', 'fixtures', 'web'),
      ...options.env,
    },
  });
}
