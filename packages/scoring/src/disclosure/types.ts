/*
 * Input and output of the suppression solver (disclosure-control.md rules 1-4 and 6).
 *
 * The output separates what may be published from what may not: published cells carry their group definition and
 * count; hidden cells carry nothing but their id, so that no consumer can turn a hidden cell into an "n < k" vs
 * "n = 0" oracle by accident.
 */

/** A unit of the frozen tree taken when the measurement opened. */
export interface DisclosureUnit {
  readonly id: string;
  readonly parentId: string | null;
}

/**
 * Counts of one demographic question, per unit, for the respondents attached directly to that unit.
 * Categories not listed for a unit count as 0. Respondents of a unit not covered by any category (the direct count
 * minus the sum of the category counts) form the implicit category MISSING_CATEGORY, so that the categories always
 * partition the unit, as rule 3's remainder rule requires.
 */
export interface DemographicCounts {
  readonly id: string;
  /** Declared categories in display order, e.g. age bands then "prefer not to say". */
  readonly categories: readonly string[];
  /** unit id -> category -> number of direct respondents of that unit in that category. */
  readonly counts: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

export interface DisclosureInput {
  readonly units: readonly DisclosureUnit[];
  /** unit id -> number of responses attached directly to that unit (absent = 0). */
  readonly responseCounts: Readonly<Record<string, number>>;
  readonly demographics: readonly DemographicCounts[];
  /** Minimum group size for ordinary figures (5..50). */
  readonly k: number;
  /** Minimum group size for sensitive prevalence figures (>= k). */
  readonly kSensitive: number;
}

/**
 * ordinary: scores, means, distributions (threshold k).
 * sensitive: prevalence of unwanted behaviour, incident reporting (threshold kSensitive).
 */
export type TierName = 'ordinary' | 'sensitive';

/** A published figure about a unit's subtree group. */
export interface PublishedUnitCell {
  readonly id: string;
  readonly unitId: string;
  readonly count: number;
  /** Leaf groups (direct members of each unit in the subtree), sorted by unit id. */
  readonly leafGroups: readonly string[];
}

/** A published figure about a unit's subtree x a block of categories of one demographic. */
export interface PublishedCutCell {
  readonly id: string;
  readonly unitId: string;
  readonly demographicId: string;
  /** The category, or "other" when several categories were merged (rule 3). */
  readonly label: string;
  readonly categories: readonly string[];
  readonly count: number;
  /** Leaf groups (direct members of each unit in the subtree x each category), sorted by unit id then category. */
  readonly leafGroups: readonly string[];
}

/** An available demographic cut of one unit: its published cells sum to the unit's published count. */
export interface PublishedCut {
  readonly id: string;
  readonly unitId: string;
  readonly demographicId: string;
  readonly cells: readonly PublishedCutCell[];
}

/** A cell that must be shown as "hidden to protect anonymity". Deliberately nothing but its id. */
export interface HiddenCell {
  readonly id: string;
}

export interface TierPublication {
  readonly tier: TierName;
  readonly threshold: number;
  readonly published: {
    readonly units: readonly PublishedUnitCell[];
    readonly cuts: readonly PublishedCut[];
  };
  readonly hidden: {
    /** Unit subtree groups that are not published. */
    readonly units: readonly HiddenCell[];
    /** (unit, demographic) cuts that are unavailable. */
    readonly cuts: readonly HiddenCell[];
    /** Empty category blocks inside available cuts (derivable as 0, never shown as 0). */
    readonly cutCells: readonly HiddenCell[];
  };
}

/** Public structure the publication refers to (no counts): the attacker is assumed to know it. */
export interface PublicStructure {
  /** Sorted by id. */
  readonly units: readonly DisclosureUnit[];
  /** Categories include MISSING_CATEGORY last. */
  readonly demographics: readonly { readonly id: string; readonly categories: readonly string[] }[];
}

/** The one published set of a measurement (rule 4). */
export interface DisclosureResult {
  readonly k: number;
  readonly kSensitive: number;
  readonly structure: PublicStructure;
  readonly tiers: {
    readonly ordinary: TierPublication;
    readonly sensitive: TierPublication;
  };
}
