import { socialSafety_1_0_0, type QuestionnaireDefinition } from '@socialsafety/instrument';
import { describe, expect, it } from 'vitest';
import { behaviourSlots } from './behaviour-slots';
import { createScoringPlan } from './scoring-plan';
import { smallDefinition } from './test-support/small-definition';

describe('createScoringPlan', () => {
  it('names the positions of the scores of the built-in questionnaire', () => {
    const plan = createScoringPlan(socialSafety_1_0_0);
    // 85 agreement + 20 frequency + 1 rating item; 24 scales; 5 demographics; 7 categories x 2 modes
    expect(plan.itemIds).toHaveLength(106);
    expect(plan.scales).toHaveLength(24);
    expect(plan.demographicIds).toEqual(['age_band', 'tenure_band', 'contract', 'supervises', 'gender']);
    expect(plan.behaviourByMode.map((items) => items.length)).toEqual([7, 7]);
    expect(plan.scales.find((scale) => scale.id === 'psychological_safety')).toEqual({
      id: 'psychological_safety',
      scoring: 'mean',
      min: 1,
      max: 5,
      itemCount: 7,
      minimumAnswered: 4,
    });
    expect(plan.scales.find((scale) => scale.id === 'stress_reactions')).toMatchObject({ min: 0, max: 4, minimumAnswered: 3 });
  });

  it('lays behaviour slots out without overlap', () => {
    // 2 modes x (8 occurrence + 8 x 6 kinds + 8 x 3 sides + 8 reported + 8 channels + 6 outcomes) = 2 x 102
    expect(behaviourSlots.size).toBe(204);
    const positions = new Set<number>();
    for (const mode of ['experienced', 'witnessed'] as const) {
      for (let slot = 0; slot < behaviourSlots.modeSize; slot++) positions.add(behaviourSlots.occurrence(mode, 'any') + slot);
    }
    expect(positions.size).toBe(204);
    expect(behaviourSlots.handling('witnessed', 'unknown')).toBe(203);
    expect(behaviourSlots.sourceKind('experienced', 'general', 'colleague')).toBe(behaviourSlots.sourceKindAt(0, 1, 0));
  });

  it('refuses a definition that cannot be scored', () => {
    const changed = (change: (definition: QuestionnaireDefinition) => void) => {
      const definition = structuredClone(smallDefinition());
      change(definition);
      return () => createScoringPlan(definition);
    };
    expect(
      changed((definition) => {
        const climate = definition.scales[0];
        if (climate !== undefined) climate.itemIds = [...climate.itemIds, 'grade'];
      }),
    ).toThrow("cannot score scale 'climate': its items do not share one response range");
    expect(
      changed((definition) => {
        const experienced = definition.scales[2];
        if (experienced !== undefined) experienced.itemIds = ['exp_general', 'comment'];
      }),
    ).toThrow("cannot score scale 'experienced': it refers to items that are missing or not scaled");
    expect(
      changed((definition) => {
        const item = definition.sections[1]?.items[0];
        if (item !== undefined) item.reverse = true;
      }),
    ).toThrow("cannot score scale 'experienced': prevalence item 'exp_general' is reverse-keyed");
    expect(
      changed((definition) => {
        const item = definition.sections[1]?.items.find((candidate) => candidate.id === 'exp_sexual');
        if (item?.type === 'frequency' && item.behaviour !== undefined) item.behaviour.category = 'general';
      }),
    ).toThrow('cannot plan scoring: two items measure general behaviour (experienced)');
  });
});
