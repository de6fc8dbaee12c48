/** Newton steps allowed before giving up; bisection fallback makes 1100 more than enough for doubles. */
const MAX_STEPS = 2_000;

/**
 * Finds x > 0 with upperTail(x) = tail for a continuous, symmetric distribution, given its
 * upper-tail function (decreasing from 1/2 at 0 to 0) and its density.
 *
 * Safeguarded Newton: the root is first bracketed by doubling, then each Newton step that
 * would leave the bracket is replaced by bisection, so the search always converges and is
 * quadratic near the root. Shared by the normal and the Student t quantile.
 *
 * Cost: O(log x) evaluations to bracket, then a handful of Newton steps.
 *
 * @param tail the upper-tail probability, 0 < tail < 1/2
 * @throws {Error} if the root cannot be bracketed within the double range
 */
export function solveUpperTail(
  tail: number,
  upperTail: (x: number) => number,
  density: (x: number) => number,
): number {
  let low = 0;
  let high = 1;
  while (upperTail(high) > tail) {
    low = high;
    high *= 2;
    if (!Number.isFinite(high)) {
      throw new Error(`quantile search could not bracket the upper tail ${tail}`);
    }
  }
  let x = (low + high) / 2;
  for (let step = 0; step < MAX_STEPS; step++) {
    const excess = upperTail(x) - tail;
    if (excess === 0) return x;
    // the upper tail decreases in x: too much tail left means x is still too small
    if (excess > 0) low = x;
    else high = x;
    let next = x + excess / density(x);
    if (!(next > low && next < high)) next = (low + high) / 2;
    if (Math.abs(next - x) <= 4 * Number.EPSILON * Math.abs(next) || next === low || next === high) {
      return next;
    }
    x = next;
  }
  return x;
}
