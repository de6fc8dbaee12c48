import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const PGBIN = process.env.PGBIN ?? '/usr/lib/postgresql/15/bin';

export interface PostgresCluster {
  /** postgres:// URL of the `socialsafety` database on this cluster. */
  url: string;
  port: number;
  dataDir: string;
  /** Fast shutdown: open sessions are ended, as in a restart for maintenance. Resolves once it is down. */
  stop(): Promise<void>;
  /** Resolves once it accepts connections. */
  start(): Promise<void>;
  /** Stops the cluster and removes its folder. */
  destroy(): void;
}

export function postgresAvailable(): boolean {
  return existsSync(path.join(PGBIN, 'initdb'));
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A throwaway PostgreSQL 15 cluster, started the way .ci/run starts one. PostgreSQL refuses to run as root, so as
 * root its binaries run as the `postgres` user. `durable: false` turns fsync off (like CI); benchmarks of what a
 * production server can commit keep it on.
 */
export async function startPostgresCluster({ durable, settings: extra = [] }: { durable: boolean; settings?: string[] }): Promise<PostgresCluster> {
  const asRoot = process.getuid?.() === 0;
  const commandLine = (binary: string, args: string[]): [string, string[]] => {
    const command = path.join(PGBIN, binary);
    return asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  };
  const run = (binary: string, args: string[]) => execFileSync(...commandLine(binary, args), { stdio: ['ignore', 'ignore', 'pipe'] });
  // Scenarios stop and start the server while their load keeps running: that must not block the event loop.
  const runAsync = async (binary: string, args: string[]) => {
    await promisify(execFile)(...commandLine(binary, args));
  };
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'socialsafety-pg-'));
  if (asRoot) chownSync(dataDir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
  const port = await freePort();
  run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const settings = [`-p ${port}`, `-k ${dataDir}`, '-c listen_addresses=127.0.0.1', '-c max_connections=200'];
  if (!durable) settings.push('-c fsync=off', '-c synchronous_commit=off');
  for (const setting of extra) settings.push(`-c ${setting}`);
  const startArgs = ['-D', dataDir, '-l', path.join(dataDir, 'server.log'), '-w', '-t', '30', '-o', settings.join(' '), 'start'];
  const stopArgs = ['-D', dataDir, '-m', 'fast', '-w', 'stop'];
  run('pg_ctl', startArgs);
  run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'socialsafety']);
  let destroyed = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/socialsafety`,
    port,
    dataDir,
    stop: () => runAsync('pg_ctl', stopArgs),
    start: () => runAsync('pg_ctl', startArgs),
    destroy() {
      if (destroyed) return;
      destroyed = true;
      try {
        run('pg_ctl', stopArgs);
      } catch {
        // Already stopped (a scenario that stopped it failed half-way): the folder still has to go.
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
