import type { Database, MeasurementStatus, QuestionnaireStatus } from '@socialsafety/db';
import { sql, type Kysely, type Transaction } from 'kysely';

export interface MeasurementRow {
  id: string;
  organisationId: string;
  questionnaireVersionId: string;
  questionnaireKey: string;
  questionnaireVersion: string;
  versionStatus: QuestionnaireStatus;
  /** The version's definition (owned by @socialsafety/instrument). */
  definition: unknown;
  title: string;
  languages: string[];
  demographics: string[];
  k: number;
  kSensitive: number;
  status: MeasurementStatus;
  opensAt: string;
  closesAt: string;
  openedAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
  /** True once the unit tree was copied (at open, or when the first links were made). */
  unitsFrozen: boolean;
}

export interface MeasurementValues {
  questionnaireVersionId: string;
  title: string;
  languages: string[];
  demographics: string[];
  k: number;
  kSensitive: number;
  opensAt: string;
  closesAt: string;
}

export interface MeasurementUnitRow {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  sourceUnitId: string | null;
}

export type TransitionOutcome =
  | { kind: 'done'; units: number }
  | { kind: 'missing' }
  | { kind: 'status'; status: MeasurementStatus }
  | { kind: 'closing_date_passed' }
  | { kind: 'version_retired' }
  | { kind: 'no_units' }
  | { kind: 'not_due' };

/**
 * Copies the organisation's live unit tree into measurement_units, once: a no-op when the measurement already has
 * its copy. One statement: new ids are drawn in a CTE that is referenced twice, so PostgreSQL materialises it and
 * parents and children agree on them. Returns the number of units of the copy.
 */
export async function freezeUnits(trx: Transaction<Database>, measurementId: string, organisationId: string): Promise<number> {
  const existing = await trx
    .selectFrom('measurement_units')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('measurement_id', '=', measurementId)
    .executeTakeFirstOrThrow();
  if (existing.n > 0) return existing.n;
  const { rows } = await sql<{ n: number }>`
    with source as (
      select id, parent_id, code, name, gen_random_uuid() as new_id from units where organisation_id = ${organisationId}
    ), copied as (
      insert into measurement_units (id, measurement_id, source_unit_id, code, name, parent_id)
      select s.new_id, ${measurementId}::uuid, s.id, s.code, s.name, p.new_id
      from source s left join source p on p.id = s.parent_id
      returning 1
    )
    select count(*)::int as n from copied`.execute(trx);
  return rows[0]?.n ?? 0;
}

