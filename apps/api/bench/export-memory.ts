import { conditionHolds, findResponseScale, itemsInOrder, socialSafety_1_0_0, type Answers } from '@socialsafety/instrument';
import { createTestDatabase } from '@socialsafety/testkit';
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, closeSync, createWriteStream, existsSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { seededRandom } from '../src/demo/random';

/**
 * Issue 9's target: the research export of 1,000,000 responses with the API process's peak RSS below 300 MB.
 *
 * The bench builds a measurement through the API (organisation, 200-unit tree, three demographics, open), writes the
 * responses straight into `responses` in batches (as the survey service would store them; follow-ups answered where
 * they are shown), and closes it in SQL (the export does not read the published result set, and computing it for a
 * million responses is another benchmark). Then a separate API process serves the export over real HTTP while this
 * process downloads it to a temporary file: the peak RSS measured is the API process's alone (process.resourceUsage's
 * maxRSS and the highest process.memoryUsage().rss sampled every 50 ms). The database is PostgreSQL: DATABASE_URL, or a
 * throwaway PostgreSQL 15 cluster started here (the embedded PGlite holds its data in the API's own memory, which
 * would be measured too).
 *
 * `pnpm --filter @socialsafety/api exec tsx bench/export-memory.ts [responses=100000] [qi]`, e.g. `1000000`.
 */

const here = fileURLToPath(import.meta.url);
const admin = { email: 'bench@example.test', password: 'bench-password-123' };

/** The API process under measurement. */
async function serve() {
  const config = loadConfig({ LOG_LEVEL: 'silent', HOST: '127.0.0.1', PORT: '0', DATABASE_URL: process.env.DATABASE_URL! });
  let peak = 0;
  let atPeak: NodeJS.MemoryUsage | null = null;
  const sample = setInterval(() => {
    const usage = process.memoryUsage();
    if (usage.rss > peak) [peak, atPeak] = [usage.rss, usage];
  }, 50);
  const app = await buildApp({ config, logger: false, migrate: false });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  const ready = process.memoryUsage().rss;
  process.stdout.write(`${JSON.stringify({ address })}\n`);
  process.once('SIGTERM', () => {
    clearInterval(sample);
    const report = { readyRss: ready, peakRss: peak, maxRss: process.resourceUsage().maxRSS * 1024, atPeak };
    process.stdout.write(`${JSON.stringify(report)}\n`);
    void app.close().then(() => process.exit(0));
  });
}


const items = itemsInOrder(socialSafety_1_0_0);
const optionsOf = (item: (typeof items)[number]) =>
  'responseScaleId' in item ? findResponseScale(socialSafety_1_0_0, item.responseScaleId)!.options.map((o) => o.value) : item.type === 'free-text' ? [] : item.options.map((o) => o.value);
const options = new Map(items.map((item) => [item.id, optionsOf(item)]));

