import { visibleItemIds, type AnswerValue, type QuestionnaireDefinition } from '@socialsafety/instrument';
import { allocateScores, scoreWithPlan, type RespondentScores, type ScoringPlan } from '@socialsafety/scoring';
import type { ExportResponse } from './types';

/**
 * The respondent being written: their answers, which items they were shown, and their scores. One instance is reused
 * for every respondent (scores are overwritten in place), so a million rows allocate no per-row score records.
 */
export class ScoredRow {
  private current: ExportResponse | null = null;
  private shown: Set<string> | null = null;
  readonly scores: RespondentScores;

  constructor(
    readonly definition: QuestionnaireDefinition,
    readonly plan: ScoringPlan,
  ) {
    this.scores = allocateScores(plan);
  }

  /** Scores the next respondent. @throws if a stored answer is not one its item offers (submissions are checked). */
  load(response: ExportResponse): this {
    this.current = response;
    this.shown = null;
    scoreWithPlan(this.plan, { answers: response.answers, demographics: numericDemographics(response) }, this.scores);
    return this;
  }

  get response(): ExportResponse {
    if (this.current === null) throw new Error('ScoredRow: no respondent loaded');
    return this.current;
  }

  /** The answer to an item, or undefined when it was not answered or not shown (an answer left on a hidden item). */
  answer(itemId: string): AnswerValue | undefined {
    // Only item columns need visibility; scores already account for it. Worked out once per respondent, on demand.
    this.shown ??= visibleItemIds(this.definition, this.response.answers);
    return this.shown.has(itemId) ? this.response.answers[itemId] : undefined;
  }
}

function numericDemographics(response: ExportResponse): Record<string, number | undefined> {
  const out: Record<string, number | undefined> = {};
  for (const [id, value] of Object.entries(response.demographics)) out[id] = value ?? undefined;
  return out;
}
