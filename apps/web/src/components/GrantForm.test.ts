import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../lib/api';
import type { Grant, NewGrant, UnitNode } from '../lib/organisations';
import { appContext } from '../testing/contexts';
import GrantForm from './GrantForm.svelte';

const units: UnitNode[] = [
  { id: 'u-acme', code: 'ACME', name: 'Acme', children: [{ id: 'u-hr', code: 'HR', name: 'Human Resources', children: [] }] },
];

const granted = (input: NewGrant): Grant => ({
  id: 'g1',
  organisationId: 'o1',
  organisationName: 'Acme',
  userId: 'u2',
  email: input.email,
  role: input.role,
  unit: null,
  grantedBy: null,
  createdAt: '',
});

function setup(onadd: (grant: NewGrant) => Promise<Grant>) {
  const user = userEvent.setup();
  render(GrantForm, { props: { units, onadd }, context: appContext().context });
  return { user, email: screen.getByRole('textbox', { name: 'Email address of the account' }), role: screen.getByRole('combobox', { name: 'Role' }) };
}

describe('GrantForm', () => {
  it('asks for a unit only for a unit viewer, indented by level', async () => {
    const onadd = vi.fn(async (g: NewGrant) => granted(g));
    const { user, email, role } = setup(onadd);
    expect(screen.queryByRole('combobox', { name: 'Unit' })).toBeNull();
    await user.selectOptions(role, 'unit_viewer');
    const unit = screen.getByRole('combobox', { name: 'Unit' });
    expect([...(unit as HTMLSelectElement).options].map((o) => o.textContent)).toEqual([
      'Choose a unit',
      'ACME Acme',
      '\u00a0\u00a0HR Human Resources',
    ]);
    expect(screen.getByText('Sees the results of one unit and the units under it.')).toBeTruthy();

    await user.type(email, 'bob@example.org');
    await user.click(screen.getByRole('button', { name: 'Give role' }));
    expect(onadd).not.toHaveBeenCalled();
    expect(unit.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(unit);

    await user.selectOptions(unit, 'u-hr');
    await user.click(screen.getByRole('button', { name: 'Give role' }));
    expect(onadd).toHaveBeenCalledWith({ email: 'bob@example.org', role: 'unit_viewer', unitId: 'u-hr' });
    expect(screen.getByRole('status').textContent).toContain('bob@example.org now has the role Unit viewer.');
  });

  it('sends no unit for roles that cover the whole organisation', async () => {
    const onadd = vi.fn(async (g: NewGrant) => granted(g));
    const { user, email, role } = setup(onadd);
    await user.type(email, ' ann@example.org ');
    await user.selectOptions(role, 'org_admin');
    await user.click(screen.getByRole('button', { name: 'Give role' }));
    expect(onadd).toHaveBeenCalledWith({ email: 'ann@example.org', role: 'org_admin', unitId: null });
  });

  it('ties an unknown account to the email field, and other refusals to the form', async () => {
    const answers = [new ApiError(422, 'USER_NOT_FOUND', 'There is no account'), new ApiError(409, 'GRANT_EXISTS', 'already')];
    const { user, email } = setup(async () => {
      throw answers.shift();
    });
    await user.click(screen.getByRole('button', { name: 'Give role' }));
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(email.getAttribute('aria-describedby')?.split(' ')[1] ?? '')?.textContent).toBe(
      'Enter the email address of the account.',
    );

    await user.type(email, 'nobody@example.org');
    await user.click(screen.getByRole('button', { name: 'Give role' }));
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.getAttribute('aria-describedby')).toMatch(/-email-error$/);
    expect(screen.getByText(/There is no account with this email address/)).toBeTruthy();
    expect(document.activeElement).toBe(email);

    await user.click(screen.getByRole('button', { name: 'Give role' }));
    expect(email.hasAttribute('aria-invalid')).toBe(false);
    expect(screen.getByRole('alert').textContent).toContain('This person already has this role here.');
  });
});
