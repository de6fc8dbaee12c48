import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPLETION_TIME_ASSUMPTIONS, estimateMinutes } from './completion-time';
import { questionnaireSchema } from './schema';
import { minimalDefinition } from './test-support/definition-fixture';

describe('estimateMinutes', () => {
  it('adds intro, sections, items (conditional ones at their expected share) and demographics', () => {
    const definition = questionnaireSchema.parse(minimalDefinition());
    // intro 45 + 2 sections × 5 + 4 scaled × 6 + free text 30 + 3 conditional choices × 10 × 0.2 + 1 demographic × 5
    const seconds = 45 + 10 + 24 + 30 + 6 + 5;
    expect(estimateMinutes(definition)).toBeCloseTo(seconds / 60, 10);
  });

  it('takes other assumptions', () => {
    const definition = questionnaireSchema.parse(minimalDefinition());
    const slow = { ...DEFAULT_COMPLETION_TIME_ASSUMPTIONS, secondsPerScaledItem: 12 };
    expect(estimateMinutes(definition, slow) - estimateMinutes(definition)).toBeCloseTo((4 * 6) / 60, 10);
  });
});
