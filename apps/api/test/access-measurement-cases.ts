import type { InjectOptions } from 'fastify';
import { expect } from 'vitest';
import type { App } from '../src/app';
import type { Session } from './sessions';

/** The measurement routes of the role × route table in access.test.ts. */

export type Who = 'platformAdmin' | 'orgAdmin' | 'analyst' | 'unitViewer' | 'researcher' | 'outsider' | 'noRole';

export interface CaseContext {
  app(): App;
  /** The platform administrator, who makes what a case needs. */
  admin(): Session;
  organisationId(): string;
  /** An open measurement of that organisation. */
  measurementId(): string;
  unique(prefix: string): string;
}

const ADMINS: Who[] = ['platformAdmin', 'orgAdmin'];
const IN_ORGANISATION: Who[] = ['platformAdmin', 'orgAdmin', 'analyst', 'unitViewer', 'researcher'];

/** Dates around the real today: this file runs on the real clock. */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

export async function newMeasurement(ctx: CaseContext, open = false): Promise<string> {
  const res = await ctx.app().inject({
    method: 'POST',
    url: `/api/v1/organisations/${ctx.organisationId()}/measurements`,
    headers: ctx.admin().headers,
    payload: { title: ctx.unique('M'), questionnaire: { key: 'social-safety', version: '1.0.0' }, opensAt: day(-1), closesAt: day(30) },
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  if (open) {
    const opened = await ctx.app().inject({ method: 'POST', url: `/api/v1/measurements/${id}/open`, headers: ctx.admin().headers });
    expect(opened.statusCode, opened.body).toBe(200);
  }
  return id;
}

/** A closed measurement (with its published results) and its frozen SALES unit, made once on first use. */
function closedMeasurement(ctx: CaseContext): () => Promise<{ id: string; sales: string }> {
  let made: Promise<{ id: string; sales: string }> | undefined;
  return () =>
    (made ??= (async () => {
      const id = await newMeasurement(ctx, true);
      const closed = await ctx.app().inject({ method: 'POST', url: `/api/v1/measurements/${id}/close`, headers: ctx.admin().headers });
      expect(closed.statusCode, closed.body).toBe(200);
      const units = await ctx.app().inject({ method: 'GET', url: `/api/v1/measurements/${id}/units`, headers: ctx.admin().headers });
      const sales = (units.json().units as { id: string; code: string }[]).find((u) => u.code === 'SALES')!.id;
      return { id, sales };
    })());
}

const RESULT_READERS: Who[] = ['orgAdmin', 'analyst', 'unitViewer'];
/** The research export: researchers and organisation administrators; a platform administrator needs a grant. */
const EXPORTERS: Who[] = ['orgAdmin', 'researcher'];

export function measurementCases(ctx: CaseContext): Record<string, { allowed: Who[]; request: (who: Who) => Promise<InjectOptions> | InjectOptions }> {
  const closed = closedMeasurement(ctx);
  const results = async (path: string, query = '') => {
    const { id, sales } = await closed();
    return { method: 'GET' as const, url: `/api/v1/measurements/${id}/results${path.replace(':sales', sales)}${query.replace(':sales', sales)}` };
  };
  return {
    'GET /api/v1/measurements/:id/results': { allowed: RESULT_READERS, request: () => results('') },
    'GET /api/v1/measurements/:id/results/heatmap': { allowed: RESULT_READERS, request: () => results('/heatmap', '?root=:sales') },
    'GET /api/v1/measurements/:id/results/units/:unitId': { allowed: RESULT_READERS, request: () => results('/units/:sales') },
    'GET /api/v1/measurements/:id/results/behaviour': { allowed: RESULT_READERS, request: () => results('/behaviour', '?root=:sales') },
    'GET /api/v1/measurements/:id/results/trend': { allowed: RESULT_READERS, request: () => results('/trend', '?unitId=:sales') },
    'GET /api/v1/measurements/:id/export': {
      allowed: EXPORTERS,
      request: async () => ({ method: 'GET', url: `/api/v1/measurements/${(await closed()).id}/export?qi=unit` }),
    },
    'GET /api/v1/measurements/:id/export/preview': {
      allowed: EXPORTERS,
      request: async () => ({ method: 'GET', url: `/api/v1/measurements/${(await closed()).id}/export/preview` }),
    },
    'POST /api/v1/measurements/:id/results/recompute': {
      allowed: ADMINS,
      request: async () => ({ method: 'POST', url: `/api/v1/measurements/${(await closed()).id}/results/recompute` }),
    },
    'GET /api/v1/questionnaires/:key/versions/:version/benchmarks': {
      allowed: ['platformAdmin'],
      request: () => ({ method: 'GET', url: '/api/v1/questionnaires/social-safety/versions/1.0.0/benchmarks' }),
    },
    'POST /api/v1/questionnaires/:key/versions/:version/benchmarks': {
      allowed: ['platformAdmin'],
      request: () => ({
        method: 'POST',
        url: '/api/v1/questionnaires/social-safety/versions/1.0.0/benchmarks',
        payload: { source: ctx.unique('Study'), scales: { psychological_safety: { n: 1000, mean: 62, sd: 18 } } },
      }),
    },
    'POST /api/v1/organisations/:id/measurements': {
      allowed: ADMINS,
      request: () => ({
        method: 'POST',
        url: `/api/v1/organisations/${ctx.organisationId()}/measurements`,
        payload: { title: ctx.unique('M'), questionnaire: { key: 'social-safety', version: '1.0.0' }, opensAt: day(0), closesAt: day(30) },
      }),
    },
    'GET /api/v1/organisations/:id/measurements': {
      allowed: IN_ORGANISATION,
      request: () => ({ method: 'GET', url: `/api/v1/organisations/${ctx.organisationId()}/measurements` }),
    },
    'GET /api/v1/measurements/:id': { allowed: IN_ORGANISATION, request: () => ({ method: 'GET', url: `/api/v1/measurements/${ctx.measurementId()}` }) },
    'PATCH /api/v1/measurements/:id': {
      allowed: ADMINS,
      request: () => ({ method: 'PATCH', url: `/api/v1/measurements/${ctx.measurementId()}`, payload: { title: ctx.unique('Renamed') } }),
    },
    'POST /api/v1/measurements/:id/open': {
      allowed: ADMINS,
      request: async () => ({ method: 'POST', url: `/api/v1/measurements/${await newMeasurement(ctx)}/open` }),
    },
    'POST /api/v1/measurements/:id/close': {
      allowed: ADMINS,
      request: async () => ({ method: 'POST', url: `/api/v1/measurements/${await newMeasurement(ctx, true)}/close` }),
    },
    'GET /api/v1/measurements/:id/units': {
      allowed: IN_ORGANISATION,
      request: () => ({ method: 'GET', url: `/api/v1/measurements/${ctx.measurementId()}/units` }),
    },
    'GET /api/v1/measurements/:id/participation': {
      allowed: ['platformAdmin', 'orgAdmin', 'analyst', 'unitViewer'],
      request: () => ({ method: 'GET', url: `/api/v1/measurements/${ctx.measurementId()}/participation` }),
    },
    'POST /api/v1/measurements/:id/invitations': {
      allowed: ADMINS,
      request: () => ({ method: 'POST', url: `/api/v1/measurements/${ctx.measurementId()}/invitations`, payload: { unitCode: 'OPS', count: 2 } }),
    },
    'POST /api/v1/measurements/:id/invitations/revoke': {
      allowed: ADMINS,
      request: () => ({ method: 'POST', url: `/api/v1/measurements/${ctx.measurementId()}/invitations/revoke`, payload: { unitCode: 'OPS' } }),
    },
    'GET /api/v1/measurements/:id/invitations/summary': {
      allowed: ADMINS,
      request: () => ({ method: 'GET', url: `/api/v1/measurements/${ctx.measurementId()}/invitations/summary` }),
    },
  };
}
