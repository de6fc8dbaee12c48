import type { ResponseScale } from '../../schema';

export const agreement5: ResponseScale = {
  id: 'agreement_5',
  title: { nl: 'Mate van instemming', en: 'Agreement' },
  options: [
    { value: 1, label: { nl: 'Helemaal oneens', en: 'Strongly disagree' } },
    { value: 2, label: { nl: 'Oneens', en: 'Disagree' } },
    { value: 3, label: { nl: 'Niet eens, niet oneens', en: 'Neither agree nor disagree' } },
    { value: 4, label: { nl: 'Eens', en: 'Agree' } },
    { value: 5, label: { nl: 'Helemaal eens', en: 'Strongly agree' } },
  ],
};

/** Unwanted behaviour in the past 12 months. Code 0 is "never", so prevalence is "any code above 0". */
export const frequency12Months: ResponseScale = {
  id: 'frequency_12_months',
  title: { nl: 'Hoe vaak in de afgelopen 12 maanden', en: 'How often in the past 12 months' },
  options: [
    { value: 0, label: { nl: 'Nooit', en: 'Never' } },
    { value: 1, label: { nl: 'Eén keer', en: 'Once' } },
    { value: 2, label: { nl: 'Een paar keer', en: 'A few times' } },
    { value: 3, label: { nl: 'Maandelijks', en: 'Monthly' } },
    { value: 4, label: { nl: 'Wekelijks of vaker', en: 'Weekly or more often' } },
  ],
};

/** Stress reactions in the past four weeks. */
export const frequency4Weeks: ResponseScale = {
  id: 'frequency_4_weeks',
  title: { nl: 'Hoe vaak in de afgelopen vier weken', en: 'How often in the past four weeks' },
  options: [
    { value: 0, label: { nl: 'Nooit', en: 'Never' } },
    { value: 1, label: { nl: 'Zelden', en: 'Rarely' } },
    { value: 2, label: { nl: 'Soms', en: 'Sometimes' } },
    { value: 3, label: { nl: 'Vaak', en: 'Often' } },
    { value: 4, label: { nl: '(Bijna) altijd', en: '(Almost) always' } },
  ],
};

/** 0-10 with labelled ends; the numbers in between speak for themselves in both languages. */
export const safetyRating: ResponseScale = {
  id: 'safety_0_10',
  title: { nl: 'Cijfer voor veiligheid', en: 'Safety score' },
  options: Array.from({ length: 11 }, (_, value) => ({
    value,
    label:
      value === 0
        ? { nl: '0 – heel onveilig', en: '0 – very unsafe' }
        : value === 10
          ? { nl: '10 – heel veilig', en: '10 – very safe' }
          : { nl: String(value), en: String(value) },
  })),
};

export const responseScales: ResponseScale[] = [agreement5, frequency12Months, frequency4Weeks, safetyRating];
