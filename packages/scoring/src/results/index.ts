export { computeMeasurementResults, HIDDEN, SCORING_VERSION } from './compute';
export type {
  Comparison,
  CutCellResult,
  CutResult,
  Figure,
  FigureOrHidden,
  Hidden,
  ListedMeasurementResponse,
  MeanFigure,
  MeasurementInput,
  MeasurementResponse,
  MeasurementUnit,
  MetricInfo,
  ProportionFigure,
  PublishedResults,
  ScaleReliability,
  UnitResult,
} from './types';
export { auditPublishedResults, type ResultsAudit } from './audit-results';
export { figureTrend, trendMetricKeys } from './trend';
