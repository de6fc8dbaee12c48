export { computeMeasurementResults, HIDDEN, SCORING_VERSION } from './compute';
export { computeMeasurementResultsFrom } from './compute-streamed';
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
  MeasurementSettings,
  MeasurementResponse,
  MeasurementUnit,
  MetricInfo,
  ProportionFigure,
  PublishedResults,
  ScaleReliability,
  StreamedMeasurementInput,
  UnitResult,
} from './types';
export { auditPublishedResults, type ResultsAudit } from './audit-results';
export { figureTrend, trendMetricKeys } from './trend';
