export { solveDisclosure } from './solve';
export { publishedCellsForAudit } from './audit-export';
export type { AuditExport, AuditExportCell, AuditExportPartition } from './audit-export';
export { MISSING_CATEGORY, cutCellId, cutId, demographicLeafGroupId, leafGroupId, unitCellId } from './ids';
export type {
  DemographicCounts,
  DisclosureInput,
  DisclosureResult,
  DisclosureUnit,
  HiddenCell,
  PublicStructure,
  PublishedCut,
  PublishedCutCell,
  PublishedUnitCell,
  TierName,
  TierPublication,
} from './types';
