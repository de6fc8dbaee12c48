import { demographicLeafGroupId, leafGroupId } from './ids';
import type { DisclosureResult } from './types';

/*
 * The published set, restated as an attacker sees it: every published cell of both tiers as a leaf set with a count
 * and the threshold of its tier, plus the public structure that each unit's direct members are split by every
 * demographic into its categories. This is the input of the independent auditor (src/audit), typed here on its own
 * so that neither module imports the other.
 */

export interface AuditExportCell {
  readonly id: string;
  readonly leafGroups: readonly string[];
  readonly count: number;
  readonly threshold: number;
}

export interface AuditExportPartition {
  readonly leaf: string;
  readonly dimension: string;
  readonly parts: readonly string[];
}

export interface AuditExport {
  readonly cells: readonly AuditExportCell[];
  readonly partitions: readonly AuditExportPartition[];
}

export function publishedCellsForAudit(result: DisclosureResult): AuditExport {
  const cells: AuditExportCell[] = [];
  for (const tier of [result.tiers.ordinary, result.tiers.sensitive]) {
    for (const cell of tier.published.units) {
      cells.push({ id: `${tier.tier}/${cell.id}`, leafGroups: cell.leafGroups, count: cell.count, threshold: tier.threshold });
    }
    for (const cut of tier.published.cuts) {
      for (const cell of cut.cells) {
        cells.push({ id: `${tier.tier}/${cell.id}`, leafGroups: cell.leafGroups, count: cell.count, threshold: tier.threshold });
      }
    }
  }
  const partitions: AuditExportPartition[] = [];
  for (const unit of result.structure.units) {
    for (const demographic of result.structure.demographics) {
      partitions.push({
        leaf: leafGroupId(unit.id),
        dimension: demographic.id,
        parts: demographic.categories.map((category) => demographicLeafGroupId(unit.id, demographic.id, category)),
      });
    }
  }
  return { cells, partitions };
}
