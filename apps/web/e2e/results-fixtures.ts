import {
  answerCodes,
  isItemVisible,
  itemsInOrder,
  scaleOfItem,
  socialSafety_1_0_0,
  type AnswerValue,
  type Item,
} from '@socialsafety/instrument';
import type { RunningServer } from './server';

/** The administrator the results tests' server starts with, and a rate limit no run comes near. */
export const RESULTS_ADMIN = { email: 'results-admin@example.org', password: 'a long admin passphrase' };
export const VIEWER = { email: 'sales-viewer@example.org', password: 'a long viewer passphrase' };
export const RESULTS_SERVER_ENV = {
  ADMIN_EMAIL: RESULTS_ADMIN.email,
  ADMIN_PASSWORD: RESULTS_ADMIN.password,
  SURVEY_LIMIT_PER_MINUTE: '100000',
  TIME_ZONE: 'Europe/Amsterdam',
};

/**
 * A tree that forces complementary suppression at k = 5: Sales south has 3 respondents, so Sales north (6) is hidden
 * too (else south = sales - north). Only the organisation and the larger departments reach k_sensitive = 10.
 * `climate` (0 bad .. 1 good) tilts the answers, so that the heatmap has something to show.
 */
export const RESULTS_TREE = [
  { code: 'ACME', name: 'Acme Care', parentCode: null, size: 0, climate: 0.6 },
  { code: 'SALES', name: 'Sales', parentCode: 'ACME', size: 0, climate: 0.6 },
  { code: 'NORTH', name: 'Sales north', parentCode: 'SALES', size: 6, climate: 0.7 },
  { code: 'SOUTH', name: 'Sales south', parentCode: 'SALES', size: 3, climate: 0.3 },
  { code: 'CARE', name: 'Care', parentCode: 'ACME', size: 0, climate: 0.5 },
  { code: 'WARD-A', name: 'Ward A', parentCode: 'CARE', size: 12, climate: 0.25 },
  { code: 'WARD-B', name: 'Ward B', parentCode: 'CARE', size: 9, climate: 0.65 },
  { code: 'HR', name: 'Human Resources', parentCode: 'ACME', size: 6, climate: 0.75 },
  { code: 'IT', name: 'IT services', parentCode: 'ACME', size: 11, climate: 0.8 },
] as const;

const BENCHMARK_SCALES = ['psychological_safety', 'feedback', 'respect', 'speaking_up_upwards', 'ethical_leadership', 'overall_safety'];

export type TreeCode = (typeof RESULTS_TREE)[number]['code'];

/** A small deterministic generator (mulberry32): the same data on every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: () => number, options: readonly T[]): T => options[Math.floor(rng() * options.length)]!;

/**
 * One respondent's answers to the built-in questionnaire. Scaled items lean towards the unit's climate (turned round
 * for reverse-keyed items and scales where higher is worse); unwanted behaviour is likelier in a bad climate, and then
 * its follow-ups (who, reported to whom, how it was handled) are answered too.
 */
export function answersFor(climate: number, rng: () => number): Record<string, AnswerValue> {
  const answers: Record<string, AnswerValue> = {};
  for (const item of itemsInOrder(socialSafety_1_0_0)) {
    if (!isItemVisible(item, answers)) continue;
    const value = answerOf(item, climate, rng);
    if (value !== undefined) answers[item.id] = value;
  }
  return answers;
}

function answerOf(item: Item, climate: number, rng: () => number): AnswerValue | undefined {
  if (item.type === 'free-text') return undefined;
  const codes = answerCodes(socialSafety_1_0_0, item);
  if (codes.length === 0) return undefined;
  if (item.type === 'multiple-choice') {
    const chosen = codes.filter((code) => code !== 0 && rng() < 0.12);
    return chosen.length > 0 ? chosen : [codes[0]!];
  }
  if (item.type === 'single-choice') return pick(rng, codes);
  if ('behaviour' in item && item.behaviour !== undefined) {
    const chance = 0.01 + 0.09 * (1 - climate);
    return rng() < chance ? pick(rng, codes.slice(1)) : codes[0]!;
  }
  const scale = scaleOfItem(socialSafety_1_0_0, item.id);
  let lean = climate;
  if (scale?.direction === 'higher-is-worse') lean = 1 - lean;
  if (item.reverse) lean = 1 - lean;
  const position = Math.min(0.999, Math.max(0, lean + (rng() - 0.5) * 0.9));
  return codes[Math.floor(position * codes.length)]!;
}

const today = (days = 0) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** An administrator's session through the API, as a script would use it (the CSRF token on writes). */
export class ApiSession {
  private constructor(
    readonly base: string,
    private readonly headers: Record<string, string>,
  ) {}

