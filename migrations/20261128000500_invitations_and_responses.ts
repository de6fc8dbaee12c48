import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
//
// Unlinkability (disclosure-control.md rule 8) is a property of this schema: responses have no column and no foreign
// key that leads to an invitation, a token or a person, and invitations have none that leads to a response. Dates
// only, never a time of day, on anything a respondent's action writes. A test reads information_schema to hold it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // Only the SHA-256 of a token is kept; the token itself is shown once to whoever makes the links.
  await db.schema
    .createTable('invitations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('measurement_id', 'uuid', (c) => c.notNull().references('measurements.id').onDelete('cascade'))
    .addColumn('measurement_unit_id', 'uuid', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique().check(sql`token_hash ~ '^[0-9a-f]{64}$'`))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('personal', 'open')`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('issued').check(sql`status in ('issued', 'used', 'revoked')`))
    .addColumn('created_on', 'date', (c) => c.notNull())
    .addColumn('used_on', 'date')
    .addForeignKeyConstraint(
      'invitations_unit_fkey',
      ['measurement_id', 'measurement_unit_id'],
      'measurement_units',
      ['measurement_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addCheckConstraint('invitations_used_on', sql`(status = 'used') = (used_on is not null)`)
    // An open link is shared by many people: it is never "used up", only revoked.
    .addCheckConstraint('invitations_open_never_used', sql`kind = 'personal' or status <> 'used'`)
    .execute();
  await db.schema.createIndex('invitations_unit_idx').on('invitations').columns(['measurement_id', 'measurement_unit_id']).execute();
  await sql`
    create unique index invitations_one_open_link on invitations (measurement_unit_id)
    where kind = 'open' and status = 'issued'`.execute(db);

  // Save and resume, keyed by the token's hash; deleted on submit (in the same transaction) and when the measurement
  // closes, so that no partial answers stay next to a token.
  await db.schema
    .createTable('drafts')
    .addColumn('token_hash', 'text', (c) => c.primaryKey().references('invitations.token_hash').onDelete('cascade'))
    .addColumn('measurement_id', 'uuid', (c) => c.notNull().references('measurements.id').onDelete('cascade'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('answers', 'jsonb', (c) => c.notNull())
    .addColumn('demographics', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('drafts_measurement_idx').on('drafts').column('measurement_id').execute();

  // submission_hash is SHA-256 of the submission id the respondent's browser chose: it makes retries idempotent
  // without storing anything the holder of the links could recompute (see docs/api.md, "Receipts").
  await db.schema
    .createTable('responses')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('measurement_id', 'uuid', (c) => c.notNull().references('measurements.id').onDelete('cascade'))
    .addColumn('measurement_unit_id', 'uuid', (c) => c.notNull())
    .addColumn('questionnaire_version_id', 'uuid', (c) => c.notNull().references('questionnaire_versions.id'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('answers', 'jsonb', (c) => c.notNull())
    .addColumn('demographics', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('submission_hash', 'text', (c) => c.notNull().check(sql`submission_hash ~ '^[0-9a-f]{64}$'`))
    .addColumn('submitted_on', 'date', (c) => c.notNull())
    .addUniqueConstraint('responses_submission_key', ['measurement_id', 'submission_hash'])
    .addForeignKeyConstraint(
      'responses_unit_fkey',
      ['measurement_id', 'measurement_unit_id'],
      'measurement_units',
      ['measurement_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema.createIndex('responses_unit_idx').on('responses').columns(['measurement_id', 'measurement_unit_id']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('responses').execute();
  await db.schema.dropTable('drafts').execute();
  await db.schema.dropTable('invitations').execute();
}
