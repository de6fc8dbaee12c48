import {
  builtinQuestionnaires,
  compareVersions,
  contentHash,
  localise,
  validateQuestionnaire,
  type QuestionnaireDefinition,
  type ValidationIssue,
} from '@socialsafety/instrument';
import type { FastifyBaseLogger } from 'fastify';
import { AppError, conflict, notFound, unprocessable } from '../lib/errors';
import type { QuestionnaireRepository, VersionRow } from '../repositories/questionnaires';

export interface VersionSummary {
  version: string;
  status: VersionRow['status'];
  contentHash: string;
  builtin: boolean;
  languages: string[];
  title: Record<string, string>;
  estimatedMinutes: number;
  createdAt: string;
  publishedAt: string | null;
}

function summarise(row: VersionRow): VersionSummary {
  const definition = row.definition as QuestionnaireDefinition;
  return {
    version: row.version,
    status: row.status,
    contentHash: row.contentHash,
    builtin: row.builtin,
    languages: definition.languages,
    title: definition.title,
    estimatedMinutes: definition.estimatedMinutes,
    createdAt: row.createdAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
  };
}

function invalid(issues: ValidationIssue[]): AppError {
  const first = issues[0];
  return unprocessable(
    'QUESTIONNAIRE_INVALID',
    first
      ? `The questionnaire definition has ${issues.length} problem(s); the first: ${first.path}: ${first.message}`
      : 'The questionnaire definition is not valid',
    { issues },
  );
}

/**
 * The rules for questionnaire versions: definitions are validated before they are stored, drafts may change, and a
 * published version never changes again (the database enforces that too). Trend links must point at an earlier,
 * published version that has the named scale, so that a trend is never drawn between things that do not exist.
 */
export function questionnaireService(repository: QuestionnaireRepository, log: FastifyBaseLogger) {
  async function validateForStorage(key: string, version: string | undefined, input: unknown): Promise<QuestionnaireDefinition> {
    const result = validateQuestionnaire(input);
    if (!result.ok) throw invalid(result.issues);
    const definition = result.definition;
    const issues: ValidationIssue[] = [];
    if (definition.key !== key) issues.push({ path: 'key', message: `must be '${key}', the questionnaire in the address` });
    if (version !== undefined && definition.version !== version) {
      issues.push({ path: 'version', message: `must be '${version}', the version in the address` });
    }
    const earlier = await repository.versionsOf(key);
    definition.scales.forEach((scale, index) => {
      const link = scale.comparableTo;
      if (!link) return;
      const target = earlier.find((row) => row.version === link.version);
      const path = `scales[${index}].comparableTo`;
      if (!target || target.status === 'draft') {
        issues.push({ path: `${path}.version`, message: `version ${link.version} of '${key}' is not published` });
      } else if (compareVersions(link.version, definition.version) >= 0) {
        issues.push({ path: `${path}.version`, message: `must be earlier than ${definition.version}` });
      } else if (!(target.definition as QuestionnaireDefinition).scales.some((s) => s.id === link.scaleId)) {
        issues.push({ path: `${path}.scaleId`, message: `version ${link.version} has no scale '${link.scaleId}'` });
      }
    });
    if (issues.length > 0) throw invalid(issues);
    return definition;
  }

  async function requireVersion(key: string, version: string): Promise<VersionRow> {
    const row = await repository.findVersion(key, version);
    if (!row) throw notFound(`Questionnaire '${key}' version ${version}`);
    return row;
  }

  return {
    /**
     * Loads the questionnaires that ship with the product, as published versions, idempotently. A built-in version
     * whose stored copy differs from the code was edited without a new version number: refuse to start.
     */
    async ensureBuiltins(definitions: readonly QuestionnaireDefinition[] = builtinQuestionnaires): Promise<void> {
      for (const definition of definitions) {
        const hash = contentHash(definition);
        const stored = await repository.findVersion(definition.key, definition.version);
        if (stored) {
          if (stored.contentHash !== hash) {
            throw new Error(
              `built-in questionnaire ${definition.key} ${definition.version} differs from the published copy in the ` +
                `database (${hash.slice(0, 12)} vs ${stored.contentHash.slice(0, 12)}): give the changed questionnaire a new version`,
            );
          }
          continue;
        }
        await repository.insertVersion({
          key: definition.key,
          version: definition.version,
          status: 'published',
          definition,
          contentHash: hash,
          builtin: true,
        });
        log.info({ key: definition.key, version: definition.version }, 'built-in questionnaire published');
      }
    },

    async list() {
      const rows = await repository.listVersions();
      const byKey = new Map<string, VersionRow[]>();
      for (const row of rows) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row]);
      return [...byKey.entries()].map(([key, versions]) => ({
        key,
        versions: versions.sort((a, b) => compareVersions(b.version, a.version)).map(summarise),
      }));
    },

    async get(key: string, version: string, language?: string) {
      const row = await requireVersion(key, version);
      const definition = row.definition as QuestionnaireDefinition;
      if (language !== undefined && !definition.languages.includes(language)) {
        throw new AppError(
          400,
          'LANGUAGE_NOT_AVAILABLE',
          `Questionnaire '${key}' ${version} is available in ${definition.languages.join(', ')}, not in '${language}'`,
        );
      }
      return { key, ...summarise(row), definition: language === undefined ? definition : localise(definition, language) };
    },

    async createDraft(key: string, input: unknown) {
      const definition = await validateForStorage(key, undefined, input);
      const created = await repository.insertVersion({
        key,
        version: definition.version,
        status: 'draft',
        definition,
        contentHash: contentHash(definition),
        builtin: false,
      });
      if (!created) {
        throw conflict('VERSION_EXISTS', `Questionnaire '${key}' already has a version ${definition.version}; use a new version number`);
      }
      return { key, ...summarise(await requireVersion(key, definition.version)) };
    },

    async updateDraft(key: string, version: string, input: unknown) {
      const current = await requireVersion(key, version);
      if (current.status !== 'draft') throw publishedConflict(key, version);
      const definition = await validateForStorage(key, version, input);
      if (!(await repository.updateDraft(key, version, definition, contentHash(definition)))) throw publishedConflict(key, version);
      return { key, ...summarise(await requireVersion(key, version)) };
    },

    async publish(key: string, version: string) {
      const current = await requireVersion(key, version);
      if (current.status !== 'draft') {
        throw conflict('ALREADY_PUBLISHED', `Questionnaire '${key}' version ${version} is already ${current.status}`);
      }
      if (!(await repository.publish(key, version))) {
        throw conflict('ALREADY_PUBLISHED', `Questionnaire '${key}' version ${version} is already published`);
      }
      return { key, ...summarise(await requireVersion(key, version)) };
    },
  };
}

function publishedConflict(key: string, version: string): AppError {
  return conflict(
    'VERSION_PUBLISHED',
    `Questionnaire '${key}' version ${version} is published and can no longer change; create a new version instead`,
  );
}

export type QuestionnaireService = ReturnType<typeof questionnaireService>;
