import { invalidDemographic } from './invalid-answer';

/**
 * A demographic answer as carried into the scores: the option code itself ("prefer not to say" included, so that
 * the aggregation decides how to show it), NaN when not asked or not answered.
 *
 * Cost: O(1).
 *
 * @throws {Error} if the value is not one of the demographic's option codes
 */
export function demographicCode(
  demographicId: string,
  codes: ReadonlySet<number>,
  value: number | null | undefined,
): number {
  if (value === undefined || value === null) return Number.NaN;
  if (!codes.has(value)) throw invalidDemographic(demographicId, value);
  return value;
}
