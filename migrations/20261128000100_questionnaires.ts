import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('questionnaires')
    .addColumn('key', 'text', (c) => c.primaryKey().check(sql`key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('questionnaire_versions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('questionnaire_key', 'text', (c) => c.notNull().references('questionnaires.key'))
    .addColumn('version', 'text', (c) => c.notNull().check(sql`version ~ '^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)$'`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft').check(sql`status in ('draft', 'published', 'retired')`))
    .addColumn('definition', 'jsonb', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull().check(sql`content_hash ~ '^[0-9a-f]{64}$'`))
    .addColumn('builtin', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('published_at', 'timestamptz')
    .addUniqueConstraint('questionnaire_versions_key_version_key', ['questionnaire_key', 'version'])
    .addCheckConstraint('questionnaire_versions_published_at', sql`(status = 'draft') = (published_at is null)`)
    .execute();

  // A published version is the exact wording people answered: nothing about it may change, from any client, ever.
  // Only its status may move on to 'retired' (no longer offered for new measurements).
  await sql`
    create function questionnaire_versions_guard() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        if old.status <> 'draft' then
          raise exception 'questionnaire % version % is published and cannot be deleted', old.questionnaire_key, old.version
            using errcode = 'integrity_constraint_violation';
        end if;
        return old;
      end if;
      if old.status = 'draft' then
        return new;
      end if;
      if new.definition is distinct from old.definition
        or new.content_hash is distinct from old.content_hash
        or new.questionnaire_key is distinct from old.questionnaire_key
        or new.version is distinct from old.version
        or new.builtin is distinct from old.builtin
        or new.published_at is distinct from old.published_at
        or new.id is distinct from old.id
        or not (new.status = old.status or (old.status = 'published' and new.status = 'retired')) then
        raise exception 'questionnaire % version % is published and cannot be changed', old.questionnaire_key, old.version
          using errcode = 'integrity_constraint_violation';
      end if;
      return new;
    end
    $$`.execute(db);
  await sql`
    create trigger questionnaire_versions_immutable
    before update or delete on questionnaire_versions
    for each row execute function questionnaire_versions_guard()`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('questionnaire_versions').execute();
  await sql`drop function if exists questionnaire_versions_guard()`.execute(db);
  await db.schema.dropTable('questionnaires').execute();
}
