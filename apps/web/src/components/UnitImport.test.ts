import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../lib/api';
import type { ImportOutcome } from '../lib/organisation-workspace.svelte';
import { appContext } from '../testing/contexts';
import UnitImport from './UnitImport.svelte';

const refused: ImportOutcome = {
  kind: 'invalid',
  total: 2,
  problems: [
    { kind: 'duplicate_code', line: 4, code: 'HR', message: '' },
    { kind: 'cycle', line: 6, code: 'B', message: '' },
  ],
};

function setup(onimport: (csv: string) => Promise<ImportOutcome>, language: 'en' | 'nl' = 'en') {
  const user = userEvent.setup();
  render(UnitImport, { props: { onimport }, context: appContext({ language }).context });
  return { user, rows: screen.getByRole('textbox', { name: language === 'en' ? 'Rows' : 'Regels' }) };
}

describe('UnitImport', () => {
  it('shows every problem by line, ties the list to the form and the rows, and moves focus to it', async () => {
    const onimport = vi.fn(async () => refused);
    const { user, rows } = setup(onimport);
    await user.type(rows, 'code;name;parent_code{Enter}A;A;');
    await user.click(screen.getByRole('button', { name: 'Import units' }));

    expect(onimport).toHaveBeenCalledWith('code;name;parent_code\nA;A;');
    const table = screen.getByRole('table', { name: 'Problems, by line' });
    expect(table.textContent).toContain('This code is used on an earlier line as well.');
    const summary = table.closest('.error-summary');
    expect(document.activeElement).toBe(summary);
    expect(summary?.getAttribute('aria-labelledby')).toBeTruthy();
    const form = screen.getByRole('form', { name: 'Import the unit tree' });
    expect(form.getAttribute('aria-describedby')).toBe(summary?.id);
    expect(rows.getAttribute('aria-invalid')).toBe('true');
    expect(rows.getAttribute('aria-describedby')?.split(' ')).toContain(`${summary?.id}-summary`);
  });

  it('confirms a successful import with the counts, and empties the box', async () => {
    const { user, rows } = setup(async () => ({ kind: 'imported', counts: { units: 3, created: 1, updated: 1, removed: 2, unchanged: 1 } }), 'nl');
    await user.type(rows, 'code;name;parent_code{Enter}A;A;');
    await user.click(screen.getByRole('button', { name: 'Eenheden importeren' }));
    expect(screen.getByRole('status').textContent).toContain(
      'De indeling is geïmporteerd: 3 eenheden (1 nieuw, 1 gewijzigd, 2 verwijderd, 1 ongewijzigd).',
    );
    expect((rows as HTMLTextAreaElement).value).toBe('');
    expect(rows.hasAttribute('aria-invalid')).toBe(false);
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('asks for rows before sending anything', async () => {
    const onimport = vi.fn();
    const { user, rows } = setup(onimport);
    await user.click(screen.getByRole('button', { name: 'Import units' }));
    expect(onimport).not.toHaveBeenCalled();
    expect(rows.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(rows);
    const errorId = rows.getAttribute('aria-describedby')?.split(' ').find((id) => id.endsWith('-text-error'));
    expect(document.getElementById(errorId ?? '')?.textContent).toBe('Choose a file or paste the rows first.');
  });

  it('puts the rows of a chosen file in the box', async () => {
    const { user, rows } = setup(vi.fn());
    const file = new File(['code,name,parent_code\nA,Alpha,\n'], 'units.csv', { type: 'text/csv' });
    await user.upload(screen.getByLabelText('CSV file'), file);
    await vi.waitFor(() => expect((rows as HTMLTextAreaElement).value).toBe('code,name,parent_code\nA,Alpha,\n'));
  });

  it('announces other refusals, such as units that people have access to', async () => {
    const { user, rows } = setup(async () => {
      throw new ApiError(409, 'UNITS_HAVE_GRANTS', 'The new tree leaves out…', { units: [{ code: 'HR', grants: 2 }, { code: 'OPS', grants: 1 }] });
    });
    await user.type(rows, 'code;name;parent_code{Enter}A;A;');
    await user.click(screen.getByRole('button', { name: 'Import units' }));
    expect(screen.getByRole('alert').textContent).toContain('people have access to: HR, OPS. Remove those roles first');
  });
});
