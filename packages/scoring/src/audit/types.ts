/*
 * Input and report of the independent disclosure auditor (disclosure-control.md rule 5).
 *
 * The auditor knows what an attacker knows: the published cells (group definitions as sets of leaf groups, and
 * counts) and the public structure (which leaf groups split into which finer ones). It never sees a hidden count.
 */

/** A published cell: a figure about the group formed by the union of its (disjoint) leaf groups. */
export interface AuditCell {
  readonly id: string;
  readonly leafGroups: readonly string[];
  readonly count: number;
  /** The minimum group size the figures of this cell may be derived for (k, or k_sensitive for sensitive figures). */
  readonly threshold: number;
}

/**
 * Public structure: `leaf` is the disjoint union of `parts` (e.g. the direct members of a unit, split by the
 * categories of one demographic, `dimension`). Cells over parts of one dimension can then be compared with cells
 * over whole leaves.
 */
export interface LeafPartition {
  readonly leaf: string;
  readonly dimension: string;
  readonly parts: readonly string[];
}

export interface AuditInput {
  readonly cells: readonly AuditCell[];
  readonly partitions?: readonly LeafPartition[];
}

export interface AuditOptions {
  /** Run the linear-algebra attack (default true). */
  readonly algebra?: boolean;
  /** Skip the linear-algebra attack on views with more cells than this (default 6000). */
  readonly maxAlgebraCells?: number;
  /** Give up the linear-algebra attack on a view beyond this many stored nonzeros (default 4,000,000). */
  readonly maxAlgebraNonzeros?: number;
  /** Give up enumerating determined groups on a view beyond this many search nodes (default 2,000,000). */
  readonly maxAlgebraSearchNodes?: number;
  /** Disjoint families of sub-cells tried per cell when sub-cells overlap (default 16). */
  readonly maxFamiliesPerCell?: number;
}

export type LeakKind = 'below-threshold' | 'nested-difference' | 'parent-remainder' | 'linear-combination';

/** One step of a derivation: the derived count is the sum of coefficient x cell count. */
export interface DerivationTerm {
  readonly cellId: string;
  readonly coefficient: number;
}

export interface AuditLeak {
  readonly kind: LeakKind;
  /** The threshold the derived group was held to. */
  readonly level: number;
  /** 'leaves' for the leaf groups as given, else the demographic dimension whose parts the cells were expanded to. */
  readonly view: string;
  readonly size: number;
  /** The derived group. */
  readonly leafGroups: readonly string[];
  readonly derivation: readonly DerivationTerm[];
}

export type AlgebraOutcome =
  /** Every group with a determined count was checked: nothing was missed (within the view). */
  | 'complete'
  /** The search ran out of budget: some determined groups may not have been checked. */
  | 'partial'
  | 'skipped';

export interface ViewCoverage {
  readonly level: number;
  readonly view: string;
  readonly cells: number;
  readonly nestedPairs: number;
  readonly remainders: number;
  readonly algebra: AlgebraOutcome;
  readonly rank: number | null;
}

export interface AuditReport {
  /** True when no leak was found. */
  readonly ok: boolean;
  readonly leaks: readonly AuditLeak[];
  /** Input problems that are not leaks in themselves: inconsistent counts, cells the auditor cannot place. */
  readonly anomalies: readonly string[];
  readonly coverage: readonly ViewCoverage[];
}
