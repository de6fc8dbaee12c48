import { validateQuestionnaire, type QuestionnaireDefinition } from '@socialsafety/instrument';

/*
 * A small hand-written questionnaire for the hand-computed tests: a 7-item mean scale with two reverse-keyed items
 * and a "don't know" option, a 2-item scale shown only to team leaders and a standalone item behind it (a chain of
 * conditions), a standalone 0-10 grade, free text, and a behaviour section (two experienced categories with source /
 * reported / handling follow-ups, the second offering fewer sources; one witnessed category with a reported
 * follow-up only) under a prevalence scale. It is run through validateQuestionnaire, so
 * the tests score a definition the product would accept.
 */

const t = (en: string) => ({ nl: en, en });
const agree = (id: string, options: Record<string, unknown> = {}) => ({
  id,
  type: 'likert-5',
  text: t(id),
  responseScaleId: 'agree',
  ...options,
});
const SHOWN_AFTER_YES = [1, 2, 3, 4];
const SOURCE_OPTIONS = [
  { value: 1, label: t('colleague'), source: 'colleague' },
  { value: 2, label: t('my manager'), source: 'direct-manager' },
  { value: 5, label: t('client'), source: 'external' },
  { value: 6, label: t('someone else'), source: 'other' },
];
const FEWER_SOURCE_OPTIONS = SOURCE_OPTIONS.filter((option) => option.source === 'colleague' || option.source === 'external');
const REPORTED_OPTIONS = [
  { value: 0, label: t('no'), exclusive: true, reportedTo: 'not-reported' },
  { value: 1, label: t('HR'), reportedTo: 'hr' },
  { value: 2, label: t('confidential adviser'), reportedTo: 'confidential-adviser' },
];
const HANDLING_OPTIONS = [
  { value: 1, label: t('well'), handling: 'satisfactory' },
  { value: 2, label: t('nothing done'), handling: 'no-action' },
  { value: 3, label: t('do not know'), handling: 'unknown' },
];

function behaviour(
  id: string,
  category: string,
  mode: 'experienced' | 'witnessed',
  followUps: ('source' | 'reported' | 'handling')[],
  sourceOptions = SOURCE_OPTIONS,
) {
  const items: Record<string, unknown>[] = [
    { id, type: 'frequency', text: t(id), responseScaleId: 'freq', sensitive: true, behaviour: { category, mode } },
  ];
  const shown = { sensitive: true, condition: { itemId: id, anyOf: SHOWN_AFTER_YES } };
  if (followUps.includes('source')) {
    items.push({
      id: `${id}_source`,
      type: 'multiple-choice',
      text: t('who'),
      ...shown,
      followUp: { role: 'source', of: id },
      options: sourceOptions,
    });
  }
  if (followUps.includes('reported')) {
    items.push({
      id: `${id}_reported`,
      type: 'multiple-choice',
      text: t('reported'),
      ...shown,
      followUp: { role: 'reported', of: id },
      options: REPORTED_OPTIONS,
    });
  }
  if (followUps.includes('handling')) {
    items.push({
      id: `${id}_handling`,
      type: 'single-choice',
      text: t('handled'),
      sensitive: true,
      allowDontKnow: true,
      condition: { itemId: `${id}_reported`, anyOf: [1, 2] },
      followUp: { role: 'handling', of: id },
      options: HANDLING_OPTIONS,
    });
  }
  return items;
}

const input = {
  schemaVersion: 1,
  key: 'small',
  version: '1.0.0',
  languages: ['nl', 'en'],
  title: t('Small'),
  description: t('Small questionnaire for scoring tests'),
  intro: t('Intro'),
  dontKnowLabel: t('Don’t know'),
  estimatedMinutes: 3,
  responseScales: [
    { id: 'agree', title: t('agreement'), options: [1, 2, 3, 4, 5].map((value) => ({ value, label: t(`a${value}`) })) },
    { id: 'freq', title: t('frequency'), options: [0, 1, 2, 3, 4].map((value) => ({ value, label: t(`f${value}`) })) },
    { id: 'grade', title: t('grade'), options: Array.from({ length: 11 }, (_, value) => ({ value, label: t(`g${value}`) })) },
  ],
  sections: [
    {
      id: 'climate',
      title: t('Climate'),
      items: [
        agree('c1'),
        agree('c2', { reverse: true }),
        agree('c3', { allowDontKnow: true }),
        agree('c4'),
        agree('c5', { reverse: true }),
        agree('c6'),
        agree('c7'),
        {
          id: 'leads',
          type: 'single-choice',
          text: t('Do you lead a team?'),
          options: [
            { value: 1, label: t('yes') },
            { value: 2, label: t('no') },
          ],
        },
        agree('lead1', { condition: { itemId: 'leads', anyOf: [1] } }),
        agree('lead2', { reverse: true, condition: { itemId: 'leads', anyOf: [1] } }),
        // A chain: shown to team leaders who disagree with lead1, outside any scale.
        agree('lead_why', { condition: { itemId: 'lead1', anyOf: [1, 2] } }),
        { id: 'grade', type: 'rating-0-10', text: t('grade'), responseScaleId: 'grade' },
        { id: 'comment', type: 'free-text', text: t('comment'), sensitive: true },
      ],
    },
    {
      id: 'behaviour',
      title: t('Behaviour'),
      items: [
        ...behaviour('exp_general', 'general', 'experienced', ['source', 'reported', 'handling']),
        // Only a colleague or a client to choose from: no internal manager, no "someone else" (side unknown).
        ...behaviour('exp_sexual', 'sexual', 'experienced', ['source', 'reported', 'handling'], FEWER_SOURCE_OPTIONS),
        ...behaviour('wit_general', 'general', 'witnessed', ['reported']),
      ],
    },
  ],
  scales: [
    {
      id: 'climate',
      domain: 'psychological-safety',
      title: t('Climate'),
      itemIds: ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7'],
      direction: 'higher-is-better',
      riskBands: { low: 50, high: 70 },
    },
    {
      id: 'leading',
      domain: 'ethical-leadership',
      title: t('Leading'),
      itemIds: ['lead1', 'lead2'],
      direction: 'higher-is-better',
      riskBands: { low: 50, high: 70 },
    },
    {
      id: 'experienced',
      domain: 'unwanted-behaviour',
      title: t('Experienced'),
      itemIds: ['exp_general', 'exp_sexual'],
      direction: 'higher-is-worse',
      scoring: 'prevalence',
      riskBands: { low: 10, high: 20 },
      sensitive: true,
    },
  ],
  demographics: [
    {
      id: 'age_band',
      text: t('age'),
      options: [
        { value: 1, label: t('under 30') },
        { value: 2, label: t('30 or older') },
        { value: 9, label: t('prefer not to say'), preferNotToSay: true },
      ],
    },
  ],
};

/** The small questionnaire, parsed and validated (defaults filled in). */
export function smallDefinition(): QuestionnaireDefinition {
  const result = validateQuestionnaire(input);
  if (!result.ok) throw new Error(`small test definition is invalid: ${JSON.stringify(result.issues, null, 2)}`);
  return result.definition;
}
