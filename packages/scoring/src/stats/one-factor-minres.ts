import { symmetricEigen } from './symmetric-eigen';

/** A one-factor model of a correlation matrix: R ≈ λλᵀ + diag(u²). */
export interface OneFactorModel {
  /** factor loadings λ, oriented so that their sum is >= 0 */
  loadings: number[];
  /** uniquenesses u² = 1 - λ², as psych reports them (below 0.005 only in a Heywood case) */
  uniquenesses: number[];
  /** iterations used */
  iterations: number;
}

/** psych::fa bounds every uniqueness below at 0.005 (its L-BFGS-B `lower`); so do we, to land on the same solution. */
const MIN_UNIQUENESS = 0.005;
/** Largest change of a communality at which the iteration counts as converged. */
const TOLERANCE = 1e-12;
const MAX_ITERATIONS = 10_000;

/**
 * A one-factor [factor analysis](https://en.wikipedia.org/wiki/Exploratory_factor_analysis)
 * of a correlation matrix by minimum residual (minres, unweighted least squares on the
 * off-diagonal), the default of R's `psych::fa` and `psych::omega`.
 *
 * Fitted by iterated principal axis factoring: put the communalities h² on the diagonal,
 * take the first eigenpair (λ₁, v₁) of that reduced matrix, set λ = v₁ √λ₁ and h² = λ²,
 * and repeat until h² stops changing. A fixed point of this iteration is a stationary
 * point of the minres criterion Σ_{i≠j} (r_ij - λ_i λ_j)² (Harman 1976), so it converges
 * to the solution psych finds with its optimiser (to psych's tolerance, about 1e-5). As in
 * psych, the uniqueness on the diagonal is kept at or above 0.005 and the reported
 * uniquenesses are 1 - λ², so in a Heywood case a uniqueness can come out below the bound,
 * as psych reports it; there psych's optimiser stops short of the bounded fixed point and
 * the two agree only to about 1e-3 in the loadings.
 * Start: h²_i = the largest |r_ij| of item i, a classic principal-axis start.
 *
 * References:
 * * Harman, H. H. & Jones, W. H. (1966). Factor analysis by minimizing residuals (minres).
 *   Psychometrika 31, 351-368. https://doi.org/10.1007/BF02289468
 * * Revelle, W. psych::fa documentation, https://personality-project.org/r/psych/help/fa.html
 *
 * Cost: O(k³) per iteration (a Jacobi eigendecomposition of a k × k matrix); typically tens of iterations.
 *
 * @param correlation a k × k correlation matrix, k >= 3
 * @returns loadings, uniquenesses and the number of iterations
 * @throws {Error} if the matrix has fewer than 3 rows, is not square and symmetric, its diagonal
 *   is not 1, or the iteration does not converge
 * @example
 * oneFactorMinres([[1, 0.48, 0.42], [0.48, 1, 0.56], [0.42, 0.56, 1]]).loadings; // => [0.6, 0.8, 0.7] (up to rounding)
 */
export function oneFactorMinres(correlation: ReadonlyArray<readonly number[]>): OneFactorModel {
  const k = correlation.length;
  if (k < 3) {
    throw new Error('oneFactorMinres requires at least 3 variables (a one-factor model of 2 is not identified)');
  }
  if (!correlation.every((row, i) => row.length === k && Math.abs((row[i] ?? Number.NaN) - 1) < 1e-12)) {
    throw new Error('oneFactorMinres requires a square correlation matrix with 1 on the diagonal');
  }
  let communalities = correlation.map((row, i) => Math.max(...row.map((r, j) => (i === j ? 0 : Math.abs(r)))));
  for (let iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
    const reduced = correlation.map((row, i) => row.map((r, j) => (i === j ? (communalities[i] ?? 0) : r)));
    const { values, vectors } = symmetricEigen(reduced);
    const scale = Math.sqrt(Math.max(values[0] ?? 0, 0));
    const first = vectors[0] ?? [];
    const orientation = first.reduce((sum, x) => sum + x, 0) < 0 ? -1 : 1;
    const loadings = first.map((x) => orientation * x * scale);
    const next = loadings.map((loading) => Math.min(loading * loading, 1 - MIN_UNIQUENESS));
    const change = Math.max(...next.map((h2, i) => Math.abs(h2 - (communalities[i] ?? 0))));
    communalities = next;
    if (change < TOLERANCE) {
      return {
        loadings,
        uniquenesses: loadings.map((loading) => 1 - loading * loading),
        iterations: iteration,
      };
    }
  }
  throw new Error('oneFactorMinres did not converge');
}
