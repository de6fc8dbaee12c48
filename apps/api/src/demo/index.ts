// Public API of @socialsafety/api/demo: the demo organisation, for `pnpm cli demo` and for tests and benchmarks that
// need realistic data. The server's first-run offer uses first-run.ts directly.
export { runDemoCommand } from './command';
export { demoOptions, DemoOptionError, DEFAULT_DEMO_OPTIONS, EMPLOYEE_LIMITS, SIZE_PRESETS, type DemoOptions } from './options';
export { generateOrganisation, type DemoOrganisation, type DemoTeam, type DemoUnit, type TeamProblem } from './organisation';
export { planWave, simulateWave, type DemoResponse, type Wave, type WavePlan } from './responses';
export { loadDemo, type DemoProgress, type DemoSummary } from './load';
export { DEMO_EMAIL } from './demo-account';
