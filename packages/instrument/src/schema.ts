import { z } from 'zod';

/*
 * The shape of one questionnaire version. Shape only: rules that need the whole definition (ids unique, conditions
 * pointing backwards, every text in every language, ...) live in validate.ts, because zod reports them badly.
 * Objects are strict so that a typo in a hand-written definition ("revers": true) fails instead of vanishing.
 */

// Ids become column names in CSV, SPSS and R exports, so they stay within what all three accept.
export const idSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,63}$/, 'ids use lower-case letters, digits and _, start with a letter, 64 characters at most')
  // Answers are plain objects keyed by item id: an id that names a property every object has would read as answered.
  .refine((id) => !(id in Object.prototype), 'this id is reserved (it names a built-in property of every object)');

export const keySchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'keys are lower-case slugs such as social-safety');

// Prerelease tags are left out on purpose: published versions are compared for trends, and plain numbers sort simply.
export const versionSchema = z
  .string()
  .regex(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/, 'versions are MAJOR.MINOR.PATCH, such as 1.0.0');

export const languageSchema = z.string().regex(/^[a-z]{2,3}$/, 'languages are ISO 639 codes such as nl or en');

/** One text in every language of the questionnaire: `{ nl: '...', en: '...' }`. Completeness is checked in validate.ts. */
export const localisedTextSchema = z.record(languageSchema, z.string());

/**
 * Every localised text in a definition sits under one of these field names. localise() and the translation check
 * walk the definition by these names, so a new text field must use one of them (a test guards this).
 */
export const TEXT_FIELDS = ['title', 'description', 'intro', 'text', 'help', 'label', 'dontKnowLabel'] as const;

export const DOMAINS = [
  'psychological-safety',
  'feedback-attitude',
  'hierarchy-dependency',
  'ethical-leadership',
  'conformity-bystanders',
  'compass-reporting',
  'risk-factors',
  'workload',
  'unwanted-behaviour',
  'outcomes',
] as const;

export const ITEM_TYPES = ['likert-5', 'frequency', 'rating-0-10', 'single-choice', 'multiple-choice', 'free-text'] as const;
export const SCALED_ITEM_TYPES = ['likert-5', 'frequency', 'rating-0-10'] as const;
export const CHOICE_ITEM_TYPES = ['single-choice', 'multiple-choice'] as const;

/** 'general' plus the six categories of boundary-crossing behaviour of the source document. */
export const BEHAVIOUR_CATEGORIES = [
  'general',
  'discriminatory',
  'bullying-threatening',
  'sexual',
  'intimidating-aggressive-violent',
  'abuse-of-power',
  'persisting-after-named',
] as const;
export const BEHAVIOUR_MODES = ['experienced', 'witnessed'] as const;
export const FOLLOW_UP_ROLES = ['source', 'reported', 'handling'] as const;

/** Who showed the behaviour. NEA reports internal and external sources separately; see sourceSide(). */
export const SOURCE_KINDS = ['colleague', 'direct-manager', 'higher-management', 'subordinate', 'external', 'other'] as const;
export const REPORT_CHANNELS = [
  'not-reported',
  'direct-manager',
  'higher-management',
  'hr',
  'confidential-adviser',
  'reporting-point',
  'outside-organisation',
  'other',
] as const;
export const HANDLING_OUTCOMES = ['satisfactory', 'partly-satisfactory', 'unsatisfactory', 'no-action', 'pending', 'unknown'] as const;

export const SCORING_DIRECTIONS = ['higher-is-better', 'higher-is-worse'] as const;
/** mean: mean of item scores (0-100 transform); prevalence: share of respondents with any item above its lowest value. */
export const SCALE_SCORINGS = ['mean', 'prevalence'] as const;

export const conditionSchema = z.strictObject({
  itemId: idSchema,
  /** Shown when the answer is one of these codes; for multiple choice, when any of them is chosen. */
  anyOf: z.array(z.int()).min(1),
});

