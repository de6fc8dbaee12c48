import {
  BEHAVIOUR_CATEGORIES,
  BEHAVIOUR_MODES,
  HANDLING_OUTCOMES,
  REPORT_CHANNELS,
  SOURCE_KINDS,
  type BehaviourMode,
} from '@socialsafety/instrument';
import { behaviourSlots, indicatorToSlot, slotToIndicator, type CategoryOrAny } from './behaviour-slots';
import {
  SOURCE_SIDES,
  type BehaviourIndicators,
  type Indicator,
  type ModeIndicators,
  type SourceIndicators,
} from './types';

/*
 * Between the readable BehaviourIndicators and the slots of RespondentScores.behaviour, through the named
 * positions of behaviourSlots only (not the fast path's arithmetic), so that the equivalence test compares two
 * independent routes.
 */

/** Writes readable indicators into behaviour slots. Cost: O(slots). */
export function packBehaviour(indicators: BehaviourIndicators, slots: Int8Array): void {
  for (const mode of BEHAVIOUR_MODES) {
    const block = indicators[mode];
    const put = (slot: number, value: Indicator) => {
      slots[slot] = indicatorToSlot(value);
    };
    const putSources = (row: CategoryOrAny, sources: SourceIndicators) => {
      for (const kind of SOURCE_KINDS) put(behaviourSlots.sourceKind(mode, row, kind), sources.byKind[kind]);
      for (const side of SOURCE_SIDES) put(behaviourSlots.sourceSide(mode, row, side), sources.bySide[side]);
    };
    put(behaviourSlots.occurrence(mode, 'any'), block.any);
    putSources('any', block.source.any);
    put(behaviourSlots.reported(mode, 'any'), block.reported.any);
    for (const category of BEHAVIOUR_CATEGORIES) {
      put(behaviourSlots.occurrence(mode, category), block.byCategory[category]);
      putSources(category, block.source.byCategory[category]);
      put(behaviourSlots.reported(mode, category), block.reported.byCategory[category]);
    }
    for (const channel of REPORT_CHANNELS) put(behaviourSlots.reportedTo(mode, channel), block.reportedTo[channel]);
    for (const outcome of HANDLING_OUTCOMES) put(behaviourSlots.handling(mode, outcome), block.handling[outcome]);
  }
}

/** Reads behaviour slots back into readable indicators. Cost: O(slots). */
export function unpackBehaviour(slots: Int8Array): BehaviourIndicators {
  const forMode = (mode: BehaviourMode): ModeIndicators => {
    const get = (slot: number) => slotToIndicator(slots[slot]);
    const sources = (row: CategoryOrAny): SourceIndicators => ({
      byKind: fromKeys(SOURCE_KINDS, (kind) => get(behaviourSlots.sourceKind(mode, row, kind))),
      bySide: fromKeys(SOURCE_SIDES, (side) => get(behaviourSlots.sourceSide(mode, row, side))),
    });
    return {
      any: get(behaviourSlots.occurrence(mode, 'any')),
      byCategory: fromKeys(BEHAVIOUR_CATEGORIES, (category) => get(behaviourSlots.occurrence(mode, category))),
      source: { any: sources('any'), byCategory: fromKeys(BEHAVIOUR_CATEGORIES, sources) },
      reported: {
        any: get(behaviourSlots.reported(mode, 'any')),
        byCategory: fromKeys(BEHAVIOUR_CATEGORIES, (category) => get(behaviourSlots.reported(mode, category))),
      },
      reportedTo: fromKeys(REPORT_CHANNELS, (channel) => get(behaviourSlots.reportedTo(mode, channel))),
      handling: fromKeys(HANDLING_OUTCOMES, (outcome) => get(behaviourSlots.handling(mode, outcome))),
    };
  };
  return { experienced: forMode('experienced'), witnessed: forMode('witnessed') };
}

function fromKeys<K extends string, V>(keys: readonly K[], valueOf: (key: K) => V): Record<K, V> {
  const result = {} as Record<K, V>;
  for (const key of keys) result[key] = valueOf(key);
  return result;
}
