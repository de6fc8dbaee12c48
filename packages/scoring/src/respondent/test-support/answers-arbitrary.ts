import fc from 'fast-check';
import {
  DONT_KNOW,
  answerCodes,
  itemsInOrder,
  type AnswerValue,
  type Answers,
  type Item,
  type QuestionnaireDefinition,
} from '@socialsafety/instrument';
import type { RespondentResponse } from '../types';

/*
 * Random respondents for property tests: every item may be left out, answered "don't know", or answered with one
 * of its codes, whether or not it is shown; so hidden answers, partly answered scales and every follow-up path
 * occur. Answers are always valid codes: invalid ones are tested by hand.
 */

function answerArbitrary(definition: QuestionnaireDefinition, item: Item): fc.Arbitrary<AnswerValue> {
  const dontKnow = fc.constant(DONT_KNOW);
  if (item.type === 'free-text') return fc.string({ maxLength: 5 });
  const codes = answerCodes(definition, item);
  if (item.type === 'multiple-choice') {
    return fc.oneof({ arbitrary: fc.subarray(codes, { minLength: 1 }), weight: 5 }, { arbitrary: dontKnow, weight: 1 });
  }
  return fc.oneof({ arbitrary: fc.constantFrom(...codes), weight: 8 }, { arbitrary: dontKnow, weight: 1 });
}

export function answersArbitrary(definition: QuestionnaireDefinition): fc.Arbitrary<Answers> {
  const model: Record<string, fc.Arbitrary<AnswerValue>> = {};
  for (const item of itemsInOrder(definition)) model[item.id] = answerArbitrary(definition, item);
  return fc.record(model, { requiredKeys: [] });
}

export function responseArbitrary(definition: QuestionnaireDefinition): fc.Arbitrary<RespondentResponse> {
  const demographics: Record<string, fc.Arbitrary<number>> = {};
  for (const demographic of definition.demographics) {
    demographics[demographic.id] = fc.constantFrom(...demographic.options.map((option) => option.value));
  }
  return fc.record({ answers: answersArbitrary(definition), demographics: fc.record(demographics, { requiredKeys: [] }) });
}
