import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { UnitNode } from '../lib/organisations';
import { appContext } from '../testing/contexts';
import UnitTree from './UnitTree.svelte';

const unit = (code: string, name: string, children: UnitNode[] = []): UnitNode => ({ id: `id-${code}`, code, name, children });

const tree = [
  unit('ACME', 'Acme Ltd', [unit('HR', 'Human Resources', [unit('HR-REC', 'Recruitment')]), unit('OPS', 'Operations')]),
  unit('LAB', 'Laboratory'),
];

describe('UnitTree', () => {
  it('shows the tree as nested lists with code and name, fully open when small', () => {
    render(UnitTree, { props: { units: tree }, context: appContext().context });
    const root = screen.getByRole('list', { name: 'Unit tree' });
    const top = within(root).getAllByRole('listitem').filter((li) => li.parentElement === root);
    expect(top.map((li) => li.querySelector('.unit')?.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'Units under Acme Ltd ACME Acme Ltd',
      'LAB Laboratory',
    ]);
    // Three levels deep: Recruitment sits in a list inside Human Resources inside Acme.
    const recruitment = screen.getByText('Recruitment').closest('li');
    expect(recruitment?.parentElement?.closest('li')?.querySelector('.unit-name')?.textContent).toBe('Human Resources');
    expect(screen.getByText('5 units')).toBeTruthy();
  });

  it('collapses and expands a unit with a button that says whether it is open', async () => {
    const user = userEvent.setup();
    render(UnitTree, { props: { units: tree }, context: appContext().context });
    const toggle = screen.getByRole('button', { name: 'Units under Human Resources' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(document.getElementById(toggle.getAttribute('aria-controls') ?? '')?.textContent).toContain('Recruitment');

    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.hasAttribute('aria-controls')).toBe(false);
    expect(screen.queryByText('Recruitment')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Collapse all' }));
    expect(screen.queryByText('Human Resources')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Expand all' }));
    expect(screen.getByText('Recruitment')).toBeTruthy();
  });

  it('opens only the top level of a large tree', () => {
    const teams = Array.from({ length: 120 }, (_, i) => unit(`T${i}`, `Team ${i}`, [unit(`T${i}-A`, `Team ${i} A`)]));
    render(UnitTree, { props: { units: [unit('BIG', 'Big Corp', teams)] }, context: appContext({ language: 'nl' }).context });
    expect(screen.getByText('241 eenheden')).toBeTruthy();
    expect(screen.getByText('Team 7')).toBeTruthy();
    expect(screen.queryByText('Team 7 A')).toBeNull();
    expect(screen.getByRole('button', { name: 'Eenheden onder Team 7' }).getAttribute('aria-expanded')).toBe('false');
  });
});
