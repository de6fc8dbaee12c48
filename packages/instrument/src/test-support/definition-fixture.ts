import { validateQuestionnaire } from '../validate';
import type { ValidationIssue } from '../issues';

/*
 * A small but complete definition for tests: every feature once (scales, reverse key, don't know, free text,
 * a behaviour item with all three follow-ups, a prevalence scale, a trend link, a demographic). Tests break one
 * thing at a time with setAt/removeAt, addressing values by the same paths that validation reports.
 */

const t = (nl: string, en: string) => ({ nl, en });

export function minimalDefinition(): Record<string, unknown> {
  return {
    schemaVersion: 1,
    key: 'mini',
    version: '2.0.0',
    languages: ['nl', 'en'],
    title: t('Mini', 'Mini'),
    description: t('Beschrijving', 'Description'),
    intro: t('Inleiding', 'Introduction'),
    dontKnowLabel: t('Weet ik niet', 'Don’t know'),
    estimatedMinutes: 3,
    responseScales: [
      {
        id: 'agree',
        title: t('Instemming', 'Agreement'),
        options: [1, 2, 3, 4, 5].map((value) => ({ value, label: t(`nl ${value}`, `en ${value}`) })),
      },
      {
        id: 'freq',
        title: t('Frequentie', 'Frequency'),
        options: [0, 1, 2, 3, 4].map((value) => ({ value, label: t(`nl ${value}`, `en ${value}`) })),
      },
    ],
    sections: [
      {
        id: 'climate',
        title: t('Klimaat', 'Climate'),
        items: [
          { id: 'q1', type: 'likert-5', text: t('Vraag 1', 'Question 1'), responseScaleId: 'agree' },
          { id: 'q2', type: 'likert-5', text: t('Vraag 2', 'Question 2'), responseScaleId: 'agree', reverse: true },
          { id: 'q3', type: 'likert-5', text: t('Vraag 3', 'Question 3'), responseScaleId: 'agree', allowDontKnow: true },
          { id: 'comment', type: 'free-text', text: t('Opmerking', 'Comment') },
        ],
      },
      {
        id: 'behaviour',
        title: t('Gedrag', 'Behaviour'),
        items: [
          {
            id: 'b1',
            type: 'frequency',
            text: t('Gedrag 1', 'Behaviour 1'),
            responseScaleId: 'freq',
            sensitive: true,
            behaviour: { category: 'sexual', mode: 'experienced' },
          },
          {
            id: 'b1_source',
            type: 'multiple-choice',
            text: t('Van wie?', 'Who?'),
            sensitive: true,
            condition: { itemId: 'b1', anyOf: [1, 2, 3, 4] },
            followUp: { role: 'source', of: 'b1' },
            options: [
              { value: 1, label: t('Collega', 'Colleague'), source: 'colleague' },
              { value: 2, label: t('Klant', 'Client'), source: 'external' },
            ],
          },
          {
            id: 'b1_reported',
            type: 'multiple-choice',
            text: t('Gemeld?', 'Reported?'),
            sensitive: true,
            condition: { itemId: 'b1', anyOf: [1, 2, 3, 4] },
            followUp: { role: 'reported', of: 'b1' },
            options: [
              { value: 0, label: t('Nee', 'No'), exclusive: true, reportedTo: 'not-reported' },
              { value: 1, label: t('HR', 'HR'), reportedTo: 'hr' },
              { value: 2, label: t('Vertrouwenspersoon', 'Confidential adviser'), reportedTo: 'confidential-adviser' },
            ],
          },
          {
            id: 'b1_handling',
            type: 'single-choice',
            text: t('Afhandeling?', 'Handling?'),
            sensitive: true,
            condition: { itemId: 'b1_reported', anyOf: [1, 2] },
            followUp: { role: 'handling', of: 'b1' },
            options: [
              { value: 1, label: t('Goed', 'Well'), handling: 'satisfactory' },
              { value: 2, label: t('Weet niet', 'Unknown'), handling: 'unknown' },
            ],
          },
        ],
      },
    ],
    scales: [
      {
        id: 'climate',
        domain: 'psychological-safety',
        title: t('Klimaat', 'Climate'),
        itemIds: ['q1', 'q2', 'q3'],
        direction: 'higher-is-better',
        riskBands: { low: 50, high: 70 },
        comparableTo: { version: '1.0.0', scaleId: 'climate_v1' },
      },
      {
        id: 'behaviour',
        domain: 'unwanted-behaviour',
        title: t('Gedrag', 'Behaviour'),
        itemIds: ['b1'],
        direction: 'higher-is-worse',
        scoring: 'prevalence',
        riskBands: { low: 10, high: 20 },
        sensitive: true,
      },
    ],
    demographics: [
      {
        id: 'age_band',
        text: t('Leeftijd', 'Age'),
        options: [
          { value: 1, label: t('Jonger dan 30', 'Under 30') },
          { value: 2, label: t('30 of ouder', '30 or older') },
          { value: 9, label: t('Zeg ik liever niet', 'Prefer not to say'), preferNotToSay: true },
        ],
      },
    ],
  };
}

type Container = Record<string, unknown> | unknown[];

function parsePath(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] === undefined ? (m[1] as string) : Number(m[2])));
}

function parentOf(root: unknown, path: string): { parent: Container; key: string | number } {
  const segments = parsePath(path);
  const key = segments.pop();
  if (key === undefined) throw new Error('empty path');
  let node: unknown = root;
  for (const segment of segments) {
    if (typeof node !== 'object' || node === null) throw new Error(`no value at '${path}'`);
    node = (node as Record<string | number, unknown>)[segment];
  }
  if (typeof node !== 'object' || node === null) throw new Error(`no value at '${path}'`);
  return { parent: node as Container, key };
}

/** Sets the value at a path such as `sections[0].items[1].text.en` (the path format of validation issues). */
export function setAt<T>(root: T, path: string, value: unknown): T {
  const { parent, key } = parentOf(root, path);
  (parent as Record<string | number, unknown>)[key] = value;
  return root;
}

/** Removes the value at a path: deletes an object key, or splices an array element out. */
export function removeAt<T>(root: T, path: string): T {
  const { parent, key } = parentOf(root, path);
  if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
  else delete (parent as Record<string | number, unknown>)[key];
  return root;
}

/** The validation issues of a definition; [] when it is valid. */
export function issuesOf(input: unknown): ValidationIssue[] {
  const result = validateQuestionnaire(input);
  return result.ok ? [] : result.issues;
}
