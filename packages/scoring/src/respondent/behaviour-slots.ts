import {
  BEHAVIOUR_CATEGORIES,
  BEHAVIOUR_MODES,
  HANDLING_OUTCOMES,
  REPORT_CHANNELS,
  SOURCE_KINDS,
  type BehaviourCategory,
  type BehaviourMode,
  type HandlingOutcome,
  type ReportChannel,
  type SourceKind,
} from '@socialsafety/instrument';
import { SOURCE_SIDES, type SourceSide } from './types';

/*
 * Where each behaviour indicator sits in RespondentScores.behaviour. The layout follows the instrument's fixed
 * vocabularies (categories, source kinds, report channels, handling outcomes), not a particular questionnaire, so
 * that scores of two questionnaire versions line up; a category a questionnaire does not ask stays -1.
 *
 * Per mode (experienced, witnessed), in this order, with "any" in front of the categories:
 *   occurrence [any, ...categories]                   8
 *   source kind [any, ...categories] x kinds          8 x 6
 *   source side [any, ...categories] x sides          8 x 3
 *   reported [any, ...categories]                     8
 *   reported to [channels]                            8
 *   handling [outcomes]                               6
 */

/** 'any' or a category: the rows of the per-category indicators. */
export type CategoryOrAny = BehaviourCategory | 'any';

const ROWS = BEHAVIOUR_CATEGORIES.length + 1;
const KINDS = SOURCE_KINDS.length;
const SIDES = SOURCE_SIDES.length;

const OCCURRENCE = 0;
const SOURCE_KIND = OCCURRENCE + ROWS;
const SOURCE_SIDE = SOURCE_KIND + ROWS * KINDS;
const REPORTED = SOURCE_SIDE + ROWS * SIDES;
const REPORTED_TO = REPORTED + ROWS;
const HANDLING = REPORTED_TO + REPORT_CHANNELS.length;
const MODE_SIZE = HANDLING + HANDLING_OUTCOMES.length;

function indexIn<T>(list: readonly T[], value: T, what: string): number {
  const index = list.indexOf(value);
  if (index < 0) throw new Error(`behaviourSlots: unknown ${what} '${String(value)}'`);
  return index;
}

const modeBase = (mode: BehaviourMode) => indexIn(BEHAVIOUR_MODES, mode, 'mode') * MODE_SIZE;
/** Row 0 is 'any', row c + 1 is category c. */
const row = (category: CategoryOrAny) => (category === 'any' ? 0 : indexIn(BEHAVIOUR_CATEGORIES, category, 'category') + 1);

/**
 * Positions of the behaviour indicators in RespondentScores.behaviour. Numeric variants (…At) take the indices the
 * fast path already has; named variants are for readers of the scores.
 */
export const behaviourSlots = {
  /** Number of slots in RespondentScores.behaviour. */
  size: BEHAVIOUR_MODES.length * MODE_SIZE,
  modeSize: MODE_SIZE,
  occurrence: (mode: BehaviourMode, category: CategoryOrAny) => modeBase(mode) + OCCURRENCE + row(category),
  sourceKind: (mode: BehaviourMode, category: CategoryOrAny, kind: SourceKind) =>
    modeBase(mode) + SOURCE_KIND + row(category) * KINDS + indexIn(SOURCE_KINDS, kind, 'source kind'),
  sourceSide: (mode: BehaviourMode, category: CategoryOrAny, side: SourceSide) =>
    modeBase(mode) + SOURCE_SIDE + row(category) * SIDES + indexIn(SOURCE_SIDES, side, 'source side'),
  reported: (mode: BehaviourMode, category: CategoryOrAny) => modeBase(mode) + REPORTED + row(category),
  reportedTo: (mode: BehaviourMode, channel: ReportChannel) =>
    modeBase(mode) + REPORTED_TO + indexIn(REPORT_CHANNELS, channel, 'report channel'),
  handling: (mode: BehaviourMode, outcome: HandlingOutcome) =>
    modeBase(mode) + HANDLING + indexIn(HANDLING_OUTCOMES, outcome, 'handling outcome'),

  /** Offsets within a mode's block, for the fast path: row r is 0 for 'any' and category index + 1 otherwise. */
  occurrenceAt: (modeIndex: number, rowIndex: number) => modeIndex * MODE_SIZE + OCCURRENCE + rowIndex,
  sourceKindAt: (modeIndex: number, rowIndex: number, kindIndex: number) =>
    modeIndex * MODE_SIZE + SOURCE_KIND + rowIndex * KINDS + kindIndex,
  sourceSideAt: (modeIndex: number, rowIndex: number, sideIndex: number) =>
    modeIndex * MODE_SIZE + SOURCE_SIDE + rowIndex * SIDES + sideIndex,
  reportedAt: (modeIndex: number, rowIndex: number) => modeIndex * MODE_SIZE + REPORTED + rowIndex,
  reportedToAt: (modeIndex: number, channelIndex: number) => modeIndex * MODE_SIZE + REPORTED_TO + channelIndex,
  handlingAt: (modeIndex: number, outcomeIndex: number) => modeIndex * MODE_SIZE + HANDLING + outcomeIndex,
} as const;

/** Indicator <-> slot value: 1 yes, 0 no, -1 unknown or not applicable. */
export function indicatorToSlot(value: boolean | null): number {
  return value === null ? -1 : value ? 1 : 0;
}

export function slotToIndicator(value: number | undefined): boolean | null {
  return value === 1 ? true : value === 0 ? false : null;
}
