import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
// Using up a personal link changes its status. PostgreSQL can update a row in place (a "HOT" update: no new index
// entries, no new page) only when no column any index depends on changes value, and only when the row's page has room.
// The index that allows one open link per unit had `status` in its predicate, so every used link wrote a new row
// version elsewhere and a new entry in each of the table's four indexes. The predicate now reads a stored generated
// column that is false for every personal link, whatever its status; and pages keep room for a new version of their
// rows (links are written in bulk when made, each used at most once). docs/performance.md, "Personal links".
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table invitations
      add column open_and_issued boolean generated always as (kind = 'open' and status = 'issued') stored`.execute(db);
  await sql`drop index invitations_one_open_link`.execute(db);
  await sql`create unique index invitations_one_open_link on invitations (measurement_unit_id) where open_and_issued`.execute(db);
  await sql`alter table invitations set (fillfactor = 70)`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table invitations reset (fillfactor)`.execute(db);
  await sql`drop index invitations_one_open_link`.execute(db);
  await sql`
    create unique index invitations_one_open_link on invitations (measurement_unit_id)
    where kind = 'open' and status = 'issued'`.execute(db);
  await sql`alter table invitations drop column open_and_issued`.execute(db);
}
