/*
 * Respondent-level microdata for a research export (disclosure-control.md rule 9), and its disclosure report.
 */

export type MicrodataValue = string | number | boolean | null;
export type MicrodataRecord = Readonly<Record<string, MicrodataValue>>;

/**
 * A generalisation hierarchy for one quasi-identifier: every original value and what it becomes at each level,
 * from level 0 (itself) to level `height` (the most general, usually "*" = suppressed).
 */
export interface GeneralisationHierarchy {
  readonly height: number;
  /** original value -> generalised values at levels 0..height. A null value is looked up as MISSING_VALUE. */
  readonly table: ReadonlyMap<string, readonly string[]>;
}

export interface QuasiIdentifier {
  /** Column name. */
  readonly name: string;
  readonly hierarchy: GeneralisationHierarchy;
}

export interface MicrodataSpec {
  readonly quasiIdentifiers: readonly QuasiIdentifier[];
  /** Sensitive columns: each equivalence class must hold >= l distinct (answered) values of each. */
  readonly sensitive: readonly string[];
  /** Other columns to carry over unchanged (e.g. non-identifying item scores). Every other column is dropped. */
  readonly keep?: readonly string[];
  /** Minimum size of every combination of quasi-identifier values (>= 2). */
  readonly k: number;
  /** Distinct l-diversity (default 2). */
  readonly l?: number;
  /** Share of records that may be suppressed before more generalisation is preferred (default 0.05). */
  readonly maxSuppressedShare?: number;
}

export interface GeneralisationChoice {
  readonly quasiIdentifier: string;
  readonly level: number;
  readonly height: number;
}

/** What an export says about its own protection (and what is written to the audit log). */
export interface MicrodataDisclosureReport {
  readonly k: number;
  readonly l: number;
  readonly quasiIdentifiers: readonly string[];
  readonly sensitive: readonly string[];
  readonly generalisation: readonly GeneralisationChoice[];
  readonly recordsIn: number;
  readonly recordsReleased: number;
  readonly recordsSuppressed: number;
  /** False when even the best generalisation needed more suppression than maxSuppressedShare allowed. */
  readonly withinSuppressionLimit: boolean;
  /**
   * Information loss in [0, 1]: the mean, over records and quasi-identifiers, of the normalised certainty penalty
   * of the released value ((original values it covers - 1) / (domain size - 1)), a suppressed record counting 1.
   */
  readonly informationLoss: number;
  readonly verification: AnonymityVerification;
}

export interface AnonymisedMicrodata {
  readonly records: readonly MicrodataRecord[];
  readonly report: MicrodataDisclosureReport;
}

export interface AnonymityRequirement {
  readonly quasiIdentifiers: readonly string[];
  readonly sensitive: readonly string[];
  readonly k: number;
  readonly l: number;
}

export interface AnonymityViolation {
  readonly kind: 'k-anonymity' | 'l-diversity';
  /** The equivalence class: its quasi-identifier values. */
  readonly quasiIdentifierValues: Readonly<Record<string, string>>;
  readonly size: number;
  /** For l-diversity: the variable and its number of distinct answered values in the class. */
  readonly variable?: string;
  readonly distinct?: number;
}

export interface AnonymityVerification {
  readonly ok: boolean;
  readonly records: number;
  readonly classes: number;
  /** Size of the smallest equivalence class (null for an empty table). */
  readonly smallestClass: number | null;
  /** Fewest distinct answered values of any sensitive variable in any class that has answers (null if none). */
  readonly lowestDiversity: number | null;
  readonly violations: readonly AnonymityViolation[];
}
