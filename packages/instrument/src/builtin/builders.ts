import type {
  ChoiceItem,
  ChoiceOption,
  Condition,
  Demographic,
  Domain,
  FollowUpTag,
  FreeTextItem,
  Item,
  RiskBands,
  Scale,
  ScaledItem,
  ScaleScoring,
  ScoringDirection,
  Section,
} from '../schema';

/*
 * Small builders for writing built-in questionnaires as data. They fill in every field that has a default, so a
 * built-in definition is already in parsed form: storing and hashing it gives the same result as parsing it first
 * (a test checks this).
 */

// A type alias, not an interface: only aliases are assignable to LocalisedText's index signature.
export type Texts = { nl: string; en: string };

/** The parts of a questionnaire a file contributes: its sections and the scales over their items. */
export interface QuestionnairePart {
  sections: Section[];
  scales: Scale[];
}

export interface ItemOptions {
  reverse?: boolean;
  allowDontKnow?: boolean;
  sensitive?: boolean;
  required?: boolean;
  help?: Texts;
  condition?: Condition;
}

function base(id: string, text: Texts, options: ItemOptions) {
  return {
    id,
    text,
    ...(options.help === undefined ? {} : { help: options.help }),
    required: options.required ?? false,
    allowDontKnow: options.allowDontKnow ?? false,
    sensitive: options.sensitive ?? false,
    reverse: options.reverse ?? false,
    ...(options.condition === undefined ? {} : { condition: options.condition }),
  };
}

/** A statement on the 5-point agreement scale. */
export function agree(id: string, text: Texts, options: ItemOptions = {}): ScaledItem {
  return { ...base(id, text, options), type: 'likert-5', responseScaleId: 'agreement_5' };
}

export function frequency(
  id: string,
  responseScaleId: string,
  text: Texts,
  options: ItemOptions & { behaviour?: ScaledItem['behaviour'] } = {},
): ScaledItem {
  const { behaviour, ...rest } = options;
  return {
    ...base(id, text, rest),
    type: 'frequency',
    responseScaleId,
    ...(behaviour === undefined ? {} : { behaviour }),
  };
}

export function rating(id: string, responseScaleId: string, text: Texts, options: ItemOptions = {}): ScaledItem {
  return { ...base(id, text, options), type: 'rating-0-10', responseScaleId };
}

export type OptionSpec = Texts & Partial<Pick<ChoiceOption, 'exclusive' | 'source' | 'reportedTo' | 'handling'>>;

export function choice(
  id: string,
  type: ChoiceItem['type'],
  text: Texts,
  options: readonly (OptionSpec & { value: number })[],
  itemOptions: ItemOptions & { followUp?: FollowUpTag } = {},
): ChoiceItem {
  const { followUp, ...rest } = itemOptions;
  return {
    ...base(id, text, rest),
    type,
    options: options.map(({ value, nl, en, exclusive, ...tags }) => ({
      value,
      label: { nl, en },
      exclusive: exclusive ?? false,
      ...tags,
    })),
    ...(followUp === undefined ? {} : { followUp }),
  };
}

export function freeText(id: string, text: Texts, maxLength: number, options: ItemOptions = {}): FreeTextItem {
  return { ...base(id, text, options), type: 'free-text', maxLength };
}

export function section(id: string, title: Texts, intro: Texts | undefined, items: Item[]): Section {
  return { id, title, ...(intro === undefined ? {} : { intro }), items };
}

/**
 * Provisional cut-offs, set by expert judgement until benchmark data exist (see docs/methodology.md): for a
 * favourable scale red below the scale's midpoint, green from 70 (an average a little under "agree").
 */
export const BANDS_HIGHER_IS_BETTER: RiskBands = { low: 50, high: 70 };
/** The mirror image for unfavourable scales: green below 30, red from the midpoint. */
export const BANDS_HIGHER_IS_WORSE: RiskBands = { low: 30, high: 50 };

export interface ScaleSpec {
  id: string;
  domain: Domain;
  title: Texts;
  description?: Texts;
  items: readonly ScaledItem[];
  direction: ScoringDirection;
  scoring?: ScaleScoring;
  riskBands?: RiskBands;
  sensitive?: boolean;
}

/** A scale over item objects rather than ids, so that a typo in an id cannot slip into a built-in questionnaire. */
export function scale(spec: ScaleSpec): Scale {
  return {
    id: spec.id,
    domain: spec.domain,
    title: spec.title,
    ...(spec.description === undefined ? {} : { description: spec.description }),
    itemIds: spec.items.map((item) => item.id),
    direction: spec.direction,
    scoring: spec.scoring ?? 'mean',
    riskBands: spec.riskBands ?? (spec.direction === 'higher-is-better' ? BANDS_HIGHER_IS_BETTER : BANDS_HIGHER_IS_WORSE),
    sensitive: spec.sensitive ?? false,
  };
}

export function demographic(
  id: string,
  text: Texts,
  options: readonly (Texts & { value: number; preferNotToSay?: boolean })[],
): Demographic {
  return {
    id,
    text,
    options: options.map(({ value, nl, en, preferNotToSay }) => ({ value, label: { nl, en }, preferNotToSay: preferNotToSay ?? false })),
  };
}
