import { DuckDBInstance } from '@duckdb/node-api';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

/**
 * A reference for the limit of this machine: DuckDB (a vectorised, multi-threaded columnar engine) doing the
 * aggregation part of results at close on data of the same shape as packages/scoring/bench/results.bench.ts —
 * responses on the 1,000 leaves of a 4-level tree (1 + 10 + 100 + 1,000 units), 80 items on a 1-5 scale, 3
 * demographics of 5 categories — computing n, mean and sd of every item for every unit's subtree and every
 * (unit, demographic category) cell: 16 grouping sets. Only the query is timed (the table is made by DuckDB itself,
 * from its own random numbers, before the clock starts). It does NO scoring rules, no disclosure control and no
 * audit, so it bounds from below what the product's close could cost; it is not a competitor.
 * Each size runs in its own process so that peak RSS (getrusage) is that size's.
 * `pnpm --filter @socialsafety/api exec tsx bench/duckdb-reference.ts [1m]`
 */
const ITEMS = 80;

async function run(size: number) {
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  const items = Array.from({ length: ITEMS }, (_, i) => `(1 + floor(random() * 5))::TINYINT AS i${i}`).join(', ');
  await db.run(
    `CREATE TABLE r AS SELECT leaf // 100 AS a1, leaf // 10 AS a2, leaf AS a3, d1, d2, d3, ${items}
     FROM (SELECT floor(random() * 1000)::INT AS leaf, floor(random() * 5)::TINYINT AS d1, floor(random() * 5)::TINYINT AS d2,
                  floor(random() * 5)::TINYINT AS d3 FROM range(${size}))`,
  );
  const aggregates = Array.from({ length: ITEMS }, (_, i) => `count(i${i}), avg(i${i}), stddev_samp(i${i})`).join(', ');
  const sets = ['()', '(a1)', '(a2)', '(a3)'].flatMap((level) => {
    const inner = level === '()' ? '' : level.slice(1, -1);
    return [level, ...['d1', 'd2', 'd3'].map((d) => `(${inner ? `${inner}, ` : ''}${d})`)];
  });
  const started = performance.now();
  const result = await db.runAndReadAll(`SELECT a1, a2, a3, d1, d2, d3, count(*) AS n, ${aggregates} FROM r GROUP BY GROUPING SETS (${sets.join(', ')})`);
  const seconds = (performance.now() - started) / 1000;
  const rows = result.getRows().length;
  db.closeSync();
  instance.closeSync();
  return { seconds, rows, peakMb: Math.round(process.resourceUsage().maxRSS / 1024) };
}

if (process.argv[2] === '--size') {
  const figures = await run(Number(process.argv[3]));
  process.stdout.write(JSON.stringify(figures));
} else {
  const sizes = [10_000, 100_000, ...(process.argv.includes('1m') ? [1_000_000] : [])];
  process.stdout.write(`DuckDB reference: ${ITEMS} items, 1,111-unit tree, 3 demographics, 16 grouping sets (${os.cpus().length} cores, node ${process.version})\n`);
  for (const size of sizes) {
    const load = os.loadavg()[0]!.toFixed(2);
    const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--size', String(size)], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(child.stderr);
    const f = JSON.parse(child.stdout) as { seconds: number; rows: number; peakMb: number };
    process.stdout.write(`${size.toLocaleString('en').padStart(9)} responses: ${f.seconds.toFixed(2)} s, ${f.rows} groups, peak RSS ${f.peakMb} MB (load ${load})\n`);
  }
}
