/**
 * Respondents × items: one row per respondent, one column per item of a scale. A missing
 * answer (skipped, or "don't know / not applicable") is null or NaN.
 */
export type ItemMatrix = ReadonlyArray<ReadonlyArray<number | null>>;

/**
 * The [complete cases](https://en.wikipedia.org/wiki/Listwise_deletion) of an item matrix:
 * the rows in which every item is answered (listwise deletion), as reliability
 * coefficients on a fixed item set require — R's `na.omit` / `complete.cases`.
 *
 * References:
 * * scoring conventions, docs/instrument.md ("Cronbach's alpha on complete cases")
 *
 * Cost: O(rows × items).
 *
 * @param matrix respondents × items, missing as null or NaN
 * @returns the rows without missing answers, in their original order
 * @throws {Error} if rows differ in length
 * @example
 * completeCases([[1, 2], [3, null], [4, 5]]); // => [[1, 2], [4, 5]]
 */
export function completeCases(matrix: ItemMatrix): number[][] {
  const width = matrix[0]?.length ?? 0;
  const complete: number[][] = [];
  for (const row of matrix) {
    if (row.length !== width) {
      throw new Error('completeCases requires rows of equal length');
    }
    if (row.every(isAnswered)) complete.push([...row]);
  }
  return complete;
}

function isAnswered(value: number | null): value is number {
  return value !== null && Number.isFinite(value);
}
