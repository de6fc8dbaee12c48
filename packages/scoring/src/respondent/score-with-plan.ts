import { HANDLING_OUTCOMES, REPORT_CHANNELS, SOURCE_KINDS, isDontKnow } from '@socialsafety/instrument';
import { to0to100 } from '../stats';
import { allocateScores, clearScores } from './allocate-scores';
import { behaviourSlots, indicatorToSlot } from './behaviour-slots';
import { demographicCode } from './demographic-code';
import { invalidAnswer } from './invalid-answer';
import { anyIndicator } from './missing-data';
import { readAnswerList, readAnswers } from './read-answers';
import type { PlannedFollowUp, ScoringPlan } from './scoring-plan';
import { SOURCE_SIDES, type ListedRespondentResponse, type RespondentResponse, type RespondentScores } from './types';

const KIND_COUNT = SOURCE_KINDS.length;
const SIDE_COUNT = SOURCE_SIDES.length;
const CHANNEL_COUNT = REPORT_CHANNELS.length;
const OUTCOME_COUNT = HANDLING_OUTCOMES.length;
const NOT_REPORTED = REPORT_CHANNELS.indexOf('not-reported');
// plan.scratchCounts: one counter per tag (kinds, sides, channels, outcomes), in four blocks: yes, known,
// applicable, unresolved (the anyIndicator arguments).
const KIND = 0;
const SIDE = KIND + KIND_COUNT;
const CHANNEL = SIDE + SIDE_COUNT;
const OUTCOME = CHANNEL + CHANNEL_COUNT;
const TAGS = OUTCOME + OUTCOME_COUNT;
const YES = 0;
const KNOWN = TAGS;
const APPLICABLE = 2 * TAGS;
const UNRESOLVED = 3 * TAGS;

/**
 * Scores one respondent with a precomputed plan: recoded items, scale scores (raw and 0-100), behaviour indicators
 * and demographic codes in one compact record. The result equals scoreRespondent(definition, response) (a property
 * test holds them to it), but the work per respondent is one pass over the answers and plain loops over the plan's
 * typed arrays, so that a whole organisation scores in about a second (bench/respondent.bench.ts).
 *
 * Pass `into` (a record from an earlier call with the same plan) to reuse it instead of allocating one, when each
 * respondent's scores are consumed before the next is scored.
 *
 * References:
 * * scoring conventions, docs/instrument.md; the reference functions recodeAnswers, scaleScores, behaviourIndicators
 *
 * Cost: O(items + scale items + chosen follow-up options); allocates the record (unless `into` is given) and two
 * short-lived arrays while reading the answers.
 *
 * @param plan the plan of the respondent's questionnaire version (createScoringPlan)
 * @param response the respondent's answers and demographic codes
 * @param into optional record to overwrite instead of allocating one
 * @returns the respondent's scores
 * @throws {Error} if a shown answer or a demographic code is not one its item offers, or `into` does not fit the plan
 * @example
 * const plan = createScoringPlan(socialSafety_1_0_0);
 * const scores = scoreWithPlan(plan, { answers: { ps_raise_problems: 4 } });
 * scores.items[plan.itemIds.indexOf('ps_raise_problems')]; // => 4
 */
export function scoreWithPlan(plan: ScoringPlan, response: RespondentResponse, into?: RespondentScores): RespondentScores {
  const scores = recordFor(plan, into);
  readAnswers(plan, response.answers);
  return scoreAnswersRead(plan, response.demographics, scores);
}

/**
 * scoreWithPlan for a respondent whose answers come as a list in the questionnaire's answer order
 * (answerOrder(definition), the plan's answerIds): the same scores as the answers object with the list's non-null
 * entries, read without looking up a single key. The results engine accepts responses in this form
 * (ListedMeasurementResponse) because reading 100,000 answer objects, each with its own set of keys, is the largest
 * part of scoring them (docs/performance.md).
 *
 * Cost: as scoreWithPlan, without the key lookups.
 *
 * @throws {Error} as scoreWithPlan, and if the list's length is not the number of items of the plan's questionnaire
 * @example
 * const plan = createScoringPlan(socialSafety_1_0_0);
 * const answerList = plan.answerIds.map((id) => (id === 'ps_raise_problems' ? 4 : null));
 * scoreListWithPlan(plan, { answerList }).items[plan.itemIds.indexOf('ps_raise_problems')]; // => 4
 */
