/**
 * Counts failed sign-ins per key (an account's email, a client address) in fixed windows, in memory.
 *
 * In memory on purpose: it needs no table and no cleanup job, and it answers before any database work. With several
 * API processes behind a load balancer each keeps its own counts, so the effective limit is at most the limit times
 * the number of processes: still a hard bound on guessing. The clock is injected so tests need not wait.
 */
export interface LoginLimiter {
  /** Seconds until the key may try again, or 0 when it may try now. */
  retryAfter(key: string): number;
  /** Counts one failure against the key. */
  fail(key: string): void;
  /** Forgets the key's failures (after a successful sign-in of that account). */
  reset(key: string): void;
}

interface Window {
  failures: number;
  resetsAt: number;
}

/** More keys than this and the oldest are dropped: an attacker rotating addresses cannot exhaust memory. */
const MAX_KEYS = 100_000;

export function loginLimiter(limitFor: (key: string) => number, windowMs: number, now: () => number): LoginLimiter {
  const windows = new Map<string, Window>();

  function current(key: string): Window | undefined {
    const window = windows.get(key);
    if (window && window.resetsAt <= now()) {
      windows.delete(key);
      return undefined;
    }
    return window;
  }

  return {
    retryAfter(key) {
      const window = current(key);
      if (!window || window.failures < limitFor(key)) return 0;
      return Math.max(1, Math.ceil((window.resetsAt - now()) / 1000));
    },
    fail(key) {
      const window = current(key);
      if (window) {
        window.failures += 1;
        return;
      }
      if (windows.size >= MAX_KEYS) {
        const oldest = windows.keys().next();
        if (!oldest.done) windows.delete(oldest.value);
      }
      windows.set(key, { failures: 1, resetsAt: now() + windowMs });
    },
    reset(key) {
      windows.delete(key);
    },
  };
}
