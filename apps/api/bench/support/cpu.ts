import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * CPU time spent by processes, from /proc (Linux): far steadier than throughput on a shared machine, so the cost of a
 * request can be compared between runs. Clock ticks are 10 ms; a 15 s run spends thousands of them.
 */
const TICK_SECONDS = 0.01;

interface Stat {
  ppid: number;
  /** user + system time of the process itself, and of its children already reaped, in seconds. */
  own: number;
  reaped: number;
}

function stat(pid: number): Stat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined; // Gone meanwhile.
  }
  // The command name is in parentheses and may hold spaces: fields are counted after its closing one.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const at = (field: number) => Number(fields[field - 3]);
  return { ppid: at(4), own: (at(14) + at(15)) * TICK_SECONDS, reaped: (at(16) + at(17)) * TICK_SECONDS };
}

/** CPU seconds of one process (its threads included). */
export function processCpu(pid: number): number {
  return stat(pid)?.own ?? 0;
}

/** CPU seconds of a process and all its direct children, living or reaped: a PostgreSQL server and its backends. */
export function familyCpu(pid: number): number {
  const parent = stat(pid);
  if (!parent) return 0;
  let total = parent.own + parent.reaped;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const child = stat(Number(entry));
    if (child?.ppid === pid) total += child.own;
  }
  return total;
}

/** The postmaster's process id, from the data folder. */
export function postmasterPid(dataDir: string): number {
  return Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
}
