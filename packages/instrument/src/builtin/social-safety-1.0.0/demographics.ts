import type { Demographic } from '../../schema';
import { demographic } from '../builders';

// Coarse bands only: finer ones would make small groups recognisable. Each question can be declined.
const preferNotToSay = { nl: 'Zeg ik liever niet', en: 'Prefer not to say', preferNotToSay: true } as const;

export const demographics: Demographic[] = [
  demographic('age_band', { nl: 'Wat is je leeftijd?', en: 'What is your age?' }, [
    { value: 1, nl: 'Jonger dan 30 jaar', en: 'Under 30' },
    { value: 2, nl: '30 tot en met 44 jaar', en: '30 to 44' },
    { value: 3, nl: '45 tot en met 59 jaar', en: '45 to 59' },
    { value: 4, nl: '60 jaar of ouder', en: '60 or older' },
    { value: 9, ...preferNotToSay },
  ]),
  demographic('tenure_band', { nl: 'Hoe lang werk je bij deze organisatie?', en: 'How long have you worked for this organisation?' }, [
    { value: 1, nl: 'Korter dan 2 jaar', en: 'Less than 2 years' },
    { value: 2, nl: '2 tot 5 jaar', en: '2 to under 5 years' },
    { value: 3, nl: '5 tot 10 jaar', en: '5 to under 10 years' },
    { value: 4, nl: '10 jaar of langer', en: '10 years or more' },
    { value: 9, ...preferNotToSay },
  ]),
  demographic('contract', { nl: 'Wat voor contract heb je?', en: 'What kind of contract do you have?' }, [
    { value: 1, nl: 'Vast contract', en: 'Permanent contract' },
    { value: 2, nl: 'Tijdelijk contract', en: 'Temporary contract' },
    { value: 3, nl: 'Flexibel contract of oproepcontract', en: 'Flexible or on-call contract' },
    { value: 4, nl: 'Stage of traineeship', en: 'Internship or traineeship' },
    { value: 9, ...preferNotToSay },
  ]),
  demographic('supervises', { nl: 'Geef je leiding aan andere mensen?', en: 'Do you manage other people?' }, [
    { value: 1, nl: 'Ja', en: 'Yes' },
    { value: 2, nl: 'Nee', en: 'No' },
    { value: 9, ...preferNotToSay },
  ]),
  demographic('gender', { nl: 'Wat is je gender?', en: 'What is your gender?' }, [
    { value: 1, nl: 'Vrouw', en: 'Woman' },
    { value: 2, nl: 'Man', en: 'Man' },
    { value: 3, nl: 'Anders', en: 'Other' },
    { value: 9, ...preferNotToSay },
  ]),
];
