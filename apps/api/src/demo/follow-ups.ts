import type { AnswerValue, BehaviourItem, ChoiceItem, ChoiceOption } from '@socialsafety/instrument';
import type { Occurrence } from './behaviour';
import { expit, logit } from './calibration';
import type { Person } from './person';
import { HANDLING, INTERNAL_SOURCES, REPORT_CHANNELS, REPORTING, SKIP_RATE } from './population';
import type { Random } from './random';

/*
 * Answers to choice questions: the follow-ups of a behaviour question (who did it, was it reported, how was it dealt
 * with), consistent with what the person went through, and any other choice question.
 */

const optionWhere = (item: ChoiceItem, test: (option: ChoiceOption) => boolean) => item.options.filter(test).map((o) => o.value);

function distinctDraws<T>(random: Random, weights: readonly (readonly [T, number])[], count: number): T[] {
  const chosen: T[] = [];
  for (let tries = 0; chosen.length < count && tries < 20; tries++) {
    const value = random.weighted(weights);
    if (!chosen.includes(value)) chosen.push(value);
  }
  return chosen;
}

function sourceAnswer(item: ChoiceItem, occurrence: Occurrence, person: Person, random: Random): AnswerValue | undefined {
  const internal = person.supervises ? INTERNAL_SOURCES : INTERNAL_SOURCES.filter(([kind]) => kind !== 'subordinate');
  const kinds = new Set<string>();
  if (occurrence.internal) for (const kind of distinctDraws(random, internal, random.chance(0.15) ? 2 : 1)) kinds.add(kind);
  if (occurrence.external) kinds.add('external');
  if (random.chance(0.02)) kinds.add('other');
  const codes = optionWhere(item, (o) => o.source !== undefined && kinds.has(o.source));
  return codes.length > 0 ? codes : undefined;
}

function reportedAnswer(item: ChoiceItem, mode: 'experienced' | 'witnessed', occurrence: Occurrence, person: Person, random: Random): AnswerValue | undefined {
  // More is reported where people feel safe, and where it happened often.
  const p = expit(logit(REPORTING[mode]) + 0.4 * person.climate + 0.25 * (occurrence.frequency - 1));
  if (!random.chance(p)) {
    const none = optionWhere(item, (o) => o.reportedTo === 'not-reported');
    return none.length > 0 ? none : undefined;
  }
  const channels = new Set<string>(distinctDraws(random, REPORT_CHANNELS, random.chance(0.25) ? 2 : 1));
  const codes = optionWhere(item, (o) => o.reportedTo !== undefined && channels.has(o.reportedTo));
  return codes.length > 0 ? codes : undefined;
}

function handlingAnswer(item: ChoiceItem, person: Person, random: Random): AnswerValue | undefined {
  const c = person.climate;
  const weights = HANDLING.map(([outcome, weight]) => {
    const better = outcome === 'satisfactory' || outcome === 'partly-satisfactory';
    const worse = outcome === 'unsatisfactory' || outcome === 'no-action';
    return [outcome, weight * Math.exp(better ? 0.5 * c : worse ? -0.5 * c : 0)] as const;
  });
  const outcome = random.weighted(weights);
  return item.options.find((o) => o.handling === outcome)?.value;
}

/** A choice question the demo knows nothing special about: one option, never an exclusive one when others exist. */
export function plainChoice(item: ChoiceItem, random: Random): AnswerValue | undefined {
  if (random.chance(SKIP_RATE)) return undefined;
  if (item.type === 'single-choice') return random.pick(item.options).value;
  const open = item.options.filter((o) => !o.exclusive);
  return [random.pick(open.length > 0 ? open : item.options).value];
}

/** The answer to a follow-up of the behaviour question `of`, from what the person went through. */
export function followUpAnswer(item: ChoiceItem & { followUp: NonNullable<ChoiceItem['followUp']> }, of: BehaviourItem, person: Person, random: Random): AnswerValue | undefined {
  const occurrence = person.behaviour[of.mode][of.category];
  switch (item.followUp.role) {
    case 'source':
      return sourceAnswer(item, occurrence, person, random);
    case 'reported':
      return reportedAnswer(item, of.mode, occurrence, person, random);
    case 'handling':
      return handlingAnswer(item, person, random);
  }
}
