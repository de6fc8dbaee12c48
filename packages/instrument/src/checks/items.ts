import { findResponseScale, scaleOfItem } from '../definition-index';
import { isScaledItem, type QuestionnaireDefinition, type ScaledItemType } from '../schema';
import { itemEntries } from './item-entries';
import { describeCodes, type Report } from './report';

/** What the codes of a response scale must be for each scaled item type, so that scoring can rely on them. */
const REQUIRED_CODES: Record<ScaledItemType, { fits: (codes: readonly number[]) => boolean; description: string }> = {
  'likert-5': { fits: (codes) => sameCodes(codes, range(1, 5)), description: 'the codes 1 to 5' },
  'rating-0-10': { fits: (codes) => sameCodes(codes, range(0, 10)), description: 'the codes 0 to 10' },
  frequency: {
    fits: (codes) => codes.length >= 3 && sameCodes(codes, range(0, codes.length - 1)),
    description: 'consecutive codes from 0 (at least three)',
  },
};

export function checkResponseScales(definition: QuestionnaireDefinition, report: Report): void {
  definition.responseScales.forEach((scale, i) => {
    scale.options.forEach((option, k) => {
      const previous = scale.options[k - 1];
      if (previous !== undefined && option.value <= previous.value) {
        report(['responseScales', i, 'options', k, 'value'], 'options must be listed in ascending order of value');
      }
    });
  });
}

/** Per-item rules that need the rest of the definition: response scale fit, reverse keys, options. */
export function checkItems(definition: QuestionnaireDefinition, report: Report): void {
  for (const { item, path } of itemEntries(definition)) {
    if (isScaledItem(item)) {
      const responseScale = findResponseScale(definition, item.responseScaleId);
      if (responseScale === undefined) {
        report([...path, 'responseScaleId'], `unknown response scale '${item.responseScaleId}'`);
      } else {
        const codes = responseScale.options.map((o) => o.value);
        const required = REQUIRED_CODES[item.type];
        if (!required.fits(codes)) {
          report(
            [...path, 'responseScaleId'],
            `a ${item.type} item needs a response scale with ${required.description}; '${responseScale.id}' has ${describeCodes(codes)}`,
          );
        }
      }
    }

    if (item.reverse) {
      if (!isScaledItem(item)) {
        report([...path, 'reverse'], `reverse keying only applies to likert-5, frequency and rating-0-10 items; this is a ${item.type} item`);
      } else if (scaleOfItem(definition, item.id) === undefined) {
        report([...path, 'reverse'], `reverse keying needs the item to be part of a scale; '${item.id}' is in no scale`);
      }
    }

    if (item.type === 'free-text' && item.allowDontKnow) {
      report([...path, 'allowDontKnow'], `"don't know" is not offered on free-text items (leaving it empty says the same)`);
    }

    if (item.type === 'single-choice') {
      item.options.forEach((option, k) => {
        if (option.exclusive) report([...path, 'options', k, 'exclusive'], 'exclusive options only apply to multiple-choice items');
      });
    }
    if (item.type === 'multiple-choice' && item.options.every((option) => option.exclusive)) {
      report([...path, 'options'], 'a multiple-choice item needs at least one option that is not exclusive');
    }
  }
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function sameCodes(actual: readonly number[], expected: readonly number[]): boolean {
  const sorted = [...actual].sort((a, b) => a - b);
  return sorted.length === expected.length && sorted.every((code, i) => code === expected[i]);
}
