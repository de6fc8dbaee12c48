import {
  BEHAVIOUR_CATEGORIES,
  answerCodes,
  behaviourItems,
  isDontKnow,
  sourceSide,
  visibleItemIds,
  HANDLING_OUTCOMES,
  REPORT_CHANNELS,
  SOURCE_KINDS,
  type Answers,
  type AnswerValue,
  type BehaviourCategory,
  type BehaviourItem,
  type BehaviourMode,
  type ChoiceItem,
  type ChoiceOption,
  type QuestionnaireDefinition,
  type SourceKind,
} from '@socialsafety/instrument';
import { chosenOptions } from './chosen-options';
import { invalidAnswer } from './invalid-answer';
import { anyIndicator } from './missing-data';
import {
  SOURCE_SIDES,
  type BehaviourIndicators,
  type Indicator,
  type ModeIndicators,
  type SourceIndicators,
  type SourceSide,
} from './types';

/**
 * Behaviour indicators of one respondent, per mode (experienced, witnessed): whether any unwanted behaviour
 * occurred and which categories; who it came from (per source kind, and internal / external by the instrument's
 * sourceSide(), as NEA reports it); whether it was reported and to whom; how reports were handled. Items and
 * follow-ups are found through their tags (behaviour, followUp), never through their ids or texts.
 *
 * Occurrence and source are prevalences: "never" counts as no. Reporting applies only to behaviour that occurred,
 * handling only to behaviour that was reported; elsewhere they are null. What the questionnaire does not ask gives
 * null, not no: a follow-up it lacks (the built-in one asks no source for witnessed behaviour), or a source kind,
 * channel or outcome none of a follow-up's options offers. "Any" over categories follows anyIndicator: yes when
 * one says yes; unknown when behaviour happened but its follow-up was skipped; otherwise no when at least half of
 * the categories that apply are known.
 *
 * This is the readable reference implementation; scoreWithPlan does the same per respondent without the lookups.
 *
 * References:
 * * scoring conventions, docs/instrument.md ("Prevalence ... by category and by source"); NEA internal / external
 *
 * Cost: O(items + behaviour items × options).
 *
 * @param definition the questionnaire version
 * @param answers the respondent's answers; answers on items whose condition is not met are ignored
 * @returns the indicators, every category present (null where the questionnaire does not ask it)
 * @throws {Error} if two behaviour items share a category and mode, or a shown answer is not a code of its item
 * @example
 * behaviourIndicators(definition, { ub_exp_general: 2, ub_exp_general_source: [1, 5] }).experienced.source.any.bySide;
 * // => { internal: true, external: true, unknown: false }
 */
export function behaviourIndicators(definition: QuestionnaireDefinition, answers: Answers): BehaviourIndicators {
  const visible = visibleItemIds(definition, answers);
  const shown = (itemId: string): AnswerValue | undefined =>
    visible.has(itemId) && Object.hasOwn(answers, itemId) ? answers[itemId] : undefined;
  const entries = behaviourItems(definition);
  const forMode = (mode: BehaviourMode) => {
    const items = new Map<BehaviourCategory, BehaviourItem>();
    for (const entry of entries) {
      if (entry.mode !== mode) continue;
      if (items.has(entry.category)) {
        throw new Error(`cannot score behaviour: two items measure ${entry.category} behaviour (${mode})`);
      }
      items.set(entry.category, entry);
    }
    return modeIndicators(definition, items, shown);
  };
  return { experienced: forMode('experienced'), witnessed: forMode('witnessed') };
}

/** A follow-up as one respondent answered it: which tags its options offer, and which options were chosen. */
interface FollowUpFacts {
  /** Tags (source kinds, report channels or handling outcomes) some option carries: what the question can tell. */
  offered: ReadonlySet<string>;
  /** null when not shown, not answered or "don't know". */
  chosen: ChoiceOption[] | null;
}

/** Everything known about one category for one respondent, before "any" is taken over categories. */
interface CategoryFacts {
  occurred: Indicator;
  /** null when the questionnaire does not ask this follow-up for this category. */
  source: FollowUpFacts | null;
  reported: FollowUpFacts | null;
  handling: FollowUpFacts | null;
}

