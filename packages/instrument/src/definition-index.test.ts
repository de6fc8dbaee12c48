import { describe, expect, it } from 'vitest';
import { socialSafety_1_0_0 } from './builtin/social-safety-1.0.0';
import {
  answerCodes,
  findItem,
  findScale,
  isSensitiveItem,
  itemRange,
  itemsInOrder,
  locateItem,
  scaleItems,
  scaleOfItem,
  standaloneItems,
} from './definition-index';
import { isScaledItem, questionnaireSchema } from './schema';
import { minimalDefinition } from './test-support/definition-fixture';

const definition = questionnaireSchema.parse(minimalDefinition());

describe('lookups', () => {
  it('lists items in questionnaire order across sections', () => {
    expect(itemsInOrder(definition).map((item) => item.id)).toEqual([
      'q1',
      'q2',
      'q3',
      'comment',
      'b1',
      'b1_source',
      'b1_reported',
      'b1_handling',
    ]);
  });

  it('locates an item by section and position', () => {
    expect(locateItem(definition, 'b1_source')).toMatchObject({ sectionIndex: 1, itemIndex: 1, position: 5 });
    expect(findItem(definition, 'nope')).toBeUndefined();
  });

  it('knows the scale of an item and the items of a scale', () => {
    expect(scaleOfItem(definition, 'q2')?.id).toBe('climate');
    expect(scaleOfItem(definition, 'comment')).toBeUndefined();
    const climate = findScale(definition, 'climate');
    expect(climate && scaleItems(definition, climate).map((item) => item.id)).toEqual(['q1', 'q2', 'q3']);
  });

  it('gives answer codes and ranges', () => {
    const q1 = findItem(definition, 'q1');
    const b1 = findItem(definition, 'b1');
    expect(q1 && answerCodes(definition, q1)).toEqual([1, 2, 3, 4, 5]);
    expect(b1 && isScaledItem(b1) && itemRange(definition, b1)).toEqual({ min: 0, max: 4 });
    const reported = findItem(definition, 'b1_reported');
    expect(reported && answerCodes(definition, reported)).toEqual([0, 1, 2]);
    const comment = findItem(definition, 'comment');
    expect(comment && answerCodes(definition, comment)).toEqual([]);
  });

  it('treats items as sensitive when flagged or when their scale is', () => {
    expect(isSensitiveItem(definition, 'b1')).toBe(true);
    expect(isSensitiveItem(definition, 'q1')).toBe(false);
    const viaScale = questionnaireSchema.parse(minimalDefinition());
    const climate = viaScale.scales[0];
    if (climate) climate.sensitive = true;
    expect(isSensitiveItem(viaScale, 'q1')).toBe(true);
  });

  it('finds scaled items outside any scale in the built-in questionnaire: only the 0-10 grade', () => {
    expect(standaloneItems(socialSafety_1_0_0).map((item) => item.id)).toEqual(['oc_safety_grade']);
  });
});
