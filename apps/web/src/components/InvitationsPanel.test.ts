import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../lib/api';
import type { LinkSummaryUnit, Links } from '../lib/measurements';
import { appContext } from '../testing/contexts';
import InvitationsPanel from './InvitationsPanel.svelte';

const units = [
  { id: 'a', code: 'ACME', name: 'Acme Ltd', parentId: null },
  { id: 'b', code: 'HR', name: 'Human Resources', parentId: 'a' },
];
const summary: LinkSummaryUnit[] = [
  { ...units[0]!, invited: 0, revoked: 0, openLink: false },
  { ...units[1]!, invited: 3, revoked: 0, openLink: false },
];
const made: Links = {
  measurementId: 'm1',
  unit: { id: 'b', code: 'HR', name: 'Human Resources' },
  kind: 'personal',
  createdOn: '2025-03-01',
  links: ['https://x.example/s/one', 'https://x.example/s/two'],
};

describe('InvitationsPanel', () => {
  it('makes links for a unit and shows them once, with a CSV download and a copy button', async () => {
    const user = userEvent.setup();
    const oncreate = vi.fn(async () => made);
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(InvitationsPanel, { props: { units, summary, oncreate, onrevoke: vi.fn() }, context: appContext().context });

    await user.click(screen.getByRole('button', { name: 'Make links' }));
    expect(oncreate).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Unit').getAttribute('aria-invalid')).toBe('true');

    await user.selectOptions(screen.getByLabelText('Unit'), 'HR');
    const count = screen.getByLabelText('Number of links');
    await user.clear(count);
    await user.type(count, '2');
    await user.click(screen.getByRole('button', { name: 'Make links' }));
    expect(oncreate).toHaveBeenCalledWith('HR', 2);

    const shown = await screen.findByRole('region', { name: '2 links for HR Human Resources' });
    expect(within(shown).getByText(/shown only now/)).toBeTruthy();
    expect((within(shown).getByLabelText('The links, one per line') as HTMLTextAreaElement).value).toBe(made.links.join('\n'));
    const download = within(shown).getByRole('link', { name: 'Download CSV' });
    expect(download.getAttribute('download')).toBe('links-HR-2025-03-01.csv');
    expect(decodeURIComponent(download.getAttribute('href') ?? '')).toBe(
      'data:text/csv;charset=utf-8,\uFEFFunit_code,unit_name,link\r\nHR,Human Resources,https://x.example/s/one\r\nHR,Human Resources,https://x.example/s/two\r\n',
    );
    await user.click(within(shown).getByRole('button', { name: 'Copy all links' }));
    expect(writeText).toHaveBeenCalledWith('https://x.example/s/one\nhttps://x.example/s/two');
    expect(screen.getByText('The links were copied.')).toBeTruthy();
  });

  it('withdraws a unit’s links after asking, and shows a refusal', async () => {
    const user = userEvent.setup();
    const onrevoke = vi.fn().mockRejectedValueOnce(new ApiError(409, 'MEASUREMENT_CLOSED', 'The measurement is closed.')).mockResolvedValueOnce(3);
    render(InvitationsPanel, { props: { units, summary, oncreate: vi.fn(), onrevoke }, context: appContext().context });
    const table = screen.getByRole('table', { name: 'Personal links per unit' });
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Withdraw the links of HR Human Resources' }));
    expect(document.activeElement?.textContent).toContain('Withdraw all 3 links of HR Human Resources?');
    await user.click(screen.getByRole('button', { name: 'Yes, withdraw' }));
    expect(screen.getByText('The measurement is closed.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Yes, withdraw' }));
    expect(onrevoke).toHaveBeenLastCalledWith('HR');
    expect(screen.getByText('3 links of HR were withdrawn.')).toBeTruthy();
  });
});
