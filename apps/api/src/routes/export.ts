import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { todayIn } from '../lib/calendar';
import { exportRepository } from '../repositories/export';
import { exportService } from '../services/export';
import { exportPreview, exportQuery } from './export-schemas';
import { measurementParams } from './measurement-schemas';
import { readErrors, security } from './schemas';

export interface ExportRouteOptions {
  /** The deployment's time zone and clock: an export is dated by its day only. */
  timeZone: string;
  now: () => Date;
}

const rules =
  'Closed measurements only (409 EXPORT_NOT_AVAILABLE before). Quasi-identifiers are generalised and rows suppressed so ' +
  'that every combination of their values occurs at least k (the measurement’s k_sensitive) times and holds at least ' +
  'l = 2 different answers to each sensitive variable. Unknown quasi-identifiers: 400 naming them. Audited.';

/** The research export of a measurement: a preview of the anonymisation, and the zip itself. */
const researchExport: FastifyPluginAsyncZod<ExportRouteOptions> = async (app, { timeZone, now }) => {
  const service = exportService({ lifecycle: app.measurements, rows: exportRepository(app.db), audit: app.audit, today: todayIn(timeZone, now) });

  app.get(
    '/api/v1/measurements/:id/export/preview',
    {
      config: { access: { action: 'export.read', measurementFrom: 'params.id' } },
      schema: {
        tags: ['export'],
        summary: 'What the export would do with these quasi-identifiers: generalisation per quasi-identifier, rows suppressed, information loss',
        description: `${rules} Reads every response once; nothing is downloaded.`,
        security,
        params: measurementParams,
        querystring: exportQuery,
        response: { 200: exportPreview, ...readErrors, 409: readErrors[404] },
      },
    },
    async (request) => service.preview(request, request.params.id, request.query.qi),
  );

  app.get(
    '/api/v1/measurements/:id/export',
    {
      config: { access: { action: 'export.read', measurementFrom: 'params.id' } },
      schema: {
        tags: ['export'],
        summary: 'Anonymised microdata as a zip: data.csv, datapackage.json, codebook.md, labels.sps, labels.R, disclosure report',
        description:
          `${rules} Streamed while it is made; its last files (disclosure-report.json and .md) record a check of the ` +
          'written data.csv. If that check ever failed, the download would be cut off rather than completed.',
        security,
        params: measurementParams,
        querystring: exportQuery,
        produces: ['application/zip'],
        response: { ...readErrors, 409: readErrors[404] },
      },
    },
    async (request, reply) => {
      const { filename, stream } = await service.download(request, request.params.id, request.query.qi);
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'no-store')
        // A stream is sent as it is: it bypasses the JSON schema's serializer (the OpenAPI document lists application/zip).
        .send(stream as never);
    },
  );
};

export default researchExport;
