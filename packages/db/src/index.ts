export * from './schema';
export { openConnection, redactUrl, type ConnectionOptions, type DatabaseConnection, type DatabaseKind } from './connect';
export { createKysely } from './kysely';
export { migrateToLatest, migrationsFolder, MigrationError } from './migrator';
