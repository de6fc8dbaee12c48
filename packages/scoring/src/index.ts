// Public API of @socialsafety/scoring: pure statistics and disclosure control. No I/O anywhere in this package.
// Risk bands are defined with the questionnaire (versioned with it): use riskBandOf from @socialsafety/instrument.
export * from './stats';
export * from './disclosure';
export * from './audit';
export * from './microdata';
export * from './respondent';
export * from './results';
