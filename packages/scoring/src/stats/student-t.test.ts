import fc from 'fast-check';
import { relativeError } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { studentTCdf } from './student-t-cdf';
import { studentTDensity } from './student-t-density';
import { studentTQuantile } from './student-t-quantile';
import { studentTUpperTail } from './student-t-upper-tail';

describe('studentTQuantile', () => {
  // checked in R 4.2.2: sprintf("%.17g", qt(0.975, df)); the brief's table values
  // t(0.975; 1) = 12.7062047362, t(0.975; 10) = 2.228138851986, t(0.975; 30) = 2.0422724563 agree
  it.each([
    [1, 12.706204736174694],
    [2, 4.3026527297494619],
    [5, 2.5705818356363137],
    [10, 2.2281388519862739],
    [30, 2.0422724563012378],
    [100, 1.9839715185235516],
    [1000, 1.9623390808264076],
  ])('t(0.975; df = %i) matches R qt', (df, expected) => {
    expect(relativeError(studentTQuantile(0.975, df), expected)).toBeLessThan(1e-13);
  });

  it('matches the table values quoted in the brief to their printed digits', () => {
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228138851986, 12);
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.7062047362, 10);
    expect(studentTQuantile(0.975, 30)).toBeCloseTo(2.0422724563, 10);
  });

  // checked in R 4.2.2: sprintf("%.17g", qt(p, df)), including non-integer df and far tails
  it.each([
    [0.995, 3, 5.8409093097333544], // qt(0.995, 3)
    [0.05, 7.5, -1.8757474792112878], // qt(0.05, 7.5)
    [1e-8, 4, -131.59473694062353], // qt(1e-8, 4)
    [0.6, 2.2, 0.28539154588830407], // qt(0.6, 2.2)
    [0.9, 0.7, 5.0099479596464818], // qt(0.9, 0.7)
  ])('t(%f; df = %f) matches R qt', (p, df, expected) => {
    expect(relativeError(studentTQuantile(p, df), expected)).toBeLessThan(1e-12);
  });

  it('near the median is limited only by the rounding of p itself', () => {
    // R: qt(0.5000001, 12) = 2.559336256988725e-07; p = 0.5000001 carries a rounding error of ~5e-17,
    // which moves t by ~1e-16 absolutely
    expect(studentTQuantile(0.5000001, 12)).toBeCloseTo(2.559336256988725e-7, 15);
  });

  it('is 0 at p = 0.5 and rejects p outside (0, 1) or df <= 0', () => {
    expect(studentTQuantile(0.5, 4)).toBe(0);
    expect(() => studentTQuantile(0, 4)).toThrow('studentTQuantile requires 0 < p < 1');
    expect(() => studentTQuantile(1, 4)).toThrow('studentTQuantile requires 0 < p < 1');
    expect(() => studentTQuantile(0.9, 0)).toThrow('studentTQuantile requires a finite df > 0');
    expect(() => studentTQuantile(0.9, Number.POSITIVE_INFINITY)).toThrow('studentTQuantile requires a finite df > 0');
  });

  const df = fc.double({ min: 0.5, max: 1e4, noNaN: true });

  it('inverts the cdf', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), df, (p, nu) => {
        const t = studentTQuantile(p, nu);
        const tail = p < 0.5 ? p : 1 - p;
        const back = p < 0.5 ? studentTCdf(t, nu) : studentTUpperTail(t, nu);
        expect(relativeError(back, tail)).toBeLessThan(1e-10);
      }),
      { seed: 20240616, numRuns: 300 },
    );
  });

  it('is antisymmetric: t(1 - p) = -t(p)', () => {
    // dyadic p, so that 1 - p is exact
    const dyadic = fc.integer({ min: 1, max: 2 ** 29 }).map((k) => k / 2 ** 30);
    fc.assert(
      fc.property(dyadic, df, (p, nu) => {
        expect(studentTQuantile(1 - p, nu) + studentTQuantile(p, nu)).toBe(0);
      }),
      { seed: 20240617, numRuns: 200 },
    );
  });
});

