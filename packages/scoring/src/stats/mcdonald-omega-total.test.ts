import fc from 'fast-check';
import { relativeError } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { completeCases } from './complete-cases';
import { correlationMatrix } from './correlation-matrix';
import { mcdonaldOmegaTotal } from './mcdonald-omega-total';
import { oneFactorMinres } from './one-factor-minres';

// 24 respondents x 5 items on 1-5, two with a missing answer; drawn in R 4.2.2 from a one-factor
// model (set.seed(7); loadings 0.8, 0.7, 0.6, 0.75, 0.5; rounded to 1-5). Not a Heywood case.
const scale = [
  [5, 5, 4, 5, 3], [2, 3, 1, 1, 4], [3, 2, 1, 2, 3], [3, 3, 2, 3, 3], [1, 3, null, 3, 3], [2, 4, 2, 3, 4],
  [3, 4, 3, 4, 4], [3, 3, 5, 2, 3], [3, 2, 3, 3, 2], [5, 5, 4, 4, 5], [3, 3, 3, 4, 3], [5, 4, 4, 5, 5],
  [5, 5, 4, 5, 5], [3, 3, 3, 3, 4], [5, 5, 4, 4, 5], [4, 4, 3, 4, 3], [null, 3, 1, 3, 3], [2, 4, 3, 3, 4],
  [3, 4, 4, 2, 3], [3, 5, 3, 5, 5], [3, 5, 4, 3, 2], [3, 4, 4, 4, 3], [5, 4, 5, 5, 4], [2, 1, 2, 2, 2],
];

// 20 respondents x 5 items where the minres solution is an ultra-Heywood case (item 1 loads above 1)
const heywood = [
  [4, 4, 5, 3, 4], [3, 3, 4, 3, 2], [5, 4, 5, 4, 4], [2, 3, 2, 2, 3], [4, 5, 4, 4, 3], [3, 2, 3, 3, 3],
  [4, 4, 4, 5, 4], [1, 2, 2, 1, 2], [5, 5, 4, 5, 5], [3, 4, 3, null, 3], [2, 2, 3, 2, 1], [4, 3, 4, 4, 4],
  [3, 3, 2, 3, 4], [5, 4, 4, 4, 5], [2, 1, 2, 3, 2], [4, 4, 3, 4, 3], [3, 4, 4, 2, 3], [1, 1, 2, 2, 1],
  [4, 5, 5, 4, 4], [3, 3, 3, 4, 2],
];

describe('oneFactorMinres', () => {
  it('matches psych::fa(fm = "minres") loadings and uniquenesses', () => {
    // checked in R 4.2.2, psych 2.2.9: f <- fa(cor(na.omit(scale)), nfactors = 1, fm = "minres")
    // f$loadings   = 0.83407192381764617, 0.78629071902075787, 0.64197318999326669, 0.84521010438025845, 0.55366142675007135
    // f$uniquenesses = 0.30432402589913066, 0.38174690518181964, 0.58787042332986905, 0.28561987945351264, 0.69345902452907537
    // psych stops its L-BFGS-B optimiser at its default tolerance, so agreement is to about 1e-5
    const fit = oneFactorMinres(correlationMatrix(completeCases(scale)));
    const loadings = [0.83407192381764617, 0.78629071902075787, 0.64197318999326669, 0.84521010438025845, 0.55366142675007135];
    const uniquenesses = [0.30432402589913066, 0.38174690518181964, 0.58787042332986905, 0.28561987945351264, 0.69345902452907537];
    loadings.forEach((expected, i) => expect(fit.loadings[i]).toBeCloseTo(expected, 5));
    uniquenesses.forEach((expected, i) => expect(fit.uniquenesses[i]).toBeCloseTo(expected, 5));
  });

  it('recovers the exact solution of a just-identified three-variable model', () => {
    // A one-factor model of 3 variables fits exactly: λ1² = r12 r13 / r23 etc. For r12 = 0.48, r13 = 0.42,
    // r23 = 0.56 that is λ = (0.6, 0.8, 0.7) in closed form. psych 2.2.9 (R 4.2.2) fa(R3, 1, fm = "minres")
    // gives 0.60000005116151689, 0.79999988701390801, 0.70000013153146345.
    const fit = oneFactorMinres([
      [1, 0.48, 0.42],
      [0.48, 1, 0.56],
      [0.42, 0.56, 1],
    ]);
    expect(fit.loadings[0]).toBeCloseTo(0.6, 10);
    expect(fit.loadings[1]).toBeCloseTo(0.8, 10);
    expect(fit.loadings[2]).toBeCloseTo(0.7, 10);
  });

  it('holds a Heywood variable at the 0.005 uniqueness bound as psych does, agreeing with psych to ~1e-3', () => {
    // checked in R 4.2.2, psych 2.2.9: fa(cor(na.omit(heywood)), 1, fm = "minres") warns "An ultra-Heywood
    // case was detected" and gives loadings 1.008411213298152, 0.86255114754936468, 0.77142056514975943,
    // 0.78394993431982141, 0.81744696083962132, uniquenesses -0.016893175105450853, 0.256..., 0.405..., 0.385..., 0.332...
    // At a bound psych's optimiser stops early (its own criterion is not at a stationary point there), so
    // only ~1e-3 agreement is possible; our value is the exact fixed point with the bound active.
    const fit = oneFactorMinres(correlationMatrix(completeCases(heywood)));
    const loadings = [1.008411213298152, 0.86255114754936468, 0.77142056514975943, 0.78394993431982141, 0.81744696083962132];
    loadings.forEach((expected, i) => expect(Math.abs((fit.loadings[i] ?? Number.NaN) - expected)).toBeLessThan(2e-3));
    expect(fit.uniquenesses[0]).toBeLessThan(0);
  });

  it('orients the loadings so that they sum to a non-negative number', () => {
    const fit = oneFactorMinres([
      [1, 0.48, 0.42],
      [0.48, 1, 0.56],
      [0.42, 0.56, 1],
    ]);
    expect(fit.loadings.every((loading) => loading > 0)).toBe(true);
  });

  it('rejects fewer than 3 variables and a non-correlation matrix', () => {
    expect(() => oneFactorMinres([[1, 0.5], [0.5, 1]])).toThrow('oneFactorMinres requires at least 3 variables');
    expect(() => oneFactorMinres([[2, 0, 0], [0, 1, 0], [0, 0, 1]])).toThrow(
      'oneFactorMinres requires a square correlation matrix with 1 on the diagonal',
    );
  });
});

