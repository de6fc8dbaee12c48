import {
  BEHAVIOUR_CATEGORIES,
  BEHAVIOUR_MODES,
  HANDLING_OUTCOMES,
  REPORT_CHANNELS,
  SOURCE_KINDS,
  behaviourItems,
  sourceSide,
  type ChoiceItem,
  type ChoiceOption,
  type QuestionnaireDefinition,
} from '@socialsafety/instrument';
import { SOURCE_SIDES } from './types';

/** A choice follow-up as the fast path reads it: where its answer sits and what each option code means. */
export interface PlannedFollowUp {
  readonly itemId: string;
  readonly answerIndex: number;
  readonly multiple: boolean;
  /** Option code -> index of its tag in SOURCE_KINDS / REPORT_CHANNELS / HANDLING_OUTCOMES; -1 when untagged. */
  readonly tagOf: ReadonlyMap<number, number>;
  /** 1 per tag index that some option carries: what this follow-up can tell at all. */
  readonly offers: Uint8Array;
  /** Source follow-ups: 1 per SOURCE_SIDES index that some offered kind falls on; all 0 for other roles. */
  readonly offersSide: Uint8Array;
}

/** A behaviour frequency item with its follow-ups. */
export interface PlannedBehaviourItem {
  readonly itemId: string;
  readonly modeIndex: number;
  /** Row in behaviourSlots: category index + 1 (row 0 is 'any'). */
  readonly row: number;
  readonly answerIndex: number;
  /** The lowest code ("never"). */
  readonly lowest: number;
  readonly source: PlannedFollowUp | null;
  readonly reported: PlannedFollowUp | null;
  readonly handling: PlannedFollowUp | null;
}

/**
 * The behaviour items of a definition grouped by mode (BEHAVIOUR_MODES order), each with its follow-ups reduced to
 * tag indices, so that the fast path compares small integers instead of reading option objects.
 *
 * Cost: O(items + follow-up options).
 *
 * @param position item id -> position in questionnaire order
 * @param lowestOf item id -> lowest code of its response scale
 * @throws {Error} if two behaviour items share a category and mode (validateQuestionnaire refuses that too)
 */
export function planBehaviour(
  definition: QuestionnaireDefinition,
  position: ReadonlyMap<string, number>,
  lowestOf: (itemId: string) => number,
): PlannedBehaviourItem[][] {
  const followUp = (
    item: ChoiceItem | undefined,
    vocabulary: readonly string[],
    tagOfOption: (option: ChoiceOption) => string | undefined,
  ): PlannedFollowUp | null => {
    if (item === undefined) return null;
    const tagOf = new Map<number, number>();
    const offers = new Uint8Array(vocabulary.length);
    const offersSide = new Uint8Array(SOURCE_SIDES.length);
    for (const option of item.options) {
      const tag = tagOfOption(option);
      const index = tag === undefined ? -1 : vocabulary.indexOf(tag);
      tagOf.set(option.value, index);
      if (index < 0) continue;
      offers[index] = 1;
      if (option.source !== undefined && tag === option.source) {
        offersSide[SOURCE_SIDES.indexOf(sourceSide(option.source))] = 1;
      }
    }
    const answerIndex = position.get(item.id) ?? -1;
    return { itemId: item.id, answerIndex, multiple: item.type === 'multiple-choice', tagOf, offers, offersSide };
  };

  const byMode: PlannedBehaviourItem[][] = BEHAVIOUR_MODES.map(() => []);
  const seen = new Set<string>();
  for (const entry of behaviourItems(definition)) {
    const key = `${entry.category}/${entry.mode}`;
    if (seen.has(key)) {
      throw new Error(`cannot plan scoring: two items measure ${entry.category} behaviour (${entry.mode})`);
    }
    seen.add(key);
    const modeIndex = BEHAVIOUR_MODES.indexOf(entry.mode);
    byMode[modeIndex]?.push({
      itemId: entry.item.id,
      modeIndex,
      row: BEHAVIOUR_CATEGORIES.indexOf(entry.category) + 1,
      answerIndex: position.get(entry.item.id) ?? -1,
      lowest: lowestOf(entry.item.id),
      source: followUp(entry.followUps.source, SOURCE_KINDS, (option) => option.source),
      reported: followUp(entry.followUps.reported, REPORT_CHANNELS, (option) => option.reportedTo),
      handling: followUp(entry.followUps.handling, HANDLING_OUTCOMES, (option) => option.handling),
    });
  }
  return byMode;
}
