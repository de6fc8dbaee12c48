/**
 * The 0-100 transform of a score on a min..max response scale, (score - min) / (max - min) × 100,
 * so that scales of different lengths share one reading (on 1-5: 1 -> 0, 3 -> 50, 5 -> 100).
 * A [min-max rescaling](https://en.wikipedia.org/wiki/Feature_scaling#Rescaling_(min-max_normalization)).
 *
 * References:
 * * scoring conventions, docs/instrument.md ("0-100 transform")
 *
 * Cost: O(1).
 *
 * @param score the score, min <= score <= max
 * @param min lowest point of the response scale
 * @param max highest point of the response scale, > min
 * @returns the score on 0-100
 * @throws {Error} if min >= max, a value is not finite, or score lies outside [min, max]
 * @example
 * to0to100(3.5, 1, 5); // => 62.5
 */
export function to0to100(score: number, min: number, max: number): number {
  if (!(Number.isFinite(score) && Number.isFinite(min) && Number.isFinite(max))) {
    throw new Error('to0to100 requires finite score, min and max');
  }
  if (!(min < max)) {
    throw new Error('to0to100 requires min < max');
  }
  if (score < min || score > max) {
    throw new Error(`to0to100 requires min <= score <= max, got ${score} on ${min}..${max}`);
  }
  return ((score - min) / (max - min)) * 100;
}
