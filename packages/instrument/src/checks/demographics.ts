import type { QuestionnaireDefinition } from '../schema';
import type { Report } from './report';

/** Background questions are never forced: each offers exactly one "prefer not to say". */
export function checkDemographics(definition: QuestionnaireDefinition, report: Report): void {
  definition.demographics.forEach((demographic, i) => {
    const declining = demographic.options.flatMap((option, k) => (option.preferNotToSay ? [k] : []));
    if (declining.length === 0) {
      report(['demographics', i, 'options'], 'every demographic question needs a "prefer not to say" option');
    }
    for (const k of declining.slice(1)) {
      report(['demographics', i, 'options', k, 'preferNotToSay'], 'only one option can be "prefer not to say"');
    }
  });
}
