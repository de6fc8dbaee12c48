import {
  BEHAVIOUR_CATEGORIES,
  DONT_KNOW,
  HANDLING_OUTCOMES,
  REPORT_CHANNELS,
  SOURCE_KINDS,
  itemsInOrder,
  socialSafety_1_0_0,
  type AnswerValue,
} from '@socialsafety/instrument';
import { describe, expect, it } from 'vitest';
import { namedScores } from './named-scores';
import { scoreRespondent } from './score-respondent';
import { scoreWithPlan } from './score-with-plan';
import { createScoringPlan } from './scoring-plan';
import { SOURCE_SIDES, type Indicator, type RespondentResponse } from './types';

/*
 * The built-in questionnaire (social-safety 1.0.0) scored for a few synthetic respondents, with the expected values
 * worked out by hand from its item list: which items each scale holds and which are reverse-keyed.
 */
const definition = socialSafety_1_0_0;
const plan = createScoringPlan(definition);
const score = (response: RespondentResponse) => namedScores(plan, scoreWithPlan(plan, response));
const all = <K extends string>(keys: readonly K[], value: Indicator, overrides: Partial<Record<K, Indicator>> = {}) =>
  ({ ...Object.fromEntries(keys.map((key) => [key, value])), ...overrides }) as Record<K, Indicator>;

describe('the built-in questionnaire, respondent 1: agrees with everything, experienced and saw nothing', () => {
  const answers: Record<string, AnswerValue> = {};
  for (const item of itemsInOrder(definition)) {
    if (item.type === 'likert-5') answers[item.id] = 5; // reverse-keyed items too: they become 1
    if (item.type === 'frequency') answers[item.id] = 0; // never (stress reactions and behaviour)
    if (item.type === 'rating-0-10') answers[item.id] = 8;
  }
  const response = { answers, demographics: { age_band: 2, gender: 9 } };
  const scores = score(response);

  it('reverse-keys within each scale', () => {
    // psychological safety: 4 items 5, 3 reverse-keyed 5 -> 1: (20 + 3) / 7 = 23 / 7; 0-100: (23/7 - 1) / 4 * 100 = 400 / 7
    expect(scores.scales.psychological_safety?.raw).toBe(23 / 7);
    expect(scores.scales.psychological_safety?.score0to100).toBeCloseTo(400 / 7, 10);
    // feedback: 4 x 5 + 1 reversed = 21 / 5 = 4.2 -> 80
    expect(scores.scales.feedback).toEqual({ raw: 4.2, score0to100: expect.closeTo(80, 10) as number });
    // overall safety: 5 + 5 + (6 - 5) = 11 / 3 -> (11/3 - 1) / 4 * 100 = 200 / 3
    expect(scores.scales.overall_safety?.raw).toBe(11 / 3);
    expect(scores.scales.overall_safety?.score0to100).toBeCloseTo(200 / 3, 10);
    // reporting knowledge: three items, none reversed: 5 -> 100
    expect(scores.scales.reporting_knowledge).toEqual({ raw: 5, score0to100: 100 });
    expect(scores.items.ps_mistakes_remembered).toBe(1);
    expect(scores.items.oc_safety_grade).toBe(8);
  });

  it('scores the 0-4 scales on their own range', () => {
    // stress reactions: all "never" (0 on 0-4) -> 0
    expect(scores.scales.stress_reactions).toEqual({ raw: 0, score0to100: 0 });
    // prevalence: all seven "never" -> 0
    expect(scores.scales.behaviour_experienced).toEqual({ raw: 0, score0to100: 0 });
    expect(scores.scales.behaviour_witnessed).toEqual({ raw: 0, score0to100: 0 });
  });

  it('says "no" to every behaviour and source, and leaves reporting not applicable', () => {
    const { experienced, witnessed } = scores.behaviour;
    expect(experienced.any).toBe(false);
    expect(experienced.byCategory).toEqual(all(BEHAVIOUR_CATEGORIES, false));
    expect(experienced.source.any).toEqual({ byKind: all(SOURCE_KINDS, false), bySide: all(SOURCE_SIDES, false) });
    expect(experienced.reported.any).toBeNull();
    expect(experienced.reportedTo).toEqual(all(REPORT_CHANNELS, null));
    expect(experienced.handling).toEqual(all(HANDLING_OUTCOMES, null));
    expect(witnessed.any).toBe(false);
    // The built-in questionnaire asks no source for witnessed behaviour.
    expect(witnessed.source.any).toEqual({ byKind: all(SOURCE_KINDS, null), bySide: all(SOURCE_SIDES, null) });
  });

  it('carries demographics through', () => {
    expect(scores.demographics).toEqual({ age_band: 2, tenure_band: null, contract: null, supervises: null, gender: 9 });
  });

  it('scores the same on the reference path', () => {
    expect(namedScores(plan, scoreRespondent(definition, response))).toEqual(scores);
  });
});

