import { socialSafety_1_0_0 } from '@socialsafety/instrument';
import type { App } from '../src/app';
import { submissionHash, tokenHash } from '../src/lib/survey-secrets';
import type { SubmissionInput } from '../src/repositories/survey-submission';
import { afterAll, beforeAll } from 'vitest';
import { startTestApp, type TestApp } from './helper';
import { createMeasurement, inject, LONG_SESSIONS, makeLinks, openMeasurement, TestClock, TREE } from './measurement-fixtures';
import { createOrganisation, importUnits, signInAdmin, type Session } from './sessions';

/** The built-in questionnaire as version 1.1.0 with its first item required, so that "required" can be tested. */
export async function publishVersionWithRequiredItem(app: App, admin: Session): Promise<string> {
  const definition = structuredClone(socialSafety_1_0_0);
  definition.version = '1.1.0';
  definition.sections[0]!.items[0]!.required = true;
  const url = '/api/v1/questionnaires/social-safety/versions';
  await inject(app, { method: 'POST', url, headers: admin.headers, payload: definition }, 201);
  await inject(app, { method: 'POST', url: `${url}/1.1.0/publish`, headers: admin.headers }, 200);
  return definition.sections[0]!.items[0]!.id;
}

export interface SurveyWorld {
  admin: Session;
  organisationId: string;
  /** Open today, version 1.1.0, asks age_band. */
  open: string;
  clock: TestClock;
  requiredItem: string;
}

/** An organisation with the test tree and one measurement open today. */
export async function surveyWorld(app: App, clock: TestClock): Promise<SurveyWorld> {
  const admin = await signInAdmin(app);
  const organisationId = await createOrganisation(app, admin, 'Acme');
  await importUnits(app, admin, organisationId, TREE);
  const requiredItem = await publishVersionWithRequiredItem(app, admin);
  const open = await createMeasurement(app, admin, organisationId, {
    questionnaire: { key: 'social-safety', version: '1.1.0' },
    demographics: ['age_band'],
  });
  await openMeasurement(app, admin, open);
  return { admin, organisationId, open, clock, requiredItem };
}

export async function links(app: App, world: SurveyWorld, count = 1, unitCode = 'NORTH', measurementId = world.open) {
  return makeLinks(app, world.admin, measurementId, unitCode, count);
}

export const VALID = (requiredItem: string) => ({ [requiredItem]: 4, ps_mistakes_remembered: 2 });

/** What the survey service hands the repository for a new submission with a link of the open measurement. */
export function submissionInput(world: SurveyWorld, token: string, { personal = false, today = '2026-12-10' } = {}): SubmissionInput {
  return {
    tokenHash: tokenHash(token),
    measurementId: world.open,
    personal,
    language: 'nl',
    answers: VALID(world.requiredItem),
    demographics: {},
    submissionHash: submissionHash(crypto.randomUUID()),
    today,
  };
}

/** Responses stored for a measurement. */
export async function countResponses(app: App, measurementId: string): Promise<number> {
  const row = await app.db.selectFrom('responses').select((eb) => eb.fn.countAll<string>().as('n')).where('measurement_id', '=', measurementId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** An app with a survey world for a whole test file: started before its first test, closed after its last. */
export function surveyWorldPerFile(): { readonly app: App; readonly world: SurveyWorld; readonly clock: TestClock } {
  const clock = new TestClock();
  let started: TestApp | undefined;
  let world: SurveyWorld | undefined;
  beforeAll(async () => {
    started = await startTestApp(undefined, LONG_SESSIONS, { now: clock.now });
    world = await surveyWorld(started.app, clock);
  });
  afterAll(async () => {
    await started?.close();
  });
  return {
    get app() {
      if (!started) throw new Error('the app starts before the first test');
      return started.app;
    },
    get world() {
      if (!world) throw new Error('the survey world is made before the first test');
      return world;
    },
    clock,
  };
}
