/** Waits between attempts: short at first, then every 30 seconds for as long as the page is open. */
export function retryDelayMs(attempt: number, retryAfterSeconds?: number): number {
  if (retryAfterSeconds !== undefined) return retryAfterSeconds * 1000;
  return Math.min(2000 * 2 ** attempt, 30_000);
}

/**
 * Runs `task` again after a delay, or at once when the browser says the connection is back. One pending retry at a
 * time; `cancel` stops it (the answers were sent, or the page moved on).
 */
export class RetryTimer {
  #timer: ReturnType<typeof setTimeout> | undefined;
  #online: (() => void) | undefined;

  schedule(delayMs: number, task: () => void): void {
    this.cancel();
    const run = () => {
      this.cancel();
      task();
    };
    this.#timer = setTimeout(run, delayMs);
    this.#online = run;
    addEventListener('online', run);
  }

  get pending(): boolean {
    return this.#timer !== undefined;
  }

  cancel(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    if (this.#online) removeEventListener('online', this.#online);
    this.#timer = undefined;
    this.#online = undefined;
  }
}
