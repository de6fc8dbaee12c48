import { describe, expect, it } from 'vitest';
import { riskBandOf } from './risk-bands';

const riskBands = { low: 50, high: 70 };

describe('riskBandOf', () => {
  it('bands a higher-is-better scale red / amber / green, low cut-off inclusive for amber', () => {
    const scale = { direction: 'higher-is-better' as const, riskBands };
    expect([0, 49.9, 50, 69.9, 70, 100].map((score) => riskBandOf(scale, score))).toEqual([
      'red',
      'red',
      'amber',
      'amber',
      'green',
      'green',
    ]);
  });

  it('mirrors the outer bands for a higher-is-worse scale', () => {
    const scale = { direction: 'higher-is-worse' as const, riskBands };
    expect([0, 49.9, 50, 69.9, 70, 100].map((score) => riskBandOf(scale, score))).toEqual([
      'green',
      'green',
      'amber',
      'amber',
      'red',
      'red',
    ]);
  });

  it('refuses scores outside 0-100', () => {
    const scale = { direction: 'higher-is-better' as const, riskBands };
    expect(() => riskBandOf(scale, -1)).toThrow('riskBandOf requires a score from 0 to 100, got -1');
    expect(() => riskBandOf(scale, 100.5)).toThrow('got 100.5');
    expect(() => riskBandOf(scale, Number.NaN)).toThrow('got NaN');
  });
});
