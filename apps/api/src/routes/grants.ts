import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../plugins/access';
import { grant, readErrors, role, security, writeErrors } from './schemas';

/** Roles of people in an organisation, managed by its administrators (and platform administrators). */
const grants: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/organisations/:id/grants',
    {
      config: { access: { action: 'grants.read', organisationFrom: 'params.id' } },
      schema: {
        tags: ['organisations'],
        summary: 'Who holds which role in the organisation',
        security,
        params: z.object({ id: z.uuid() }),
        response: { 200: z.object({ grants: z.array(grant) }), ...readErrors },
      },
    },
    async (request) => ({ grants: await app.grants.list(request.params.id) }),
  );

  app.post(
    '/api/v1/organisations/:id/grants',
    {
      config: { access: { action: 'grants.write', organisationFrom: 'params.id' } },
      schema: {
        tags: ['organisations'],
        summary: 'Give an existing account a role in the organisation',
        description:
          'A unit_viewer needs `unitId` (the root of the subtree they may see, 422 UNIT_REQUIRED); other roles cover ' +
          'the whole organisation and take none. An unknown email is 422 USER_NOT_FOUND; the same grant twice is 409.',
        security,
        params: z.object({ id: z.uuid() }),
        body: z.object({ email: z.string().min(3).max(254), role, unitId: z.uuid().nullable().optional() }),
        response: { 201: grant, ...writeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await app.grants.create(request, principalOf(request), request.params.id, request.body)),
  );

  app.delete(
    '/api/v1/organisations/:id/grants/:grantId',
    {
      config: { access: { action: 'grants.write', organisationFrom: 'params.id' } },
      schema: {
        tags: ['organisations'],
        summary: 'Take a role away',
        security,
        params: z.object({ id: z.uuid(), grantId: z.uuid() }),
        response: { 204: z.null(), ...readErrors },
      },
    },
    async (request, reply) => {
      await app.grants.remove(request, request.params.id, request.params.grantId);
      return reply.status(204).send(null);
    },
  );
};

export default grants;
