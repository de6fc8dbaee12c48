import { behaviourSlots } from './behaviour-slots';
import type { ScoringPlan } from './scoring-plan';
import type { RespondentScores } from './types';

// Records are cut from shared buffers of this many records: an ArrayBuffer per respondent is an off-heap
// allocation plus a finaliser for the garbage collector, which made allocation the second-largest cost of scoring.
const RECORDS_PER_SLAB = 256;

/** Bytes of one record, a multiple of 8 so that the Float64 views of the next record stay aligned. */
function recordBytes(plan: ScoringPlan): number {
  const float64Bytes = (2 * plan.scales.length + plan.demographicIds.length) * 8;
  const bytes = float64Bytes + plan.itemIds.length * 4 + behaviourSlots.size;
  return Math.ceil(bytes / 8) * 8;
}

/**
 * An empty RespondentScores for a plan: every number NaN, every indicator -1. Its arrays are views on a buffer
 * shared with up to 255 other records of the same plan, so a record keeps that buffer (about 1 KB per record of the
 * built-in questionnaire) alive; copy the arrays (`slice()`) to keep a few records from many.
 *
 * Cost: O(items + scales + behaviour slots).
 */
export function allocateScores(plan: ScoringPlan): RespondentScores {
  const bytes = recordBytes(plan);
  const slab = plan.scratchSlab;
  if (slab.buffer === null || slab.offset + bytes > slab.buffer.byteLength) {
    slab.buffer = new ArrayBuffer(bytes * RECORDS_PER_SLAB);
    slab.offset = 0;
  }
  const buffer = slab.buffer;
  const base = slab.offset;
  slab.offset += bytes;

  const scaleCount = plan.scales.length;
  const demographicCount = plan.demographicIds.length;
  const itemCount = plan.itemIds.length;
  // Float64 parts first, so that every view starts on a multiple of its element size.
  const itemsAt = base + (2 * scaleCount + demographicCount) * 8;
  const scores: RespondentScores = {
    scales: new Float64Array(buffer, base, scaleCount),
    scales0to100: new Float64Array(buffer, base + scaleCount * 8, scaleCount),
    demographics: new Float64Array(buffer, base + 2 * scaleCount * 8, demographicCount),
    items: new Float32Array(buffer, itemsAt, itemCount),
    behaviour: new Int8Array(buffer, itemsAt + itemCount * 4, behaviourSlots.size),
  };
  clearScores(scores);
  return scores;
}

/** Resets a record to "nothing known", so that it can be reused for the next respondent. */
export function clearScores(scores: RespondentScores): void {
  scores.scales.fill(Number.NaN);
  scores.scales0to100.fill(Number.NaN);
  scores.demographics.fill(Number.NaN);
  scores.items.fill(Number.NaN);
  scores.behaviour.fill(-1);
}
