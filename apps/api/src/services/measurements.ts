import type { MeasurementStatus } from '@socialsafety/db';
import type { QuestionnaireDefinition } from '@socialsafety/instrument';
import type { FastifyRequest } from 'fastify';
import { unitScope, type Principal } from '../access/authorize';
import type { Today } from '../lib/calendar';
import { AppError, conflict, notFound, unprocessable } from '../lib/errors';
import { subtreeIds } from '../lib/subtree';
import type { MeasurementRepository, MeasurementRow, MeasurementValues, TransitionOutcome } from '../repositories/measurements';
import type { OrganisationRepository } from '../repositories/organisations';
import type { QuestionnaireRepository } from '../repositories/questionnaires';
import type { AuditService } from './audit';
import type { ResultsPublisher } from './results-publisher';
import { checkValues, withDefaults, type MeasurementInput } from './measurement-input';

export function measurementView(m: MeasurementRow) {
  return {
    id: m.id,
    organisationId: m.organisationId,
    title: m.title,
    questionnaire: { key: m.questionnaireKey, version: m.questionnaireVersion },
    languages: m.languages,
    demographics: m.demographics,
    k: m.k,
    kSensitive: m.kSensitive,
    status: m.status,
    opensAt: m.opensAt,
    closesAt: m.closesAt,
    openedAt: m.openedAt?.toISOString() ?? null,
    closedAt: m.closedAt?.toISOString() ?? null,
    createdAt: m.createdAt.toISOString(),
    unitsFrozen: m.unitsFrozen,
  };
}

/** The fields that may still change while a measurement is open; everything else is locked at open. */
const CHANGEABLE_WHILE_OPEN = ['title', 'closesAt'] as const;

export const statusConflict = (status: MeasurementStatus, wanted: string) =>
  conflict(
    status === 'closed' ? 'MEASUREMENT_CLOSED' : status === 'open' ? 'MEASUREMENT_OPEN' : 'MEASUREMENT_NOT_OPEN',
    `The measurement is ${status}: it cannot ${wanted}. Measurements go from draft to open to closed, never back.`,
    { status },
  );

/**
 * The life of a measurement: draft (editable) -> open (taking answers; k, k_sensitive, the version, languages and
 * demographics locked) -> closed. Closing is manual, or automatic the day after the closing day: every read of a
 * measurement goes through `load`, which closes one that is due first (lazily; no background job), so nobody ever
 * sees an open measurement past its closing day.
 */
