import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../plugins/access';
import {
  measurement,
  measurementParams,
  measurementPatch,
  measurementUnit,
  newMeasurement,
  participation,
} from './measurement-schemas';
import { organisationParams, readErrors, security, writeErrors } from './schemas';

const lifecycle = 'Measurements go from draft to open to closed, never back; a wrong step is 409 with the reason.';

/** Measurements: create, read, change while draft, open, close; the frozen unit tree; participation. */
const measurements: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/organisations/:id/measurements',
    {
      config: { access: { action: 'measurements.write', organisationFrom: 'params.id' } },
      schema: {
        tags: ['measurements'],
        summary: 'Create a measurement (draft)',
        description:
          'With a published questionnaire version; languages and demographics must be the version’s own. Rules ' +
          'across fields (kSensitive >= k, closesAt after opensAt and not in the past, ...) are one 422 ' +
          'MEASUREMENT_INVALID listing every problem in `details.issues` ({ field, message }).',
        security,
        params: organisationParams,
        body: newMeasurement,
        response: { 201: measurement, ...writeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await app.measurements.create(request, request.params.id, request.body)),
  );

  app.get(
    '/api/v1/organisations/:id/measurements',
    {
      config: { access: { action: 'measurements.read', organisationFrom: 'params.id' } },
      schema: {
        tags: ['measurements'],
        summary: 'The organisation’s measurements, newest first',
        security,
        params: organisationParams,
        response: { 200: z.object({ measurements: z.array(measurement) }), ...readErrors },
      },
    },
    async (request) => ({ measurements: await app.measurements.list(request, request.params.id) }),
  );

  app.get(
    '/api/v1/measurements/:id',
    {
      config: { access: { action: 'measurements.read', measurementFrom: 'params.id' } },
      schema: { tags: ['measurements'], summary: 'One measurement', security, params: measurementParams, response: { 200: measurement, ...readErrors } },
    },
    async (request) => app.measurements.get(request, request.params.id),
  );

  app.patch(
    '/api/v1/measurements/:id',
    {
      config: { access: { action: 'measurements.write', measurementFrom: 'params.id' } },
      schema: {
        tags: ['measurements'],
        summary: 'Change a measurement',
        description:
          'A draft changes freely. An open measurement only its title and closesAt (409 MEASUREMENT_LOCKED names the ' +
          'other fields: k, kSensitive, the questionnaire version, languages and demographics are locked at open). ' +
          'A closed one never changes (409 MEASUREMENT_CLOSED).',
        security,
        params: measurementParams,
        body: measurementPatch,
        response: { 200: measurement, ...writeErrors },
      },
    },
    async (request) => app.measurements.update(request, request.params.id, request.body),
  );

  app.post(
    '/api/v1/measurements/:id/open',
    {
      config: { access: { action: 'measurements.write', measurementFrom: 'params.id' } },
      schema: {
        tags: ['measurements'],
        summary: 'Open a draft: freeze the unit tree, lock k, kSensitive and the version',
        description:
          `${lifecycle} Opening copies the organisation's unit tree (unless the first links already did) in one ` +
          'transaction; an empty tree is 409 NO_UNITS, a passed closing day 409 CLOSING_DATE_PASSED. Links work from ' +
          'opensAt on.',
        security,
        params: measurementParams,
        response: { 200: measurement, ...writeErrors },
      },
    },
    async (request) => app.measurements.open(request, request.params.id),
  );

  app.post(
    '/api/v1/measurements/:id/close',
    {
      config: { access: { action: 'measurements.write', measurementFrom: 'params.id' } },
      schema: {
        tags: ['measurements'],
        summary: 'Close an open measurement now',
        description:
          `${lifecycle} A measurement also closes by itself the day after closesAt (the first request that reads it ` +
          'closes it). Closing deletes every saved draft.',
        security,
        params: measurementParams,
        response: { 200: measurement, ...writeErrors },
      },
    },
    async (request) => app.measurements.close(request, request.params.id),
  );

  app.get(
    '/api/v1/measurements/:id/units',
    {
      config: { access: { action: 'measurements.read', measurementFrom: 'params.id' } },
      schema: {
        tags: ['measurements'],
        summary: 'The frozen unit tree of the measurement (flat, parents with their ids)',
        description:
          'Empty with `frozen: false` until the tree is frozen (at open, or when the first links are made); before ' +
          'that, use the organisation’s live tree. A unit viewer sees their subtree only, as top-level units.',
        security,
        params: measurementParams,
        response: { 200: z.object({ frozen: z.boolean(), units: z.array(measurementUnit) }), ...readErrors },
      },
    },
    async (request) => app.measurements.units(request, principalOf(request), request.params.id),
  );

  app.get(
    '/api/v1/measurements/:id/participation',
    {
      config: { access: { action: 'participation.read', measurementFrom: 'params.id' } },
      schema: {
        tags: ['measurements'],
        summary: 'Participation per unit (subtree totals), under disclosure control',
        description:
          'Responses per unit subtree are shown only from k up, and never where a group below k would follow by ' +
          'subtraction; otherwise `responded` is null ("fewer than k", the same for every hidden unit). `rate` is ' +
          'whole percent. No breakdown by day or hour exists. A unit viewer sees their subtree only. Each view is in ' +
          'the audit log (participation.view).',
        security,
        params: measurementParams,
        response: { 200: participation, ...readErrors },
      },
    },
    async (request) => app.participation.read(request, principalOf(request), request.params.id),
  );
};

export default measurements;
