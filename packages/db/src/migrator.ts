import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Migrator, type Kysely, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';

/** The top-level migrations/ folder of the repository. */
export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations');

/**
 * Loads migrations with an import() issued from this package, not from inside kysely: that way the TypeScript files
 * are loaded by whatever runs this code (tsx in production, vite-node under vitest). Kysely's FileMigrationProvider
 * imports from node_modules, which vitest does not transform.
 */
class FolderMigrationProvider implements MigrationProvider {
  constructor(private readonly folder: string) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await readdir(this.folder)).filter((f) => /^\d{14}_[a-z0-9_]+\.ts$/.test(f)).sort();
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      const module = (await import(pathToFileURL(path.join(this.folder, file)).href)) as Migration;
      migrations[file.replace(/\.ts$/, '')] = { up: module.up, ...(module.down ? { down: module.down } : {}) };
    }
    return migrations;
  }
}

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly results: MigrationResultSet['results'],
  ) {
    super(message);
    this.name = 'MigrationError';
  }
}

/** Applies every pending migration in one run; throws MigrationError naming the migration that failed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time and typed as Kysely<any>
export async function migrateToLatest(db: Kysely<any>, folder = migrationsFolder): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new FolderMigrationProvider(folder) });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === 'Error');
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`migration ${failed?.migrationName ?? '(loading)'} failed: ${reason}`, results);
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
