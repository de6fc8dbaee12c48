import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { Participation } from '../lib/measurements';
import { appContext } from '../testing/contexts';
import ParticipationTable from './ParticipationTable.svelte';

const participation: Participation = {
  measurementId: 'm1',
  status: 'open',
  k: 5,
  units: [
    { id: 'b', code: 'HR', name: 'Human Resources', parentId: 'a', invited: 4, openLink: false, responded: null, rate: null },
    { id: 'a', code: 'ACME', name: 'Acme Ltd', parentId: null, invited: 20, openLink: false, responded: 12, rate: 60 },
    { id: 'c', code: 'OPS', name: 'Operations', parentId: 'a', invited: 16, openLink: false, responded: null, rate: null },
  ],
};

describe('ParticipationTable', () => {
  it('shows counts from k up and “fewer than k” for every hidden unit, in tree order', () => {
    render(ParticipationTable, { props: { participation }, context: appContext().context });
    const table = screen.getByRole('table', { name: 'Participation per unit' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell').map((c) => c.textContent?.trim()))).toEqual([
      ['20', '12', '60%'],
      ['4', 'fewer than 5', 'not shown'],
      ['16', 'fewer than 5', 'not shown'],
    ]);
    expect(within(rows[0]!).getByRole('rowheader').textContent).toContain('ACME');
    // The rule is explained, and tied to the table.
    const rule = screen.getByText(/only shown from 5 up/);
    expect(table.getAttribute('aria-describedby')).toBe(rule.id);
  });

  it('speaks Dutch', () => {
    render(ParticipationTable, { props: { participation }, context: appContext({ language: 'nl' }).context });
    expect(screen.getAllByText('minder dan 5')).toHaveLength(2);
    expect(screen.getByRole('table', { name: 'Deelname per eenheid' })).toBeTruthy();
  });
});
