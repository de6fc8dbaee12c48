import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('organisations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(btrim(name)) > 0`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('units')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('parent_id', 'uuid')
    .addColumn('code', 'text', (c) => c.notNull().check(sql`length(btrim(code)) > 0`))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(btrim(name)) > 0`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('units_organisation_code_key', ['organisation_id', 'code'])
    // Target of the composite key below: a parent must belong to the same organisation.
    .addUniqueConstraint('units_organisation_id_key', ['organisation_id', 'id'])
    .addForeignKeyConstraint('units_parent_fkey', ['organisation_id', 'parent_id'], 'units', ['organisation_id', 'id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .addCheckConstraint('units_not_own_parent', sql`parent_id is null or parent_id <> id`)
    .execute();

  await db.schema.createIndex('units_parent_idx').on('units').column('parent_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('units').execute();
  await db.schema.dropTable('organisations').execute();
}
