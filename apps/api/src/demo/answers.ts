import {
  answerCodes,
  behaviourItems,
  DONT_KNOW,
  isChoiceItem,
  isScaledItem,
  isItemVisible,
  itemRange,
  itemsInOrder,
  scaleOfItem,
  type AnswerValue,
  type BehaviourItem,
  type ChoiceItem,
  type Item,
  type QuestionnaireDefinition,
  type Scale,
  type ScaledItem,
} from '@socialsafety/instrument';
import { followUpAnswer, plainChoice } from './follow-ups';
import type { Person } from './person';
import { scaleProfile, SKIP_RATE, TEAM_SHARE_OF_CLIMATE } from './population';
import { seededRandom, type Random } from './random';

const TEAM = Math.sqrt(TEAM_SHARE_OF_CLIMATE);
const OWN = Math.sqrt(1 - TEAM_SHARE_OF_CLIMATE);

interface ItemParameters {
  loading: number;
  offset: number;
}

// Loadings and offsets belong to the items, not to an organisation: the same in every demo, whatever its seed. Offsets
// are centred within each scale, so that the scale's mean is the one its profile gives.
const itemParameterCache = new Map<string, Map<string, ItemParameters>>();
function itemParameters(scale: Scale, itemId: string): ItemParameters {
  const key = `${scale.id}:${scale.itemIds.join(',')}`;
  let parameters = itemParameterCache.get(key);
  if (!parameters) {
    const drawn = scale.itemIds.map((id) => {
      const random = seededRandom('social-safety item parameters').fork(id);
      return { id, loading: 0.6 + 0.25 * random.next(), offset: 0.25 * random.normal() };
    });
    const centre = drawn.reduce((sum, p) => sum + p.offset, 0) / drawn.length;
    parameters = new Map(drawn.map((p) => [p.id, { loading: p.loading, offset: p.offset - centre }]));
    itemParameterCache.set(key, parameters);
  }
  return parameters.get(itemId)!;
}

/**
 * Shifts of a scale's latent score (in favourable direction) by a person's situation. Assumptions in the spirit of the
 * source document's risk factors: flexible and temporary contracts bring job insecurity and dependency; people who
 * manage others find it easier to speak up.
 */
function situationShift(scaleId: string, person: Person): number {
  const flexible = person.contract === 2 || person.contract === 3;
  switch (scaleId) {
    case 'job_insecurity':
      return flexible ? -1.1 : 0;
    case 'dependency':
      return flexible ? -0.5 : 0;
    case 'speaking_up_upwards':
      return person.supervises ? 0.35 : 0;
    case 'psychological_safety':
      return person.supervises ? 0.15 : 0;
    default:
      return 0;
  }
}

/** The code nearest to a continuous answer, within the item's range. */
function nearestCode(codes: readonly number[], value: number): number {
  let best = codes[0]!;
  for (const code of codes) if (Math.abs(code - value) < Math.abs(best - value)) best = code;
  return best;
}

/**
 * A graded-response answer: a latent score per scale (shared climate with loading rho, the team's and the person's
 * own part of the scale), an item response with loading lambda, cut at the midpoints between answer codes. Generated
 * in the scale's scoring direction, then reverse-keyed items are turned around, so that they are answered
 * consistently with the rest of the scale.
 */
function scaleAnswer(definition: QuestionnaireDefinition, item: ScaledItem, scale: Scale, person: Person, latent: Map<string, number>, random: Random): AnswerValue | undefined {
  const profile = scaleProfile(scale.id);
  if (random.chance(SKIP_RATE)) return undefined;
  if (item.allowDontKnow && random.chance(profile.dontKnow)) return DONT_KNOW;
  let eta = latent.get(scale.id);
  if (eta === undefined) {
    const own = TEAM * person.teamScaleEffect(scale.id) + OWN * random.normal();
    eta = profile.rho * person.climate + Math.sqrt(1 - profile.rho ** 2) * own + situationShift(scale.id, person);
    latent.set(scale.id, eta);
  }
  const { loading, offset } = itemParameters(scale, item.id);
  const direction = scale.direction === 'higher-is-better' ? 1 : -1;
  const keyed = profile.mean + offset + direction * loading * eta + Math.sqrt(1 - loading ** 2) * random.normal();
  const range = itemRange(definition, item)!;
  const raw = (item.reverse ? range.min + range.max - keyed : keyed) + person.acquiescence;
  return nearestCode(answerCodes(definition, item), raw);
}

/** A scaled item outside any scale (the overall 0-10 grade): around 70 % of its range, following the climate. */
function standaloneAnswer(definition: QuestionnaireDefinition, item: ScaledItem, person: Person, random: Random): AnswerValue | undefined {
  if (random.chance(SKIP_RATE)) return undefined;
  const range = itemRange(definition, item)!;
  const share = 0.69 + 0.11 * person.climate + 0.07 * random.normal();
  return nearestCode(answerCodes(definition, item), range.min + share * (range.max - range.min));
}

const behaviourIndexes = new WeakMap<QuestionnaireDefinition, Map<string, BehaviourItem>>();
function behaviourIndex(definition: QuestionnaireDefinition): Map<string, BehaviourItem> {
  let index = behaviourIndexes.get(definition);
  if (!index) {
    index = new Map(behaviourItems(definition).map((b) => [b.item.id, b]));
    behaviourIndexes.set(definition, index);
  }
  return index;
}

/**
 * One person's answers to the questionnaire, in the order a respondent meets the items: an item is answered only when
 * it is shown (its condition holds on the answers given so far, as instrument's conditions say), so follow-ups are
 * answered exactly when their behaviour happened or was reported. Free text is left empty: invented comments
 * would be read as if someone had written them.
 */
export function simulateAnswers(definition: QuestionnaireDefinition, person: Person, random: Random): Record<string, AnswerValue> {
  const behaviour = behaviourIndex(definition);
  const answers: Record<string, AnswerValue> = {};
  const latent = new Map<string, number>();

  const choose = (item: ChoiceItem): AnswerValue | undefined => {
    const followUp = item.followUp;
    const of = followUp ? behaviour.get(followUp.of) : undefined;
    return followUp && of ? followUpAnswer({ ...item, followUp }, of, person, random) : plainChoice(item, random);
  };

  const answer = (item: Item): AnswerValue | undefined => {
    if (isChoiceItem(item)) return choose(item);
    if (!isScaledItem(item)) return undefined;
    const tagged = behaviour.get(item.id);
    if (tagged) return nearestCode(answerCodes(definition, item), person.behaviour[tagged.mode][tagged.category].frequency);
    const scale = scaleOfItem(definition, item.id);
    return scale ? scaleAnswer(definition, item, scale, person, latent, random) : standaloneAnswer(definition, item, person, random);
  };

  for (const item of itemsInOrder(definition)) {
    if (!isItemVisible(item, answers)) continue;
    const value = answer(item);
    if (value !== undefined) answers[item.id] = value;
  }
  return answers;
}
