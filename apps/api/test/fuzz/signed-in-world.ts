import fc from 'fast-check';
import { expect } from 'vitest';
import { startTestApp, type TestApp } from '../helper';
import { LONG_SESSIONS, TestClock } from '../measurement-fixtures';
import { createUser, grantRole, signIn, type Session } from '../sessions';
import { surveyWorld, type SurveyWorld } from '../survey-fixtures';
import { summary, type FuzzOptions, type FuzzRequest } from './fuzz-endpoint';
import { contentType, encode, nastyString, pathSegment } from './hostile';

export interface SignedInWorld {
  t: TestApp;
  w: SurveyWorld;
  orgAdmin: Session;
}

export const UNIT_CODES = ['ROOT', 'SALES', 'NORTH', 'SOUTH', 'OPS', 'HR', 'IT'];

/** The survey world, plus an organisation administrator (signed in) and a colleague without a role. */
export async function signedInWorld(): Promise<SignedInWorld> {
  const clock = new TestClock();
  const t = await startTestApp(undefined, LONG_SESSIONS, { now: clock.now });
  const w = await surveyWorld(t.app, clock);
  await createUser(t.app, w.admin, 'org-admin@example.test');
  await createUser(t.app, w.admin, 'colleague@example.test');
  await grantRole(t.app, w.admin, w.organisationId, 'org-admin@example.test', 'org_admin');
  return { t, w, orgAdmin: await signIn(t.app, 'org-admin@example.test') };
}

/** Mostly the session's own headers; sometimes without the CSRF token or with a made-up cookie. */
const credentials = (session: Session) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.constant(session.headers) },
    { weight: 1, arbitrary: fc.constant({ cookie: session.cookie }) },
    { weight: 1, arbitrary: nastyString.map((s) => ({ cookie: `socialsafety_session=${encode(s)}`, 'x-csrf-token': session.csrfToken })) },
  );

/** The real id most of the time, something else in its place otherwise. */
export const idOr = (id: string) => fc.oneof({ weight: 4, arbitrary: fc.constant(id) }, { weight: 1, arbitrary: pathSegment });

export function writeRequests(
  world: SignedInWorld,
  method: 'PUT' | 'POST',
  url: fc.Arbitrary<string>,
  payload: fc.Arbitrary<string>,
  type = contentType,
): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({ url, credentials: credentials(world.orgAdmin), type, payload })
    .map(({ url, credentials, type, payload }) => ({ method, url, headers: { ...credentials, 'content-type': type }, payload }));
}

/** What an organisation administrator's write could change. */
export const writeOptions = (runs: number): FuzzOptions => ({
  runs,
  parts: ['units', 'measurements', 'invitations', 'grants', 'audit_events', 'sessions', 'users', 'organisations'],
});

/** The fuzzer reached the accepted path and the refusals both. */
export async function expectBothPaths(run: Promise<Map<number, number>>) {
  const counts = summary(await run);
  expect(Object.keys(counts).some((s) => Number(s) < 300), JSON.stringify(counts)).toBe(true);
  expect(counts[400] ?? counts[422], JSON.stringify(counts)).toBeGreaterThan(0);
}
