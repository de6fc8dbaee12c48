import {
  behaviourItems,
  findItem,
  findResponseScale,
  isChoiceItem,
  isDontKnow,
  isScaledItem,
  itemsInOrder,
  scaleOfItem,
  type ChoiceItem,
  type Item,
  type LocalisedText,
  type QuestionnaireDefinition,
  type ScaledItem,
} from '@socialsafety/instrument';
import type { ScoringPlan } from '@socialsafety/scoring';
import { behaviourIndicators } from './behaviour-columns';
import type { ScoredRow } from './scored-row';

/*
 * Every column of data.csv after the quasi-identifiers, with what the codebook, datapackage.json and the SPSS and R
 * scripts say about it. One list drives the data and all their documentation, so they cannot disagree.
 */

export interface ValueLabel {
  readonly value: string;
  readonly label: LocalisedText;
}

export interface DataColumn {
  readonly name: string;
  readonly group: 'version' | 'item' | 'recoded' | 'choice' | 'scale' | 'behaviour';
  readonly type: 'integer' | 'number' | 'string';
  readonly label: LocalisedText;
  readonly values: readonly ValueLabel[];
  /** Codes that mean "no answer" besides an empty field: -1 "don't know / not applicable". */
  readonly missing: readonly ValueLabel[];
  /** Held to l-diversity in every equivalence class. */
  readonly sensitive: boolean;
  /** For the codebook: scale membership, reverse keying, conditions, scoring. English. */
  readonly notes: readonly string[];
  /** The field as written: '' for no answer. */
  read(row: ScoredRow): string;
}

export const DONT_KNOW_CODE = '-1';
const DONT_KNOW_LABEL: LocalisedText = { en: "don't know / not applicable", nl: 'weet niet / niet van toepassing' };
const NO_YES: ValueLabel[] = [
  { value: '0', label: { en: 'no', nl: 'nee' } },
  { value: '1', label: { en: 'yes', nl: 'ja' } },
];
const NOT_CHOSEN: ValueLabel[] = [
  { value: '0', label: { en: 'not chosen', nl: 'niet gekozen' } },
  { value: '1', label: { en: 'chosen', nl: 'gekozen' } },
];

// Scores take few distinct values (means of a few items), so each is printed once and remembered. Printing them
// afresh for every row churns V8's number-to-string cache, which keeps every new string alive into the old
// generation: measurably more memory on a million rows (bench/export-memory.ts).
const printed = new Map<number, string>();
const PRINTED_LIMIT = 100_000;

/** Scores keep four decimals: enough for any analysis, and the same value always prints the same way. */
export function formatScore(value: number): string {
  if (Number.isNaN(value)) return '';
  const key = Math.round(value * 10_000);
  let text = printed.get(key);
  if (text === undefined) {
    text = String(key / 10_000);
    if (printed.size < PRINTED_LIMIT) printed.set(key, text);
  }
  return text;
}

function joinText(a: LocalisedText, b: LocalisedText, languages: readonly string[]): LocalisedText {
  return Object.fromEntries(languages.map((language) => [language, `${a[language] ?? ''}: ${b[language] ?? ''}`]));
}

function itemNotes(definition: QuestionnaireDefinition, item: Item): string[] {
  const notes: string[] = [];
  const scale = scaleOfItem(definition, item.id);
  if (scale) notes.push(`Item of scale \`${scale.id}\` (${scale.title.en ?? scale.id}).`);
  if (item.reverse) notes.push(`Reverse-keyed: \`${item.id}_r\` holds the recoded value (lowest + highest code - answer), as scored.`);
  if (item.condition) notes.push(`Asked only when \`${item.condition.itemId}\` is ${item.condition.anyOf.join(' or ')}; empty otherwise.`);
  if (item.sensitive || scale?.sensitive) notes.push('Sensitive question (published only for groups of at least k_sensitive).');
  if (item.allowDontKnow) notes.push(`${DONT_KNOW_CODE} = "don't know / not applicable".`);
  return notes;
}

function codeOf(value: ReturnType<ScoredRow['answer']>): string {
  if (typeof value === 'number') return String(value);
  if (isDontKnow(value)) return DONT_KNOW_CODE;
  return '';
}

function scaledColumns(definition: QuestionnaireDefinition, plan: ScoringPlan, item: ScaledItem): DataColumn[] {
  const options = findResponseScale(definition, item.responseScaleId)?.options ?? [];
  const values = options.map((o) => ({ value: String(o.value), label: o.label }));
  const missing = item.allowDontKnow ? [{ value: DONT_KNOW_CODE, label: DONT_KNOW_LABEL }] : [];
  const notes = [`Response scale \`${item.responseScaleId}\`.`, ...itemNotes(definition, item)];
  const raw: DataColumn = {
    name: item.id,
    group: 'item',
    type: 'integer',
    label: item.text,
    values,
    missing,
    sensitive: false,
    notes,
    read: (row) => codeOf(row.answer(item.id)),
  };
  if (!item.reverse) return [raw];
  const position = plan.itemIds.indexOf(item.id);
  const codes = options.map((o) => o.value);
  const sum = Math.min(...codes) + Math.max(...codes);
  const recoded: DataColumn = {
    name: `${item.id}_r`,
    group: 'recoded',
    type: 'integer',
    label: joinText(item.text, { en: 'recoded', nl: 'gehercodeerd' }, definition.languages),
    values: options.map((o) => ({ value: String(sum - o.value), label: o.label })),
    missing: [],
    sensitive: false,
    notes: [`\`${item.id}\` reverse-keyed: ${sum} - answer. This is the value scale scores use.`],
    read: (row) => {
      const value = row.scores.items[position] as number;
      return Number.isNaN(value) ? '' : String(value);
    },
  };
  return [raw, recoded];
}