export function measurementService(deps: {
  measurements: MeasurementRepository;
  questionnaires: QuestionnaireRepository;
  organisations: OrganisationRepository;
  audit: AuditService;
  publisher: ResultsPublisher;
  today: Today;
  now: () => Date;
}) {
  const { measurements, questionnaires, organisations, audit, publisher, today, now } = deps;

  // Closing publishes: the results are computed, audited and stored in the closing transaction, or nothing happens.
  async function closeAutomatically(request: FastifyRequest | null, row: MeasurementRow) {
    const publish = await publisher.prepare(row);
    const outcome = await measurements.close(row.id, now(), { dueOnly: { today: today() }, publish });
    if (outcome.kind === 'done') {
      await audit.record(request, 'measurement.close', {
        actorUserId: null,
        organisationId: row.organisationId,
        targetType: 'measurement',
        targetId: row.id,
        details: { automatic: true },
      });
    }
  }

  async function load(request: FastifyRequest | null, id: string): Promise<MeasurementRow> {
    let row = await measurements.find(id);
    if (!row) throw notFound('Measurement');
    if (row.status === 'open' && row.closesAt < today()) {
      await closeAutomatically(request, row);
      row = (await measurements.find(id))!;
    }
    return row;
  }

  async function publishedVersion(key: string, version: string) {
    const row = await questionnaires.findVersion(key, version);
    if (!row) throw unprocessable('QUESTIONNAIRE_NOT_FOUND', `There is no questionnaire '${key}' version ${version}.`);
    if (row.status !== 'published') {
      throw unprocessable('VERSION_NOT_PUBLISHED', `Questionnaire '${key}' version ${version} is ${row.status}; a measurement needs a published version.`);
    }
    return row;
  }

  function failed(outcome: TransitionOutcome, wanted: string): AppError {
    switch (outcome.kind) {
      case 'missing':
        return notFound('Measurement');
      case 'status':
        return statusConflict(outcome.status, wanted);
      case 'closing_date_passed':
        return conflict('CLOSING_DATE_PASSED', 'The closing day has passed: change closesAt before opening.');
      case 'version_retired':
        return conflict('VERSION_RETIRED', 'The questionnaire version was retired: choose a published version before opening.');
      case 'no_units':
        return conflict('NO_UNITS', 'The organisation has no units: import the unit tree first (PUT /api/v1/organisations/:id/units).');
      case 'not_due':
      case 'done':
        return new AppError(500, 'INTERNAL', 'unexpected transition outcome');
    }
  }

  return {
    load,

    /**
     * Closes every measurement past its closing day, so that results are published on time even when nobody looks.
     * One failure (an audit that finds a leak) is logged and does not stop the others. Returns how many closed.
     */
    async sweep(log: { error: (obj: object, msg: string) => void }): Promise<number> {
      let closed = 0;
      for (const id of await measurements.dueForClosing(today())) {
        try {
          const row = await measurements.find(id);
          if (row) {
            await closeAutomatically(null, row);
            closed += 1;
          }
        } catch (error) {
          log.error({ err: error, measurementId: id }, 'automatic close failed');
        }
      }
      return closed;
    },

    organisationOf: (id: string) => measurements.organisationOf(id),

    async create(request: FastifyRequest, organisationId: string, input: MeasurementInput) {
      if (!(await organisations.find(organisationId))) throw notFound('Organisation');
      const version = await publishedVersion(input.questionnaire.key, input.questionnaire.version);
      const values = withDefaults(input, version.id, version.definition as QuestionnaireDefinition);
      checkValues(values, version.definition as QuestionnaireDefinition, today(), true);
      const id = await measurements.create(organisationId, values);
      await audit.record(request, 'measurement.create', {
        organisationId,
        targetType: 'measurement',
        targetId: id,
        details: { title: values.title, questionnaire: input.questionnaire, k: values.k, kSensitive: values.kSensitive },
      });
      return measurementView((await measurements.find(id))!);
    },

    async list(request: FastifyRequest, organisationId: string) {
      if (!(await organisations.find(organisationId))) throw notFound('Organisation');
      for (const id of await measurements.dueForClosing(today(), organisationId)) {
        const row = await measurements.find(id);
        if (row) await closeAutomatically(request, row);
      }
      return (await measurements.list(organisationId)).map(measurementView);
    },

    async get(request: FastifyRequest, id: string) {
      return measurementView(await load(request, id));
    },

    /** A draft changes freely; an open measurement only its title and closing day; a closed one not at all. */
    async update(request: FastifyRequest, id: string, patch: Partial<MeasurementInput>) {
      const current = await load(request, id);
      if (current.status === 'closed') throw statusConflict('closed', 'change');
      const version =
        patch.questionnaire === undefined
          ? { id: current.questionnaireVersionId, definition: current.definition }
          : await publishedVersion(patch.questionnaire.key, patch.questionnaire.version);
      const merged = withDefaults(
        {
          title: patch.title ?? current.title,
          languages: patch.languages ?? current.languages,
          demographics: patch.demographics ?? current.demographics,
          k: patch.k ?? current.k,
          kSensitive: patch.kSensitive ?? (patch.k !== undefined && patch.k > current.kSensitive ? patch.k : current.kSensitive),
          opensAt: patch.opensAt ?? current.opensAt,
          closesAt: patch.closesAt ?? current.closesAt,
        },
        version.id,
        version.definition as QuestionnaireDefinition,
      );
      const before: MeasurementValues = { ...current, questionnaireVersionId: current.questionnaireVersionId };
      const changed = (Object.keys(merged) as (keyof MeasurementValues)[]).filter(
        (field) => JSON.stringify(merged[field]) !== JSON.stringify(before[field]),
      );
      if (current.status === 'open') {
        const locked = changed.filter((f) => !(CHANGEABLE_WHILE_OPEN as readonly string[]).includes(f));
        if (locked.length > 0) {
          throw conflict('MEASUREMENT_LOCKED', `The measurement is open: ${locked.join(', ')} can no longer change (only the title and closesAt can).`, {
            fields: locked,
          });
        }
      }
      checkValues(merged, version.definition as QuestionnaireDefinition, today(), changed.includes('closesAt'));
      if (changed.length === 0) return measurementView(current);
      if (!(await measurements.update(id, current.status, merged))) throw conflict('MEASUREMENT_CHANGED', 'The measurement changed status meanwhile; read it again.');
      await audit.record(request, 'measurement.update', {
        organisationId: current.organisationId,
        targetType: 'measurement',
        targetId: id,
        details: { fields: changed },
      });
      return measurementView((await measurements.find(id))!);
    },

    async open(request: FastifyRequest, id: string) {
      const current = await load(request, id);
      const outcome = await measurements.open(id, current.organisationId, today(), now());
      if (outcome.kind !== 'done') throw failed(outcome, 'be opened');
      await audit.record(request, 'measurement.open', {
        organisationId: current.organisationId,
        targetType: 'measurement',
        targetId: id,
        details: { units: outcome.units, k: current.k, kSensitive: current.kSensitive },
      });
      return measurementView((await measurements.find(id))!);
    },

    async close(request: FastifyRequest, id: string) {
      const current = await load(request, id);
      if (current.status !== 'open') throw statusConflict(current.status, 'be closed');
      const outcome = await measurements.close(id, now(), { publish: await publisher.prepare(current) });
      if (outcome.kind !== 'done') throw failed(outcome, 'be closed');
      await audit.record(request, 'measurement.close', {
        organisationId: current.organisationId,
        targetType: 'measurement',
        targetId: id,
        details: { automatic: false },
      });
      return measurementView((await measurements.find(id))!);
    },

    /** The frozen unit tree (empty before it is frozen); a unit viewer sees only their subtree(s), as top-level units. */
    async units(request: FastifyRequest, principal: Principal, id: string) {
      const m = await load(request, id);
      const units = await measurements.units(id);
      const scope = unitScope(principal, 'measurements.read', m.organisationId);
      const visible =
        scope === 'all' ? null : subtreeIds(units, units.filter((u) => u.sourceUnitId !== null && scope.includes(u.sourceUnitId)).map((u) => u.id));
      return {
        frozen: m.unitsFrozen,
        units: units
          .filter((u) => visible === null || visible.has(u.id))
          .map((u) => ({ id: u.id, code: u.code, name: u.name, parentId: visible === null || (u.parentId && visible.has(u.parentId)) ? u.parentId : null })),
      };
    },
  };
}

export type MeasurementService = ReturnType<typeof measurementService>;
