import { gammaln } from 'simple-statistics';

/** Relative size of the last term / change at which series and fraction count as converged. */
const CONVERGENCE = 1e-15;
/** Stand-in for an exact zero in the modified Lentz recursion. */
const TINY = 1e-300;
/** Both expansions need O(sqrt(a)) to O(a) terms; this bound covers a up to ~1e6. */
const MAX_TERMS = 100_000;

/** The two regularized incomplete gamma functions, P(a, x) + Q(a, x) = 1. */
export interface IncompleteGamma {
  /** P(a, x) = γ(a, x) / Γ(a), the lower tail. */
  lower: number;
  /** Q(a, x) = Γ(a, x) / Γ(a), the upper tail. */
  upper: number;
}

/**
 * The [regularized incomplete gamma functions](https://dlmf.nist.gov/8.2) P(a, x) and
 * Q(a, x) = 1 - P(a, x): the lower and upper tail of the Gamma(a, 1) distribution. With
 * a = 1/2 they give the complementary error function, erfc(z) = Q(1/2, z²), and so the
 * normal distribution.
 *
 * Both tails are returned because each is accurate only where it is computed directly:
 * for x < a + 1 the power series of DLMF 8.11.4 gives P, otherwise the continued fraction
 * of DLMF 8.9.2 (modified Lentz method) gives Q; the other tail is its complement.
 *
 * References:
 * * [DLMF 8.2, 8.9, 8.11, Incomplete gamma functions](https://dlmf.nist.gov/8)
 *
 * Cost: O(sqrt(a) + 1) terms near x = a, fewer elsewhere.
 *
 * @param a shape parameter, > 0
 * @param x point, >= 0
 * @returns the lower and upper regularized tails at x
 * @throws {Error} if a is not a finite positive number, if x is negative or NaN,
 *   or if the expansion does not converge
 * @example
 * regularizedIncompleteGamma(1, 2); // => { lower: 1 - Math.exp(-2), upper: Math.exp(-2) } (up to rounding)
 */
export function regularizedIncompleteGamma(a: number, x: number): IncompleteGamma {
  if (!(a > 0 && Number.isFinite(a))) {
    throw new Error('regularizedIncompleteGamma requires a finite a > 0');
  }
  if (!(x >= 0)) {
    throw new Error('regularizedIncompleteGamma requires x >= 0');
  }
  if (x === 0) return { lower: 0, upper: 1 };
  if (x === Number.POSITIVE_INFINITY) return { lower: 1, upper: 0 };
  // log of x^a e^-x / Γ(a), the factor shared by both expansions
  const logFront = a * Math.log(x) - x - gammaln(a);
  if (x < a + 1) {
    const lower = Math.exp(logFront) * lowerSeries(a, x);
    return { lower, upper: 1 - lower };
  }
  const upper = Math.exp(logFront) / upperFraction(a, x);
  return { lower: 1 - upper, upper };
}

/** Σ_{n>=0} x^n / (a (a+1) ... (a+n)), so that P(a, x) = x^a e^-x / Γ(a) times this sum (DLMF 8.11.4 rearranged). */
function lowerSeries(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n <= MAX_TERMS; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * CONVERGENCE) return sum;
  }
  throw new Error(`regularizedIncompleteGamma did not converge for a = ${a}, x = ${x}`);
}

/**
 * The denominator of DLMF 8.9.2 in its even form,
 * x + 1 - a - 1(1 - a) / (x + 3 - a - 2(2 - a) / (x + 5 - a - ...)),
 * so that Q(a, x) = x^a e^-x / Γ(a) divided by this value. Evaluated by the modified Lentz method.
 */
function upperFraction(a: number, x: number): number {
  let value = x + 1 - a;
  if (Math.abs(value) < TINY) value = TINY;
  let c = value;
  let d = 0;
  for (let k = 1; k <= MAX_TERMS; k++) {
    const numerator = -k * (k - a);
    const denominator = x + 2 * k + 1 - a;
    d = denominator + numerator * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = denominator + numerator / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = c * d;
    value *= delta;
    if (Math.abs(delta - 1) < CONVERGENCE) return value;
  }
  throw new Error(`regularizedIncompleteGamma did not converge for a = ${a}, x = ${x}`);
}
