import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    // Stored normalised (trimmed, lower case); the unique index on lower(email) holds whatever a client sends.
    .addColumn('email', 'text', (c) => c.notNull().check(sql`email = lower(btrim(email)) and email like '_%@_%'`))
    // Only argon2id hashes may ever be stored: no plain text, no fast hash, not even by a script writing SQL.
    .addColumn('password_hash', 'text', (c) => c.notNull().check(sql`password_hash like '$argon2id$%'`))
    .addColumn('is_platform_admin', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // Accounts are disabled, never deleted: the audit log keeps referring to them.
    .addColumn('disabled_at', 'timestamptz')
    .execute();
  await sql`create unique index users_email_key on users (lower(email))`.execute(db);

  // Session and API tokens are random secrets shown to the client once; only their SHA-256 is kept.
  await db.schema
    .createTable('sessions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique().check(sql`token_hash ~ '^[0-9a-f]{64}$'`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();
  await db.schema.createIndex('sessions_expires_idx').on('sessions').column('expires_at').execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique().check(sql`token_hash ~ '^[0-9a-f]{64}$'`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(btrim(name)) between 1 and 100`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_used_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('api_tokens_user_idx').on('api_tokens').column('user_id').execute();

  await db.schema
    .createTable('role_grants')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('org_admin', 'analyst', 'unit_viewer', 'researcher')`))
    .addColumn('unit_id', 'uuid')
    .addColumn('granted_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // A unit viewer sees one subtree; every other role covers the whole organisation.
    .addCheckConstraint('role_grants_unit_scope', sql`(role = 'unit_viewer') = (unit_id is not null)`)
    // The unit must belong to the same organisation. No cascade: removing a unit that people are granted on is a
    // decision the unit import refuses to take silently (it answers 409 naming the units).
    .addForeignKeyConstraint('role_grants_unit_fkey', ['organisation_id', 'unit_id'], 'units', ['organisation_id', 'id'], (fk) =>
      fk.onDelete('restrict'),
    )
    .addUniqueConstraint('role_grants_key', ['user_id', 'organisation_id', 'role', 'unit_id'], (u) => u.nullsNotDistinct())
    .execute();
  await db.schema.createIndex('role_grants_organisation_idx').on('role_grants').column('organisation_id').execute();
  await db.schema.createIndex('role_grants_unit_idx').on('role_grants').column('unit_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('role_grants').execute();
  await db.schema.dropTable('api_tokens').execute();
  await db.schema.dropTable('sessions').execute();
  await db.schema.dropTable('users').execute();
}
