/**
 * What a submission needs to know about an open link (its measurement's questionnaire, languages and demographics),
 * kept for a few seconds: one open link can carry a whole unit's submissions within minutes, and reading it again
 * for each was a third of a submission's database round trips.
 *
 * Only used where it cannot change an outcome: what it holds is frozen once a measurement opens (version, languages,
 * demographics), and the statement that stores a response checks the link and the measurement again itself. Bounded:
 * at most `capacity` links, the oldest dropped first.
 */
export class OpenLinkCache<T> {
  private readonly entries = new Map<string, { value: T; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly capacity: number,
  ) {}

  get(key: string, now: number): T | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.until > now) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, value: T, now: number): void {
    this.entries.delete(key);
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { value, until: now + this.ttlMs });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
