/** Eigenvalues and eigenvectors of a symmetric matrix, largest eigenvalue first. */
export interface SymmetricEigen {
  /** eigenvalues, in decreasing order */
  values: number[];
  /** vectors[i] is the unit eigenvector of values[i] */
  vectors: number[][];
}

/** Sweeps allowed; cyclic Jacobi converges quadratically and needs well under 20 for small matrices. */
const MAX_SWEEPS = 100;

/**
 * The [eigendecomposition](https://en.wikipedia.org/wiki/Eigendecomposition_of_a_matrix) of a
 * real symmetric matrix by the cyclic [Jacobi eigenvalue method](https://en.wikipedia.org/wiki/Jacobi_eigenvalue_algorithm):
 * plane rotations zero the off-diagonal elements one by one until the matrix is diagonal
 * to machine precision; the product of the rotations holds the eigenvectors. Slow for big
 * matrices but simple, robust and accurate for the small correlation matrices of a scale
 * (3-8 items), which is all factor analysis here needs.
 *
 * References:
 * * Golub, G. H. & Van Loan, C. F. (2013). Matrix Computations, 4th ed., section 8.5 (Jacobi methods).
 * * Rutishauser, H. (1966). The Jacobi method for real symmetric matrices. Numerische Mathematik 9, 1-10.
 *
 * Cost: O(k³) per sweep for a k × k matrix, a handful of sweeps.
 *
 * @param matrix a square symmetric matrix
 * @returns eigenvalues (decreasing) and their unit eigenvectors (sign as the rotations leave it)
 * @throws {Error} if the matrix is empty, not square, not symmetric, holds a non-finite
 *   number, or the sweeps do not converge
 * @example
 * symmetricEigen([[2, 1], [1, 2]]).values; // => [3, 1] (up to rounding)
 */
export function symmetricEigen(matrix: ReadonlyArray<readonly number[]>): SymmetricEigen {
  const k = matrix.length;
  if (k === 0 || !matrix.every((row) => row.length === k && row.every(Number.isFinite))) {
    throw new Error('symmetricEigen requires a non-empty square matrix of finite numbers');
  }
  const a = matrix.map((row) => [...row]);
  const scale = Math.max(...a.flat().map(Math.abs), Number.MIN_VALUE);
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      if (Math.abs(at(a, i, j) - at(a, j, i)) > 1e-12 * scale) {
        throw new Error('symmetricEigen requires a symmetric matrix');
      }
    }
  }
  const v = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === j ? 1 : 0)));

  for (let sweep = 0; sweep <= MAX_SWEEPS; sweep++) {
    // rounding only ever scales with the off-diagonal elements being rotated, so they do reach this
    if (offDiagonalSquares(a) <= Number.EPSILON * Number.EPSILON * diagonalSquares(a)) {
      const order = Array.from({ length: k }, (_, i) => i).sort((i, j) => at(a, j, j) - at(a, i, i));
      return {
        values: order.map((i) => at(a, i, i)),
        vectors: order.map((i) => v.map((row) => row[i] ?? 0)),
      };
    }
    for (let p = 0; p < k - 1; p++) {
      for (let q = p + 1; q < k; q++) {
        rotate(a, v, p, q);
      }
    }
  }
  throw new Error('symmetricEigen did not converge');
}

/**
 * One Jacobi rotation in the (p, q) plane: A <- Jᵀ A J and V <- V J, with the angle chosen
 * so that A[p][q] becomes 0 (the smaller of the two possible angles, for stability).
 */
function rotate(a: number[][], v: number[][], p: number, q: number): void {
  const apq = at(a, p, q);
  if (apq === 0) return;
  const theta = (at(a, q, q) - at(a, p, p)) / (2 * apq);
  const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
  const c = 1 / Math.sqrt(t * t + 1);
  const s = t * c;
  // columns p and q of A and V
  for (const rows of [a, v]) {
    for (const row of rows) {
      const rp = row[p] ?? 0;
      const rq = row[q] ?? 0;
      row[p] = c * rp - s * rq;
      row[q] = s * rp + c * rq;
    }
  }
  // rows p and q of A
  const rowP = a[p] ?? [];
  const rowQ = a[q] ?? [];
  for (let j = 0; j < rowP.length; j++) {
    const pj = rowP[j] ?? 0;
    const qj = rowQ[j] ?? 0;
    rowP[j] = c * pj - s * qj;
    rowQ[j] = s * pj + c * qj;
  }
  rowP[q] = 0;
  rowQ[p] = 0;
}

function at(a: ReadonlyArray<readonly number[]>, i: number, j: number): number {
  return a[i]?.[j] ?? Number.NaN;
}

function offDiagonalSquares(a: ReadonlyArray<readonly number[]>): number {
  let sum = 0;
  a.forEach((row, i) => row.forEach((value, j) => (sum += i === j ? 0 : value * value)));
  return sum;
}

function diagonalSquares(a: ReadonlyArray<readonly number[]>): number {
  return a.reduce((sum, row, i) => sum + (row[i] ?? 0) ** 2, 0);
}
