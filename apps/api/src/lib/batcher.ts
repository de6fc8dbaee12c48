/**
 * Coalesces concurrent work of one kind into batches, without waiting on a timer: while `lanes` batches of a group
 * are running, newcomers of that group queue, and each batch that ends sends what has queued since as the next one.
 * Alone, an item goes at once as a batch of one, so an idle server answers as fast as without batching; under load
 * the number of round trips (and transactions) grows with the number of batches, not of items.
 *
 * Items that must not share a batch (the same key twice: the same submission sent twice at once, say) stay queued
 * for a later batch, in their order. A failed batch rejects every item in it; the caller decides what that means.
 */
export interface BatcherOptions<Item, Result> {
  /** Which items may share a batch: only items of one group do. */
  group: (item: Item) => string;
  /** Keys an item holds in its batch; an item holding a key taken in the batch being filled waits for the next. */
  keys: (item: Item) => readonly string[];
  /** Runs one batch; returns one result per item, in the items' order. */
  run: (items: readonly Item[]) => Promise<readonly Result[]>;
  /** Batches of one group running at once. */
  lanes: number;
  /** Items in one batch at most. */
  maxItems: number;
  /** An item still queued after this long leaves the queue, rejected with `expired()` (unset: it waits its turn). */
  maxWaitMs?: number;
  expired?: () => unknown;
}

interface Waiting<Item, Result> {
  item: Item;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
  timer?: NodeJS.Timeout;
}

interface Group<Item, Result> {
  running: number;
  queue: Waiting<Item, Result>[];
}

export class Batcher<Item, Result> {
  readonly #options: BatcherOptions<Item, Result>;
  readonly #groups = new Map<string, Group<Item, Result>>();
  #sizes = { batches: 0, items: 0, largest: 0 };

  constructor(options: BatcherOptions<Item, Result>) {
    if (!(options.lanes >= 1) || !(options.maxItems >= 1)) throw new RangeError('a batcher needs at least one lane and one item per batch');
    this.#options = options;
  }

  submit(item: Item): Promise<Result> {
    const name = this.#options.group(item);
    let group = this.#groups.get(name);
    if (group === undefined) {
      group = { running: 0, queue: [] };
      this.#groups.set(name, group);
    }
    const waiting = new Promise<Result>((resolve, reject) => {
      const entry: Waiting<Item, Result> = { item, resolve, reject };
      const { maxWaitMs } = this.#options;
      if (maxWaitMs !== undefined) entry.timer = setTimeout(() => this.#expire(name, group, entry), maxWaitMs);
      group.queue.push(entry);
    });
    this.#drain(name, group);
    return waiting;
  }

  /** Groups with a batch running or items waiting; an idle group is forgotten. */
  get activeGroups(): number {
    return this.#groups.size;
  }

  /** Batches sent and items in them since the start: how much coalescing happened (for tests and benchmarks). */
  get sizes(): { batches: number; items: number; largest: number } {
    return { ...this.#sizes };
  }

  /** Called when an item's wait is over: if it is still queued (not yet sent), it leaves with an error. */
  #expire(name: string, group: Group<Item, Result>, entry: Waiting<Item, Result>): void {
    const at = group.queue.indexOf(entry);
    if (at === -1) return;
    group.queue.splice(at, 1);
    entry.reject(this.#options.expired?.() ?? new Error('waited too long for a batch'));
    if (group.running === 0 && group.queue.length === 0) this.#groups.delete(name);
  }

  #drain(name: string, group: Group<Item, Result>): void {
    while (group.running < this.#options.lanes && group.queue.length > 0) {
      const batch = this.#take(group);
      group.running += 1;
      this.#sizes = {
        batches: this.#sizes.batches + 1,
        items: this.#sizes.items + batch.length,
        largest: Math.max(this.#sizes.largest, batch.length),
      };
      void this.#send(batch).finally(() => {
        group.running -= 1;
        if (group.running === 0 && group.queue.length === 0) this.#groups.delete(name);
        else this.#drain(name, group);
      });
    }
  }

  /** The first queued item and every later one that fits, up to maxItems; the rest stay in order. */
  #take(group: Group<Item, Result>): Waiting<Item, Result>[] {
    const taken: Waiting<Item, Result>[] = [];
    const left: Waiting<Item, Result>[] = [];
    const held = new Set<string>();
    for (const waiting of group.queue) {
      if (taken.length === this.#options.maxItems) {
        left.push(waiting);
        continue;
      }
      const keys = this.#options.keys(waiting.item);
      if (keys.every((key) => !held.has(key))) {
        for (const key of keys) held.add(key);
        clearTimeout(waiting.timer);
        taken.push(waiting);
      } else {
        left.push(waiting);
      }
    }
    group.queue = left;
    return taken;
  }

  async #send(batch: Waiting<Item, Result>[]): Promise<void> {
    try {
      const results = await this.#options.run(batch.map((waiting) => waiting.item));
      if (results.length !== batch.length) throw new Error(`a batch of ${batch.length} came back with ${results.length} results`);
      batch.forEach((waiting, i) => waiting.resolve(results[i]!));
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    }
  }
}
