import { itemsInOrder, type QuestionnaireDefinition } from '@socialsafety/instrument';
import { createScoringPlan } from '@socialsafety/scoring';
import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { conflict } from '../../lib/errors';
import type { MeasurementRow } from '../../repositories/measurements';
import type { ExportRepository } from '../../repositories/export';
import type { AuditService } from '../audit';
import type { MeasurementService } from '../measurements';
import { decodeAnswers } from './answers-text';
import { exportArchive } from './archive';
import { CellCollector, hierarchyTable } from './cells';
import { dataColumns, type DataColumn } from './columns';
import { codebook } from './files/codebook';
import { dataPackage } from './files/datapackage';
import { anonymisationSummary, disclosureReport, disclosureReportMarkdown } from './files/disclosure-report';
import { slug, type ExportMetadata } from './files/metadata';
import { rScript } from './files/r-script';
import { spssSyntax } from './files/spss';
import { variables } from './files/variables';
import { planAnonymisation, type AnonymisationPlan } from './planner';
import { availableQuasiIdentifiers, buildQuasiIdentifiers, parseSelection, writtenValue, type AvailableQuasiIdentifier, type QuasiIdentifier } from './quasi-identifiers';
import { ScoredRow } from './scored-row';
import type { ExportResponse } from './types';
import { writtenFileChecker } from './written-check';

/** Distinct l-diversity: every class has at least two different answers to each sensitive variable. */
export const L = 2;
/** Share of records that may be suppressed before more generalisation is preferred (anonymiseMicrodata's default). */
export const MAX_SUPPRESSED_SHARE = 0.05;

interface Prepared {
  m: MeasurementRow;
  definition: QuestionnaireDefinition;
  available: AvailableQuasiIdentifier[];
  quasiIdentifiers: QuasiIdentifier[];
  selection: string;
  columns: DataColumn[];
  sensitive: DataColumn[];
  cells: CellCollector;
  anonymisation: AnonymisationPlan;
}

/**
 * The research export of a closed measurement (disclosure-control.md rule 9). Two passes over the responses, page by
 * page: the first reduces them to cells (quasi-identifiers and sensitive answers) and decides the anonymisation; the
 * second scores them again and streams the released rows into the zip. Nothing ever holds all rows.
 */
