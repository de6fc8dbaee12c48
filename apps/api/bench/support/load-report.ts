import type { Result } from 'autocannon';
import os from 'node:os';

export interface Row {
  label: string;
  result: Result;
  /** CPU milliseconds per request of the server process and of PostgreSQL (all its processes), when measured. */
  cpu?: { server: number; database: number };
}

/** Requests that did not get a 2xx: socket errors, timeouts and error statuses alike. */
export const failures = (r: Result) => r.errors + r.timeouts + r.non2xx;

/** One line per run, aligned, for a terminal and for pasting into docs/performance.md. */
export function table(rows: Row[], reference: Result): string {
  const header = ['run', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'requests', 'non-2xx + errors', 'vs baseline', 'CPU ms/req: server', 'PostgreSQL'];
  const lines = rows.map(({ label, result, cpu }) => [
    label,
    result.requests.average.toFixed(0),
    result.latency.p50.toFixed(1),
    result.latency.p99.toFixed(1),
    result.latency.max.toFixed(0),
    String(result.requests.total),
    String(failures(result)),
    (result.requests.average / reference.requests.average).toFixed(2),
    cpu ? cpu.server.toFixed(2) : '-',
    cpu ? cpu.database.toFixed(2) : '-',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [format(header), `|${widths.map((w, i) => (i === 0 ? '-' : '').padEnd(w + 1, '-') + (i === 0 ? '-' : ':')).join('|')}|`, ...lines.map(format)].join('\n');
}

export function machine(): string {
  const cpu = os.cpus();
  return `${cpu.length} x ${cpu[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

export const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
