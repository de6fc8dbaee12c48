export { anonymiseMicrodata } from './anonymise';
export { LOSS_TIE, preferredNode, type NodeChoice } from './lattice';
export { verifyAnonymity } from './verify';
export { explicitHierarchy, flatHierarchy, MISSING_VALUE, orderedBandHierarchy, SUPPRESSED, unitHierarchy } from './hierarchy';
export type {
  AnonymisedMicrodata,
  AnonymityRequirement,
  AnonymityVerification,
  AnonymityViolation,
  GeneralisationChoice,
  GeneralisationHierarchy,
  MicrodataDisclosureReport,
  MicrodataRecord,
  MicrodataSpec,
  MicrodataValue,
  QuasiIdentifier,
} from './types';
