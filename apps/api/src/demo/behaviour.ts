import { BEHAVIOUR_CATEGORIES, type BehaviourCategory, type BehaviourMode } from '@socialsafety/instrument';
import { calibratedLogit, expit } from './calibration';
import {
  BEHAVIOUR_TEAM_SD,
  EXPERIENCED_PREVALENCE,
  FREQUENCY_GIVEN_OCCURRED,
  FREQUENCY_IN_PROBLEM_TEAM,
  NEA_2017_EXPERIENCED,
  PROBLEM_BEHAVIOUR_SHIFT,
  PROBLEM_PEOPLE_SHARE,
  WITNESSED_ANY,
} from './population';
import type { Random } from './random';

/** What one person went through with one category of behaviour in the past 12 months. */
export interface Occurrence {
  /** From someone inside the organisation (experienced only). */
  internal: boolean;
  /** From a client, patient or visitor (experienced only). */
  external: boolean;
  /** The answer on the 12-month frequency scale: 0 never, 1 once .. 4 weekly or more. */
  frequency: number;
}

export type BehaviourHistory = Readonly<Record<BehaviourMode, Readonly<Record<BehaviourCategory, Occurrence>>>>;

/** A team's risk on the logit scale: its own random effect, plus the shift of a team with a problem. */
export interface TeamRisk {
  internal: number;
  external: number;
  witnessed: number;
  problem: boolean;
}

const SPECIFIC = BEHAVIOUR_CATEGORIES.filter((c): c is Exclude<BehaviourCategory, 'general'> => c !== 'general');

// Base logits such that the population prevalence, team effects and problem teams included, is the target.
const BASE = {
  internal: calibratedLogit(NEA_2017_EXPERIENCED.any.internal, BEHAVIOUR_TEAM_SD, PROBLEM_PEOPLE_SHARE, PROBLEM_BEHAVIOUR_SHIFT),
  // Problem teams are not more exposed to clients (see teamRisks).
  external: calibratedLogit(NEA_2017_EXPERIENCED.any.external, BEHAVIOUR_TEAM_SD, 0, 0),
  witnessed: calibratedLogit(WITNESSED_ANY, BEHAVIOUR_TEAM_SD, PROBLEM_PEOPLE_SHARE, PROBLEM_BEHAVIOUR_SHIFT),
};

export type TeamEffects = Omit<TeamRisk, 'problem'>;

/** A team's own deviation in behaviour risk (logit scale): its work (clients, night shifts) and its culture. */
export function drawTeamEffects(random: Random): TeamEffects {
  return {
    internal: BEHAVIOUR_TEAM_SD * random.normal(),
    external: BEHAVIOUR_TEAM_SD * random.normal(),
    witnessed: BEHAVIOUR_TEAM_SD * random.normal(),
  };
}

/**
 * The effects of all teams, centred on the organisation (weighted by respondents): the teams vary around the national
 * figure, and the organisation as a whole lands near it whatever the seed (else one team of 250 drawn high would
 * move the whole organisation). Problem teams are shifted after centring.
 */
export function teamRisks(teams: readonly { effects: TeamEffects; weight: number; problem: boolean }[]): TeamRisk[] {
  const total = teams.reduce((sum, t) => sum + t.weight, 0) || 1;
  const centre = (key: keyof TeamEffects) => teams.reduce((sum, t) => sum + t.weight * t.effects[key], 0) / total;
  const c = { internal: centre('internal'), external: centre('external'), witnessed: centre('witnessed') };
  return teams.map(({ effects, problem }) => {
    const shift = problem ? PROBLEM_BEHAVIOUR_SHIFT : 0;
    return {
      internal: effects.internal - c.internal + shift,
      // Aggression from clients depends on the work, not on the team's climate: no problem shift.
      external: effects.external - c.external,
      witnessed: effects.witnessed - c.witnessed + shift,
      problem,
    };
  });
}

const never = (): Occurrence => ({ internal: false, external: false, frequency: 0 });

/**
 * Two stages, so that the share of people with ANY behaviour from a side is exactly NEA's figure and each category's
 * share is NEA's too: first whether the person met unwanted behaviour from that side at all, then, given that, each
 * category with probability (category prevalence / any prevalence). Whoever met something but none of the specific
 * categories answers the general question; most others answer it too (it asks about any unwanted behaviour).
 */
function side(random: Random, exposed: boolean, conditional: (c: (typeof SPECIFIC)[number]) => number): Set<BehaviourCategory> {
  const met = new Set<BehaviourCategory>();
  if (!exposed) return met;
  for (const category of SPECIFIC) if (random.chance(conditional(category))) met.add(category);
  if (met.size === 0 || random.chance(0.9)) met.add('general');
  return met;
}

function frequency(random: Random, problem: boolean): number {
  return random.weighted(problem ? FREQUENCY_IN_PROBLEM_TEAM : FREQUENCY_GIVEN_OCCURRED);
}

/** The behaviour a person experienced and witnessed in the past 12 months, given their team's risk. */
export function behaviourHistory(random: Random, risk: TeamRisk): BehaviourHistory {
  const any = NEA_2017_EXPERIENCED.any;
  const internal = side(random, random.chance(expit(BASE.internal + risk.internal)), (c) => EXPERIENCED_PREVALENCE[c].internal / any.internal);
  const external = side(random, random.chance(expit(BASE.external + risk.external)), (c) => EXPERIENCED_PREVALENCE[c].external / any.external);
  const witnessed = side(random, random.chance(expit(BASE.witnessed + risk.witnessed)), (c) => EXPERIENCED_PREVALENCE[c].internal / any.internal);

  const experienced = {} as Record<BehaviourCategory, Occurrence>;
  const seen = {} as Record<BehaviourCategory, Occurrence>;
  for (const category of BEHAVIOUR_CATEGORIES) {
    const fromInside = internal.has(category);
    const fromOutside = external.has(category);
    experienced[category] = never();
    if (fromInside || fromOutside) {
      // Met from both sides: the more frequent of the two.
      const often = Math.max(fromInside ? frequency(random, risk.problem) : 0, fromOutside ? frequency(random, false) : 0);
      experienced[category] = { internal: fromInside, external: fromOutside, frequency: often };
    }
    seen[category] = witnessed.has(category) ? { internal: false, external: false, frequency: frequency(random, risk.problem) } : never();
  }
  return { experienced, witnessed: seen };
}