export function scoreListWithPlan(plan: ScoringPlan, response: ListedRespondentResponse, into?: RespondentScores): RespondentScores {
  const scores = recordFor(plan, into);
  readAnswerList(plan, response.answerList);
  return scoreAnswersRead(plan, response.demographics, scores);
}

function recordFor(plan: ScoringPlan, into: RespondentScores | undefined): RespondentScores {
  if (into === undefined) return allocateScores(plan);
  const fits =
    into.items.length === plan.itemIds.length &&
    into.scales.length === plan.scales.length &&
    into.demographics.length === plan.demographicIds.length;
  if (!fits) {
    throw new Error('scoreWithPlan: the record to reuse was made for another plan');
  }
  clearScores(into);
  return into;
}

/** Everything after the answers are read into the plan's scratch values. */
function scoreAnswersRead(plan: ScoringPlan, demographics: RespondentResponse['demographics'], scores: RespondentScores): RespondentScores {
  recodeItems(plan, scores.items);
  scoreScales(plan, scores);
  scoreBehaviour(plan, scores.behaviour);
  carryDemographics(plan, demographics, scores.demographics);
  return scores;
}

function recodeItems(plan: ScoringPlan, items: Float32Array): void {
  const { itemAnswerIndex, itemMin, itemMax, itemReverse, itemCodes } = plan;
  const values = plan.scratchValues;
  const visible = plan.scratchVisible;
  for (let k = 0; k < itemAnswerIndex.length; k++) {
    const i = itemAnswerIndex[k] as number;
    if (visible[i] !== 1) continue;
    const value = values[i];
    if (value === undefined) continue;
    if (typeof value !== 'number') {
      if (isDontKnow(value)) continue;
      throw invalidAnswer(plan.itemIds[k] as string, value, 'a code of its response scale');
    }
    const min = itemMin[k] as number;
    const max = itemMax[k] as number;
    const codes = itemCodes[k];
    const valid =
      codes === null || codes === undefined ? Number.isInteger(value) && value >= min && value <= max : codes.has(value);
    if (!valid) throw invalidAnswer(plan.itemIds[k] as string, value, 'a code of its response scale');
    items[k] = itemReverse[k] === 1 ? min + max - value : value;
  }
}

function scoreScales(plan: ScoringPlan, scores: RespondentScores): void {
  const { scaleStart, scaleItemIndex } = plan;
  const items = scores.items;
  for (let s = 0; s < plan.scales.length; s++) {
    const scale = plan.scales[s];
    if (scale === undefined) continue;
    let answered = 0;
    let sum = 0;
    let aboveLowest = 0;
    const to = scaleStart[s + 1] as number;
    for (let j = scaleStart[s] as number; j < to; j++) {
      const value = items[scaleItemIndex[j] as number] as number;
      if (Number.isNaN(value)) continue;
      answered += 1;
      sum += value;
      if (value > scale.min) aboveLowest += 1;
    }
    if (scale.scoring === 'prevalence') {
      const any = anyIndicator(aboveLowest, answered, scale.itemCount);
      if (any === null) continue;
      scores.scales[s] = any ? 1 : 0;
      scores.scales0to100[s] = any ? 100 : 0;
    } else if (answered >= scale.minimumAnswered) {
      const raw = sum / answered;
      scores.scales[s] = raw;
      scores.scales0to100[s] = to0to100(raw, scale.min, scale.max);
    }
  }
}

/**
 * The answer of a shown follow-up, checked like chosenOptions() checks it; null when hidden, unanswered or
 * "don't know". Every shown follow-up is checked, whatever the behaviour answer, as the reference path does.
 */
