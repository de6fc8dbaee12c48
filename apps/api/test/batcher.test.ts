import { describe, expect, it } from 'vitest';
import { Batcher } from '../src/lib/batcher';

/** A run whose batches stay open until the test ends them, so that what queues meanwhile can be seen. */
function controlledRun() {
  const batches: { items: string[]; finish: (results?: string[]) => void; fail: (error: Error) => void }[] = [];
  const run = (items: readonly string[]) =>
    new Promise<readonly string[]>((resolve, reject) => {
      batches.push({ items: [...items], finish: (results) => resolve(results ?? items.map((i) => `done ${i}`)), fail: reject });
    });
  return { batches, run };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));
const plain = { group: () => 'g', keys: (item: string) => [item] };

describe('Batcher', () => {
  it('sends a lone item at once, as a batch of one', async () => {
    const { batches, run } = controlledRun();
    const batcher = new Batcher({ ...plain, run, lanes: 1, maxItems: 10 });
    const result = batcher.submit('a');
    expect(batches.map((b) => b.items)).toEqual([['a']]);
    batches[0]!.finish();
    expect(await result).toBe('done a');
    expect(batcher.sizes).toEqual({ batches: 1, items: 1, largest: 1 });
  });

  it('gathers what arrives while a batch runs into the next one, in arrival order', async () => {
    const { batches, run } = controlledRun();
    const batcher = new Batcher({ ...plain, run, lanes: 1, maxItems: 10 });
    const results = ['a', 'b', 'c', 'd'].map((item) => batcher.submit(item));
    expect(batches.map((b) => b.items)).toEqual([['a']]);
    batches[0]!.finish();
    await tick();
    expect(batches.map((b) => b.items)).toEqual([['a'], ['b', 'c', 'd']]);
    batches[1]!.finish(['x', 'y', 'z']);
    expect(await Promise.all(results)).toEqual(['done a', 'x', 'y', 'z']);
    expect(batcher.sizes).toEqual({ batches: 2, items: 4, largest: 3 });
  });

  it('runs as many batches of one group at once as it has lanes', async () => {
    const { batches, run } = controlledRun();
    const batcher = new Batcher({ ...plain, run, lanes: 2, maxItems: 10 });
    const results = ['a', 'b', 'c', 'd'].map((item) => batcher.submit(item));
    expect(batches.map((b) => b.items)).toEqual([['a'], ['b']]);
    batches[1]!.finish();
    await tick();
    expect(batches.map((b) => b.items)).toEqual([['a'], ['b'], ['c', 'd']]);
    batches[0]!.finish();
    batches[2]!.finish();
    expect(await Promise.all(results)).toEqual(['done a', 'done b', 'done c', 'done d']);
  });

  it('never puts two items with one key in a batch: the later one waits for the next batch', async () => {
    const { batches, run } = controlledRun();
    const batcher = new Batcher({ group: () => 'g', keys: (item: string) => [item.slice(0, 1)], run, lanes: 1, maxItems: 10 });
    const results = ['a1', 'b1', 'a2', 'c1', 'a3', 'b2'].map((item) => batcher.submit(item));
    batches[0]!.finish();
    await tick();
    batches[1]!.finish();
    await tick();
    batches[2]!.finish();
    await tick();
    expect(batches.map((b) => b.items)).toEqual([['a1'], ['b1', 'a2', 'c1'], ['a3', 'b2']]);
    expect(await Promise.all(results)).toHaveLength(6);
  });

  it('keeps groups apart, each with its own lanes', async () => {
    const { batches, run } = controlledRun();
    const batcher = new Batcher({ group: (item: string) => item.slice(0, 1), keys: (item: string) => [item], run, lanes: 1, maxItems: 10 });
    const results = ['x1', 'y1', 'x2', 'y2', 'x3'].map((item) => batcher.submit(item));
    expect(batches.map((b) => b.items)).toEqual([['x1'], ['y1']]);
    expect(batcher.activeGroups).toBe(2);
    batches[0]!.finish();
    batches[1]!.finish();
    await tick();
    expect(batches.map((b) => b.items)).toEqual([['x1'], ['y1'], ['x2', 'x3'], ['y2']]);
    batches[2]!.finish();
    batches[3]!.finish();
    expect(await Promise.all(results)).toEqual(['done x1', 'done y1', 'done x2', 'done y2', 'done x3']);
    await tick();
    // Nothing is kept of a group once it is idle (groups are measurements: there is no end to them).
    expect(batcher.activeGroups).toBe(0);
  });

  it('takes at most maxItems into a batch and leaves the rest queued in order', async () => {
    const { batches, run } = controlledRun();
    const batcher = new Batcher({ ...plain, run, lanes: 1, maxItems: 2 });
    const results = ['a', 'b', 'c', 'd', 'e'].map((item) => batcher.submit(item));
    for (let i = 0; i < 3; i += 1) {
      batches[i]!.finish();
      await tick();
    }
    expect(batches.map((b) => b.items)).toEqual([['a'], ['b', 'c'], ['d', 'e']]);
    expect(await Promise.all(results)).toHaveLength(5);
    expect(batcher.sizes.largest).toBe(2);
  });

  it('rejects every item of a failed batch, and goes on with the next one', async () => {
    const { batches, run } = controlledRun();
    const batcher = new Batcher({ ...plain, run, lanes: 1, maxItems: 10 });
    const a = batcher.submit('a');
    const failed = Promise.allSettled(['b', 'c', 'd'].map((item) => batcher.submit(item)));
    batches[0]!.finish();
    await tick();
    batches[1]!.fail(new Error('connection lost'));
    const outcomes = await failed;
    expect(outcomes.map((o) => (o.status === 'rejected' ? (o.reason as Error).message : o.value))).toEqual(Array(3).fill('connection lost'));
    const e = batcher.submit('e');
    expect(batches.map((x) => x.items)).toEqual([['a'], ['b', 'c', 'd'], ['e']]);
    batches[2]!.finish();
    expect(await a).toBe('done a');
    expect(await e).toBe('done e');
  });

  it('rejects a batch whose run answers for a different number of items', async () => {
    const { batches, run } = controlledRun();
    const batcher = new Batcher({ ...plain, run, lanes: 1, maxItems: 10 });
    const a = batcher.submit('a');
    batches[0]!.finish([]);
    await expect(a).rejects.toThrow('a batch of 1 came back with 0 results');
  });

  it('lets a queued item wait no longer than maxWaitMs, and never expires one already sent', async () => {
    const { batches, run } = controlledRun();
    const batcher = new Batcher({ ...plain, run, lanes: 1, maxItems: 10, maxWaitMs: 30, expired: () => new Error('busy') });
    const a = batcher.submit('a');
    const b = batcher.submit('b');
    await expect(b).rejects.toThrow('busy');
    expect(batches.map((x) => x.items)).toEqual([['a']]);
    const c = batcher.submit('c');
    batches[0]!.finish();
    expect(await a).toBe('done a');
    await tick();
    expect(batches.map((x) => x.items)).toEqual([['a'], ['c']]);
    await new Promise((resolve) => setTimeout(resolve, 60));
    batches[1]!.finish();
    expect(await c).toBe('done c');
    await tick();
    expect(batcher.activeGroups).toBe(0);
  });

  it('refuses a batcher without lanes or room for an item', () => {
    const run = async (items: readonly string[]) => items;
    expect(() => new Batcher({ ...plain, run, lanes: 0, maxItems: 1 })).toThrow(RangeError);
    expect(() => new Batcher({ ...plain, run, lanes: 1, maxItems: 0 })).toThrow(RangeError);
  });
});
