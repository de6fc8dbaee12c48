/** Addresses of the results pages. Their state (root, depth, metric, order, unit) lives in the address, so that a view
 * can be bookmarked, shared with a colleague who may see it, and reached again with the back button. */

export const resultsViews = ['heatmap', 'unit', 'behaviour', 'trend', 'report'] as const;
export type ResultsView = (typeof resultsViews)[number];

type Query = Record<string, string | number | null | undefined>;

function withQuery(path: string, query: Query = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== null && value !== undefined && value !== '') search.set(name, String(value));
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

export function resultsPath(measurementId: string, view: Exclude<ResultsView, 'unit'> = 'heatmap', query?: Query): string {
  const base = `/measurements/${encodeURIComponent(measurementId)}/results`;
  return withQuery(view === 'heatmap' ? base : `${base}/${view}`, query);
}

export function unitPath(measurementId: string, unitId: string): string {
  return `/measurements/${encodeURIComponent(measurementId)}/results/units/${encodeURIComponent(unitId)}`;
}