/** All SQL about measurements and their frozen unit trees. */
export function measurementRepository(db: Kysely<Database>) {
  const detailed = () =>
    db
      .selectFrom('measurements as m')
      .innerJoin('questionnaire_versions as v', 'v.id', 'm.questionnaire_version_id')
      .select([
        'm.id',
        'm.organisation_id as organisationId',
        'm.questionnaire_version_id as questionnaireVersionId',
        'v.questionnaire_key as questionnaireKey',
        'v.version as questionnaireVersion',
        'v.status as versionStatus',
        'm.title',
        'm.languages',
        'm.demographics',
        'm.k',
        'm.k_sensitive as kSensitive',
        'm.status',
        'm.opens_at as opensAt',
        'm.closes_at as closesAt',
        'm.opened_at as openedAt',
        'm.closed_at as closedAt',
        'm.created_at as createdAt',
        sql<boolean>`exists (select 1 from measurement_units u where u.measurement_id = m.id)`.as('unitsFrozen'),
      ]);

  // Definitions are large (about 100 kB of jsonb) and never change once published (a trigger refuses it), while
  // every survey request and every read of a measurement needs one: each version's is read once per process.
  const definitions = new Map<string, Promise<unknown>>();
  const definitionOf = (versionId: string): Promise<unknown> => {
    let known = definitions.get(versionId);
    if (!known) {
      known = db
        .selectFrom('questionnaire_versions')
        .select('definition')
        .where('id', '=', versionId)
        .executeTakeFirstOrThrow()
        .then((row) => row.definition);
      known.catch(() => definitions.delete(versionId));
      definitions.set(versionId, known);
    }
    return known;
  };
  const withDefinition = async <T extends { questionnaireVersionId: string }>(row: T): Promise<T & { definition: unknown }> => ({
    ...row,
    definition: await definitionOf(row.questionnaireVersionId),
  });

  return {
    /** A questionnaire version's definition, read once per process (see above). */
    definitionOf,

    async organisationOf(id: string): Promise<string | undefined> {
      const row = await db.selectFrom('measurements').select('organisation_id').where('id', '=', id).executeTakeFirst();
      return row?.organisation_id;
    },

    async find(id: string): Promise<MeasurementRow | undefined> {
      const row = await detailed().where('m.id', '=', id).executeTakeFirst();
      return row && withDefinition(row);
    },

    /** The few fields a results read needs, without the questionnaire definition (large, and cached by results). */
    async summary(id: string) {
      return db
        .selectFrom('measurements')
        .select(['id', 'organisation_id as organisationId', 'title', 'status', 'closes_at as closesAt', 'closed_at as closedAt'])
        .where('id', '=', id)
        .executeTakeFirst();
    },

    async list(organisationId: string): Promise<MeasurementRow[]> {
      const rows = await detailed().where('m.organisation_id', '=', organisationId).orderBy('m.created_at', 'desc').orderBy('m.id').execute();
      return Promise.all(rows.map(withDefinition));
    },

    async create(organisationId: string, values: MeasurementValues): Promise<string> {
      const row = await db
        .insertInto('measurements')
        .values({
          organisation_id: organisationId,
          questionnaire_version_id: values.questionnaireVersionId,
          title: values.title,
          languages: values.languages,
          demographics: values.demographics,
          k: values.k,
          k_sensitive: values.kSensitive,
          opens_at: values.opensAt,
          closes_at: values.closesAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    /** Writes new values while the measurement is still in `status`; false when it moved on meanwhile. */
    async update(id: string, status: MeasurementStatus, values: MeasurementValues): Promise<boolean> {
      const result = await db
        .updateTable('measurements')
        .set({
          questionnaire_version_id: values.questionnaireVersionId,
          title: values.title,
          languages: values.languages,
          demographics: values.demographics,
          k: values.k,
          k_sensitive: values.kSensitive,
          opens_at: values.opensAt,
          closes_at: values.closesAt,
        })
        .where('id', '=', id)
        .where('status', '=', status)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    /** draft -> open in one transaction: freezes the unit tree (unless links already did) and locks the measurement. */
    async open(id: string, organisationId: string, today: string, at: Date): Promise<TransitionOutcome> {
      return db.transaction().execute(async (trx) => {
        const current = await trx
          .selectFrom('measurements as m')
          .innerJoin('questionnaire_versions as v', 'v.id', 'm.questionnaire_version_id')
          .select(['m.status', 'm.closes_at as closesAt', 'v.status as versionStatus'])
          .where('m.id', '=', id)
          .forUpdate('m')
          .executeTakeFirst();
        if (!current) return { kind: 'missing' };
        if (current.status !== 'draft') return { kind: 'status', status: current.status };
        if (current.closesAt < today) return { kind: 'closing_date_passed' };
        if (current.versionStatus !== 'published') return { kind: 'version_retired' };
        const units = await freezeUnits(trx, id, organisationId);
        if (units === 0) return { kind: 'no_units' };
        await trx.updateTable('measurements').set({ status: 'open', opened_at: at }).where('id', '=', id).execute();
        return { kind: 'done', units };
      });
    },

    /**
     * open -> closed in one transaction. `dueOnly`: only when the closing day has passed (the automatic close).
     * Drafts are deleted (no partial answers stay next to a token once nobody can send them), and the responses are
     * rewritten in random order: PostgreSQL stamps every row with the transaction that wrote it (xmin) and stores
     * rows in the order written, so until now a response could be matched to the invitation marked used in the same
     * transaction. After the rewrite every response carries this transaction's stamp and a random position.
     * `publish` runs last, in the same transaction, on exactly the closed set of responses: when it throws (the
     * results could not be computed, or the auditor found a leak) nothing of the close is kept.
     */
    async close(
      id: string,
      at: Date,
      options: { dueOnly?: { today: string }; publish?: (trx: Transaction<Database>) => Promise<void> } = {},
    ): Promise<TransitionOutcome> {
      const { dueOnly, publish } = options;
      return db.transaction().execute(async (trx) => {
        const current = await trx
          .selectFrom('measurements')
          .select(['status', 'closes_at as closesAt'])
          .where('id', '=', id)
          .forUpdate()
          .executeTakeFirst();
        if (!current) return { kind: 'missing' };
        if (current.status !== 'open') return { kind: 'status', status: current.status };
        if (dueOnly && current.closesAt >= dueOnly.today) return { kind: 'not_due' };
        await trx.updateTable('measurements').set({ status: 'closed', closed_at: at }).where('id', '=', id).execute();
        await trx.deleteFrom('drafts').where('measurement_id', '=', id).execute();
        await sql`
          with moved as (delete from responses where measurement_id = ${id} returning *)
          insert into responses select * from moved order by random()`.execute(trx);
        if (publish) await publish(trx);
        return { kind: 'done', units: 0 };
      });
    },

    /** Runs `publish` on a closed measurement, with its row locked so that two recomputations do not interleave. */
    async republish(id: string, publish: (trx: Transaction<Database>) => Promise<void>): Promise<TransitionOutcome> {
      return db.transaction().execute(async (trx) => {
        const current = await trx.selectFrom('measurements').select('status').where('id', '=', id).forUpdate().executeTakeFirst();
        if (!current) return { kind: 'missing' };
        if (current.status !== 'closed') return { kind: 'status', status: current.status };
        await publish(trx);
        return { kind: 'done', units: 0 };
      });
    },

    /**
     * The live units a frozen unit and its ancestors were copied from, the unit's own first: what a unit viewer's
     * grant (on a live unit) is checked against. Empty when the unit is not in the measurement.
     */
    async sourcePath(measurementId: string, unitId: string): Promise<string[]> {
      const { rows } = await sql<{ source: string | null }>`
        with recursive up as (
          select id, parent_id, source_unit_id, 0 as depth from measurement_units where measurement_id = ${measurementId} and id = ${unitId}
          union all
          select u.id, u.parent_id, u.source_unit_id, up.depth + 1
          from measurement_units u join up on u.id = up.parent_id
          where u.measurement_id = ${measurementId}
        )
        select source_unit_id as source from up order by depth`.execute(db);
      return rows.flatMap((r) => (r.source === null ? [] : [r.source]));
    },

    /** Open measurements whose last day is before `today` (of one organisation, or all). */
    async dueForClosing(today: string, organisationId?: string): Promise<string[]> {
      const rows = await db
        .selectFrom('measurements')
        .select('id')
        .where('status', '=', 'open')
        .where('closes_at', '<', today)
        .$if(organisationId !== undefined, (q) => q.where('organisation_id', '=', organisationId!))
        .execute();
      return rows.map((r) => r.id);
    },

    async units(measurementId: string): Promise<MeasurementUnitRow[]> {
      return db
        .selectFrom('measurement_units')
        .select(['id', 'code', 'name', 'parent_id as parentId', 'source_unit_id as sourceUnitId'])
        .where('measurement_id', '=', measurementId)
        .orderBy('code')
        .execute();
    },
  };
}

export type MeasurementRepository = ReturnType<typeof measurementRepository>;
