import { socialSafety_1_0_0, type QuestionnaireDefinition } from '@socialsafety/instrument';
import { randomUUID } from 'node:crypto';
import type { App } from '../app';
import type { AppConfig } from '../config';
import { calendarDay } from '../lib/calendar';
import { submissionHash } from '../lib/survey-secrets';
import { demoRows, type StoredResponse } from './demo-rows';
import { OPERATOR, operatorRequest } from './operator';
import { demoOrganisationName, type DemoOptions } from './options';
import { generateOrganisation, type DemoTeam, type TeamProblem } from './organisation';
import { seededRandom } from './random';
import { planWave, simulateWave, type WavePlan } from './responses';

export type DemoProgress = { kind: 'step'; message: string } | { kind: 'responses'; done: number; total: number };

export interface DemoMeasurementSummary {
  id: string;
  title: string;
  opensAt: string;
  closesAt: string;
  invited: number;
  responses: number;
  status: string;
}

export interface DemoSummary {
  organisationId: string;
  name: string;
  employees: number;
  divisions: number;
  departments: number;
  teams: number;
  /** The current measurement last. */
  measurements: DemoMeasurementSummary[];
  /** Where to look first: teams built to have a clear problem (persistent, improved since a year ago, or new). */
  problemTeams: { code: string; name: string; problem: Exclude<TeamProblem, 'none'> }[];
}

/** Responses written per statement: a few hundred keep each statement small and the progress bar moving. */
const BATCH = 250;
/** Each measurement ran for three weeks. */
const RUNNING_DAYS = 20;
/** 52 weeks: the earlier measurement fell on the same weekdays a year ago. */
const A_YEAR = 364;

const BUILTIN = { key: socialSafety_1_0_0.key, version: socialSafety_1_0_0.version };

function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * Loads a demo organisation through the application, as an operator would build it by hand: the organisation and its
 * unit tree through their services, two measurements of the built-in questionnaire (k = 5, k_sensitive = 10) with a
 * personal link per employee, opened (which freezes the tree), answered by the simulated employees and closed through
 * the measurement service, which computes and stores the published results. The measurement of a year ago is dated
 * back (its dates written directly: the lifecycle opens no measurement whose closing day has passed) and closes the way
 * any overdue measurement does, automatically, when it is next read.
 * Responses are written in bulk into `responses`, with the columns the survey writes and a date only.
 */
