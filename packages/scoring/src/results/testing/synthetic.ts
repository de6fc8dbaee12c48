import {
  answerCodes,
  isItemVisible,
  itemsInOrder,
  DONT_KNOW,
  type AnswerValue,
  type QuestionnaireDefinition,
} from '@socialsafety/instrument';
import type { MeasurementResponse, MeasurementUnit } from '../types';
import { seededRandom } from '../../disclosure/testing/organisations';

/** Seeded random numbers (mulberry32), so that tests and benchmarks see the same data on every run. */
export const seeded = seededRandom;


/** A balanced tree: one root, then `fanOut[level]` children per unit at each level. */
export function syntheticTree(fanOut: readonly number[]): MeasurementUnit[] {
  const units: MeasurementUnit[] = [{ id: 'u', parentId: null }];
  let level = ['u'];
  for (const width of fanOut) {
    const next: string[] = [];
    for (const parent of level) {
      for (let c = 0; c < width; c++) {
        const id = `${parent}.${c}`;
        units.push({ id, parentId: parent });
        next.push(id);
      }
    }
    level = next;
  }
  return units;
}

export interface SyntheticOptions {
  /** Share of items left unanswered, and answered "don't know" where allowed. */
  readonly skipRate?: number;
  /** Share of respondents who experienced each kind of behaviour. */
  readonly behaviourRate?: number;
}

/**
 * Respondents for tests and benchmarks: each unit has its own level (a team effect), each answer is that level plus
 * noise, some answers are skipped, behaviour is rare, follow-ups are answered only when shown, and demographics are
 * sometimes left out. Not a realistic population model (the demo data generator has that); enough to exercise every
 * path of scoring and disclosure control.
 */
export function syntheticResponses(
  definition: QuestionnaireDefinition,
  units: readonly MeasurementUnit[],
  count: number,
  random: () => number,
  options: SyntheticOptions = {},
): MeasurementResponse[] {
  const next = syntheticResponseSource(definition, units, random, options);
  return Array.from({ length: count }, next);
}

/** The same respondents one at a time, for streams too large to hold (the 1M-response benchmark). */
export function syntheticResponseSource(
  definition: QuestionnaireDefinition,
  units: readonly MeasurementUnit[],
  random: () => number,
  { skipRate = 0.03, behaviourRate = 0.15 }: SyntheticOptions = {},
): () => MeasurementResponse {
  const items = itemsInOrder(definition);
  const codes = new Map(items.map((item) => [item.id, item.type === 'free-text' ? [] : answerCodes(definition, item)]));
  const unitLevel = new Map(units.map((unit) => [unit.id, random() - 0.5]));
  // Skewed unit sizes: a few large units, many small ones, some empty.
  const weights = units.map(() => (random() < 0.1 ? 0 : Math.exp(random() * 2.5)));
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  weights.reduce((sum, w, i) => (cumulative[i] = sum + w / total), 0);

  return () => {
    const pick = random();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < pick) lo = mid + 1;
      else hi = mid;
    }
    const index = lo;
    const unit = units[index] as MeasurementUnit;
    const level = (unitLevel.get(unit.id) ?? 0) + (random() - 0.5) * 0.6;
    const answers: Record<string, AnswerValue> = {};
    for (const item of items) {
      if (!isItemVisible(item, answers)) continue;
      const options = codes.get(item.id) ?? [];
      if (item.type === 'free-text' || options.length === 0) continue;
      const roll = random();
      if (roll < skipRate) continue;
      if (roll < skipRate * 1.5 && item.allowDontKnow) {
        answers[item.id] = DONT_KNOW;
        continue;
      }
      if ('behaviour' in item && item.behaviour) {
        answers[item.id] = random() < behaviourRate ? (options[1 + Math.floor(random() * (options.length - 1))] as number) : (options[0] as number);
        continue;
      }
      if (item.type === 'multiple-choice') {
        answers[item.id] = [options[Math.floor(random() * options.length)] as number];
        continue;
      }
      if (item.type === 'single-choice') {
        answers[item.id] = options[Math.floor(random() * options.length)] as number;
        continue;
      }
      const centre = (options.length - 1) * (0.5 + level * (item.reverse ? -0.8 : 0.8));
      const position = Math.round(Math.min(options.length - 1, Math.max(0, centre + (random() - 0.5) * 2.2)));
      answers[item.id] = options[position] as number;
    }
    const demographics: Record<string, number | undefined> = {};
    for (const demographic of definition.demographics) {
      if (random() < 0.05) continue;
      const option = demographic.options[Math.floor(random() * demographic.options.length)];
      demographics[demographic.id] = option?.value;
    }
    return { unitId: unit.id, answers, demographics };
  };
}
