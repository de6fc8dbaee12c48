import type { z } from 'zod';
import { checkBehaviourTags } from './checks/behaviour';
import { checkConditions } from './checks/conditions';
import { checkDemographics } from './checks/demographics';
import { checkIds } from './checks/ids';
import { checkItems, checkResponseScales } from './checks/items';
import type { Report } from './checks/report';
import { checkScales } from './checks/scales';
import { checkTexts } from './checks/texts';
import { formatPath, type Path, type ValidationIssue } from './issues';
import { questionnaireSchema, type QuestionnaireDefinition } from './schema';

export type ValidationResult =
  | { ok: true; definition: QuestionnaireDefinition }
  | { ok: false; issues: ValidationIssue[] };

const CHECKS: readonly ((definition: QuestionnaireDefinition, report: Report) => void)[] = [
  checkTexts,
  checkIds,
  checkResponseScales,
  checkItems,
  checkConditions,
  checkBehaviourTags,
  checkScales,
  checkDemographics,
];

// Issues are listed in the order of the definition, so an author can fix them from top to bottom.
const TOP_LEVEL_ORDER: readonly string[] = Object.keys(questionnaireSchema.shape);

function comparePaths(a: Path, b: Path): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    if (typeof x === 'number') return -1;
    if (typeof y === 'number') return 1;
    if (i === 0) return TOP_LEVEL_ORDER.indexOf(String(x)) - TOP_LEVEL_ORDER.indexOf(String(y));
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}

function collectIssues(definition: QuestionnaireDefinition): { path: Path; message: string }[] {
  const issues: { path: Path; message: string }[] = [];
  for (const check of CHECKS) check(definition, (path, message) => issues.push({ path, message }));
  return issues.sort((a, b) => comparePaths(a.path, b.path));
}

/** The rules beyond shape, on an already parsed definition. Empty when the definition is sound. */
export function checkQuestionnaire(definition: QuestionnaireDefinition): ValidationIssue[] {
  return collectIssues(definition).map(({ path, message }) => ({ path: formatPath(path), message }));
}

/**
 * Parses and checks a questionnaire version. Shape problems are reported first and alone: the deeper rules assume
 * a well-formed definition, and a wrong shape would otherwise bury the real cause under follow-on messages.
 */
export function validateQuestionnaire(input: unknown): ValidationResult {
  const parsed = questionnaireSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map(shapeIssue) };
  const issues = checkQuestionnaire(parsed.data);
  return issues.length === 0 ? { ok: true, definition: parsed.data } : { ok: false, issues };
}

/** The schema with every rule of validateQuestionnaire, for places that want one zod schema (API request bodies). */
export const validQuestionnaireSchema = questionnaireSchema.superRefine((definition, ctx) => {
  for (const { path, message } of collectIssues(definition)) ctx.addIssue({ code: 'custom', message, path: [...path] });
});

function shapeIssue(issue: z.core.$ZodIssue): ValidationIssue {
  const path = [...issue.path];
  if (issue.code === 'unrecognized_keys') {
    return { path: formatPath(path), message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}` };
  }
  return { path: formatPath(path), message: issue.message };
}
