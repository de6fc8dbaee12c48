import { agree, freeText, rating, scale, section, type QuestionnairePart } from '../builders';
import { safetyRating } from './response-scales';

const overallSafety = [
  agree('oc_feel_safe', {
    nl: 'Alles bij elkaar voel ik me veilig op mijn werk.',
    en: 'All in all, I feel safe at work.',
  }),
  agree('oc_recommend', {
    nl: 'Ik zou mijn organisatie bij anderen aanbevelen als een veilige plek om te werken.',
    en: 'I would recommend my organisation to others as a safe place to work.',
  }),
  agree(
    'oc_sometimes_unsafe',
    {
      nl: 'Soms voel ik me op mijn werk niet veilig door de manier waarop mensen met elkaar omgaan.',
      en: 'At times I do not feel safe at work because of the way people treat each other.',
    },
    { reverse: true },
  ),
];

// A single 0-10 grade, outside any scale (its range differs from the agreement items): reported item by item.
const grade = rating('oc_safety_grade', safetyRating.id, {
  nl: 'Welk cijfer van 0 tot 10 geef je de sociale veiligheid op je werk?',
  en: 'On a scale from 0 to 10, how would you rate social safety at your work?',
});

// Free text reaches readers verbatim, so it is sensitive (k_sensitive) and the text asks for no identifying details.
const suggestions = freeText(
  'oc_suggestions',
  {
    nl: 'Wil je nog iets kwijt over sociale veiligheid op je werk, bijvoorbeeld wat er beter kan? Noem geen namen of details waaraan jij of anderen te herkennen zijn.',
    en: 'Is there anything else you would like to say about social safety at your work, for example what could be improved? Please do not mention names or details by which you or others could be recognised.',
  },
  2000,
  { sensitive: true },
);

export const outcomesPart: QuestionnairePart = {
  sections: [
    section(
      'overall',
      { nl: 'Alles bij elkaar', en: 'All in all' },
      {
        nl: 'Tot slot een paar vragen over hoe veilig je je in het algemeen voelt op je werk.',
        en: 'Finally, a few questions about how safe you feel at work in general.',
      },
      [...overallSafety, grade, suggestions],
    ),
  ],
  scales: [
    scale({
      id: 'overall_safety',
      domain: 'outcomes',
      title: { nl: 'Ervaren sociale veiligheid', en: 'Overall sense of social safety' },
      items: overallSafety,
      direction: 'higher-is-better',
    }),
  ],
};
