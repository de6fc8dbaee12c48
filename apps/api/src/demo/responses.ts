import { checkAnswers, checkDemographicAnswers, type AnswerValue, type QuestionnaireDefinition } from '@socialsafety/instrument';
import { simulateAnswers } from './answers';
import type { Person } from './person';
import { behaviourHistory, drawTeamEffects, teamRisks, type TeamRisk } from './behaviour';
import type { DemoOrganisation, DemoTeam } from './organisation';
import {
  DEMOGRAPHIC_SKIP_RATE,
  DEMOGRAPHIC_WEIGHTS,
  EARLIER_WAVE_SHIFT,
  LANGUAGES,
  PARTICIPATION,
  PROBLEM_CLIMATE_SHIFT,
  RECOVERED_CLIMATE_SHIFT,
  TEAM_SHARE_OF_CLIMATE,
} from './population';
import { seededRandom, type Random } from './random';

/** 0: the measurement of a year ago; 1: the current one. */
export type Wave = 0 | 1;

/** One simulated response, as the survey would have stored it: answers keyed by item id, demographic codes. */
export interface DemoResponse {
  unitCode: string;
  language: string;
  answers: Record<string, AnswerValue>;
  demographics: Record<string, number>;
}

export interface WavePlan {
  wave: Wave;
  /** Respondents per team (about two in three employees take part). */
  teams: { team: DemoTeam; respondents: number }[];
  total: number;
}

/** A team's climate stays much the same from one year to the next: 0.85 of it carries over. */
const CARRY_OVER = 0.85;
const TEAM = Math.sqrt(TEAM_SHARE_OF_CLIMATE);
const OWN = Math.sqrt(1 - TEAM_SHARE_OF_CLIMATE);

const hasProblem = (team: DemoTeam, wave: Wave) =>
  team.problem === 'persistent' || (wave === 0 ? team.problem === 'improved' : team.problem === 'new');

/** How many of each team's employees answer in a wave. */
export function planWave(organisation: DemoOrganisation, seed: number, wave: Wave): WavePlan {
  const teams = organisation.teams.map((team) => {
    const random = seededRandom(seed).fork(`wave ${wave}/participation/${team.code}`);
    const rate = Math.min(PARTICIPATION.max, Math.max(PARTICIPATION.min, PARTICIPATION.mean[wave] + PARTICIPATION.teamSd * random.normal()));
    return { team, respondents: random.binomial(team.size, rate) };
  });
  return { wave, teams, total: teams.reduce((sum, t) => sum + t.respondents, 0) };
}

function demographicsOf(asked: readonly string[], random: Random): Record<string, number> {
  const out: Record<string, number> = {};
  for (const id of asked) {
    const weights = DEMOGRAPHIC_WEIGHTS[id];
    if (!weights || random.chance(DEMOGRAPHIC_SKIP_RATE)) continue;
    // Young employees more often have temporary contracts and traineeships.
    out[id] =
      id === 'contract' && out.age_band === 1
        ? random.weighted([
            [1, 0.45],
            [2, 0.3],
            [3, 0.12],
            [4, 0.1],
            [9, 0.03],
          ])
        : random.weighted(weights);
  }
  return out;
}

/** Fails loudly: a generated response that the survey would refuse is a bug in the generator, never stored. */
function assertValid(definition: QuestionnaireDefinition, response: DemoResponse, asked: readonly string[]): void {
  const issues = [...checkAnswers(definition, response.answers), ...checkDemographicAnswers(definition, response.demographics, asked)];
  if (issues.length > 0) {
    throw new Error(`demo generator produced an invalid response: ${issues[0]!.itemId}: ${issues[0]!.message} (${issues.length} issue(s))`);
  }
}

/**
 * The responses of one wave, team by team, one at a time (a large organisation does not fit in memory at once).
 * Every response is checked with the questionnaire's own rules (checkAnswers) before it is yielded.
 *
 * The model: each team has a climate (standard normal; 0.85 of it carries over between waves) holding 12 % of the
 * climate's variance (ICC); teams with a problem lie 1.4 SD lower and have more unwanted behaviour; experiencing
 * unwanted behaviour lowers a person's climate a little. See population.ts for the figures and where they come from.
 */
export function* simulateWave(
  definition: QuestionnaireDefinition,
  plan: WavePlan,
  options: { seed: number; demographics: readonly string[] },
): Generator<DemoResponse> {
  const root = seededRandom(options.seed);
  const risks = new Map<string, TeamRisk>();
  const drawn = plan.teams.map(({ team, respondents }) => ({
    effects: drawTeamEffects(root.fork(`team/${team.code}/behaviour`)),
    weight: respondents,
    problem: hasProblem(team, plan.wave),
  }));
  teamRisks(drawn).forEach((risk, i) => risks.set(plan.teams[i]!.team.code, risk));

  for (const { team, respondents } of plan.teams) {
    if (respondents === 0) continue;
    const stable = root.fork(`team/${team.code}`);
    const thisWave = root.fork(`wave ${plan.wave}/team/${team.code}`);
    const risk = risks.get(team.code)!;
    const problem = risk.problem;
    const teamClimate = CARRY_OVER * stable.normal() + Math.sqrt(1 - CARRY_OVER ** 2) * thisWave.normal();
    const shift =
      (problem ? PROBLEM_CLIMATE_SHIFT : 0) +
      (plan.wave === 1 && team.problem === 'improved' ? RECOVERED_CLIMATE_SHIFT : 0) +
      (plan.wave === 0 ? EARLIER_WAVE_SHIFT : 0);
    const scaleEffects = new Map<string, number>();
    const teamScaleEffect = (scaleId: string) => {
      let effect = scaleEffects.get(scaleId);
      if (effect === undefined) {
        effect = stable.fork(`scale/${scaleId}`).normal();
        scaleEffects.set(scaleId, effect);
      }
      return effect;
    };

    const people = thisWave.fork('people');
    for (let i = 0; i < respondents; i++) {
      const behaviour = behaviourHistory(people, risk);
      const hurt = Object.values(behaviour.experienced);
      const demographics = demographicsOf(options.demographics, people);
      const person: Person = {
        climate:
          TEAM * teamClimate +
          OWN * people.normal() +
          shift -
          (hurt.some((o) => o.internal) ? 0.35 : 0) -
          (hurt.some((o) => o.external) ? 0.1 : 0),
        teamScaleEffect,
        acquiescence: 0.15 * people.normal(),
        supervises: demographics.supervises === 1,
        contract: demographics.contract,
        behaviour,
      };
      const response: DemoResponse = {
        unitCode: team.code,
        language: people.weighted(LANGUAGES),
        answers: simulateAnswers(definition, person, people),
        demographics,
      };
      assertValid(definition, response, options.demographics);
      yield response;
    }
  }
}
