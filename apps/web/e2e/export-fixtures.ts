import { answersFor, ApiSession, random, RESULTS_ADMIN, RESULTS_TREE } from './results-fixtures';
import type { RunningServer } from './server';

/** The researcher the export test signs in as: a researcher grant only, so no results and no participation. */
export const RESEARCHER = { email: 'researcher@example.org', password: 'a long researcher passphrase' };

export interface ExportWorld {
  organisationId: string;
  measurement: string;
}

const today = (days = 0) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function submit(base: string, token: string, body: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${base}/api/v1/survey/${token}/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ submissionId: crypto.randomUUID(), ...body }),
  });
  if (res.status !== 201) throw new Error(`a response was refused: ${res.status} ${await res.text()}`);
}

/**
 * The results tests' organisation tree with one closed measurement asking age and gender, answered in both languages
 * through each unit's open link, and a researcher of the organisation. The units are small (3 to 12 at
 * k_sensitive = 10), so keeping every quasi-identifier forces generalisation and suppression the preview can show.
 */
export async function buildExportWorld(server: RunningServer): Promise<ExportWorld> {
  let admin = await ApiSession.signIn(server, RESULTS_ADMIN);
  const { id: organisationId } = await admin.call<{ id: string }>('POST', '/api/v1/organisations', { name: 'Acme Care' });
  await admin.call('PUT', `/api/v1/organisations/${organisationId}/units`, RESULTS_TREE.map(({ code, name, parentCode }) => ({ code, name, parentCode })));
  await admin.call('POST', '/api/v1/users', { ...RESEARCHER, platformAdmin: false });
  await admin.call('POST', `/api/v1/organisations/${organisationId}/grants`, { email: RESEARCHER.email, role: 'researcher' });
  await admin.call('POST', `/api/v1/organisations/${organisationId}/grants`, { email: RESULTS_ADMIN.email, role: 'org_admin' });
  admin = await ApiSession.signIn(server, RESULTS_ADMIN);

  const { id: measurement } = await admin.call<{ id: string }>('POST', `/api/v1/organisations/${organisationId}/measurements`, {
    title: 'Social safety 2026',
    questionnaire: { key: 'social-safety', version: '1.0.0' },
    languages: ['nl', 'en'],
    demographics: ['age_band', 'gender'],
    k: 5,
    kSensitive: 10,
    opensAt: today(),
    closesAt: today(20),
  });
  await admin.call('POST', `/api/v1/measurements/${measurement}/open`);
  const rng = random(23);
  for (const unit of RESULTS_TREE) {
    if (unit.size === 0) continue;
    const { links } = await admin.call<{ links: string[] }>('POST', `/api/v1/measurements/${measurement}/invitations`, { unitCode: unit.code, count: 1, kind: 'open' });
    const token = links[0]!.slice(links[0]!.lastIndexOf('/s/') + 3);
    for (let i = 0; i < unit.size; i++) {
      await submit(admin.base, token, {
        language: rng() < 0.7 ? 'nl' : 'en',
        answers: answersFor(unit.climate, rng),
        demographics: { age_band: 1 + Math.floor(rng() * 4), gender: 1 + Math.floor(rng() * 2) },
      });
    }
  }
  await admin.call('POST', `/api/v1/measurements/${measurement}/close`);
  return { organisationId, measurement };
}
