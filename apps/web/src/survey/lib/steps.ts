import type { Questionnaire } from './questionnaire';

/** The pages of the survey, in order. The welcome page is not counted in the progress. */
export type Step =
  | { kind: 'welcome'; key: 'welcome' }
  | { kind: 'section'; key: string; index: number }
  | { kind: 'demographics'; key: 'about-you' }
  | { kind: 'review'; key: 'review' };

export function stepsOf(q: Questionnaire): Step[] {
  return [
    { kind: 'welcome', key: 'welcome' },
    ...q.sections.map((section, index): Step => ({ kind: 'section', key: section.id, index })),
    ...(q.demographics.length > 0 ? [{ kind: 'demographics', key: 'about-you' } as const] : []),
    { kind: 'review', key: 'review' },
  ];
}

/**
 * The next (or previous) step from `from` that has something to show: a section whose every item is a follow-up
 * not triggered is passed over. Stays within the steps.
 */
export function neighbour(steps: readonly Step[], from: number, direction: 1 | -1, hasVisibleItems: (sectionIndex: number) => boolean): number {
  let at = from + direction;
  while (at > 0 && at < steps.length - 1) {
    const step = steps[at]!;
    if (step.kind !== 'section' || hasVisibleItems(step.index)) break;
    at += direction;
  }
  return Math.min(Math.max(at, 0), steps.length - 1);
}