describe('studentTCdf and studentTUpperTail', () => {
  // checked in R 4.2.2: sprintf("%.17g", pt(t, df)) (and lower.tail = FALSE for the upper tail)
  it.each([
    [2.5, 7, 0.97950389070712363], // pt(2.5, 7)
    [-1.3, 3.3, 0.1384772756935809], // pt(-1.3, 3.3)
    [0.1, 1000, 0.53981781548819785], // pt(0.1, 1000)
    [-12, 4, 0.00013821427425148651], // pt(-12, 4)
    [-40, 10, 1.1404288715428737e-12], // pt(-40, 10)
    [3, 1, 0.89758361765043326], // pt(3, 1)
  ])('P(T <= %f; df = %f) matches R pt', (t, nu, expected) => {
    expect(relativeError(studentTCdf(t, nu), expected)).toBeLessThan(1e-13);
  });

  it('P(T > 50; df = 2.5) matches R pt(50, 2.5, lower.tail = FALSE)', () => {
    expect(relativeError(studentTUpperTail(50, 2.5), 4.0652475424793646e-5)).toBeLessThan(1e-13);
  });

  it('keeps a far tail for a large df (no 1 - x cancellation)', () => {
    // scipy 1.17: stats.t.sf(6.427876283134213, 1000) = 1.0000000000000007e-10
    expect(relativeError(studentTUpperTail(6.427876283134213, 1000), 1.0000000000000007e-10)).toBeLessThan(1e-12);
  });

  it('handles infinite t', () => {
    expect(studentTCdf(Number.NEGATIVE_INFINITY, 3)).toBe(0);
    expect(studentTCdf(Number.POSITIVE_INFINITY, 3)).toBe(1);
  });

  it('rejects NaN t and df <= 0', () => {
    expect(() => studentTCdf(Number.NaN, 3)).toThrow('studentTCdf requires a number, got NaN');
    expect(() => studentTCdf(1, -1)).toThrow('studentTCdf requires a finite df > 0');
    expect(() => studentTUpperTail(1, 0)).toThrow('studentTUpperTail requires a finite df > 0');
  });

  it('is symmetric: F(-t) = 1 - F(t)', () => {
    fc.assert(
      fc.property(fc.double({ min: -50, max: 50, noNaN: true }), fc.double({ min: 0.5, max: 1e4, noNaN: true }), (t, nu) => {
        expect(studentTCdf(-t, nu)).toBeCloseTo(1 - studentTCdf(t, nu), 14);
      }),
      { seed: 20240618, numRuns: 300 },
    );
  });

  it('is non-decreasing in t', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: 0.5, max: 1e4, noNaN: true }),
        (t1, t2, nu) => {
          const [low, high] = t1 <= t2 ? [t1, t2] : [t2, t1];
          expect(studentTCdf(high, nu)).toBeGreaterThanOrEqual(studentTCdf(low, nu) - 1e-15);
        },
      ),
      { seed: 20240619, numRuns: 300 },
    );
  });
});

describe('studentTDensity', () => {
  // checked in R 4.2.2: sprintf("%.17g", dt(t, df))
  it.each([
    [0, 1, 0.31830988618379069], // dt(0, 1) = 1 / pi
    [1.7, 6.5, 0.096649517064576584], // dt(1.7, 6.5)
    [-3, 30, 0.0067790627460931046], // dt(-3, 30)
  ])('f(%f; df = %f) matches R dt', (t, nu, expected) => {
    expect(relativeError(studentTDensity(t, nu), expected)).toBeLessThan(1e-13);
  });

  it('rejects df <= 0', () => {
    expect(() => studentTDensity(0, 0)).toThrow('studentTDensity requires a finite df > 0');
  });
});