function modeIndicators(
  definition: QuestionnaireDefinition,
  items: ReadonlyMap<BehaviourCategory, BehaviourItem>,
  shown: (itemId: string) => AnswerValue | undefined,
): ModeIndicators {
  const facts = new Map<BehaviourCategory, CategoryFacts>();
  for (const [category, entry] of items) facts.set(category, categoryFacts(definition, entry, shown));
  const present = [...facts.values()];
  const offering = (role: 'source' | 'reported' | 'handling', tag: string) =>
    present.filter((fact) => fact[role]?.offered.has(tag) === true);
  const offeringSide = (side: SourceSide) =>
    present.filter((fact) => [...(fact.source?.offered ?? [])].some((kind) => sideOf(kind) === side));
  // Reporting applies to behaviour that occurred; handling to behaviour that was reported.
  const reportable = (among: readonly CategoryFacts[]) =>
    among.filter((fact) => fact.reported !== null && fact.occurred === true);
  const handled = (among: readonly CategoryFacts[]) =>
    among.filter((fact) => fact.handling !== null && categoryReported(fact) === true);

  return {
    any: anyOver(present, (fact) => fact.occurred),
    byCategory: perCategory((category) => facts.get(category)?.occurred ?? null),
    source: {
      any: {
        byKind: record(SOURCE_KINDS, (kind) =>
          anyOver(offering('source', kind), (fact) => categorySources(fact).byKind[kind]),
        ),
        bySide: record(SOURCE_SIDES, (side) => anyOver(offeringSide(side), (fact) => categorySources(fact).bySide[side])),
      },
      byCategory: perCategory((category) => categorySources(facts.get(category))),
    },
    reported: {
      any: anyOver(reportable(present), categoryReported),
      byCategory: perCategory((category) => categoryReported(facts.get(category))),
    },
    reportedTo: record(REPORT_CHANNELS, (channel) =>
      anyOver(reportable(offering('reported', channel)), (fact) => chose(fact.reported, (o) => o.reportedTo === channel)),
    ),
    handling: record(HANDLING_OUTCOMES, (outcome) =>
      anyOver(handled(offering('handling', outcome)), (fact) => chose(fact.handling, (o) => o.handling === outcome)),
    ),
  };
}

function categoryFacts(
  definition: QuestionnaireDefinition,
  entry: BehaviourItem,
  shown: (itemId: string) => AnswerValue | undefined,
): CategoryFacts {
  const follow = (
    item: ChoiceItem | undefined,
    tagOf: (option: ChoiceOption) => string | undefined,
  ): FollowUpFacts | null => {
    if (item === undefined) return null;
    const offered = new Set<string>();
    for (const option of item.options) {
      const tag = tagOf(option);
      if (tag !== undefined) offered.add(tag);
    }
    return { offered, chosen: chosenOptions(item, shown(item.id)) };
  };
  return {
    occurred: occurrenceOf(definition, entry, shown(entry.item.id)),
    source: follow(entry.followUps.source, (option) => option.source),
    reported: follow(entry.followUps.reported, (option) => option.reportedTo),
    handling: follow(entry.followUps.handling, (option) => option.handling),
  };
}

/** At least once: the raw answer above the lowest code ("never"). Raw, because reverse keying has no meaning here. */
function occurrenceOf(
  definition: QuestionnaireDefinition,
  entry: BehaviourItem,
  value: AnswerValue | undefined,
): Indicator {
  if (value === undefined || isDontKnow(value)) return null;
  const codes = answerCodes(definition, entry.item);
  if (typeof value !== 'number' || !codes.includes(value)) {
    throw invalidAnswer(entry.item.id, value, 'a code of its response scale');
  }
  return value > Math.min(...codes);
}

const sideOf = (kind: string) => sourceSide(kind as SourceKind);

/**
 * Source indicators of one category. A kind (or side) that no option offers was not asked: null, not no, so that
 * a questionnaire without a "subordinate" option does not report 0 % from subordinates.
 */
function categorySources(fact: CategoryFacts | undefined): SourceIndicators {
  const source = fact?.source ?? null;
  const occurred = fact?.occurred ?? null;
  const from = (asked: boolean, test: (option: ChoiceOption) => boolean): Indicator => {
    if (!asked || source === null || occurred === null) return null;
    if (!occurred) return false;
    return chose(source, test);
  };
  const offered = [...(source?.offered ?? [])];
  return {
    byKind: record(SOURCE_KINDS, (kind) => from(offered.includes(kind), (option) => option.source === kind)),
    bySide: record(SOURCE_SIDES, (side) =>
      from(
        offered.some((kind) => sideOf(kind) === side),
        (option) => option.source !== undefined && sourceSide(option.source) === side,
      ),
    ),
  };
}

function categoryReported(fact: CategoryFacts | undefined): Indicator {
  if (fact === undefined || fact.occurred !== true) return null;
  return chose(fact.reported, (option) => option.reportedTo !== undefined && option.reportedTo !== 'not-reported');
}

/** Whether a chosen option passes the test; null when the follow-up is not asked or not answered. */
function chose(followUp: FollowUpFacts | null, test: (option: ChoiceOption) => boolean): Indicator {
  if (followUp === null || followUp.chosen === null) return null;
  return followUp.chosen.some(test);
}

/**
 * "Any" over the categories that apply (the caller filters them), by anyIndicator. A category is unresolved when its
 * value is unknown although its behaviour is known to have happened (a skipped follow-up).
 */
function anyOver(parts: readonly CategoryFacts[], valueOf: (part: CategoryFacts) => Indicator): Indicator {
  let yes = 0;
  let known = 0;
  let unresolved = 0;
  for (const part of parts) {
    const value = valueOf(part);
    if (value !== null) known += 1;
    if (value === true) yes += 1;
    if (value === null && part.occurred === true) unresolved += 1;
  }
  return anyIndicator(yes, known, parts.length, unresolved);
}

function perCategory<V>(valueOf: (category: BehaviourCategory) => V): Record<BehaviourCategory, V> {
  return record(BEHAVIOUR_CATEGORIES, valueOf);
}

function record<K extends string, V>(keys: readonly K[], valueOf: (key: K) => V): Record<K, V> {
  const result = {} as Record<K, V>;
  for (const key of keys) result[key] = valueOf(key);
  return result;
}
