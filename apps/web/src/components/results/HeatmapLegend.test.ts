import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { HeatmapMetric } from '../../lib/results';
import { appContext } from '../../testing/contexts';
import HeatmapLegend from './HeatmapLegend.svelte';

function legend(metric: HeatmapMetric, language: 'en' | 'nl' = 'en') {
  render(HeatmapLegend, { props: { metric, k: 7 }, context: appContext({ language }).context });
  const region = screen.getByRole('region', { name: language === 'en' ? 'How to read the colours' : 'Zo lees je de kleuren' });
  return within(region)
    .getAllByRole('listitem')
    .map((item) => ({ text: item.textContent?.trim(), swatch: (item.querySelector('.swatch') as HTMLElement | null)?.style.backgroundColor ?? null }));
}

describe('HeatmapLegend', () => {
  it('names each risk zone next to its colour, the hatching with k, and the significance mark', () => {
    const entries = legend('mean');
    expect(entries.map((e) => e.text)).toEqual([
      'Red: attention needed. The score is in the risk zone of this topic.',
      'Amber: keep an eye on it.',
      'Green: good.',
      'Hatched: hidden to protect anonymity (fewer than 7 people, or needed to protect a smaller group).',
      '* The score differs significantly from the organisation as a whole (not by chance).',
      '“Lower is better” marks topics where a high score is a problem, such as workload or fear.',
    ]);
    expect(entries[0]?.swatch).toBe('rgb(240, 140, 128)');
    expect(entries[3]?.swatch).toBe('');
  });

  it('reads differences as worse and better, not as minus and plus, and explains the arrows', () => {
    const texts = legend('vsOrganisation').map((e) => e.text);
    expect(texts.slice(0, 6)).toEqual([
      '20 points worse',
      '10 points worse',
      'No difference',
      '10 points better',
      '20 points better',
      'Grey: the organisation itself (the reference).',
    ]);
    expect(texts).toContain('▲ Significantly better (not by chance).');
    expect(texts).toContain('▼ Significantly worse (not by chance).');
  });

  it('shows the steps of % favourable in Dutch', () => {
    const texts = legend('favourable', 'nl').map((e) => e.text);
    expect(texts.slice(0, 5)).toEqual([
      '0% van de mensen gunstig',
      '25% van de mensen gunstig',
      '50% van de mensen gunstig',
      '75% van de mensen gunstig',
      '100% van de mensen gunstig',
    ]);
    expect(texts.some((t) => t?.startsWith('▲'))).toBe(false);
  });
});
