import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // The ONE published result set of a closed measurement (disclosure-control.md): computed at close, audited before it
  // is stored, and the only thing results endpoints read. Replaced as a whole by a recomputation, never edited.
  await db.schema
    .createTable('measurement_results')
    .addColumn('measurement_id', 'uuid', (c) => c.primaryKey().references('measurements.id').onDelete('cascade'))
    .addColumn('scoring_version', 'text', (c) => c.notNull())
    .addColumn('results', 'jsonb', (c) => c.notNull())
    .addColumn('benchmark', 'jsonb')
    .addColumn('audit', 'jsonb', (c) => c.notNull())
    .addColumn('computed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // Benchmark values from outside the deployment (a published study, a sector report): per scale mean, sd and n on
  // the 0-100 scale, with where they come from.
  await db.schema
    .createTable('external_benchmarks')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('questionnaire_version_id', 'uuid', (c) => c.notNull().references('questionnaire_versions.id'))
    .addColumn('source', 'text', (c) => c.notNull().check(sql`length(btrim(source)) between 1 and 500`))
    .addColumn('scales', 'jsonb', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('external_benchmarks_version_idx').on('external_benchmarks').column('questionnaire_version_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('external_benchmarks').execute();
  await db.schema.dropTable('measurement_results').execute();
}
