import type { QuestionnaireDefinition } from '@socialsafety/instrument';
import type { ListedRespondentResponse, RespondentResponse } from '../respondent';
import type { SampleMoments } from '../stats';

/** A unit of the tree frozen when the measurement opened. */
export interface MeasurementUnit {
  readonly id: string;
  readonly parentId: string | null;
}

/** One response as results see it: the unit it belongs to, its answers and demographic codes. */
export interface MeasurementResponse extends RespondentResponse {
  readonly unitId: string;
}

/**
 * The same response with its answers as a list in answerOrder(definition) (null: not answered): the faster input
 * form. Reading answer objects, each with its own set of keys, is the largest part of scoring 100,000 responses; a
 * list is read by position. Build the list once per response where it is read (the API does so from the stored
 * object) and scoring never touches an item id again.
 */
export interface ListedMeasurementResponse extends ListedRespondentResponse {
  readonly unitId: string;
}

/** Everything about a measurement's computation except its responses. */
export interface MeasurementSettings {
  readonly definition: QuestionnaireDefinition;
  readonly units: readonly MeasurementUnit[];
  readonly k: number;
  readonly kSensitive: number;
  /** Demographics asked in this measurement; each may be used for one-at-a-time cuts of the scales. */
  readonly demographicIds: readonly string[];
  /** External or cross-organisation benchmark per scale (0-100 means), for "difference from benchmark". */
  readonly benchmark?: Readonly<Record<string, SampleMoments>>;
}

export interface MeasurementInput extends MeasurementSettings {
  /**
   * All responses of the measurement; any iterable, so that they can be streamed. Each response gives its answers
   * as an object or as a list (ListedMeasurementResponse); both give the same figures.
   */
  readonly responses: Iterable<MeasurementResponse | ListedMeasurementResponse>;
}

/**
 * The same with the responses arriving in pages, as a database hands them out: each page is consumed before the
 * next is awaited, so the caller decides how many responses are in memory at once. Pages rather than single
 * responses keep the cost of awaiting off the per-response path (a million awaits cost more than the reading).
 */
export interface StreamedMeasurementInput extends MeasurementSettings {
  readonly pages: AsyncIterable<Iterable<MeasurementResponse | ListedMeasurementResponse>>;
}

/**
 * What a hidden figure looks like, everywhere: no count, no value, no reason. Every hidden figure is this same
 * object, so "hidden because 0" and "hidden because 3" cannot be told apart (disclosure-control.md rule 6).
 */
export interface Hidden {
  readonly hidden: true;
}

export interface Comparison {
  /** This group's mean minus the other's (0-100 points). */
  readonly difference: number;
  readonly p: number | null;
  /** Welch t-test at p < 0.05; false when it cannot be tested. */
  readonly significant: boolean;
}

/** A mean scale (or a single 0-10 rating) for one group. Means, sds and intervals are on the 0-100 scale. */
export interface MeanFigure {
  readonly kind: 'mean';
  readonly n: number;
  readonly mean: number;
  readonly sd: number | null;
  /** 95% confidence interval of the mean (t distribution); null with n < 2. */
  readonly ci: readonly [number, number] | null;
  /** Share of item answers per answer category (after reverse keying, so the last category is the favourable end). */
  readonly distribution: readonly number[];
  /** Percentage of respondents whose scale score is on the favourable side (>= 75 on 0-100, or <= 25 when higher is worse). */
  readonly favourable: number;
  readonly band: 'red' | 'amber' | 'green' | null;
  readonly vsOrganisation: Comparison | null;
  readonly vsBenchmark: Comparison | null;
}

/** A share of respondents (prevalence) for one group, with the Wilson 95% interval; in percent. */
export interface ProportionFigure {
  readonly kind: 'proportion';
  readonly n: number;
  readonly percent: number;
  readonly ci: readonly [number, number];
  readonly band: 'red' | 'amber' | 'green' | null;
}

export type Figure = MeanFigure | ProportionFigure;
export type FigureOrHidden = Figure | Hidden;

/** One cell of a demographic cut: a category, or several merged into "other". */
export interface CutCellResult {
  readonly label: string;
  readonly categories: readonly string[];
  readonly figure: FigureOrHidden;
}

/** A demographic cut of one metric for one unit, or hidden as a whole. */
export type CutResult = { readonly cells: readonly CutCellResult[] } | Hidden;

export interface UnitResult {
  readonly unitId: string;
  /** Responses in the unit's subtree, when publishable at k. */
  readonly responses: { readonly n: number } | Hidden;
  /** Metric key -> figure. Keys: `scale:<id>`, `item:<id>`, `behaviour:<indicator>`. */
  readonly metrics: Readonly<Record<string, FigureOrHidden>>;
  /** Metric key -> demographic id -> cut (mean scales only). */
  readonly cuts: Readonly<Record<string, Readonly<Record<string, CutResult>>>>;
}

export interface ScaleReliability {
  readonly scaleId: string;
  /** Complete cases used for alpha and omega. */
  readonly nComplete: number;
  readonly alpha: number | null;
  readonly omega: number | null;
  /** ICC(1) of scale scores over units (respondents grouped by the unit they answered in). */
  readonly icc1: number | null;
}

export interface MetricInfo {
  readonly key: string;
  readonly kind: 'mean' | 'proportion';
  /** Published at k_sensitive instead of k. */
  readonly sensitive: boolean;
}

/** The one published result set of a measurement: every view reads this and nothing else. */
export interface PublishedResults {
  readonly formatVersion: 1;
  readonly scoringVersion: string;
  readonly questionnaire: { readonly key: string; readonly version: string };
  readonly k: number;
  readonly kSensitive: number;
  readonly rootUnitId: string;
  /** The frozen tree the figures are about (public structure). */
  readonly tree: readonly MeasurementUnit[];
  /** Demographics used for cuts, with their categories (option codes as text, then "(missing)"). */
  readonly demographics: readonly { readonly id: string; readonly categories: readonly string[] }[];
  readonly metrics: readonly MetricInfo[];
  readonly units: readonly UnitResult[];
  /** Organisation-level reliability per mean scale; empty when the organisation itself is hidden. */
  readonly reliability: readonly ScaleReliability[];
}
