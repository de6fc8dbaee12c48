import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Grant } from '../lib/organisations';
import { appContext } from '../testing/contexts';
import GrantList from './GrantList.svelte';

const grant = (id: string, email: string, role: Grant['role'], unit: Grant['unit'] = null): Grant => ({
  id,
  organisationId: 'o1',
  organisationName: 'Acme',
  userId: `u-${id}`,
  email,
  role,
  unit,
  grantedBy: 'admin@example.org',
  createdAt: '',
});

const grants = [
  grant('g1', 'ann@example.org', 'org_admin'),
  grant('g2', 'bob@example.org', 'unit_viewer', { id: 'u-hr', code: 'HR', name: 'Human Resources' }),
];

describe('GrantList', () => {
  it('shows who has which role and what they see', () => {
    render(GrantList, { props: { grants, onremove: vi.fn() }, context: appContext({ language: 'nl' }).context });
    const table = screen.getByRole('table', { name: 'Mensen met een rol' });
    const bob = within(table).getByRole('row', { name: /bob@example\.org/ });
    expect(within(bob).getAllByRole('cell').map((c) => c.textContent?.trim())).toEqual([
      'Inzage in een eenheid',
      'HR Human Resources, en alle eenheden eronder',
      'Intrekken',
    ]);
    expect(within(table).getByRole('row', { name: /ann@example\.org/ }).textContent).toContain('De hele organisatie');
  });

  it('removes a role only after confirming, and cancelling returns focus to the button', async () => {
    const user = userEvent.setup();
    const onremove = vi.fn(async () => {});
    render(GrantList, { props: { grants, onremove }, context: appContext().context });
    const remove = screen.getByRole('button', { name: 'Remove the role Unit viewer of bob@example.org' });

    await user.click(remove);
    expect(remove.getAttribute('aria-expanded')).toBe('true');
    const question = screen.getByRole('group', { name: /Remove the role Unit viewer of bob@example\.org\?/ });
    expect(document.activeElement?.textContent?.trim()).toBe('Remove the role Unit viewer of bob@example.org? They lose this access at once.');
    await user.click(within(question).getByRole('button', { name: 'Cancel' }));
    expect(onremove).not.toHaveBeenCalled();
    expect(screen.queryByRole('group')).toBeNull();
    expect(document.activeElement).toBe(remove);

    await user.click(remove);
    await user.click(screen.getByRole('button', { name: 'Yes, remove' }));
    expect(onremove).toHaveBeenCalledWith(grants[1]);
    expect(screen.getByRole('status').textContent).toContain('The role Unit viewer of bob@example.org was removed.');
  });

  it('says so when nobody has a role', () => {
    render(GrantList, { props: { grants: [], onremove: vi.fn() }, context: appContext().context });
    expect(screen.getByText('Nobody has a role here yet.')).toBeTruthy();
  });
});