export function exportService(deps: {
  lifecycle: MeasurementService;
  rows: ExportRepository;
  audit: AuditService;
  today: () => string;
}) {
  const { lifecycle, rows, audit, today } = deps;

  async function* responses(m: MeasurementRow, definition: QuestionnaireDefinition): AsyncGenerator<ExportResponse> {
    const itemIds = itemsInOrder(definition).filter((item) => item.type !== 'free-text').map((item) => item.id);
    for await (const page of rows.pages(m.id, itemIds)) {
      for (const row of page) {
        // The version is locked when the measurement opens, so every response was given to the same questions.
        if (row.questionnaireVersionId !== m.questionnaireVersionId) throw new Error(`measurement ${m.id} holds a response to another questionnaire version`);
        yield {
          unitId: row.unitId,
          language: row.language,
          answers: decodeAnswers(itemIds, row.answers),
          demographics: JSON.parse(row.demographics) as ExportResponse['demographics'],
        };
      }
    }
  }

  async function prepare(request: FastifyRequest, id: string, option: string | undefined): Promise<Prepared> {
    const m = await lifecycle.load(request, id);
    if (m.status !== 'closed') {
      throw conflict('EXPORT_NOT_AVAILABLE', `The measurement is ${m.status}: the research export is made once it has closed.`, { status: m.status });
    }
    const definition = m.definition as QuestionnaireDefinition;
    const context = { definition, demographics: m.demographics, languages: m.languages, units: await rows.units(id) };
    const available = availableQuasiIdentifiers(context);
    const selected = parseSelection(option, available);
    const quasiIdentifiers = buildQuasiIdentifiers(selected, context);
    const plan = createScoringPlan(definition);
    const columns = dataColumns(definition, plan, quasiIdentifiers.map((qi) => qi.name));
    const sensitive = columns.filter((column) => column.sensitive);

    const cells = new CellCollector(quasiIdentifiers.map((qi) => hierarchyTable(qi.name, qi.hierarchy)), sensitive.length, L);
    const row = new ScoredRow(definition, plan);
    for await (const response of responses(m, definition)) {
      row.load(response);
      cells.add(
        quasiIdentifiers.map((qi) => qi.valueOf(response)),
        sensitive.map((column) => column.read(row)),
      );
    }
    const anonymisation = planAnonymisation(cells, { k: m.kSensitive, l: L, maxSuppressedShare: MAX_SUPPRESSED_SHARE });
    const selection = selected.map((s) => (s.depth === null ? s.name : `${s.name}:${s.depth}`)).join(',');
    return { m, definition, available, quasiIdentifiers, selection, columns, sensitive, cells, anonymisation };
  }

  /** Pass 2: every response again, in the same order; the released ones as rows of data.csv. */
  async function* releasedRows(p: Prepared): AsyncGenerator<string[]> {
    const row = new ScoredRow(p.definition, createScoringPlan(p.definition));
    let seen = 0;
    for await (const response of responses(p.m, p.definition)) {
      seen += 1;
      const cell = p.cells.cellOf(p.quasiIdentifiers.map((qi) => qi.valueOf(response)));
      if (cell < 0) throw new Error('the responses changed while the export was written');
      if (!p.anonymisation.released(cell)) continue;
      row.load(response);
      const fields = p.quasiIdentifiers.map((_, q) => writtenValue(p.anonymisation.value(cell, q)));
      for (const column of p.columns) fields.push(column.read(row));
      yield fields;
    }
    if (seen !== p.cells.records) throw new Error('the responses changed while the export was written');
  }

  function metadata(p: Prepared): ExportMetadata {
    return {
      packageName: slug(p.m.title),
      title: p.m.title,
      questionnaire: `${p.definition.key}@${p.definition.version}`,
      opensAt: p.m.opensAt,
      closesAt: p.m.closesAt,
      exportedOn: today(),
      k: p.m.kSensitive,
      l: L,
      languages: p.definition.languages,
    };
  }

  const auditFields = (p: Prepared, extra: Record<string, unknown> = {}) => ({
    organisationId: p.m.organisationId,
    targetType: 'measurement',
    targetId: p.m.id,
    details: { qi: p.selection, k: p.m.kSensitive, l: L, ...anonymisationSummary(p.anonymisation, p.quasiIdentifiers), ...extra },
  });

  return {
    /** What an export with these quasi-identifiers would do, before anyone downloads it. Audited. */
    async preview(request: FastifyRequest, id: string, option: string | undefined) {
      const p = await prepare(request, id, option);
      await audit.record(request, 'export.preview', auditFields(p));
      return {
        measurementId: p.m.id,
        k: p.m.kSensitive,
        l: L,
        maxSuppressedShare: MAX_SUPPRESSED_SHARE,
        sensitive: p.sensitive.map((column) => column.name),
        available: p.available.map((qi) => ({ name: qi.name, kind: qi.kind, label: qi.label, maxDepth: qi.maxDepth })),
        selection: p.selection,
        ...anonymisationSummary(p.anonymisation, p.quasiIdentifiers),
        levels: Object.fromEntries(p.quasiIdentifiers.map((qi) => [qi.name, [...qi.levels]])),
      };
    },

    /** The zip, as a stream; the audit event is written before the first byte. */
    async download(request: FastifyRequest, id: string, option: string | undefined): Promise<{ filename: string; stream: Readable }> {
      const p = await prepare(request, id, option);
      const meta = metadata(p);
      const vars = variables(p.quasiIdentifiers, p.anonymisation.levels, p.columns);
      const sensitive = p.sensitive.map((column) => column.name);
      const freeText = p.definition.sections.flatMap((section) => section.items).filter((item) => item.type === 'free-text').map((item) => item.id);
      await audit.record(request, 'export.download', auditFields(p));
      const stream = exportArchive({
        before: [
          { name: 'datapackage.json', content: dataPackage(meta, vars) },
          { name: 'codebook.md', content: codebook(meta, p.definition, vars, p.anonymisation.recordsReleased) },
          { name: 'labels.sps', content: spssSyntax(meta, vars) },
          { name: 'labels.R', content: rScript(meta, vars) },
        ],
        header: vars.map((variable) => variable.name),
        rows: releasedRows(p),
        checker: writtenFileChecker({ quasiIdentifiers: p.quasiIdentifiers.map((qi) => qi.name), sensitive, k: meta.k, l: meta.l }),
        after: (check) => {
          const report = disclosureReport({
            meta,
            plan: p.anonymisation,
            quasiIdentifiers: p.quasiIdentifiers,
            sensitive,
            maxSuppressedShare: MAX_SUPPRESSED_SHARE,
            check,
            freeText,
          });
          return [
            { name: 'disclosure-report.json', content: JSON.stringify(report, null, 2) + '\n' },
            { name: 'disclosure-report.md', content: disclosureReportMarkdown(report) },
          ];
        },
        // A neutral timestamp for the zip entries: the day of the export, no time of day.
        mtime: new Date(`${meta.exportedOn}T00:00:00Z`),
        onFailure: (error) => request.log.error({ err: error, measurementId: id }, 'research export aborted'),
      });
      return { filename: `${meta.packageName}-research-export-${meta.exportedOn}.zip`, stream };
    },
  };
}

export type ExportService = ReturnType<typeof exportService>;
