import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { appContext } from '../testing/contexts';
import UnitProblems from './UnitProblems.svelte';

const problems = [
  { kind: 'missing_column', line: 1, message: 'line 1: the header must name the columns' },
  { kind: 'empty_name', line: 3, code: 'HR', message: "line 3: unit 'HR' has an empty name" },
  { kind: 'unknown_parent', line: 5, code: 'OPS', message: "line 5: parent 'NOPE' of 'OPS' is not in the tree" },
  { kind: 'something_new', line: 6, code: 'X', message: 'line 6: a rule added to the API later' },
  { kind: 'empty_tree', message: 'The tree has no units' },
];

const rows = () =>
  within(screen.getByRole('table'))
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim()));

describe('UnitProblems', () => {
  it('lists every problem with its line and code, in a table named by its caption', () => {
    render(UnitProblems, { props: { id: 'p', problems, total: problems.length }, context: appContext().context });
    expect(screen.getByRole('table', { name: 'Problems, by line' })).toBeTruthy();
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Line', 'Code', 'Problem']);
    expect(rows()).toEqual([
      ['1', '', 'The first line must name the columns code, name and parent_code.'],
      ['3', 'HR', 'The name is empty.'],
      ['5', 'OPS', 'The parent_code is not the code of any unit in the list.'],
      // A kind this version does not know keeps the API's own message.
      ['6', 'X', 'line 6: a rule added to the API later'],
      ['whole file', '', 'There are no units: add at least one line under the header.'],
    ]);
    expect(screen.getByRole('heading', { level: 4 }).textContent).toBe('The unit tree was not imported');
    expect(document.getElementById('p-summary')?.textContent?.trim()).toBe(
      'There are 5 problems. Nothing was changed: correct them and import again.',
    );
  });

  it('speaks Dutch, in the singular for one problem, and says when only the first are listed', () => {
    const { unmount } = render(UnitProblems, {
      props: { id: 'p', problems: problems.slice(1, 2), total: 1 },
      context: appContext({ language: 'nl' }).context,
    });
    expect(screen.getByRole('table', { name: 'Problemen per regel' })).toBeTruthy();
    expect(rows()).toEqual([['3', 'HR', 'De naam is leeg.']]);
    expect(document.getElementById('p-summary')?.textContent?.trim()).toBe(
      'Er is 1 probleem. Er is niets gewijzigd: verbeter het en importeer opnieuw.',
    );
    unmount();

    render(UnitProblems, { props: { id: 'q', problems: problems.slice(0, 2), total: 1500 }, context: appContext().context });
    expect(document.getElementById('q-summary')?.textContent).toContain('There are 1500 problems.');
    expect(document.getElementById('q-summary')?.textContent).toContain('The first 2 are listed.');
  });
});
