/**
 * The measurement that personal links were lately for, offered as a guess while the last few of them agree.
 *
 * A personal link is used once, so there is nothing to keep about the link itself; but when a measurement is being
 * answered, nearly every personal link that arrives is one of its own. Guessing its measurement lets a submission be
 * checked against that measurement's questionnaire and go straight to the statement that stores it, which looks the
 * link up in that measurement and stores nothing when it is not there (the caller then reads the link as usual).
 *
 * It offers a guess only after `streak` links in a row were for one measurement, and stops at the first that was
 * not, so that several measurements answered at once mostly go the usual way instead of guessing wrong. A guess is
 * offered for `ttlMs` after the last link that confirmed it.
 */
export class RecentMeasurement<T> {
  private current: { key: string; value: T; streak: number; until: number } | undefined;

  constructor(
    private readonly ttlMs: number,
    private readonly streak: number,
  ) {}

  /** The guess, if the last `streak` links agreed and the last of them came less than `ttlMs` ago. */
  get(now: number): T | undefined {
    const current = this.current;
    if (current === undefined || current.streak < this.streak || current.until <= now) return undefined;
    return current.value;
  }

  /** A personal link turned out to be for measurement `key` (read, or confirmed by a stored submission). */
  seen(key: string, value: T, now: number): void {
    const current = this.current;
    if (current !== undefined && current.key === key && current.until > now) {
      current.streak += 1;
      current.until = now + this.ttlMs;
    } else {
      this.current = { key, value, streak: 1, until: now + this.ttlMs };
    }
  }

  /** A guess that did not hold: no guess until `streak` links agree again. */
  missed(): void {
    if (this.current !== undefined) this.current.streak = 0;
  }
}
