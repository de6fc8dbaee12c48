import type { Database, QuestionnaireStatus } from '@socialsafety/db';
import type { Kysely } from 'kysely';

export interface VersionRow {
  id: string;
  key: string;
  version: string;
  status: QuestionnaireStatus;
  definition: unknown;
  contentHash: string;
  builtin: boolean;
  createdAt: Date;
  publishedAt: Date | null;
}

const columns = [
  'id',
  'questionnaire_key as key',
  'version',
  'status',
  'definition',
  'content_hash as contentHash',
  'builtin',
  'created_at as createdAt',
  'published_at as publishedAt',
] as const;

/** All SQL about questionnaires and their versions. */
export function questionnaireRepository(db: Kysely<Database>) {
  return {
    async listVersions(): Promise<VersionRow[]> {
      return db.selectFrom('questionnaire_versions').select(columns).orderBy('questionnaire_key').execute();
    },

    async findVersion(key: string, version: string): Promise<VersionRow | undefined> {
      return db
        .selectFrom('questionnaire_versions')
        .select(columns)
        .where('questionnaire_key', '=', key)
        .where('version', '=', version)
        .executeTakeFirst();
    },

    async versionsOf(key: string): Promise<VersionRow[]> {
      return db.selectFrom('questionnaire_versions').select(columns).where('questionnaire_key', '=', key).execute();
    },

    /** Inserts a version (creating its questionnaire when new) in one transaction; false when it already exists. */
    async insertVersion(row: {
      key: string;
      version: string;
      status: QuestionnaireStatus;
      definition: unknown;
      contentHash: string;
      builtin: boolean;
    }): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        await trx.insertInto('questionnaires').values({ key: row.key }).onConflict((oc) => oc.column('key').doNothing()).execute();
        const inserted = await trx
          .insertInto('questionnaire_versions')
          .values({
            questionnaire_key: row.key,
            version: row.version,
            status: row.status,
            definition: JSON.stringify(row.definition),
            content_hash: row.contentHash,
            builtin: row.builtin,
            published_at: row.status === 'draft' ? null : new Date(),
          })
          .onConflict((oc) => oc.columns(['questionnaire_key', 'version']).doNothing())
          .returning('id')
          .executeTakeFirst();
        return inserted !== undefined;
      });
    },

    /** Replaces a draft's definition; false when the version is not (or no longer) a draft. */
    async updateDraft(key: string, version: string, definition: unknown, contentHash: string): Promise<boolean> {
      const result = await db
        .updateTable('questionnaire_versions')
        .set({ definition: JSON.stringify(definition), content_hash: contentHash })
        .where('questionnaire_key', '=', key)
        .where('version', '=', version)
        .where('status', '=', 'draft')
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    /** Publishes a draft; false when it is not (or no longer) a draft. */
    async publish(key: string, version: string): Promise<boolean> {
      const result = await db
        .updateTable('questionnaire_versions')
        .set({ status: 'published', published_at: new Date() })
        .where('questionnaire_key', '=', key)
        .where('version', '=', version)
        .where('status', '=', 'draft')
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
  };
}

export type QuestionnaireRepository = ReturnType<typeof questionnaireRepository>;
