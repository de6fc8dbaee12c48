import type { BehaviourCategory, HandlingOutcome, ReportChannel, SourceKind } from '@socialsafety/instrument';

/*
 * The figures the demo population is drawn from. Where a national figure exists it is used and cited; everything
 * else is an assumption, marked as such, chosen to look like a Dutch care organisation (not to be quoted as data).
 */

/**
 * Unwanted behaviour experienced at work in the past 12 months, share of Dutch employees, from someone inside the
 * organisation (colleagues, managers) and from outside (clients, patients, visitors): TNO/CBS Nationale Enquête
 * Arbeidsomstandigheden (NEA) 2017, as cited in docs/instrument.md ("Reference figures"): intimidation 11.4 % /
 * 19.1 %, bullying 8.2 % / 5.5 %, unwanted sexual attention 2.1 % / 6.0 %, any 16 % / 24 %. NEA 2023 puts the
 * internal figure at 17 %, and the source document (CAOP, part 1, citing Groeneveld & Tiggelaar 2020) at "about a
 * quarter of all workers" — the demo stays with the 2017 split because it is the one with sources.
 * NEA's intimidation is the questionnaire's 'intimidating, aggressive or violent' (physical violence, 0.4 % / 5.8 %,
 * falls within it). NEA has no figures for the other categories: those are assumptions.
 */
export const NEA_2017_EXPERIENCED = {
  any: { internal: 0.16, external: 0.24 },
  'intimidating-aggressive-violent': { internal: 0.114, external: 0.191 },
  'bullying-threatening': { internal: 0.082, external: 0.055 },
  sexual: { internal: 0.021, external: 0.06 },
} as const;

/** Per category and side: the NEA figure where there is one, an assumption where there is not. */
export const EXPERIENCED_PREVALENCE: Readonly<Record<Exclude<BehaviourCategory, 'general'>, { internal: number; external: number }>> = {
  'intimidating-aggressive-violent': NEA_2017_EXPERIENCED['intimidating-aggressive-violent'],
  'bullying-threatening': NEA_2017_EXPERIENCED['bullying-threatening'],
  sexual: NEA_2017_EXPERIENCED.sexual,
  // Assumptions: discrimination a little under bullying, abuse of power almost only internal.
  discriminatory: { internal: 0.04, external: 0.03 },
  'abuse-of-power': { internal: 0.03, external: 0.005 },
  'persisting-after-named': { internal: 0.03, external: 0.02 },
};

/** Assumption: witnessing is more common than experiencing (one incident has several witnesses). */
export const WITNESSED_ANY = 0.3;

/** Team-level spread of behaviour risk (standard deviation on the logit scale), and the extra risk of a problem team. */
export const BEHAVIOUR_TEAM_SD = 0.45;
export const PROBLEM_BEHAVIOUR_SHIFT = 1.7;
/** About this share of employees works in a team that has a problem in a given wave (used to calibrate prevalences). */
export const PROBLEM_PEOPLE_SHARE = 0.04;

/**
 * ICC(1) of the latent climate: 0.12 of its variance lies between teams. Measurement error of the items lowers the
 * ICC of observed scale scores, problem teams raise it: it lands around 0.1-0.15, inside the 0.05-0.20 usually found for climate scales in teams
 * (Bliese 2000; the scoring conventions in docs/instrument.md report ICC(1) to show aggregation is meaningful).
 */
export const TEAM_SHARE_OF_CLIMATE = 0.12;
/** How much lower (in standard deviations of the climate) a team with a problem lies, and one that recovered from one. */
export const PROBLEM_CLIMATE_SHIFT = -1.4;
export const RECOVERED_CLIMATE_SHIFT = -0.4;
/** A year ago the organisation as a whole was a little less safe: the trend shows a modest improvement. */
export const EARLIER_WAVE_SHIFT = -0.15;

/**
 * Assumed mean of each scale on its own answer scale (after reverse keying) and how strongly it follows the shared
 * social climate (rho; workload follows it least). Means are typical of Dutch employee surveys: favourable scales a
 * little above "neutral", unfavourable ones below, workload in care on the high side.
 */
export interface ScaleProfile {
  mean: number;
  rho: number;
  /** Share of "don't know" on items that offer it. */
  dontKnow: number;
}

const DEFAULT_PROFILE: ScaleProfile = { mean: 3.4, rho: 0.6, dontKnow: 0.04 };

