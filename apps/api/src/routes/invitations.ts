import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { linksCsv } from '../lib/links-csv';
import { invitationKind, linkSummary, links, measurementParams, newLinks, unitCode } from './measurement-schemas';
import { readErrors, security, writeErrors } from './schemas';

const wantsCsv = (accept: string | undefined) => /\btext\/csv\b/i.test(accept ?? '');

/** Invitation links: made per unit and shown once (JSON, or CSV for a mail merge), revoked, counted. */
const invitations: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/measurements/:id/invitations',
    {
      config: { access: { action: 'invitations.write', measurementFrom: 'params.id' } },
      schema: {
        tags: ['measurements'],
        summary: 'Make links for one unit; they are shown this once',
        description:
          'While draft or open. `unitCode` is the unit’s code (the first links of a draft freeze the unit tree). ' +
          '`kind: "personal"` (default) makes `count` single-use links; `kind: "open"` makes the one shared link of ' +
          'the unit (409 OPEN_LINK_EXISTS while one works; it cannot stop anyone answering twice). Links are ' +
          '`PUBLIC_URL/s/<token>` with 192 random bits; only SHA-256 is stored. With `Accept: text/csv` the answer ' +
          'is a CSV file for a mail merge (UTF-8 with byte-order mark): `unit_code,unit_name,link`.',
        security,
        params: measurementParams,
        body: newLinks,
        produces: ['application/json', 'text/csv'],
        response: { 201: links, ...writeErrors },
      },
    },
    async (request, reply) => {
      const made = await app.invitations.create(request, request.params.id, request.body);
      // Secrets: no browser or proxy may keep a copy.
      reply.header('cache-control', 'no-store');
      if (!wantsCsv(request.headers.accept)) return reply.status(201).send(made);
      const csv = linksCsv(made.links.map((link) => ({ unitCode: made.unit.code, unitName: made.unit.name, link })));
      const file = `links-${made.unit.code.replace(/[^A-Za-z0-9_-]+/g, '_')}-${made.createdOn}.csv`;
      return reply
        .status(201)
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file}"`)
        // CSV is text as it is: it bypasses the JSON schema's serializer (the OpenAPI document lists text/csv).
        .serializer((payload) => payload as string)
        .send(csv as unknown as typeof made);
    },
  );

  app.post(
    '/api/v1/measurements/:id/invitations/revoke',
    {
      config: { access: { action: 'invitations.write', measurementFrom: 'params.id' } },
      schema: {
        tags: ['measurements'],
        summary: 'Withdraw links: of one unit or all, personal or open or both',
        description:
          'Withdraws every link in scope that is not withdrawn yet, used ones included, so that the count says ' +
          'nothing about how many were used (that would be participation below k). Answers already sent stay.',
        security,
        params: measurementParams,
        body: z.object({ unitCode: unitCode.optional(), kind: invitationKind.optional() }).default({}),
        response: { 200: z.object({ revoked: z.number().int() }), ...writeErrors },
      },
    },
    async (request) => app.invitations.revoke(request, request.params.id, request.body),
  );

  app.get(
    '/api/v1/measurements/:id/invitations/summary',
    {
      config: { access: { action: 'invitations.read', measurementFrom: 'params.id' } },
      schema: {
        tags: ['measurements'],
        summary: 'Links per unit: handed out, withdrawn, open link',
        description:
          'Counts of each unit’s own links. How many were used is participation: see GET …/participation, which ' +
          'applies the anonymity threshold.',
        security,
        params: measurementParams,
        response: { 200: linkSummary, ...readErrors },
      },
    },
    async (request) => app.invitations.summary(request, request.params.id),
  );
};

export default invitations;
