import { localise, socialSafety_1_0_0 } from '@socialsafety/instrument';
import { describe, expect, it } from 'vitest';
import { neighbour, stepsOf } from './steps';

const q = localise(socialSafety_1_0_0, 'en');

describe('steps', () => {
  it('are the welcome page, every section, the questions about you when asked, and the review', () => {
    const steps = stepsOf(q);
    expect(steps.map((step) => step.key)).toEqual(['welcome', ...q.sections.map((s) => s.id), 'about-you', 'review']);
    expect(stepsOf({ ...q, demographics: [] }).map((step) => step.kind).at(-2)).toBe('section');
  });

  it('pass over a section with nothing to show, both ways', () => {
    const steps = stepsOf(q);
    const nothingIn = (index: number) => index !== 2;
    expect(neighbour(steps, 2, 1, nothingIn)).toBe(4);
    expect(neighbour(steps, 4, -1, nothingIn)).toBe(2);
    expect(neighbour(steps, 0, -1, nothingIn)).toBe(0);
    expect(neighbour(steps, steps.length - 1, 1, nothingIn)).toBe(steps.length - 1);
  });
});
