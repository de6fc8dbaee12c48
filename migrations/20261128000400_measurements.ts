import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // opens_at and closes_at are calendar dates (the first and the last day people can answer), not moments.
  await db.schema
    .createTable('measurements')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('questionnaire_version_id', 'uuid', (c) => c.notNull().references('questionnaire_versions.id'))
    .addColumn('title', 'text', (c) => c.notNull().check(sql`length(btrim(title)) between 1 and 200`))
    .addColumn('languages', sql`text[]`, (c) => c.notNull().check(sql`cardinality(languages) >= 1`))
    .addColumn('demographics', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('k', 'integer', (c) => c.notNull().defaultTo(5).check(sql`k between 5 and 50`))
    .addColumn('k_sensitive', 'integer', (c) => c.notNull().defaultTo(10))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft').check(sql`status in ('draft', 'open', 'closed')`))
    .addColumn('opens_at', 'date', (c) => c.notNull())
    .addColumn('closes_at', 'date', (c) => c.notNull())
    .addColumn('opened_at', 'timestamptz')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('measurements_k_sensitive', sql`k_sensitive >= k and k_sensitive <= 100`)
    .addCheckConstraint('measurements_dates', sql`closes_at > opens_at`)
    .addCheckConstraint('measurements_opened', sql`(status = 'draft') = (opened_at is null)`)
    .addCheckConstraint('measurements_closed', sql`(status = 'closed') = (closed_at is not null)`)
    .execute();
  await db.schema.createIndex('measurements_organisation_idx').on('measurements').column('organisation_id').execute();

  // Once open, what the anonymity promise rests on (k, k_sensitive, the questionnaire version) never changes, from
  // any client: nobody may lower k after seeing who took part. Status only moves forward; a closed measurement is
  // frozen; a measurement that has responses is never deleted.
  await sql`
    create function measurements_guard() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        if old.status <> 'draft' then
          raise exception 'measurement % is % and cannot be deleted', old.id, old.status
            using errcode = 'integrity_constraint_violation';
        end if;
        return old;
      end if;
      if not (new.status = old.status
              or (old.status = 'draft' and new.status = 'open')
              or (old.status = 'open' and new.status = 'closed')) then
        raise exception 'measurement % cannot go from % to %', old.id, old.status, new.status
          using errcode = 'integrity_constraint_violation';
      end if;
      if old.status = 'closed' and new is distinct from old then
        raise exception 'measurement % is closed and cannot be changed', old.id
          using errcode = 'integrity_constraint_violation';
      end if;
      if old.status <> 'draft' and (
           new.questionnaire_version_id is distinct from old.questionnaire_version_id
        or new.k is distinct from old.k
        or new.k_sensitive is distinct from old.k_sensitive
        or new.organisation_id is distinct from old.organisation_id
        or new.languages is distinct from old.languages
        or new.demographics is distinct from old.demographics
        or new.opens_at is distinct from old.opens_at
        or new.opened_at is distinct from old.opened_at
        or new.id is distinct from old.id) then
        raise exception 'measurement % is open: its questionnaire version, k, k_sensitive, languages and demographics are locked', old.id
          using errcode = 'integrity_constraint_violation';
      end if;
      return new;
    end
    $$`.execute(db);
  await sql`
    create trigger measurements_locked
    before update or delete on measurements
    for each row execute function measurements_guard()`.execute(db);

  // A frozen copy of the unit tree: later re-organisations of the live tree do not rewrite history. source_unit_id
  // has no foreign key on purpose: deleting a live unit must neither fail nor touch the copy.
  await db.schema
    .createTable('measurement_units')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('measurement_id', 'uuid', (c) => c.notNull().references('measurements.id').onDelete('cascade'))
    .addColumn('source_unit_id', 'uuid')
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'uuid')
    .addUniqueConstraint('measurement_units_code_key', ['measurement_id', 'code'])
    .addUniqueConstraint('measurement_units_measurement_id_key', ['measurement_id', 'id'])
    .addForeignKeyConstraint(
      'measurement_units_parent_fkey',
      ['measurement_id', 'parent_id'],
      'measurement_units',
      ['measurement_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema.createIndex('measurement_units_source_idx').on('measurement_units').column('source_unit_id').execute();

  await sql`
    create function measurement_units_frozen() returns trigger language plpgsql as $$
    begin
      raise exception 'measurement units are a frozen copy of the unit tree and cannot be changed'
        using errcode = 'integrity_constraint_violation';
    end
    $$`.execute(db);
  await sql`
    create trigger measurement_units_no_update
    before update on measurement_units
    for each row execute function measurement_units_frozen()`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('measurement_units').execute();
  await sql`drop function if exists measurement_units_frozen()`.execute(db);
  await db.schema.dropTable('measurements').execute();
  await sql`drop function if exists measurements_guard()`.execute(db);
}
