import { sampleVariance } from 'simple-statistics';
import { completeCases, type ItemMatrix } from './complete-cases';

/**
 * [Cronbach's alpha](https://en.wikipedia.org/wiki/Cronbach%27s_alpha), the internal
 * consistency of a scale: α = k/(k-1) · (1 - Σ var(item) / var(sum score)), on the
 * complete cases (respondents who answered every item). Equals R's
 * `psych::alpha(x)$total$raw_alpha` on complete data.
 *
 * α can be negative (items that do not hang together, e.g. a reverse-keyed item not yet
 * recoded); it is returned as is rather than clipped, because a negative value is a finding.
 *
 * References:
 * * Cronbach, L. J. (1951). Coefficient alpha and the internal structure of tests.
 *   Psychometrika 16, 297-334. https://doi.org/10.1007/BF02310555
 * * scoring conventions, docs/instrument.md ("Reliability per scale")
 *
 * Cost: O(rows × items).
 *
 * @param matrix respondents × items, missing as null or NaN (incomplete rows are left out)
 * @returns alpha, at most 1
 * @throws {Error} if there are fewer than 2 items, fewer than 2 complete rows, rows of unequal
 *   length, or the sum score does not vary
 * @example
 * cronbachAlpha([[1, 2, 2], [2, 3, 3], [4, 4, 5], [3, 3, 3]]); // => 0.9618 (rounded)
 */
export function cronbachAlpha(matrix: ItemMatrix): number {
  const rows = completeCases(matrix);
  const k = rows[0]?.length ?? 0;
  if (k < 2) {
    throw new Error('cronbachAlpha requires at least 2 items');
  }
  if (rows.length < 2) {
    throw new Error('cronbachAlpha requires at least 2 complete rows');
  }
  const itemVariances = Array.from({ length: k }, (_, item) => sampleVariance(rows.map((row) => row[item] ?? 0)));
  const totalVariance = sampleVariance(rows.map((row) => row.reduce((sum, value) => sum + value, 0)));
  if (totalVariance === 0) {
    throw new Error('cronbachAlpha requires the sum score to vary');
  }
  const sumOfItemVariances = itemVariances.reduce((sum, variance) => sum + variance, 0);
  return (k / (k - 1)) * (1 - sumOfItemVariances / totalVariance);
}