/** Every shown item answered (free text left out), behaviour "never" 85% of the time, follow-ups where shown. */
function answers(rng: () => number, effect: number): Answers {
  const out: Record<string, Answers[string]> = {};
  for (const item of items) {
    if (item.type === 'free-text') continue;
    if (item.condition && !conditionHolds(item.condition, out[item.condition.itemId])) continue;
    const values = options.get(item.id)!;
    if (item.type === 'multiple-choice') out[item.id] = [values[Math.floor(rng() * (values.length - 1))]!];
    else if (item.type === 'single-choice') out[item.id] = values[Math.floor(rng() * values.length)]!;
    else if (item.type === 'frequency' && item.behaviour) out[item.id] = rng() < 0.85 ? 0 : 1 + Math.floor(rng() * (values.length - 1));
    else out[item.id] = values[Math.min(values.length - 1, Math.max(0, Math.round((rng() + effect) * (values.length - 1))))]!;
  }
  return out;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A throwaway PostgreSQL 15 cluster (fsync off), as docs/stack.md starts one; as root its binaries run as postgres. */
async function postgresCluster(): Promise<{ url: string; destroy: () => void }> {
  const bin = process.env.PGBIN ?? '/usr/lib/postgresql/15/bin';
  if (!existsSync(path.join(bin, 'initdb'))) throw new Error('set DATABASE_URL, or install PostgreSQL 15 (apt-get install -y postgresql)');
  const asRoot = process.getuid?.() === 0;
  const run = (binary: string, args: string[]) =>
    execFileSync(asRoot ? 'runuser' : path.join(bin, binary), asRoot ? ['-u', 'postgres', '--', path.join(bin, binary), ...args] : args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'export-bench-pg-'));
  if (asRoot) chownSync(dataDir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
  const port = await freePort();
  run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const settings = `-p ${port} -k ${dataDir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off`;
  run('pg_ctl', ['-D', dataDir, '-l', path.join(dataDir, 'server.log'), '-w', '-t', '30', '-o', settings, 'start']);
  run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'socialsafety']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/socialsafety`,
    destroy: () => {
      try {
        run('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

/** Reads one small entry of a zip on disk through its central directory (a check that the download is a whole zip). */
function zipEntry(file: string, wanted: string): { names: string[]; text: string | null } {
  const size = statSync(file).size;
  const fd = openSync(file, 'r');
  try {
    const read = (at: number, length: number) => {
      const buffer = Buffer.alloc(length);
      readSync(fd, buffer, 0, length, at);
      return buffer;
    };
    const tail = read(Math.max(0, size - 65_557), Math.min(size, 65_557));
    const end = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (end < 0) throw new Error('the download is not a complete zip');
    const entries = tail.readUInt16LE(end + 10);
    const directory = read(tail.readUInt32LE(end + 16), tail.readUInt32LE(end + 12));
    const names: string[] = [];
    let text: string | null = null;
    for (let e = 0, at = 0; e < entries; e++) {
      const nameLength = directory.readUInt16LE(at + 28);
      const name = directory.toString('utf8', at + 46, at + 46 + nameLength);
      names.push(name);
      if (name === wanted) {
        const local = directory.readUInt32LE(at + 42);
        const header = read(local, 30);
        const data = read(local + 30 + header.readUInt16LE(26) + header.readUInt16LE(28), directory.readUInt32LE(at + 20));
        text = inflateRawSync(data).toString('utf8');
      }
      at += 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
    }
    return { names, text };
  } finally {
    closeSync(fd);
  }
}

async function main() {
  const RESPONSES = Number(process.argv[2] ?? 100_000);
  const QI = process.argv[3];
  const cluster = process.env.DATABASE_URL ? null : await postgresCluster();
  const database = cluster ? null : await createTestDatabase();
  const url = cluster?.url ?? database!.databaseUrl!;
  const work = mkdtempSync(path.join(os.tmpdir(), 'export-bench-'));
  try {
    const config = loadConfig({ LOG_LEVEL: 'silent', ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, DATABASE_URL: url });
    const app = await buildApp({ config, logger: false });
    let id: string;
    try {
      const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: admin });
      const cookie = `socialsafety_session=${login.cookies.find((c) => c.name === 'socialsafety_session')?.value}`;
      const headers = { cookie, 'x-csrf-token': login.json().csrfToken as string };
      const org = (await app.inject({ method: 'POST', url: '/api/v1/organisations', headers, payload: { name: 'Bench' } })).json().id as string;
      await app.inject({ method: 'POST', url: `/api/v1/organisations/${org}/grants`, headers, payload: { email: admin.email, role: 'researcher' } });
      const lines = ['code;name;parent_code', 'ORG;Organisation;'];
      for (let d = 0; d < 9; d++) lines.push(`D${d};Division ${d};ORG`);
      for (let t = 0; t < 190; t++) lines.push(`T${t};Team ${t};D${t % 9}`);
      await app.inject({ method: 'PUT', url: `/api/v1/organisations/${org}/units`, headers: { ...headers, 'content-type': 'text/csv' }, payload: lines.join('\n') });
      const today = new Date().toISOString().slice(0, 10);
      const later = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
      const created = await app.inject({
        method: 'POST',
        url: `/api/v1/organisations/${org}/measurements`,
        headers,
        payload: { title: 'Bench', questionnaire: { key: 'social-safety', version: '1.0.0' }, opensAt: today, closesAt: later, demographics: ['age_band', 'tenure_band', 'gender'] },
      });
      id = created.json().id as string;
      await app.inject({ method: 'POST', url: `/api/v1/measurements/${id}/open`, headers });
      const teams = (await app.db.selectFrom('measurement_units').select(['id', 'code']).where('measurement_id', '=', id).execute()).filter((u) => u.code.startsWith('T'));
      const version = await app.db.selectFrom('measurements').select('questionnaire_version_id').where('id', '=', id).executeTakeFirstOrThrow();
      const source = seededRandom(42);
      const rng = () => source.next();
      const effects = teams.map(() => (rng() - 0.5) * 0.4);
      const weights = teams.map(() => rng() ** 3);
      const total = weights.reduce((a, b) => a + b, 0);
      const started = performance.now();
      for (let written = 0; written < RESPONSES; ) {
        const batch = [];
        for (let i = 0; i < 1000 && written < RESPONSES; i++, written++) {
          let pick = rng() * total;
          let team = 0;
          while (team < teams.length - 1 && (pick -= weights[team]!) > 0) team++;
          batch.push({
            measurement_id: id,
            measurement_unit_id: teams[team]!.id,
            questionnaire_version_id: version.questionnaire_version_id,
            language: rng() < 0.05 ? 'en' : 'nl',
            answers: JSON.stringify(answers(rng, effects[team]!)),
            demographics: JSON.stringify({ age_band: 1 + Math.floor(rng() * 4), tenure_band: 1 + Math.floor(rng() * 4), gender: 1 + Math.floor(rng() * 3) }),
            submission_hash: Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('hex'),
            submitted_on: today,
          });
        }
        await app.db.insertInto('responses').values(batch).execute();
      }
      await app.db.updateTable('measurements').set({ status: 'closed', closed_at: new Date() }).where('id', '=', id).execute();
      process.stdout.write(`${RESPONSES} responses written in ${((performance.now() - started) / 1000).toFixed(1)} s (PostgreSQL)\n`);
    } finally {
      await app.close();
    }

    // The API under measurement, in its own process.
    const child = spawn(process.execPath, ['--import', 'tsx', here, '--serve'], { cwd: path.resolve(path.dirname(here), '..'), env: { ...process.env, DATABASE_URL: url }, stdio: ['ignore', 'pipe', 'inherit'] });
    const messages: string[] = [];
    let buffered = '';
    const next = () =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const poll = setInterval(() => {
          const line = messages.shift();
          if (line !== undefined) {
            clearInterval(poll);
            resolve(JSON.parse(line) as Record<string, unknown>);
          } else if (child.exitCode !== null) {
            clearInterval(poll);
            reject(new Error(`the API process exited (${child.exitCode})`));
          }
        }, 20);
      });
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const parts = buffered.split('\n');
      buffered = parts.pop()!;
      messages.push(...parts.filter((p) => p.startsWith('{')));
    });
    const { address } = (await next()) as { address: string };
    const login = await fetch(`${address}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(admin) });
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const zipFile = path.join(work, 'export.zip');
    const started = performance.now();
    const res = await fetch(`${address}/api/v1/measurements/${id}/export${QI === undefined ? '' : `?qi=${QI}`}`, { headers: { cookie } });
    if (res.status !== 200 || res.body === null) throw new Error(`export: ${res.status} ${await res.text()}`);
    const firstByte = performance.now() - started;
    await pipeline(Readable.fromWeb(res.body as WebReadableStream), createWriteStream(zipFile));
    const seconds = (performance.now() - started) / 1000;
    child.kill('SIGTERM');
    const memory = (await next()) as { readyRss: number; peakRss: number; maxRss: number; atPeak: NodeJS.MemoryUsage | null };
    const { names, text } = zipEntry(zipFile, 'disclosure-report.json');
    const report = JSON.parse(text ?? '{}') as { recordsReleased: number; recordsSuppressed: number; informationLoss: number; verification: { ok: boolean }; quasiIdentifiers: { name: string; level: number }[] };
    const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(0)} MB`;
    process.stdout.write(
      `export of ${RESPONSES} responses (qi ${QI ?? 'all'}): ${seconds.toFixed(1)} s (first byte after ${(firstByte / 1000).toFixed(1)} s, the first pass), ` +
        `zip ${mb(statSync(zipFile).size)} with ${names.join(', ')}\n` +
        `  released ${report.recordsReleased}, suppressed ${report.recordsSuppressed}, information loss ${report.informationLoss}, ` +
        `levels ${report.quasiIdentifiers.map((q) => `${q.name}:${q.level}`).join(' ')}, written-file check ${report.verification.ok ? 'passed' : 'FAILED'}\n` +
        `  API process RSS: ${mb(memory.readyRss)} when ready, peak ${mb(memory.peakRss)} sampled, maxRSS ${mb(memory.maxRss)} (target < 300 MB)\n` +
        `  at the peak: heap ${mb(memory.atPeak?.heapUsed ?? 0)} used of ${mb(memory.atPeak?.heapTotal ?? 0)}, external ${mb(memory.atPeak?.external ?? 0)}, array buffers ${mb(memory.atPeak?.arrayBuffers ?? 0)}\n`,
    );
    process.stdout.write(`machine: ${os.cpus().length} cores ${os.cpus()[0]?.model ?? ''}, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}, node ${process.version}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
    await database?.drop();
    cluster?.destroy();
  }
}

// Last, so that every constant above is initialised before either mode runs.
if (process.argv[2] === '--serve') await serve();
else await main();