export const behaviourTagSchema = z.strictObject({
  category: z.enum(BEHAVIOUR_CATEGORIES),
  mode: z.enum(BEHAVIOUR_MODES),
});

export const followUpTagSchema = z.strictObject({
  role: z.enum(FOLLOW_UP_ROLES),
  /** The behaviour frequency item this follow-up is about. */
  of: idSchema,
});

export const responseOptionSchema = z.strictObject({
  value: z.int().min(0),
  label: localisedTextSchema,
});

/** A shared answer scale (agreement 1-5, frequency 0-4, rating 0-10) that scaled items refer to by id. */
export const responseScaleSchema = z.strictObject({
  id: idSchema,
  title: localisedTextSchema,
  options: z.array(responseOptionSchema).min(2),
});

export const choiceOptionSchema = z.strictObject({
  value: z.int().min(0),
  label: localisedTextSchema,
  /** Choosing it clears the other options of a multiple-choice item ("No, I did not report it"). */
  exclusive: z.boolean().default(false),
  // Machine-readable meaning of the option, required on the matching follow-up role (checked in validate.ts).
  source: z.enum(SOURCE_KINDS).optional(),
  reportedTo: z.enum(REPORT_CHANNELS).optional(),
  handling: z.enum(HANDLING_OUTCOMES).optional(),
});

const itemBase = {
  id: idSchema,
  text: localisedTextSchema,
  help: localisedTextSchema.optional(),
  required: z.boolean().default(false),
  /** Offers "don't know / not applicable", which counts as missing in scoring. */
  allowDontKnow: z.boolean().default(false),
  /** Falls under k_sensitive instead of k. Items in a sensitive scale are sensitive too. */
  sensitive: z.boolean().default(false),
  // Part of every item type so that a misplaced reverse key gets a plain message from validate.ts, not a shape error.
  reverse: z.boolean().default(false),
  condition: conditionSchema.optional(),
};

export const scaledItemSchema = z.strictObject({
  ...itemBase,
  type: z.enum(SCALED_ITEM_TYPES),
  responseScaleId: idSchema,
  behaviour: behaviourTagSchema.optional(),
});

export const choiceItemSchema = z.strictObject({
  ...itemBase,
  type: z.enum(CHOICE_ITEM_TYPES),
  options: z.array(choiceOptionSchema).min(2),
  followUp: followUpTagSchema.optional(),
});

export const freeTextItemSchema = z.strictObject({
  ...itemBase,
  type: z.literal('free-text'),
  maxLength: z.int().min(1).max(10_000).default(1000),
});

export const itemSchema = z.discriminatedUnion('type', [scaledItemSchema, choiceItemSchema, freeTextItemSchema]);

export const sectionSchema = z.strictObject({
  id: idSchema,
  title: localisedTextSchema,
  intro: localisedTextSchema.optional(),
  items: z.array(itemSchema).min(1),
});

/**
 * Cut-offs on the 0-100 scale: below `low`, from `low` up to `high`, and from `high` up. For a higher-is-better
 * scale that is red / amber / green; for higher-is-worse it is green / amber / red. See riskBandOf().
 */
export const riskBandsSchema = z.strictObject({
  low: z.number().min(0).max(100),
  high: z.number().min(0).max(100),
});

/** Trend map: this scale measures the same as `scaleId` in the earlier `version` of the same questionnaire. */
export const comparableToSchema = z.strictObject({
  version: versionSchema,
  scaleId: idSchema,
});

export const scaleSchema = z.strictObject({
  id: idSchema,
  domain: z.enum(DOMAINS),
  title: localisedTextSchema,
  description: localisedTextSchema.optional(),
  itemIds: z.array(idSchema).min(1),
  direction: z.enum(SCORING_DIRECTIONS),
  scoring: z.enum(SCALE_SCORINGS).default('mean'),
  riskBands: riskBandsSchema,
  sensitive: z.boolean().default(false),
  comparableTo: comparableToSchema.optional(),
});

