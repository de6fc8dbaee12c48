import {
  BEHAVIOUR_CATEGORIES,
  DONT_KNOW,
  HANDLING_OUTCOMES,
  REPORT_CHANNELS,
  SOURCE_KINDS,
  type BehaviourCategory,
} from '@socialsafety/instrument';
import { describe, expect, it } from 'vitest';
import { behaviourIndicators } from './behaviour-indicators';
import { smallDefinition } from './test-support/small-definition';
import { SOURCE_SIDES, type Indicator, type SourceIndicators } from './types';

/*
 * The small questionnaire asks: exp_general and exp_sexual (experienced), each with source, reported (not reported,
 * HR, confidential adviser) and handling (satisfactory, no action, unknown); wit_general (witnessed) with reported
 * only. exp_general's source offers colleague, direct manager, external and other (no higher management, no
 * subordinate); exp_sexual's only colleague and external (so no "unknown" side either).
 */
const definition = smallDefinition();

const all = <K extends string>(keys: readonly K[], value: Indicator, overrides: Partial<Record<K, Indicator>> = {}) =>
  ({ ...Object.fromEntries(keys.map((key) => [key, value])), ...overrides }) as Record<K, Indicator>;
const categories = (overrides: Partial<Record<BehaviourCategory, Indicator>> = {}) =>
  all(BEHAVIOUR_CATEGORIES, null, overrides);
const NOT_OFFERED = { 'higher-management': null, subordinate: null } as const;
/** Source indicators where every offered kind and side has one value (the small questionnaire offers all sides). */
const sources = (
  value: Indicator,
  kinds: Partial<Record<(typeof SOURCE_KINDS)[number], Indicator>> = {},
  sides = {},
): SourceIndicators => ({
  byKind: all(SOURCE_KINDS, value, value === null ? kinds : { ...NOT_OFFERED, ...kinds }),
  bySide: all(SOURCE_SIDES, value, sides),
});
const noSources = sources(null);
/** exp_sexual answered "never": no for what its source question offers, unknown for the rest. */
const sexualNever: SourceIndicators = {
  byKind: all(SOURCE_KINDS, null, { colleague: false, external: false }),
  bySide: { internal: false, external: false, unknown: null },
};
const sourcesByCategory = (overrides: Partial<Record<BehaviourCategory, SourceIndicators>>) => ({
  ...Object.fromEntries(BEHAVIOUR_CATEGORIES.map((category) => [category, noSources])),
  ...overrides,
});
// Channels and outcomes the small questionnaire does not offer stay null.
const channels = (overrides: Partial<Record<(typeof REPORT_CHANNELS)[number], Indicator>>) =>
  all(REPORT_CHANNELS, null, overrides);
const outcomes = (overrides: Partial<Record<(typeof HANDLING_OUTCOMES)[number], Indicator>>) =>
  all(HANDLING_OUTCOMES, null, overrides);

