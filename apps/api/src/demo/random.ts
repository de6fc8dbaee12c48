/**
 * Seeded random numbers for the demo data: the same seed gives the same organisation and the same answers on every
 * machine and Node version (no Math.random, no floating-point state outside this file).
 *
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 128 bits of state, passes PractRand) seeded by a
 * 128-bit string hash. `fork(label)` derives an independent stream from the seed and a label, so that one part of the
 * demo (a team, a wave) draws the same numbers whatever happens elsewhere: adding a team does not reshuffle the answers
 * of every other team.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Standard normal (Box-Muller). */
  normal(): number;
  /** Uniform whole number in [min, max]. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** One of the values, chosen with probability proportional to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** Successes in n trials of probability p. */
  binomial(n: number, p: number): number;
  /** An independent stream for a named part. */
  fork(label: string): Random;
}

/** cyrb128: four 32-bit hashes of a string, the seed of sfc32. */
function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

export function seededRandom(seed: string | number): Random {
  const key = String(seed);
  let [a, b, c, d] = hash128(key);
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // The first outputs of sfc32 still show the seed: skip them, as its author recommends.
  for (let i = 0; i < 12; i++) next();

  const random: Random = {
    next,
    normal() {
      // 1 - next() is in (0, 1]: the logarithm stays finite.
      return Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
    },
    int(min, max) {
      return min + Math.floor(next() * (max - min + 1));
    },
    chance(p) {
      return next() < p;
    },
    pick(items) {
      if (items.length === 0) throw new Error('pick requires at least one item');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    weighted(entries) {
      const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
      if (!(total > 0)) throw new Error('weighted requires a positive total weight');
      let left = next() * total;
      for (const [value, weight] of entries) {
        left -= weight;
        if (left < 0) return value;
      }
      return entries[entries.length - 1]![0];
    },
    binomial(n, p) {
      let successes = 0;
      for (let i = 0; i < n; i++) if (next() < p) successes++;
      return successes;
    },
    fork(label) {
      return seededRandom(`${key}/${label}`);
    },
  };
  return random;
}
