import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../plugins/access';
import { authErrors, organisation, organisationParams, readErrors, security, writeErrors } from './schemas';

/** Organisations: created by platform administrators, listed to whoever holds a role in them. */
const organisations: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/organisations',
    {
      config: { access: { action: 'organisations.list' } },
      schema: {
        tags: ['organisations'],
        summary: 'The organisations you hold a role in (every one, for platform administrators)',
        security,
        response: { 200: z.object({ organisations: z.array(organisation) }), ...authErrors },
      },
    },
    async (request) => ({ organisations: await app.organisations.list(principalOf(request)) }),
  );

  app.post(
    '/api/v1/organisations',
    {
      config: { access: { action: 'organisations.create' } },
      schema: {
        tags: ['organisations'],
        summary: 'Create an organisation (platform administrators)',
        security,
        body: z.object({ name: z.string().trim().min(1).max(200) }),
        response: { 201: organisation, ...writeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await app.organisations.create(request, principalOf(request), request.body.name)),
  );

  app.get(
    '/api/v1/organisations/:id',
    {
      config: { access: { action: 'organisation.read', organisationFrom: 'params.id' } },
      schema: { tags: ['organisations'], summary: 'One organisation', security, params: organisationParams, response: { 200: organisation, ...readErrors } },
    },
    async (request) => app.organisations.get(principalOf(request), request.params.id),
  );
};

export default organisations;
