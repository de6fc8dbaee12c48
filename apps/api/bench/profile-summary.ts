import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Where the API's time went in a benchmark run with PROFILE=1: the self time of a V8 CPU profile (.cpuprofile),
 * summed per function and per package, heaviest first.
 * `pnpm --filter @socialsafety/api exec tsx bench/profile-summary.ts <folder with .cpuprofile files>`
 */
interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const folder = process.argv[2] ?? '.';
// The loader's worker thread writes a profile of its own; the server's main thread writes the largest one.
const file = readdirSync(folder)
  .filter((f) => f.endsWith('.cpuprofile'))
  .map((f) => path.join(folder, f))
  .sort((a, b) => statSync(b).size - statSync(a).size)[0];
if (!file) throw new Error(`no .cpuprofile in ${folder}`);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);

const packageOf = (url: string) => {
  if (!url) return '(native / V8)';
  const pnpm = /node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pnpm) return pnpm[1]!;
  const workspace = /\/(apps|packages)\/([^/]+)\//.exec(url);
  if (workspace) return `${workspace[1]}/${workspace[2]}`;
  return url.startsWith('node:') ? 'node core' : url;
};
const sum = (key: (n: Node) => string) => {
  const totals = new Map<string, number>();
  for (const [id, us] of self) {
    const node = byId.get(id)!;
    totals.set(key(node), (totals.get(key(node)) ?? 0) + us);
  }
  return [...totals].sort((a, b) => b[1] - a[1]);
};
const print = (title: string, rows: [string, number][], limit: number) => {
  process.stdout.write(`\n${title}\n`);
  for (const [name, us] of rows.slice(0, limit)) process.stdout.write(`${((100 * us) / total).toFixed(1).padStart(5)}%  ${name}\n`);
};
process.stdout.write(`${file}: ${(total / 1e6).toFixed(1)} s sampled\n`);
print('by package', sum((n) => packageOf(n.callFrame.url)), 15);
print('by function', sum((n) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber}`), 30);