function followUpAnswer(plan: ScoringPlan, followUp: PlannedFollowUp | null): number | readonly number[] | null {
  if (followUp === null || plan.scratchVisible[followUp.answerIndex] !== 1) return null;
  const value = plan.scratchValues[followUp.answerIndex];
  if (value === undefined || isDontKnow(value)) return null;
  if (followUp.multiple) {
    if (!Array.isArray(value)) throw invalidAnswer(followUp.itemId, value, 'a list of option codes');
    for (const code of value) {
      if (!followUp.tagOf.has(code)) throw invalidAnswer(followUp.itemId, code, 'an option of this item');
    }
    return value;
  }
  if (typeof value !== 'number') throw invalidAnswer(followUp.itemId, value, 'one option code');
  if (!followUp.tagOf.has(value)) throw invalidAnswer(followUp.itemId, value, 'an option of this item');
  return value;
}

function chosenCount(answer: number | readonly number[]): number {
  return typeof answer === 'number' ? 1 : answer.length;
}

function chosenTag(followUp: PlannedFollowUp, answer: number | readonly number[], j: number): number {
  const code = typeof answer === 'number' ? answer : (answer[j] as number);
  return followUp.tagOf.get(code) ?? -1;
}

/**
 * Behaviour indicators, as behaviourIndicators() defines them. Per category the slots are written directly; each
 * "any" slot is settled at the end of its mode from yes / known / applicable counters per tag (source kind, side,
 * channel, outcome), because a tag applies only to categories whose follow-up offers it.
 */
