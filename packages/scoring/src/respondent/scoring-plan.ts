import {
  HANDLING_OUTCOMES,
  REPORT_CHANNELS,
  SOURCE_KINDS,
  answerCodes,
  isScaledItem,
  itemsInOrder,
  sourceSide,
  type AnswerValue,
  type Item,
  type QuestionnaireDefinition,
  type ScaleScoring,
} from '@socialsafety/instrument';
import { minimumAnswered } from './missing-data';
import { planBehaviour, type PlannedBehaviourItem } from './plan-behaviour';
import { scaleRange } from './scale-range';
import { SOURCE_SIDES } from './types';

export type { PlannedBehaviourItem, PlannedFollowUp } from './plan-behaviour';

/** A scale as the plan scores it. */
export interface PlannedScale {
  readonly id: string;
  readonly scoring: ScaleScoring;
  /** Response range of the scale's items: the 0-100 anchors. */
  readonly min: number;
  readonly max: number;
  readonly itemCount: number;
  /** Least number of answered items for a score (half, rounded up). */
  readonly minimumAnswered: number;
}

/**
 * Everything about a questionnaire version that scoring needs, worked out once, so that scoring a respondent is
 * plain loops over typed arrays: no id lookups in the definition, no Sets, no per-item objects. The public fields
 * name the positions of RespondentScores; the rest is the fast path's tables. A plan also holds scratch buffers that
 * scoreWithPlan reuses from one respondent to the next; that is safe because scoring is synchronous (a worker
 * thread builds its own plan).
 */
export interface ScoringPlan {
  readonly key: string;
  readonly version: string;
  /** Scaled items in questionnaire order: the positions of RespondentScores.items. */
  readonly itemIds: readonly string[];
  /** Scales in definition order: the positions of RespondentScores.scales and scales0to100. */
  readonly scales: readonly PlannedScale[];
  /** Demographics in definition order: the positions of RespondentScores.demographics. */
  readonly demographicIds: readonly string[];

  /** Every item in questionnaire order: the answers read per respondent (free text is skipped). */
  readonly answerIds: readonly string[];
  /** Item id -> position in answerIds. */
  readonly answerIndexOf: ReadonlyMap<string, number>;
  /** 1 when the answer is read (not free text). */
  readonly readsAnswer: Uint8Array;
  /**
   * Position of the item whose answer shows this one; -1 always shown; -2 never shown (its condition names an
   * unknown or later item, as only an invalid definition does).
   */
  readonly conditionSource: Int32Array;
  /** Positions of the items with a condition, in questionnaire order. */
  readonly conditionalItems: Int32Array;
  /** Visibility before conditions are looked at: 1 for items without a condition, 0 for the rest. */
  readonly alwaysVisible: Uint8Array;
  /** conditionCodes[conditionStart[i] .. conditionStart[i + 1]) are the codes that show item i. */
  readonly conditionStart: Int32Array;
  readonly conditionCodes: Float64Array;

  /** Per scaled item: index in answerIds, response range, reverse flag, and its codes when they are not min..max. */
  readonly itemAnswerIndex: Int32Array;
  readonly itemMin: Float64Array;
  readonly itemMax: Float64Array;
  readonly itemReverse: Uint8Array;
  readonly itemCodes: readonly (ReadonlySet<number> | null)[];

  /** scaleItemIndex[scaleStart[s] .. scaleStart[s + 1]) are the scaled-item positions of scale s. */
  readonly scaleStart: Int32Array;
  readonly scaleItemIndex: Int32Array;

  /** Behaviour items grouped by mode (BEHAVIOUR_MODES order). */
  readonly behaviourByMode: readonly (readonly PlannedBehaviourItem[])[];
  /** SOURCE_KINDS index -> SOURCE_SIDES index. */
  readonly sideOfKind: Int32Array;

  readonly demographicCodes: readonly ReadonlySet<number>[];

  /**
   * Scratch, reused for every respondent: the answers read, which items are shown, and the yes / known /
   * applicable / unresolved counters of the "any" indicators (anyIndicator's arguments, per tag).
   */
  readonly scratchValues: (AnswerValue | undefined)[];
  readonly scratchVisible: Uint8Array;
  readonly scratchCounts: Int32Array;
  /**
   * Per answer position (and, last, the start of an answers object): the position whose key followed it in the last
   * answers object read, or -1. Learns whatever key order answers arrive in (questionnaire order as submitted,
   * PostgreSQL jsonb's own order when read back), so that most keys are found without a hash lookup.
   */
  readonly scratchSuccessor: Int32Array;
  /** The buffer that allocateScores cuts records from, and how much of it is used. */
  readonly scratchSlab: { buffer: ArrayBuffer | null; offset: number };
}

// Float32Array holds every integer up to 2^24 exactly; RespondentScores.items relies on it.
const LARGEST_EXACT_FLOAT32_INTEGER = 2 ** 24;

/**
 * The scoring plan of a questionnaire version: item, scale and behaviour tables for scoreWithPlan, built in one pass
 * over the definition. Build it once per definition and score every respondent with it.
 *
 * The definition is expected to have passed validateQuestionnaire; the plan checks again what would make a score
 * meaningless rather than merely odd, and refuses such a definition.
 *
 * Cost: O(items + options + scale items).
 *
 * @param definition the questionnaire version
 * @returns the plan
 * @throws {Error} on duplicate item ids, a scale that is not scorable (see scaleRange), two behaviour items with the
 *   same category and mode, a response scale without codes, or codes above 2^24
 * @example
 * const plan = createScoringPlan(socialSafety_1_0_0);
 * const scores = responses.map((response) => scoreWithPlan(plan, response));
 */
