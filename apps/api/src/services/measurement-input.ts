import type { QuestionnaireDefinition } from '@socialsafety/instrument';
import { unprocessable } from '../lib/errors';
import type { MeasurementValues } from '../repositories/measurements';

/** What a client sends to create a measurement; PATCH sends any part of it. */
export interface MeasurementInput {
  title: string;
  questionnaire: { key: string; version: string };
  languages?: string[] | undefined;
  demographics?: string[] | undefined;
  k?: number | undefined;
  kSensitive?: number | undefined;
  opensAt: string;
  closesAt: string;
}

export interface InputIssue {
  field: string;
  message: string;
}

export const DEFAULT_K = 5;
export const DEFAULT_K_SENSITIVE = 10;

/**
 * Fills in defaults: every language of the version, no demographics, k 5, k_sensitive 10 (or k, when k is larger:
 * k_sensitive is never below k).
 */
export function withDefaults(
  input: Omit<MeasurementInput, 'questionnaire'>,
  versionId: string,
  definition: QuestionnaireDefinition,
): MeasurementValues {
  const k = input.k ?? DEFAULT_K;
  return {
    questionnaireVersionId: versionId,
    title: input.title.trim(),
    languages: input.languages ?? [...definition.languages],
    demographics: input.demographics ?? [],
    k,
    kSensitive: input.kSensitive ?? Math.max(DEFAULT_K_SENSITIVE, k),
    opensAt: input.opensAt,
    closesAt: input.closesAt,
  };
}

/**
 * The rules across fields, checked against the questionnaire version: every problem is listed, each naming its
 * field, in one 422 MEASUREMENT_INVALID. (Shapes and ranges, such as k in 5..50, are checked by the route schema.)
 */
export function checkValues(values: MeasurementValues, definition: QuestionnaireDefinition, today: string, closesAtChanged: boolean): void {
  const issues: InputIssue[] = [];
  const unknownLanguages = values.languages.filter((l) => !definition.languages.includes(l));
  if (values.languages.length === 0) issues.push({ field: 'languages', message: 'choose at least one language' });
  if (unknownLanguages.length > 0) {
    issues.push({
      field: 'languages',
      message: `the questionnaire is available in ${definition.languages.join(', ')}, not in ${unknownLanguages.join(', ')}`,
    });
  }
  if (new Set(values.languages).size !== values.languages.length) issues.push({ field: 'languages', message: 'a language is listed twice' });
  const known = definition.demographics.map((d) => d.id);
  const unknownDemographics = values.demographics.filter((d) => !known.includes(d));
  if (unknownDemographics.length > 0) {
    issues.push({
      field: 'demographics',
      message: `not questions of this questionnaire version: ${unknownDemographics.join(', ')} (it has ${known.join(', ') || 'none'})`,
    });
  }
  if (new Set(values.demographics).size !== values.demographics.length) {
    issues.push({ field: 'demographics', message: 'a demographic question is listed twice' });
  }
  if (values.kSensitive < values.k) {
    issues.push({ field: 'kSensitive', message: `must be at least k (${values.k}): sensitive figures never get a lower threshold` });
  }
  if (values.closesAt <= values.opensAt) issues.push({ field: 'closesAt', message: 'must be after opensAt' });
  if (closesAtChanged && values.closesAt < today) issues.push({ field: 'closesAt', message: `must not be in the past (today is ${today})` });
  if (issues.length > 0) {
    throw unprocessable('MEASUREMENT_INVALID', `The measurement has ${issues.length} problem(s); the first: ${issues[0]!.field} ${issues[0]!.message}`, {
      issues,
    });
  }
}