describe('mcdonaldOmegaTotal', () => {
  it('matches omega = (Σλ)² / ((Σλ)² + Σu²) from psych::fa minres loadings', () => {
    // checked in R 4.2.2, psych 2.2.9: f <- fa(cor(na.omit(scale)), 1, fm = "minres");
    // L <- f$loadings; u <- f$uniquenesses; sum(L)^2 / (sum(L)^2 + sum(u)) = 0.85610563188238764
    // (psych's optimiser tolerance limits agreement to ~1e-5; see the loadings test)
    // For comparison: psych::omega(na.omit(scale), nfactors = 1)$omega.tot = 0.85590390436758546, which
    // divides by the observed sum of correlations instead of the model-implied variance (see the JSDoc).
    expect(mcdonaldOmegaTotal(scale)).toBeCloseTo(0.85610563188238764, 5);
  });

  it('matches the closed form on the documented example (just-identified, three items)', () => {
    // checked in R 4.2.2, psych 2.2.9: ex <- matrix(c(4,3,4, 2,2,3, 5,4,4, 3,4,2, 1,2,2, 4,5,5), ncol = 3, byrow = TRUE)
    // fa(cor(ex), 1, fm = "minres") loadings 0.9730084384689589, 0.76870616400644132, 0.76870616400644132;
    // omega by the formula = 0.87852259212045314
    expect(
      relativeError(
        mcdonaldOmegaTotal([
          [4, 3, 4],
          [2, 2, 3],
          [5, 4, 4],
          [3, 4, 2],
          [1, 2, 2],
          [4, 5, 5],
        ]),
        0.87852259212045314,
      ),
    ).toBeLessThan(1e-6);
  });

  it('stays within 5e-4 of psych in a Heywood case', () => {
    // checked in R 4.2.2, psych 2.2.9: with the Heywood loadings above,
    // sum(L)^2 / (sum(L)^2 + sum(u)) = 0.92972829720547534
    expect(Math.abs(mcdonaldOmegaTotal(heywood) - 0.92972829720547534)).toBeLessThan(5e-4);
  });

  it('rejects fewer than 3 items or complete rows and constant items', () => {
    expect(() => mcdonaldOmegaTotal([[1, 2], [2, 3], [3, 3]])).toThrow('mcdonaldOmegaTotal requires at least 3 items');
    expect(() => mcdonaldOmegaTotal([[1, 2, 3], [2, 3, 1], [3, 3, null]])).toThrow(
      'mcdonaldOmegaTotal requires at least 3 complete rows',
    );
    expect(() => mcdonaldOmegaTotal([[1, 2, 3], [1, 3, 1], [1, 3, 2]])).toThrow('correlationMatrix requires every column to vary');
  });

  const varying = fc
    .array(fc.integer({ min: 1, max: 5 }), { minLength: 5, maxLength: 40 })
    .filter((values) => new Set(values).size > 1);

  it('is (almost) 1 for duplicated identical items', () => {
    fc.assert(
      fc.property(varying, fc.integer({ min: 3, max: 8 }), (values, k) => {
        const matrix = values.map((value) => Array.from({ length: k }, () => value));
        // the 0.005 uniqueness floor keeps it a hair below 1: k·0.995 / (k·0.995 + 0.005) at worst
        expect(mcdonaldOmegaTotal(matrix)).toBeGreaterThan(0.99);
        expect(mcdonaldOmegaTotal(matrix)).toBeLessThanOrEqual(1);
      }),
      { seed: 20240702, numRuns: 50 },
    );
  });

  it('does not change when an item is rescaled (it works on correlations)', () => {
    const rescaled = scale.map((row) => row.map((value, j) => (value === null || j !== 2 ? value : 10 * value - 3)));
    expect(mcdonaldOmegaTotal(rescaled)).toBeCloseTo(mcdonaldOmegaTotal(scale), 10);
  });
});