export function createScoringPlan(definition: QuestionnaireDefinition): ScoringPlan {
  const order = itemsInOrder(definition);
  const position = new Map<string, number>();
  order.forEach((item, index) => {
    if (position.has(item.id)) throw new Error(`cannot plan scoring: item id '${item.id}' occurs twice`);
    position.set(item.id, index);
  });
  const conditions = planConditions(order, position);
  const items = planItems(definition, order, position);
  const scaledPosition = new Map(items.itemIds.map((itemId, k) => [itemId, k]));
  const lowestOf = (itemId: string) => items.itemMin[scaledPosition.get(itemId) ?? -1] ?? 0;

  return {
    key: definition.key,
    version: definition.version,
    ...items,
    ...planScales(definition, scaledPosition),
    demographicIds: definition.demographics.map((demographic) => demographic.id),
    answerIds: order.map((item) => item.id),
    answerIndexOf: position,
    readsAnswer: Uint8Array.from(order, (item) => (item.type === 'free-text' ? 0 : 1)),
    ...conditions,
    behaviourByMode: planBehaviour(definition, position, lowestOf),
    sideOfKind: Int32Array.from(SOURCE_KINDS, (kind) => SOURCE_SIDES.indexOf(sourceSide(kind))),
    demographicCodes: definition.demographics.map(
      (demographic) => new Set(demographic.options.map((option) => option.value)),
    ),
    scratchValues: new Array<AnswerValue | undefined>(order.length).fill(undefined),
    scratchVisible: new Uint8Array(order.length),
    scratchCounts: new Int32Array(
      4 * (SOURCE_KINDS.length + SOURCE_SIDES.length + REPORT_CHANNELS.length + HANDLING_OUTCOMES.length),
    ),
    scratchSuccessor: new Int32Array(order.length + 1).fill(-1),
    scratchSlab: { buffer: null, offset: 0 },
  };
}

/** Conditions as positions and a flat code table, so that visibility is settled without looking up ids. */
function planConditions(order: readonly Item[], position: ReadonlyMap<string, number>) {
  const conditionSource = new Int32Array(order.length);
  const conditionStart = new Int32Array(order.length + 1);
  const codes: number[] = [];
  order.forEach((item, index) => {
    conditionStart[index] = codes.length;
    const condition = item.condition;
    if (condition === undefined) {
      conditionSource[index] = -1;
      return;
    }
    const source = position.get(condition.itemId);
    conditionSource[index] = source === undefined || source >= index ? -2 : source;
    codes.push(...condition.anyOf);
  });
  conditionStart[order.length] = codes.length;
  return {
    conditionSource,
    conditionalItems: Int32Array.from(order.keys()).filter((index) => conditionSource[index] !== -1),
    alwaysVisible: Uint8Array.from(conditionSource, (source) => (source === -1 ? 1 : 0)),
    conditionStart,
    conditionCodes: Float64Array.from(codes),
  };
}

/** Per scaled item: where its answer sits, its response range, its reverse flag and, for gapped scales, its codes. */
function planItems(definition: QuestionnaireDefinition, order: readonly Item[], position: ReadonlyMap<string, number>) {
  const scaled = order.filter(isScaledItem);
  const itemAnswerIndex = new Int32Array(scaled.length);
  const itemMin = new Float64Array(scaled.length);
  const itemMax = new Float64Array(scaled.length);
  const itemReverse = new Uint8Array(scaled.length);
  const itemCodes: (ReadonlySet<number> | null)[] = [];
  scaled.forEach((item, k) => {
    const codes = answerCodes(definition, item);
    if (codes.length === 0) throw new Error(`cannot plan scoring: item '${item.id}' has an unknown response scale`);
    const min = Math.min(...codes);
    const max = Math.max(...codes);
    if (max > LARGEST_EXACT_FLOAT32_INTEGER) throw new Error(`cannot plan scoring: item '${item.id}' has codes above 2^24`);
    itemAnswerIndex[k] = position.get(item.id) ?? -1;
    itemMin[k] = min;
    itemMax[k] = max;
    itemReverse[k] = item.reverse ? 1 : 0;
    // Contiguous integer codes are checked by range; only gapped scales need a set.
    itemCodes.push(new Set(codes).size === max - min + 1 ? null : new Set(codes));
  });
  return { itemIds: scaled.map((item) => item.id), itemAnswerIndex, itemMin, itemMax, itemReverse, itemCodes };
}

/** Per scale: its range and half-items minimum, and its items as positions in a flat table. */
function planScales(definition: QuestionnaireDefinition, scaledPosition: ReadonlyMap<string, number>) {
  const scales: PlannedScale[] = [];
  const scaleStart = new Int32Array(definition.scales.length + 1);
  const scaleItems: number[] = [];
  definition.scales.forEach((scale, s) => {
    const { min, max } = scaleRange(definition, scale);
    scaleStart[s] = scaleItems.length;
    for (const itemId of scale.itemIds) scaleItems.push(scaledPosition.get(itemId) ?? -1);
    const itemCount = scale.itemIds.length;
    scales.push({ id: scale.id, scoring: scale.scoring, min, max, itemCount, minimumAnswered: minimumAnswered(itemCount) });
  });
  scaleStart[definition.scales.length] = scaleItems.length;
  return { scales, scaleStart, scaleItemIndex: Int32Array.from(scaleItems) };
}
