import 'vitest-canvas-mock';
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { appContext } from '../../testing/contexts';
import { heatmapFixture } from '../../testing/results-fixtures';
import HeatmapChart from './HeatmapChart.svelte';

// jsdom has no layout: every box gets a size here, and chart.js' ResizeObserver (which jsdom lacks) does nothing.
vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, 0, 900, 320));
vi.stubGlobal(
  'ResizeObserver',
  class {
    observe() {}
    unobserve() {}
    disconnect() {}
  },
);

describe('HeatmapChart', () => {
  it('draws each figure on its cell, with a text alternative that points to the table', async () => {
    const map = heatmapFixture('vsOrganisation');
    render(HeatmapChart, {
      props: { rows: map.rows, columns: map.columns, metric: 'vsOrganisation', k: 5, kSensitive: 10, indent: true },
      context: appContext().context,
    });
    const canvas = screen.getByRole('img', { name: 'Heatmap as a picture; the table below has the same figures.' }).querySelector('canvas');
    // vitest-canvas-mock records every call on the drawing context.
    const drawn = () =>
      (canvas?.getContext('2d') as unknown as { __getEvents(): { type: string; props: { text?: string } }[] }).__getEvents()
        .filter((e) => e.type === 'fillText')
        .map((e) => e.props.text);
    await vi.waitFor(() => expect(drawn()).toContain('-12\u2009▼'));
    // Row by row: the organisation is the reference (–), significant differences carry their mark, hidden cells
    // get no figure (their hatching is the fill).
    expect(drawn()).toEqual(['–', '–', '–', '-12\u2009▼', '+10\u2009▼', '', '+14', '-3', '+2', '', '', '']);
  });
});