describe('behaviourIndicators (worked by hand on the small questionnaire)', () => {
  it('reads occurrence, source, reporting and handling of a fully answered respondent', () => {
    const indicators = behaviourIndicators(definition, {
      exp_general: 2, // a few times
      exp_general_source: [1, 5], // a colleague and a client
      exp_general_reported: [2], // to the confidential adviser
      exp_general_handling: 2, // nothing was done
      exp_sexual: 0, // never: its follow-ups are not shown
      wit_general: 1, // witnessed once
      wit_general_reported: [0], // not reported
    });

    expect(indicators.experienced).toEqual({
      any: true,
      byCategory: categories({ general: true, sexual: false }),
      source: {
        // general: colleague and external named, the other offered kinds not; sexual: never, so no source at all.
        // Over both categories: yes where general says yes; no elsewhere where asked (direct manager and other
        // only by general: 1 of 1 known; higher management and subordinate by neither: unknown).
        any: sources(false, { colleague: true, external: true }, { internal: true, external: true }),
        byCategory: sourcesByCategory({
          general: sources(false, { colleague: true, external: true }, { internal: true, external: true }),
          sexual: sexualNever,
        }),
      },
      // Reporting applies only to general (sexual did not happen).
      reported: { any: true, byCategory: categories({ general: true }) },
      reportedTo: channels({ 'not-reported': false, hr: false, 'confidential-adviser': true }),
      handling: outcomes({ satisfactory: false, 'no-action': true, unknown: false }),
    });

    expect(indicators.witnessed).toEqual({
      any: true,
      byCategory: categories({ general: true }),
      // No source follow-up for witnessed behaviour: unknown, not "no".
      source: { any: noSources, byCategory: sourcesByCategory({}) },
      reported: { any: false, byCategory: categories({ general: false }) },
      reportedTo: channels({ 'not-reported': true, hr: false, 'confidential-adviser': false }),
      // No handling follow-up for witnessed behaviour.
      handling: outcomes({}),
    });
  });

  it('leaves "who did it" unknown when behaviour happened and the source question was skipped', () => {
    const { experienced } = behaviourIndicators(definition, {
      exp_general: 3,
      exp_general_reported: [1], // to HR; the handling question is skipped
      exp_sexual: 0,
    });
    expect(experienced.any).toBe(true);
    expect(experienced.source.byCategory.general).toEqual(noSources);
    expect(experienced.source.byCategory.sexual).toEqual(sexualNever);
    // sexual says "no" for every source, but general happened from an unknown source: no "no" can be told.
    expect(experienced.source.any).toEqual(noSources);
    expect(experienced.reported).toEqual({ any: true, byCategory: categories({ general: true }) });
    expect(experienced.reportedTo).toEqual(channels({ 'not-reported': false, hr: true, 'confidential-adviser': false }));
    // Reported, but how it was handled is not known.
    expect(experienced.handling).toEqual(outcomes({}));
  });

  it('counts "don\'t know" on the handling question as not known', () => {
    const { experienced } = behaviourIndicators(definition, {
      exp_general: 1,
      exp_general_reported: [1],
      exp_general_handling: DONT_KNOW,
    });
    expect(experienced.handling).toEqual(outcomes({}));
  });

  it('applies the half rule to "any": 1 of 2 answered "never" is no, nothing answered is unknown', () => {
    // 1 of 2 known, ceil(2 / 2) = 1: enough for "no"
    expect(behaviourIndicators(definition, { exp_general: 0 }).experienced.any).toBe(false);
    // "don't know" and no answer: nothing known
    expect(behaviourIndicators(definition, { exp_general: DONT_KNOW }).experienced.any).toBeNull();
    expect(behaviourIndicators(definition, {}).experienced).toMatchObject({
      any: null,
      byCategory: categories(),
      reported: { any: null, byCategory: categories() },
    });
  });

  it('ignores follow-up answers left on hidden follow-ups', () => {
    const { experienced } = behaviourIndicators(definition, {
      exp_general: 0, // never: source, reported and handling are hidden
      exp_general_source: [1],
      exp_general_reported: [1],
      exp_general_handling: 1,
    });
    expect(experienced.source.byCategory.general).toEqual(sources(false));
    expect(experienced.reported.byCategory.general).toBeNull();
    expect(experienced.reportedTo).toEqual(channels({}));
    expect(experienced.handling).toEqual(outcomes({}));
  });

  it('refuses an option code the follow-up does not have, and an answer of the wrong shape', () => {
    expect(() => behaviourIndicators(definition, { exp_general: 1, exp_general_source: [3] })).toThrow(
      "cannot score item 'exp_general_source': answer 3 is not an option of this item",
    );
    expect(() => behaviourIndicators(definition, { exp_general: 1, exp_general_source: 1 })).toThrow(
      "cannot score item 'exp_general_source': answer 1 is not a list of option codes",
    );
    const handlingAsList = { exp_general: 1, exp_general_reported: [1], exp_general_handling: [1] };
    expect(() => behaviourIndicators(definition, handlingAsList)).toThrow(
      "cannot score item 'exp_general_handling': answer [1] is not one option code",
    );
  });
});
