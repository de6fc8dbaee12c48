import { localise, socialSafety_1_0_0 } from '@socialsafety/instrument';
import { describe, expect, it } from 'vitest';
import { answeredCount, answersToSend, countSection, resumeSection, toggleChoice, visibleIds, type QChoiceItem } from './questionnaire';
import { builtinItem } from './test-support';

const q = localise(socialSafety_1_0_0, 'en');
const reported = builtinItem('ub_exp_general_reported') as QChoiceItem;
const sectionIndex = (id: string) => q.sections.findIndex((section) => section.id === id);

describe('toggleChoice', () => {
  it('adds and removes options in the questionnaire\'s order', () => {
    expect(toggleChoice(reported, undefined, 4, true)).toEqual([4]);
    expect(toggleChoice(reported, [4], 1, true)).toEqual([1, 4]);
    expect(toggleChoice(reported, [1, 4], 4, false)).toEqual([1]);
  });

  it('lets the exclusive option stand alone', () => {
    expect(toggleChoice(reported, [1, 4], 0, true)).toEqual([0]);
    expect(toggleChoice(reported, [0], 2, true)).toEqual([2]);
  });

  it('answers nothing once nothing is ticked', () => {
    expect(toggleChoice(reported, [2], 2, false)).toBeUndefined();
  });
});

describe('conditions', () => {
  it('shows follow-ups in a chain: handling only after reporting, reporting only after it happened', () => {
    expect(visibleIds(q, {}).has('ub_exp_general_reported')).toBe(false);
    const happened = { ub_exp_general: 1 };
    expect(visibleIds(q, happened).has('ub_exp_general_reported')).toBe(true);
    expect(visibleIds(q, happened).has('ub_exp_general_handling')).toBe(false);
    expect(visibleIds(q, { ...happened, ub_exp_general_reported: [5] }).has('ub_exp_general_handling')).toBe(true);
    // A report left behind on a question that is hidden again does not keep its follow-up open.
    expect(visibleIds(q, { ub_exp_general: 0, ub_exp_general_reported: [5] }).has('ub_exp_general_handling')).toBe(false);
  });

  it('sends only answers to questions that are shown, and counts only those', () => {
    const answers = { ub_exp_general: 0, ub_exp_general_source: [1], ub_exp_general_handling: 2, ps_raise_problems: { dontKnow: true as const } };
    expect(answersToSend(q, answers)).toEqual({ ub_exp_general: 0, ps_raise_problems: { dontKnow: true } });
    expect(answeredCount(q, answers)).toBe(2);
    expect(countSection(q.sections[sectionIndex('behaviour_experienced')]!, visibleIds(q, answers), answers)).toEqual({ answered: 1, shown: 7 });
  });
});

describe('resumeSection', () => {
  it('starts at nothing when nothing was answered', () => {
    expect(resumeSection(q, {})).toBe(-1);
  });

  it('continues in the section of the last answer, or after it when that section is complete', () => {
    expect(resumeSection(q, { ps_raise_problems: 4, hd_feedback_upwards: 2 })).toBe(sectionIndex('hierarchy'));
    const team = Object.fromEntries(q.sections[0]!.items.map((item) => [item.id, 3]));
    expect(resumeSection(q, team)).toBe(1);
    expect(resumeSection(q, { oc_feel_safe: 4, oc_recommend: 4, oc_sometimes_unsafe: 2, oc_safety_grade: 8, oc_suggestions: 'x' })).toBe(q.sections.length);
  });
});
