import type { Heatmap, HeatmapMetric, Overview, ScaleColumn } from '../lib/results';

/** Small results as the API gives them, for component tests: a tree with a hidden unit and a sensitive topic. */
export const COLUMNS: ScaleColumn[] = [
  { scaleId: 'psy', metricKey: 'scale:psy', title: 'Psychological safety', domain: 'psychological-safety', direction: 'higher-is-better', sensitive: false },
  { scaleId: 'pace', metricKey: 'scale:pace', title: 'Work pace', domain: 'workload', direction: 'higher-is-worse', sensitive: false },
  { scaleId: 'trust', metricKey: 'scale:trust', title: 'Trust in reporting', domain: 'compass-reporting', direction: 'higher-is-better', sensitive: true },
];

const HIDDEN = { hidden: true } as const;

export function heatmapFixture(metric: HeatmapMetric = 'mean'): Heatmap {
  const cell = (value: number | null, band: 'red' | 'amber' | 'green', significant: boolean | null) => ({
    value,
    n: 12,
    ci: value === null ? null : ([value - 6, value + 6] as const),
    significant,
    band,
  });
  const differences = metric === 'vsOrganisation' || metric === 'vsBenchmark';
  return {
    metric,
    root: 'org',
    depth: 1,
    language: 'en',
    k: 5,
    kSensitive: 10,
    benchmark: null,
    columns: COLUMNS,
    rows: [
      {
        unitId: 'org',
        code: 'ORG',
        name: 'Acme',
        parentId: null,
        level: 0,
        hasChildren: true,
        responses: { n: 40 },
        cells: [cell(differences ? null : 61.4, 'amber', null), cell(differences ? null : 48, 'amber', null), cell(differences ? null : 55, 'amber', null)],
      },
      {
        unitId: 'care',
        code: 'CARE',
        name: 'Care',
        parentId: 'org',
        level: 1,
        hasChildren: true,
        responses: { n: 21 },
        cells: [cell(differences ? -12.4 : 44.6, 'red', true), cell(differences ? 9.6 : 62, 'red', true), HIDDEN],
      },
      {
        unitId: 'it',
        code: 'IT',
        name: 'IT',
        parentId: 'org',
        level: 1,
        hasChildren: false,
        responses: { n: 14 },
        cells: [cell(differences ? 14.2 : 79, 'green', false), cell(differences ? -3 : 38, 'green', false), cell(differences ? 2 : 70, 'green', false)],
      },
      { unitId: 'desk', code: 'DESK', name: 'Desk', parentId: 'org', level: 1, hasChildren: false, responses: HIDDEN, cells: [HIDDEN, HIDDEN, HIDDEN] },
    ],
  };
}

export function overviewFixture(): Overview {
  const map = heatmapFixture();
  return {
    measurementId: 'm1',
    title: 'Social safety 2026',
    closesAt: '2026-12-20',
    computedAt: '2026-12-21T09:30:00.000Z',
    scoringVersion: '1.0.0',
    questionnaire: { key: 'social-safety', version: '1.0.0' },
    language: 'en',
    k: 5,
    kSensitive: 10,
    benchmark: null,
    roots: ['org'],
    units: map.rows.map((r) => ({ id: r.unitId, code: r.code, name: r.name, parentId: r.parentId, responses: r.responses })),
    scales: COLUMNS,
    demographics: [],
  };
}
