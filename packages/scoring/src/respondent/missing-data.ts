/*
 * The two missing-data rules of respondent scoring, in one place so that the reference path and the fast path
 * cannot drift apart.
 */

/**
 * The half-items rule: a scale score needs at least half of the scale's items answered, rounded up (3 of 7 is too
 * few, 4 of 7 enough), so that a score resting on one or two answers is not published as the respondent's view.
 *
 * References:
 * * scoring conventions, docs/instrument.md ("Scale score for a respondent")
 *
 * Cost: O(1).
 *
 * @param itemCount number of items in the scale, >= 1
 * @returns the least number of answered items that gives a score
 * @example
 * minimumAnswered(7); // => 4
 */
export function minimumAnswered(itemCount: number): number {
  return Math.ceil(itemCount / 2);
}

/**
 * The value of an "any of these" indicator (any behaviour experienced, from any colleague, reported to HR for any
 * behaviour, ...) from its parts, by three rules in turn:
 * 1. yes as soon as one part says yes: a yes is a yes, whatever else was skipped;
 * 2. unknown while a part is unresolved: the behaviour is known to have happened but its follow-up was skipped
 *    (who did it, whether it was reported), so "no" cannot be told;
 * 3. otherwise no when at least half of the applicable parts (rounded up) are known, which is the half-items rule of
 *    scale scores applied to the battery of behaviour questions, so that one "never" next to six skipped questions
 *    is not read as "never" for all; else unknown.
 * Parts that do not apply (reporting of behaviour that did not happen) are not counted at all. For follow-ups every
 * part applies because the behaviour happened, so every unknown part is unresolved and "no" needs all answered.
 *
 * Cost: O(1).
 *
 * @param yes applicable parts that say yes
 * @param known applicable parts that say yes or no
 * @param applicable parts that apply to this respondent
 * @param unresolved unknown parts that are known to apply (default 0)
 * @returns true, false, or null when unknown or nothing applies
 * @example
 * anyIndicator(0, 4, 7); // => false (4 of 7 known, all no)
 * anyIndicator(0, 3, 7); // => null (3 of 7 known: too few)
 * anyIndicator(1, 1, 7); // => true
 * anyIndicator(0, 6, 7, 1); // => null (one behaviour happened; who did it is not known)
 */
export function anyIndicator(yes: number, known: number, applicable: number, unresolved = 0): boolean | null {
  if (yes > 0) return true;
  if (unresolved > 0 || applicable === 0 || known < minimumAnswered(applicable)) return null;
  return false;
}
