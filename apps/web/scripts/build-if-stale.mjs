// Builds the web app when dist/ is missing or older than any source file, so `pnpm start` is quick after the first
// run and never serves a stale app.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const builtAt = existsSync(path.join(root, 'dist', 'index.html')) ? statSync(path.join(root, 'dist', 'index.html')).mtimeMs : 0;

function newest(target) {
  const info = statSync(target);
  if (!info.isDirectory()) return info.mtimeMs;
  let latest = info.mtimeMs;
  for (const entry of readdirSync(target)) latest = Math.max(latest, newest(path.join(target, entry)));
  return latest;
}

const sources = ['src', 'public', 'index.html', 'survey.html', 'vite.config.ts', 'package.json', '../../packages/instrument/src']
  .map((p) => path.join(root, p))
  .filter((p) => existsSync(p));
const sourceTime = Math.max(...sources.map(newest));

if (builtAt >= sourceTime) {
  console.log('web app is up to date');
} else {
  console.log('building the web app...');
  execSync('pnpm run build', { cwd: root, stdio: 'inherit' });
}