export const SCALE_PROFILES: Readonly<Record<string, ScaleProfile>> = {
  psychological_safety: { mean: 3.7, rho: 0.85, dontKnow: 0.04 },
  feedback: { mean: 3.5, rho: 0.75, dontKnow: 0.04 },
  respect: { mean: 3.9, rho: 0.75, dontKnow: 0.04 },
  speaking_up_upwards: { mean: 3.3, rho: 0.75, dontKnow: 0.04 },
  dependency: { mean: 2.3, rho: 0.4, dontKnow: 0.04 },
  fear_of_repercussions: { mean: 2.4, rho: 0.75, dontKnow: 0.04 },
  untouchables: { mean: 2.3, rho: 0.65, dontKnow: 0.1 },
  ethical_leadership: { mean: 3.7, rho: 0.7, dontKnow: 0.03 },
  conformity_pressure: { mean: 2.6, rho: 0.55, dontKnow: 0.04 },
  bystander_action: { mean: 3.5, rho: 0.6, dontKnow: 0.06 },
  code_of_conduct: { mean: 3.4, rho: 0.5, dontKnow: 0.05 },
  reporting_knowledge: { mean: 3.3, rho: 0.35, dontKnow: 0.04 },
  // Most people never reported anything, so many do not know how reports are handled.
  reporting_trust: { mean: 3.4, rho: 0.65, dontKnow: 0.14 },
  competitive_climate: { mean: 2.5, rho: 0.5, dontKnow: 0.04 },
  role_clarity: { mean: 3.7, rho: 0.5, dontKnow: 0.04 },
  job_insecurity: { mean: 2.1, rho: 0.25, dontKnow: 0.05 },
  power_differences: { mean: 2.7, rho: 0.6, dontKnow: 0.04 },
  gatekeepers: { mean: 2.4, rho: 0.55, dontKnow: 0.08 },
  work_pace: { mean: 3.3, rho: 0.3, dontKnow: 0.04 },
  emotional_demands: { mean: 3.2, rho: 0.2, dontKnow: 0.04 },
  // On the 0-4 frequency scale of the past four weeks: between "rarely" and "sometimes".
  stress_reactions: { mean: 1.4, rho: 0.4, dontKnow: 0.04 },
  overall_safety: { mean: 3.9, rho: 0.85, dontKnow: 0.04 },
};

export function scaleProfile(scaleId: string): ScaleProfile {
  return SCALE_PROFILES[scaleId] ?? DEFAULT_PROFILE;
}

/** Items left unanswered (anyone may skip any question). */
export const SKIP_RATE = 0.01;

/** Assumption: participation per team around 67 % (HSE: > 60 % desirable, > 70 % good), a little lower a year ago. */
export const PARTICIPATION = { mean: [0.64, 0.68], teamSd: 0.09, min: 0.3, max: 0.95 } as const;

export const LANGUAGES: readonly (readonly [string, number])[] = [
  ['nl', 0.92],
  ['en', 0.08],
];

/**
 * Demographics of a care organisation (assumptions, roughly CBS figures for the care sector: mostly women, an older
 * workforce), each with a small share of "prefer not to say" (code 9) and a few left unanswered.
 */
export const DEMOGRAPHIC_WEIGHTS: Readonly<Record<string, readonly (readonly [number, number])[]>> = {
  age_band: [
    [1, 0.22],
    [2, 0.33],
    [3, 0.32],
    [4, 0.09],
    [9, 0.04],
  ],
  tenure_band: [
    [1, 0.2],
    [2, 0.22],
    [3, 0.2],
    [4, 0.33],
    [9, 0.05],
  ],
  contract: [
    [1, 0.72],
    [2, 0.16],
    [3, 0.06],
    [4, 0.03],
    [9, 0.03],
  ],
  supervises: [
    [1, 0.12],
    [2, 0.85],
    [9, 0.03],
  ],
  gender: [
    [1, 0.7],
    [2, 0.26],
    [3, 0.01],
    [9, 0.03],
  ],
};
export const DEMOGRAPHIC_SKIP_RATE = 0.02;

/** How often something happened, given that it happened (codes 1-4 of the 12-month frequency scale). */
export const FREQUENCY_GIVEN_OCCURRED: readonly (readonly [number, number])[] = [
  [1, 0.38],
  [2, 0.4],
  [3, 0.13],
  [4, 0.09],
];
export const FREQUENCY_IN_PROBLEM_TEAM: readonly (readonly [number, number])[] = [
  [1, 0.25],
  [2, 0.4],
  [3, 0.2],
  [4, 0.15],
];

/** Who it came from, when it came from inside (assumption; NEA: colleagues most often, then managers). */
export const INTERNAL_SOURCES: readonly (readonly [SourceKind, number])[] = [
  ['colleague', 0.58],
  ['direct-manager', 0.2],
  ['higher-management', 0.14],
  ['subordinate', 0.08],
];

/** Assumption: about a third of those who experience unwanted behaviour report it or seek help; fewer witnesses do. */
export const REPORTING = { experienced: 0.35, witnessed: 0.2 } as const;

export const REPORT_CHANNELS: readonly (readonly [ReportChannel, number])[] = [
  ['direct-manager', 0.45],
  ['higher-management', 0.1],
  ['hr', 0.1],
  ['confidential-adviser', 0.18],
  ['reporting-point', 0.07],
  ['outside-organisation', 0.05],
  ['other', 0.05],
];

export const HANDLING: readonly (readonly [HandlingOutcome, number])[] = [
  ['satisfactory', 0.33],
  ['partly-satisfactory', 0.25],
  ['unsatisfactory', 0.14],
  ['no-action', 0.12],
  ['pending', 0.06],
  ['unknown', 0.1],
];