function scoreBehaviour(plan: ScoringPlan, slots: Int8Array): void {
  const counts = plan.scratchCounts;
  const sideOfKind = plan.sideOfKind;
  for (let m = 0; m < plan.behaviourByMode.length; m++) {
    const items = plan.behaviourByMode[m] ?? [];
    counts.fill(0);
    let occurredYes = 0;
    let occurredKnown = 0;
    let reportApplicable = 0;
    let reportKnown = 0;
    let reportYes = 0;

    for (const item of items) {
      const row = item.row;
      const value = plan.scratchVisible[item.answerIndex] === 1 ? plan.scratchValues[item.answerIndex] : undefined;
      // Checked in recodeItems already: a number here is a valid code; anything else is "don't know" or nothing.
      const occurred = typeof value === 'number' ? (value > item.lowest ? 1 : 0) : -1;
      const sources = followUpAnswer(plan, item.source);
      const reports = followUpAnswer(plan, item.reported);
      const handling = followUpAnswer(plan, item.handling);

      slots[behaviourSlots.occurrenceAt(m, row)] = occurred;
      if (occurred !== -1) occurredKnown += 1;
      if (occurred === 1) occurredYes += 1;

      const source = item.source;
      if (source !== null) {
        const known = occurred === 0 || (occurred === 1 && sources !== null);
        // Behaviour that happened, from a source not told: "no" cannot be said for any source.
        const state = known ? KNOWN : occurred === 1 ? UNRESOLVED : -1;
        for (let t = 0; t < KIND_COUNT; t++) {
          if (source.offers[t] !== 1) continue;
          tally(counts, KIND + t, APPLICABLE);
          if (state >= 0) tally(counts, KIND + t, state);
          if (known) slots[behaviourSlots.sourceKindAt(m, row, t)] = 0;
        }
        for (let t = 0; t < SIDE_COUNT; t++) {
          if (source.offersSide[t] !== 1) continue;
          tally(counts, SIDE + t, APPLICABLE);
          if (state >= 0) tally(counts, SIDE + t, state);
          if (known) slots[behaviourSlots.sourceSideAt(m, row, t)] = 0;
        }
        if (occurred === 1 && sources !== null) {
          for (let j = 0; j < chosenCount(sources); j++) {
            const kind = chosenTag(source, sources, j);
            if (kind < 0) continue;
            slots[behaviourSlots.sourceKindAt(m, row, kind)] = 1;
            slots[behaviourSlots.sourceSideAt(m, row, sideOfKind[kind] as number)] = 1;
          }
          // Read back from the row, so that two options on one side count once for this category.
          for (let t = 0; t < KIND_COUNT; t++) {
            if (slots[behaviourSlots.sourceKindAt(m, row, t)] === 1) tally(counts, KIND + t, YES);
          }
          for (let t = 0; t < SIDE_COUNT; t++) {
            if (slots[behaviourSlots.sourceSideAt(m, row, t)] === 1) tally(counts, SIDE + t, YES);
          }
        }
      }

      let reported = -1;
      const report = item.reported;
      if (report !== null && occurred === 1) {
        reportApplicable += 1;
        for (let c = 0; c < CHANNEL_COUNT; c++) {
          if (report.offers[c] !== 1) continue;
          tally(counts, CHANNEL + c, APPLICABLE);
          tally(counts, CHANNEL + c, reports !== null ? KNOWN : UNRESOLVED);
        }
        if (reports !== null) {
          reportKnown += 1;
          reported = 0;
          // A tag chosen twice in one answer may count twice; only "more than none" is read from the yes counters.
          for (let j = 0; j < chosenCount(reports); j++) {
            const channel = chosenTag(report, reports, j);
            if (channel < 0) continue;
            tally(counts, CHANNEL + channel, YES);
            if (channel !== NOT_REPORTED) reported = 1;
          }
          reportYes += reported;
        }
        slots[behaviourSlots.reportedAt(m, row)] = reported;
      }

      const handled = item.handling;
      if (handled !== null && reported === 1) {
        for (let o = 0; o < OUTCOME_COUNT; o++) {
          if (handled.offers[o] !== 1) continue;
          tally(counts, OUTCOME + o, APPLICABLE);
          tally(counts, OUTCOME + o, handling !== null ? KNOWN : UNRESOLVED);
        }
        if (handling !== null) {
          for (let j = 0; j < chosenCount(handling); j++) {
            const outcome = chosenTag(handled, handling, j);
            if (outcome >= 0) tally(counts, OUTCOME + outcome, YES);
          }
        }
      }
    }

    slots[behaviourSlots.occurrenceAt(m, 0)] = indicatorToSlot(anyIndicator(occurredYes, occurredKnown, items.length));
    slots[behaviourSlots.reportedAt(m, 0)] = indicatorToSlot(
      anyIndicator(reportYes, reportKnown, reportApplicable, reportApplicable - reportKnown),
    );
    for (let t = 0; t < KIND_COUNT; t++) slots[behaviourSlots.sourceKindAt(m, 0, t)] = anySlot(counts, KIND + t);
    for (let t = 0; t < SIDE_COUNT; t++) slots[behaviourSlots.sourceSideAt(m, 0, t)] = anySlot(counts, SIDE + t);
    for (let c = 0; c < CHANNEL_COUNT; c++) slots[behaviourSlots.reportedToAt(m, c)] = anySlot(counts, CHANNEL + c);
    for (let o = 0; o < OUTCOME_COUNT; o++) slots[behaviourSlots.handlingAt(m, o)] = anySlot(counts, OUTCOME + o);
  }
}

function tally(counts: Int32Array, tag: number, counter: number): void {
  const at = counter + tag;
  counts[at] = (counts[at] as number) + 1;
}

function anySlot(counts: Int32Array, tag: number): number {
  return indicatorToSlot(
    anyIndicator(
      counts[YES + tag] as number,
      counts[KNOWN + tag] as number,
      counts[APPLICABLE + tag] as number,
      counts[UNRESOLVED + tag] as number,
    ),
  );
}

function carryDemographics(
  plan: ScoringPlan,
  demographics: RespondentResponse['demographics'],
  target: Float64Array,
): void {
  if (demographics === undefined) return;
  for (let d = 0; d < plan.demographicIds.length; d++) {
    const id = plan.demographicIds[d] as string;
    const codes = plan.demographicCodes[d];
    if (codes === undefined || !Object.hasOwn(demographics, id)) continue;
    target[d] = demographicCode(id, codes, demographics[id]);
  }
}
