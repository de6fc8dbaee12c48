import type { RunningServer } from './server';

/** The administrator the survey tests' server starts with (ADMIN_EMAIL / ADMIN_PASSWORD). */
export const SURVEY_ADMIN = { email: 'survey-admin@example.org', password: 'a long admin passphrase' };

/** What the survey tests pass to startServer: the administrator, and a rate limit no test run comes near. */
export const SURVEY_SERVER_ENV = {
  ADMIN_EMAIL: SURVEY_ADMIN.email,
  ADMIN_PASSWORD: SURVEY_ADMIN.password,
  SURVEY_LIMIT_PER_MINUTE: '100000',
  TIME_ZONE: 'Europe/Amsterdam',
};

/**
 * The administrator's side through the API, as a script with a session would do it: an organisation with a small
 * unit tree, measurements, and links. Node's fetch sends no Origin header, so only the CSRF token is needed.
 */
export class Admin {
  private constructor(
    private readonly base: string,
    private readonly headers: Record<string, string>,
  ) {}

  static async signIn(server: RunningServer): Promise<Admin> {
    const res = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(SURVEY_ADMIN),
    });
    if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return new Admin(server.url, { cookie, 'x-csrf-token': csrfToken });
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

  async organisation(name: string): Promise<string> {
    const { id } = await this.call<{ id: string }>('POST', '/api/v1/organisations', { name });
    await this.call('PUT', `/api/v1/organisations/${id}/units`, [
      { code: 'ROOT', name, parentCode: null },
      { code: 'CARE', name: 'Care team', parentCode: 'ROOT' },
      { code: 'DESK', name: 'Front desk', parentCode: 'ROOT' },
    ]);
    return id;
  }

  /** A measurement of the built-in questionnaire in Dutch and English, asking every demographic question. */
  async measurement(organisationId: string, options: { title?: string; opensAt?: string; closesAt?: string; open?: boolean } = {}): Promise<string> {
    const { id } = await this.call<{ id: string }>('POST', `/api/v1/organisations/${organisationId}/measurements`, {
      title: options.title ?? 'Social safety 2026',
      questionnaire: { key: 'social-safety', version: '1.0.0' },
      languages: ['nl', 'en'],
      demographics: ['age_band', 'tenure_band', 'contract', 'supervises', 'gender'],
      k: 5,
      opensAt: options.opensAt ?? today(),
      closesAt: options.closesAt ?? today(30),
    });
    if (options.open !== false) await this.call('POST', `/api/v1/measurements/${id}/open`);
    return id;
  }

  /** Tokens of new links for one unit. */
  async links(measurementId: string, unitCode: string, count = 1, kind: 'personal' | 'open' = 'personal'): Promise<string[]> {
    const { links } = await this.call<{ links: string[] }>('POST', `/api/v1/measurements/${measurementId}/invitations`, { unitCode, count, kind });
    return links.map((link) => link.slice(link.lastIndexOf('/s/') + 3));
  }

  async close(measurementId: string): Promise<void> {
    await this.call('POST', `/api/v1/measurements/${measurementId}/close`);
  }

  /** Responses per unit code as participation shows them (null: fewer than k, hidden). */
  async responded(measurementId: string): Promise<Record<string, number | null>> {
    const body = await this.call<{ units: { code: string; responded: number | null }[] }>('GET', `/api/v1/measurements/${measurementId}/participation`);
    return Object.fromEntries(body.units.map((unit) => [unit.code, unit.responded]));
  }
}

/** Today (plus some days) in the server's time zone, as the API counts days. */
export function today(plusDays = 0): string {
  const at = new Date(Date.now() + plusDays * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: SURVEY_SERVER_ENV.TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** Sends a response straight to the API (someone else answering with an open link). */
export async function sendDirectly(server: RunningServer, token: string, answers: Record<string, unknown>): Promise<number> {
  const res = await fetch(`${server.url}/api/v1/survey/${token}/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ submissionId: crypto.randomUUID(), language: 'nl', answers, demographics: {} }),
  });
  return res.status;
}

/** The answers of a personal link's saved draft, as the API holds them (empty when there is none). */
export async function draftAnswers(server: RunningServer, token: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${server.url}/api/v1/survey/${token}`);
  const body = (await res.json()) as { draft: { answers: Record<string, unknown> } | null };
  return body.draft?.answers ?? {};
}
