import fc from 'fast-check';
import type { DemographicCounts, DisclosureInput, DisclosureUnit } from '../types';

/*
 * Random organisations for property tests: forests of random shape and depth, counts mixing zeros, tiny units (1-4)
 * and large ones, random k and k_sensitive, and random demographic distributions (with unanswered respondents).
 * Test support only: not exported from the package.
 */

/** mulberry32: seeded, so a failing case replays exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Splits `count` over `parts` buckets with random weights (some buckets often empty). */
function split(count: number, parts: number, random: () => number): number[] {
  const weights = Array.from({ length: parts }, () => (random() < 0.3 ? 0 : random()));
  const sum = weights.reduce((a, b) => a + b, 0);
  const result = new Array<number>(parts).fill(0);
  for (let i = 0; i < count; i++) {
    let u = random() * (sum === 0 ? parts : sum);
    let bucket = 0;
    while (bucket < parts - 1 && (u -= sum === 0 ? 1 : (weights[bucket] as number)) >= 0) bucket++;
    result[bucket] = (result[bucket] as number) + 1;
  }
  return result;
}

const countArbitrary = fc.oneof(
  { arbitrary: fc.constant(0), weight: 3 },
  { arbitrary: fc.integer({ min: 1, max: 4 }), weight: 3 },
  { arbitrary: fc.integer({ min: 5, max: 30 }), weight: 4 },
  { arbitrary: fc.integer({ min: 31, max: 150 }), weight: 1 },
);

/** Mostly units of 10-80, so that demographic cuts exist at several levels and have to be reconciled. */
const largeCountArbitrary = fc.oneof(
  { arbitrary: fc.constant(0), weight: 1 },
  { arbitrary: fc.integer({ min: 1, max: 4 }), weight: 1 },
  { arbitrary: fc.integer({ min: 10, max: 80 }), weight: 6 },
);

export interface OrganisationShape {
  readonly maxUnits: number;
  readonly maxDemographics: number;
  /** Favour large units (more and deeper demographic cuts). */
  readonly large?: boolean;
}

export function organisationArbitrary(shape: OrganisationShape = { maxUnits: 40, maxDemographics: 3 }) {
  return fc
    .record({
      // parent choice per unit: small values pick a recent unit (deep chains), the value i itself makes a root
      parents: fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: shape.maxUnits }),
      deep: fc.boolean(),
      counts: fc.array(shape.large === true ? largeCountArbitrary : countArbitrary, {
        minLength: shape.maxUnits,
        maxLength: shape.maxUnits,
      }),
      k: fc.oneof(fc.integer({ min: 5, max: 8 }), fc.integer({ min: 5, max: 50 })),
      extra: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 20 })),
      demographics: fc.array(
        fc.record({ categories: fc.integer({ min: 1, max: 6 }), seed: fc.nat(), unanswered: fc.boolean() }),
        { maxLength: shape.maxDemographics },
      ),
    })
    .map(({ parents, deep, counts, k, extra, demographics }): DisclosureInput => {
      const units: DisclosureUnit[] = parents.map((choice, i) => {
        if (i === 0) return { id: 'u0', parentId: null };
        const parent = deep ? i - 1 - (choice % Math.min(i, 3)) : choice % (i + 1);
        return { id: `u${i}`, parentId: parent === i ? null : `u${parent}` };
      });
      const responseCounts = Object.fromEntries(units.map((unit, i) => [unit.id, counts[i] ?? 0]));
      const demographicCounts = demographics.map((spec, d): DemographicCounts => {
        const random = seededRandom(spec.seed);
        const categories = Array.from({ length: spec.categories }, (_, c) =>
          c === spec.categories - 1 && c > 0 ? 'prefer not to say' : `c${c}`,
        );
        const table: Record<string, Record<string, number>> = {};
        for (const unit of units) {
          const direct = responseCounts[unit.id] ?? 0;
          const parts = split(direct, categories.length + (spec.unanswered ? 1 : 0), random);
          table[unit.id] = Object.fromEntries(categories.map((category, c) => [category, parts[c] ?? 0]));
        }
        return { id: `d${d}`, categories, counts: table };
      });
      return { units, responseCounts, demographics: demographicCounts, k, kSensitive: k + extra };
    });
}

/** The same organisation with every list and every record's keys in a different order. */
export function shuffled(input: DisclosureInput, seed: number): DisclosureInput {
  const random = seededRandom(seed);
  const shuffle = <T>(list: readonly T[]): T[] => {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  };
  const shuffleRecord = <T>(record: Readonly<Record<string, T>>): Record<string, T> =>
    Object.fromEntries(shuffle(Object.entries(record)));
  return {
    ...input,
    units: shuffle(input.units),
    responseCounts: shuffleRecord(input.responseCounts),
    demographics: shuffle(input.demographics).map((demographic) => ({
      ...demographic,
      counts: Object.fromEntries(
        shuffle(Object.entries(demographic.counts)).map(([unit, row]) => [unit, shuffleRecord(row)]),
      ),
    })),
  };
}
