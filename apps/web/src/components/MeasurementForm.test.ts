import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../lib/api';
import type { Measurement, NewMeasurement, VersionChoice } from '../lib/measurements';
import { appContext } from '../testing/contexts';
import MeasurementForm from './MeasurementForm.svelte';

const versions: VersionChoice[] = [{ key: 'social-safety', version: '1.0.0', title: { en: 'Social safety', nl: 'Sociale veiligheid' }, languages: ['nl', 'en'] }];
const demographics = [
  { id: 'age_band', text: { en: 'Your age', nl: 'Je leeftijd' } },
  { id: 'tenure', text: { en: 'Years here', nl: 'Jaren hier' } },
];

function setup(oncreate = vi.fn(async (m: NewMeasurement) => ({ id: 'm1', ...m }) as unknown as Measurement)) {
  const user = userEvent.setup();
  render(MeasurementForm, {
    props: { loadVersions: async () => versions, loadDemographics: async () => demographics, oncreate, today: '2025-03-01' },
    context: appContext().context,
  });
  return { user, oncreate };
}

const describedBy = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent)
    .join(' | ');

describe('MeasurementForm', () => {
  it('offers the version’s languages and background questions, explains k, and sends what was chosen', async () => {
    const { user, oncreate } = setup();
    await screen.findByRole('checkbox', { name: 'Your age' });
    expect((screen.getByLabelText('Questionnaire') as HTMLSelectElement).selectedOptions[0]?.textContent?.trim()).toBe(
      'Social safety (version 1.0.0)',
    );
    expect(screen.getByRole('group', { name: 'Languages' })).toBeTruthy();
    expect((screen.getByRole('checkbox', { name: 'Nederlands' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('group', { name: 'Anonymity' }).getAttribute('aria-describedby')).toBeTruthy();
    expect((screen.getByLabelText('Minimum group size (k)') as HTMLInputElement).value).toBe('5');
    expect((screen.getByLabelText('Minimum group size for sensitive questions') as HTMLInputElement).value).toBe('10');

    await user.type(screen.getByLabelText('Title'), 'Social safety 2025');
    await user.click(screen.getByRole('checkbox', { name: 'English' }));
    await user.click(screen.getByRole('checkbox', { name: 'Your age' }));
    await user.click(screen.getByRole('button', { name: 'Create measurement' }));

    expect(oncreate).toHaveBeenCalledWith({
      title: 'Social safety 2025',
      questionnaire: { key: 'social-safety', version: '1.0.0' },
      languages: ['nl'],
      demographics: ['age_band'],
      k: 5,
      kSensitive: 10,
      opensAt: '2025-03-01',
      closesAt: '2025-03-15',
    });
    expect((await screen.findByRole('status')).textContent).toContain('The measurement Social safety 2025 was created as a draft.');
  });

  it('refuses k out of range and a sensitive threshold below k, at the fields, without sending', async () => {
    const { user, oncreate } = setup();
    await screen.findByRole('checkbox', { name: 'Your age' });
    await user.type(screen.getByLabelText('Title'), 'Survey');
    const k = screen.getByLabelText('Minimum group size (k)');
    const sensitive = screen.getByLabelText('Minimum group size for sensitive questions');
    await user.clear(k);
    await user.type(k, '4');
    await user.click(screen.getByRole('button', { name: 'Create measurement' }));
    expect(oncreate).not.toHaveBeenCalled();
    expect(k.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(k)).toContain('Enter a whole number from 5 to 50.');
    expect(document.activeElement).toBe(k);

    await user.clear(k);
    await user.type(k, '12');
    expect(k.getAttribute('aria-invalid')).toBeNull();
    expect(sensitive.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(sensitive)).toContain('This must be at least the minimum group size (12).');
    await user.clear(sensitive);
    await user.type(sensitive, '12');
    await user.click(screen.getByRole('button', { name: 'Create measurement' }));
    expect(oncreate).toHaveBeenCalledWith(expect.objectContaining({ k: 12, kSensitive: 12 }));
  });

  it('shows the API’s own problems at their fields', async () => {
    const oncreate = vi.fn(async () => {
      throw new ApiError(422, 'MEASUREMENT_INVALID', 'The measurement has 1 problem(s)', {
        issues: [{ field: 'closesAt', message: 'must not be in the past (today is 2025-03-02)' }],
      });
    });
    const { user } = setup(oncreate);
    await screen.findByRole('checkbox', { name: 'Your age' });
    await user.type(screen.getByLabelText('Title'), 'Survey');
    await user.click(screen.getByRole('button', { name: 'Create measurement' }));
    const closes = screen.getByLabelText('Last day');
    expect(closes.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(closes)).toContain('must not be in the past (today is 2025-03-02)');
  });
});
