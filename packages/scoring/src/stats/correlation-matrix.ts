import { sampleCorrelation } from 'simple-statistics';

/**
 * The [Pearson correlation matrix](https://en.wikipedia.org/wiki/Correlation#Correlation_matrices)
 * of the columns of a complete data matrix (rows = observations), as R's `cor(x)`.
 * The diagonal is exactly 1 and the matrix exactly symmetric.
 *
 * References:
 * * [NIST e-Handbook 7.1.6, correlation](https://www.itl.nist.gov/div898/handbook/eda/section3/eda35b.htm)
 *
 * Cost: O(rows × columns²).
 *
 * @param rows observations × variables, no missing values
 * @returns columns × columns correlation matrix
 * @throws {Error} if there are fewer than 2 rows or 1 column, rows differ in length, a value
 *   is not finite, or a column is constant (its correlations are undefined)
 * @example
 * correlationMatrix([[1, 2], [2, 4], [3, 7]]); // => [[1, 0.9934], [0.9934, 1]] (rounded)
 */
export function correlationMatrix(rows: ReadonlyArray<readonly number[]>): number[][] {
  const width = rows[0]?.length ?? 0;
  if (rows.length < 2 || width < 1) {
    throw new Error('correlationMatrix requires at least 2 rows and 1 column');
  }
  if (!rows.every((row) => row.length === width && row.every(Number.isFinite))) {
    throw new Error('correlationMatrix requires rows of equal length with finite values');
  }
  const columns = Array.from({ length: width }, (_, j) => rows.map((row) => row[j] ?? Number.NaN));
  columns.forEach((column, j) => {
    if (column.every((value) => value === column[0])) {
      throw new Error(`correlationMatrix requires every column to vary; column ${j} is constant`);
    }
  });
  // sampleCorrelation(x, y) and (y, x) can differ in the last bit, so compute the upper triangle once and mirror it
  const upper = columns.map((x, i) => columns.map((y, j) => (j > i ? sampleCorrelation(x, y) : 1)));
  return upper.map((row, i) => row.map((value, j) => (j < i ? (upper[j]?.[i] ?? Number.NaN) : value)));
}
