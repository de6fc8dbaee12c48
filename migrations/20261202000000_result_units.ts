import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
// A published set is stored as its head (measurement_results.results: everything but the units) and one row per unit.
// As one jsonb value a set of 1,000 units was 19 MB at 10,000 responses and took seconds to convert and compress at
// every close, came near jsonb's 255 MB ceiling for large trees, and had to be read whole where one unit was wanted
// (a trend, the deployment benchmark). `json` because a unit's figures are only ever stored and read whole.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('measurement_result_units')
    .addColumn('measurement_id', 'uuid', (c) => c.notNull().references('measurement_results.measurement_id').onDelete('cascade'))
    .addColumn('unit_id', 'uuid', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().check(sql`position >= 0`))
    .addColumn('result', 'json', (c) => c.notNull())
    .addPrimaryKeyConstraint('measurement_result_units_pkey', ['measurement_id', 'unit_id'])
    .addUniqueConstraint('measurement_result_units_position_key', ['measurement_id', 'position'])
    .execute();
  await sql`
    insert into measurement_result_units (measurement_id, unit_id, position, result)
    select r.measurement_id, (u.value ->> 'unitId')::uuid, u.ordinality - 1, u.value::json
    from measurement_results r cross join lateral jsonb_array_elements(r.results -> 'units') with ordinality as u
  `.execute(db);
  await sql`update measurement_results set results = results - 'units'`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    update measurement_results r
    set results = r.results || jsonb_build_object('units', coalesce((
      select jsonb_agg(u.result::jsonb order by u.position) from measurement_result_units u where u.measurement_id = r.measurement_id
    ), '[]'::jsonb))
  `.execute(db);
  await db.schema.dropTable('measurement_result_units').execute();
}
