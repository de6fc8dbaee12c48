import { itemsInOrder } from './definition-index';
import type { QuestionnaireDefinition } from './schema';

/**
 * Rough reading-and-answering times. A short B1 statement on a fixed scale takes about 6 seconds to read and answer
 * (about 15 words at 200 words a minute, plus the choice); choice items have longer option lists; most respondents
 * skip an optional free-text box, so it counts for its expected, not its full, time.
 */
export interface CompletionTimeAssumptions {
  secondsPerScaledItem: number;
  secondsPerChoiceItem: number;
  secondsPerFreeTextItem: number;
  secondsPerDemographic: number;
  secondsPerSection: number;
  secondsForIntro: number;
  /** Share of respondents assumed to see a conditional item (behaviour follow-ups are shown only after "yes"). */
  shareSeeingConditionalItems: number;
}

export const DEFAULT_COMPLETION_TIME_ASSUMPTIONS: Readonly<CompletionTimeAssumptions> = Object.freeze({
  secondsPerScaledItem: 6,
  secondsPerChoiceItem: 10,
  secondsPerFreeTextItem: 30,
  secondsPerDemographic: 5,
  secondsPerSection: 5,
  secondsForIntro: 45,
  shareSeeingConditionalItems: 0.2,
});

/** Estimated minutes for a typical respondent, from item counts. Compare with the definition's estimatedMinutes. */
export function estimateMinutes(
  definition: QuestionnaireDefinition,
  assumptions: Readonly<CompletionTimeAssumptions> = DEFAULT_COMPLETION_TIME_ASSUMPTIONS,
): number {
  let seconds = assumptions.secondsForIntro + definition.sections.length * assumptions.secondsPerSection;
  for (const item of itemsInOrder(definition)) {
    const itemSeconds =
      item.type === 'free-text'
        ? assumptions.secondsPerFreeTextItem
        : item.type === 'single-choice' || item.type === 'multiple-choice'
          ? assumptions.secondsPerChoiceItem
          : assumptions.secondsPerScaledItem;
    seconds += item.condition === undefined ? itemSeconds : itemSeconds * assumptions.shareSeeingConditionalItems;
  }
  seconds += definition.demographics.length * assumptions.secondsPerDemographic;
  return seconds / 60;
}
