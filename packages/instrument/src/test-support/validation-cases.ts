import { expect, it } from 'vitest';
import { issuesOf, minimalDefinition } from './definition-fixture';

export type Definition = ReturnType<typeof minimalDefinition>;

/** One broken definition and exactly the issues it must produce (no more, no fewer), in the order of the definition. */
export interface ValidationCase {
  name: string;
  change: (definition: Definition) => unknown;
  issues: { path: string; message: string }[];
}

/** One test per case: break a fresh minimal definition, then compare the issues. */
export function checkCases(cases: ValidationCase[]): void {
  it.each(cases)('$name', ({ change, issues }) => {
    const definition = minimalDefinition();
    change(definition);
    expect(issuesOf(definition)).toEqual(issues);
  });
}
