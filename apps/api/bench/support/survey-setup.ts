import { BENCH_ADMIN } from './api-process';

export interface SurveyFixture {
  measurementId: string;
  /** The one shared link of the first team (kind 'open'): any number of submissions. */
  openToken: string;
  /** Single-use links, spread over the teams. */
  personalTokens: string[];
}

const TEAMS = 20;
const day = (offsetDays: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );

/** One JSON request to the API under test; anything but a 2xx stops the benchmark with the answer. */
export async function call(base: string, method: string, path: string, headers: Record<string, string>, body?: unknown) {
  const res = await fetch(base + path, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return { res, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/**
 * Prepares what respondents need, through the public API as an operator would: an organisation with a small tree,
 * a measurement of the built-in questionnaire open from yesterday for a month, one open link, and personal links.
 */
export async function prepareSurvey(base: string, personalLinks: number): Promise<SurveyFixture> {
  const login = await call(base, 'POST', '/api/v1/auth/login', {}, BENCH_ADMIN);
  const cookie = login.res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const headers = { cookie, 'x-csrf-token': String(login.json.csrfToken) };
  const org = await call(base, 'POST', '/api/v1/organisations', headers, { name: `Load ${Date.now()}` });
  const units: { code: string; name: string; parentCode: string | null }[] = [{ code: 'ROOT', name: 'Company', parentCode: null }];
  for (let i = 1; i <= TEAMS; i += 1) units.push({ code: `T${i}`, name: `Team ${i}`, parentCode: 'ROOT' });
  await call(base, 'PUT', `/api/v1/organisations/${org.json.id}/units`, headers, units);
  const measurement = await call(base, 'POST', `/api/v1/organisations/${org.json.id}/measurements`, headers, {
    title: 'Load',
    questionnaire: { key: 'social-safety', version: '1.0.0' },
    opensAt: day(-1),
    closesAt: day(30),
  });
  const measurementId = String(measurement.json.id);
  await call(base, 'POST', `/api/v1/measurements/${measurementId}/open`, headers);
  const links = async (unitCode: string, count: number, kind: 'open' | 'personal') => {
    const made = await call(base, 'POST', `/api/v1/measurements/${measurementId}/invitations`, headers, { unitCode, count, kind });
    return (made.json.links as string[]).map((link) => link.slice(link.lastIndexOf('/s/') + 3));
  };
  const [openToken] = await links('T1', 1, 'open');
  const personalTokens: string[] = [];
  for (let made = 0; made < personalLinks; ) {
    const count = Math.min(10_000, personalLinks - made);
    personalTokens.push(...(await links(`T${(Math.floor(made / 10_000) % TEAMS) + 1}`, count, 'personal')));
    made += count;
  }
  return { measurementId, openToken: openToken!, personalTokens };
}
