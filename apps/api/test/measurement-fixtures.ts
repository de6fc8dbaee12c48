import type { InjectOptions } from 'fastify';
import type { App } from '../src/app';
import type { Session } from './sessions';

/** A clock the tests move (days at a time) instead of waiting. Starts on 2026-12-10, 11:00 in Amsterdam. */
export class TestClock {
  private at = new Date('2026-12-10T10:00:00Z');
  readonly now = () => new Date(this.at);
  set(iso: string) {
    this.at = new Date(iso);
  }
  addDays(days: number) {
    this.at = new Date(this.at.getTime() + days * 86_400_000);
  }
}

/** Sessions must outlive the days the clock moves. */
export const LONG_SESSIONS = { SESSION_TTL_HOURS: String(24 * 30) };

export const TREE = [
  { code: 'ROOT', name: 'Company', parentCode: null },
  { code: 'SALES', name: 'Sales', parentCode: 'ROOT' },
  { code: 'NORTH', name: 'Sales north', parentCode: 'SALES' },
  { code: 'SOUTH', name: 'Sales south', parentCode: 'SALES' },
  { code: 'OPS', name: 'Operations', parentCode: 'ROOT' },
];

export const MEASUREMENT = {
  title: 'Social safety 2026',
  questionnaire: { key: 'social-safety', version: '1.0.0' },
  opensAt: '2026-12-10',
  closesAt: '2026-12-20',
};

export async function inject(app: App, options: InjectOptions, expected?: number) {
  const res = await app.inject(options);
  if (expected !== undefined && res.statusCode !== expected) {
    throw new Error(`${options.method} ${options.url}: expected ${expected}, got ${res.statusCode} ${res.body}`);
  }
  return res;
}

export async function createMeasurement(app: App, who: Session, organisationId: string, overrides: object = {}): Promise<string> {
  const res = await inject(
    app,
    { method: 'POST', url: `/api/v1/organisations/${organisationId}/measurements`, headers: who.headers, payload: { ...MEASUREMENT, ...overrides } },
    201,
  );
  return (res.json() as { id: string }).id;
}

export async function openMeasurement(app: App, who: Session, id: string) {
  await inject(app, { method: 'POST', url: `/api/v1/measurements/${id}/open`, headers: who.headers }, 200);
}

/** Makes links for a unit and returns their tokens. */
export async function makeLinks(app: App, who: Session, id: string, unitCode: string, count = 1, kind: 'personal' | 'open' = 'personal') {
  const res = await inject(
    app,
    { method: 'POST', url: `/api/v1/measurements/${id}/invitations`, headers: who.headers, payload: { unitCode, count, kind } },
    201,
  );
  return (res.json() as { links: string[] }).links.map(tokenOf);
}

export const tokenOf = (link: string) => link.slice(link.lastIndexOf('/s/') + 3);

/** A small valid set of answers to the built-in questionnaire. */
export const ANSWERS = { ps_raise_problems: 4, ps_mistakes_remembered: 2 };

export function submit(app: App, token: string, body: object = {}, remoteAddress?: string) {
  return app.inject({
    method: 'POST',
    url: `/api/v1/survey/${token}/responses`,
    payload: { submissionId: crypto.randomUUID(), language: 'nl', answers: ANSWERS, demographics: {}, ...body },
    ...(remoteAddress ? { remoteAddress } : {}),
  });
}