describe('the built-in questionnaire, respondent 2: partly answered, bullied by a manager and a client', () => {
  const scores = score({
    answers: {
      ps_raise_problems: 2,
      ps_mistakes_remembered: 4, // reversed -> 2
      ps_learn_from_mistakes: 3,
      ps_hesitate_to_ask_help: 5, // reversed -> 1
      fb_tell_each_other: 4,
      fb_want_to_hear: 5,
      hd_no_consequences: DONT_KNOW,
      hd_nobody_dares: 4,
      hd_same_rules_for_all: 1, // reversed -> 5
      el_honest: DONT_KNOW,
      el_asks_how_it_lands: DONT_KNOW,
      el_invites_other_views: DONT_KNOW,
      el_acts_on_misconduct: DONT_KNOW,
      el_fair_with_complaints: DONT_KNOW,
      el_looks_away: DONT_KNOW,
      el_genuine_interest: DONT_KNOW,
      wl_physical_complaints: 1,
      wl_poor_sleep: 2,
      wl_tense: 3,
      ub_exp_general: 1, // once
      ub_exp_general_source: [1], // a colleague
      ub_exp_general_reported: [0], // not reported
      ub_exp_discrimination: 0,
      ub_exp_bullying: 3, // monthly
      ub_exp_bullying_source: [2, 5], // direct manager and a client
      ub_exp_bullying_reported: [4], // confidential adviser
      ub_exp_bullying_handling: 3, // unsatisfactory
      ub_exp_sexual: 0,
      // aggression, abuse of power and persisting not answered
    },
  });

  it('applies the half-items rule per scale', () => {
    // psychological safety: 4 of 7 answered: (2 + 2 + 3 + 1) / 4 = 2 -> (2 - 1) / 4 * 100 = 25
    expect(scores.scales.psychological_safety).toEqual({ raw: 2, score0to100: 25 });
    // feedback: 2 of 5 answered, 3 needed -> missing
    expect(scores.scales.feedback).toEqual({ raw: null, score0to100: null });
    // untouchables: "don't know" is missing; 2 of 3 answered, 2 needed: (4 + 5) / 2 = 4.5 -> 87.5
    expect(scores.scales.untouchables).toEqual({ raw: 4.5, score0to100: 87.5 });
    // ethical leadership: all "don't know" -> missing
    expect(scores.scales.ethical_leadership).toEqual({ raw: null, score0to100: null });
    // stress reactions: 3 of 6 (0-4): (1 + 2 + 3) / 3 = 2 -> 50
    expect(scores.scales.stress_reactions).toEqual({ raw: 2, score0to100: 50 });
    expect(scores.scales.behaviour_experienced).toEqual({ raw: 1, score0to100: 100 });
  });

  it('reads occurrence and sources per category and over all categories', () => {
    const { experienced } = scores.behaviour;
    expect(experienced.any).toBe(true);
    expect(experienced.byCategory).toEqual(
      all(BEHAVIOUR_CATEGORIES, null, { general: true, discriminatory: false, 'bullying-threatening': true, sexual: false }),
    );
    expect(experienced.source.byCategory['bullying-threatening']).toEqual({
      byKind: all(SOURCE_KINDS, false, { 'direct-manager': true, external: true }),
      bySide: { internal: true, external: true, unknown: false },
    });
    expect(experienced.source.byCategory['intimidating-aggressive-violent']).toEqual({
      byKind: all(SOURCE_KINDS, null),
      bySide: all(SOURCE_SIDES, null),
    });
    // Over the 7 categories: 4 known (general, discrimination, bullying, sexual), 4 >= ceil(7 / 2): kinds nobody
    // named are "no"; colleague (general), direct manager and external (bullying) are "yes".
    expect(experienced.source.any).toEqual({
      byKind: all(SOURCE_KINDS, false, { colleague: true, 'direct-manager': true, external: true }),
      bySide: { internal: true, external: true, unknown: false },
    });
  });

  it('reads reporting and handling of what happened', () => {
    const { experienced, witnessed } = scores.behaviour;
    expect(experienced.reported).toEqual({
      any: true,
      byCategory: all(BEHAVIOUR_CATEGORIES, null, { general: false, 'bullying-threatening': true }),
    });
    // general left unreported, bullying reported to the confidential adviser: 2 of 2 known
    expect(experienced.reportedTo).toEqual(all(REPORT_CHANNELS, false, { 'not-reported': true, 'confidential-adviser': true }));
    expect(experienced.handling).toEqual(all(HANDLING_OUTCOMES, false, { unsatisfactory: true }));
    expect(witnessed.any).toBeNull();
  });
});

describe('the built-in questionnaire, prevalence with skipped behaviour questions', () => {
  const never = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, 0]));

  it('does not read 3 "never" of 7 as "never" (half of 7 rounded up is 4)', () => {
    const scores = score({ answers: never(['ub_exp_general', 'ub_exp_discrimination', 'ub_exp_bullying']) });
    expect(scores.behaviour.experienced.any).toBeNull();
    expect(scores.scales.behaviour_experienced).toEqual({ raw: null, score0to100: null });
  });

  it('reads 4 "never" of 7 as "never"', () => {
    const scores = score({ answers: never(['ub_exp_general', 'ub_exp_discrimination', 'ub_exp_bullying', 'ub_exp_sexual']) });
    expect(scores.behaviour.experienced.any).toBe(false);
    expect(scores.scales.behaviour_experienced).toEqual({ raw: 0, score0to100: 0 });
  });
});
