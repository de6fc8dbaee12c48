import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExportPreview } from '../lib/export';
import { appContext } from '../testing/contexts';
import { apiError, stubFetch, type Answer, type Call } from '../testing/fetch-stub';
import Export from './Export.svelte';

const available: ExportPreview['available'] = [
  { name: 'unit', kind: 'unit', label: { en: 'Unit', nl: 'Afdeling' }, maxDepth: 2 },
  { name: 'age_band', kind: 'demographic', label: { en: 'Age', nl: 'Leeftijd' }, maxDepth: null },
  { name: 'language', kind: 'language', label: { en: 'Language of the answers', nl: 'Taal van de antwoorden' }, maxDepth: null },
];

/** A preview as the API answers it; coarser (and so less lossy) when the unit is cut higher. */
function previewFor(qi: string | null): ExportPreview {
  const names = qi === null ? ['unit', 'age_band', 'language'] : qi.split(',').filter(Boolean).map((n) => n.split(':')[0]!);
  const fine = qi === null || qi.includes('unit:2');
  return {
    measurementId: 'm1',
    k: 10,
    l: 2,
    maxSuppressedShare: 0.05,
    sensitive: ['bh_exp_any', 'bh_wit_any'],
    available,
    selection: qi ?? 'unit:2,age_band,language',
    recordsIn: 60,
    recordsReleased: fine ? 52 : 60,
    recordsSuppressed: fine ? 8 : 0,
    withinSuppressionLimit: !fine,
    informationLoss: fine ? 0.42 : 0.1,
    classes: fine ? 3 : 2,
    smallestClass: fine ? 11 : 25,
    quasiIdentifiers: names.map((name) => ({
      name,
      level: name === 'unit' ? 1 : name === 'language' ? 1 : 0,
      height: name === 'unit' ? 3 : name === 'language' ? 1 : 3,
      generalisation: 'api words',
      generalisedShare: name === 'age_band' ? null : 0.5,
      distinctValues: 2,
    })),
    levels: {},
  };
}

let calls: Call[];

function setup(answer: (method: string, path: string) => Answer, language: 'en' | 'nl' = 'en') {
  calls = stubFetch(answer);
  const app = appContext({ language });
  render(Export, { props: { id: 'm1', debounceMs: 20 }, context: app.context });
}

const api = (_method: string, path: string): Answer => {
  if (path === '/api/v1/measurements/m1') return { status: 200, body: { id: 'm1', title: 'Social safety 2026', status: 'closed' } };
  const url = new URL(path, 'http://x');
  return { status: 200, body: previewFor(url.searchParams.get('qi')) };
};
const previews = () => calls.filter((c) => c.path.includes('/export/preview')).map((c) => c.path);

describe('Export page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows what the export does with everything kept, and offers the zip with those options', async () => {
    setup(api);
    expect((await screen.findByRole('heading', { level: 1, name: 'Research export: Social safety 2026' })).textContent).toBeTruthy();
    const preview = await screen.findByRole('region', { name: 'What the export will do' });
    expect(preview.textContent).toContain('52 of the 60 responses will be in the file.');
    expect(preview.textContent).toContain('8 responses are left out');
    expect(preview.textContent).toContain('at least 10 responses (k = 10)');
    expect(preview.textContent).toContain('at least 2 different answers (l = 2)');
    expect(preview.textContent).toContain('the smallest has 11 responses');
    expect(preview.textContent).toContain('Information lost: 42%');
    expect(preview.textContent).toContain('More than 5% of the responses would be left out');
    const table = within(preview).getByRole('table', { name: 'What happens to each characteristic you keep' });
    const rows = within(table).getAllByRole('row').slice(1).map((row) => [...row.children].map((cell) => cell.textContent?.trim()));
    expect(rows).toEqual([
      ['Unit', 'units down to level 1; deeper units shown as the unit above them', '50%', '2'],
      ['Age', 'as answered', '—', '2'],
      ['Language of the answers', 'hidden (*) for everyone', '50%', '2'],
    ]);
    expect((screen.getByLabelText('Unit') as HTMLSelectElement).value).toBe('2');
    expect((screen.getByRole('checkbox', { name: 'Age' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('link', { name: 'Download the export (zip)' }).getAttribute('href')).toBe(
      '/api/v1/measurements/m1/export?qi=unit%3A2%2Cage_band%2Clanguage',
    );
    // Only the first preview: the options it starts from are the ones it was made for.
    expect(previews()).toEqual(['/api/v1/measurements/m1/export/preview']);
  });

  it('asks for a new preview when the options change, and the download follows them', async () => {
    setup(api);
    const unit = await screen.findByLabelText('Unit');
    await userEvent.selectOptions(unit, '1');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Language of the answers' }));
    await waitFor(() => expect(previews().at(-1)).toBe('/api/v1/measurements/m1/export/preview?qi=unit%3A1%2Cage_band'));
    await waitFor(() => expect(screen.getByRole('region', { name: 'What the export will do' }).textContent).toContain('60 of the 60 responses'));
    expect(screen.getByRole('region', { name: 'What the export will do' }).textContent).toContain('No response needs to be left out.');
    expect(screen.getByRole('link', { name: 'Download the export (zip)' }).getAttribute('href')).toBe(
      '/api/v1/measurements/m1/export?qi=unit%3A1%2Cage_band',
    );

    // Nothing kept is asked for as "none" (an empty qi), not left out (which would mean "all").
    await userEvent.selectOptions(unit, 'none');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Age' }));
    await waitFor(() => expect(previews().at(-1)).toBe('/api/v1/measurements/m1/export/preview?qi='));
    expect(screen.getByText('You keep no characteristics: the file then says nothing about who answered.')).toBeTruthy();
  });

  it('speaks Dutch', async () => {
    setup(api, 'nl');
    const preview = await screen.findByRole('region', { name: 'Wat de export doet' });
    expect(preview.textContent).toContain('52 van de 60 antwoordformulieren komen in het bestand.');
    expect(preview.textContent).toContain('Verloren informatie: 42%');
    expect(screen.getByRole('checkbox', { name: 'Leeftijd' })).toBeTruthy();
  });

  it('says that the export comes when the measurement closes', async () => {
    setup((method, path) => (path.includes('/export') ? apiError(409, 'EXPORT_NOT_AVAILABLE', 'open') : api(method, path)));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The export can be made once the measurement has closed. This measurement is not closed yet.',
    );
    expect(screen.queryByRole('link', { name: 'Download the export (zip)' })).toBeNull();
  });

  it('explains who may export instead of a bare "forbidden"', async () => {
    setup((method, path) => (path.includes('/export') ? apiError(403, 'FORBIDDEN') : api(method, path)));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Researchers and organisation administrators/);
  });
});