function choiceColumns(definition: QuestionnaireDefinition, item: ChoiceItem): DataColumn[] {
  const missing = item.allowDontKnow ? [{ value: DONT_KNOW_CODE, label: DONT_KNOW_LABEL }] : [];
  const notes = itemNotes(definition, item);
  if (item.type === 'single-choice') {
    return [
      {
        name: item.id,
        group: 'choice',
        type: 'integer',
        label: item.text,
        values: item.options.map((o) => ({ value: String(o.value), label: o.label })),
        missing,
        sensitive: false,
        notes,
        read: (row) => codeOf(row.answer(item.id)),
      },
    ];
  }
  // Several options may be chosen: one 0/1 column per option, the layout SPSS, R and Stata all read directly.
  return item.options.map((option) => ({
    name: `${item.id}_${option.value}`,
    group: 'choice' as const,
    type: 'integer' as const,
    label: joinText(item.text, option.label, definition.languages),
    values: NOT_CHOSEN,
    missing,
    sensitive: false,
    notes: [`Option ${option.value} of the multiple-choice question \`${item.id}\`.`, ...notes],
    read: (row: ScoredRow) => {
      const value = row.answer(item.id);
      if (Array.isArray(value)) return value.includes(option.value) ? '1' : '0';
      return isDontKnow(value) ? DONT_KNOW_CODE : '';
    },
  }));
}

function scaleColumns(definition: QuestionnaireDefinition, plan: ScoringPlan): DataColumn[] {
  return plan.scales.map((planned, s) => {
    const scale = definition.scales.find((candidate) => candidate.id === planned.id)!;
    const items = scale.itemIds.map((id) => (findItem(definition, id)?.reverse ? `${id} (reversed)` : id));
    const rule =
      planned.scoring === 'mean'
        ? `Mean of the answered items after reverse keying, on 0-100: (mean - ${planned.min}) / (${planned.max} - ${planned.min}) x 100; empty when fewer than ${planned.minimumAnswered} of ${planned.itemCount} items were answered.`
        : `Prevalence: 100 when any item is above its lowest answer, 0 when at least ${planned.minimumAnswered} of ${planned.itemCount} items were answered and all are at the lowest; empty otherwise.`;
    return {
      name: `scale_${scale.id}`,
      group: 'scale' as const,
      type: 'number' as const,
      label: scale.title,
      values: [],
      missing: [],
      sensitive: scale.sensitive,
      notes: [
        `Items: ${items.join(', ')}.`,
        rule,
        `Direction: ${scale.direction}; risk bands at ${scale.riskBands.low} and ${scale.riskBands.high}.`,
        ...(scale.sensitive ? ['Sensitive scale: held to l-diversity in this file.'] : []),
      ],
      read: (row: ScoredRow) => formatScore(row.scores.scales0to100[s] as number),
    };
  });
}

function behaviourColumns(definition: QuestionnaireDefinition): DataColumn[] {
  if (behaviourItems(definition).length === 0) return [];
  return behaviourIndicators().map((indicator) => ({
    name: indicator.name,
    group: 'behaviour' as const,
    type: 'integer' as const,
    label: indicator.label,
    values: NO_YES,
    missing: [],
    sensitive: indicator.sensitive,
    notes: [
      'Derived from the behaviour questions and their follow-ups as the published results count it; empty when unknown or not applicable.',
      ...(indicator.sensitive ? ['Held to l-diversity in this file.'] : []),
    ],
    read: (row: ScoredRow) => {
      const value = row.scores.behaviour[indicator.slot];
      return value === 1 ? '1' : value === 0 ? '0' : '';
    },
  }));
}

/**
 * The columns after the quasi-identifiers: the questionnaire version, every item that is not free text (raw code;
 * reverse-keyed items also recoded; multiple choice as one 0/1 column per option), scale scores (0-100) and the
 * behaviour indicators. Free text is never exported: it can name anyone.
 *
 * @throws if two columns would get the same name (only a questionnaire whose ids collide with generated names)
 */
export function dataColumns(definition: QuestionnaireDefinition, plan: ScoringPlan, reserved: readonly string[]): DataColumn[] {
  const version = `${definition.key}@${definition.version}`;
  const columns: DataColumn[] = [
    {
      name: 'questionnaire_version',
      group: 'version',
      type: 'string',
      label: { en: 'Questionnaire and version', nl: 'Vragenlijst en versie' },
      values: [],
      missing: [],
      sensitive: false,
      notes: ['The exact wording of every question is fixed by this version.'],
      read: () => version,
    },
  ];
  for (const item of itemsInOrder(definition)) {
    if (isChoiceItem(item)) columns.push(...choiceColumns(definition, item));
    else if (isScaledItem(item)) columns.push(...scaledColumns(definition, plan, item));
  }
  columns.push(...scaleColumns(definition, plan), ...behaviourColumns(definition));
  const seen = new Set(reserved);
  for (const column of columns) {
    if (seen.has(column.name)) throw new Error(`export: two columns would be named ${column.name}`);
    seen.add(column.name);
  }
  return columns;
}
