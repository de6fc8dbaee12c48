import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readErrors, security } from './schemas';

const event = z
  .object({
    id: z.number().int(),
    occurredAt: z.string(),
    actorUserId: z.uuid().nullable(),
    actorEmail: z.string().nullable(),
    action: z.string().meta({ description: 'e.g. auth.login, auth.login_failure, grant.create, units.import, token.revoke' }),
    organisationId: z.uuid().nullable(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    details: z.unknown(),
  })
  .meta({ id: 'AuditEvent' });

const page = z.object({
  events: z.array(event),
  nextBefore: z.number().int().nullable().meta({ description: 'Pass as ?before= for the next, older page; null at the end' }),
});

const paging = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

/** The audit log, newest first, in pages. */
const audit: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/organisations/:id/audit',
    {
      config: { access: { action: 'audit.read', organisationFrom: 'params.id' } },
      schema: {
        tags: ['organisations'],
        summary: "The organisation's audit log (organisation administrators)",
        security,
        params: z.object({ id: z.uuid() }),
        querystring: paging,
        response: { 200: page, ...readErrors },
      },
    },
    async (request) => app.audit.page({ organisationId: request.params.id, ...request.query }),
  );

  app.get(
    '/api/v1/audit',
    {
      config: { access: { action: 'platform_audit.read' } },
      schema: {
        tags: ['accounts'],
        summary: 'The whole audit log, sign-ins and account changes included (platform administrators)',
        security,
        querystring: paging,
        response: { 200: page, ...readErrors },
      },
    },
    async (request) => app.audit.page(request.query),
  );
};

export default audit;
