import { z } from 'zod';

/*
 * How a respondent's answers are represented: a map from item id to a value.
 * - likert-5, frequency, rating-0-10, single-choice: the option's numeric code
 * - multiple-choice: the codes of the chosen options
 * - free-text: the text
 * - "don't know / not applicable": { dontKnow: true } (an object, so it can never be mistaken for a code or a text)
 * An item without an entry was not answered.
 */
export const dontKnowSchema = z.strictObject({ dontKnow: z.literal(true) });
export const answerValueSchema = z.union([z.int(), z.array(z.int()), z.string(), dontKnowSchema]);
export const answersSchema = z.record(z.string(), answerValueSchema);

export type DontKnowAnswer = z.output<typeof dontKnowSchema>;
export type AnswerValue = z.output<typeof answerValueSchema>;
export type Answers = Readonly<Record<string, AnswerValue | undefined>>;

export const DONT_KNOW: DontKnowAnswer = Object.freeze({ dontKnow: true as const });

export function isDontKnow(value: AnswerValue | undefined): value is DontKnowAnswer {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && value.dontKnow === true;
}