  static async signIn(server: RunningServer, who: { email: string; password: string }): Promise<ApiSession> {
    const res = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(who),
    });
    if (res.status !== 200) throw new Error(`sign-in of ${who.email} failed: ${res.status} ${await res.text()}`);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return new ApiSession(server.url, { cookie, 'x-csrf-token': csrfToken });
  }

  async call<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, expected = [200, 201]): Promise<T> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: { ...this.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!expected.includes(res.status)) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }
}

async function submit(base: string, token: string, answers: Record<string, AnswerValue>, ageBand: number): Promise<void> {
  const res = await fetch(`${base}/api/v1/survey/${token}/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ submissionId: crypto.randomUUID(), language: 'en', answers, demographics: { age_band: ageBand } }),
  });
  if (res.status !== 201) throw new Error(`a response was refused: ${res.status} ${await res.text()}`);
}

/** Opens a measurement, answers it through each unit's open link, closes it (which publishes the results). */
async function measurementWithResponses(admin: ApiSession, organisationId: string, title: string, closesInDays: number, seed: number, shift: number) {
  const { id } = await admin.call<{ id: string }>('POST', `/api/v1/organisations/${organisationId}/measurements`, {
    title,
    questionnaire: { key: 'social-safety', version: '1.0.0' },
    languages: ['nl', 'en'],
    demographics: ['age_band'],
    k: 5,
    kSensitive: 10,
    opensAt: today(),
    closesAt: today(closesInDays),
  });
  await admin.call('POST', `/api/v1/measurements/${id}/open`);
  const rng = random(seed);
  for (const unit of RESULTS_TREE) {
    if (unit.size === 0) continue;
    const { links } = await admin.call<{ links: string[] }>('POST', `/api/v1/measurements/${id}/invitations`, { unitCode: unit.code, count: 1, kind: 'open' });
    const token = links[0]!.slice(links[0]!.lastIndexOf('/s/') + 3);
    for (let i = 0; i < unit.size; i++) {
      await submit(admin.base, token, answersFor(Math.min(1, Math.max(0, unit.climate + shift)), rng), 1 + Math.floor(rng() * 4));
    }
  }
  await admin.call('POST', `/api/v1/measurements/${id}/close`);
  return id;
}

export interface ResultsWorld {
  organisationId: string;
  /** The earlier measurement and the one the pages look at. */
  earlier: string;
  measurement: string;
  units: Record<TreeCode, string>;
}

/**
 * An organisation with the tree above, a unit viewer for Sales, and two closed measurements a year apart (the later
 * one is the one the pages look at; the earlier one gives the trend). The administrator gets the org_admin role:
 * platform administrators see no results without a grant.
 */
export async function buildResultsWorld(server: RunningServer): Promise<ResultsWorld> {
  let admin = await ApiSession.signIn(server, RESULTS_ADMIN);
  const { id: organisationId } = await admin.call<{ id: string }>('POST', '/api/v1/organisations', { name: 'Acme Care' });
  await admin.call('PUT', `/api/v1/organisations/${organisationId}/units`, RESULTS_TREE.map(({ code, name, parentCode }) => ({ code, name, parentCode })));
  const flat = await admin.call<{ units: { id: string; code: string }[] }>('GET', `/api/v1/organisations/${organisationId}/units?format=flat`);
  const live = Object.fromEntries(flat.units.map((u) => [u.code, u.id]));
  await admin.call('POST', '/api/v1/users', { ...VIEWER, platformAdmin: false });
  await admin.call('POST', `/api/v1/organisations/${organisationId}/grants`, { email: VIEWER.email, role: 'unit_viewer', unitId: live.SALES });
  await admin.call('POST', `/api/v1/organisations/${organisationId}/grants`, { email: RESULTS_ADMIN.email, role: 'org_admin' });
  admin = await ApiSession.signIn(server, RESULTS_ADMIN);
  // Imported before the measurements close, so that their "difference from benchmark" uses it.
  await admin.call('POST', '/api/v1/questionnaires/social-safety/versions/1.0.0/benchmarks', {
    source: 'Reference study 2025 (illustrative figures)',
    scales: Object.fromEntries(BENCHMARK_SCALES.map((scaleId) => [scaleId, { n: 2400, mean: 62, sd: 18 }])),
  });

  const earlier = await measurementWithResponses(admin, organisationId, 'Social safety 2025', 10, 7, 0.08);
  const measurement = await measurementWithResponses(admin, organisationId, 'Social safety 2026', 20, 11, 0);
  const frozen = await admin.call<{ units: { id: string; code: string }[] }>('GET', `/api/v1/measurements/${measurement}/units`);
  const units = Object.fromEntries(frozen.units.map((u) => [u.code, u.id])) as Record<TreeCode, string>;
  return { organisationId, earlier, measurement, units };
}
