export { auditPublishedCells } from './audit';
export type {
  AlgebraOutcome,
  AuditCell,
  AuditInput,
  AuditLeak,
  AuditOptions,
  AuditReport,
  DerivationTerm,
  LeafPartition,
  LeakKind,
  ViewCoverage,
} from './types';
