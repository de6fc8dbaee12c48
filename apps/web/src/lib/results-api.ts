import type { Behaviour, Heatmap, HeatmapMetric, Overview, Trend, UnitResults } from './results';
import type { ApiClient } from './session.svelte';

/** The results endpoints of one measurement; texts (scale titles, answer labels) come in `language`. */
export class ResultsApi {
  readonly #api: ApiClient;
  readonly #base: string;

  constructor(api: ApiClient, measurementId: string) {
    this.#api = api;
    this.#base = `/api/v1/measurements/${encodeURIComponent(measurementId)}/results`;
  }

  #get<T>(path: string, query: Record<string, string | number | undefined>): Promise<T> {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) if (value !== undefined) search.set(name, String(value));
    return this.#api.get<T>(`${this.#base}${path}?${search.toString()}`);
  }

  overview(language: string): Promise<Overview> {
    return this.#get('', { lang: language });
  }

  heatmap(query: { root: string; depth: number; metric: HeatmapMetric; language: string }): Promise<Heatmap> {
    return this.#get('/heatmap', { root: query.root, depth: query.depth, metric: query.metric, lang: query.language });
  }

  unit(unitId: string, language: string): Promise<UnitResults> {
    return this.#get(`/units/${encodeURIComponent(unitId)}`, { lang: language });
  }

  behaviour(root: string, language: string): Promise<Behaviour> {
    return this.#get('/behaviour', { root, lang: language });
  }

  trend(unitId: string, language: string): Promise<Trend> {
    return this.#get('/trend', { unitId, lang: language });
  }
}
