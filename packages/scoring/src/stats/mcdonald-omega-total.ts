import { completeCases, type ItemMatrix } from './complete-cases';
import { correlationMatrix } from './correlation-matrix';
import { oneFactorMinres } from './one-factor-minres';

/**
 * [McDonald's omega total](https://en.wikipedia.org/wiki/Congeneric_reliability) of a scale
 * from a one-factor model of the item correlations, fitted by minimum residual:
 * ω = (Σλ)² / ((Σλ)² + Σu²), on the complete cases. Unlike alpha it does not assume that
 * all items load equally (tau-equivalence).
 *
 * This is the model-implied form the scoring spec prescribes. R's `psych::omega(x, nfactors = 1)`
 * divides by the observed variance of the standardised sum score (the sum of all
 * correlations) instead, so its `omega.tot` differs from this value by the residual
 * correlations the one-factor model leaves; the loadings are the same.
 *
 * References:
 * * McDonald, R. P. (1999). Test Theory: A Unified Treatment. Erlbaum. (chapter 6)
 * * Revelle, W. & Zinbarg, R. E. (2009). Coefficients alpha, beta, omega and the glb.
 *   Psychometrika 74, 145-154. https://doi.org/10.1007/s11336-008-9102-z
 * * scoring conventions, docs/instrument.md ("Reliability per scale")
 *
 * Cost: O(rows × items²) for the correlations plus the factor fit (O(items³) per iteration).
 *
 * @param matrix respondents × items, missing as null or NaN (incomplete rows are left out)
 * @returns omega total, in (0, 1]
 * @throws {Error} if there are fewer than 3 items or 3 complete rows, rows differ in length,
 *   an item does not vary, or the factor fit does not converge
 * @example
 * mcdonaldOmegaTotal([[4, 3, 4], [2, 2, 3], [5, 4, 4], [3, 4, 2], [1, 2, 2], [4, 5, 5]]); // => 0.8785 (rounded)
 */
export function mcdonaldOmegaTotal(matrix: ItemMatrix): number {
  const rows = completeCases(matrix);
  if ((rows[0]?.length ?? 0) < 3) {
    throw new Error('mcdonaldOmegaTotal requires at least 3 items');
  }
  if (rows.length < 3) {
    throw new Error('mcdonaldOmegaTotal requires at least 3 complete rows');
  }
  const { loadings, uniquenesses } = oneFactorMinres(correlationMatrix(rows));
  const common = loadings.reduce((sum, loading) => sum + loading, 0) ** 2;
  const unique = uniquenesses.reduce((sum, u2) => sum + u2, 0);
  return common / (common + unique);
}
