import { cleanup, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { Direction } from '../../lib/results';
import { appContext } from '../../testing/contexts';
import DistributionBar from './DistributionBar.svelte';

const categories = ['Strongly disagree', 'Disagree', 'Neither', 'Agree', 'Strongly agree'];

function bar(distribution: number[], direction: Direction = 'higher-is-better', language: 'en' | 'nl' = 'en') {
  const { container } = render(DistributionBar, {
    props: { label: 'How people answered about Trust', categories, distribution, direction },
    context: appContext({ language }).context,
  });
  const parts = [...container.querySelectorAll<HTMLElement>('.distribution-part')];
  const figure = screen.getByRole('figure', { name: 'How people answered about Trust' });
  const items = within(figure)
    .getAllByRole('listitem')
    .map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
  return { parts, items };
}

describe('DistributionBar', () => {
  it('lists every answer with its share, in answer order, and draws the shares as one bar', () => {
    const { parts, items } = bar([0.1, 0.2, 0.05, 0.4, 0.25]);
    expect(items).toEqual(['Strongly disagree 10%', 'Disagree 20%', 'Neither 5%', 'Agree 40%', 'Strongly agree 25%']);
    expect(parts.map((p) => p.style.width)).toEqual(['10%', '20%', '5%', '40%', '25%']);
    // Shares too narrow to hold their number are left unlabelled in the bar (the list has them).
    expect(parts.map((p) => p.textContent)).toEqual(['10%', '20%', '', '40%', '25%']);
  });

  it('leaves out answers nobody gave from the bar, not from the list', () => {
    const { parts, items } = bar([0, 0, 0.5, 0.5, 0]);
    expect(parts).toHaveLength(2);
    expect(items[0]).toBe('Strongly disagree 0%');
  });

  it('colours the unfavourable end red and the favourable end blue, whichever way the topic runs', () => {
    const fills = (direction: Direction) => bar([0.2, 0.2, 0.2, 0.2, 0.2], direction).parts.map((p) => p.style.backgroundColor);
    const better = fills('higher-is-better');
    cleanup();
    const worse = fills('higher-is-worse');
    const redness = (rgb: string | undefined) => {
      const [r, , b] = (rgb?.match(/\d+/g) ?? []).map(Number);
      return (r ?? 0) - (b ?? 0);
    };
    expect(redness(better[0])).toBeGreaterThan(0);
    expect(redness(better[4])).toBeLessThan(0);
    expect(worse).toEqual([...better].reverse());
  });

  it('writes shares the Dutch way', () => {
    expect(bar([0.125, 0.125, 0.25, 0.25, 0.25], 'higher-is-better', 'nl').items[0]).toBe('Strongly disagree 13%');
  });
});
