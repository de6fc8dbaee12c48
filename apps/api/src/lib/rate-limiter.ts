/**
 * Counts events per key (failed sign-ins per account or address, survey requests per address) in fixed windows, in
 * memory.
 *
 * In memory on purpose: it needs no table and no cleanup job, and it answers before any database work. With several
 * API processes behind a load balancer each keeps its own counts, so the effective limit is at most the limit times
 * the number of processes: still a hard bound. The clock is injected so tests need not wait.
 */
export interface RateLimiter {
  /** Seconds until the key may try again, or 0 when it may go ahead now. */
  retryAfter(key: string): number;
  /** Counts one event against the key. */
  hit(key: string): void;
  /** Forgets the key's events (after a successful sign-in of that account). */
  reset(key: string): void;
}

interface Window {
  events: number;
  resetsAt: number;
}

/** More keys than this and the oldest are dropped: an attacker rotating addresses cannot exhaust memory. */
const MAX_KEYS = 100_000;

export function rateLimiter(limitFor: (key: string) => number, windowMs: number, now: () => number): RateLimiter {
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
      if (!window || window.events < limitFor(key)) return 0;
      return Math.max(1, Math.ceil((window.resetsAt - now()) / 1000));
    },
    hit(key) {
      const window = current(key);
      if (window) {
        window.events += 1;
        return;
      }
      if (windows.size >= MAX_KEYS) {
        const oldest = windows.keys().next();
        if (!oldest.done) windows.delete(oldest.value);
      }
      windows.set(key, { events: 1, resetsAt: now() + windowMs });
    },
    reset(key) {
      windows.delete(key);
    },
  };
}
