import type {
  AnswerValue,
  Answers,
  BehaviourCategory,
  HandlingOutcome,
  ReportChannel,
  ScaleScoring,
  SourceKind,
} from '@socialsafety/instrument';

/*
 * The shapes of respondent-level scoring. Two families: readable records (null for missing, keyed by id) produced by
 * the reference functions recodeAnswers / scaleScores / behaviourIndicators, and the compact RespondentScores
 * (typed arrays laid out by a ScoringPlan) that the fast path produces for whole organisations at once.
 */

/** One respondent as scoring sees them: the item answers and, separately, the demographic codes. */
export interface RespondentResponse {
  readonly answers: Answers;
  /** Demographic id -> option code ("prefer not to say" included as its code). Absent: not asked or not answered. */
  readonly demographics?: Readonly<Record<string, number | undefined>>;
}

/**
 * The same respondent with the answers as a list in the questionnaire's answer order (answerOrder(definition)):
 * entry i answers item i, null means not answered. A faster input form for scoring many respondents (no keys to look
 * up); a database can produce it directly, e.g. in PostgreSQL
 * `SELECT (SELECT jsonb_agg(answers -> id ORDER BY n) FROM unnest($1::text[]) WITH ORDINALITY AS t(id, n))`
 * with $1 the answer order.
 */
export interface ListedRespondentResponse {
  readonly answerList: readonly (AnswerValue | null)[];
  /** As RespondentResponse.demographics. */
  readonly demographics?: Readonly<Record<string, number | undefined>>;
}

/**
 * Scaled item id -> value after reverse keying; null when missing, "don't know" or not shown. Every scaled item of the
 * questionnaire has a key.
 */
export type RecodedAnswers = Readonly<Record<string, number | null>>;

/** A respondent's score on one scale. */
export interface ScaleScore {
  readonly scoring: ScaleScoring;
  /** Items of the scale the respondent answered (don't know and hidden items do not count). */
  readonly answered: number;
  readonly itemCount: number;
  /**
   * mean: the mean of the answered items on the response scale. prevalence: 1 when any item is above its lowest
   * value ("never"), 0 when not. null when too few items were answered (see minimumAnswered / anyIndicator).
   */
  readonly raw: number | null;
  /** raw on 0-100: the 0-100 transform for mean scales; 100 or 0 for prevalence, so a group mean is a percentage. */
  readonly score0to100: number | null;
}

/** true / false, or null when not answered or not applicable (say, "reported" for someone who experienced nothing). */
export type Indicator = boolean | null;

/** Internal / external / unknown, as the instrument's sourceSide() places a source. */
export type SourceSide = 'internal' | 'external' | 'unknown';
export const SOURCE_SIDES: readonly SourceSide[] = ['internal', 'external', 'unknown'];

/** Whether behaviour came from each kind of source and from each side (a prevalence: everyone is in the denominator). */
export interface SourceIndicators {
  readonly byKind: Readonly<Record<SourceKind, Indicator>>;
  readonly bySide: Readonly<Record<SourceSide, Indicator>>;
}

/**
 * Behaviour indicators of one mode (experienced or witnessed). Occurrence and source are prevalences: a respondent
 * who answered "never" counts as false. Reporting and handling are conditional: they only apply to behaviour the
 * respondent experienced (or witnessed), respectively reported, and are null otherwise.
 */
export interface ModeIndicators {
  /** Any behaviour of this mode at least once in the period. */
  readonly any: Indicator;
  readonly byCategory: Readonly<Record<BehaviourCategory, Indicator>>;
  /** Who it came from, over all categories and per category. */
  readonly source: {
    readonly any: SourceIndicators;
    readonly byCategory: Readonly<Record<BehaviourCategory, SourceIndicators>>;
  };
  /** Reported to, or help sought from, any channel other than "not reported". */
  readonly reported: {
    readonly any: Indicator;
    readonly byCategory: Readonly<Record<BehaviourCategory, Indicator>>;
  };
  /** Which channels were used, over all categories ('not-reported': at least one behaviour left unreported). */
  readonly reportedTo: Readonly<Record<ReportChannel, Indicator>>;
  /** How reports were handled, over all reported categories. */
  readonly handling: Readonly<Record<HandlingOutcome, Indicator>>;
}

export interface BehaviourIndicators {
  readonly experienced: ModeIndicators;
  readonly witnessed: ModeIndicators;
}

/**
 * The compact scores of one respondent: flat typed arrays whose positions a ScoringPlan names, so that 100,000
 * respondents cost a few small allocations each and aggregation can loop over numbers. NaN marks a missing number,
 * -1 a missing indicator. namedScores() turns a record into the readable form. The arrays are views on a buffer
 * that several records share (see allocateScores): slice() them before transferring them to a worker.
 */
export interface RespondentScores {
  /** Recoded value per scaled item, in plan.itemIds order; NaN when missing, "don't know" or not shown. */
  readonly items: Float32Array;
  /** Raw scale score per scale, in plan.scales order (a mean, or 1/0 for prevalence); NaN when missing. */
  readonly scales: Float64Array;
  /** The same scores on 0-100; NaN when missing. */
  readonly scales0to100: Float64Array;
  /** Behaviour indicators at the positions of behaviourSlots: 1 yes, 0 no, -1 unknown or not applicable. */
  readonly behaviour: Int8Array;
  /** Demographic codes, in plan.demographicIds order; NaN when not asked or not answered. */
  readonly demographics: Float64Array;
}

/** A RespondentScores record read back with ids and nulls: for exports, debugging and tests. */
export interface NamedRespondentScores {
  readonly items: RecodedAnswers;
  readonly scales: Readonly<Record<string, { readonly raw: number | null; readonly score0to100: number | null }>>;
  readonly behaviour: BehaviourIndicators;
  readonly demographics: Readonly<Record<string, number | null>>;
}