export async function loadDemo(
  app: App,
  config: Pick<AppConfig, 'timeZone'>,
  options: DemoOptions,
  onProgress: (progress: DemoProgress) => void = () => {},
): Promise<DemoSummary> {
  const request = operatorRequest(app.log);
  const rows = demoRows(app.db);
  const today = calendarDay(new Date(), config.timeZone);
  const name = demoOrganisationName(options.name);
  const organisation = generateOrganisation({ ...options, name });
  const plans: [WavePlan, WavePlan] = [planWave(organisation, options.seed, 0), planWave(organisation, options.seed, 1)];
  const total = plans[0].total + plans[1].total;

  onProgress({ kind: 'step', message: `Creating "${name}": ${organisation.employees} employees in ${organisation.units.length} units` });
  const created = await app.organisations.create(request, OPERATOR, name);
  await app.units.replace(
    request,
    created.id,
    organisation.units.map(({ code, name: unitName, parentCode }) => ({ code, name: unitName, parentCode })),
  );

  const measurements: DemoMeasurementSummary[] = [];
  let written = 0;
  for (const plan of plans) {
    const closesAt = plan.wave === 0 ? addDays(today, -A_YEAR) : today;
    const opensAt = addDays(closesAt, -RUNNING_DAYS);
    const title = `Sociale veiligheid ${opensAt.slice(0, 4)} (demo)`;
    onProgress({ kind: 'step', message: `Measurement "${title}", ${opensAt} to ${closesAt}` });

    // A measurement of a year ago is made as a draft of today, then dated back when it opens (openInThePast).
    const draft = await app.measurements.create(request, created.id, {
      title,
      questionnaire: BUILTIN,
      languages: [...socialSafety_1_0_0.languages],
      demographics: socialSafety_1_0_0.demographics.map((d) => d.id),
      k: 5,
      kSensitive: 10,
      opensAt: plan.wave === 0 ? today : opensAt,
      closesAt: plan.wave === 0 ? addDays(today, 1) : closesAt,
    });
    // Read while still a draft: once dated back, any read closes it (it is overdue), before its responses are in.
    const stored = await app.measurements.load(null, draft.id);
    const definition = stored.definition as QuestionnaireDefinition;
    for (const team of organisation.teams) {
      await app.invitations.create(request, draft.id, { unitCode: team.code, kind: 'personal', count: team.size });
    }
    if (plan.wave === 0) {
      await rows.openInThePast({
        measurementId: draft.id,
        organisationId: created.id,
        opensAt,
        closesAt,
        openedAt: new Date(`${opensAt}T08:00:00Z`),
      });
      // Opened outside the service, so recorded here: the log says what happened, and that it was dated back.
      await app.audit.record(request, 'measurement.open', {
        organisationId: created.id,
        targetType: 'measurement',
        targetId: draft.id,
        details: { units: organisation.units.length, k: draft.k, kSensitive: draft.kSensitive, demo: true, datedBackTo: opensAt },
      });
    } else {
      await app.measurements.open(request, draft.id);
    }

    const before = written;
    written += await writeResponses(
      { rows, definition, plan, seed: options.seed, measurementId: draft.id, versionId: stored.questionnaireVersionId, opensAt, closesAt },
      (n) => onProgress({ kind: 'responses', done: before + n, total }),
    );

    onProgress({ kind: 'step', message: `Closing "${title}": computing and checking the published results` });
    // The overdue measurement of a year ago closes as any overdue one does: automatically, on being read.
    const closed = plan.wave === 0 ? await app.measurements.get(request, draft.id) : await app.measurements.close(request, draft.id);
    measurements.push({
      id: draft.id,
      title,
      opensAt,
      closesAt,
      invited: organisation.employees,
      responses: plan.total,
      status: closed.status,
    });
  }

  const levelCount = (level: number) => organisation.units.filter((u) => u.level === level).length;
  return {
    organisationId: created.id,
    name,
    employees: organisation.employees,
    divisions: levelCount(1),
    departments: levelCount(2),
    teams: levelCount(3),
    measurements,
    problemTeams: organisation.teams
      .filter((t): t is DemoTeam & { problem: Exclude<TeamProblem, 'none'> } => t.problem !== 'none')
      .map(({ code, name: teamName, problem }) => ({ code, name: teamName, problem })),
  };
}

/**
 * Streams one wave's responses into the database in batches, each on a day within the measurement's run, and marks as
 * many of each team's links used on those days. Returns the running total for the progress bar.
 */
async function writeResponses(
  input: {
    rows: ReturnType<typeof demoRows>;
    definition: QuestionnaireDefinition;
    plan: WavePlan;
    seed: number;
    measurementId: string;
    versionId: string;
    opensAt: string;
    closesAt: string;
  },
  onBatch: (writtenInWave: number) => void,
): Promise<number> {
  const { rows, definition, plan, measurementId } = input;
  const unitIds = await rows.unitIds(measurementId);
  const days = seededRandom(input.seed).fork(`wave ${plan.wave}/days`);
  const span = Math.round((Date.parse(input.closesAt) - Date.parse(input.opensAt)) / 86_400_000);
  const usedOn = new Map<string, string[]>();
  let batch: StoredResponse[] = [];
  let count = 0;

  const flush = async () => {
    await rows.insertResponses(measurementId, input.versionId, batch);
    count += batch.length;
    batch = [];
    onBatch(count);
  };

  const responses = simulateWave(definition, plan, { seed: input.seed, demographics: definition.demographics.map((d) => d.id) });
  for (const response of responses) {
    const unitId = unitIds.get(response.unitCode);
    if (!unitId) throw new Error(`demo unit ${response.unitCode} is missing from the measurement's frozen tree`);
    // Most answers come in the first days after the invitation, fewer as the weeks go by.
    const day = addDays(input.opensAt, Math.min(span, Math.floor(span * days.next() ** 1.6)));
    (usedOn.get(unitId) ?? usedOn.set(unitId, []).get(unitId)!).push(day);
    batch.push({
      measurementUnitId: unitId,
      language: response.language,
      answers: response.answers,
      demographics: response.demographics,
      submissionHash: submissionHash(randomUUID()),
      submittedOn: day,
    });
    if (batch.length >= BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  for (const [unitId, dates] of usedOn) await rows.useInvitations(measurementId, unitId, dates);
  return count;
}