export const demographicOptionSchema = z.strictObject({
  value: z.int().min(0),
  label: localisedTextSchema,
  preferNotToSay: z.boolean().default(false),
});

/** Optional background question; the set asked is chosen per measurement. Coarse bands only, for anonymity. */
export const demographicSchema = z.strictObject({
  id: idSchema,
  text: localisedTextSchema,
  options: z.array(demographicOptionSchema).min(2),
});

export const questionnaireSchema = z.strictObject({
  /** Version of this definition format, so that stored definitions can be migrated when the format changes. */
  schemaVersion: z.literal(1),
  key: keySchema,
  version: versionSchema,
  /** The first language is the one the questionnaire was written in. */
  languages: z.array(languageSchema).min(1),
  title: localisedTextSchema,
  description: localisedTextSchema,
  intro: localisedTextSchema,
  dontKnowLabel: localisedTextSchema,
  estimatedMinutes: z.number().positive().max(120),
  responseScales: z.array(responseScaleSchema),
  sections: z.array(sectionSchema).min(1),
  scales: z.array(scaleSchema),
  demographics: z.array(demographicSchema).default([]),
});

export type LocalisedText = z.output<typeof localisedTextSchema>;
export type Domain = (typeof DOMAINS)[number];
export type ItemType = (typeof ITEM_TYPES)[number];
export type ScaledItemType = (typeof SCALED_ITEM_TYPES)[number];
export type ChoiceItemType = (typeof CHOICE_ITEM_TYPES)[number];
export type BehaviourCategory = (typeof BEHAVIOUR_CATEGORIES)[number];
export type BehaviourMode = (typeof BEHAVIOUR_MODES)[number];
export type FollowUpRole = (typeof FOLLOW_UP_ROLES)[number];
export type SourceKind = (typeof SOURCE_KINDS)[number];
export type ReportChannel = (typeof REPORT_CHANNELS)[number];
export type HandlingOutcome = (typeof HANDLING_OUTCOMES)[number];
export type ScoringDirection = (typeof SCORING_DIRECTIONS)[number];
export type ScaleScoring = (typeof SCALE_SCORINGS)[number];

export type Condition = z.output<typeof conditionSchema>;
export type BehaviourTag = z.output<typeof behaviourTagSchema>;
export type FollowUpTag = z.output<typeof followUpTagSchema>;
export type ResponseOption = z.output<typeof responseOptionSchema>;
export type ResponseScale = z.output<typeof responseScaleSchema>;
export type ChoiceOption = z.output<typeof choiceOptionSchema>;
export type ScaledItem = z.output<typeof scaledItemSchema>;
export type ChoiceItem = z.output<typeof choiceItemSchema>;
export type FreeTextItem = z.output<typeof freeTextItemSchema>;
export type Item = z.output<typeof itemSchema>;
export type Section = z.output<typeof sectionSchema>;
export type RiskBands = z.output<typeof riskBandsSchema>;
export type ComparableTo = z.output<typeof comparableToSchema>;
export type Scale = z.output<typeof scaleSchema>;
export type DemographicOption = z.output<typeof demographicOptionSchema>;
export type Demographic = z.output<typeof demographicSchema>;
/** A parsed questionnaire version: defaults filled in. This is what is stored, hashed, rendered and scored. */
export type QuestionnaireDefinition = z.output<typeof questionnaireSchema>;
/** What an author may write: fields with defaults (reverse, required, ...) may be left out. */
export type QuestionnaireDefinitionInput = z.input<typeof questionnaireSchema>;

export function isScaledItem(item: Item): item is ScaledItem {
  return (SCALED_ITEM_TYPES as readonly string[]).includes(item.type);
}

export function isChoiceItem(item: Item): item is ChoiceItem {
  return (CHOICE_ITEM_TYPES as readonly string[]).includes(item.type);
}

export function isFreeTextItem(item: Item): item is FreeTextItem {
  return item.type === 'free-text';
}
