import { cleanup, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { HeatmapMetric, HeatmapRow } from '../../lib/results';
import { appContext } from '../../testing/contexts';
import { heatmapFixture } from '../../testing/results-fixtures';
import HeatmapTable from './HeatmapTable.svelte';

function renderTable(metric: HeatmapMetric = 'mean', language: 'en' | 'nl' = 'en') {
  const map = heatmapFixture(metric);
  render(HeatmapTable, {
    props: {
      rows: map.rows,
      columns: map.columns,
      metric,
      k: map.k,
      kSensitive: map.kSensitive,
      indent: true,
      unitHref: (id: string) => `/unit/${id}`,
      drillHref: (row: HeatmapRow) => (row.hasChildren && row.level > 0 ? `/drill/${row.unitId}` : null),
    },
    context: appContext({ language }).context,
  });
  return screen.getByRole('table');
}

/** What each data cell shows on screen (the marks included), row by row. */
const visible = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell').map((cell) => cell.querySelector('[aria-hidden="true"]')?.textContent ?? cell.textContent?.trim()));

describe('HeatmapTable', () => {
  it('shows every unit with its responses and a score per topic, marks where the organisation differs', () => {
    const table = renderTable();
    expect(table.querySelector('caption')?.textContent).toBe('Score from 0 to 100 per unit and topic');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent?.trim())).toEqual([
      'Unit',
      'Responses',
      'Psychological safety',
      'Work pace ↓ lower is better',
      'Trust in reporting',
    ]);
    expect(visible(table)).toEqual([
      ['40', '61', '48', '55'],
      ['21', '45*', '62*', '–'],
      ['14', '79', '38', '70'],
      ['hidden', '–', '–', '–'],
    ]);
  });

  it('says in words what colour and hatching show: interval, n, zone, significance, and why a cell is hidden', () => {
    const table = renderTable();
    const care = within(table).getByRole('row', { name: /Care/ });
    const [, psy, , trust] = within(care).getAllByRole('cell');
    expect(psy?.textContent).toContain('Score 45 (95% CI 39–51); Based on 12 people; Attention needed; differs significantly from the organisation');
    // A hidden cell names the threshold of its topic: sensitive topics are published from k_sensitive.
    expect(trust?.textContent).toContain('fewer than 10 people, or needed to protect a smaller group');
    expect(trust?.classList.contains('hatched')).toBe(true);
    const desk = within(table).getByRole('row', { name: /Desk/ });
    expect(within(desk).getAllByRole('cell')[1]?.textContent).toContain('fewer than 5 people');
    expect(within(desk).getAllByRole('cell')[1]?.textContent).not.toMatch(/\d+ \(/);
  });

  it('colours scores by risk zone, and differences by better (blue) or worse (red) whichever way the topic runs', () => {
    const means = renderTable('mean');
    const careMeans = within(within(means).getByRole('row', { name: /Care/ })).getAllByRole('cell');
    expect(careMeans[1]?.style.backgroundColor).toBe('rgb(240, 140, 128)');
    cleanup();
    const differences = renderTable('vsOrganisation');
    const care = within(within(differences).getByRole('row', { name: /Care/ })).getAllByRole('cell');
    const it = within(within(differences).getByRole('row', { name: /IT/ })).getAllByRole('cell');
    const redness = (cell: HTMLElement | undefined) => {
      const [r, , b] = (cell?.style.backgroundColor.match(/\d+/g) ?? []).map(Number);
      return (r ?? 0) - (b ?? 0);
    };
    // -12 on a higher-is-better topic and +10 on a higher-is-worse one are both worse: red; +14 better: blue.
    expect(redness(care[1])).toBeGreaterThan(0);
    expect(redness(care[2])).toBeGreaterThan(0);
    expect(redness(it[1])).toBeLessThan(0);
    expect(visible(differences)[1]).toEqual(['21', '-12▼', '+10▼', '–']);
    expect(care[1]?.textContent).toContain('significantly worse than the organisation');
    // The organisation itself is the reference: no difference.
    expect(visible(differences)[0]).toEqual(['40', '–', '–', '–']);
  });

  it('links each unit to its details and offers to show the units under those that have some', () => {
    const table = renderTable();
    expect(within(table).getByRole('link', { name: 'Care' }).getAttribute('href')).toBe('/unit/care');
    expect(within(table).getByRole('link', { name: 'Show units under Care' }).getAttribute('href')).toBe('/drill/care');
    expect(within(table).queryByRole('link', { name: 'Show units under IT' })).toBeNull();
    expect(within(table).queryByRole('link', { name: 'Show units under Acme' })).toBeNull();
  });

  it('speaks Dutch, with Dutch numbers', () => {
    const table = renderTable('favourable', 'nl');
    expect(table.querySelector('caption')?.textContent).toBe('Aandeel mensen aan de gunstige kant per eenheid en onderwerp');
    expect(visible(table)[0]?.[1]).toBe('61%');
    expect(within(table).getByRole('row', { name: /Desk/ }).textContent).toContain('verborgen');
  });
});
