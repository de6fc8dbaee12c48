import { getJson } from './api';

/** The body of GET /health (200 when working, 503 when the database is unreachable). */
export interface Health {
  status: 'ok' | 'unavailable';
  version: string;
  uptimeSeconds: number;
  process: { node: string; memoryRssMb: number };
  database: { status: 'up' | 'down'; kind: 'postgres' | 'embedded'; latencyMs: number | null };
}

export const fetchHealth = (signal?: AbortSignal) => getJson<Health>('/health', { acceptStatuses: [503], ...(signal ? { signal } : {}) });
